//! `footnote-unused`: a footnote that no mark refers to.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags each footnote definition whose number no reference mark carries.
pub struct FootnoteUnused;

static META: RuleMeta = RuleMeta {
    id: "footnote-unused",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A footnote definition is never referred to",
    explanation: "\
### What it does
Finds footnote definitions (`¹ Voir …`, `[^1]: …`, `1 Voir …`) that no reference mark in the
title or the paragraphs points to.

### Why is this bad?
The note is orphaned: its mark was deleted with a sentence, or carries another number.",
    examples: &[Example {
        bad: "Rappelant sa résolution 55/2¹,\n\n¹ Voir résolution 55/2.\n\n² Voir résolution 57/224.\n",
        good: "Rappelant sa résolution 55/2¹ et sa résolution 57/224²,\n\n¹ Voir résolution 55/2.\n\n² Voir résolution 57/224.\n",
    }],
};

impl Rule for FootnoteUnused {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let referenced = document.referenced_footnotes();
        for definition in &document.footnote_definitions {
            let key = definition.key(document.source);
            if !referenced.contains(&key) {
                diagnostics.push(
                    META.diagnostic(definition.mark, format!("note {key} jamais appelée"))
                        .with_label("aucun appel ne renvoie à cette note")
                        .with_help(format!(
                            "Ajoutez l'appel {key} dans le texte ou supprimez la note."
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::FootnoteUnused;

    #[test]
    fn pass() {
        assert_findings(&FootnoteUnused, &[("Vu la résolution¹,\n\n¹ Voir.\n", &[])]);
    }

    #[test]
    fn fail() {
        assert_findings(
            &FootnoteUnused,
            &[
                (
                    "Vu la résolution¹,\n\n¹ Voir.\n\n² Ibid.\n",
                    &[("²", "note 2 jamais appelée")],
                ),
                (
                    "Vu la résolution,\n\n[^a]: Voir.\n",
                    &[("[^a]:", "note a jamais appelée")],
                ),
            ],
        );
    }
}
