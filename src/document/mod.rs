//! The parse of a resolution: every byte of the source assigned to one block, and the
//! structure of spec §1 (header, title, preamble, operative paragraphs, footnotes, closing)
//! with byte spans into the original text. Built once per file; rules only read it.

mod citations;
mod date;
mod dates;
mod digits;
mod footnotes;
mod header;
mod joins;
mod line;
mod numbers;
mod page_breaks;
mod parse;
mod sessions;
mod suppressions;
mod verbatim;
mod words;

pub use citations::{Citation, CitationKind};
pub use date::{DateError, FrenchDate, Weekday, MONTHS};
pub use dates::{DateMention, DayStyle, MonthMention, MonthSpelling, WeekdayMention};
pub use digits::DigitCursor;
pub use joins::{is_hyphen, JoinOwner, LineJoin};
pub use numbers::{parse_cardinal, parse_ordinal};
pub use page_breaks::PageBreak;
pub use sessions::{SessionHolder, SessionMention};
pub use suppressions::{Suppression, SuppressionKind};

use foldhash::HashSet;
use std::sync::OnceLock;

use crate::line_index::LineIndex;
use crate::span::Span;

/// A parsed document. Spans index into [`Document::source`].
#[derive(Debug)]
pub struct Document<'a> {
    /// The file's text, exactly as on disk (a BOM, if any, is kept at offset 0).
    pub source: &'a str,
    /// Line starts, for positions.
    pub lines: LineIndex,
    /// Consecutive runs of lines, covering every byte of the source exactly once, in order.
    pub blocks: Vec<Block>,
    /// The lines above the title, when the document is a resolution.
    pub header: Option<Header>,
    /// `55/109. Renforcement …`, when the document is a resolution.
    pub title: Option<Title>,
    /// `L'Assemblée générale,`: the line that opens the preamble.
    pub opener: Option<Span>,
    /// Preamble, operative and other paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// Footnote definitions, in document order.
    pub footnote_definitions: Vec<FootnoteDefinition>,
    /// Footnote reference marks, in document order.
    pub footnote_references: Vec<FootnoteReference>,
    /// The meeting and adoption date at the end.
    pub closing: Option<Closing>,
    /// Document symbols, URLs, e-mail addresses and code spans, sorted: typography rules
    /// leave them alone.
    pub verbatim: Vec<Span>,
    /// Every date of the text, header and body, in order.
    pub dates: Vec<DateMention>,
    /// Where each run of ASCII digits starts, in order (read through [`Document::digits`]).
    pub digit_runs: Vec<usize>,
    /// Every session named by its ordinal (`à sa cinquante-neuvième session`), in order.
    pub sessions: Vec<SessionMention>,
    /// The texts cited with a date below the header, in order.
    pub citations: Vec<Citation>,
    /// The `<!-- coquille-disable … -->` comments, in order.
    pub suppressions: Vec<Suppression<'a>>,
    /// [`Document::line_joins`], once asked.
    line_joins: OnceLock<Vec<LineJoin>>,
}

impl<'a> Document<'a> {
    /// Parses `source`. Never fails: text that fits no part of §1 becomes plain paragraphs.
    pub fn parse(source: &'a str) -> Self {
        parse::parse(source)
    }

    /// Whether a resolution title was found, so the structure rules apply.
    pub fn is_resolution(&self) -> bool {
        self.title.is_some()
    }

