//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod fuzz_checks;

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

/// `(rule, line, column, flagged text)` of every finding of the rules of `group` on `text`.
pub fn findings(group: &str, text: &str) -> Vec<(&'static str, usize, usize, String)> {
    findings_with(group, text, Settings::default())
}

/// [`findings`] with `settings`.
pub fn findings_with(
    group: &str,
    text: &str,
    settings: Settings,
) -> Vec<(&'static str, usize, usize, String)> {
    let document = Document::parse(text);
    let rules = Registry::builtin()
        .select(&[group.to_owned()], &[])
        .expect("a known group");
    Linter::new(rules, settings)
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

/// The `*.txt` files of `fixtures/<folder>`, sorted by name.
pub fn fixture_names(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// Asserts that the fixtures of `folder` are exactly `listed` (a table of a test file), so that
/// no fixture goes unasserted.
pub fn assert_fixtures_listed(folder: &str, listed: impl IntoIterator<Item = &'static str>) {
    let mut listed: Vec<String> = listed.into_iter().map(str::to_owned).collect();
    listed.sort();
    assert_eq!(fixture_names(folder), listed, "fixtures of {folder}");
}

/// `(exit code, stdout, stderr)` of the binary run in `dir` with `args`, without colours.
pub fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coquille"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8(output.stderr).expect("UTF-8 errors"),
    )
}

/// [`run_in`] from the repository's root.
pub fn run(args: &[&str]) -> (Option<i32>, String, String) {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}
