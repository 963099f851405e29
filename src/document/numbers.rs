//! French number words from 1 to 199: cardinal (`quatre-vingt-un`) and ordinal
//! (`quatre-vingt-unième`), in any case, in the traditional spelling (`vingt et un`,
//! `cent un`) or the 1990 one (`vingt-et-un`, `cent-un`).
//!
//! The words are read against the grammar of French numbers, not a list: `et` only joins
//! `un`/`onze` to the tens below eighty, `quatre-vingts` takes its `s` only at the end,
//! `unième` only ends a compound, `soixante-dix` and `quatre-vingt-dix` count on with
//! `onze` … `dix-neuf`. A misspelt number (`vingt-unième`, `quatre-vingt-et-un`) is no number.

use super::words::lowercase;

/// The value of a cardinal number word (`cinquante-deux`, `Quatre-vingts`, `cent un`).
pub fn parse_cardinal(text: &str) -> Option<u32> {
    let lower = lowercase(text);
    let words = split(&lower)?;
    let mut terms = Vec::with_capacity(words.len());
    read_words(&words, &mut terms)?;
    // `quatre-vingts` takes its `s` only when nothing follows: read it as `vingt`, then check.
    let last = terms.last_mut()?;
    let plural = last.1 == Word::Vingts;
    if plural {
        last.1 = Word::Ten(20);
    }
    let value = number(&terms)?;
    (plural == (value % 100 == 80)).then_some(value)
}

/// The value of an ordinal number word (`cinquante-deuxième`, `Cent unième`, `premier`).
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let lower = lowercase(text);
    match &*lower {
        "premier" | "première" => return Some(1),
        "second" | "seconde" => return Some(2),
        _ => {}
    }
    let words = split(&lower)?;
    let ((join, last), rest) = words.split_last()?;
    let final_word = ordinal_stem(last.strip_suffix("ième")?)?;
    if rest.is_empty() && final_word == Word::Unit(1) {
        return None;
    }
    let mut terms = Vec::with_capacity(words.len());
    read_words(rest, &mut terms)?;
    terms.push((*join, final_word));
    number(&terms)
}

/// How a word is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// The first word.
    Start,
    /// `-` (possibly at a line end: `cinquante-` / `sixième`).
    Hyphen,
    /// Spaces or a line break.
    Space,
}

/// A word of a number, as a value class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// `un` … `neuf`.
    Unit(u32),
    /// `dix` … `seize`.
    Teen(u32),
    /// `vingt` … `soixante`.
    Ten(u32),
    /// `vingts`, only at the end of `quatre-vingts`.
    Vingts,
    /// `et`.
    Et,
    /// `cent`.
    Cent,
}

/// A word and how it is joined to the previous one.
type Term = (Join, Word);

/// Pushes the cardinal words of `words` to `terms`; `None` if one is not a number word.
fn read_words(words: &[(Join, &str)], terms: &mut Vec<Term>) -> Option<()> {
    for &(join, word) in words {
        terms.push((join, cardinal_word(word)?));
    }
    Some(())
}

/// The words of `text` with their joins; `None` if a separator is neither spaces nor hyphens.
fn split(text: &str) -> Option<Vec<(Join, &str)>> {
    let mut words = Vec::with_capacity(4);
    let mut join = Join::Start;
    let mut rest = text.trim();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '-' || c.is_whitespace())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if word.is_empty() || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        words.push((join, word));
        let separator_len = after
            .find(|c: char| c != '-' && !c.is_whitespace())
            .unwrap_or(after.len());
        let separator = &after[..separator_len];
        join = match separator.bytes().filter(|&b| b == b'-').count() {
            0 => Join::Space,
            1 => Join::Hyphen,
            _ => return None,
        };
        rest = &after[separator_len..];
    }
    Some(words)
}

const UNITS: [&str; 9] = [
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
];
const TEENS: [&str; 7] = [
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 5] = ["vingt", "trente", "quarante", "cinquante", "soixante"];

fn cardinal_word(word: &str) -> Option<Word> {
    let position = |list: &[&str]| list.iter().position(|w| *w == word).map(|i| i as u32);
    if word == "une" {
        return Some(Word::Unit(1));
    }
    position(&UNITS)
        .map(|i| Word::Unit(i + 1))
        .or_else(|| position(&TEENS).map(|i| Word::Teen(i + 10)))
        .or_else(|| position(&TENS).map(|i| Word::Ten(20 + 10 * i)))
        .or(match word {
            "vingts" => Some(Word::Vingts),
            "et" => Some(Word::Et),
            "cent" => Some(Word::Cent),
            _ => None,
        })
}

