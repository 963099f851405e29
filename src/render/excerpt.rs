//! What a finding shows of its text: the lines its labels touch, long ones clipped around them.
//!
//! A paragraph of a resolution is often one line of several hundred characters; miette prints
//! source lines whole, so an underline at column 300 ends up far off-screen. An [`Excerpt`] is
//! a small text holding only the lines from the first to the last one a label touches (the
//! others left empty, so line numbers stay right), each line too long for the report cut down
//! to windows around the starts and ends of the spans on it, `…` marking what was left out.
//! miette draws the excerpt; its [`SourceCode`] gives the real line numbers and the real
//! grapheme columns of the file.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_segmentation::UnicodeSegmentation;

use crate::positions::Positions;
use crate::span::Span;

/// Graphemes kept on each side of the start or end of a span on a clipped line.
const RADIUS: usize = 35;
/// The fewest graphemes kept on each side, however narrow the report.
const MIN_RADIUS: usize = 5;
/// How many graphemes a window edge gives up to fall between two words.
const SNAP: usize = 12;
/// What stands for the clipped part of a line.
const ELLIPSIS: &str = "…";
/// Lines longer than this are clipped from a stretch around their marks rather than from the
/// whole line, so that a finding on a long line costs its neighbourhood, not the line.
const LONG_LINE_BYTES: usize = 16 * 1024;

/// A place a finding points at: a span of the original text and the label drawn under it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mark<'a> {
    /// Byte offsets into the original text.
    pub(super) span: Span,
    /// The text under the span, if any.
    pub(super) label: Option<&'a str>,
}

/// A run of bytes copied as they are from the original text into the excerpt.
#[derive(Debug, Clone, Copy)]
struct Piece {
    excerpt: usize,
    original: usize,
    len: usize,
}

/// Where one line of the original text lies in the excerpt.
#[derive(Debug)]
struct LineMap {
    /// Offset of the line in the excerpt.
    excerpt_start: usize,
    /// Offset of its line ending (or of the end of the text) in the excerpt.
    excerpt_content_end: usize,
    /// Offset of the line in the original text.
    original_start: usize,
    /// Offset of its line ending (or of the end of the text) in the original text.
    original_content_end: usize,
    /// An offset of the line where a grapheme cluster starts, at or before the parts kept,
    /// and its column (0-based): where columns are counted from.
    counted_from: (usize, usize),
    /// The parts of the line kept, in order; `…` between them and around them where clipped.
    pieces: Vec<Piece>,
}

impl LineMap {
    /// The excerpt offset of `original`, an offset on this line (its line ending included).
    /// An offset in a part left out goes to the start of the next part kept.
    fn to_excerpt(&self, original: usize) -> usize {
        if original >= self.original_content_end {
            return self.excerpt_content_end + (original - self.original_content_end);
        }
        self.pieces
            .iter()
            .find(|piece| original <= piece.original + piece.len)
            .map_or(self.excerpt_content_end, |piece| {
                piece.excerpt + original.saturating_sub(piece.original)
            })
    }

    /// The original offset of `excerpt`, an offset on this line; inside a `…`, the start of the
    /// next part kept.
    fn to_original(&self, excerpt: usize) -> usize {
        if excerpt >= self.excerpt_content_end {
            return self.original_content_end + (excerpt - self.excerpt_content_end);
        }
        self.pieces
            .iter()
            .find(|piece| excerpt <= piece.excerpt + piece.len)
            .map_or(self.original_content_end, |piece| {
                piece.original + excerpt.saturating_sub(piece.excerpt)
            })
    }
}

/// The lines of a text one finding shows, clipped to the report's width; see the module docs.
#[derive(Debug)]
pub(super) struct Excerpt<'a> {
    name: &'a str,
    original: &'a str,
    text: String,
    /// 0-based number of the original line the excerpt starts with.
    first_line: usize,
    /// One entry per line of the excerpt.
    lines: Vec<LineMap>,
}

