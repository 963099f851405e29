//! The positions of a file's findings, in time linear in the file however many findings
//! there are: on a long line, columns are counted on from checkpoints kept along it, not
//! from the line's start for each finding (which made a 2 MB line of findings take minutes).

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use crate::line_index::{self, LineIndex, Position};

/// Bytes between two checkpoints on a long line: no column is counted over more than this.
const CHECKPOINT_BYTES: usize = 1024;

/// A place on a line where a grapheme cluster starts, and the columns before it.
#[derive(Debug, Clone, Copy)]
struct Checkpoint {
    offset: usize,
    graphemes: usize,
    chars: usize,
}

/// Line and column of offsets in one text, for many offsets in any order.
#[derive(Debug)]
pub struct Positions<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    /// The checkpoints of each long line met so far, in text order.
    checkpoints: HashMap<usize, Vec<Checkpoint>>,
    /// The last position given, when it is a cluster boundary: findings come in text order,
    /// so the next one on its line is counted on from there.
    last: Option<(usize, Position)>,
}

impl<'a> Positions<'a> {
    /// Positions in `text`, whose line index is `lines`.
    pub fn new(text: &'a str, lines: &'a LineIndex) -> Self {
        Self {
            text,
            lines,
            checkpoints: HashMap::new(),
            last: None,
        }
    }

    /// The line index of the text.
    pub fn lines(&self) -> &'a LineIndex {
        self.lines
    }

    /// The 1-based line and grapheme column of byte `offset`, as [`LineIndex::position`]
    /// gives them.
    pub fn position(&mut self, offset: usize) -> Position {
        let line = self.lines.line_of(offset);
        let position = match self.last {
            Some((last, at)) if at.line == line + 1 && last <= offset => Position {
                line: at.line,
                column: at.column + LineIndex::columns(&self.text[last..offset]),
            },
            _ if offset - self.lines.line_start(line) < CHECKPOINT_BYTES => {
                self.lines.position(self.text, offset)
            }
            _ => {
                let from = self.checkpoint_before(line, offset);
                let rest = &self.text[from.offset..offset];
                Position {
                    line: line + 1,
                    column: from.graphemes + LineIndex::columns(rest) + 1,
                }
            }
        };
        self.last = self
            .is_cluster_boundary(offset)
            .then_some((offset, position));
        position
    }

    /// Whether a grapheme cluster surely starts at `offset`: the characters on both sides
    /// always stand alone (see [`line_index::is_own_cluster`]); `\r` is left out, as `\r\n` is one.
    fn is_cluster_boundary(&self, offset: usize) -> bool {
        let alone = |c: char| c != '\r' && line_index::is_own_cluster(c);
        let before = self.text[..offset].chars().next_back();
        let after = self.text[offset..].chars().next();
        before.is_some_and(alone) && after.is_some_and(alone)
    }

    /// The 1-based line and 1-based column in code points (as SARIF counts) of byte `offset`.
    pub fn code_point_position(&mut self, offset: usize) -> (usize, usize) {
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line);
        let from = if offset - start < CHECKPOINT_BYTES {
            Checkpoint {
                offset: start,
                graphemes: 0,
                chars: 0,
            }
        } else {
            self.checkpoint_before(line, offset)
        };
        let column = from.chars + self.text[from.offset..offset].chars().count();
        (line + 1, column + 1)
    }

    /// The last checkpoint of `line` at or before `offset`, laying them as far as needed.
    fn checkpoint_before(&mut self, line: usize, offset: usize) -> Checkpoint {
        let start = self.lines.line_start(line);
        let end = if line + 1 < self.lines.line_count() {
            self.lines.line_start(line + 1)
        } else {
            self.text.len()
        };
        let checkpoints = self.checkpoints.entry(line).or_insert_with(|| {
            vec![Checkpoint {
                offset: start,
                graphemes: 0,
                chars: 0,
            }]
        });
        let last = *checkpoints.last().expect("a line's first checkpoint");
        if offset >= last.offset + CHECKPOINT_BYTES {
            // A checkpoint is a boundary of the whole text's clusters, so counting on from it
            // gives what counting from the line's start would.
            let mut next = last;
            for (index, cluster) in self.text[last.offset..end].grapheme_indices(true) {
                let at = last.offset + index;
                if at > offset {
                    break;
                }
                if at >= checkpoints.last().map_or(0, |c| c.offset) + CHECKPOINT_BYTES {
                    checkpoints.push(Checkpoint { offset: at, ..next });
                }
                next.graphemes += 1;
                next.chars += cluster.chars().count();
            }
        }
        let index = checkpoints.partition_point(|c| c.offset <= offset) - 1;
        checkpoints[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of up to 5 KB: ASCII, accents, combining marks, emoji (flags, skin tones, joined),
    /// a lone CR, CRLF.
    fn text() -> String {
        let unit = "ab é e\u{301}x 👍🏽 🇫🇷🇫🇷 👩\u{200D}🔬 \u{202f}; \r";
        let mut text = String::new();
        for line in 0..5 {
            text += &unit.repeat(line * 40);
            text += if line % 2 == 0 { "\r\n" } else { "\n" };
        }
        text + &unit.repeat(60)
    }

    #[test]
    fn positions_are_those_counted_from_the_line_start_in_any_order() {
        let text = text();
        let lines = LineIndex::new(&text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut positions = Positions::new(&text, &lines);
        // Forwards, then backwards, then leaping: every order a report asks them in.
        let leaping = offsets
            .iter()
            .step_by(7)
            .chain(offsets.iter().rev().step_by(5));
        let backwards = offsets.iter().rev().step_by(3);
        for &offset in offsets.iter().chain(backwards).chain(leaping) {
            assert_eq!(
                positions.position(offset),
                lines.position(&text, offset),
                "{offset}"
            );
            let line = lines.line_of(offset);
            let chars = text[lines.line_start(line)..offset].chars().count();
            assert_eq!(
                positions.code_point_position(offset),
                (line + 1, chars + 1),
                "{offset}"
            );
        }
    }
}
