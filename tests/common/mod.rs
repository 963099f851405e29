//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use coquille::document::Document;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A fixture's text.
pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `(rule, line, column, flagged text)` of every finding of the structure rules on `text`.
pub fn findings(text: &str) -> Vec<(&'static str, usize, usize, String)> {
    let document = Document::parse(text);
    let structure = Registry::builtin()
        .select(&["structure".to_owned()], &[])
        .expect("the structure group exists");
    Linter::new(structure, Settings::default())
        .check_document(&document)
        .into_iter()
        .map(|d| {
            let at = document.lines.position(text, d.span.start);
            (d.rule, at.line, at.column, d.span.text(text).to_owned())
        })
        .collect()
}

/// The seeds and the other real documents: published, correct texts.
pub const REAL_DOCUMENTS: [&str; 5] = [
    "A_RES_52_134.txt",
    "A_RES_55_109.pdf-extracted.txt",
    "A_RES_58_170.txt",
    "A_RES_62_160.pdf-extracted.txt",
    "A_RES_66_152.txt",
];
