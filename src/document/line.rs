//! Lines of the source and the shapes a single line can have.

use crate::span::Span;

use super::{FootnoteStyle, ParagraphNumber, ResolutionNumber};

/// One line of the source.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    /// The line's text, without its line ending (and without a leading BOM).
    pub content: Span,
    /// The line with its line ending.
    pub full: Span,
}

/// Splits `source` into lines; the last line has no ending when the file does not end in one.
pub(super) fn split_lines(source: &str) -> Vec<Line> {
    let bytes = source.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 80 + 1);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', bytes).map(|i| i + 1);
    for end in ends.chain((!source.is_empty() && !source.ends_with('\n')).then_some(source.len())) {
        let mut content_end = end;
        if bytes[content_end - 1] == b'\n' {
            content_end -= 1;
            if content_end > start && bytes[content_end - 1] == b'\r' {
                content_end -= 1;
            }
        }
        lines.push(Line {
            content: Span::new(start, content_end),
            full: Span::new(start, end),
        });
        start = end;
    }
    if let Some(first) = lines.first_mut() {
        if source.starts_with('\u{FEFF}') {
            first.content.start += '\u{FEFF}'.len_utf8();
        }
    }
    lines
}

/// The trimmed text of a line and where it starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Trimmed<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl<'a> Trimmed<'a> {
    pub fn of(source: &'a str, span: Span) -> Self {
        // Most lines start and end with ASCII text: nothing to trim, nothing to decode.
        let clean = |byte: Option<&u8>| byte.is_none_or(|&b| b.is_ascii() && !is_space(b));
        let raw = span.text(source);
        let text = match clean(raw.as_bytes().first()) {
            true => raw,
            false => raw.trim_start(),
        };
        let start = span.start + raw.len() - text.len();
        let text = match clean(text.as_bytes().last()) {
            true => text,
            false => text.trim_end(),
        };
        Self { text, start }
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// The span of `part`, a subslice of `self.text`.
    pub fn span_of(&self, part: &str) -> Span {
        let offset = part.as_ptr() as usize - self.text.as_ptr() as usize;
        Span::new(self.start + offset, self.start + offset + part.len())
    }
}

/// The ASCII characters [`char::is_whitespace`] takes: tab to carriage return, space.
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// Characters that wrap a line or a word in Markdown emphasis.
pub(super) const EMPHASIS: &[char] = &['*', '_'];

/// `text` without the emphasis marks at its start, looked for byte by byte.
pub(super) fn trim_start_emphasis(text: &str) -> &str {
    let len = text
        .bytes()
        .take_while(|b| matches!(b, b'*' | b'_'))
        .count();
    &text[len..]
}

/// `text` without the emphasis marks at its end, looked for byte by byte.
pub(super) fn trim_end_emphasis(text: &str) -> &str {
    let len = text
        .bytes()
        .rev()
        .take_while(|b| matches!(b, b'*' | b'_'))
        .count();
    &text[..text.len() - len]
}

/// `text` without the emphasis marks around it.
pub(super) fn trim_emphasis(text: &str) -> &str {
    trim_end_emphasis(trim_start_emphasis(text))
}

/// `_______________`: the rule above footnotes.
pub(super) fn is_rule(line: &Trimmed) -> bool {
    line.text.len() >= 5 && line.text.bytes().all(|b| b == b'_')
}

/// Leading ASCII digits of `text`, at most `max` of them, and the rest.
pub(super) fn leading_digits(text: &str, max: usize) -> Option<(&str, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    (len > 0 && len <= max).then(|| text.split_at(len))
}

/// `A/RES/55/109` at `text`'s start, with its parts.
pub(super) fn resolution_symbol<'a>(
    line: &Trimmed<'a>,
    text: &'a str,
) -> Option<(ResolutionNumber, &'a str)> {
    let rest = text.strip_prefix("A/RES/")?;
    let (number, rest) = session_number(line, rest)?;
    let symbol = Span::new(number.span.start - "A/RES/".len(), number.span.end);
    Some((
        ResolutionNumber {
            span: symbol,
            ..number
        },
        rest,
    ))
}

