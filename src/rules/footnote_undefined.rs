//! `footnote-undefined`: a reference mark with no footnote to point to.

use foldhash::HashSet;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, FootnoteKey};
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags each footnote reference whose number has no definition.
pub struct FootnoteUndefined;

static META: RuleMeta = RuleMeta {
    id: "footnote-undefined",
    group: Group::Structure,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A footnote reference mark has no footnote definition",
    explanation: "\
### What it does
Finds reference marks (`¹`, `^1^`, `[^1]`, or in extracted text digits glued to a word) whose
number no footnote definition carries (`¹ Voir …`, `[^1]: …`, `1 Voir …`).

### Why is this bad?
The reader is sent to a note that does not exist: the definition was lost in a copy, or the
mark has the wrong number.",
    examples: &[Example {
        bad: "Rappelant sa résolution 55/2¹ et sa résolution 57/224²,\n\n¹ Voir résolution 55/2.\n",
        good: "Rappelant sa résolution 55/2¹ et sa résolution 57/224²,\n\n¹ Voir résolution 55/2.\n\n² Voir résolution 57/224.\n",
    }],
};

impl Rule for FootnoteUndefined {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let defined = document.defined_footnotes();
        let mut help = None;
        for reference in &document.footnote_references {
            let key = reference.key(document.source);
            if !defined.contains(&key) {
                let help = help.get_or_insert_with(|| defined_notes(&defined));
                diagnostics.push(
                    META.diagnostic(
                        reference.span,
                        format!("appel de note {key} sans note correspondante"),
                    )
                    .with_label(format!("aucune note {key} n'est définie"))
                    .with_help(help.clone()),
                );
            }
        }
    }
}

/// Defined notes listed in a help at most; a longer list keeps its ends, so that the help of
/// each finding stays short in a document of thousands of notes.
const LISTED: usize = 10;

/// The help of a finding: which notes the document defines.
fn defined_notes(defined: &HashSet<FootnoteKey>) -> String {
    let mut known: Vec<_> = defined.iter().map(ToString::to_string).collect();
    if known.is_empty() {
        return "Le document ne définit aucune note : ajoutez la note ou supprimez l'appel."
            .to_owned();
    }
    let in_order = |a: &String, b: &String| (a.len(), a).cmp(&(b.len(), b));
    let listed = if known.len() <= LISTED {
        known.sort_by(in_order);
        known.join(", ")
    } else {
        // Only the ends are listed: they are put in place without sorting the thousands of
        // notes between them.
        let half = LISTED / 2;
        known.select_nth_unstable_by(half, in_order);
        let (first, rest) = known.split_at_mut(half);
        let last_start = rest.len() - half;
        rest.select_nth_unstable_by(last_start, in_order);
        let last = &mut rest[last_start..];
        first.sort_by(in_order);
        last.sort_by(in_order);
        format!(
            "{}, …, {} ({} notes)",
            first.join(", "),
            last.join(", "),
            known.len()
        )
    };
    format!("Notes définies : {listed}.")
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, lint};
    use super::FootnoteUndefined;

    #[test]
    fn pass() {
        assert_findings(
            &FootnoteUndefined,
            &[
                (
                    "Vu la résolution^1^ et le rapport[^a],\n\n^1^ Voir.\n[^a]: Voir.\n",
                    &[],
                ),
                ("Une superficie de 12 km² et l’Article 1,\n", &[]),
                ("les droits de l’homme1, sans note en chiffres\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &FootnoteUndefined,
            &[
                (
                    "Vu la résolution¹ et le rapport²,\n\n¹ Voir.\n",
                    &[("²", "appel de note 2 sans note correspondante")],
                ),
                (
                    "Vu le rapport[^a],\n",
                    &[("[^a]", "appel de note a sans note correspondante")],
                ),
            ],
        );
    }

    #[test]
    fn a_long_list_of_defined_notes_keeps_its_ends() {
        let mut text = String::from("Vu le rapport^99^,\n\n");
        for n in 1..=30 {
            text += &format!("^{n}^ Voir.\n");
        }
        let found = lint(&FootnoteUndefined, &text);
        assert_eq!(
            found[0].help.as_deref(),
            Some("Notes définies : 1, 2, 3, 4, 5, …, 26, 27, 28, 29, 30 (30 notes).")
        );
    }
}
