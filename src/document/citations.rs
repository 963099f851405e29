//! Texts cited with their date: `sa résolution 57/224 du 18 décembre 2002`, `la résolution
//! 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2003`, `la Déclaration
//! du Millénaire qu'elle a adoptée le 8 septembre 2000`. Found after the dates, whose
//! mentions they point to.

use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::span::Span;

use super::dates::DateMention;
use super::words::{after_words, lowercase, skip_gap, word_at, word_before};

/// A cited text and the date the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    /// What is cited: the symbol (`57/224`), or the participle (`adoptée`).
    pub span: Span,
    /// How the cited text is numbered, and by whom.
    pub kind: CitationKind,
    /// Index in [`super::Document::dates`] of its date.
    pub date: usize,
}

/// How a cited text is identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationKind {
    /// `sa résolution 57/224`: a General Assembly symbol, numbered within session 57.
    AssemblySession {
        /// The session.
        session: u32,
        /// Its digits.
        session_span: Span,
    },
    /// `résolution 2003/60`: numbered within a year (Economic and Social Council, its
    /// commissions), by any body.
    Year {
        /// The year.
        year: u32,
        /// Its digits.
        year_span: Span,
    },
    /// `résolution 16/22 du Conseil des droits de l'homme`: another body's session numbering,
    /// or a body the words do not name (`le Conseil, dans sa résolution 5/1`).
    OtherSession,
    /// `qu'elle a adoptée le 8 septembre 2000`: a text cited by its adoption.
    Adopted,
}

/// Words that name a text by its number.
const CITING_WORDS: [&str; 4] = ["résolution", "résolutions", "décision", "décisions"];

/// The past participles that date a text by its adoption.
const ADOPTED: [&str; 4] = ["adopté", "adoptée", "adoptés", "adoptées"];

/// Forms of `être` that make the participle future or hypothetical (`sera adoptée le`).
const NOT_YET: [&str; 6] = ["sera", "seront", "serait", "seraient", "être", "soit"];

/// The body phrase between a symbol and `, en date du` is at most this long.
const MAX_BODY_LEN: usize = 120;

/// Where citations are found from, in one pass over the text: `résolution` and `décision`
/// without their first letter (in any case), and the participle `adopt…`.
static CITING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("ésolution|écision|adopt").expect("a valid pattern"));

/// The citations of `source` from byte `from` on (the header is not cited text), in order.
pub(super) fn find_citations(source: &str, from: usize, dates: &[DateMention]) -> Vec<Citation> {
    let body = &source.as_bytes()[from..];
    let mut citations = Vec::new();
    for found in CITING.find_iter(body) {
        let at = from + found.start();
        if body[found.start()] == b'a' {
            citations.extend(adopted(source, at, dates));
        } else if let Some(word_start) = at.checked_sub(1) {
            // The `r` of `résolution`, the `d` of `décision`, one byte before.
            cited_symbols(source, word_start, dates, &mut citations);
        }
    }
    // The symbols after a word come before the next word's: only lists run ahead.
    citations.sort_by_key(|c| c.span.start);
    citations
}

/// The symbols after `résolution` (or `décisions` …) at `at`, each with its date if it has one.
fn cited_symbols(
    source: &str,
    at: usize,
    dates: &[DateMention],
    out: &mut Vec<Citation>,
) -> Option<()> {
    if !source.is_char_boundary(at) || source[..at].ends_with(char::is_alphabetic) {
        return None;
    }
    let word = word_at(source, at);
    if !CITING_WORDS.contains(&&*lowercase(word)) {
        return None;
    }
    // `le Conseil, dans sa résolution 5/1`: `sa` is the body the sentence is about. Read
    // only for a dated symbol whose body the words do not name.
    let said_by_another = || {
        let possessive = lowercase(word_before(source, at));
        let possessive_start = source[..at].trim_end().len() - possessive.len();
        (possessive == "sa" || possessive == "ses")
            && word_before(source, possessive_start).eq_ignore_ascii_case("dans")
    };
    let mut start = skip_gap(source, at + word.len())?;
    loop {
        let (symbol, prefix) = symbol_at(source, start)?;
        let (date, body) = attached_date(source, symbol.end, dates);
        if let Some(date) = date {
            let assembly = match body {
                Some(body) => body.text(source).contains("Assemblée"),
                None => !said_by_another(),
            };
            let kind = match prefix {
                Prefix::Year(year, year_span) => CitationKind::Year { year, year_span },
                Prefix::Session(session, session_span) if assembly => {
                    CitationKind::AssemblySession {
                        session,
                        session_span,
                    }
                }
                Prefix::Session(..) => CitationKind::OtherSession,
            };
            out.push(Citation {
                span: symbol,
                kind,
                date,
            });
        }
        // `résolutions 57/224 et 58/170`, `décisions 1/1, 1/2`.
        let after = date.map_or(symbol.end, |d| dates[d].span.end);
        start = match source[after..].strip_prefix(',') {
            Some(_) => skip_gap(source, after + 1)?,
            None => after_words(source, after, &["et"])?,
        };
    }
}