/// `55/109` at `text`'s start, with its parts.
pub(super) fn session_number<'a>(
    line: &Trimmed<'a>,
    text: &'a str,
) -> Option<(ResolutionNumber, &'a str)> {
    let (session, rest) = leading_digits(text, 3)?;
    let rest = rest.strip_prefix('/')?;
    let (number, rest) = leading_digits(rest, 4)?;
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '/') {
        return None;
    }
    let session_span = line.span_of(session);
    let number_span = line.span_of(number);
    Some((
        ResolutionNumber {
            span: Span::new(session_span.start, number_span.end),
            session: session.parse().ok()?,
            session_span,
            number: number.parse().ok()?,
            number_span,
        },
        rest,
    ))
}

/// A line that holds only a resolution symbol: a running head in the body.
pub(super) fn symbol_line(line: &Trimmed) -> Option<ResolutionNumber> {
    match resolution_symbol(line, line.text)? {
        (number, "") => Some(number),
        _ => None,
    }
}

/// A line that holds only a short number: a page number or a footnote number.
pub(super) fn lone_number(line: &Trimmed) -> Option<(u32, Span)> {
    match leading_digits(line.text, 3)? {
        (digits, "") => Some((digits.parse().ok()?, line.span_of(digits))),
        _ => None,
    }
}

/// Whether `line` starts with a digit or with emphasis (`**1.**`), as a numbered line does:
/// most lines start with a letter, and are ruled out by this first byte.
pub(super) fn starts_like_a_number(line: &Trimmed) -> bool {
    line.text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b'*' || b == b'_')
}

/// `1. *Réaffirme* …` (also `**1.**`): the number of an operative paragraph.
pub(super) fn operative_marker(line: &Trimmed) -> Option<ParagraphNumber> {
    if !starts_like_a_number(line) {
        return None;
    }
    let text = trim_start_emphasis(line.text);
    let (digits, rest) = leading_digits(text, 3)?;
    let rest = trim_start_emphasis(rest.strip_prefix('.')?);
    let body = rest.trim_start();
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    Some(ParagraphNumber {
        value: digits.parse().ok()?,
        span: line.span_of(digits),
    })
}

/// `a) …`, `(ii) …`: the label of a sub-paragraph, without its parentheses.
pub(super) fn subparagraph_marker<'a>(line: &Trimmed<'a>) -> Option<&'a str> {
    let text = line.text.strip_prefix('(').unwrap_or(line.text);
    let len = text.bytes().take_while(u8::is_ascii_lowercase).count();
    let (label, rest) = text.split_at(len);
    let rest = rest.strip_prefix(')')?;
    let body = rest.trim_start();
    let roman = label.bytes().all(|b| b"ivxlc".contains(&b));
    let fits = len == 1 || (len > 1 && len <= 6 && roman);
    (fits && body.len() < rest.len() && !body.is_empty()).then_some(label)
}

/// The opening mark of a footnote definition that cannot be mistaken for text:
/// `¹ …`, `^1^ …`, `[^1]: …`.
pub(super) struct DefinitionMark {
    pub mark: Span,
    pub label: Span,
    pub number: Option<u32>,
    pub style: FootnoteStyle,
}

/// A definition opened by superscript digits, a caret mark or a Markdown label.
pub(super) fn explicit_definition_mark(line: &Trimmed) -> Option<DefinitionMark> {
    let text = line.text;
    if let Some(rest) = text.strip_prefix("[^") {
        let end = rest.find("]:")?;
        let label = &rest[..end];
        if label.is_empty() || label.contains(char::is_whitespace) {
            return None;
        }
        let label_span = line.span_of(label);
        return Some(DefinitionMark {
            mark: Span::new(line.start, label_span.end + 2),
            label: label_span,
            number: label.parse().ok(),
            style: FootnoteStyle::Bracket,
        });
    }
    if let Some(rest) = text.strip_prefix('^') {
        let (digits, after) = leading_digits(rest, 3)?;
        let after = after.strip_prefix('^')?;
        if !after.starts_with(char::is_whitespace) {
            return None;
        }
        let label = line.span_of(digits);
        return Some(DefinitionMark {
            mark: Span::new(line.start, label.end + 1),
            label,
            number: digits.parse().ok(),
            style: FootnoteStyle::Caret,
        });
    }
    let digits_len: usize = text
        .chars()
        .take_while(|&c| superscript_digit(c).is_some())
        .map(char::len_utf8)
        .sum();
    let (digits, after) = text.split_at(digits_len);
    if digits.is_empty() || !after.starts_with(char::is_whitespace) {
        return None;
    }
    let label = line.span_of(digits);
    Some(DefinitionMark {
        mark: label,
        label,
        number: superscript_value(digits),
        style: FootnoteStyle::Superscript,
    })
}