    /// The preamble paragraphs, in order.
    pub fn preamble(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Preamble)
    }

    /// The numbered operative paragraphs, in order.
    pub fn operative(&self) -> impl Iterator<Item = (&Paragraph, &ParagraphNumber)> {
        self.paragraphs.iter().filter_map(|p| match &p.kind {
            ParagraphKind::Operative(number) => Some((p, number)),
            _ => None,
        })
    }

    /// The session mentions that start inside `span`.
    pub fn sessions_in(&self, span: Span) -> &[SessionMention] {
        let start = self.sessions.partition_point(|s| s.span.start < span.start);
        let end = self.sessions.partition_point(|s| s.span.start < span.end);
        &self.sessions[start..end.max(start)]
    }

    /// The text of `span`.
    pub fn text(&self, span: Span) -> &'a str {
        span.text(self.source)
    }

    /// Whether `span` overlaps a symbol, URL, e-mail address or code span.
    pub fn overlaps_verbatim(&self, span: Span) -> bool {
        let after = self.verbatim.partition_point(|v| v.end <= span.start);
        self.verbatim
            .get(after)
            .is_some_and(|v| v.start < span.end.max(span.start + 1))
    }

    /// A cursor to the digits of the text, for a pass over its numbers.
    pub fn digits(&self) -> DigitCursor<'_> {
        DigitCursor::new(self.source.as_bytes(), &self.digit_runs)
    }

    /// The keys of every footnote definition.
    pub fn defined_footnotes(&self) -> HashSet<FootnoteKey<'a>> {
        self.footnote_definitions
            .iter()
            .map(|d| d.key(self.source))
            .collect()
    }

    /// The keys of every footnote reference.
    pub fn referenced_footnotes(&self) -> HashSet<FootnoteKey<'a>> {
        self.footnote_references
            .iter()
            .map(|r| r.key(self.source))
            .collect()
    }

    /// The last character of `span` that is not a space, emphasis or a footnote mark
    /// (`;` in `… 1997³;`, `,` in `… l'homme»²,`), with its span.
    pub fn final_character(&self, span: Span) -> Option<(char, Span)> {
        let text = line::strip_trailing_marks(self.text(span));
        let last = text.chars().next_back()?;
        let end = span.start + text.len();
        Some((last, Span::new(end - last.len_utf8(), end)))
    }
}

/// A run of whole lines (line endings included) with one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The bytes of the block.
    pub span: Span,
    /// Its role.
    pub kind: BlockKind,
}

/// The role of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Empty lines or lines of spaces.
    Blank,
    /// Lines above the title (symbol, session, dates…).
    Header,
    /// The resolution's number and title.
    Title,
    /// `L'Assemblée générale,`.
    Opener,
    /// Lines of the paragraph at this index of [`Document::paragraphs`].
    Paragraph(usize),
    /// Lines of the footnote definition at this index of [`Document::footnote_definitions`].
    FootnoteDefinition(usize),
    /// Page furniture left by PDF extraction.
    PageFurniture(Furniture),
    /// The meeting line and the adoption date.
    Closing,
}

/// Kinds of page furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// A running head repeating a document symbol (`A/RES/55/109`).
    RunningHead,
    /// A lone page number (`2`).
    PageNumber,
    /// A rule above the footnotes (`_______________`).
    Rule,
}

/// The header of a resolution.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// The whole header (first byte to the end of its last line).
    pub span: Span,
    /// `A/RES/55/109`.
    pub symbol: Option<ResolutionNumber>,
    /// `Cinquante-deuxième session`.
    pub session: Option<SessionLine>,
    /// The distribution date (`13 mars 2012`).
    pub distribution_date: Option<DateMention>,
    /// The adoption date in `Résolution adoptée par l'Assemblée générale le 19 décembre 2011`.
    pub adoption_date: Option<DateMention>,
}

/// A session number and a resolution number, as in `A/RES/55/109` or the title `55/109.`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolutionNumber {
    /// The whole symbol or number.
    pub span: Span,
    /// The session part (`55`).
    pub session: u32,
    /// Where the session part is.
    pub session_span: Span,
    /// The resolution part (`109`).
    pub number: u32,
    /// Where the resolution part is.
    pub number_span: Span,
}

/// The session line of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLine {
    /// The whole line, trimmed.
    pub span: Span,
    /// The ordinal word (`Cinquante-deuxième`).
    pub ordinal: Span,
    /// Its value, if it is a well-formed French ordinal.
    pub number: Option<u32>,
}

/// The title line(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// From the number to the end of the last title line.
    pub span: Span,
    /// `55/109`.
    pub number: ResolutionNumber,
    /// The title's words.
    pub text: Span,
}

/// What part of the resolution a paragraph belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Between the opener and the first operative paragraph.
    Preamble,
    /// A numbered operative paragraph.
    Operative(ParagraphNumber),
    /// Anything else (a document that is not a resolution, text after the closing…).
    Other,
}

/// The number of an operative paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParagraphNumber {
    /// Its value.
    pub value: u32,
    /// The digits.
    pub span: Span,
}

/// One logical paragraph, possibly hard-wrapped and interrupted by footnotes or furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Preamble, operative or other.
    pub kind: ParagraphKind,
    /// The content of each of its lines (no line ending), in order.
    pub lines: Vec<Span>,
    /// Its lettered and roman sub-paragraphs, in order.
    pub subparagraphs: Vec<SubParagraph>,
}

