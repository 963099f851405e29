//! Where running text goes on from one line to the next: the line breaks inside a paragraph,
//! the title or a footnote definition, and whether each looks like the wrapping of a PDF or
//! OCR extraction (the line is full) or like a break someone meant.
//!
//! Computed on demand, once per document, not at parse time: only the OCR rules need it.

use crate::span::Span;

use super::{Document, FootnoteStyle, PageBreak};

/// What a line join belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinOwner {
    /// The resolution's title.
    Title,
    /// The paragraph at this index of [`Document::paragraphs`].
    Paragraph(usize),
    /// The footnote definition at this index of [`Document::footnote_definitions`].
    FootnoteDefinition(usize),
}

/// Two successive text lines of one paragraph, title or footnote definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineJoin {
    /// What the two lines belong to.
    pub owner: JoinOwner,
    /// The line before, from its first to its last non-space character.
    pub before: Span,
    /// The line after, from its first to its last non-space character.
    pub after: Span,
    /// The page break between the two lines when the paragraph goes on after one: the lines
    /// that deleting it removes ([`PageBreak::lines`]), left to `ocr-page-artifact`.
    pub page_break: Option<Span>,
    /// Whether the line before is full, as a wrapped line is: the first word of the line after
    /// would not have fit on it at the document's line width. Always true in the title, which
    /// a resolution writes on one line.
    pub wrapped: bool,
}

impl LineJoin {
    /// From the end of the line before to the start of the line after: what joining the two
    /// lines replaces.
    pub fn gap(&self) -> Span {
        Span::new(self.before.end, self.after.start)
    }

    /// The gap around the page break, if any: the part before it and the part after it, which
    /// joining the lines replaces while deleting the page break is left to its own fix (the
    /// part after is empty without a page break).
    pub fn gap_parts(&self) -> (Span, Span) {
        match self.page_break {
            Some(lines) => (
                Span::new(self.before.end, lines.start),
                Span::new(lines.end, self.after.start),
            ),
            None => (self.gap(), Span::new(self.after.start, self.after.start)),
        }
    }

    /// The line ending right after the line before (`\n` or `\r\n`), where a finding points.
    pub fn line_ending(&self, source: &str) -> Span {
        let gap = self.gap().text(source);
        let newline = gap.find('\n').unwrap_or(0);
        let start = if gap[..newline].ends_with('\r') {
            newline - 1
        } else {
            newline
        };
        Span::new(self.before.end + start, self.before.end + newline + 1)
    }

    /// The hyphen that ends the line before when it cuts a word: a letter, then `-`, `‐` or a
    /// soft hyphen, and a letter starting the line after. Joining such lines is the business
    /// of `ocr-hyphenation`, which decides whether the hyphen stays.
    pub fn hyphen(&self, source: &str) -> Option<Span> {
        let before = self.before.text(source);
        let hyphen = before.chars().next_back().filter(|c| is_hyphen(*c))?;
        let stem = &before[..before.len() - hyphen.len_utf8()];
        let cuts_a_word = stem.chars().next_back().is_some_and(char::is_alphabetic)
            && self
                .after
                .text(source)
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        cuts_a_word.then(|| Span::new(self.before.end - hyphen.len_utf8(), self.before.end))
    }
}

/// Hyphens a line may end with when it cuts a word.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{AD}')
}