/// `1 Voir …`: a footnote definition in extracted text, number then a capitalised text.
pub(super) fn digit_definition_mark(line: &Trimmed) -> Option<DefinitionMark> {
    let (digits, rest) = leading_digits(line.text, 3)?;
    let body = rest.trim_start();
    let first = body.chars().next()?;
    if body.len() == rest.len() || !(first.is_uppercase() || first == '(') {
        return None;
    }
    let first_word = body
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let first_word = first_word.to_lowercase();
    if super::MONTHS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&first_word))
    {
        return None;
    }
    let label = line.span_of(digits);
    Some(DefinitionMark {
        mark: label,
        label,
        number: digits.parse().ok(),
        style: FootnoteStyle::Digits,
    })
}

/// The value of a superscript digit.
pub(super) fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// The value of a run of superscript digits.
pub(super) fn superscript_value(digits: &str) -> Option<u32> {
    digits.chars().try_fold(0u32, |value, c| {
        value.checked_mul(10)?.checked_add(superscript_digit(c)?)
    })
}

/// Whether the text ends a sentence or a list item (`,` `;` `:` `.`), footnote marks and
/// emphasis aside.
pub(super) fn ends_with_punctuation(text: &str) -> bool {
    matches!(
        last_meaningful_char(text),
        Some(',' | ';' | ':' | '.' | '!' | '?')
    )
}

/// The last character of `text` that is not a space, emphasis or a footnote mark.
pub(super) fn last_meaningful_char(text: &str) -> Option<char> {
    // Most lines end with a letter or punctuation: nothing to strip.
    match text.as_bytes().last() {
        Some(&byte)
            if byte.is_ascii() && !is_space(byte) && !matches!(byte, b'*' | b'_' | b'^' | b']') =>
        {
            Some(char::from(byte))
        }
        _ => strip_trailing_marks(text).chars().next_back(),
    }
}

/// `text` without trailing spaces, emphasis and superscript or caret footnote marks.
pub(super) fn strip_trailing_marks(text: &str) -> &str {
    let mut text = text.trim_end();
    loop {
        let before = text.len();
        text = text.trim_end_matches(|c: char| {
            c.is_whitespace() || EMPHASIS.contains(&c) || superscript_digit(c).is_some()
        });
        if let Some(inner) = text.strip_suffix('^') {
            let without_digits = inner.trim_end_matches(|c: char| c.is_ascii_digit());
            if without_digits.len() < inner.len() {
                text = without_digits.strip_suffix('^').unwrap_or(text);
            }
        }
        if text.ends_with(']') {
            if let Some(open) = text.rfind("[^") {
                text = &text[..open];
            }
        }
        if text.len() == before {
            return text;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lf_crlf_and_a_last_line_without_ending() {
        let source = "\u{FEFF}a\r\nb\n\nc";
        let lines = split_lines(source);
        let contents: Vec<&str> = lines.iter().map(|l| l.content.text(source)).collect();
        assert_eq!(contents, ["a", "b", "", "c"]);
        assert_eq!(lines[0].full, Span::new(0, 6));
        assert_eq!(lines.last().unwrap().full.end, source.len());
        assert!(split_lines("").is_empty());
    }

    #[test]
    fn trailing_marks_are_not_punctuation() {
        assert_eq!(last_meaningful_char("le 18 avril 1997³;"), Some(';'));
        assert_eq!(last_meaningful_char("l'homme»², "), Some(','));
        assert_eq!(last_meaningful_char("session.*"), Some('.'));
        assert_eq!(last_meaningful_char("l'homme^12^"), Some('e'));
        assert_eq!(last_meaningful_char("le 70^e"), Some('e'));
        assert_eq!(last_meaningful_char("civilisations,[^4]"), Some(','));
    }
}
