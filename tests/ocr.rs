//! The ocr group on the real documents: silent on the clean ones, each piece of damage found at
//! its place on the extracted ones, and the extracted 55/109 cleaned into a text that reads
//! like the clean seeds without losing a word.

mod common;

use coquille::diagnostic::Applicability;
use coquille::document::{BlockKind, Document, FootnoteStyle};
use coquille::fix::fix_text;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

use common::{findings, read_fixture};

const EXTRACTED_55: &str = "A_RES_55_109.pdf-extracted.txt";
const EXTRACTED_62: &str = "A_RES_62_160.pdf-extracted.txt";

type Found = Vec<(&'static str, usize, usize, String)>;

fn found(list: &[(&'static str, usize, usize, &str)]) -> Found {
    list.iter()
        .map(|&(rule, line, column, text)| (rule, line, column, text.to_owned()))
        .collect()
}

#[test]
fn the_clean_seeds_and_the_udhr_get_no_ocr_finding() {
    for name in [
        "A_RES_52_134.txt",
        "A_RES_58_170.txt",
        "A_RES_66_152.txt",
        "udhr-fr.txt",
    ] {
        assert_eq!(findings("ocr", &read_fixture(name)), [], "{name}");
    }
}

#[test]
fn the_extracted_55_109_gets_each_piece_of_damage_at_its_place() {
    let wrap = |line, column| ("ocr-line-break", line, column, "\n");
    let expected = found(&[
        wrap(1, 75),
        wrap(6, 71),
        ("ocr-footnote-marker", 9, 18, "1"),
        wrap(12, 77),
        ("ocr-footnote-marker", 15, 77, "2"),
        wrap(19, 77),
        ("ocr-hyphenation", 24, 75, "-"),
        wrap(25, 85),
        wrap(28, 84),
        wrap(32, 80),
        ("ocr-page-artifact", 36, 1, &" ".repeat(58)),
        ("ocr-footnote-marker", 37, 1, "1"),
        wrap(37, 98),
        ("ocr-footnote-marker", 39, 1, "2"),
        ("ocr-page-artifact", 43, 1, "A/RES/55/109"),
        wrap(47, 82),
        wrap(51, 69),
        ("ocr-footnote-marker", 54, 33, "3"),
        wrap(58, 74),
        wrap(63, 73),
        wrap(69, 80),
        wrap(74, 67),
        wrap(80, 79),
        wrap(85, 71),
        ("ocr-footnote-marker", 87, 2, "3"),
    ]);
    assert_eq!(findings("ocr", &read_fixture(EXTRACTED_55)), expected);
}

#[test]
fn the_extracted_62_160_gets_its_spaced_marks_rule_and_lone_numbers() {
    let expected = found(&[
        ("ocr-line-break", 16, 54, "\n"),
        ("ocr-line-break", 19, 68, "\n"),
        ("ocr-footnote-marker", 23, 6, "1"),
        ("ocr-footnote-marker", 25, 78, "2"),
        ("ocr-line-break", 25, 79, "\n"),
        ("ocr-footnote-marker", 29, 9, "3"),
        ("ocr-line-break", 30, 65, "\n"),
        ("ocr-line-break", 35, 73, "\n"),
        ("ocr-line-break", 39, 70, "\n"),
        ("ocr-page-artifact", 43, 1, "_______________"),
        ("ocr-footnote-marker", 44, 1, "1"),
        ("ocr-footnote-marker", 48, 1, "3"),
        ("ocr-line-break", 49, 103, "\n"),
        ("ocr-footnote-marker", 51, 1, "2"),
    ]);
    assert_eq!(findings("ocr", &read_fixture(EXTRACTED_62)), expected);
}

/// The extracted text cleaned with every rule and every fix, as `check --fix --unsafe-fixes`
/// does.
fn cleaned(name: &str) -> String {
    cleaned_by(name, Linter::all_rules())
}

/// The extracted text cleaned by the ocr group alone: what the snapshot pins, so that it does
/// not change with the typography rules (`Supplément no 3` stays for `numero-abbreviation`).
fn cleaned_by_the_ocr_group(name: &str) -> String {
    let rules = Registry::builtin()
        .select(&["ocr".to_owned()], &[])
        .unwrap();
    cleaned_by(name, Linter::new(rules, Settings::default()))
}

fn cleaned_by(name: &str, linter: Linter) -> String {
    let outcome = fix_text(&linter, &read_fixture(name), Applicability::Unsafe);
    assert!(outcome.converged, "{name}");
    outcome.text
}

#[test]
fn the_cleaned_55_109_reads_like_the_clean_seeds() {
    let text = cleaned(EXTRACTED_55);
    let document = Document::parse(&text);
    assert!(document.title.is_some() && document.opener.is_some());
    assert_eq!(document.paragraphs.len(), 14);
    for paragraph in &document.paragraphs {
        assert_eq!(paragraph.lines.len(), 1, "one line per paragraph");
    }
    assert_eq!(document.line_joins(), [], "nothing left hard-wrapped");
    assert!(
        !document
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::PageFurniture(_))),
        "no page furniture"
    );
    assert!(!text.lines().any(|l| l == "A/RES/55/109" || l == "2"));
    assert!(!text.lines().any(|l| !l.is_empty() && l.trim().is_empty()));

    let marked_words: Vec<&str> = document
        .footnote_references
        .iter()
        .map(|r| {
            assert_eq!(r.style, FootnoteStyle::Superscript);
            let start = text[..r.span.start].rfind(' ').unwrap() + 1;
            let end = r.span.end + text[r.span.end..].find(' ').unwrap();
            &text[start..end]
        })
        .collect();
    assert_eq!(marked_words, ["l’homme¹,", "l’homme²,", "l’homme\u{a0}»³,"]);
    let definitions: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(['¹', '²', '³']))
        .map(|l| &l[..l.char_indices().nth(16).unwrap().0])
        .collect();
    assert_eq!(
        definitions,
        ["¹ Voir Documents", "² A/CONF.157/24 ", "³ Voir E/CN.4/20"]
    );
    assert!(text.contains("Supplément n° 3 et rectificatif"));
    assert!(!text.contains(" no 3"));
    assert_eq!(findings("ocr", &text), [], "the ocr group is done");
    assert_eq!(findings("structure", &text), [], "footnotes still match");
    insta::assert_snapshot!(cleaned_by_the_ocr_group(EXTRACTED_55));
}

