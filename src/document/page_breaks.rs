//! Page breaks left in the body by PDF extraction: the running heads and page numbers that
//! follow each other with only blank lines between them, and the lines that deleting them
//! removes.

use crate::span::Span;

use super::{Block, BlockKind, Document, Furniture};

/// One page break: a running head, a page number, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBreak {
    /// Each running head and page number, without indentation or line ending, in order.
    pub furniture: Vec<(Span, Furniture)>,
    /// What deleting the page break removes: its lines, and the blank lines before it when a
    /// blank line (or the end of the text) follows it, so that one blank line is left where
    /// there were blank lines on both sides.
    pub lines: Span,
    /// What takes the page break's place: nothing, or a blank line when the page break is all
    /// that sets footnote definitions apart from the text after them (which would otherwise
    /// read as the last note's continuation).
    pub replacement: &'static str,
}

impl Document<'_> {
    /// Every page break of the body, in order.
    pub fn page_breaks(&self) -> Vec<PageBreak> {
        let blocks = &self.blocks;
        let mut breaks = Vec::new();
        let mut i = 0;
        while i < blocks.len() {
            if !is_break_furniture(&blocks[i]) {
                i += 1;
                continue;
            }
            let first = i;
            let mut last = i;
            let mut next = i + 1;
            while next < blocks.len() {
                match blocks[next].kind {
                    BlockKind::Blank => next += 1,
                    _ if is_break_furniture(&blocks[next]) => {
                        last = next;
                        next += 1;
                    }
                    _ => break,
                }
            }
            breaks.push(self.page_break(first, last));
            i = last + 1;
        }
        breaks
    }

    fn page_break(&self, first: usize, last: usize) -> PageBreak {
        let blocks = &self.blocks;
        let furniture = blocks[first..=last]
            .iter()
            .filter_map(|block| match block.kind {
                BlockKind::PageFurniture(kind) => Some(self.lines_content(block.span, kind)),
                _ => None,
            })
            .flatten()
            .collect();
        let blank_after = blocks
            .get(last + 1)
            .is_none_or(|b| b.kind == BlockKind::Blank);
        let before = first.checked_sub(1).map(|i| blocks[i]);
        let start = match before {
            Some(before) if before.kind == BlockKind::Blank && blank_after => before.span.start,
            _ => blocks[first].span.start,
        };
        let after_footnote =
            before.is_some_and(|b| matches!(b.kind, BlockKind::FootnoteDefinition(_)));
        PageBreak {
            furniture,
            lines: Span::new(start, blocks[last].span.end),
            replacement: if after_footnote && !blank_after {
                "\n"
            } else {
                ""
            },
        }
    }

    /// The content of each line of a furniture block.
    fn lines_content(&self, span: Span, kind: Furniture) -> Vec<(Span, Furniture)> {
        let mut start = span.start;
        let mut lines = Vec::new();
        for line in self.text(span).split_inclusive('\n') {
            let content = line.trim();
            let offset = line.len() - line.trim_start().len();
            lines.push((
                Span::new(start + offset, start + offset + content.len()),
                kind,
            ));
            start += line.len();
        }
        lines
    }
}

fn is_break_furniture(block: &Block) -> bool {
    matches!(
        block.kind,
        BlockKind::PageFurniture(Furniture::RunningHead | Furniture::PageNumber)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(furniture texts, deleted text, replacement)` of each page break.
    fn breaks(text: &str) -> Vec<(Vec<&str>, &str, &str)> {
        let document = Document::parse(text);
        document
            .page_breaks()
            .into_iter()
            .map(|b| {
                let furniture = b.furniture.iter().map(|(s, _)| s.text(text)).collect();
                (furniture, b.lines.text(text), b.replacement)
            })
            .collect()
    }

    #[test]
    fn blank_lines_go_with_a_page_break_only_when_blank_lines_are_left_after_it() {
        assert_eq!(
            breaks("Rappelant,\n\n\n\nA/RES/55/109\n\n2\n\nRéaffirmant,\n"),
            [(vec!["A/RES/55/109", "2"], "\n\n\nA/RES/55/109\n\n2\n", "")]
        );
        assert_eq!(
            breaks("Rappelant la\nA/RES/55/109\n2\nrésolution,\n"),
            [(vec!["A/RES/55/109", "2"], "A/RES/55/109\n2\n", "")]
        );
        assert_eq!(
            breaks("Rappelant la\n\n  A/RES/55/109\nrésolution,\n"),
            [(vec!["A/RES/55/109"], "  A/RES/55/109\n", "")]
        );
        assert_eq!(breaks("Rappelant,\n_______________\n1\nVoir.\n"), []);
    }

    #[test]
    fn a_blank_line_takes_the_place_of_a_page_break_between_footnotes_and_text() {
        assert_eq!(
            breaks("Rappelant,\n_______________\n1 Voir A/55/1.\nA/RES/55/109\n2\nrésolution,\n"),
            [(vec!["A/RES/55/109", "2"], "A/RES/55/109\n2\n", "\n")]
        );
    }
}
