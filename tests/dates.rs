//! The dates and consistency groups on real and crafted resolutions: every date, session
//! and citation of the real ones is right, so they are silent; each crafted one holds one
//! fault, found once, at its place, with both sides of a disagreement labelled.

mod common;

use coquille::document::Document;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

use common::{findings, read_fixture, REAL_DOCUMENTS};

type Found = Vec<(&'static str, usize, usize, String)>;

/// The findings of the dates and consistency groups, in order.
fn dates_and_consistency(text: &str) -> Found {
    let mut found = findings("dates", text);
    found.extend(findings("consistency", text));
    found.sort_by_key(|f| (f.1, f.2));
    found
}

#[test]
fn real_resolutions_have_no_date_or_consistency_finding() {
    for name in REAL_DOCUMENTS.iter().chain(&["udhr-fr.txt"]) {
        assert_eq!(dates_and_consistency(&read_fixture(name)), [], "{name}");
    }
}

/// `(fixture, rule, line, column, flagged text)`: the one finding each fixture holds.
const CRAFTED: &[(&str, &str, usize, usize, &str)] = &[
    (
        "date-31-avril.txt",
        "date-invalid",
        24,
        216,
        "31 avril 2003",
    ),
    (
        "date-29-fevrier.txt",
        "date-invalid",
        24,
        61,
        "29 février 2001",
    ),
    ("date-weekday.txt", "date-invalid", 36, 183, "jeudi"),
    ("date-1-janvier.txt", "date-format", 25, 61, "1"),
    (
        "date-month-capitalised.txt",
        "date-format",
        24,
        109,
        "Décembre",
    ),
    (
        "date-month-unaccented.txt",
        "date-format",
        24,
        109,
        "decembre",
    ),
    ("date-month-english.txt", "date-format", 24, 109, "December"),
    ("date-numeric.txt", "date-format", 36, 183, "12/12/1997"),
    (
        "title-symbol-mismatch.txt",
        "session-mismatch",
        18,
        1,
        "58/171",
    ),
    (
        "session-line-mismatch.txt",
        "session-mismatch",
        10,
        1,
        "Cinquante-septième",
    ),
    (
        "deferred-session-not-later.txt",
        "session-mismatch",
        66,
        57,
        "cinquante-huitième",
    ),
    (
        "deferred-session-extracted.txt",
        "session-mismatch",
        85,
        54,
        "cinquante-cinquième",
    ),
    (
        "closing-after-distribution.txt",
        "date-chronology",
        69,
        1,
        "22 décembre 2004",
    ),
    (
        "adoption-line-after-distribution.txt",
        "date-chronology",
        13,
        48,
        "18 décembre 2008",
    ),
    (
        "cited-session-year.txt",
        "date-chronology",
        24,
        106,
        "18 décembre 2009",
    ),
    (
        "cited-year-symbol.txt",
        "date-chronology",
        24,
        216,
        "24 avril 2004",
    ),
    (
        "cited-after-adoption.txt",
        "date-chronology",
        24,
        189,
        "25 mars 2012",
    ),
];

#[test]
fn each_crafted_fault_is_found_once_at_its_place() {
    for &(name, rule, line, column, text) in CRAFTED {
        let found = dates_and_consistency(&read_fixture(&format!("crafted/dates/{name}")));
        assert_eq!(found, [(rule, line, column, text.to_owned())], "{name}");
    }
}

#[test]
fn every_crafted_date_fixture_is_listed() {
    common::assert_fixtures_listed("crafted/dates", CRAFTED.iter().map(|c| c.0));
}

/// `(fixture, line, column, text)` of the other side each disagreement names.
const OTHER_SIDES: &[(&str, usize, usize, &str)] = &[
    ("date-weekday.txt", 36, 189, "18 avril 1997"),
    ("title-symbol-mismatch.txt", 1, 1, "A/RES/58/170"),
    ("session-line-mismatch.txt", 18, 1, "58"),
    ("deferred-session-not-later.txt", 18, 1, "58"),
    ("deferred-session-extracted.txt", 1, 2, "55"),
    ("closing-after-distribution.txt", 8, 1, "9 mars 2004"),
    ("adoption-line-after-distribution.txt", 8, 1, "13 mars 2008"),
    ("cited-session-year.txt", 24, 96, "57"),
    ("cited-year-symbol.txt", 24, 157, "2003"),
    ("cited-after-adoption.txt", 77, 1, "19 décembre 2011"),
];

#[test]
fn each_disagreement_labels_both_sides() {
    let rules = Registry::builtin()
        .select(&["dates".to_owned(), "consistency".to_owned()], &[])
        .unwrap();
    let linter = Linter::new(rules, Settings::default());
    for &(name, line, column, text) in OTHER_SIDES {
        let source = read_fixture(&format!("crafted/dates/{name}"));
        let document = Document::parse(&source);
        let diagnostics = linter.check_document(&document);
        assert_eq!(diagnostics.len(), 1, "{name}");
        let diagnostic = &diagnostics[0];
        assert!(diagnostic.label.is_some(), "{name}: no primary label");
        let [related] = diagnostic.related.as_slice() else {
            panic!("{name}: {:?}", diagnostic.related)
        };
        let at = document.lines.position(&source, related.span.start);
        assert_eq!(
            (at.line, at.column, related.span.text(&source)),
            (line, column, text),
            "{name}"
        );
    }
}

#[test]
fn a_fault_in_the_dates_of_a_text_that_is_no_resolution_is_still_found() {
    let text =
        "Un article rappelle la résolution 57/224 du 18 décembre 2009, adoptée le 31 avril 2003.\n";
    assert_eq!(
        dates_and_consistency(text),
        [
            ("date-chronology", 1, 45, "18 décembre 2009".to_owned()),
            ("date-invalid", 1, 74, "31 avril 2003".to_owned()),
        ]
    );
}