/// A mark, as it lies on the original text.
struct Placed {
    start: usize,
    end: usize,
    first_line: usize,
    last_line: usize,
    label_width: Option<usize>,
}

/// A mark, as it lies on the line being clipped: byte offsets from the start of the line.
struct OnLine {
    start: Option<usize>,
    end: Option<usize>,
    /// For a labelled span that starts and ends on the line, its label's width.
    label_width: Option<usize>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `original` (named `name`, indexed by `index`) that shows `marks`, each
    /// line fitting a report `width` columns wide where the marks allow it.
    pub(super) fn new(
        name: &'a str,
        original: &'a str,
        positions: &mut Positions,
        marks: &[Mark<'_>],
        width: usize,
    ) -> Self {
        let index = positions.lines();
        let placed: Vec<Placed> = marks
            .iter()
            .map(|mark| {
                let start = char_floor(original, mark.span.start);
                let end = char_floor(original, mark.span.end).max(start);
                let first_line = index.line_of(start);
                let last_line = if end > start {
                    index.line_of(end - 1)
                } else {
                    first_line
                };
                let label_width = mark
                    .label
                    .map(|label| label.split('\n').map(width_of).max().unwrap_or(0));
                Placed {
                    start,
                    end,
                    first_line,
                    last_line,
                    label_width,
                }
            })
            .collect();
        let first_line = placed.iter().map(|mark| mark.first_line).min().unwrap_or(0);
        let last_line = placed.iter().map(|mark| mark.last_line).max().unwrap_or(0);

        // What miette draws left of a line: ` 123 │ `, and the gutter of multi-line spans.
        let multi_line = placed
            .iter()
            .filter(|mark| mark.first_line != mark.last_line)
            .count();
        let gutter =
            (last_line + 1).to_string().len() + 4 + if multi_line > 0 { multi_line + 3 } else { 0 };
        let room = width.saturating_sub(gutter);

        let mut text = String::new();
        let mut lines = Vec::with_capacity(last_line - first_line + 1);
        for line in first_line..=last_line {
            let original_start = index.line_start(line);
            let original_end = if line + 1 < index.line_count() {
                index.line_start(line + 1)
            } else {
                original.len()
            };
            let whole = &original[original_start..original_end];
            let content = whole
                .strip_suffix('\n')
                .map_or(whole, |rest| rest.strip_suffix('\r').unwrap_or(rest));
            let on_line: Vec<OnLine> = placed
                .iter()
                .filter(|mark| (mark.first_line..=mark.last_line).contains(&line))
                .map(|mark| {
                    let start = (mark.first_line == line).then(|| mark.start - original_start);
                    let end = (mark.last_line == line && mark.end > mark.start)
                        .then(|| mark.end - original_start);
                    OnLine {
                        start,
                        end,
                        label_width: if mark.first_line == mark.last_line {
                            mark.label_width
                        } else {
                            None
                        },
                    }
                })
                .collect();
            let (from, to) = stretch(content, &on_line, room);
            let windows = if on_line.is_empty() {
                Vec::new()
            } else {
                let shifted: Vec<OnLine> = on_line
                    .iter()
                    .map(|mark| OnLine {
                        start: mark.start.map(|at| at - from),
                        end: mark.end.map(|at| at - from),
                        label_width: mark.label_width,
                    })
                    .collect();
                windows(&content[from..to], &shifted, room)
                    .into_iter()
                    .map(|(start, end)| (start + from, end + from))
                    .collect()
            };
            let counted_from = if from == 0 {
                (original_start, 0)
            } else {
                let column = positions.position(original_start + from).column - 1;
                (original_start + from, column)
            };

            let excerpt_start = text.len();
            let mut pieces = Vec::with_capacity(windows.len());
            let mut kept_up_to = 0;
            for window in windows {
                if window.0 > kept_up_to {
                    text.push_str(ELLIPSIS);
                }
                pieces.push(Piece {
                    excerpt: text.len(),
                    original: original_start + window.0,
                    len: window.1 - window.0,
                });
                text.push_str(&content[window.0..window.1]);
                kept_up_to = window.1;
            }
            if !pieces.is_empty() && kept_up_to < content.len() {
                text.push_str(ELLIPSIS);
            }
            let excerpt_content_end = text.len();
            let line_ending = &whole[content.len()..];
            text.push_str(line_ending);
            if line_ending.is_empty()
                && on_line.iter().any(|mark| mark.start == Some(content.len()))
            {
                // miette draws nothing at the very end of a text: give it a column there.
                text.push(' ');
            }
            lines.push(LineMap {
                excerpt_start,
                excerpt_content_end,
                original_start,
                original_content_end: original_start + content.len(),
                counted_from,
                pieces,
            });
        }
        Self {
            name,
            original,
            text,
            first_line,
            lines,
        }
    }

    /// Where `span`, one of the marks the excerpt was made for, lies in the excerpt.
    pub(super) fn span(&self, span: Span) -> SourceSpan {
        let start = char_floor(self.original, span.start);
        let end = char_floor(self.original, span.end).max(start);
        let start_line = self.line_of_original(start);
        let end_line = if end > start {
            self.line_of_original(end - 1)
        } else {
            start_line
        };
        let start = start_line.to_excerpt(start);
        let end = end_line.to_excerpt(end).max(start);
        (start, end - start).into()
    }

    /// The line map of the original offset `offset`.
    fn line_of_original(&self, offset: usize) -> &LineMap {
        let after = self
            .lines
            .partition_point(|line| line.original_start <= offset);
        &self.lines[after.saturating_sub(1)]
    }

    /// The index in `lines` of the line holding the excerpt offset `offset`.
    fn line_of_excerpt(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.excerpt_start <= offset)
            .saturating_sub(1)
    }
}

