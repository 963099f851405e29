//! The typography group on the real resolutions and on its own fixtures, under each
//! spacing convention.

mod common;

use coquille::settings::{Settings, Spacing};

use common::{findings, findings_with, read_fixture};

type Found = Vec<(&'static str, usize, usize, String)>;

fn typography(name: &str) -> Found {
    findings("typography", &read_fixture(name))
}

fn typography_with(name: &str, spacing: Spacing) -> Found {
    let settings = Settings {
        spacing,
        ..Settings::default()
    };
    findings_with("typography", &read_fixture(name), settings)
}

fn of_rule(found: &Found, rule: &str) -> Vec<(usize, usize, String)> {
    found
        .iter()
        .filter(|f| f.0 == rule)
        .map(|f| (f.1, f.2, f.3.clone()))
        .collect()
}

#[test]
fn the_extracted_55_109_gets_every_missing_space_and_its_guillemets() {
    let found = typography("A_RES_55_109.pdf-extracted.txt");
    let semicolon = |line, column| (line, column, ";".to_owned());
    assert_eq!(
        of_rule(&found, "space-before-punctuation"),
        [
            semicolon(61, 27),
            semicolon(67, 23),
            semicolon(72, 63),
            semicolon(78, 72),
            semicolon(83, 68)
        ]
    );
    assert_eq!(of_rule(&found, "guillemets"), [(53, 36, "«".to_owned())]);
}

#[test]
fn the_52_134_gets_its_guillemets() {
    let found = typography("A_RES_52_134.txt");
    assert_eq!(of_rule(&found, "guillemets"), [(30, 256, "«".to_owned())]);
}

#[test]
fn with_any_spacing_the_clean_58_170_and_66_152_are_silent() {
    for name in ["A_RES_58_170.txt", "A_RES_66_152.txt"] {
        assert_eq!(typography_with(name, Spacing::Any), [], "{name}");
    }
}

#[test]
fn under_nbsp_ordinary_spaces_are_the_wrong_kind() {
    let found = typography("A_RES_58_170.txt");
    assert_eq!(of_rule(&found, "space-before-punctuation").len(), 9);
    assert_eq!(of_rule(&found, "guillemets"), [(38, 47, "«".to_owned())]);
}

#[test]
fn the_look_alikes_are_left_alone() {
    assert_eq!(typography("typography/look-alikes.md"), []);
}

#[test]
fn each_fault_is_found_at_its_place() {
    let expected: Found = [
        ("space-before-punctuation", 1, 24, ";"),
        ("space-before-punctuation", 1, 48, " "),
        ("guillemets", 2, 11, "«"),
        ("punctuation-spacing", 3, 15, " "),
        ("punctuation-spacing", 3, 16, ","),
        ("punctuation-spacing", 3, 29, " "),
        ("punctuation-spacing", 3, 32, " "),
        ("punctuation-spacing", 3, 41, "."),
        ("apostrophe", 4, 2, "'"),
        ("number-format", 5, 17, "%"),
        ("number-format", 5, 24, "1500000"),
        ("number-format", 5, 47, " "),
        ("whitespace", 6, 9, "  "),
        ("whitespace", 6, 26, "e\u{301}"),
        ("whitespace", 6, 33, " "),
    ]
    .into_iter()
    .map(|(rule, line, column, text)| (rule, line, column, text.to_owned()))
    .collect();
    assert_eq!(typography("typography/faults.md"), expected);
}

#[test]
fn fine_spacing_wants_narrow_spaces_before_semicolons_but_not_colons() {
    let settings = Settings {
        spacing: Spacing::Fine,
        ..Settings::default()
    };
    let text = "la coopération\u{a0}; les États\u{a0}: oui\u{202f}! «\u{202f}Programme\u{202f}»\n";
    let found = findings_with("typography", text, settings);
    assert_eq!(
        found,
        [("space-before-punctuation", 1, 15, "\u{a0}".to_owned())]
    );
}
