//! The fixed lines of a resolution: header fields, title, opener and closing.

use crate::span::Span;

use super::dates::date_at;
use super::line::{
    leading_digits, resolution_symbol, session_number, starts_like_a_number, trim_emphasis,
    trim_end_emphasis, trim_start_emphasis, Trimmed, EMPHASIS,
};
use super::numbers::parse_ordinal;
use super::{DateMention, Header, ResolutionNumber, SessionLine};

/// `55/109. Renforcement …` (also after `#` or emphasis): the number and the title words.
pub(super) fn title_line(line: &Trimmed) -> Option<(ResolutionNumber, Span)> {
    let text = line
        .text
        .trim_start_matches(|c: char| c == '#' || EMPHASIS.contains(&c) || c.is_whitespace());
    let (number, rest) = session_number(line, text)?;
    let rest = trim_start_emphasis(rest.strip_prefix('.')?);
    let words = rest.trim_start();
    if words.len() == rest.len() || words.is_empty() {
        return None;
    }
    Some((number, line.span_of(words)))
}

/// `L'Assemblée générale,` or `Le Conseil économique et social,`: a short line naming the
/// body that adopts the text, ending with a comma.
pub(super) fn is_opener(line: &Trimmed) -> bool {
    let text = trim_emphasis(line.text);
    let starts = ["L'", "L’", "Le ", "La "]
        .iter()
        .any(|p| text.starts_with(p));
    starts && text.ends_with(',') && text.split_whitespace().count() <= 6
}

/// `*89^e séance plénière` (also `89e`, `89ᵉ`, `89 e` as extraction leaves it): the meeting
/// number of the closing.
pub(super) fn meeting_line(line: &Trimmed) -> Option<(u32, Span)> {
    if !starts_like_a_number(line) {
        return None;
    }
    let text = trim_start_emphasis(line.text);
    // Most lines are text: they fail here, before their end is trimmed.
    let (digits, rest) = leading_digits(text, 4)?;
    let rest = trim_end_emphasis(rest).trim_start();
    let rest = ["^e^", "^e", "ᵉ", "ème", "eme", "e"]
        .iter()
        .find_map(|suffix| rest.strip_prefix(suffix))
        .unwrap_or(rest);
    let mut words = rest.split_whitespace();
    let is_meeting = words.next() == Some("séance")
        && words.next() == Some("plénière")
        && words.next().is_none();
    is_meeting.then_some(())?;
    Some((digits.parse().ok()?, line.span_of(digits)))
}

/// A line that is only a date, possibly in emphasis (`19 décembre 2011*`).
pub(super) fn date_line(line: &Trimmed, dates: &[DateMention]) -> Option<DateMention> {
    let text = trim_emphasis(line.text).trim();
    date_at(dates, line.span_of(text))
}

/// Reads the fields of the header from its lines.
pub(super) fn read_header(lines: &[Trimmed], dates: &[DateMention]) -> Header {
    let mut header = Header::default();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        if header.symbol.is_none() {
            if let Some((symbol, "")) = resolution_symbol(line, line.text) {
                header.symbol = Some(symbol);
                continue;
            }
        }
        if header.session.is_none() {
            if let Some(session) = session_line(line) {
                header.session = Some(session);
                continue;
            }
        }
        if header.distribution_date.is_none() {
            if let Some(date) = date_line(line, dates) {
                header.distribution_date = Some(date);
                continue;
            }
        }
        if header.adoption_date.is_none() {
            header.adoption_date = adoption_date(line, dates);
        }
    }
    header
}

/// `Cinquante-deuxième session`, `Cinquante et unième session`; also a misspelt single word
/// ending in `ième`, whose value is then unknown.
fn session_line(line: &Trimmed) -> Option<SessionLine> {
    let ordinal = line.text.strip_suffix("session")?.trim_end();
    let number = parse_ordinal(ordinal);
    let single_word = !ordinal.is_empty() && !ordinal.contains(char::is_whitespace);
    let ordinal_like = single_word && ordinal.to_lowercase().ends_with("ième");
    (number.is_some() || ordinal_like).then(|| SessionLine {
        span: line.span_of(line.text),
        ordinal: line.span_of(ordinal),
        number,
    })
}

/// The date in `Résolution adoptée par l'Assemblée générale le 19 décembre 2011`.
fn adoption_date(line: &Trimmed, dates: &[DateMention]) -> Option<DateMention> {
    // Compared as it is lowered, without lowering the whole line.
    let mut lower = line.text.chars().flat_map(char::to_lowercase);
    if !"résolution adoptée par"
        .chars()
        .all(|c| lower.next() == Some(c))
    {
        return None;
    }
    let at = line.text.rfind(" le ")? + " le ".len();
    date_at(dates, line.span_of(trim_end_emphasis(&line.text[at..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(text: &str) -> Option<u32> {
        meeting_line(&Trimmed::of(text, Span::new(0, text.len()))).map(|(n, _)| n)
    }

    #[test]
    fn session_lines_with_their_values() {
        let session = |text: &str| {
            session_line(&Trimmed::of(text, Span::new(0, text.len()))).map(|s| s.number)
        };
        assert_eq!(session("Cinquante-deuxième session"), Some(Some(52)));
        assert_eq!(session("Cinquante et unième session"), Some(Some(51)));
        assert_eq!(session("Cinquante-deusième session"), Some(None));
        assert_eq!(session("Session extraordinaire"), None);
        assert_eq!(session("Point 69 de la session"), None);
    }

    #[test]
    fn meeting_lines_in_every_spelling() {
        for text in [
            "*89^e séance plénière",
            "89e séance plénière",
            "89ᵉ séance plénière",
            "89 e séance plénière",
            "89^e^ séance plénière*",
        ] {
            assert_eq!(meeting(text), Some(89), "{text}");
        }
        assert_eq!(meeting("89e séance plénière de la Commission"), None);
        assert_eq!(meeting("89 séances plénières"), None);
    }
}
