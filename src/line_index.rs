//! Byte offset ↔ (line, grapheme column) conversion.

use unicode_segmentation::UnicodeSegmentation;

/// A 1-based line and a 1-based column counted in grapheme clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in grapheme clusters from the start of the line.
    pub column: usize,
}

/// The start offset of every line of a text, for position lookups.
///
/// Lines end at `\n`; a `\r` before it belongs to the line ending, so CRLF and LF files
/// get the same line numbers.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { starts }
    }

    /// The index of line starts found by the caller: 0, then each offset after a `\n`, in
    /// order, as [`LineIndex::new`] finds them.
    pub(crate) fn from_starts(starts: Vec<usize>) -> Self {
        debug_assert_eq!(starts.first(), Some(&0));
        Self { starts }
    }

    /// Number of lines (a text ending with `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// Byte offset where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// Line and grapheme column of byte `offset` in `text` (the text this index was built on).
    ///
    /// `offset` must be on a UTF-8 boundary; an offset inside a grapheme cluster counts the
    /// cluster's leading part as one column.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.line_of(offset);
        Position {
            line: line + 1,
            column: Self::columns(&text[self.starts[line]..offset]) + 1,
        }
    }

    /// How many columns `text` takes: its grapheme clusters.
    pub(crate) fn columns(text: &str) -> usize {
        if text.is_ascii() {
            text.len()
        } else if text.chars().all(is_own_cluster) {
            text.chars().count()
        } else {
            text.graphemes(true).count()
        }
    }

    /// The byte offset of a 1-based `position`, if it lies in the text.
    pub fn offset(&self, text: &str, position: Position) -> Option<usize> {
        let start = *self.starts.get(position.line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(position.line)
            .copied()
            .unwrap_or(text.len());
        let line = &text[start..end];
        let column = position.column.checked_sub(1)?;
        match line.grapheme_indices(true).nth(column) {
            Some((at, _)) => Some(start + at),
            None => (column == line.graphemes(true).count()).then_some(end),
        }
    }
}

/// Whether `c` always forms a grapheme cluster by itself inside a line: Latin letters and
/// their precomposed accents, the general punctuation (`’`, U+202F…) except the joiners, the
/// superscript digits of footnote marks (`⁴`) and the currency signs (`€`). Counting such
/// characters is what segmentation would do, a dozen times faster.
pub(crate) fn is_own_cluster(c: char) -> bool {
    let code = c as u32;
    code < 0x300 || ((0x2000..=0x20CF).contains(&code) && code != 0x200C && code != 0x200D)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_graphemes_not_bytes() {
        let text = "ab\ne\u{301}t\u{202F};\r\nx🇫🇷y";
        let index = LineIndex::new(text);
        let semicolon = text.find(';').unwrap();
        assert_eq!(
            index.position(text, semicolon),
            Position { line: 2, column: 4 }
        );
        let y = text.find('y').unwrap();
        assert_eq!(index.position(text, y), Position { line: 3, column: 3 });
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
    }

    #[test]
    fn offsets_round_trip_through_positions() {
        let text = "Ré\u{301}affirme ;\r\n\u{FEFF}¹ note\n\nfin";
        let index = LineIndex::new(text);
        for (offset, _) in text.grapheme_indices(true) {
            let position = index.position(text, offset);
            assert_eq!(index.offset(text, position), Some(offset), "{position:?}");
        }
    }

    #[test]
    fn the_fast_count_agrees_with_segmentation() {
        let text = "l’homme\u{202F}; «\u{A0}é\u{AD}» e\u{301} 👩\u{200D}🔬 ok";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let expected = text[..offset].graphemes(true).count() + 1;
            assert_eq!(index.position(text, offset).column, expected, "at {offset}");
        }
    }

    #[test]
    fn every_fast_character_is_its_own_cluster() {
        let fast = (0..=0x20CF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\n' && is_own_cluster(c));
        for c in fast {
            for text in [format!("a{c}b{c}"), format!("{c}e\u{301}{c}{c}")] {
                let index = LineIndex::new(&text);
                for (offset, _) in text.char_indices() {
                    let expected = text[..offset].graphemes(true).count() + 1;
                    let column = index.position(&text, offset).column;
                    assert_eq!(column, expected, "{c:?} at {offset}");
                }
            }
        }
    }

    #[test]
    fn an_index_from_the_parse_lines_is_the_same() {
        for text in ["", "a", "\n", "a\nb", "a\r\nb\n", "\u{FEFF}x\n\n"] {
            let document = crate::document::Document::parse(text);
            assert_eq!(
                document.lines.starts,
                LineIndex::new(text).starts,
                "{text:?}"
            );
        }
    }

    #[test]
    fn crlf_and_lf_give_the_same_lines() {
        let lf = LineIndex::new("a\nb\nc");
        let crlf = LineIndex::new("a\r\nb\r\nc");
        assert_eq!(lf.line_count(), crlf.line_count());
        assert_eq!(crlf.line_of(3), 1);
    }
}
