//! A fault at one place of a TOML file coquille reads (`coquille.toml`, a rule pack), drawn
//! by miette as a compiler would: the file, the bytes at fault, a label, a help line.

use std::fmt;

use miette::{LabeledSpan, SourceCode};

use super::NamedText;
use crate::span::Span;

/// What kind of fault a TOML file can have: how it is labelled, helped and coded.
pub trait TomlFaultKind: fmt::Display + fmt::Debug + Send + Sync + 'static {
    /// The report's code (`coquille::config`).
    const CODE: &'static str;

    /// The text under the bytes at fault.
    fn label(&self) -> String;

    /// What to do about it.
    fn help(&self) -> Option<&'static str>;
}

/// `fault` at `span` of the TOML file `name`.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {fault}")]
pub struct TomlFault<F: TomlFaultKind> {
    /// The file's name.
    pub name: String,
    /// The bytes at fault.
    pub span: Span,
    /// What is wrong.
    pub fault: F,
    /// A second place that explains the fault (the first definition of a duplicate id…).
    pub related: Option<(Span, &'static str)>,
    toml: NamedText<String>,
}

impl<F: TomlFaultKind> TomlFault<F> {
    /// `fault` at `span` of the file `name` whose text is `text`.
    pub fn new(name: &str, text: &str, span: Span, fault: F) -> Self {
        Self {
            name: name.to_owned(),
            span,
            fault,
            related: None,
            toml: NamedText {
                name: name.to_owned(),
                text: text.to_owned(),
            },
        }
    }

    /// Adds a second place.
    pub fn with_related(mut self: Box<Self>, span: Span, message: &'static str) -> Box<Self> {
        self.related = Some((span, message));
        self
    }
}

impl<F: TomlFaultKind> miette::Diagnostic for TomlFault<F> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(F::CODE))
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
        let primary = LabeledSpan::new_primary_with_span(Some(self.fault.label()), self.span);
        let related = self
            .related
            .map(|(span, message)| LabeledSpan::new_with_span(Some(message.to_owned()), span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
