//! The structure rules on real and crafted resolutions: the real ones are silent, each
//! crafted one is flagged once, with the right rule, at the right line and column.

mod common;

use common::{findings, read_fixture, REAL_DOCUMENTS};

#[test]
fn real_resolutions_have_no_structural_finding() {
    for name in REAL_DOCUMENTS.iter().chain(&["udhr-fr.txt"]) {
        assert_eq!(findings("structure", &read_fixture(name)), [], "{name}");
    }
}

/// `(fixture, rule, line, column, flagged text)`: the one finding each crafted fixture holds.
const CRAFTED: &[(&str, &str, usize, usize, &str)] = &[
    ("numbering-skipped.txt", "paragraph-numbering", 38, 1, "4"),
    ("numbering-repeated.txt", "paragraph-numbering", 56, 1, "5"),
    (
        "extracted-numbering-repeated.txt",
        "paragraph-numbering",
        80,
        1,
        "4",
    ),
    (
        "subparagraphs-swapped.txt",
        "paragraph-numbering",
        74,
        1,
        "b",
    ),
    ("footnote-unused.txt", "footnote-unused", 34, 1, "²"),
    ("footnote-undefined.txt", "footnote-undefined", 26, 476, "⁴"),
    ("footnote-duplicate.txt", "footnote-duplicate", 36, 1, "²"),
    ("footnote-order.txt", "footnote-order", 24, 201, "²"),
    (
        "final-full-stop-missing.txt",
        "paragraph-punctuation",
        66,
        82,
        "n",
    ),
    (
        "preamble-comma-missing.txt",
        "paragraph-punctuation",
        44,
        177,
        "e",
    ),
];

#[test]
fn each_crafted_fault_is_found_once_at_its_place() {
    for &(name, rule, line, column, text) in CRAFTED {
        let found = findings("structure", &read_fixture(&format!("crafted/{name}")));
        assert_eq!(found, [(rule, line, column, text.to_owned())], "{name}");
    }
}

#[test]
fn every_crafted_fixture_is_listed() {
    common::assert_fixtures_listed("crafted", CRAFTED.iter().map(|c| c.0));
}

#[test]
fn the_fix_of_a_missing_full_stop_inserts_it_after_the_last_word() {
    let text = read_fixture("crafted/final-full-stop-missing.txt");
    let diagnostics = coquille::Linter::new(
        coquille::rules::Registry::builtin()
            .select(&["paragraph-punctuation".to_owned()], &[])
            .unwrap(),
        coquille::settings::Settings::default(),
    )
    .check(&text);
    let fix = diagnostics[0].fix.as_ref().expect("a fix");
    let edit = &fix.edits[0];
    assert_eq!(
        fix.applicability,
        coquille::diagnostic::Applicability::Unsafe
    );
    let mut fixed = text.clone();
    fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
    assert_eq!(fixed, read_fixture("A_RES_58_170.txt"));
}

#[test]
fn every_byte_of_every_fixture_belongs_to_exactly_one_block() {
    for entry in walk(&common::fixtures()) {
        let text = std::fs::read_to_string(&entry).unwrap();
        let document = coquille::document::Document::parse(&text);
        let mut start = 0;
        for block in &document.blocks {
            assert_eq!(block.span.start, start, "{}", entry.display());
            start = block.span.end;
        }
        assert_eq!(start, text.len(), "{}", entry.display());
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files
}
