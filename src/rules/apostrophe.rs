//! `apostrophe`: one apostrophe throughout a document.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::settings::{Apostrophe, Settings};
use crate::span::Span;

use super::signs::sign_indices;
use super::verbatim::VerbatimCursor;
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags the apostrophes of the minority form in a document that mixes `'` and `’`.
pub struct ApostropheConsistency;

static META: RuleMeta = RuleMeta {
    id: "apostrophe",
    group: Group::Typography,
    severity: Severity::Warning,
    fix: FixAvailability::Safe,
    summary: "A document uses one apostrophe, `'` or `’`, not both",
    explanation: "\
### What it does
Counts the apostrophes between two letters (`l'homme`, `aujourd’hui`) in the whole document.
When both the straight `'` (U+0027) and the typographic `’` (U+2019) occur, each apostrophe of
the less frequent form is reported; on a tie the typographic one wins. A configuration of
`apostrophe = \"typographic\"` or `\"straight\"` imposes one form instead.

Left alone: quotes that are not between letters, symbols, URLs and code spans.

### Why is this bad?
A mix betrays a text pasted together from several sources, and breaks searches.

### Fix
Replaces the apostrophe by the document's form. Safe.",
    examples: &[Example {
        bad: "Rappelant l'adoption de la Déclaration et l’importance qu’elle revêt,\n",
        good: "Rappelant l’adoption de la Déclaration et l’importance qu’elle revêt,\n",
    }],
};

const STRAIGHT: char = '\'';
const TYPOGRAPHIC: char = '’';

impl Rule for ApostropheConsistency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        if settings.apostrophe == Apostrophe::Majority && !has_both_forms(document.source) {
            // Most documents hold one form only: nothing to count.
            return;
        }
        let mut verbatim = VerbatimCursor::new(document);
        let apostrophes: Vec<(usize, char)> =
            sign_indices(document.source, &[STRAIGHT, TYPOGRAPHIC])
                .filter_map(|(at, mark)| {
                    let span = Span::new(at, at + mark.len_utf8());
                    (between_letters(document.source, span) && !verbatim.overlaps(span))
                        .then_some((at, mark))
                })
                .collect();
        let straight = apostrophes.iter().filter(|(_, m)| *m == STRAIGHT).count();
        let typographic = apostrophes.len() - straight;
        let wanted = match settings.apostrophe {
            Apostrophe::Typographic => TYPOGRAPHIC,
            Apostrophe::Straight => STRAIGHT,
            Apostrophe::Majority if straight == 0 || typographic == 0 => return,
            Apostrophe::Majority if straight > typographic => STRAIGHT,
            Apostrophe::Majority => TYPOGRAPHIC,
        };
        let (name, wanted_name) = if wanted == STRAIGHT {
            ("apostrophe typographique", "droite")
        } else {
            ("apostrophe droite", "typographique")
        };
        let reason = match settings.apostrophe {
            Apostrophe::Majority => format!(
                "le document emploie surtout l'apostrophe {wanted_name} ({} contre {})",
                straight.max(typographic),
                straight.min(typographic)
            ),
            _ => format!("la configuration impose l'apostrophe {wanted_name}"),
        };
        for &(at, mark) in apostrophes.iter().filter(|(_, m)| *m != wanted) {
            let span = Span::new(at, at + mark.len_utf8());
            diagnostics.push(
                META.diagnostic(
                    span,
                    format!("{name} dans un document en apostrophes {wanted_name}s"),
                )
                .with_label(format!("« {wanted} » attendue"))
                .with_help(format!("Employez « {wanted} » : {reason}."))
                .with_fix(Fix::single(Applicability::Safe, span, wanted)),
            );
        }
    }
}

/// Whether `text` holds both `'` and `’` anywhere (two vector searches that mostly stop early).
fn has_both_forms(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(b'\'', bytes).is_some()
        && memchr::memmem::find(bytes, TYPOGRAPHIC.encode_utf8(&mut [0; 4]).as_bytes()).is_some()
}

fn between_letters(source: &str, span: Span) -> bool {
    let before = source[..span.start].chars().next_back();
    let after = source[span.end..].chars().next();
    before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, lint_with};
    use super::ApostropheConsistency;
    use crate::settings::{Apostrophe, Settings};

    #[test]
    fn pass() {
        assert_findings(
            &ApostropheConsistency,
            &[
                ("l'homme et l'État, aujourd'hui\n", &[]),
                ("l’homme et l’État, aujourd’hui\n", &[]),
                ("l’homme et le mot 'cité' entre quotes, `l'code`\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &ApostropheConsistency,
            &[
                (
                    "l’homme et l’État, aujourd'hui\n",
                    &[(
                        "'",
                        "apostrophe droite dans un document en apostrophes typographiques",
                    )],
                ),
                (
                    "l'homme et l’État\n",
                    &[(
                        "'",
                        "apostrophe droite dans un document en apostrophes typographiques",
                    )],
                ),
                (
                    "l'homme, l'État et l’ONU\n",
                    &[(
                        "’",
                        "apostrophe typographique dans un document en apostrophes droites",
                    )],
                ),
            ],
        );
    }

    #[test]
    fn a_configured_form_is_imposed() {
        let settings = Settings {
            apostrophe: Apostrophe::Typographic,
            ..Settings::default()
        };
        let found = lint_with(&ApostropheConsistency, "l'homme et l'État\n", &settings);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].help.as_deref(),
            Some("Employez « ’ » : la configuration impose l'apostrophe typographique.")
        );
    }
}
