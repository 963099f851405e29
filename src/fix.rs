//! Applying fixes: the edits of the fixes that do not conflict, pass after pass, until no
//! applicable fix remains.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::Document;
use crate::line_index::LineIndex;
use crate::span::Span;
use crate::Linter;

/// Passes after which fixing stops: fixes that undo each other must not loop forever.
pub const MAX_PASSES: usize = 10;

/// How many fixes were applied, per rule id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixCounts(BTreeMap<&'static str, usize>);

impl FixCounts {
    /// Counts `count` more fixes of `rule`.
    pub fn add(&mut self, rule: &'static str, count: usize) {
        *self.0.entry(rule).or_default() += count;
    }

    /// Adds the counts of `other` to these.
    pub fn merge(&mut self, other: &Self) {
        for (rule, count) in other.iter() {
            self.add(rule, count);
        }
    }

    /// How many fixes in all.
    pub fn total(&self) -> usize {
        self.0.values().sum()
    }

    /// `(rule id, count)`, by rule id.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.0.iter().map(|(rule, count)| (*rule, *count))
    }
}

/// A text fixed as far as its fixes go.
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed text (the text as given when nothing applied).
    pub text: String,
    /// The line index of the fixed text.
    pub lines: LineIndex,
    /// The findings that remain on the fixed text, at its offsets.
    pub diagnostics: Vec<Diagnostic>,
    /// The fixes applied, per rule.
    pub applied: FixCounts,
    /// False when fixes still applied after [`MAX_PASSES`] passes: the text is the last
    /// pass's, findings and all.
    pub converged: bool,
}

impl FixOutcome {
    /// How many remaining findings carry a fix of exactly `applicability`.
    pub fn fixable(&self, applicability: Applicability) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == applicability)
            })
            .count()
    }
}

/// Whether `fix` may be applied when fixes up to `allowed` are: `Safe` allows the safe
/// fixes only, `Unsafe` the unsafe ones too.
pub fn is_applicable(fix: &Fix, allowed: Applicability) -> bool {
    allowed == Applicability::Unsafe || fix.applicability == Applicability::Safe
}

/// Applies the fixes of `linter`'s findings on `text` allowed by `allowed`, re-checking
/// after each pass, until none remains or [`MAX_PASSES`] passes have run.
pub fn fix_text(linter: &Linter, text: &str, allowed: Applicability) -> FixOutcome {
    let mut text = text.to_owned();
    let mut applied = FixCounts::default();
    let mut passes = 0;
    loop {
        let document = Document::parse(&text);
        let diagnostics = linter.check_document(&document);
        let (rules, fixes): (Vec<&'static str>, Vec<&Fix>) = diagnostics
            .iter()
            .filter_map(|d| Some((d.rule, d.fix.as_ref()?)))
            .filter(|(_, fix)| is_applicable(fix, allowed))
            .unzip();
        let next = if fixes.is_empty() {
            None
        } else {
            Some(apply_fixes(&text, &fixes)).filter(|(_, taken)| !taken.is_empty())
        };
        match next {
            Some((fixed, taken)) if passes < MAX_PASSES => {
                for index in taken {
                    applied.add(rules[index], 1);
                }
                passes += 1;
                text = fixed;
            }
            next => {
                let lines = document.lines;
                return FixOutcome {
                    text,
                    lines,
                    diagnostics,
                    applied,
                    converged: next.is_none(),
                };
            }
        }
    }
}

/// Applies to `text` every fix of `fixes` that does not conflict with one taken before it,
/// in the order of their first edit (ties in the order given); returns the new text and
/// the indices of the fixes applied, in increasing order.
///
/// A fix is applied whole or not at all. Two edits conflict when they share a byte, when
/// both insert at one offset, or when one inserts strictly inside the other; edits that
/// only touch do not. A fix whose edits fall outside `text`, split a character, conflict
/// with each other or change nothing is never applied.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> (String, Vec<usize>) {
    let mut order: Vec<usize> = (0..fixes.len())
        .filter(|&i| is_well_formed(text, fixes[i]))
        .collect();
    order.sort_by_key(|&i| key(fixes[i].edits[0].span));
    let mut taken_spans = BTreeSet::new();
    let mut taken = Vec::new();
    for index in order {
        let edits = &fixes[index].edits;
        if edits.iter().any(|e| conflicts(&taken_spans, e.span)) {
            continue;
        }
        taken_spans.extend(edits.iter().map(|e| key(e.span)));
        taken.push(index);
    }
    taken.sort_unstable();
    let mut edits: Vec<&Edit> = taken.iter().flat_map(|&i| &fixes[i].edits).collect();
    edits.sort_by_key(|e| key(e.span));
    (splice(text, &edits), taken)
}

/// Sorting key of an edit: by start, an insertion before a replacement starting there.
fn key(span: Span) -> (usize, usize) {
    (span.start, span.end)
}

fn is_well_formed(text: &str, fix: &Fix) -> bool {
    let in_text = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    let changes = |edit: &Edit| edit.span.text(text) != edit.replacement;
    !fix.edits.is_empty()
        && fix.edits.iter().all(|e| in_text(e.span))
        && fix.edits.iter().any(changes)
        && fix
            .edits
            .windows(2)
            .all(|w| key(w[0].span) <= key(w[1].span) && !overlap(w[0].span, w[1].span))
}

/// Whether `span` conflicts with one of `taken`, which do not conflict with each other.
fn conflicts(taken: &BTreeSet<(usize, usize)>, span: Span) -> bool {
    // Taken edits do not overlap, so their ends grow with their starts: of those starting
    // before `span`, only the last can reach into it.
    let before = taken
        .range(..key(Span::new(span.start, span.start)))
        .next_back();
    let within = taken.range(key(Span::new(span.start, span.start))..=(span.end, usize::MAX));
    before
        .into_iter()
        .chain(within)
        .any(|&(start, end)| overlap(Span::new(start, end), span))
}

fn overlap(a: Span, b: Span) -> bool {
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    // An insertion at either end of a replacement touches it; inside, it overlaps.
    a.start < b.end && b.start < a.end
}

/// `text` with `edits` (sorted, not overlapping) applied; every other byte as it was.
fn splice(text: &str, edits: &[&Edit]) -> String {
    let grown: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + grown);
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
