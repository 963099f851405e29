//! The graphical report: each finding as miette draws it.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan,
    MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::{Diagnostic, Severity};
use crate::Report;

use super::{summary_line, Style};

pub(super) fn write(report: &Report, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let handler = handler(style);
    let mut rendered = String::new();
    for file in &report.files {
        for diagnostic in &file.diagnostics {
            rendered.clear();
            let view = SourcedDiagnostic::new(diagnostic, &file.file.name, &file.file.text);
            handler
                .render_report(&mut rendered, &view)
                .map_err(io::Error::other)?;
            out.write_all(rendered.as_bytes())?;
        }
    }
    writeln!(out, "{}", summary_line(report))
}

/// Writes any error of coquille's (a bad option, an unreadable file) as miette draws it.
pub fn write_error(
    error: &dyn MietteDiagnostic,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut rendered = String::new();
    handler(style)
        .render_report(&mut rendered, error)
        .map_err(io::Error::other)?;
    out.write_all(rendered.as_bytes())
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
}

/// A finding together with the text it points into: what miette needs to draw it.
#[derive(Debug)]
pub struct SourcedDiagnostic<'a> {
    diagnostic: &'a Diagnostic,
    source: NamedText<&'a str>,
}

impl<'a> SourcedDiagnostic<'a> {
    /// `diagnostic`, found in the file `name` whose text is `text`.
    pub fn new(diagnostic: &'a Diagnostic, name: &'a str, text: &'a str) -> Self {
        Self {
            diagnostic,
            source: NamedText { name, text },
        }
    }
}

impl fmt::Display for SourcedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for SourcedDiagnostic<'_> {}

impl MietteDiagnostic for SourcedDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary =
            LabeledSpan::new_primary_with_span(self.diagnostic.label.clone(), self.diagnostic.span);
        let related = self
            .diagnostic
            .related
            .iter()
            .map(|label| LabeledSpan::new_with_span(Some(label.message.clone()), label.span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// A text with a file name, for miette's snippet header, its columns counted in grapheme
/// clusters as in every coquille report.
#[derive(Debug)]
pub struct NamedText<S> {
    /// The file name.
    pub name: S,
    /// The file's text.
    pub text: S,
}

impl<S: AsRef<str> + Send + Sync> SourceCode for NamedText<S> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.text.as_ref();
        let contents = text.read_span(span, context_lines_before, context_lines_after)?;
        // miette counts columns in bytes; coquille counts what a person sees.
        let offset = contents.span().offset();
        let column = text
            .get(offset.saturating_sub(contents.column())..offset)
            .map_or(contents.column(), |prefix| prefix.graphemes(true).count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.as_ref().to_owned(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}