/// The cardinal word behind an ordinal stem (`cinqu` of `cinquième`, `neuv` of `neuvième`,
/// `quatr` of `quatrième`).
fn ordinal_stem(stem: &str) -> Option<Word> {
    match stem {
        "un" => Some(Word::Unit(1)),
        "cinqu" => Some(Word::Unit(5)),
        "neuv" => Some(Word::Unit(9)),
        "vingt" | "cent" | "deux" | "trois" | "six" | "sept" | "huit" | "dix" => {
            cardinal_word(stem)
        }
        // The words ending in a mute `e` drop it: `quatre` → `quatrième`, `onze` → `onzième`.
        _ => ["une"]
            .iter()
            .chain(&UNITS)
            .chain(&TEENS)
            .chain(&TENS)
            .find(|word| word.strip_suffix('e') == Some(stem))
            .and_then(|word| cardinal_word(word)),
    }
}

/// `cent` then a number below 100, or a number below 100.
fn number(terms: &[Term]) -> Option<u32> {
    match terms {
        [(_, Word::Cent)] => Some(100),
        [(_, Word::Cent), rest @ ..] => below_hundred(rest).map(|n| 100 + n),
        _ => below_hundred(terms),
    }
}

/// 1 to 99. The join before the first term is not looked at.
fn below_hundred(terms: &[Term]) -> Option<u32> {
    use Join::Hyphen;
    use Word::{Et, Teen, Ten, Unit};
    match terms {
        // `quatre-vingt(s)`, `quatre-vingt-un` … `quatre-vingt-dix-neuf`: never `et`.
        [(_, Unit(4)), (Hyphen, Ten(20))] => Some(80),
        [(_, Unit(4)), (Hyphen, Ten(20)), rest @ ..] => match rest {
            [(Hyphen, _), ..] => below_twenty(rest).map(|n| 80 + n),
            _ => None,
        },
        [(_, Ten(tens))] => Some(*tens),
        // `vingt et un` … `soixante et un`, `soixante et onze`; `vingt-et-un` in 1990.
        [(_, Ten(tens)), (before, Et), (after, word)] if before == after => match word {
            Unit(1) => Some(tens + 1),
            Teen(11) if *tens == 60 => Some(71),
            _ => None,
        },
        // `vingt-deux` … `soixante-neuf`; `soixante-dix`, `soixante-douze` … `soixante-dix-neuf`.
        [(_, Ten(tens)), rest @ ..] => {
            let [(Hyphen, _), ..] = rest else {
                return None;
            };
            let units = below_twenty(rest)?;
            let limit = if *tens == 60 { 19 } else { 9 };
            ((2..=limit).contains(&units) && units != 11).then_some(tens + units)
        }
        _ => below_twenty(terms),
    }
}

