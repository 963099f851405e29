//! Sessions named by their ordinal, anywhere in the text: `à sa cinquante-neuvième session`,
//! `la cinquante-troisième session de la Commission`, `cinquante et unième` / `session` over a
//! line break, and what the words say of whose session it is.

use memchr::memmem;

use crate::span::Span;

use super::numbers::parse_ordinal;
use super::words::{gap_before, letters_before, lowercase, skip_gap, word_before};

/// A session named by its ordinal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionMention {
    /// From the ordinal to the end of `session`.
    pub span: Span,
    /// The ordinal words (`cinquante et unième`).
    pub ordinal: Span,
    /// Their value.
    pub number: u32,
    /// Whose session the words around it say it is.
    pub holder: SessionHolder,
}

/// Whose session a mention names, as far as its words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionHolder {
    /// `sa cinquante-neuvième session`: the body the sentence is about.
    Possessive,
    /// `… session de l'Assemblée générale`.
    Assembly,
    /// `… session de la Commission`, `du Conseil`: another body.
    OtherBody,
    /// Nothing says (`Cinquante-deuxième session` in a header).
    Unstated,
}

/// At most this many words make an ordinal (`cent quatre-vingt-dix-neuvième` is two).
const MAX_ORDINAL_WORDS: usize = 4;

/// Every session named by an ordinal in `source`, in order.
pub(super) fn find_sessions(source: &str) -> Vec<SessionMention> {
    let mut ordinals = Ordinals::default();
    memmem::find_iter(source.as_bytes(), b"session")
        .filter_map(|at| session_at(source, at, &mut ordinals))
        .collect()
}

/// The ordinals read so far in a text, with their values: a text names the same few
/// sessions again and again.
#[derive(Default)]
struct Ordinals<'a> {
    read: Vec<(&'a str, Option<u32>)>,
}

impl<'a> Ordinals<'a> {
    /// [`parse_ordinal`] of `text`, read once per text.
    fn value(&mut self, text: &'a str) -> Option<u32> {
        if let Some(&(_, value)) = self.read.iter().find(|(read, _)| *read == text) {
            return value;
        }
        let value = parse_ordinal(text);
        self.read.push((text, value));
        value
    }
}

fn session_at<'a>(
    source: &'a str,
    at: usize,
    ordinals: &mut Ordinals<'a>,
) -> Option<SessionMention> {
    let end = at + "session".len();
    let standalone = !source[..at].ends_with(char::is_alphabetic)
        && !source[end..].starts_with(char::is_alphabetic);
    if !standalone {
        return None;
    }
    let ordinal_end = gap_before(source, at)?;
    // The words before `session` that may belong to the ordinal, nearest first.
    let mut starts = [0; MAX_ORDINAL_WORDS];
    let mut count = 0;
    let mut cursor = ordinal_end;
    while count < MAX_ORDINAL_WORDS {
        let word = number_word_before(source, cursor);
        if word.is_empty() || !is_number_word(word, count == 0) {
            break;
        }
        let start = cursor - word.len();
        starts[count] = start;
        count += 1;
        match gap_before(source, start) {
            Some(gap) => cursor = gap,
            None => break,
        }
    }
    let (start, number) = starts[..count]
        .iter()
        .rev()
        .find_map(|&start| Some((start, ordinals.value(&source[start..ordinal_end])?)))?;
    Some(SessionMention {
        span: Span::new(start, end),
        ordinal: Span::new(start, ordinal_end),
        number,
        holder: holder(source, start, end),
    })
}

/// The run of letters and hyphens before `at` (`cinquante-` of `cinquante-` / `sixième`).
fn number_word_before(source: &str, at: usize) -> &str {
    &source[letters_before(source, at, true)..at]
}

/// Whether every hyphen-separated part of `word` may be part of a French ordinal; the last
/// word of one (`last`) must be an ordinal itself.
fn is_number_word(word: &str, last: bool) -> bool {
    const PARTS: [&str; 25] = [
        "un",
        "une",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
        "vingt",
        "vingts",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "cent",
        "et",
    ];
    let lower = lowercase(word);
    if last {
        return lower.ends_with("ième")
            || ["premier", "première", "second", "seconde"].contains(&&*lower);
    }
    lower
        .split('-')
        .all(|part| part.is_empty() || PARTS.contains(&part))
}

/// What the words around a session mention say of its holder.
fn holder(source: &str, start: usize, end: usize) -> SessionHolder {
    if let Some(after) = skip_gap(source, end) {
        let rest = &source[after..];
        let body = ["de la ", "du ", "des ", "de l'", "de l’"]
            .iter()
            .find_map(|of| rest.strip_prefix(of));
        if let Some(body) = body {
            if body.starts_with("Assemblée") {
                return SessionHolder::Assembly;
            }
            if body.starts_with(char::is_uppercase) {
                return SessionHolder::OtherBody;
            }
        }
    }
    if word_before(source, start).eq_ignore_ascii_case("sa") {
        SessionHolder::Possessive
    } else {
        SessionHolder::Unstated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(ordinal, number, holder)` of each session of `source`.
    fn sessions(source: &str) -> Vec<(&str, u32, SessionHolder)> {
        find_sessions(source)
            .iter()
            .map(|s| (s.ordinal.text(source), s.number, s.holder))
            .collect()
    }

    #[test]
    fn ordinals_and_holders() {
        use SessionHolder::*;
        assert_eq!(
            sessions(
                "Décide de poursuivre l'examen de la question à sa cinquante-neuvième session."
            ),
            [("cinquante-neuvième", 59, Possessive)]
        );
        assert_eq!(
            sessions("la Sous-Commission, à sa cinquante et unième session, de la résolution"),
            [("cinquante et unième", 51, Possessive)]
        );
        assert_eq!(
            sessions("à la 70^e séance de la cinquante-troisième session de la Commission, le"),
            [("cinquante-troisième", 53, OtherBody)]
        );
        assert_eq!(
            sessions("à la soixante-septième session de l'Assemblée générale"),
            [("soixante-septième", 67, Assembly)]
        );
        assert_eq!(
            sessions("Cinquante-deuxième session\nPoint 112"),
            [("Cinquante-deuxième", 52, Unstated)]
        );
        assert_eq!(
            sessions("à sa cinquante-sixième\nsession."),
            [("cinquante-sixième", 56, Possessive)]
        );
        assert_eq!(
            sessions("à sa cinquante-\nsixième session."),
            [("cinquante-\nsixième", 56, Possessive)]
        );
        assert_eq!(
            sessions("à sa cent unième session"),
            [("cent unième", 101, Possessive)]
        );
    }

    #[test]
    fn no_ordinal_no_mention() {
        for source in [
            "la session extraordinaire",
            "à ses sessions",
            "sessionnel",
            "lors de la session",
            "à sa 59e session",
            "à sa huitième\n\nsession",
            "à sa vingt-unième session",
        ] {
            assert_eq!(sessions(source), [], "{source}");
        }
    }
}
