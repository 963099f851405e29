//! `unused-suppression`: a `coquille-disable` comment that suppresses nothing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, SuppressionKind};
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// The rule's id, which the linter looks for when it applies the suppressions.
pub(crate) const ID: &str = "unused-suppression";

/// Flags every suppression comment; the linter then drops the findings of those that did
/// suppress a finding (see [`crate::suppression`]), so that only the unused ones remain.
pub struct UnusedSuppression;

static META: RuleMeta = RuleMeta {
    id: ID,
    group: Group::Structure,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "A suppression comment suppresses no finding",
    explanation: "\
### What it does
Finds the comments `<!-- coquille-disable RULE -->` and
`<!-- coquille-disable-next-line RULE -->` that hide no finding: the fault they were written
for has been corrected, or the rule id is misspelt. RULE is one or more rule ids or groups,
separated by spaces or commas, or nothing for every rule; `<!-- coquille-enable RULE -->`
ends a `coquille-disable`.

A suppression naming only rules that do not run (`--ignore`, `--select`, `off`) is not
reported: nothing can be said about it.

### Why is this bad?
A stale suppression hides the next real fault at that place, and tells the reader that
something is wrong there when nothing is. Remove it.",
    examples: &[Example {
        bad: "<!-- coquille-disable-next-line footnote-order -->\nRappelant sa résolution 55/2¹,\n\n¹ Voir.\n",
        good: "Rappelant sa résolution 55/2¹,\n\n¹ Voir.\n",
    }],
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        for suppression in &document.suppressions {
            let what = match suppression.kind {
                SuppressionKind::Disable => "ce commentaire ne masque aucun signalement",
                SuppressionKind::NextLine => "la ligne suivante n'a aucun signalement à masquer",
            };
            diagnostics.push(
                META.diagnostic(suppression.comment, "suppression inutilisée")
                    .with_label(what)
                    .with_help("Supprimez le commentaire, ou corrigez l'identifiant de la règle."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Linter;

    /// `(flagged text, rule)` of every finding of all the built-in rules on `text`.
    fn findings(text: &str) -> Vec<(&str, &'static str)> {
        Linter::all_rules()
            .check(text)
            .into_iter()
            .map(|d| (d.span.text(text), d.rule))
            .collect()
    }

    const UNORDERED: &str =
        "Vu la résolution 55/2² et la résolution 57/224¹,\n\n¹ Voir.\n\n² Voir.\n";

    #[test]
    fn pass() {
        assert_eq!(findings(UNORDERED), [("¹", "footnote-order")]);
        let hidden = format!("<!-- coquille-disable-next-line footnote-order -->\n{UNORDERED}");
        assert_eq!(findings(&hidden), []);
        let by_group = format!("<!-- coquille-disable structure -->\n{UNORDERED}");
        assert_eq!(findings(&by_group), []);
        let all = format!("<!-- coquille-disable -->\n{UNORDERED}<!-- coquille-enable -->\n");
        assert_eq!(findings(&all), []);
    }

    #[test]
    fn fail() {
        let elsewhere =
            format!("<!-- coquille-disable-next-line footnote-order -->\n\n{UNORDERED}");
        assert_eq!(
            findings(&elsewhere),
            [
                (
                    "<!-- coquille-disable-next-line footnote-order -->",
                    "unused-suppression"
                ),
                ("¹", "footnote-order"),
            ]
        );
        let closed = format!(
            "<!-- coquille-disable footnote-order -->\n<!-- coquille-enable footnote-order -->\n{UNORDERED}"
        );
        assert_eq!(
            findings(&closed),
            [
                (
                    "<!-- coquille-disable footnote-order -->",
                    "unused-suppression"
                ),
                ("¹", "footnote-order"),
            ]
        );
        let other_rule = format!("<!-- coquille-disable ocr -->\n{UNORDERED}");
        assert_eq!(
            findings(&other_rule),
            [
                ("<!-- coquille-disable ocr -->", "unused-suppression"),
                ("¹", "footnote-order"),
            ]
        );
    }
}
