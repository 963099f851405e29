//! The generated benchmark corpus (`examples/corpus/`): deterministic, files of the right
//! size, a few faults of every rule, and coquille finds each injected fault at its place —
//! and no structural finding besides.

mod common;
#[path = "../examples/corpus/mod.rs"]
mod corpus;

use std::collections::BTreeSet;

use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

use corpus::{long_resolution, resolution, Generated, Spacing, MAX_BYTES, MIN_BYTES};

const SEED: u64 = 1;

/// Enough files for every kind of fault to occur.
const FILES: u64 = 200;

/// The groups whose rules the generator injects faults for.
const GROUPS: [&str; 2] = ["structure", "typography"];

/// Typography findings a document that does not follow the `nbsp` convention has anyway:
/// ordinary or missing spaces before `;` and inside guillemets.
const SPACING_RULES: [&str; 2] = ["space-before-punctuation", "guillemets"];

fn corpus() -> Vec<Generated> {
    (0..FILES).map(|i| resolution(SEED, i)).collect()
}

/// Rules the generator has no faults for yet: suppression comments are not generated, and
/// the pattern rules of the typography pack came later (the extracted seeds' own
/// `Supplément no 3` is copied into the corpus as it is: a real fault, not an injected one).
const NOT_GENERATED: [&str; 4] = [
    "unused-suppression",
    "numero-abbreviation",
    "ordinal-abbreviation",
    "accented-capitals",
];

fn not_generated() -> Vec<String> {
    NOT_GENERATED.map(String::from).to_vec()
}

fn linter(group: &str) -> Linter {
    let rules = Registry::builtin()
        .select(&[group.to_owned()], &not_generated())
        .expect("a group");
    Linter::new(rules, Settings::default())
}

/// The ids of the rules of `group`.
fn group_rules(group: &str) -> Vec<&'static str> {
    Registry::builtin()
        .select(&[group.to_owned()], &not_generated())
        .expect("a group")
        .iter()
        .map(|rule| rule.meta().id)
        .collect()
}

/// `(rule, offset)` of what `group` finds in `text`.
fn found(linter: &Linter, text: &str) -> BTreeSet<(&'static str, usize)> {
    linter
        .check(text)
        .into_iter()
        .map(|d| (d.rule, d.span.start))
        .collect()
}

/// `(rule, offset)` of the faults of `group` injected into `document`.
fn injected(document: &Generated, group: &str) -> BTreeSet<(&'static str, usize)> {
    let rules = group_rules(group);
    document
        .faults
        .iter()
        .filter(|f| rules.contains(&f.rule))
        .map(|f| (f.rule, f.offset))
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    for i in 0..20 {
        assert_eq!(resolution(SEED, i).text, resolution(SEED, i).text);
    }
    assert_ne!(resolution(SEED, 0).text, resolution(SEED + 1, 0).text);
    assert_eq!(
        long_resolution(SEED, 50_000).text,
        long_resolution(SEED, 50_000).text
    );
}

#[test]
fn files_are_3_to_15_kb_and_10_kb_on_average() {
    let sizes: Vec<usize> = corpus().iter().map(|d| d.text.len()).collect();
    for &size in &sizes {
        assert!((MIN_BYTES..=MAX_BYTES).contains(&size), "{size} bytes");
    }
    let mean = sizes.iter().sum::<usize>() / sizes.len();
    assert!((9_000..11_000).contains(&mean), "{mean} bytes on average");
}

#[test]
fn every_rule_of_the_structure_and_typography_groups_gets_faults() {
    let injected: BTreeSet<&str> = corpus()
        .iter()
        .flat_map(|d| d.faults.iter().map(|f| f.rule))
        .collect();
    for group in GROUPS {
        for rule in group_rules(group) {
            assert!(injected.contains(rule), "no fault injected for {rule}");
        }
    }
}

#[test]
fn structure_finds_the_injected_faults_and_nothing_else() {
    let structure = linter("structure");
    for (i, document) in corpus().iter().enumerate() {
        assert_eq!(
            found(&structure, &document.text),
            injected(document, "structure"),
            "file {i}: {}",
            document.name
        );
    }
}

#[test]
fn typography_finds_the_injected_faults_and_only_spacing_besides() {
    let typography = linter("typography");
    for (i, document) in corpus().iter().enumerate() {
        let found = found(&typography, &document.text);
        let injected = injected(document, "typography");
        let missed: Vec<_> = injected.difference(&found).collect();
        assert_eq!(
            missed,
            [] as [&(&str, usize); 0],
            "file {i}: {}",
            document.name
        );
        let besides: Vec<_> = found
            .difference(&injected)
            .filter(|(rule, _)| document.spacing == Spacing::Nbsp || !SPACING_RULES.contains(rule))
            .collect();
        assert_eq!(
            besides,
            [] as [&(&str, usize); 0],
            "file {i}: {}",
            document.name
        );
    }
}

#[test]
fn a_long_resolution_has_its_injected_faults_only() {
    let document = long_resolution(SEED, 300_000);
    assert!((280_000..320_000).contains(&document.text.len()));
    assert!(
        document.faults.len() >= 10,
        "{} faults",
        document.faults.len()
    );
    for group in GROUPS {
        assert_eq!(
            found(&linter(group), &document.text),
            injected(&document, group),
            "{group}"
        );
    }
}

/// One more than the files from which `check` shows a progress bar on a terminal.
const OVER_PROGRESS_THRESHOLD: u64 = 301;

#[test]
fn the_command_line_checks_a_folder_of_them_and_shows_no_progress_bar_in_a_pipe() {
    let folder = tempfile::tempdir().unwrap();
    let documents: Vec<Generated> = (0..OVER_PROGRESS_THRESHOLD)
        .map(|i| resolution(SEED, i))
        .collect();
    for (i, document) in documents.iter().enumerate() {
        let name = format!("{i:03}-{}", document.name);
        std::fs::write(folder.path().join(name), &document.text).unwrap();
    }
    // The environment as it is, without `NO_COLOR`: the pipe alone must keep the bar away.
    let output = common::binary()
        .args(["check", "--format", "json", "--select", &GROUPS.join(",")])
        .arg(folder.path())
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "",
        "stderr is a pipe"
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], OVER_PROGRESS_THRESHOLD);
    let found = report["diagnostics"].as_array().unwrap().len();
    let injected: usize = documents.iter().map(|d| d.faults.len()).sum();
    assert!(found >= injected, "{found} findings, {injected} faults");
}
