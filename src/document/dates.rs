//! The date recogniser: every date of the text, header and body alike, found once with the
//! place of each of its parts.
//!
//! It reads `25 juin 1993`, `1er janvier 2000`, `le jeudi 12 décembre 1997`, the two dates of
//! `du 31 août au 8 septembre 2001` and of `du 20 au 24 avril 2009` (the first takes its
//! year, or month and year, from the second: the year or month before when it would
//! otherwise come after it), dates wrapped over a line break
//! (`25 juin` / `1993`), and, so that the rules can flag them, badly written ones: `1 janvier`,
//! `18 Décembre`, `18 decembre`, `18 December 2002`, `12/12/1997`, `1997-12-12`, `31 avril`.

use crate::span::Span;

use super::date::{FrenchDate, Weekday, ENGLISH_MONTHS, MONTHS};
use super::digits::DigitCursor;
use super::words::{gap_before, skip_gap, word_at, word_before};

/// A date found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// From the weekday, or the day, to the last part written.
    pub span: Span,
    /// Its value, with what the first date of a range takes from the second.
    pub date: FrenchDate,
    /// `jeudi` in `le jeudi 12 décembre 1997`.
    pub weekday: Option<WeekdayMention>,
    /// The day's digits.
    pub day: Span,
    /// `1` or `1er`.
    pub day_style: DayStyle,
    /// The month as written; `None` for `20` in `du 20 au 24 avril 2009`.
    pub month: Option<MonthMention>,
    /// The year's digits, when written.
    pub year: Option<Span>,
}

impl DateMention {
    /// The date without its weekday: from the day to the end.
    pub fn without_weekday(&self) -> Span {
        Span::new(self.day.start, self.span.end)
    }
}

/// A weekday written before a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayMention {
    /// The word.
    pub span: Span,
    /// The day it names.
    pub weekday: Weekday,
}

/// How the day of a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayStyle {
    /// Digits alone: `12`, and `1` where French writes `1er`.
    Cardinal,
    /// `1er` (also `1^er^`, `1ᵉʳ`).
    Ordinal,
}

/// The month of a date, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthMention {
    /// The word or the digits.
    pub span: Span,
    /// How it is spelt.
    pub spelling: MonthSpelling,
}

/// How the month of a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthSpelling {
    /// `décembre`, or in capitals (`DÉCEMBRE`, `DECEMBRE`), as headings write it.
    Standard,
    /// `Décembre` inside a sentence.
    Capitalised,
    /// `decembre`, `fevrier`, `aout`: accents missing.
    Misspelt,
    /// `December`.
    English,
    /// `12/12/1997`, `1997-12-12`: a numeric date.
    Digits,
}

/// Every date of `source` outside the verbatim spans, in order.
pub(super) fn find_dates(
    source: &str,
    verbatim: &[Span],
    digit_runs: &[usize],
) -> Vec<DateMention> {
    let bytes = source.as_bytes();
    let mut digits = DigitCursor::new(bytes, digit_runs);
    let mut dates = Vec::new();
    let mut at = 0;
    while let Some(next) = digits.digit_from(at) {
        at = next;
        let digits_end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let date = starts_token(source, at)
            .then(|| numeric(source, at, digits_end).or_else(|| in_words(source, at, digits_end)))
            .flatten();
        match date {
            Some(date) => {
                // After `20` in `du 20 au 24 avril 2009`: the second date is read on its own.
                at = date.span.end;
                if !overlaps(verbatim, date.span) {
                    dates.push(date);
                }
            }
            None => at = digits_end,
        }
    }
    dates
}

/// The date whose span is exactly `span`.
pub(super) fn date_at(dates: &[DateMention], span: Span) -> Option<DateMention> {
    let i = dates.partition_point(|d| d.span.start < span.start);
    dates.get(i).filter(|d| d.span == span).copied()
}

/// Whether a number starting at `at` stands on its own (not `Corr.1`, `55/109`, `A1`).
fn starts_token(source: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| source.as_bytes()[i]) {
        None => true,
        // Most numbers follow a space: the byte before tells, without decoding.
        Some(byte) if byte.is_ascii() => {
            !(byte.is_ascii_alphanumeric() || b"/.,-^_'".contains(&byte))
        }
        Some(_) => source[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphabetic() || c == '’')),
    }
}

