//! Footnote reference marks in the text, in every form of spec §1.
//!
//! Superscripts (`¹`), caret marks (`^1^`) and Markdown labels (`[^1]`) are unambiguous.
//! Plain digits, as PDF extraction leaves them, are read as references only when the document
//! defines footnotes with plain digits, and only in safe contexts: glued to a word
//! (`l’homme1,`, `»3`) for a defined number; set apart (`1993 1 ,`, `2000 2⏎`) for the next
//! number in sequence, before punctuation or the end of the line (or before a word, after a
//! year: `2000 2 et`), and never after a word that takes a number (`Article 1,`,
//! `paragraphe 3`).

use crate::span::Span;

use super::digits::next_digit;
use super::line::superscript_digit;
use super::{FootnoteDefinition, FootnoteReference, FootnoteStyle, Paragraph};

/// Words after which a number is a number, not a footnote mark.
const NUMBERED_WORDS: &[&str] = &[
    "a",
    "à",
    "add",
    "al",
    "alinéa",
    "alinéas",
    "annexe",
    "annexes",
    "article",
    "articles",
    "au",
    "aux",
    "chap",
    "chapitre",
    "chapitres",
    "corr",
    "dans",
    "de",
    "des",
    "du",
    "décision",
    "décisions",
    "en",
    "et",
    "la",
    "le",
    "les",
    "n°",
    "nº",
    "no",
    "nos",
    "ou",
    "p",
    "page",
    "pages",
    "par",
    "paragraphe",
    "paragraphes",
    "partie",
    "parties",
    "point",
    "points",
    "pour",
    "principe",
    "principes",
    "recommandation",
    "recommandations",
    "rev",
    "règle",
    "règles",
    "résolution",
    "résolutions",
    "sect",
    "section",
    "sections",
    "session",
    "sessions",
    "sous",
    "sur",
    "séance",
    "titre",
    "tome",
    "vol",
    "volume",
];

/// Finds the reference marks of the title and the paragraphs, in document order.
pub(super) fn scan_references(
    source: &str,
    title: Option<Span>,
    paragraphs: &[Paragraph],
    definitions: &[FootnoteDefinition],
) -> Vec<FootnoteReference> {
    let digit_numbers: Vec<u32> = definitions
        .iter()
        .filter(|d| d.style == FootnoteStyle::Digits)
        .filter_map(|d| d.number)
        .collect();
    // Marks other than plain digits are rare: found in one pass over the whole text.
    let marks = rare_mark_starts(source);
    let mut scanner = Scanner {
        source,
        digit_numbers,
        marks,
        next_mark: 0,
        references: Vec::new(),
        highest: 0,
        cut_word: "",
    };
    let lines = paragraphs.iter().flat_map(|p| p.lines.iter().copied());
    for span in title.into_iter().chain(lines) {
        scanner.scan(span);
    }
    scanner.references
}

/// Where `^`, `[` and the superscript digits are in `source`, in order: where a mark other
/// than plain digits may start.
fn rare_mark_starts(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    // `⁰⁴…⁹` are E2 81 B0, E2 81 B4 … E2 81 B9: found by their second byte, with `^`, `[`.
    let mut starts: Vec<usize> = memchr::memchr3_iter(b'^', b'[', 0x81, bytes)
        .filter_map(|i| match bytes[i] {
            0x81 => (i > 0 && bytes[i - 1] == 0xE2 && matches!(at(i + 1), 0xB0 | 0xB4..=0xB9))
                .then(|| i - 1),
            _ => Some(i),
        })
        .collect();
    // `¹²³` are C2 B9, C2 B2, C2 B3: looked for by their second byte, as C2 also starts the
    // no-break space and the guillemets of French.
    starts.extend(
        memchr::memchr3_iter(0xB2, 0xB3, 0xB9, bytes)
            .filter(|&i| i > 0 && bytes[i - 1] == 0xC2)
            .map(|i| i - 1),
    );
    // Two sorted runs: the stable sort finds them and merges them in one pass.
    starts.sort();
    starts
}

struct Scanner<'a> {
    source: &'a str,
    digit_numbers: Vec<u32>,
    /// Where marks other than plain digits may start in the whole source
    /// ([`rare_mark_starts`]).
    marks: Vec<usize>,
    /// The first of `marks` not passed yet.
    next_mark: usize,
    references: Vec<FootnoteReference>,
    highest: u32,
    /// The start of a word cut by a hyphen at the end of the line scanned last (`Arti`
    /// of `Arti-` / `cle 1,`).
    cut_word: &'a str,
}

impl<'a> Scanner<'a> {
    /// The first place at or after `at` in the line `span` where a mark may start: one of
    /// [`Scanner::marks`], or a digit when the notes are numbered with plain digits.
    fn next_start(&mut self, span: Span, at: usize) -> Option<usize> {
        let from = span.start + at;
        while self.marks.get(self.next_mark).is_some_and(|&m| m < from) {
            self.next_mark += 1;
        }
        let mark = self
            .marks
            .get(self.next_mark)
            .filter(|&&mark| mark < span.end)
            .map(|&mark| mark - span.start);
        if self.digit_numbers.is_empty() {
            return mark;
        }
        let line = &self.source.as_bytes()[..mark.map_or(span.end, |mark| span.start + mark)];
        next_digit(line, from).map_or(mark, |digit| Some(digit - span.start))
    }

