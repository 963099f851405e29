//! Small readers of words and spaces, shared by the recognisers of dates, sessions and
//! citations. A line break counts as a space, a blank line does not: hard-wrapped text reads
//! as one line, paragraphs stay apart.

use std::borrow::Cow;

/// The end of the spaces at `at` (at most one line break among them, text after them).
pub(super) fn skip_gap(source: &str, at: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut end = at;
    let mut newlines = 0;
    while let Some(&byte) = bytes.get(end) {
        let len = match byte {
            b'\n' => {
                newlines += 1;
                1
            }
            _ if is_ascii_space(byte) => 1,
            _ if byte.is_ascii() => break,
            _ => match source[end..].chars().next() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        end += len;
    }
    (end > at && end < bytes.len() && newlines <= 1).then_some(end)
}

/// The start of the spaces before `at`, at most one line break among them.
pub(super) fn gap_before(source: &str, at: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut start = at;
    let mut newlines = 0;
    while let Some(&byte) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
        let len = match byte {
            b'\n' => {
                newlines += 1;
                1
            }
            _ if is_ascii_space(byte) => 1,
            _ if byte.is_ascii() => break,
            _ => match source[..start].chars().next_back() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
        start -= len;
    }
    (start < at && newlines <= 1).then_some(start)
}

/// The letters starting at `at`.
pub(super) fn word_at(source: &str, at: usize) -> &str {
    let bytes = source.as_bytes();
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        end += match byte {
            _ if byte.is_ascii_alphabetic() => 1,
            _ if byte.is_ascii() => break,
            0xC3 if is_latin_letter(bytes.get(end + 1)) => 2,
            _ => match source[end..].chars().next() {
                Some(c) if c.is_alphabetic() => c.len_utf8(),
                _ => break,
            },
        };
    }
    &source[at..end]
}

/// The word before `at`, past the spaces.
pub(super) fn word_before(source: &str, at: usize) -> &str {
    let bytes = source.as_bytes();
    let mut end = at;
    while let Some(&byte) = end.checked_sub(1).map(|i| &bytes[i]) {
        end -= match byte {
            b'\n' => 1,
            _ if is_ascii_space(byte) => 1,
            _ if byte.is_ascii() => break,
            _ => match source[..end].chars().next_back() {
                Some(c) if c.is_whitespace() => c.len_utf8(),
                _ => break,
            },
        };
    }
    &source[letters_before(source, end, false)..end]
}

/// Where the run of letters (and of hyphens, if `hyphens`) that ends at `end` starts: byte
/// by byte, decoding only the characters outside ASCII and French accented letters.
pub(super) fn letters_before(source: &str, end: usize, hyphens: bool) -> usize {
    let bytes = source.as_bytes();
    let mut start = end;
    while let Some(&byte) = start.checked_sub(1).map(|i| &bytes[i]) {
        start -= match byte {
            b'-' if hyphens => 1,
            _ if byte.is_ascii_alphabetic() => 1,
            _ if byte.is_ascii() => break,
            _ if start >= 2 && bytes[start - 2] == 0xC3 && is_latin_letter(Some(&byte)) => 2,
            _ => match source[..start].chars().next_back() {
                Some(c) if c.is_alphabetic() => c.len_utf8(),
                _ => break,
            },
        };
    }
    start
}

/// Whether `0xC3` then `second` is a letter: `À` to `ÿ` but `×` and `÷`, the accented
/// letters of French.
pub(super) fn is_latin_letter(second: Option<&u8>) -> bool {
    matches!(second, Some(&(0x80..=0xBF)) if !matches!(second, Some(0x97 | 0xB7)))
}

/// `word` in lower case, as [`str::to_lowercase`] writes it, borrowed when it is already:
/// ASCII letters and digits, French accented small letters, `œ`.
pub(super) fn lowercase(word: &str) -> Cow<'_, str> {
    let unchanged = |c: char| {
        (c.is_ascii() && !c.is_ascii_uppercase()) || ('\u{DF}'..='\u{FF}').contains(&c) || c == 'œ'
    };
    if word.chars().all(unchanged) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The ASCII characters [`char::is_whitespace`] takes, the line break aside: tab, vertical
/// tab, form feed, carriage return and space.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\x0B' | b'\x0C' | b'\r' | b' ')
}

/// Where the text after `words`, each preceded by spaces, starts (past the spaces after the
/// last one): `after_words(s, at, &["en", "date", "du"])` on `, en date du 24 avril`.
pub(super) fn after_words(source: &str, mut at: usize, words: &[&str]) -> Option<usize> {
    for word in words {
        at = skip_gap(source, at)?;
        if word_at(source, at) != *word {
            return None;
        }
        at += word.len();
    }
    skip_gap(source, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_gaps() {
        let source = "résolution 2000/22, en date du\n18 août 2000";
        let comma = source.find(',').unwrap();
        let date = after_words(source, comma + 1, &["en", "date", "du"]).unwrap();
        assert!(source[date..].starts_with("18"));
        assert_eq!(after_words(source, comma + 1, &["en", "date", "de"]), None);
        assert_eq!(word_before(source, date), "du");
        assert_eq!(word_at(source, date - 3), "du");
        assert_eq!(skip_gap("a\n\nb", 1), None);
        assert_eq!(gap_before("a \n b", 4), Some(1));
        assert_eq!(gap_before("a\n\nb", 3), None);
    }

    #[test]
    fn the_byte_readers_agree_with_the_char_definitions() {
        let source = "Ré\u{A0}\u{B}x \t\n\u{2028}ÉTÉ\u{202F}; \r\n\n1er\u{85}mars ’a\u{1C}b\u{301}z K\u{212A} a×b÷cÿ À";
        for (at, _) in source.char_indices().chain([(source.len(), ' ')]) {
            let rest = &source[at..];
            let len = rest
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len());
            let gap = (len > 0 && len < rest.len() && rest[..len].matches('\n').count() <= 1)
                .then_some(at + len);
            assert_eq!(skip_gap(source, at), gap, "skip_gap at {at}");
            let before = &source[..at];
            let trimmed = before.trim_end();
            let spaces = &before[trimmed.len()..];
            let gap =
                (!spaces.is_empty() && spaces.matches('\n').count() <= 1).then_some(trimmed.len());
            assert_eq!(gap_before(source, at), gap, "gap_before at {at}");
            let word = &rest[..rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len())];
            assert_eq!(word_at(source, at), word, "word_at at {at}");
            let start = trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(0, |(i, c)| i + c.len_utf8());
            assert_eq!(
                word_before(source, at),
                &trimmed[start..],
                "word_before at {at}"
            );
        }
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        for c in (0..0x250)
            .filter_map(char::from_u32)
            .chain(['œ', 'Œ', 'Σ', 'K'])
        {
            let word = format!("a{c}Σ{c}");
            assert_eq!(lowercase(&word), word.to_lowercase(), "{c:?}");
            assert_eq!(
                lowercase(&c.to_string()),
                c.to_string().to_lowercase(),
                "{c:?}"
            );
        }
    }
}
