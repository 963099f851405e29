//! Helpers shared by the integration tests.

#![allow(dead_code)]

pub mod fuzz_checks;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use coquille::document::Document;
use coquille::render::{self, Format, Options, Style};
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::{Linter, Report};

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

/// The binary, to be run from the repository's root, with the environment of the tests as it
/// is: for the tests that set up their run themselves. The others take the helpers below,
/// which turn colours off.
pub fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coquille"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// The output of the binary run in `dir` with `args`, without colours.
pub fn coquille_in(dir: &Path, args: &[&str]) -> Output {
    binary()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// [`coquille_in`] from the repository's root.
pub fn coquille(args: &[&str]) -> Output {
    coquille_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// [`coquille`] with `stdin` piped in as its standard input.
pub fn coquille_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    output_with_stdin(binary().args(args).env("NO_COLOR", "1"), stdin)
}

/// The output of `command` run with `stdin` piped in as its standard input.
pub fn output_with_stdin(command: &mut Command, stdin: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// `(exit code, stdout, stderr)` of `output`.
pub fn code_and_streams(output: Output) -> (Option<i32>, String, String) {
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8(output.stderr).expect("UTF-8 errors"),
    )
}

/// `(exit code, stdout, stderr)` of [`coquille_in`].
pub fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    code_and_streams(coquille_in(dir, args))
}

/// [`run_in`] from the repository's root.
pub fn run(args: &[&str]) -> (Option<i32>, String, String) {
    code_and_streams(coquille(args))
}

/// `report` written in `format` as a terminal 100 columns wide without colour would show it,
/// rules described from the built-in registry.
pub fn render_report(report: &Report, format: Format, statistics: bool) -> String {
    let registry = Registry::builtin();
    let options = Options {
        style: Style {
            color: false,
            width: 100,
        },
        statistics,
        registry: &registry,
    };
    let mut out = Vec::new();
    render::write_report(report, format, &options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
