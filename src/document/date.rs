//! French dates written in words: `25 juin 1993`, `1er janvier 2000`.

/// The French month names, January first.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A calendar date as written; not checked for existence (`31 avril` parses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FrenchDate {
    /// The year.
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    /// The day as written (1 to 31).
    pub day: u32,
}

/// Parses `text` if it is exactly one date (`13 mars 2012`, `1er janvier 2000`), spaces
/// of any kind between the parts.
pub fn parse_date(text: &str) -> Option<FrenchDate> {
    let mut parts = text
        .split(|c: char| c.is_whitespace())
        .filter(|p| !p.is_empty());
    let day = parts.next()?;
    let day = day.strip_suffix("er").unwrap_or(day);
    let month = parts.next()?;
    let year = parts.next()?;
    if parts.next().is_some() || day.len() > 2 || year.len() != 4 {
        return None;
    }
    Some(FrenchDate {
        day: day.parse().ok()?,
        month: MONTHS.iter().position(|m| *m == month)? as u32 + 1,
        year: year.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_whole_dates_only() {
        assert_eq!(
            parse_date("13 mars 2012"),
            Some(FrenchDate {
                year: 2012,
                month: 3,
                day: 13
            })
        );
        assert_eq!(
            parse_date("1er\u{a0}janvier 2000"),
            Some(FrenchDate {
                year: 2000,
                month: 1,
                day: 1
            })
        );
        assert_eq!(parse_date("13 mars"), None);
        assert_eq!(parse_date("13 mars 2012 et"), None);
        assert_eq!(parse_date("Point 69, b"), None);
    }
}