impl Document<'_> {
    /// Every line join of the title, the paragraphs and the footnote definitions, in that
    /// order. A paragraph interrupted by anything but blank lines and a page break (footnotes,
    /// a rule) is not joined across the interruption, nor is a sub-paragraph to the line
    /// before it. Computed on the first call, then kept.
    pub fn line_joins(&self) -> &[LineJoin] {
        self.line_joins.get_or_init(|| self.find_line_joins())
    }

    fn find_line_joins(&self) -> Vec<LineJoin> {
        // The lines of the paragraphs on several lines: what most joins and widths are of.
        let several: usize = self
            .paragraphs
            .iter()
            .map(|p| p.lines.len())
            .filter(|&len| len > 1)
            .sum();
        let mut joins = Vec::with_capacity(several);
        // The text lines of the title, then of each footnote definition in turn.
        let mut lines = Vec::new();
        if let Some(title) = self.title {
            text_lines(self.source, title.span, &mut lines);
            joins.extend(lines.windows(2).map(|pair| LineJoin {
                owner: JoinOwner::Title,
                before: pair[0],
                after: pair[1],
                page_break: None,
                wrapped: true,
            }));
        }
        let title_joins = joins.len();
        // The widths of the lines of paragraphs and definitions on several lines, each
        // counted once: the line width is taken from them, and each join's line before is
        // one of them. `needed[k]`: the width the `k`-th join after the title's would take.
        let mut widths = Vec::with_capacity(several);
        let mut needed = Vec::with_capacity(several);
        // Most paragraphs are one line: the page breaks are looked for at the first pair of
        // lines that spaces alone do not separate.
        let mut page_breaks = None;
        for (index, paragraph) in self.paragraphs.iter().enumerate() {
            if paragraph.lines.len() < 2 {
                continue;
            }
            let first = widths.len();
            let starts_sub =
                |line: usize| paragraph.subparagraphs.iter().any(|s| s.first_line == line);
            let mut before = trim(self.source, paragraph.lines[0]);
            widths.push(chars(before.text(self.source)));
            for (i, &line) in paragraph.lines.iter().enumerate().skip(1) {
                let after = trim(self.source, line);
                widths.push(chars(after.text(self.source)));
                let joined = (!starts_sub(i))
                    .then(|| self.between(before, after, &mut page_breaks))
                    .flatten();
                if let Some(page_break) = joined {
                    joins.push(LineJoin {
                        page_break,
                        ..self.join(JoinOwner::Paragraph(index), before, after)
                    });
                    needed.push(self.needed(widths[first + i - 1], after));
                }
                before = after;
            }
        }
        for (index, definition) in self.footnote_definitions.iter().enumerate() {
            text_lines(self.source, definition.span, &mut lines);
            if lines.len() < 2 {
                continue;
            }
            let first = widths.len();
            widths.extend(lines.iter().map(|line| chars(line.text(self.source))));
            // A lone number above its text (`1` / `Voir …`) is joined by `ocr-footnote-marker`.
            let skip = usize::from(
                definition.style == FootnoteStyle::Digits && lines[0] == definition.mark,
            );
            for (i, pair) in lines.windows(2).enumerate().skip(skip) {
                let owner = JoinOwner::FootnoteDefinition(index);
                joins.push(self.join(owner, pair[0], pair[1]));
                needed.push(self.needed(widths[first + i], pair[1]));
            }
        }
        // The width, which takes every line's length, only matters when there are lines to
        // join.
        if joins.len() > title_joins {
            let width = self.line_width(widths);
            for (join, needed) in joins[title_joins..].iter_mut().zip(needed) {
                join.wrapped = needed * 4 > width * 3;
            }
        }
        joins
    }

    /// What separates two lines of a paragraph: `Some(None)` for spaces and blank lines,
    /// `Some(Some(lines))` for a page break among them, `None` for anything else. The page
    /// breaks are found on the first call that needs them.
    fn between(
        &self,
        before: Span,
        after: Span,
        breaks: &mut Option<Vec<PageBreak>>,
    ) -> Option<Option<Span>> {
        let blank = |span: Span| span.text(self.source).chars().all(char::is_whitespace);
        if blank(Span::new(before.end, after.start)) {
            return Some(None);
        }
        let breaks = breaks.get_or_insert_with(|| self.page_breaks());
        let at = breaks.partition_point(|b| b.lines.start < before.end);
        let lines = breaks.get(at)?.lines;
        let around = blank(Span::new(before.end, lines.start.max(before.end)))
            && lines.end <= after.start
            && blank(Span::new(lines.end, after.start));
        around.then_some(Some(lines))
    }

    /// The join of two lines, not wrapped until the width is known.
    fn join(&self, owner: JoinOwner, before: Span, after: Span) -> LineJoin {
        LineJoin {
            owner,
            before,
            after,
            page_break: None,
            wrapped: false,
        }
    }

    /// How many characters a line `width` characters wide would take with the first word of
    /// the line `after`.
    fn needed(&self, width: usize, after: Span) -> usize {
        let next_word = after
            .text(self.source)
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        width + 1 + chars(next_word)
    }

    /// The width the text was wrapped at, in characters: nearly the longest line (the 90th
    /// percentile, so that one long line does not count) of the paragraphs and footnote
    /// definitions written over several lines (`several`, their widths), or of all of them
    /// when fewer than [`MIN_WRAPPED_LINES`] are left on several lines: after some fixes, the
    /// width is still that of the lines left to join, and a few lines left alone do not make
    /// a width.
    fn line_width(&self, several: Vec<usize>) -> usize {
        let mut widths = several;
        if widths.len() < MIN_WRAPPED_LINES {
            // Only the multiset of widths counts: the lines left alone after the others.
            let width = |line: &Span| chars(line.text(self.source).trim());
            for paragraph in self.paragraphs.iter().filter(|p| p.lines.len() < 2) {
                widths.extend(paragraph.lines.iter().map(width));
            }
            let mut lines = Vec::new();
            for definition in &self.footnote_definitions {
                text_lines(self.source, definition.span, &mut lines);
                if lines.len() < 2 {
                    widths.extend(lines.iter().map(width));
                }
            }
        }
        if widths.is_empty() {
            return 0;
        }
        let rank = (widths.len() * 9).div_ceil(10) - 1;
        *widths.select_nth_unstable(rank).1
    }
}

