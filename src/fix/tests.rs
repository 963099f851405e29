//! Applying fixes: conflicts, touching edits, whole fixes, bytes kept, passes.

use std::sync::Arc;

use super::*;
use crate::diagnostic::Severity;
use crate::rules::{FixAvailability, Group, Rule, RuleMeta};
use crate::settings::Settings;

fn edit(start: usize, end: usize, replacement: &str) -> Edit {
    Edit {
        span: Span::new(start, end),
        replacement: replacement.to_owned(),
    }
}

fn fix(edits: &[(usize, usize, &str)]) -> Fix {
    Fix {
        applicability: Applicability::Safe,
        edits: edits.iter().map(|&(s, e, r)| edit(s, e, r)).collect(),
    }
}

/// The text and the indices of the fixes applied.
fn apply(text: &str, fixes: &[Fix]) -> (String, Vec<usize>) {
    apply_fixes(text, &fixes.iter().collect::<Vec<_>>())
}

#[test]
fn fixes_are_applied_in_offset_order_whatever_their_order_in_the_list() {
    let text = "Rappelant sa résolution 57/224";
    let fixes = [
        fix(&[(text.len(), text.len(), ",")]),
        fix(&[(0, 9, "Réaffirmant")]),
    ];
    assert_eq!(
        apply(text, &fixes),
        ("Réaffirmant sa résolution 57/224,".to_owned(), vec![0, 1])
    );
}

#[test]
fn an_overlapping_fix_is_skipped() {
    let fixes = [fix(&[(0, 5, "États")]), fix(&[(3, 8, "x")])];
    assert_eq!(
        apply("Etats-Unis", &fixes),
        ("États-Unis".to_owned(), vec![0])
    );
}

#[test]
fn touching_edits_are_both_applied() {
    let fixes = [
        fix(&[(5, 6, "\u{a0}")]),
        fix(&[(6, 7, ";")]),
        fix(&[(0, 5, "ÉTATS")]),
    ];
    assert_eq!(
        apply("Etats ,", &fixes),
        ("ÉTATS\u{a0};".to_owned(), vec![0, 1, 2])
    );
}

#[test]
fn two_insertions_at_one_offset_conflict_and_the_first_listed_wins() {
    let fixes = [fix(&[(4, 4, ",")]), fix(&[(4, 4, ";")])];
    assert_eq!(apply("paix", &fixes), ("paix,".to_owned(), vec![0]));
}

#[test]
fn an_insertion_touching_a_replacement_goes_before_or_after_it() {
    let fixes = [
        fix(&[(0, 1, "É")]),
        fix(&[(0, 0, "« ")]),
        fix(&[(1, 1, "!")]),
    ];
    assert_eq!(apply("e", &fixes), ("« É!".to_owned(), vec![0, 1, 2]));
}

#[test]
fn an_insertion_inside_a_replacement_conflicts() {
    let fixes = [fix(&[(0, 4, "paix")]), fix(&[(2, 2, "-")])];
    assert_eq!(apply("pays", &fixes), ("paix".to_owned(), vec![0]));
}

#[test]
fn a_fix_is_applied_whole_or_not_at_all() {
    let text = "\"Promotion\" et \"paix\"";
    let quotes = fix(&[(0, 1, "«\u{a0}"), (10, 11, "\u{a0}»")]);
    // Starts after `quotes` but reaches into its second edit: skipped, its first edit too.
    let greedy = fix(&[(1, 2, "p"), (9, 11, "N»")]);
    let other = fix(&[(15, 16, "«\u{a0}"), (20, 21, "\u{a0}»")]);
    assert_eq!(
        apply(text, &[greedy, other, quotes]),
        (
            "«\u{a0}Promotion\u{a0}» et «\u{a0}paix\u{a0}»".to_owned(),
            vec![1, 2]
        )
    );
}

#[test]
fn a_bom_and_crlf_line_endings_are_kept_byte_for_byte() {
    let text = "\u{feff}Rappelant sa résolution\r\nNotant\r\n";
    let end_of_first = text.find("\r\n").unwrap();
    let fixes = [fix(&[(end_of_first, end_of_first, ",")])];
    assert_eq!(
        apply(text, &fixes).0,
        "\u{feff}Rappelant sa résolution,\r\nNotant\r\n"
    );
}

#[test]
fn multi_byte_characters_are_replaced_whole() {
    let text = "l’homme… «Paix»";
    let ellipsis = text.find('…').unwrap();
    let open = text.find('«').unwrap();
    let fixes = [
        fix(&[(ellipsis, ellipsis + '…'.len_utf8(), "...")]),
        fix(&[(open + 2, open + 2, "\u{202f}")]),
    ];
    assert_eq!(apply(text, &fixes).0, "l’homme... «\u{202f}Paix»");
}

