//! Why a `coquille.toml` cannot be used, pointing into it as a compiler would.

use crate::render::{TomlFault, TomlFaultKind};
use crate::span::Span;

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    /// The file cannot be read.
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(coquille::config))]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The file is wrong at one place.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidConfig>),
}

/// A fault at one place of a `coquille.toml`.
pub type InvalidConfig = TomlFault<Fault>;

/// The error for `fault` at `span` of the file `name` whose text is `text`.
pub(super) fn invalid(name: &str, text: &str, span: Span, fault: Fault) -> ConfigError {
    ConfigError::Invalid(Box::new(InvalidConfig::new(name, text, span, fault)))
}

/// What is wrong in a `coquille.toml`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Fault {
    /// Bad TOML, an unknown key or a value of the wrong type, as `toml` says.
    #[error("{0}")]
    Toml(String),
    /// A name that is neither a rule id nor a group.
    #[error("unknown rule or group `{0}`")]
    UnknownRule(String),
    /// A glob that does not parse.
    #[error("invalid glob: {0}")]
    InvalidGlob(String),
}

impl TomlFaultKind for Fault {
    const CODE: &'static str = "coquille::config";

    fn label(&self) -> String {
        match self {
            Self::Toml(_) => "here",
            Self::UnknownRule(_) => "no such rule or group",
            Self::InvalidGlob(_) => "not a glob",
        }
        .to_owned()
    }

    fn help(&self) -> Option<&'static str> {
        match self {
            Self::Toml(_) => None,
            Self::UnknownRule(_) => Some(
                "`coquille rules` lists the rule ids; the groups are structure, consistency, dates, typography, ocr",
            ),
            Self::InvalidGlob(_) => Some("`*` matches within a folder, `**` across folders: `annexes/**/*.md`"),
        }
    }
}
