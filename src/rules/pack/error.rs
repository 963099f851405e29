//! Why a rule pack cannot be used, pointing into its TOML as a compiler would.

use crate::render::{TomlFault, TomlFaultKind};

/// A rule pack that cannot be loaded.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum PackError {
    /// The file or folder cannot be read.
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(coquille::rule_pack))]
    Io {
        /// The path as given.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// A folder given as a pack holds no `*.toml` file.
    #[error("{path}: no rule pack (*.toml file) in this folder")]
    #[diagnostic(code(coquille::rule_pack))]
    EmptyFolder {
        /// The folder.
        path: String,
    },
    /// The pack's TOML is wrong at one place.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidPack>),
}

/// A fault at one place of a pack's TOML.
pub type InvalidPack = TomlFault<Fault>;

impl From<Box<InvalidPack>> for PackError {
    fn from(invalid: Box<InvalidPack>) -> Self {
        Self::Invalid(invalid)
    }
}

/// What is wrong in a pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Fault {
    /// Bad TOML, an unknown key, a missing key or a value of the wrong type, as `toml` says.
    #[error("{0}")]
    Toml(String),
    /// An id that is not kebab-case.
    #[error("rule id `{0}` is not kebab-case")]
    InvalidId(String),
    /// Two rules of the pack with one id.
    #[error("rule id `{0}` is defined twice")]
    DuplicateId(String),
    /// An id that a built-in rule or an earlier pack already has.
    #[error("rule id `{0}` is already taken")]
    IdTaken(String),
    /// Neither `pattern` nor `patterns`.
    #[error("the rule has neither `pattern` nor `patterns`")]
    NoPattern,
    /// Both `pattern` and `patterns`.
    #[error("`pattern` and `patterns` cannot both be given")]
    BothPatterns,
    /// `patterns = []`.
    #[error("`patterns` is empty")]
    EmptyPatterns,
    /// A regex that does not parse, or that can match empty text.
    #[error("invalid regex: {0}")]
    InvalidRegex(String),
    /// A template naming a group its pattern does not have.
    #[error("the {template} names the group `{group}`, which the pattern does not have")]
    UnknownGroup {
        /// `message`, `fix` or `help`.
        template: &'static str,
        /// The name or number as written.
        group: String,
    },
    /// A `{` with no `}` in a message.
    #[error("the {0} has a `{{` that is never closed")]
    UnclosedBrace(&'static str),
    /// A `}` with no `{` in a message.
    #[error("the {0} has a `}}` with no `{{` before it")]
    StrayBrace(&'static str),
    /// A `$` naming no group in a fix.
    #[error("the fix has a `$` that names no group")]
    StrayDollar,
    /// `{fix}` in the message of a pattern without a fix.
    #[error("the {0} quotes `{{fix}}` but the pattern has no fix")]
    NoFixToQuote(&'static str),
    /// `applicability` without a fix.
    #[error("`applicability` is given but the rule has no fix")]
    ApplicabilityWithoutFix,
    /// An example's `fixed` text in a rule without a fix.
    #[error("the example gives `fixed` but the rule has no fix")]
    FixedWithoutFix,
}

impl TomlFaultKind for Fault {
    const CODE: &'static str = "coquille::rule_pack";

    fn label(&self) -> String {
        match self {
            Self::Toml(_) => "here",
            Self::InvalidId(_) => "not kebab-case",
            Self::DuplicateId(_) => "defined again here",
            Self::IdTaken(_) => "taken",
            Self::NoPattern | Self::BothPatterns | Self::EmptyPatterns => "in this rule",
            Self::InvalidRegex(_) => "here",
            Self::UnknownGroup { .. } => "no such group",
            Self::UnclosedBrace(_) => "never closed",
            Self::StrayBrace(_) => "no `{` before",
            Self::StrayDollar => "names no group",
            Self::NoFixToQuote(_) => "no fix to quote",
            Self::ApplicabilityWithoutFix | Self::FixedWithoutFix => "but no `fix`",
        }
        .to_owned()
    }

    fn help(&self) -> Option<&'static str> {
        Some(match self {
            Self::InvalidId(_) => {
                "an id is lowercase ASCII letters and digits in words joined by single hyphens: `house-terminology`"
            }
            Self::IdTaken(_) => "`coquille rules` lists the ids in use; choose another one",
            Self::NoPattern => "give one regex as `pattern = '…'` or several as `patterns = ['…', '…']`",
            Self::UnknownGroup { .. } => {
                "groups are numbered from 1 in the order of their `(`; `(?P<name>…)` names one"
            }
            Self::UnclosedBrace(_) | Self::StrayBrace(_) => "write `{{` or `}}` for a brace",
            Self::StrayDollar => "write `$$` for a dollar sign, `$1` or `${name}` for a group",
            _ => return None,
        })
    }
}
