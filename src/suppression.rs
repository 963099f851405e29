//! Applying a document's suppression comments to the findings of its rules: the findings
//! they cover are dropped, and the `unused-suppression` findings of the comments that
//! covered one are dropped too.

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{unused_suppression, Rule};

/// Drops from `diagnostics` what the suppressions of `document` hide; `rules` are the rules
/// that ran.
pub fn apply(document: &Document, rules: &[Arc<dyn Rule>], diagnostics: &mut Vec<Diagnostic>) {
    let suppressions = &document.suppressions;
    if suppressions.is_empty() {
        return;
    }
    let group = |id: &str| {
        rules
            .iter()
            .find(|rule| rule.meta().id == id)
            .map(|rule| rule.meta().group.as_str())
    };
    let mut used = vec![false; suppressions.len()];
    // Findings by offset meet the suppressions by start: each finding is checked against the
    // ranges open at its offset only, not against every suppression of a long document.
    let mut by_start: Vec<usize> = (0..suppressions.len()).collect();
    by_start.sort_by_key(|&index| suppressions[index].range.start);
    let mut by_offset: Vec<usize> = (0..diagnostics.len()).collect();
    by_offset.sort_by_key(|&index| diagnostics[index].span.start);
    let mut hidden = vec![false; diagnostics.len()];
    let (mut next, mut open) = (0, Vec::new());
    for index in by_offset {
        let d = &diagnostics[index];
        if d.rule == unused_suppression::ID {
            continue;
        }
        let at = d.span.start;
        while let Some(&start) = by_start
            .get(next)
            .filter(|&&s| suppressions[s].range.start <= at)
        {
            open.push(start);
            next += 1;
        }
        open.retain(|&s| at < suppressions[s].range.end);
        for &s in &open {
            if suppressions[s].names_rule(d.rule, group(d.rule)) {
                used[s] = true;
                hidden[index] = true;
            }
        }
    }
    let mut hidden = hidden.into_iter();
    diagnostics.retain(|_| !hidden.next().unwrap_or(false));
    let runs = |name: &str| {
        rules
            .iter()
            .any(|r| r.meta().id == name || r.meta().group.as_str() == name)
    };
    diagnostics.retain(|d| {
        if d.rule != unused_suppression::ID {
            return true;
        }
        // The suppressions are in the order of their comments.
        let at = suppressions.partition_point(|s| s.comment.start < d.span.start);
        suppressions
            .get(at)
            .filter(|s| s.comment == d.span)
            .is_none_or(|s| {
                !used[at] && (s.names.is_empty() || s.names.iter().any(|name| runs(name)))
            })
    });
}