/// The first part of a symbol.
enum Prefix {
    Session(u32, Span),
    Year(u32, Span),
}

/// `57/224` or `2003/60` at `at`: the whole symbol and its first part.
fn symbol_at(source: &str, at: usize) -> Option<(Span, Prefix)> {
    let bytes = source.as_bytes();
    let digits = |from: usize| {
        bytes
            .get(from..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let first = digits(at);
    let slash = at + first;
    if !(1..=4).contains(&first) || bytes.get(slash) != Some(&b'/') {
        return None;
    }
    let second = digits(slash + 1);
    let end = slash + 1 + second;
    let next = source[end..].chars().next();
    if !(1..=4).contains(&second) || next.is_some_and(|c| c.is_alphabetic() || c == '/') {
        return None;
    }
    let span = Span::new(at, slash);
    let value: u32 = span.text(source).parse().ok()?;
    let prefix = if first == 4 {
        Prefix::Year(value, span)
    } else {
        Prefix::Session(value, span)
    };
    Some((Span::new(at, end), prefix))
}

/// The date a symbol ending at `end` is given, and the phrase naming its body if there is one:
/// `du 18 décembre 2002`, `, en date du 24 avril 2003`, `de la Commission …, en date du …`.
fn attached_date(source: &str, end: usize, dates: &[DateMention]) -> (Option<usize>, Option<Span>) {
    let end = end
        + source[end..]
            .find(|c: char| super::line::superscript_digit(c).is_none())
            .unwrap_or(source.len() - end);
    if let Some(date) = after_words(source, end, &["du"]).and_then(|at| date_starting(dates, at)) {
        return (Some(date), None);
    }
    let body = skip_gap(source, end).and_then(|start| {
        let of = ["de", "du", "des"].contains(&word_at(source, start));
        let rest = &source[start..limit(source, start + MAX_BODY_LEN)];
        let len = rest.find([',', ';', '.', '(', ')', ':'])?;
        (of && rest.as_bytes()[len] == b',' && !rest[..len].contains("\n\n"))
            .then(|| Span::new(start, start + len))
    });
    let comma = body.map_or(end, |b| b.end);
    if !source[comma..].starts_with(',') {
        return (None, body);
    }
    let date = [&["en", "date", "du"][..], &["adoptée", "le"]]
        .iter()
        .find_map(|words| after_words(source, comma + 1, words))
        .and_then(|at| date_starting(dates, at));
    (date, body)
}

/// `adoptée le 8 septembre 2000`, `adoptés par la Conférence … le 25 juin 1993`, with the
/// participle at `at`.
fn adopted(source: &str, at: usize, dates: &[DateMention]) -> Option<Citation> {
    let word = word_at(source, at);
    if !ADOPTED.contains(&word) || source[..at].ends_with(char::is_alphabetic) {
        return None;
    }
    if NOT_YET.contains(&word_before(source, at)) {
        return None;
    }
    let end = at + word.len();
    let date_start = match after_words(source, end, &["le"]) {
        Some(start) => start,
        None => {
            let by = after_words(source, end, &["par"])?;
            let limit = limit(source, by + MAX_BODY_LEN);
            let clause_end = source[by..limit]
                .find([',', ';', '.', '(', ')', ':', '«'])
                .map_or(limit, |i| by + i);
            let first = dates.partition_point(|d| d.span.start < by);
            let date = dates.get(first).filter(|d| d.span.end <= clause_end)?;
            let clause = &source[by..date.span.start];
            let le = word_before(source, date.span.start) == "le";
            (le && !clause.contains("\n\n")).then_some(date.span.start)?
        }
    };
    Some(Citation {
        span: Span::new(at, end),
        kind: CitationKind::Adopted,
        date: date_starting(dates, date_start)?,
    })
}

/// `at`, or less to fall on a character boundary of `source`, at most its length.
fn limit(source: &str, at: usize) -> usize {
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The index of the date that starts at `at`.
fn date_starting(dates: &[DateMention], at: usize) -> Option<usize> {
    let i = dates.partition_point(|d| d.span.start < at);
    dates.get(i).filter(|d| d.span.start == at).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::super::Document;
    use super::*;

    /// `(cited, kind, date)` of each citation of `source`.
    fn citations(source: &str) -> Vec<(&str, CitationKind, &str)> {
        let document = Document::parse(source);
        document
            .citations
            .iter()
            .map(|c| {
                let date = document.dates[c.date].span.text(source);
                (c.span.text(source), c.kind, date)
            })
            .collect()
    }

    fn kinds(source: &str) -> Vec<(&str, &'static str)> {
        citations(source)
            .into_iter()
            .map(|(cited, kind, _)| {
                let kind = match kind {
                    CitationKind::AssemblySession { .. } => "assembly",
                    CitationKind::Year { .. } => "year",
                    CitationKind::OtherSession => "other",
                    CitationKind::Adopted => "adopted",
                };
                (cited, kind)
            })
            .collect()
    }

    #[test]
    fn resolutions_with_their_dates() {
        let source = "Rappelant sa résolution 57/224 du 18 décembre 2002, et prenant note de la résolution 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2003,";
        let found = citations(source);
        assert_eq!(found.len(), 2);
        let (cited, kind, date) = found[0];
        assert_eq!((cited, date), ("57/224", "18 décembre 2002"));
        let CitationKind::AssemblySession {
            session,
            session_span,
        } = kind
        else {
            panic!("{kind:?}")
        };
        assert_eq!((session, session_span.text(source)), (57, "57"));
        let (cited, kind, date) = found[1];
        assert_eq!((cited, date), ("2003/60", "24 avril 2003"));
        let CitationKind::Year { year, year_span } = kind else {
            panic!("{kind:?}")
        };
        assert_eq!((year, year_span.text(source)), (2003, "2003"));
    }

    #[test]
    fn the_body_decides_whose_session_numbers_these_are() {
        assert_eq!(
            kinds(
                "la résolution 16/22 du Conseil des droits de l'homme, en date du 25 mars 2011³,"
            ),
            [("16/22", "other")]
        );
        assert_eq!(
            kinds("le Conseil, dans sa résolution 5/1 du 18 juin 2007, a"),
            [("5/1", "other")]
        );
        assert_eq!(
            kinds("la résolution 57/224 de l'Assemblée générale, en date du 18 décembre 2002,"),
            [("57/224", "assembly")]
        );
        assert_eq!(
            kinds("la résolution 2000/22, en date du 18 août 2000, concernant"),
            [("2000/22", "year")]
        );
        assert_eq!(
            kinds("sa résolution\n54/181 du 17 décembre 1999, prenant note"),
            [("54/181", "assembly")]
        );
    }

    #[test]
    fn lists_of_symbols() {
        assert_eq!(
            kinds("ses résolutions 57/224 du 18 décembre 2002 et 58/170 du 22 décembre 2003,"),
            [("57/224", "assembly"), ("58/170", "assembly")]
        );
        assert_eq!(
            kinds("ses résolutions 56/6, 57/224 du 18 décembre 2002"),
            [("57/224", "assembly")]
        );
    }

    #[test]
    fn texts_cited_by_their_adoption() {
        assert_eq!(
            citations("la Déclaration du Millénaire qu'elle a adoptée le 8 septembre 2000²"),
            [("adoptée", CitationKind::Adopted, "8 septembre 2000")]
        );
        assert_eq!(
            citations("de Vienne, adoptés par la Conférence mondiale sur les droits de l’homme le 25 juin\n1993 1 , pour"),
            [("adoptés", CitationKind::Adopted, "25 juin\n1993")]
        );
        for source in [
            "la déclaration qui sera adoptée le 3 mars 2013",
            "a adopté, à sa cinquante-deuxième session, la résolution 2000/22",
            "adoptée par consensus. Le 3 mars 2004,",
        ] {
            assert_eq!(citations(source), [], "{source}");
        }
    }

    #[test]
    fn symbols_without_dates_and_other_numbers_are_not_citations() {
        for source in [
            "² Voir résolution 55/2.",
            "la résolution 1325 (2000) du Conseil de sécurité",
            "la résolution ES-10/2 du 5 mai 1997",
            "la résolution 55/2/Add.1 du 5 mai 2001",
            "les irrésolutions 5/2 du 5 mai 2001",
        ] {
            assert_eq!(citations(source), [], "{source}");
        }
    }
}