impl SourceCode for Excerpt<'_> {
    /// The whole lines `span` touches, with `context_lines_before` and `context_lines_after`
    /// more around them. `line()` is the line's number in the original text (0-based) and
    /// `column()` the original grapheme column of the start of `span`, as coquille counts it.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start
            .checked_add(span.len())
            .filter(|&end| end <= self.text.len())
            .ok_or(MietteError::OutOfBounds)?;
        let start_line = self.line_of_excerpt(start);
        let end_line = if end > start {
            self.line_of_excerpt(end - 1)
        } else {
            start_line
        };
        let first = start_line.saturating_sub(context_lines_before);
        let last = end_line
            .saturating_add(context_lines_after)
            .min(self.lines.len() - 1);
        let data_start = self.lines[first].excerpt_start;
        let data_end = self
            .lines
            .get(last + 1)
            .map_or(self.text.len(), |line| line.excerpt_start);

        let line = &self.lines[start_line];
        let (from, before) = line.counted_from;
        let column = before
            + self
                .original
                .get(from..line.to_original(start))
                .map_or(0, |prefix| prefix.graphemes(true).count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            self.first_line + first,
            column,
            last - first + 1,
        )))
    }
}

/// `offset`, kept inside `text` and moved back to a char boundary.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Columns `text` takes, counted in grapheme clusters like coquille's columns.
fn width_of(text: &str) -> usize {
    text.graphemes(true).count()
}

/// The byte range of `content` (a line without its line ending) to clip: all of a short line;
/// of a long one, the graphemes from far enough before its first mark to far enough after its
/// last that no window reaches the ends of the range (the windows are those of the whole line).
fn stretch(content: &str, marks: &[OnLine], room: usize) -> (usize, usize) {
    if content.len() <= LONG_LINE_BYTES {
        return (0, content.len());
    }
    let anchors = marks
        .iter()
        .flat_map(|mark| [mark.start, mark.end])
        .flatten()
        .map(|at| at.min(content.len()));
    let first = anchors.clone().min().unwrap_or(0);
    let last = anchors.max().unwrap_or(0);
    let reach = room.saturating_add(RADIUS + SNAP + 2);
    let from = content[..first]
        .grapheme_indices(true)
        .rev()
        .nth(reach)
        .map_or(0, |(at, _)| at);
    let to = content[last..]
        .grapheme_indices(true)
        .nth(reach)
        .map_or(content.len(), |(at, _)| last + at);
    (from, to)
}