fn overlaps(verbatim: &[Span], span: Span) -> bool {
    let i = verbatim.partition_point(|v| v.end <= span.start);
    verbatim.get(i).is_some_and(|v| v.start < span.end)
}

/// `12/12/1997` or `1997-12-12`.
fn numeric(source: &str, start: usize, digits_end: usize) -> Option<DateMention> {
    let bytes = source.as_bytes();
    let run = |from: usize| {
        from + bytes
            .get(from..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let number = |from: usize, to: usize| source[from..to].parse::<u32>().ok();
    let (day, month, year, end) = match (digits_end - start, bytes.get(digits_end)) {
        (4, Some(b'-')) => {
            let month_end = run(digits_end + 1);
            (month_end - digits_end == 3 && bytes.get(month_end) == Some(&b'-')).then_some(())?;
            let day_end = run(month_end + 1);
            (day_end - month_end == 3).then_some(())?;
            let day = Span::new(month_end + 1, day_end);
            let month = Span::new(digits_end + 1, month_end);
            (day, month, Span::new(start, digits_end), day_end)
        }
        (1..=2, Some(b'/')) => {
            let month_end = run(digits_end + 1);
            let month_len = month_end - digits_end - 1;
            ((1..=2).contains(&month_len) && bytes.get(month_end) == Some(&b'/')).then_some(())?;
            let year_end = run(month_end + 1);
            (year_end - month_end == 5).then_some(())?;
            let month = Span::new(digits_end + 1, month_end);
            (
                Span::new(start, digits_end),
                month,
                Span::new(month_end + 1, year_end),
                year_end,
            )
        }
        _ => return None,
    };
    let ends_token = source[end..]
        .chars()
        .next()
        .is_none_or(|c| !(c.is_alphabetic() || c.is_ascii_digit() || c == '/' || c == '-'));
    let date = FrenchDate {
        year: Some(number(year.start, year.end)?),
        month: number(month.start, month.end)?,
        day: number(day.start, day.end)?,
    };
    let plausible = ends_token && (1..=12).contains(&date.month) && (1..=31).contains(&date.day);
    plausible.then_some(DateMention {
        span: Span::new(start, end),
        date,
        weekday: None,
        day,
        day_style: DayStyle::Cardinal,
        month: Some(MonthMention {
            span: month,
            spelling: MonthSpelling::Digits,
        }),
        year: Some(year),
    })
}

/// A date in words whose day starts at `start`: alone, or the first date of a range.
fn in_words(source: &str, start: usize, digits_end: usize) -> Option<DateMention> {
    let first = written(source, start, digits_end)?;
    // A day alone is a date only before `au` (the range reads a gap first) and after `du`.
    let day_only_after_du = first.month.is_none()
        && skip_gap(source, first.end).is_some()
        && word_before(source, start).eq_ignore_ascii_case("du");
    // Only a first date without its year may take it from a second one.
    let range_end = (first.year.is_none() && (first.month.is_some() || day_only_after_du))
        .then(|| range_end(source, first.end))
        .flatten();
    let (month, spelling, year) = match (first.month, range_end) {
        (Some((month, spelling)), Some(end)) => {
            // `du 31 décembre au 2 janvier 2001`: the first date is in the year before.
            let (end_month, _) = end.month?;
            let earlier = (month, first.day) > (end_month, end.day);
            let year = end.year.map(|(year, _)| year - u32::from(earlier));
            (month, Some(spelling), year)
        }
        (Some((month, spelling)), _) => (month, Some(spelling), first.year.map(|y| y.0)),
        (None, Some(end)) => {
            // `du 30 au 2 mai`: the first day is in the month before.
            let (end_month, _) = end.month?;
            let year = end.year.map(|(year, _)| year);
            match (first.day > end.day, end_month) {
                (false, month) => (month, None, year),
                (true, 1) => (12, None, year.map(|y| y - 1)),
                (true, month) => (month - 1, None, year),
            }
        }
        (None, _) => return None,
    };
    if spelling.is_some_and(|s| s.1 == MonthSpelling::English) && first.year.is_none() {
        return None;
    }
    let weekday = weekday_before(source, start);
    Some(DateMention {
        span: Span::new(weekday.map_or(start, |w| w.span.start), first.end),
        date: FrenchDate {
            year,
            month,
            day: first.day,
        },
        weekday,
        day: Span::new(start, digits_end),
        day_style: first.day_style,
        month: spelling.map(|(span, spelling)| MonthMention { span, spelling }),
        year: first.year.map(|(_, span)| span),
    })
}

/// A day, and the month and year after it when there are.
struct Written {
    day: u32,
    day_style: DayStyle,
    month: Option<(u32, (Span, MonthSpelling))>,
    year: Option<(u32, Span)>,
    /// Where the last part read ends.
    end: usize,
}

fn written(source: &str, start: usize, digits_end: usize) -> Option<Written> {
    if digits_end - start > 2 {
        return None;
    }
    // One or two ASCII digits.
    let day = source.as_bytes()[start..digits_end]
        .iter()
        .fold(0, |day, digit| day * 10 + u32::from(digit - b'0'));
    let rest = &source[digits_end..];
    let suffix = ["^er^", "^er", "ᵉʳ", "er"]
        .into_iter()
        .filter(|_| day == 1)
        .find(|s| rest.starts_with(s) && !rest[s.len()..].starts_with(char::is_alphanumeric));
    let mut written = Written {
        day,
        day_style: if suffix.is_some() {
            DayStyle::Ordinal
        } else {
            DayStyle::Cardinal
        },
        month: None,
        year: None,
        end: digits_end + suffix.map_or(0, str::len),
    };
    let Some(month_start) = skip_gap(source, written.end) else {
        return Some(written);
    };
    // Most words after a number are not months: their first letter tells, before the word
    // is read.
    let initial = source[month_start..]
        .chars()
        .next()
        .map(|c| c.to_ascii_lowercase());
    if !initial.is_some_and(|c| "jfmasond".contains(c)) {
        return Some(written);
    }
    let word = word_at(source, month_start);
    let Some((month, spelling)) = classify_month(word) else {
        return Some(written);
    };
    let month_span = Span::new(month_start, month_start + word.len());
    written.month = Some((month, (month_span, spelling)));
    written.end = month_span.end;
    if let Some(year_start) = skip_gap(source, written.end) {
        let digits = source.as_bytes()[year_start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = source[year_start + digits..].chars().next();
        if digits == 4 && !after.is_some_and(char::is_alphabetic) {
            let span = Span::new(year_start, year_start + 4);
            written.year = Some((span.text(source).parse().ok()?, span));
            written.end = span.end;
        }
    }
    Some(written)
}

/// The date after `au` in `du 20 au 24 avril 2009`, if it has a month.
fn range_end(source: &str, end: usize) -> Option<Written> {
    let au = skip_gap(source, end)?;
    if word_at(source, au) != "au" {
        return None;
    }
    let start = skip_gap(source, au + "au".len())?;
    let digits = source.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    written(source, start, start + digits).filter(|w| w.month.is_some())
}

/// `jeudi` before the day.
fn weekday_before(source: &str, start: usize) -> Option<WeekdayMention> {
    let before = gap_before(source, start)?;
    let word = word_before(source, before);
    Some(WeekdayMention {
        span: Span::new(before - word.len(), before),
        weekday: Weekday::from_name(word)?,
    })
}

/// The month `word` names (1 to 12) and how it is spelt.
fn classify_month(word: &str) -> Option<(u32, MonthSpelling)> {
    // From `mai` to `septembre` / `DÉCEMBRE`: most words after a number are not months.
    let initial = word.chars().next()?.to_ascii_lowercase();
    if !(3..=10).contains(&word.len()) || !"jfmasond".contains(initial) {
        return None;
    }
    let month = |i: usize| i as u32 + 1;
    if let Some(i) = MONTHS.iter().position(|m| *m == word) {
        return Some((month(i), MonthSpelling::Standard));
    }
    let lower = super::words::lowercase(word);
    if let Some(i) = ENGLISH_MONTHS.iter().position(|m| *m == lower) {
        return Some((month(i), MonthSpelling::English));
    }
    let unaccented = fold_accents(&lower);
    let i = UNACCENTED_MONTHS.iter().position(|m| *m == unaccented)?;
    let spelling = if !word.chars().any(char::is_lowercase) {
        MonthSpelling::Standard
    } else if lower == MONTHS[i] {
        MonthSpelling::Capitalised
    } else {
        MonthSpelling::Misspelt
    };
    Some((month(i), spelling))
}

/// [`MONTHS`] without their accents.
const UNACCENTED_MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// `février` → `fevrier`, `août` → `aout`.
fn fold_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'û' | 'ù' | 'ü' => 'u',
            'à' | 'â' => 'a',
            'ô' => 'o',
            'î' | 'ï' => 'i',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::digits::digit_run_starts;
    use super::*;

    /// `(text of the date, its value as day/month/year)` of each date of `source`.
    fn dates(source: &str) -> Vec<(&str, String)> {
        find_dates(source, &[], &digit_run_starts(source.as_bytes()))
            .iter()
            .map(|d| {
                let year = d.date.year.map_or("?".to_owned(), |y| y.to_string());
                let value = format!("{}/{}/{year}", d.date.day, d.date.month);
                (d.span.text(source), value)
            })
            .collect()
    }

    fn one(source: &str) -> DateMention {
        let found = find_dates(source, &[], &digit_run_starts(source.as_bytes()));
        assert_eq!(found.len(), 1, "{source}: {found:?}");
        found[0]
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(
            dates("adoptés le 25 juin 1993¹, le 1er janvier 2000 et le 9 mars 2004."),
            [
                ("25 juin 1993", "25/6/1993".to_owned()),
                ("1er janvier 2000", "1/1/2000".to_owned()),
                ("9 mars 2004", "9/3/2004".to_owned())
            ]
        );
        assert_eq!(
            dates("la résolution 2003/60, en date du 24 avril 2003, sur"),
            [("24 avril 2003", "24/4/2003".to_owned())]
        );
        assert_eq!(
            dates("d'ici au 31 mars,"),
            [("31 mars", "31/3/?".to_owned())]
        );
        assert_eq!(
            dates("*89^e séance plénière\n19 décembre 2011*")[0].0,
            "19 décembre 2011"
        );
    }

    #[test]
    fn parts_have_their_places() {
        let source = "le jeudi 1^er^ Janvier\n2000, puis";
        let date = one(source);
        assert_eq!(date.span.text(source), "jeudi 1^er^ Janvier\n2000");
        assert_eq!(date.without_weekday().text(source), "1^er^ Janvier\n2000");
        let weekday = date.weekday.expect("a weekday");
        assert_eq!(
            (weekday.span.text(source), weekday.weekday),
            ("jeudi", Weekday::Jeudi)
        );
        assert_eq!(date.day.text(source), "1");
        assert_eq!(date.day_style, DayStyle::Ordinal);
        let month = date.month.expect("a month");
        assert_eq!(
            (month.span.text(source), month.spelling),
            ("Janvier", MonthSpelling::Capitalised)
        );
        assert_eq!(date.year.map(|y| y.text(source)), Some("2000"));
    }

    #[test]
    fn ranges_give_the_first_date_the_year_and_month_of_the_second() {
        assert_eq!(
            dates("tenue à Durban du 31 août au 8 septembre 2001, et"),
            [
                ("31 août", "31/8/2001".to_owned()),
                ("8 septembre 2001", "8/9/2001".to_owned())
            ]
        );
        assert_eq!(
            dates("à Genève du 20 au 24 avril 2009,"),
            [
                ("20", "20/4/2009".to_owned()),
                ("24 avril 2009", "24/4/2009".to_owned())
            ]
        );
        assert_eq!(
            dates("du 30 au 2 janvier 2001"),
            [
                ("30", "30/12/2000".to_owned()),
                ("2 janvier 2001", "2/1/2001".to_owned())
            ]
        );
        assert_eq!(
            dates("du 31 décembre au 2 janvier 2001"),
            [
                ("31 décembre", "31/12/2000".to_owned()),
                ("2 janvier 2001", "2/1/2001".to_owned())
            ]
        );
        let first = find_dates(
            "Du 1er au 3 mars 2004",
            &[],
            &digit_run_starts(b"Du 1er au 3 mars 2004"),
        )[0];
        assert_eq!(
            (first.month, first.year, first.day_style),
            (None, None, DayStyle::Ordinal)
        );
        assert_eq!(
            dates("les points 20 au 24 avril"),
            [("24 avril", "24/4/?".to_owned())]
        );
    }

    #[test]
    fn dates_across_one_line_break_but_not_a_blank_line() {
        assert_eq!(
            dates("le 25 juin\n1993 1 , pour"),
            [("25 juin\n1993", "25/6/1993".to_owned())]
        );
        assert_eq!(
            dates("en date du 26 avril\r\n2000, sur"),
            [("26 avril\r\n2000", "26/4/2000".to_owned())]
        );
        assert_eq!(
            dates("le 25 juin\n\n1993"),
            [("25 juin", "25/6/?".to_owned())]
        );
    }

    #[test]
    fn month_spellings() {
        let spelling = |source: &str| one(source).month.map(|m| m.spelling);
        assert_eq!(spelling("18 décembre 2002"), Some(MonthSpelling::Standard));
        assert_eq!(spelling("18 DÉCEMBRE 2002"), Some(MonthSpelling::Standard));
        assert_eq!(spelling("18 DECEMBRE 2002"), Some(MonthSpelling::Standard));
        assert_eq!(
            spelling("18 Décembre 2002"),
            Some(MonthSpelling::Capitalised)
        );
        assert_eq!(spelling("18 decembre 2002"), Some(MonthSpelling::Misspelt));
        assert_eq!(spelling("3 Fevrier"), Some(MonthSpelling::Misspelt));
        assert_eq!(spelling("15 aout 1945"), Some(MonthSpelling::Misspelt));
        assert_eq!(spelling("18 December 2002"), Some(MonthSpelling::English));
        assert_eq!(dates("le 5 may"), []);
        assert_eq!(spelling("12/12/1997"), Some(MonthSpelling::Digits));
    }

    #[test]
    fn unaccented_months_are_the_months_without_accents() {
        for (month, unaccented) in MONTHS.iter().zip(UNACCENTED_MONTHS) {
            assert_eq!(fold_accents(month), unaccented);
        }
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            dates("le 12/12/1997³ et le 1997-12-12."),
            [
                ("12/12/1997", "12/12/1997".to_owned()),
                ("1997-12-12", "12/12/1997".to_owned())
            ]
        );
        for source in [
            "la résolution 55/109",
            "E/1997/23",
            "1/25/2000",
            "12/12/19970",
            "2003-2004",
            "1997-13-01",
            "A12/12/1997",
        ] {
            assert_eq!(dates(source), [], "{source}");
        }
    }

    #[test]
    fn invalid_dates_are_still_dates() {
        assert_eq!(
            dates("le 31 avril 2003, le 0 mars et le 29 février 2001"),
            [
                ("31 avril 2003", "31/4/2003".to_owned()),
                ("0 mars", "0/3/?".to_owned()),
                ("29 février 2001", "29/2/2001".to_owned())
            ]
        );
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for source in [
            "au paragraphe 3 de l'Article 1, et",
            "Point 112, *b*, de l'ordre du jour",
            "la 70^e séance",
            "Supplément n° 3 (E/1997/23)",
            "Corr.1 mars",
            "2 A/CONF.157/24",
            "123 mars",
            "le 2er mars",
            "Article 12\n      Nul ne sera",
        ] {
            assert_eq!(dates(source), [], "{source}");
        }
    }

    #[test]
    fn verbatim_spans_hold_no_date() {
        let source = "https://un.org/12-mars/12/12/1997 et le 3 mai 2000";
        let verbatim = [Span::new(0, 33)];
        let found = find_dates(source, &verbatim, &digit_run_starts(source.as_bytes()));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(source), "3 mai 2000");
    }
}
