//! `footnote-duplicate`: two footnotes, or two reference marks, with one number.

use foldhash::HashMap;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, FootnoteKey};
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a second definition, or a second reference mark, of the same footnote number.
pub struct FootnoteDuplicate;

static META: RuleMeta = RuleMeta {
    id: "footnote-duplicate",
    group: Group::Structure,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "Two footnote definitions, or two reference marks, share one number",
    explanation: "\
### What it does
Finds a footnote number defined twice, and a footnote number referred to twice. In a
resolution each note is called exactly once and defined exactly once; the second occurrence
is reported, with the first shown beside it.

### Why is this bad?
With two notes `²`, a reader cannot tell which one a mark means; a mark used twice usually
means a note was renumbered and another mark was not.",
    examples: &[
        Example {
            bad: "Rappelant sa résolution 55/2¹,\n\n¹ Voir résolution 55/2.\n\n¹ Voir résolution 57/224.\n",
            good: "Rappelant sa résolution 55/2¹,\n\n¹ Voir résolution 55/2.\n",
        },
        Example {
            bad: "Rappelant sa résolution 55/2¹ et sa résolution 57/224¹,\n\n¹ Voir résolution 55/2.\n",
            good: "Rappelant sa résolution 55/2¹ et sa résolution 57/224²,\n\n¹ Voir résolution 55/2.\n\n² Voir résolution 57/224.\n",
        },
    ],
};

impl Rule for FootnoteDuplicate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let definitions = document
            .footnote_definitions
            .iter()
            .map(|d| (d.key(document.source), d.mark));
        for (key, first, second) in repeats(definitions) {
            diagnostics.push(
                META.diagnostic(second, format!("note {key} définie deux fois"))
                    .with_label("seconde définition")
                    .with_related(first, "première définition")
                    .with_help("Chaque note porte un numéro unique : renumérotez l'une des deux ou fusionnez-les."),
            );
        }
        let references = document
            .footnote_references
            .iter()
            .map(|r| (r.key(document.source), r.span));
        for (key, first, second) in repeats(references) {
            diagnostics.push(
                META.diagnostic(second, format!("appel de note {key} répété"))
                    .with_label("second appel")
                    .with_related(first, "premier appel")
                    .with_help(
                        "Chaque note est appelée une seule fois : vérifiez le numéro de cet appel.",
                    ),
            );
        }
    }
}

/// For each key seen again: the key, its first place and the repeated place.
fn repeats<'a>(
    items: impl Iterator<Item = (FootnoteKey<'a>, Span)>,
) -> Vec<(FootnoteKey<'a>, Span, Span)> {
    let mut first: HashMap<FootnoteKey, Span> = HashMap::default();
    items
        .filter_map(|(key, span)| match first.get(&key) {
            Some(&earlier) => Some((key, earlier, span)),
            None => {
                first.insert(key, span);
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::FootnoteDuplicate;

    #[test]
    fn pass() {
        assert_findings(
            &FootnoteDuplicate,
            &[(
                "Vu la résolution¹ et le rapport²,\n\n¹ Voir.\n² Ibid.\n",
                &[],
            )],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &FootnoteDuplicate,
            &[
                (
                    "Vu la résolution¹,\n\n¹ Voir.\n¹ Ibid.\n",
                    &[("¹", "note 1 définie deux fois")],
                ),
                (
                    "Vu la résolution¹ et le rapport¹,\n\n¹ Voir.\n",
                    &[("¹", "appel de note 1 répété")],
                ),
            ],
        );
    }
}