/// The byte ranges of `content` (a line without its line ending) to keep so that it fits in
/// `room` columns, `…` included, with the marks on it and their labels in view.
fn windows(content: &str, marks: &[OnLine], room: usize) -> Vec<(usize, usize)> {
    let mut bounds: Vec<usize> = content.grapheme_indices(true).map(|(at, _)| at).collect();
    let count = bounds.len();
    if count <= room {
        return vec![(0, content.len())];
    }
    bounds.push(content.len());
    // The grapheme holding byte `offset` (`count` at the end of the line and past it).
    let grapheme = |offset: usize| bounds.partition_point(|&at| at <= offset) - 1;

    let mut anchors: Vec<usize> = marks
        .iter()
        .flat_map(|mark| [mark.start, mark.end])
        .flatten()
        .map(grapheme)
        .collect();
    if anchors.is_empty() {
        // Only spans passing through: show how the line starts.
        anchors.push(0);
    }
    anchors.sort_unstable();
    anchors.dedup();
    let labels: Vec<(usize, usize, usize)> = marks
        .iter()
        .filter_map(|mark| {
            let start = grapheme(mark.start?);
            let end = mark.end.map_or(start, grapheme);
            Some((start, end, mark.label_width?))
        })
        .collect();

    let (mut left, mut right) = (RADIUS, RADIUS);
    let mut layout = Layout::new(&anchors, count, left, right);
    loop {
        if layout.width() > room && (left > MIN_RADIUS || right > MIN_RADIUS) {
            left = left.saturating_sub(1).max(MIN_RADIUS);
            right = right.saturating_sub(1).max(MIN_RADIUS);
        } else if left > MIN_RADIUS && labels.iter().any(|&label| layout.label_end(label) > room) {
            left -= 1;
        } else {
            break;
        }
        layout = Layout::new(&anchors, count, left, right);
    }

    // Show what lies between two windows too, where the line still fits.
    let fits = |layout: &Layout| {
        layout.width() <= room && labels.iter().all(|&label| layout.label_end(label) <= room)
    };
    if fits(&layout) {
        let mut at = 1;
        while at < layout.windows.len() {
            let next = layout.windows.remove(at);
            let previous = layout.windows[at - 1];
            layout.windows[at - 1].end = next.end;
            layout.windows[at - 1].last_anchor = next.last_anchor;
            if !fits(&layout) {
                layout.windows[at - 1] = previous;
                layout.windows.insert(at, next);
                at += 1;
            }
        }
    }

    let is_space = |at: usize| content[bounds[at]..bounds[at + 1]] == *" ";
    layout
        .windows
        .iter()
        .map(|window| {
            // End the window between two words when that costs little, keeping at least one
            // grapheme before the first anchor and the one at the last.
            let mut start = window.start;
            if start > 0 {
                let latest = (start + SNAP).min(window.first_anchor.saturating_sub(1));
                if let Some(word) = (start..=latest).find(|&at| is_space(at - 1)) {
                    start = word;
                }
            }
            let mut end = window.end;
            if end < count {
                let keep = (window.last_anchor + 1).max(end.saturating_sub(SNAP));
                if let Some(space) = (keep..=end).rev().find(|&at| is_space(at)) {
                    end = space;
                }
            }
            (bounds[start], bounds[end])
        })
        .collect()
}

