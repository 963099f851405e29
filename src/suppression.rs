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
    diagnostics.retain(|d| {
        if d.rule == unused_suppression::ID {
            return true;
        }
        let mut hidden = false;
        for (index, suppression) in suppressions.iter().enumerate() {
            let covers = suppression.range.start <= d.span.start
                && d.span.start < suppression.range.end
                && suppression.names_rule(d.rule, group(d.rule));
            if covers {
                used[index] = true;
                hidden = true;
            }
        }
        !hidden
    });
    let runs = |name: &str| {
        rules
            .iter()
            .any(|r| r.meta().id == name || r.meta().group.as_str() == name)
    };
    diagnostics.retain(|d| {
        if d.rule != unused_suppression::ID {
            return true;
        }
        suppressions
            .iter()
            .zip(&used)
            .find(|(s, _)| s.comment == d.span)
            .is_none_or(|(s, used)| {
                !used && (s.names.is_empty() || s.names.iter().any(|name| runs(name)))
            })
    });
}
