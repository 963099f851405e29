//! The line-by-line parse that builds a [`Document`].
//!
//! Front matter first (header above the title, the title, the opener), then the body as a
//! small state machine over lines: blank lines, page furniture, footnote definitions (and the
//! footnote zone that follows a definition or a rule), the closing, and paragraph text.
//! Hard-wrapped lines join their paragraph; a paragraph interrupted by footnotes or page
//! furniture continues when the next text line starts in lower case, or, after a page break,
//! when its last line has no final punctuation.

use std::sync::OnceLock;

use crate::line_index::LineIndex;
use crate::span::Span;

use super::footnotes::scan_references;
use super::header::{date_line, is_opener, meeting_line, read_header, title_line};
use super::line::{
    digit_definition_mark, ends_with_punctuation, explicit_definition_mark, is_rule, lone_number,
    operative_marker, split_lines, subparagraph_marker, symbol_line, trim_end_emphasis,
    trim_start_emphasis, DefinitionMark, Line, Trimmed,
};
use super::{
    Block, BlockKind, Closing, DateMention, Document, FootnoteDefinition, FootnoteStyle, Furniture,
    Header, Paragraph, ParagraphKind, SubLabel, SubLabelStyle, SubParagraph, Title,
};

/// How far down a title may sit: headers are short.
const TITLE_SEARCH_LINES: usize = 40;

pub(super) fn parse(source: &str) -> Document<'_> {
    let (suppressions, comments) = super::suppressions::find_suppressions(source);
    // A suppression comment is not French text, and a line holding only one is blank.
    let verbatim =
        super::verbatim::merged(super::verbatim::find_verbatim(source), comments.clone());
    let digit_runs = super::digits::digit_run_starts(source.as_bytes());
    let dates = super::dates::find_dates(source, &verbatim, &digit_runs);
    let lines = split_lines(source);
    let trimmed: Vec<Trimmed> = lines
        .iter()
        .map(|line| {
            let trimmed = Trimmed::of(source, line.content);
            let span = Span::new(trimmed.start, trimmed.start + trimmed.text.len());
            if comments.binary_search(&span).is_ok() {
                Trimmed {
                    text: "",
                    start: trimmed.start,
                }
            } else {
                trimmed
            }
        })
        .collect();
    let mut parser = Parser {
        source,
        lines: &lines,
        trimmed: &trimmed,
        dates: &dates,
        owners: vec![BlockKind::Blank; lines.len()],
        header: None,
        title: None,
        opener: None,
        // Sized once: a paragraph takes at least a line and is set apart by another.
        paragraphs: Vec::with_capacity(lines.len() / 2 + 1),
        definitions: Vec::new(),
        closing: None,
        operative_count: 0,
    };
    let (body_start, section) = parser.read_front_matter();
    parser.read_body(body_start, section);
    let Parser {
        owners,
        header,
        title,
        opener,
        paragraphs,
        definitions,
        closing,
        ..
    } = parser;
    let line_index = line_index(source, &lines);
    let blocks = merge_blocks(&lines, &owners);
    // The lines are read: their memory goes before the rest is found (a third of a large
    // file's peak).
    drop((trimmed, lines, owners));
    let references = scan_references(source, title.map(|t| t.text), &paragraphs, &definitions);
    let cited_from = title.map_or(0, |title| title.span.start);
    let citations = super::citations::find_citations(source, cited_from, &dates);
    Document {
        source,
        lines: line_index,
        blocks,
        header,
        title,
        opener,
        paragraphs,
        footnote_definitions: definitions,
        footnote_references: references,
        closing,
        verbatim,
        sessions: super::sessions::find_sessions(source),
        citations,
        dates,
        digit_runs,
        suppressions,
        line_joins: OnceLock::new(),
    }
}

/// Where the body is: it decides what a new paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Not a resolution: every paragraph is [`ParagraphKind::Other`].
    Free,
    Preamble,
    Operative,
    /// After the closing lines.
    Closed,
}