impl Paragraph {
    /// From the first byte of its first line to the last byte of its last line.
    pub fn span(&self) -> Span {
        Span::new(self.lines[0].start, self.lines[self.lines.len() - 1].end)
    }

    /// The lines that precede the first sub-paragraph (all lines when there is none).
    pub fn lead_in(&self) -> &[Span] {
        let end = self
            .subparagraphs
            .first()
            .map_or(self.lines.len(), |s| s.first_line);
        &self.lines[..end]
    }
}

/// `a)`, `b)` … or `i)`, `ii)` …: a sub-paragraph inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubParagraph {
    /// Its label.
    pub label: SubLabel,
    /// Index in [`Paragraph::lines`] of its first line.
    pub first_line: usize,
}

/// The label of a sub-paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubLabel {
    /// Letter (`a)`) or roman numeral (`ii)`).
    pub style: SubLabelStyle,
    /// 1 for `a)` and `i)`, 2 for `b)` and `ii)`…
    pub value: u32,
    /// The letter or numeral, without parentheses.
    pub span: Span,
}

/// How a sub-paragraph is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubLabelStyle {
    /// `a)`, `b)`: first level.
    Letter,
    /// `i)`, `ii)`: second level, inside a lettered sub-paragraph or directly in a paragraph.
    Roman,
}

impl SubLabelStyle {
    /// The label of `value` in this style (`c`, `iv`).
    pub fn render(self, value: u32) -> String {
        match self {
            Self::Letter => char::from_u32(u32::from(b'a') + value - 1)
                .map_or_else(|| value.to_string(), String::from),
            Self::Roman => to_roman(value),
        }
    }
}

fn to_roman(mut value: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (size, digits) in DIGITS {
        while value >= size {
            out.push_str(digits);
            value -= size;
        }
    }
    out
}

/// How a footnote mark is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FootnoteStyle {
    /// `¹²³`.
    Superscript,
    /// `^1^`.
    Caret,
    /// `[^1]` and `[^1]: …`.
    Bracket,
    /// Extracted text: plain digits, glued to a word (`l’homme1,`) or set apart (`1993 1 ,`);
    /// definitions `1 Voir …` or a lone `1` line before their text.
    Digits,
}

/// A footnote reference mark in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FootnoteReference {
    /// The mark, as written (`¹`, `^1^`, `[^1]`, `1`).
    pub span: Span,
    /// The label inside the mark (`1`, or a Markdown name).
    pub label: Span,
    /// The label's value when it is a number.
    pub number: Option<u32>,
    /// How it is written.
    pub style: FootnoteStyle,
}

/// A footnote definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FootnoteDefinition {
    /// The whole definition, mark and text, possibly over several lines.
    pub span: Span,
    /// The mark that opens it (`¹`, `[^1]:`, `1`).
    pub mark: Span,
    /// The label inside the mark.
    pub label: Span,
    /// The label's value when it is a number.
    pub number: Option<u32>,
    /// How it is written.
    pub style: FootnoteStyle,
}

/// What matches a reference to its definition: a number, or a Markdown label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FootnoteKey<'a> {
    /// `¹`, `^1^`, `[^1]`, `1`.
    Number(u32),
    /// `[^note]`.
    Name(&'a str),
}

impl std::fmt::Display for FootnoteKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Number(number) => write!(f, "{number}"),
            Self::Name(name) => f.write_str(name),
        }
    }
}

fn footnote_key(source: &str, label: Span, number: Option<u32>) -> FootnoteKey<'_> {
    number.map_or_else(
        || FootnoteKey::Name(label.text(source)),
        FootnoteKey::Number,
    )
}

impl FootnoteReference {
    /// The key that matches this mark to its definition.
    pub fn key<'s>(&self, source: &'s str) -> FootnoteKey<'s> {
        footnote_key(source, self.label, self.number)
    }
}

impl FootnoteDefinition {
    /// The key that matches this definition to its marks.
    pub fn key<'s>(&self, source: &'s str) -> FootnoteKey<'s> {
        footnote_key(source, self.label, self.number)
    }
}

/// The closing lines: `*89^e séance plénière` / `19 décembre 2011*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closing {
    /// Both lines.
    pub span: Span,
    /// The meeting number.
    pub meeting: u32,
    /// Where the meeting number is.
    pub meeting_span: Span,
    /// The adoption date, when present.
    pub date: Option<DateMention>,
}

#[cfg(test)]
mod tests;
