//! Why a `coquille.toml` cannot be used, pointing into it as a compiler would.

use std::fmt;

use miette::{LabeledSpan, SourceCode};

use crate::render::NamedText;
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
#[derive(Debug, thiserror::Error)]
#[error("{name}: {fault}")]
pub struct InvalidConfig {
    /// The file's name.
    pub name: String,
    /// The bytes at fault.
    pub span: Span,
    /// What is wrong.
    pub fault: Fault,
    toml: NamedText<String>,
}

impl InvalidConfig {
    /// The error for `fault` at `span` of the file `name` whose text is `text`.
    pub(super) fn error(name: &str, text: &str, span: Span, fault: Fault) -> ConfigError {
        ConfigError::Invalid(Box::new(Self {
            name: name.to_owned(),
            span,
            fault,
            toml: NamedText {
                name: name.to_owned(),
                text: text.to_owned(),
            },
        }))
    }
}

impl miette::Diagnostic for InvalidConfig {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("coquille::config"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.fault
            .help()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.toml)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = LabeledSpan::new_primary_with_span(Some(self.fault.label().into()), self.span);
        Some(Box::new(std::iter::once(label)))
    }
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

impl Fault {
    /// The text under the place at fault.
    const fn label(&self) -> &'static str {
        match self {
            Self::Toml(_) => "here",
            Self::UnknownRule(_) => "no such rule or group",
            Self::InvalidGlob(_) => "not a glob",
        }
    }

    /// How to repair it.
    const fn help(&self) -> Option<&'static str> {
        match self {
            Self::Toml(_) => None,
            Self::UnknownRule(_) => Some(
                "`coquille rules` lists the rule ids; the groups are structure, consistency, dates, typography, ocr",
            ),
            Self::InvalidGlob(_) => Some("`*` matches within a folder, `**` across folders: `annexes/**/*.md`"),
        }
    }
}