/// Graphemes `start..end` of a line, kept around the anchors `first_anchor..=last_anchor`.
#[derive(Clone, Copy)]
struct Window {
    start: usize,
    end: usize,
    first_anchor: usize,
    last_anchor: usize,
}

/// The windows of a clipped line, for given radii around its anchors.
struct Layout {
    windows: Vec<Window>,
    count: usize,
}

impl Layout {
    /// Windows of `left` graphemes before and `right` after each of `anchors` (sorted grapheme
    /// positions in a line of `count`), moved to stay inside the line, merged when they touch.
    fn new(anchors: &[usize], count: usize, left: usize, right: usize) -> Self {
        let mut windows: Vec<Window> = Vec::with_capacity(anchors.len());
        for &anchor in anchors {
            let mut start = anchor.saturating_sub(left);
            let mut end = (anchor + right).min(count);
            if anchor < left {
                end = (left + right).min(count);
            }
            if anchor + right > count {
                start = count.saturating_sub(left + right);
            }
            // A `…` takes a column: it may as well show the grapheme it stands for.
            if start <= 1 {
                start = 0;
            }
            if end + 1 >= count {
                end = count;
            }
            match windows.last_mut() {
                Some(last) if start <= last.end + 1 => {
                    last.end = last.end.max(end);
                    last.last_anchor = anchor;
                }
                _ => windows.push(Window {
                    start,
                    end,
                    first_anchor: anchor,
                    last_anchor: anchor,
                }),
            }
        }
        Self { windows, count }
    }

    /// Columns the clipped line takes.
    fn width(&self) -> usize {
        let mut width = 0;
        let mut kept_up_to = 0;
        for window in &self.windows {
            width += window.end - window.start + usize::from(window.start > kept_up_to);
            kept_up_to = window.end;
        }
        width + usize::from(kept_up_to < self.count)
    }

    /// Column of the grapheme position `at` in the clipped line.
    fn column(&self, at: usize) -> usize {
        let mut column = 0;
        let mut kept_up_to = 0;
        for window in &self.windows {
            column += usize::from(window.start > kept_up_to);
            if (window.start..=window.end).contains(&at) {
                return column + at - window.start;
            }
            column += window.end - window.start;
            kept_up_to = window.end;
        }
        column
    }