#[test]
fn every_word_of_the_extracted_texts_is_still_there_in_order() {
    for name in [EXTRACTED_55, EXTRACTED_62] {
        let original = read_fixture(name);
        let document = Document::parse(&original);
        let kept: String = document
            .blocks
            .iter()
            .filter(|b| !matches!(b.kind, BlockKind::PageFurniture(_)))
            .map(|b| document.text(b.span))
            .collect();
        assert_same_words(&kept, &cleaned(name), name);
    }
}

#[test]
fn a_second_cleaning_changes_nothing() {
    let once = cleaned(EXTRACTED_55);
    let outcome = fix_text(&Linter::all_rules(), &once, Applicability::Unsafe);
    assert_eq!(outcome.applied.total(), 0);
    assert_eq!(outcome.text, once);
}

/// A word of a text: a run of letters, of digits, or of superscript digits (read as digits),
/// and whether a hyphen ends it at a line end.
#[derive(Debug)]
struct Word {
    text: String,
    cut: bool,
}

fn words(text: &str) -> Vec<Word> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
        Superscript,
    }
    let class = |c: char| {
        if c.is_alphabetic() {
            Some(Class::Letter)
        } else if c.is_ascii_digit() {
            Some(Class::Digit)
        } else if "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c) {
            Some(Class::Superscript)
        } else {
            None
        }
    };
    let mut words: Vec<Word> = Vec::new();
    let mut current: Option<Class> = None;
    for (at, c) in text.char_indices() {
        // `n°` is what extraction spells `no`: the same word, as numero-abbreviation fixes it.
        let c = if c == '°' { 'o' } else { c };
        let this = class(c);
        if this.is_some() && this == current {
            words.last_mut().unwrap().text.push(digit_of(c));
        } else if this.is_some() {
            words.push(Word {
                text: digit_of(c).to_string(),
                cut: false,
            });
        } else if c == '-' && current == Some(Class::Letter) {
            let rest = text[at + 1..].trim_start_matches([' ', '\r']);
            if rest.starts_with('\n') {
                words.last_mut().unwrap().cut = true;
            }
        }
        current = this;
    }
    words
}

fn digit_of(c: char) -> char {
    match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
        Some(value) => char::from_digit(value as u32, 10).unwrap(),
        None => c,
    }
}

/// Asserts that `cleaned` has the words of `original` in the same order, a word cut at a line
/// end (`renforce-` / `ment`) matching either the joined word or its two parts.
fn assert_same_words(original: &str, cleaned: &str, name: &str) {
    let before = words(original);
    let after = words(cleaned);
    let (mut i, mut j) = (0, 0);
    while i < before.len() && j < after.len() {
        if before[i].text == after[j].text {
            i += 1;
            j += 1;
        } else if before[i].cut
            && before
                .get(i + 1)
                .is_some_and(|next| format!("{}{}", before[i].text, next.text) == after[j].text)
        {
            i += 2;
            j += 1;
        } else {
            let context: Vec<&str> = before[i.saturating_sub(5)..(i + 5).min(before.len())]
                .iter()
                .map(|w| w.text.as_str())
                .collect();
            panic!(
                "{name}: word {i} `{}` became `{}` (around: {})",
                before[i].text,
                after[j].text,
                context.join(" ")
            );
        }
    }
    assert_eq!(
        (before.len() - i, after.len() - j),
        (0, 0),
        "{name}: words left over"
    );
}
