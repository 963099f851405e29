//! Small readers of words and spaces, shared by the recognisers of dates, sessions and
//! citations. A line break counts as a space, a blank line does not: hard-wrapped text reads
//! as one line, paragraphs stay apart.

/// The end of the spaces at `at` (at most one line break among them, text after them).
pub(super) fn skip_gap(source: &str, at: usize) -> Option<usize> {
    let rest = &source[at..];
    let len = rest
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(rest.len());
    let gap = &rest[..len];
    (len > 0 && len < rest.len() && gap.matches('\n').count() <= 1).then_some(at + len)
}

/// The start of the spaces before `at`, at most one line break among them.
pub(super) fn gap_before(source: &str, at: usize) -> Option<usize> {
    let before = &source[..at];
    let trimmed = before.trim_end();
    let gap = &before[trimmed.len()..];
    (!gap.is_empty() && gap.matches('\n').count() <= 1).then_some(trimmed.len())
}

/// The letters starting at `at`.
pub(super) fn word_at(source: &str, at: usize) -> &str {
    let rest = &source[at..];
    &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())]
}

/// The word before `at`, past the spaces.
pub(super) fn word_before(source: &str, at: usize) -> &str {
    let before = source[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
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
}