/// Whether the lines being read belong to footnote definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Closed,
    /// After a rule or a definition: more definitions, or the current one's next line.
    Open(Option<usize>),
    /// After a lone footnote number, whose text comes next (possibly after a blank line).
    AwaitingText(usize),
}

/// The last non-blank line read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Furniture,
    Footnote,
    Text { ends_sentence: bool },
}

struct Parser<'s, 'a> {
    source: &'a str,
    lines: &'s [Line],
    trimmed: &'s [Trimmed<'a>],
    dates: &'s [DateMention],
    owners: Vec<BlockKind>,
    header: Option<Header>,
    title: Option<Title>,
    opener: Option<Span>,
    paragraphs: Vec<Paragraph>,
    definitions: Vec<FootnoteDefinition>,
    closing: Option<Closing>,
    /// The operative paragraphs among `paragraphs`.
    operative_count: u32,
}

/// The state of the body's reading.
struct Body {
    section: Section,
    zone: Zone,
    current: Option<usize>,
    /// Something other than the current paragraph came since its last line.
    gap: bool,
    last: Last,
    blank_before: bool,
}

impl<'a> Parser<'_, 'a> {
    /// Reads header, title and opener; returns where the body starts and its first section.
    fn read_front_matter(&mut self) -> (usize, Section) {
        let Some(title_at) = self.find_title() else {
            return (0, Section::Free);
        };
        let header_lines = &self.trimmed[..title_at];
        if let (Some(first), Some(last)) = (
            header_lines.iter().find(|l| !l.is_blank()),
            header_lines.iter().rev().find(|l| !l.is_blank()),
        ) {
            let mut header = read_header(header_lines, self.dates);
            header.span = Span::new(first.start, last.start + last.text.len());
            self.header = Some(header);
            for (owner, line) in self.owners.iter_mut().zip(header_lines) {
                if !line.is_blank() {
                    *owner = BlockKind::Header;
                }
            }
        }
        let (number, words) = title_line(&self.trimmed[title_at]).expect("found as a title");
        let mut end = title_at + 1;
        while end < self.trimmed.len()
            && !self.trimmed[end].is_blank()
            && !is_opener(&self.trimmed[end])
        {
            end += 1;
        }
        self.owners[title_at..end].fill(BlockKind::Title);
        let last = self.trimmed[end - 1];
        let text_end = last.start + last.text.len();
        self.title = Some(Title {
            span: Span::new(number.span.start, text_end),
            number,
            text: Span::new(words.start, text_end),
        });
        let next = (end..self.trimmed.len()).find(|&i| !self.trimmed[i].is_blank());
        match next {
            Some(i) if is_opener(&self.trimmed[i]) => {
                self.owners[i] = BlockKind::Opener;
                self.opener = Some(self.trimmed[i].span_of(self.trimmed[i].text));
                (i + 1, Section::Preamble)
            }
            _ => (end, Section::Preamble),
        }
    }

    /// The first title-shaped line near the top, before any operative paragraph.
    fn find_title(&self) -> Option<usize> {
        self.trimmed
            .iter()
            .enumerate()
            .filter(|(_, line)| !line.is_blank())
            .take(TITLE_SEARCH_LINES)
            .take_while(|(_, line)| operative_marker(line).is_none())
            .find(|(_, line)| title_line(line).is_some())
            .map(|(i, _)| i)
    }

    fn read_body(&mut self, start: usize, section: Section) {
        let mut body = Body {
            section,
            zone: Zone::Closed,
            current: None,
            gap: false,
            last: Last::Start,
            blank_before: false,
        };
        let mut i = start;
        while i < self.trimmed.len() {
            i = self.read_body_line(i, &mut body) + 1;
        }
    }

    /// Reads line `i` (and sometimes the next); returns the last line consumed.
    fn read_body_line(&mut self, i: usize, body: &mut Body) -> usize {
        let line = self.trimmed[i];
        if line.is_blank() {
            if !matches!(body.zone, Zone::AwaitingText(_)) {
                body.zone = Zone::Closed;
            }
            body.gap = true;
            body.blank_before = true;
            return i;
        }
        let blank_before = std::mem::replace(&mut body.blank_before, false);
        if let Some(kind) = self.furniture(i, body, blank_before) {
            self.owners[i] = BlockKind::PageFurniture(kind);
            body.zone = if kind == Furniture::Rule {
                Zone::Open(None)
            } else {
                Zone::Closed
            };
            body.gap = true;
            body.last = Last::Furniture;
            return i;
        }
        if body.section != Section::Free {
            if let Some(end) = self.read_closing(i) {
                body.section = Section::Closed;
                body.current = None;
                body.zone = Zone::Closed;
                body.last = Last::Furniture;
                return end;
            }
        }
        if let Some(mark) = self.definition_mark(&line, body, blank_before) {
            let awaiting_text = mark.mark.len() == line.text.len();
            let def = self.start_definition(i, mark);
            body.zone = if awaiting_text {
                Zone::AwaitingText(def)
            } else {
                Zone::Open(Some(def))
            };
            body.gap = true;
            body.last = Last::Footnote;
            return i;
        }
        let continues_definition = match body.zone {
            Zone::AwaitingText(def) => Some(def),
            Zone::Open(Some(def))
                if operative_marker(&line).is_none() && subparagraph_marker(&line).is_none() =>
            {
                Some(def)
            }
            _ => None,
        };
        if let Some(def) = continues_definition {
            self.extend_definition(def, i);
            body.zone = Zone::Open(Some(def));
            body.last = Last::Footnote;
            return i;
        }
        body.zone = Zone::Closed;
        self.read_paragraph_line(i, body);
        body.gap = false;
        body.last = Last::Text {
            ends_sentence: trim_end_emphasis(line.text).ends_with('.'),
        };
        i
    }

    /// Page furniture: a rule, a running head, or a lone page number.
    fn furniture(&self, i: usize, body: &Body, blank_before: bool) -> Option<Furniture> {
        let line = &self.trimmed[i];
        if is_rule(line) {
            return Some(Furniture::Rule);
        }
        if symbol_line(line).is_some() {
            return Some(Furniture::RunningHead);
        }
        lone_number(line)?;
        let text_follows = self.trimmed.get(i + 1).is_some_and(|next| !next.is_blank());
        let is_page_number = body.zone == Zone::Closed
            && (body.last == Last::Furniture
                || !text_follows
                || (blank_before && body.last == Last::Start));
        is_page_number.then_some(Furniture::PageNumber)
    }

    /// The opening mark of a footnote definition on this line, if the context allows one.
    fn definition_mark(
        &self,
        line: &Trimmed,
        body: &Body,
        blank_before: bool,
    ) -> Option<DefinitionMark> {
        if let Some(mark) = explicit_definition_mark(line) {
            return Some(mark);
        }
        if let Some((number, span)) = lone_number(line) {
            return Some(DefinitionMark {
                mark: span,
                label: span,
                number: Some(number),
                style: FootnoteStyle::Digits,
            });
        }
        let after_sentence = body.last
            == (Last::Text {
                ends_sentence: true,
            });
        let context = body.zone != Zone::Closed
            || blank_before
            || matches!(body.last, Last::Start | Last::Furniture | Last::Footnote)
            || (after_sentence && body.section != Section::Free);
        let mark = context.then(|| digit_definition_mark(line)).flatten()?;
        // Inside a note, a line that starts with a number goes on with the note's text
        // (`… Supplément n°` / `53 (A/66/53)`) unless that number is the next note's, or a
        // note already defined opened by a word (`3 Voir …` again: a duplicated definition).
        if let (Zone::Open(Some(current)), false) = (body.zone, blank_before) {
            let current = self.definitions[current].number;
            let next = current
                .zip(mark.number)
                .is_some_and(|(current, number)| number > current && number <= current + 2);
            let opened_by_word = line.text[mark.mark.end - line.start..]
                .trim_start()
                .starts_with(char::is_alphabetic);
            let repeated = opened_by_word
                && self
                    .definitions
                    .iter()
                    .any(|d| d.number.is_some() && d.number == mark.number);
            if !next && !repeated {
                return None;
            }
        }
        Some(mark)
    }

    /// Reads the meeting line and the date under it; returns the last line consumed.
    fn read_closing(&mut self, i: usize) -> Option<usize> {
        let (meeting, meeting_span) = meeting_line(&self.trimmed[i])?;
        let date = self
            .trimmed
            .get(i + 1)
            .and_then(|line| date_line(line, self.dates));
        let end = if date.is_some() { i + 1 } else { i };
        self.owners[i..=end].fill(BlockKind::Closing);
        let last = self.trimmed[end];
        self.closing = Some(Closing {
            span: Span::new(self.trimmed[i].start, last.start + last.text.len()),
            meeting,
            meeting_span,
            date,
        });
        Some(end)
    }

    fn start_definition(&mut self, i: usize, mark: DefinitionMark) -> usize {
        let line = self.trimmed[i];
        self.definitions.push(FootnoteDefinition {
            span: Span::new(mark.mark.start, line.start + line.text.len()),
            mark: mark.mark,
            label: mark.label,
            number: mark.number,
            style: mark.style,
        });
        let index = self.definitions.len() - 1;
        self.owners[i] = BlockKind::FootnoteDefinition(index);
        index
    }

    fn extend_definition(&mut self, index: usize, i: usize) {
        let line = self.trimmed[i];
        self.definitions[index].span.end = line.start + line.text.len();
        self.owners[i] = BlockKind::FootnoteDefinition(index);
    }

    /// Adds line `i` to the current paragraph, to a new sub-paragraph of it, or to a new
    /// paragraph.
    fn read_paragraph_line(&mut self, i: usize, body: &mut Body) {
        let line = self.trimmed[i];
        let content = self.lines[i].content;
        let previous_ends_clause = body
            .current
            .and_then(|p| self.paragraphs[p].lines.last())
            .is_some_and(|last| ends_with_punctuation(last.text(self.source)));
        if matches!(body.section, Section::Preamble | Section::Operative) {
            if let Some(number) = operative_marker(&line) {
                let expected = self.operative_count + 1;
                if body.gap
                    || body.current.is_none()
                    || previous_ends_clause
                    || number.value == expected
                {
                    body.section = Section::Operative;
                    self.push_paragraph(i, ParagraphKind::Operative(number), body);
                    return;
                }
            }
        }
        if let Some(current) = body.current {
            if let Some(label) = subparagraph_marker(&line) {
                if body.gap || previous_ends_clause {
                    if let Some(label) = self.sub_label(current, &line, label) {
                        let paragraph = &mut self.paragraphs[current];
                        paragraph.subparagraphs.push(SubParagraph {
                            label,
                            first_line: paragraph.lines.len(),
                        });
                        paragraph.lines.push(content);
                        self.owners[i] = BlockKind::Paragraph(current);
                        return;
                    }
                }
            }
            if self.continues(&line, body, previous_ends_clause) {
                self.paragraphs[current].lines.push(content);
                self.owners[i] = BlockKind::Paragraph(current);
                return;
            }
        }
        let kind = match body.section {
            Section::Preamble => ParagraphKind::Preamble,
            _ => ParagraphKind::Other,
        };
        self.push_paragraph(i, kind, body);
    }

    /// Whether a text line continues the current paragraph rather than opening one.
    fn continues(&self, line: &Trimmed, body: &Body, previous_ends_clause: bool) -> bool {
        let first = trim_start_emphasis(line.text).chars().next().unwrap_or(' ');
        if body.gap {
            // Across a page break, a line without final punctuation goes on even before a
            // capital (`… de son` / `A/RES/66/152` / `2` / `Article 1, et …`).
            let across_page_break = body.last == Last::Furniture
                && matches!(body.section, Section::Preamble | Section::Operative);
            first.is_lowercase()
                || (first.is_ascii_digit() && !previous_ends_clause)
                || (across_page_break && !previous_ends_clause)
        } else {
            body.section == Section::Operative || !(previous_ends_clause && first.is_uppercase())
        }
    }

    fn push_paragraph(&mut self, i: usize, kind: ParagraphKind, body: &mut Body) {
        if matches!(kind, ParagraphKind::Operative(_)) {
            self.operative_count += 1;
        }
        // Room for a hard-wrapped paragraph's first lines.
        let mut lines = Vec::with_capacity(4);
        lines.push(self.lines[i].content);
        self.paragraphs.push(Paragraph {
            kind,
            lines,
            subparagraphs: Vec::new(),
        });
        let index = self.paragraphs.len() - 1;
        self.owners[i] = BlockKind::Paragraph(index);
        body.current = Some(index);
    }

    /// Reads `label` as a letter or a roman numeral, from what came before it in the paragraph
    /// (`i)` after `h)` is a letter; after `a)` it is a roman one).
    fn sub_label(&self, paragraph: usize, line: &Trimmed, label: &str) -> Option<SubLabel> {
        let previous = &self.paragraphs[paragraph].subparagraphs;
        let last = previous.last().map(|s| s.label);
        let last_letter = previous
            .iter()
            .rev()
            .find(|s| s.label.style == SubLabelStyle::Letter)
            .map(|s| s.label.value);
        let roman = roman_value(label);
        let letter = (label.len() == 1).then(|| u32::from(label.as_bytes()[0] - b'a') + 1);
        let after_roman = last.is_some_and(|l| l.style == SubLabelStyle::Roman);
        let (style, value) = match (letter, roman) {
            (Some(letter), None) => (SubLabelStyle::Letter, letter),
            (None, Some(roman)) => (SubLabelStyle::Roman, roman),
            (Some(letter), Some(roman)) => {
                let next_roman = after_roman && last.is_some_and(|l| l.value + 1 == roman);
                let next_letter = !after_roman && last_letter.map(|v| v + 1) == Some(letter);
                if next_roman || (!next_letter && (label == "i" || after_roman)) {
                    (SubLabelStyle::Roman, roman)
                } else {
                    (SubLabelStyle::Letter, letter)
                }
            }
            (None, None) => return None,
        };
        Some(SubLabel {
            style,
            value,
            span: line.span_of(label),
        })
    }
}

