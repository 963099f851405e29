//! A whole text with a file name, for miette reports on files other than the checked ones
//! (rule packs), with columns counted in grapheme clusters as in every coquille report.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_segmentation::UnicodeSegmentation;

/// A text with a file name, for miette's snippet header.
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