/// Fewer lines than this on several lines do not tell the width a text was wrapped at.
const MIN_WRAPPED_LINES: usize = 8;

/// The characters of `text`: its bytes but the UTF-8 continuation bytes (`10xxxxxx`), counted
/// eight bytes at a time, a byte of count per lane for up to 255 words.
fn chars(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // 1 in each byte lane holding a continuation byte.
    let continuation = |word: u64| ((word & !(word << 1)) >> 7) & ONES;
    // The byte lanes added in pairs (at most 510), then the four pairs.
    let sum_lanes = |lanes: u64| {
        const PAIRS: u64 = 0x00FF_00FF_00FF_00FF;
        let pairs = (lanes & PAIRS) + ((lanes >> 8) & PAIRS);
        (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
    };
    let bytes = text.as_bytes();
    let mut blocks = bytes.chunks_exact(8 * 255);
    let mut continuations = 0;
    for block in blocks.by_ref() {
        let lanes = block
            .chunks_exact(8)
            .map(|word| continuation(u64::from_le_bytes(word.try_into().expect("eight bytes"))))
            .sum();
        continuations += sum_lanes(lanes);
    }
    let mut words = blocks.remainder().chunks_exact(8);
    let lanes = words
        .by_ref()
        .map(|word| continuation(u64::from_le_bytes(word.try_into().expect("eight bytes"))))
        .sum();
    continuations += sum_lanes(lanes);
    let tail = words.remainder();
    continuations += tail.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuations
}

/// `span` without its leading and trailing spaces.
fn trim(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let start = span.start + text.len() - text.trim_start().len();
    Span::new(start, start + text.trim().len())
}

/// The non-blank lines inside `span`, each trimmed, in `lines` (emptied first).
fn text_lines(source: &str, span: Span, lines: &mut Vec<Span>) {
    lines.clear();
    let mut start = span.start;
    for line in span.text(source).split('\n') {
        let trimmed = trim(source, Span::new(start, start + line.len()));
        if !trimmed.is_empty() {
            lines.push(trimmed);
        }
        start += line.len() + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(owner, last word before, first word after, wrapped, across a page break)`.
    fn joins(text: &str) -> Vec<(JoinOwner, &str, &str, bool, bool)> {
        let document = Document::parse(text);
        document
            .line_joins()
            .iter()
            .map(|j| {
                let before = j.before.text(text).rsplit(' ').next().unwrap();
                let after = j.after.text(text).split(' ').next().unwrap();
                (j.owner, before, after, j.wrapped, j.page_break.is_some())
            })
            .collect()
    }

    #[test]
    fn full_lines_are_wrapped_short_ones_are_not() {
        let text = "Rappelant sa résolution 54/181 du 17 décembre 1999, prenant note de la\nrésolution 2000/70 de la Commission des droits de l’homme, en date du\n26 avril 2000,\n\nArticle premier\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n";
        use JoinOwner::Paragraph;
        assert_eq!(
            joins(text),
            [
                (Paragraph(0), "la", "résolution", true, false),
                (Paragraph(0), "du", "26", true, false),
                (Paragraph(1), "premier", "Tous", false, false),
            ]
        );
    }

    #[test]
    fn the_title_lines_and_definition_lines_join_but_not_a_lone_number_or_footnotes() {
        let text = "1/1. Renforcement de la coopération internationale\ndans le domaine des droits de l’homme\n\nL’Assemblée générale,\n\nRappelant la décision de proclamer 2001 Année du dialogue entre les civilisations, ainsi que\n_______________\n1\n\nVoir les Documents officiels du Conseil économique et social, 2000, Supplément\nno 3.\n\nrésolution 56/6,\n\nNotant le rapport de la Troisième Commission sur le dialogue entre les civilisations,\n\net les mesures prises,\n";
        use JoinOwner::{FootnoteDefinition, Paragraph, Title};
        assert_eq!(
            joins(text),
            [
                (Title, "internationale", "dans", true, false),
                (Paragraph(1), "civilisations,", "et", true, false),
                (FootnoteDefinition(0), "Supplément", "no", true, false),
            ]
        );
    }

    #[test]
    fn a_paragraph_goes_on_across_a_page_break_but_not_across_footnotes() {
        let text = "Rappelant la décision de proclamer 2001 Année du dialogue entre les civilisations et\n\nA/RES/58/170\n\n2\n\nla résolution 56/6 du 9 novembre 2001, intitulée « Programme mondial », ainsi que sa\n\n¹ Voir A/55/1.\n\nrésolution 57/1,\n";
        let document = Document::parse(text);
        let joins = document.line_joins();
        assert_eq!(joins.len(), 1);
        let (before, after) = joins[0].gap_parts();
        assert_eq!(
            joins[0].page_break.unwrap().text(text),
            "\nA/RES/58/170\n\n2\n"
        );
        assert_eq!((before.text(text), after.text(text)), ("\n", "\n"));
    }

    #[test]
    fn a_few_lines_left_on_several_lines_are_measured_against_the_whole_text() {
        let long = "Rappelant sa résolution 54/181 du 17 décembre 1999, prenant note de la résolution 2000/70 de la Commission des droits de l’homme,";
        let text = format!(
            "{long}\n\n{long}\n\n¹ A/CONF.157/24 (Part I), chap. III.\nVoir résolution 55/2.\n"
        );
        let document = Document::parse(&text);
        let joins = document.line_joins();
        assert_eq!(joins.len(), 1);
        assert!(!joins[0].wrapped, "a short line among long ones");
    }

    #[test]
    fn a_sub_paragraph_starts_its_own_line() {
        let text = "1/1. T\n\nL'Assemblée générale,\n\n1. *Prie* le Secrétaire général de faire rapport sur les points suivants :\na) Les mesures prises par les États Membres et les organisations ;\n";
        assert_eq!(joins(text), []);
    }

    #[test]
    fn the_gap_line_ending_and_hyphen_of_a_join() {
        let text = "Consciente qu’il importe d’assurer l’objectivité et la non- \r\n  sélectivité de l’examen des questions relatives aux droits de l’homme,\n";
        let document = Document::parse(text);
        let join = document.line_joins()[0];
        assert_eq!(join.gap().text(text), " \r\n  ");
        assert_eq!(join.line_ending(text).text(text), "\r\n");
        assert_eq!(join.hyphen(text).map(|h| h.text(text)), Some("-"));
        let dash =
            "Les pays - en particulier les plus pauvres et les moins avancés -\nnotamment,\n";
        let document = Document::parse(dash);
        assert_eq!(document.line_joins()[0].hyphen(dash), None);
    }

    #[test]
    fn characters_are_counted_as_chars_counts_them() {
        let text = "é’«»\u{202F}a😀".repeat(300);
        for end in (0..=text.len()).filter(|&end| text.is_char_boundary(end)) {
            assert_eq!(chars(&text[..end]), text[..end].chars().count(), "{end}");
        }
    }
}