/// The value of a lowercase roman numeral written canonically (`iv`, not `iiii`).
fn roman_value(label: &str) -> Option<u32> {
    let digit = |b: u8| match b {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = label.bytes().map(digit).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, &value) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > value) {
            total -= i64::from(value);
        } else {
            total += i64::from(value);
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    (SubLabelStyle::Roman.render(total) == label).then_some(total)
}

/// The [`LineIndex`] of `source` from its lines, without a second search for line ends.
fn line_index(source: &str, lines: &[Line]) -> LineIndex {
    let mut starts = Vec::with_capacity(lines.len() + 1);
    starts.push(0);
    starts.extend(lines.iter().skip(1).map(|line| line.full.start));
    if source.ends_with('\n') {
        starts.push(source.len());
    }
    LineIndex::from_starts(starts)
}

/// Merges consecutive lines with the same owner into blocks.
fn merge_blocks(lines: &[Line], owners: &[BlockKind]) -> Vec<Block> {
    // Blocks alternate with blank runs: at most one a line, about one every other line.
    let mut blocks: Vec<Block> = Vec::with_capacity(lines.len() / 2 + 1);
    for (line, &kind) in lines.iter().zip(owners) {
        match blocks.last_mut() {
            Some(block) if block.kind == kind => block.span.end = line.full.end,
            _ => blocks.push(Block {
                span: line.full,
                kind,
            }),
        }
    }
    blocks
}
