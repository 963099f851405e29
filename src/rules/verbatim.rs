//! [`Document::overlaps_verbatim`] for a rule that asks about places in text order: a cursor
//! that walks the verbatim spans forward instead of a binary search per question (a large
//! file has tens of thousands of them, and a rule asks at every sign).

use crate::document::Document;
use crate::span::Span;

/// The verbatim spans of a document, with where the last question left off.
pub struct VerbatimCursor<'d> {
    spans: &'d [Span],
    /// The first span that does not end at or before the last question's start.
    next: usize,
}

impl<'d> VerbatimCursor<'d> {
    /// A cursor at the start of `document`.
    pub fn new(document: &'d Document) -> Self {
        Self {
            spans: &document.verbatim,
            next: 0,
        }
    }

    /// What [`Document::overlaps_verbatim`] answers; quickest when `span` starts at or after
    /// the previous question's start.
    pub fn overlaps(&mut self, span: Span) -> bool {
        let ends_before = |v: &Span| v.end <= span.start;
        if self.next > 0 && !ends_before(&self.spans[self.next - 1]) {
            // Backwards: search again.
            self.next = self.spans.partition_point(ends_before);
        }
        while self.spans.get(self.next).is_some_and(ends_before) {
            self.next += 1;
        }
        self.spans
            .get(self.next)
            .is_some_and(|v| v.start < span.end.max(span.start + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::VerbatimCursor;
    use crate::document::Document;
    use crate::span::Span;

    #[test]
    fn answers_as_the_document_does_in_any_order() {
        let text = "Voir A/RES/55/109, https://un.org/a et `code`, puis E/CN.4/2001/2.\n";
        let document = Document::parse(text);
        assert!(document.verbatim.len() >= 3);
        let spans: Vec<Span> = (0..text.len())
            .flat_map(|start| {
                (start..=text.len().min(start + 3)).map(move |end| Span::new(start, end))
            })
            .collect();
        let mut cursor = VerbatimCursor::new(&document);
        for span in spans.iter().chain(spans.iter().rev()) {
            assert_eq!(
                cursor.overlaps(*span),
                document.overlaps_verbatim(*span),
                "{span:?}"
            );
        }
    }
}
