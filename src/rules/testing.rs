//! Test helpers: one line of French in, the findings of one rule out.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::Document;

use super::{Registry, Rule};
use crate::settings::Settings;

/// The findings of `rule` on `text`, with the default settings.
pub fn lint(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
    lint_with(rule, text, &Settings::default())
}

/// The findings of `rule` on `text` with `settings`.
pub fn lint_with(rule: &dyn Rule, text: &str, settings: &Settings) -> Vec<Diagnostic> {
    let document = Document::parse(text);
    let mut diagnostics = Vec::new();
    rule.check(&document, settings, &mut diagnostics);
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

/// `text` with the fixes of `diagnostics` applied once, as `--fix` applies them.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic]) -> String {
    let fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    crate::fix::apply_fixes(text, &fixes).0
}

#[test]
fn every_bad_example_is_flagged_and_fixed_and_every_good_one_is_not() {
    for rule in Registry::builtin().rules() {
        let meta = rule.meta();
        assert!(!meta.examples.is_empty(), "{} has no example", meta.id);
        let linter = crate::Linter::new(vec![rule.clone()], Settings::default());
        for (index, example) in meta.examples.iter().enumerate() {
            assert!(
                !lint(rule.as_ref(), example.bad).is_empty(),
                "{} misses its bad example:\n{}",
                meta.id,
                example.bad
            );
            if let Some(fixed) = rule.example_fixed(index) {
                let outcome = crate::fix::fix_text(&linter, example.bad, Applicability::Unsafe);
                assert_eq!(
                    outcome.text, fixed,
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