/// `un` … `dix-neuf`. The join before the first term is not looked at.
fn below_twenty(terms: &[Term]) -> Option<u32> {
    match terms {
        [(_, Word::Unit(n))] | [(_, Word::Teen(n))] => Some(*n),
        [(_, Word::Teen(10)), (Join::Hyphen, Word::Unit(n @ 7..=9))] => Some(10 + n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The traditional spelling of `n` (1 to 199), built from tables, independently of the
    /// parser's grammar.
    fn spell_cardinal(n: u32) -> String {
        const UNDER_TWENTY: [&str; 20] = [
            "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf",
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
        let below_hundred = |n: u32| -> String {
            let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
            match n {
                0..=19 => UNDER_TWENTY[n as usize].to_owned(),
                71 => "soixante et onze".to_owned(),
                70..=79 => format!("soixante-{}", UNDER_TWENTY[10 + units]),
                80 => "quatre-vingts".to_owned(),
                81..=99 => format!("quatre-vingt-{}", UNDER_TWENTY[n as usize - 80]),
                _ if units == 0 => TENS[tens].to_owned(),
                _ if units == 1 => format!("{} et un", TENS[tens]),
                _ => format!("{}-{}", TENS[tens], UNDER_TWENTY[units]),
            }
        };
        match n {
            100 => "cent".to_owned(),
            101..=199 => format!("cent {}", below_hundred(n - 100)),
            _ => below_hundred(n),
        }
    }

    /// The traditional ordinal of `n`: the last word of the cardinal takes `ième`.
    fn spell_ordinal(n: u32) -> String {
        if n == 1 {
            return "premier".to_owned();
        }
        let cardinal = spell_cardinal(n);
        let stem = if let Some(s) = cardinal.strip_suffix("vingts") {
            format!("{s}vingt")
        } else if let Some(s) = cardinal.strip_suffix("cinq") {
            format!("{s}cinqu")
        } else if let Some(s) = cardinal.strip_suffix("neuf") {
            format!("{s}neuv")
        } else {
            cardinal.strip_suffix('e').unwrap_or(&cardinal).to_owned()
        };
        format!("{stem}ième")
    }

    /// The 1990 spelling: hyphens between all the words.
    fn rectified(spelling: &str) -> String {
        spelling.replace(' ', "-")
    }

    fn capitalised(spelling: &str) -> String {
        let mut chars = spelling.chars();
        let first = chars.next().unwrap();
        first.to_uppercase().chain(chars).collect()
    }

    #[test]
    fn every_cardinal_from_1_to_199_in_both_spellings_and_cases() {
        for n in 1..=199 {
            let spelled = spell_cardinal(n);
            for text in [
                spelled.clone(),
                rectified(&spelled),
                capitalised(&spelled),
                spelled.to_uppercase(),
            ] {
                assert_eq!(parse_cardinal(&text), Some(n), "{text}");
            }
        }
    }

    #[test]
    fn every_ordinal_from_1_to_199_in_both_spellings_and_cases() {
        for n in 1..=199 {
            let spelled = spell_ordinal(n);
            for text in [
                spelled.clone(),
                rectified(&spelled),
                capitalised(&spelled),
                spelled.to_uppercase(),
            ] {
                assert_eq!(parse_ordinal(&text), Some(n), "{text}");
            }
        }
    }

    #[test]
    fn hand_written_spellings() {
        let ordinals = [
            ("soixante-dix-septième", 77),
            ("quatre-vingt-unième", 81),
            ("cent unième", 101),
            ("cinquante et unième", 51),
            ("Cinquante-deuxième", 52),
            ("cinquante-troisième", 53),
            ("soixante et onzième", 71),
            ("quatre-vingtième", 80),
            ("quatre-vingt-dix-neuvième", 99),
            ("cent quatre-vingt-dix-neuvième", 199),
            ("première", 1),
            ("second", 2),
            ("vingt et unième", 21),
            ("cinquième", 5),
            ("neuvième", 9),
            ("centième", 100),
            ("cent quatre-vingtième", 180),
            ("cinquante-\nsixième", 56),
            ("SOIXANTE-SIXIÈME", 66),
        ];
        for (text, value) in ordinals {
            assert_eq!(parse_ordinal(text), Some(value), "{text}");
        }
        let cardinals = [
            ("quatre-vingts", 80),
            ("quatre-vingt-un", 81),
            ("soixante-dix", 70),
            ("soixante et onze", 71),
            ("cent un", 101),
            ("cent quatre-vingts", 180),
            ("vingt et une", 21),
            ("dix-sept", 17),
        ];
        for (text, value) in cardinals {
            assert_eq!(parse_cardinal(text), Some(value), "{text}");
        }
    }

    #[test]
    fn misspelt_numbers_are_no_numbers() {
        for text in [
            "unième",
            "vingt-unième",
            "quatre-vingt-et-unième",
            "quatre-vingt et unième",
            "soixante-onzième",
            "cinquante deuxième",
            "quatre-vingtsième",
            "soixante-dix-septiéme",
            "deux-cent",
            "centcinquième",
            "cinquante--deuxième",
            "dix-unième",
            "vingt-dixième",
            "",
            "session",
        ] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
        for text in [
            "quatre-vingt",
            "quatre-vingts-un",
            "vingts",
            "vingt-un",
            "soixante-un",
            "cent-cent",
            "et un",
            "un et",
            "cinquante-deuxième",
        ] {
            assert_eq!(parse_cardinal(text), None, "{text}");
        }
    }
}
