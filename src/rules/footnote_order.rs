//! `footnote-order`: footnotes numbered in the order they are first called.

use foldhash::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a reference whose number is lower than one called before it.
pub struct FootnoteOrder;

static META: RuleMeta = RuleMeta {
    id: "footnote-order",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "Footnote numbers must increase in the order of their first reference",
    explanation: "\
### What it does
Walks the reference marks in reading order and reports a first reference whose number is
lower than a number already called (`¹ … ³ … ²`): the mark `²` is reported, with the `³`
before it.

### Why is this bad?
Notes are numbered in the order the reader meets them; a number out of order usually means
that a passage was moved without renumbering its notes.",
    examples: &[Example {
        bad: "Rappelant sa résolution 55/2² et sa résolution 57/224¹,\n\n¹ Voir résolution 57/224.\n\n² Voir résolution 55/2.\n",
        good: "Rappelant sa résolution 55/2¹ et sa résolution 57/224²,\n\n¹ Voir résolution 55/2.\n\n² Voir résolution 57/224.\n",
    }],
};

impl Rule for FootnoteOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let mut seen = HashSet::default();
        let mut highest: Option<(u32, Span)> = None;
        for reference in &document.footnote_references {
            let Some(number) = reference.number else {
                continue;
            };
            if !seen.insert(number) {
                continue;
            }
            match highest {
                Some((high, high_span)) if number < high => diagnostics.push(
                    META.diagnostic(
                        reference.span,
                        format!("appel de note {number} après l'appel {high}"),
                    )
                    .with_label(format!("{number} vient après {high}"))
                    .with_related(high_span, format!("appel {high}"))
                    .with_help(
                        "Les notes sont numérotées dans l'ordre de leur premier appel : 1, 2, 3…",
                    ),
                ),
                _ => highest = Some((number, reference.span)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::FootnoteOrder;

    #[test]
    fn pass() {
        assert_findings(
            &FootnoteOrder,
            &[
                ("Vu la résolution¹, le rapport² et la note³,\n", &[]),
                ("Vu la résolution¹, le rapport³,\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &FootnoteOrder,
            &[
                (
                    "Vu la résolution¹, le rapport³ et la note²,\n",
                    &[("²", "appel de note 2 après l'appel 3")],
                ),
                (
                    "Vu la résolution², le rapport¹ et la note³,\n",
                    &[("¹", "appel de note 1 après l'appel 2")],
                ),
            ],
        );
    }
}
