//! Calendar dates as French texts write them, and the calendar facts the rules check them
//! against: month lengths, leap years, weekdays.

use std::fmt;

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

/// The English month names, January first: a French text should not use them.
pub(super) const ENGLISH_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A calendar date as written; not checked for existence (`31 avril` is one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FrenchDate {
    /// The year, when written or taken from the end of a range.
    pub year: Option<u32>,
    /// 1 to 12.
    pub month: u32,
    /// The day as written (`0 mars` has day 0).
    pub day: u32,
}

/// Why a date does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// `0 mars`.
    #[error("aucun mois n'a de jour 0")]
    DayZero,
    /// `31 avril`.
    #[error("{} n'a que {last} jours", MONTHS[*month as usize - 1])]
    PastMonthEnd {
        /// The month, 1 to 12.
        month: u32,
        /// Its last day.
        last: u32,
    },
    /// `29 février 2001`.
    #[error("{year} n'est pas une année bissextile : février n'a que 28 jours")]
    NotLeapYear {
        /// The year.
        year: u32,
    },
}

impl FrenchDate {
    /// Whether the date exists. Without a year, `29 février` may.
    pub fn check(self) -> Result<(), DateError> {
        if self.day == 0 {
            return Err(DateError::DayZero);
        }
        let last = match self.month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if self.day > last {
            return Err(DateError::PastMonthEnd {
                month: self.month,
                last,
            });
        }
        match self.year {
            Some(year) if self.month == 2 && self.day == 29 && !is_leap(year) => {
                Err(DateError::NotLeapYear { year })
            }
            _ => Ok(()),
        }
    }

    /// `(year, month, day)` when the year is known: what dates are ordered by.
    pub fn key(self) -> Option<(u32, u32, u32)> {
        Some((self.year?, self.month, self.day))
    }

    /// The day of the week, when the year is known and the date exists.
    pub fn weekday(self) -> Option<Weekday> {
        self.check().ok()?;
        let days = days_from_civil(i64::from(self.year?), self.month, self.day);
        // 1970-01-01 was a Thursday.
        Some(Weekday::ALL[(days + 3).rem_euclid(7) as usize])
    }
}

impl fmt::Display for FrenchDate {
    /// `1er janvier 2000`, `31 avril`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suffix = if self.day == 1 { "er" } else { "" };
        let month = MONTHS.get(self.month as usize - 1).unwrap_or(&"?");
        write!(f, "{}{suffix} {month}", self.day)?;
        if let Some(year) = self.year {
            write!(f, " {year}")?;
        }
        Ok(())
    }
}

fn is_leap(year: u32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday.
    Lundi,
    /// Tuesday.
    Mardi,
    /// Wednesday.
    Mercredi,
    /// Thursday.
    Jeudi,
    /// Friday.
    Vendredi,
    /// Saturday.
    Samedi,
    /// Sunday.
    Dimanche,
}

impl Weekday {
    /// Monday first.
    pub const ALL: [Weekday; 7] = [
        Self::Lundi,
        Self::Mardi,
        Self::Mercredi,
        Self::Jeudi,
        Self::Vendredi,
        Self::Samedi,
        Self::Dimanche,
    ];

    /// The French name, in lower case.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Lundi => "lundi",
            Self::Mardi => "mardi",
            Self::Mercredi => "mercredi",
            Self::Jeudi => "jeudi",
            Self::Vendredi => "vendredi",
            Self::Samedi => "samedi",
            Self::Dimanche => "dimanche",
        }
    }

    /// The weekday named `word`, in any case.
    pub fn from_name(word: &str) -> Option<Self> {
        let lower = super::words::lowercase(word);
        Self::ALL.into_iter().find(|d| d.name() == lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32, month: u32, year: u32) -> FrenchDate {
        FrenchDate {
            year: Some(year),
            month,
            day,
        }
    }

    #[test]
    fn month_lengths_and_leap_years() {
        assert_eq!(date(31, 12, 2011).check(), Ok(()));
        assert_eq!(
            date(31, 4, 2003).check(),
            Err(DateError::PastMonthEnd { month: 4, last: 30 })
        );
        assert_eq!(
            date(29, 2, 2001).check(),
            Err(DateError::NotLeapYear { year: 2001 })
        );
        assert_eq!(date(29, 2, 2000).check(), Ok(()));
        assert_eq!(
            date(29, 2, 1900).check(),
            Err(DateError::NotLeapYear { year: 1900 })
        );
        assert_eq!(date(0, 3, 2004).check(), Err(DateError::DayZero));
        let no_year = FrenchDate {
            year: None,
            month: 2,
            day: 29,
        };
        assert_eq!(no_year.check(), Ok(()));
        assert_eq!(
            DateError::PastMonthEnd { month: 4, last: 30 }.to_string(),
            "avril n'a que 30 jours"
        );
    }

    #[test]
    fn weekdays() {
        assert_eq!(date(12, 12, 1997).weekday(), Some(Weekday::Vendredi));
        assert_eq!(date(1, 1, 1970).weekday(), Some(Weekday::Jeudi));
        assert_eq!(date(1, 1, 2000).weekday(), Some(Weekday::Samedi));
        assert_eq!(date(29, 2, 2000).weekday(), Some(Weekday::Mardi));
        assert_eq!(date(26, 6, 1945).weekday(), Some(Weekday::Mardi));
        assert_eq!(date(31, 4, 2003).weekday(), None);
        assert_eq!(Weekday::from_name("Jeudi"), Some(Weekday::Jeudi));
    }

    #[test]
    fn display() {
        assert_eq!(date(1, 1, 2000).to_string(), "1er janvier 2000");
        assert_eq!(date(18, 12, 2002).to_string(), "18 décembre 2002");
    }
}