    /// The column a label ends at: miette draws `╰── label` from the middle of its span.
    fn label_end(&self, (start, end, width): (usize, usize, usize)) -> usize {
        let start = self.column(start);
        let end = self.column(end).max(start + 1);
        (start + end) / 2 + 4 + width
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::LineIndex;

    fn excerpt<'a>(text: &'a str, spans: &[Span], width: usize) -> Excerpt<'a> {
        let marks: Vec<Mark> = spans
            .iter()
            .map(|&span| Mark {
                span,
                label: Some("ici"),
            })
            .collect();
        let lines = LineIndex::new(text);
        Excerpt::new(
            "t.txt",
            text,
            &mut Positions::new(text, &lines),
            &marks,
            width,
        )
    }

    #[test]
    fn short_lines_are_kept_whole_and_others_emptied() {
        let text = "un\ndeux\ntrois\nquatre\n";
        let excerpt = excerpt(text, &[Span::new(3, 4), Span::new(14, 16)], 100);
        assert_eq!(excerpt.text, "deux\n\nquatre\n");
        assert_eq!(excerpt.first_line, 1);
        assert_eq!(excerpt.span(Span::new(14, 16)), SourceSpan::from((6, 2)));
    }

    #[test]
    fn long_lines_are_clipped_around_spans() {
        let text = format!("{}X{}", "a".repeat(300), "b".repeat(300));
        let excerpt = excerpt(&text, &[Span::new(300, 301)], 100);
        assert_eq!(
            excerpt.text,
            format!("…{}X{}…", "a".repeat(35), "b".repeat(35))
        );
        let span = excerpt.span(Span::new(300, 301));
        assert_eq!(
            &excerpt.text[span.offset()..span.offset() + span.len()],
            "X"
        );
        let contents = excerpt.read_span(&span, 0, 0).unwrap();
        assert_eq!((contents.line(), contents.column()), (0, 300));
    }

    #[test]
    fn a_long_line_is_clipped_as_a_short_one_and_counts_its_columns() {
        // Past 16 KiB a line is clipped from a stretch around its marks: the same excerpt.
        let line =
            |words: usize| format!("{}X{}", "mot e\u{301} ".repeat(words), " mot".repeat(words));
        let (short, long) = (line(100), line(5000));
        assert!(short.len() < LONG_LINE_BYTES && long.len() > LONG_LINE_BYTES);
        let x = |text: &str| {
            let at = text.find('X').unwrap();
            Span::new(at, at + 1)
        };
        let long_excerpt = excerpt(&long, &[x(&long)], 100);
        assert_eq!(long_excerpt.text, excerpt(&short, &[x(&short)], 100).text);
        let span = long_excerpt.span(x(&long));
        let contents = long_excerpt.read_span(&span, 0, 0).unwrap();
        let position = LineIndex::new(&long).position(&long, x(&long).start);
        assert_eq!(
            (contents.line() + 1, contents.column() + 1),
            (position.line, position.column)
        );
    }

    #[test]
    fn window_edges_fall_between_words() {
        let text = format!("{}X{}", "mot ".repeat(80), " mot".repeat(80));
        let excerpt = excerpt(&text, &[Span::new(320, 321)], 100);
        assert_eq!(
            excerpt.text,
            format!("…{}X{}…", "mot ".repeat(8), " mot".repeat(8))
        );
    }

    #[test]
    fn distant_spans_on_one_line_get_a_window_each() {
        let text = "a".repeat(1000);
        let excerpt = excerpt(&text, &[Span::new(100, 101), Span::new(900, 900)], 100);
        let kept: Vec<&str> = excerpt.text.split('…').collect();
        assert_eq!(kept.len(), 4, "{}", excerpt.text);
        assert!(excerpt.text.chars().count() <= 95);
        assert_eq!(
            excerpt
                .read_span(&excerpt.span(Span::new(900, 900)), 0, 0)
                .unwrap()
                .column(),
            900
        );
    }

    #[test]
    fn what_lies_between_two_windows_shows_when_it_fits() {
        let text = format!(
            "{}X{}Y{}",
            "a".repeat(300),
            "b".repeat(100),
            "c".repeat(300)
        );
        let excerpt = excerpt(&text, &[Span::new(300, 301), Span::new(401, 402)], 200);
        assert_eq!(
            excerpt.text,
            format!(
                "…{}X{}Y{}…",
                "a".repeat(35),
                "b".repeat(100),
                "c".repeat(35)
            )
        );
    }

    #[test]
    fn every_span_on_char_boundaries_maps_inside_the_excerpt() {
        let line = format!(
            "{}é\u{301}’\u{202F};🇫🇷 e\u{301}{}",
            "Considérant ".repeat(20),
            " fin".repeat(40)
        );
        let text = format!("{line}\r\n\r\n{line}\r\n{line}");
        let index = LineIndex::new(&text);
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        for (i, &start) in boundaries.iter().enumerate().step_by(7) {
            for &end in boundaries[i..]
                .iter()
                .step_by(97)
                .chain([&start, &text.len()])
            {
                let span = Span::new(start, end);
                let excerpt = excerpt(&text, &[span, Span::new(text.len(), text.len())], 60);
                let mapped = excerpt.span(span);
                let contents = excerpt.read_span(&mapped, 0, 0).unwrap();
                let position = index.position(&text, start);
                assert_eq!(contents.line() + 1, position.line, "{span:?}");
                assert_eq!(contents.column() + 1, position.column, "{span:?}");
                assert!(excerpt.read_span(&mapped, 2, 2).is_ok());
            }
        }
    }
}
