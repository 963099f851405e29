//! French numbers and dates as resolutions write them, and moving a passage to another
//! session: its years, session numbers and session ordinals shift together.

use coquille::document::MONTHS;

/// The first session whose numbers a passage shifts: lower ones (`16/22`, a Human Rights
/// Council resolution) are not General Assembly sessions.
const FIRST_SHIFTED_SESSION: u32 = 40;

/// A calendar date.
#[derive(Debug, Clone, Copy)]
pub struct Date {
    /// 1 to 31.
    pub day: u32,
    /// 1 to 12.
    pub month: u32,
    /// The year.
    pub year: u32,
}

impl Date {
    /// `1er janvier 2000`, `19 décembre 2011`.
    pub fn words(self) -> String {
        let day = match self.day {
            1 => "1er".to_owned(),
            day => day.to_string(),
        };
        format!("{day} {} {}", MONTHS[self.month as usize - 1], self.year)
    }
}

/// The year in which session `session` opens (in September).
pub fn opening_year(session: u32) -> u32 {
    1945 + session
}

/// `soixante-dix-septième`, `quatre-vingt-unième`, `cent unième` (traditional spelling, as
/// the United Nations write it).
pub fn ordinal(n: u32) -> String {
    if n == 1 {
        return "premier".to_owned();
    }
    let cardinal = cardinal(n);
    if let Some(stem) = cardinal.strip_suffix("quatre-vingts") {
        return format!("{stem}quatre-vingtième");
    }
    for (ending, replacement) in [("cinq", "cinquième"), ("neuf", "neuvième")] {
        if let Some(stem) = cardinal.strip_suffix(ending) {
            return format!("{stem}{replacement}");
        }
    }
    match cardinal.strip_suffix('e') {
        Some(stem) => format!("{stem}ième"),
        None => format!("{cardinal}ième"),
    }
}

/// `Soixante-sixième`.
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn cardinal(n: u32) -> String {
    const UNITS: [&str; 17] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize",
    ];
    const TENS: [&str; 7] = [
        "",
        "",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
    ];
    match n {
        0..=16 => UNITS[n as usize].to_owned(),
        17..=19 => format!("dix-{}", UNITS[n as usize - 10]),
        20..=69 => match n % 10 {
            0 => TENS[n as usize / 10].to_owned(),
            1 => format!("{} et un", TENS[n as usize / 10]),
            units => format!("{}-{}", TENS[n as usize / 10], UNITS[units as usize]),
        },
        71 => "soixante et onze".to_owned(),
        70..=79 => format!("soixante-{}", cardinal(n - 60)),
        80 => "quatre-vingts".to_owned(),
        81..=99 => format!("quatre-vingt-{}", cardinal(n - 80)),
        100 => "cent".to_owned(),
        _ => format!("cent {}", cardinal(n - 100)),
    }
}

/// `text` moved by `delta` sessions: years (`1993`, `2000/22`), session numbers (`64/171`,
/// `A/66/53`) and session ordinals (`soixante-sixième session`) shift together, so the
/// chronology a passage cites stays consistent with the resolution that cites it.
pub fn shift_sessions(text: &str, delta: i32) -> String {
    shift_ordinals(&shift_numbers(text, delta), delta)
}

fn shift_numbers(text: &str, delta: i32) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let glued = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
        let value: u32 = text[i..end].parse().unwrap_or(0);
        let is_year = end - i == 4 && (1900..2100).contains(&value);
        let is_session = end - i == 2
            && value >= FIRST_SHIFTED_SESSION
            && bytes.get(end) == Some(&b'/')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !glued && (is_year || is_session) {
            out.push_str(&text[copied..i]);
            out.push_str(&value.saturating_add_signed(delta).to_string());
            copied = end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

fn shift_ordinals(text: &str, delta: i32) -> String {
    const SUFFIX: &str = "ième session";
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices(SUFFIX) {
        let end = at + "ième".len();
        let found = (FIRST_SHIFTED_SESSION..=150)
            .map(|n| (n, ordinal(n)))
            .filter(|(_, word)| text[copied..end].ends_with(word.as_str()))
            .max_by_key(|(_, word)| word.len());
        if let Some((n, word)) = found {
            let start = end - word.len();
            let boundary = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphabetic() && c != '-');
            if boundary {
                out.push_str(&text[copied..start]);
                out.push_str(&ordinal(n.saturating_add_signed(delta)));
                copied = end;
            }
        }
    }
    out.push_str(&text[copied..]);
    out
}