    fn scan(&mut self, span: Span) {
        let text = span.text(self.source);
        let mut at = 0;
        while let Some(start) = self.next_start(span, at) {
            at = start;
            let c = text[at..].chars().next().expect("at a character boundary");
            let found = if superscript_digit(c).is_some() {
                superscript(text, at)
            } else {
                match c {
                    '^' => caret(text, at),
                    '[' => bracket(text, at),
                    '0'..='9' if !self.digit_numbers.is_empty() => self.digits(text, at),
                    _ => None,
                }
            };
            match found {
                Some(mut reference) => {
                    at = reference.span.end;
                    reference.span = reference.span.shifted(span.start);
                    reference.label = reference.label.shifted(span.start);
                    self.highest = self.highest.max(reference.number.unwrap_or(0));
                    self.references.push(reference);
                }
                None if c.is_ascii_digit() => {
                    at += text[at..].bytes().take_while(u8::is_ascii_digit).count();
                }
                None => at += c.len_utf8(),
            }
        }
        if self.digit_numbers.is_empty() {
            return;
        }
        self.cut_word = text.trim_end().strip_suffix('-').map_or("", |stem| {
            let start = stem
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            &stem[start..]
        });
    }

    /// A plain-digit mark at `at`, glued or set apart.
    fn digits(&self, text: &str, at: usize) -> Option<FootnoteReference> {
        let before = &text[..at];
        let len = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        let after = &text[at + len..];
        let number: u32 = text[at..at + len].parse().ok()?;
        if len > 3 || !self.digit_numbers.contains(&number) || !ends_number(after) {
            return None;
        }
        let previous = before.chars().next_back()?;
        let glued = previous.is_lowercase() || matches!(previous, '»' | ')');
        let spaced = previous.is_whitespace()
            && number == self.highest + 1
            && follows_a_plain_word(before, self.cut_word)
            && (before_punctuation_or_end(after)
                || (follows_a_year(before) && before_a_word(after)));
        (glued || spaced).then(|| FootnoteReference {
            span: Span::new(at, at + len),
            label: Span::new(at, at + len),
            number: Some(number),
            style: FootnoteStyle::Digits,
        })
    }
}

/// Whether the digits before `after` are a whole number: not `1er`, `2000/70`, `1.5`, `1,5`.
fn ends_number(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '/' => false,
        Some('.' | ',') => !chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// `1 ,`, `1,`, `1` at the end of the line.
fn before_punctuation_or_end(after: &str) -> bool {
    let rest = after.trim_start();
    rest.is_empty() || rest.starts_with([',', ';', '.', ':'])
}

/// Whether `before` ends with a year (`2000`): a number set apart after it is a footnote mark
/// even inside the line (`le 8 septembre 2000 2 et sa résolution`).
fn follows_a_year(before: &str) -> bool {
    let before = before.trim_end();
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let year = &before[before.len() - digits..];
    let starts_word = before[..before.len() - digits].ends_with(char::is_whitespace);
    digits == 4 && starts_word && (year.starts_with("19") || year.starts_with("20"))
}

/// ` et …`: one space, then a word in lower case.
fn before_a_word(after: &str) -> bool {
    after
        .strip_prefix(' ')
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_lowercase)
}

/// Whether the word before a spaced number is an ordinary word or a number, not one that
/// takes a number (`Article`, `paragraphe`, `de`); `cut_word` is the start of the line's
/// first word when the line before ends with it and a hyphen (`Arti-` / `cle 1,`).
fn follows_a_plain_word(before: &str, cut_word: &str) -> bool {
    let before = before.trim_end();
    if before.ends_with(['»', ')']) {
        return true;
    }
    let stem = before.trim_end_matches('.');
    let word_start = stem
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '°' || c == 'º'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let carried = if word_start == 0 { cut_word } else { "" };
    let word = format!("{carried}{}", &stem[word_start..]).to_lowercase();
    !word.is_empty() && !NUMBERED_WORDS.contains(&word.as_str())
}

/// `¹²`, except the exponent of a unit (`km²`).
fn superscript(text: &str, at: usize) -> Option<FootnoteReference> {
    let len: usize = text[at..]
        .chars()
        .take_while(|&c| superscript_digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    let unit = text[..at]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|word| matches!(word, "m" | "km" | "cm" | "mm" | "dm"));
    if unit {
        return None;
    }
    let number = text[at..at + len].chars().try_fold(0u32, |n, c| {
        n.checked_mul(10)?.checked_add(superscript_digit(c)?)
    });
    Some(FootnoteReference {
        span: Span::new(at, at + len),
        label: Span::new(at, at + len),
        number,
        style: FootnoteStyle::Superscript,
    })
}

/// `^12^`.
fn caret(text: &str, at: usize) -> Option<FootnoteReference> {
    let rest = &text[at + 1..];
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 3 || !rest[len..].starts_with('^') {
        return None;
    }
    Some(FootnoteReference {
        span: Span::new(at, at + len + 2),
        label: Span::new(at + 1, at + 1 + len),
        number: rest[..len].parse().ok(),
        style: FootnoteStyle::Caret,
    })
}

/// `[^label]`, not followed by `:` (that would be a definition).
fn bracket(text: &str, at: usize) -> Option<FootnoteReference> {
    let rest = text[at..].strip_prefix("[^")?;
    let len = rest.find(']')?;
    let label = &rest[..len];
    if label.is_empty() || label.contains(char::is_whitespace) || rest[len + 1..].starts_with(':') {
        return None;
    }
    Some(FootnoteReference {
        span: Span::new(at, at + len + 3),
        label: Span::new(at + 2, at + 2 + len),
        number: label.parse().ok(),
        style: FootnoteStyle::Bracket,
    })
}