#[test]
fn malformed_fixes_are_never_applied() {
    let text = "été";
    let fixes = [
        fix(&[(1, 2, "x")]),                   // splits `é`
        fix(&[(0, 99, "x")]),                  // past the end
        fix(&[(2, 3, "x"), (0, 2, "E")]),      // edits out of order
        fix(&[(0, 2, "E"), (0, 3, "x")]),      // edits overlapping each other
        fix(&[(0, 2, "é")]),                   // changes nothing
        fix(&[]),                              // no edit
        fix(&[(text.len(), text.len(), "s")]), // the only sound one
    ];
    assert_eq!(apply(text, &fixes), ("étés".to_owned(), vec![6]));
}

/// A rule of the tests: `find` gives the replacements it wants on a text.
struct TestRule {
    meta: &'static RuleMeta,
    applicability: Applicability,
    find: fn(&str) -> Vec<(Span, &'static str)>,
}

impl Rule for TestRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, document: &Document, _: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        for (span, replacement) in (self.find)(document.source) {
            let fix = Fix::single(self.applicability, span, replacement);
            diagnostics.push(self.meta.diagnostic(span, "à corriger").with_fix(fix));
        }
    }
}

fn rule(
    id: &'static str,
    applicability: Applicability,
    find: fn(&str) -> Vec<(Span, &'static str)>,
) -> Arc<dyn Rule> {
    let meta = Box::leak(Box::new(RuleMeta {
        id,
        group: Group::Typography,
        severity: Severity::Warning,
        fix: FixAvailability::Safe,
        summary: "",
        explanation: "",
        examples: &[],
    }));
    Arc::new(TestRule {
        meta,
        applicability,
        find,
    })
}

fn linter(rules: Vec<Arc<dyn Rule>>) -> Linter {
    Linter::new(rules, Settings::default())
}

/// Inserts `»` at the end of a text that has none.
fn close_quote(text: &str) -> Vec<(Span, &'static str)> {
    let end = Span::new(text.len(), text.len());
    if text.contains('»') {
        vec![]
    } else {
        vec![(end, "»")]
    }
}

/// Inserts `.` at the end of a text that does not end with one.
fn final_dot(text: &str) -> Vec<(Span, &'static str)> {
    let end = Span::new(text.len(), text.len());
    if text.ends_with('.') {
        vec![]
    } else {
        vec![(end, ".")]
    }
}

/// Every `p` becomes `q` and every `q` becomes `p`: never done.
fn flip(text: &str) -> Vec<(Span, &'static str)> {
    text.match_indices(['p', 'q'])
        .map(|(at, c)| (Span::new(at, at + 1), if c == "p" { "q" } else { "p" }))
        .collect()
}

#[test]
fn a_skipped_fix_waits_for_the_next_pass() {
    let linter = linter(vec![
        rule("final-dot", Applicability::Safe, final_dot),
        rule("close-quote", Applicability::Safe, close_quote),
    ]);
    let outcome = fix_text(&linter, "« paix", Applicability::Safe);
    assert_eq!(outcome.text, "« paix».");
    assert!(outcome.converged);
    assert_eq!(outcome.diagnostics, []);
    let counts: Vec<_> = outcome.applied.iter().collect();
    assert_eq!(counts, [("close-quote", 1), ("final-dot", 1)]);
    assert_eq!(outcome.applied.total(), 2);
}

#[test]
fn unsafe_fixes_apply_only_when_allowed() {
    let linter = linter(vec![
        rule("final-dot", Applicability::Unsafe, final_dot),
        rule("close-quote", Applicability::Safe, close_quote),
    ]);
    let safe = fix_text(&linter, "« paix", Applicability::Safe);
    assert_eq!(safe.text, "« paix»");
    assert_eq!(safe.diagnostics.len(), 1, "the unsafe finding remains");
    assert_eq!(
        safe.diagnostics[0].span,
        Span::new(9, 9),
        "at the fixed text's offset"
    );
    assert_eq!(safe.fixable(Applicability::Unsafe), 1);
    let all = fix_text(&linter, "« paix", Applicability::Unsafe);
    assert_eq!(all.text, "« paix».");
    assert_eq!(all.fixable(Applicability::Unsafe), 0);
}

#[test]
fn fixing_stops_after_the_last_pass_and_keeps_its_text() {
    let linter = linter(vec![rule("flip", Applicability::Safe, flip)]);
    let outcome = fix_text(&linter, "pqp", Applicability::Safe);
    assert!(!outcome.converged);
    assert_eq!(outcome.text, "pqp", "an even number of passes");
    assert_eq!(outcome.applied.total(), 3 * MAX_PASSES);
    assert_eq!(outcome.diagnostics.len(), 3);
}

#[test]
fn a_text_without_fixes_comes_back_as_it_was() {
    let linter = linter(vec![rule("final-dot", Applicability::Safe, final_dot)]);
    let outcome = fix_text(&linter, "\u{feff}Paix.\r\n\r\n.", Applicability::Unsafe);
    assert_eq!(outcome.text, "\u{feff}Paix.\r\n\r\n.");
    assert!(outcome.converged);
    assert_eq!(outcome.applied, FixCounts::default());
}
