//! What several rules read from a document but no rule needs before it runs: computed on
//! first use, then shared (the document is read from several threads at once).

use super::{Document, LineJoin};

impl Document<'_> {
    /// [`Document::line_joins`], computed once for `ocr-line-break` and `ocr-hyphenation`.
    pub fn shared_line_joins(&self) -> &[LineJoin] {
        self.shared_joins.get_or_init(|| self.line_joins())
    }
}
