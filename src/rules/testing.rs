//! Test helpers: one line of French in, the findings of one rule out.

use crate::diagnostic::{Diagnostic, Edit};
use crate::document::Document;

use super::{Registry, Rule};
use crate::settings::Settings;

/// The findings of `rule` on `text`.
pub fn lint(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    let document = Document::parse(text);
    let mut diagnostics = Vec::new();
    rule.check(&document, &Settings::default(), &mut diagnostics);
    diagnostics
}

/// `(flagged text, message)` of each finding of `rule` on `text`.
pub fn findings(rule: &dyn Rule, text: &str) -> Vec<(String, String)> {
    lint(rule, text)
        .into_iter()
        .map(|d| (d.span.text(text).to_owned(), d.message))
        .collect()
}

/// A resolution's opening lines, for tests of the rules that need one.
pub const HEAD: &str = "58/170. Titre\n\nL'Assemblée générale,\n\n";

/// Asserts that `rule` finds exactly `expected` (flagged text, message) on each text.
pub fn assert_findings(rule: &dyn Rule, cases: &[(&str, &[(&str, &str)])]) {
    for (text, expected) in cases {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(flagged, message)| ((*flagged).to_owned(), (*message).to_owned()))
            .collect();
        assert_eq!(findings(rule, text), expected, "on:\n{text}");
    }
}

/// `text` with the edits of every fix of `diagnostics` applied (they must not overlap).
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut edits: Vec<&Edit> = diagnostics
        .iter()
        .flat_map(|d| d.fix.iter().flat_map(|fix| &fix.edits))
        .collect();
    edits.sort_by_key(|edit| edit.span);
    let mut fixed = String::with_capacity(text.len());
    let mut copied = 0;
    for edit in edits {
        assert!(edit.span.start >= copied, "overlapping edits on:\n{text}");
        fixed.push_str(&text[copied..edit.span.start]);
        fixed.push_str(&edit.replacement);
        copied = edit.span.end;
    }
    fixed.push_str(&text[copied..]);
    fixed
}

#[test]
fn every_bad_example_is_flagged_and_fixed_and_every_good_one_is_not() {
    for rule in Registry::builtin().rules() {
        let meta = rule.meta();
        assert!(!meta.examples.is_empty(), "{} has no example", meta.id);
        for (index, example) in meta.examples.iter().enumerate() {
            let found = lint(rule.as_ref(), example.bad);
            assert!(
                !found.is_empty(),
                "{} misses its bad example:\n{}",
                meta.id,
                example.bad
            );
            if let Some(fixed) = rule.example_fixed(index) {
                assert_eq!(
                    apply_fixes(example.bad, &found),
                    fixed,
                    "{} fixes its bad example otherwise",
                    meta.id
                );
            }
            assert_eq!(
                lint(rule.as_ref(), example.good),
                [],
                "{} flags its good example:\n{}",
                meta.id,
                example.good
            );
        }
    }
}

#[test]
fn ids_are_unique_kebab_case_and_documented() {
    let registry = Registry::builtin();
    let mut ids: Vec<_> = registry.rules().iter().map(|r| r.meta().id).collect();
    for id in &ids {
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{id}"
        );
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), registry.rules().len());
    for rule in registry.rules() {
        assert!(
            rule.meta().explanation.contains("### What it does"),
            "{}",
            rule.meta().id
        );
    }
}
