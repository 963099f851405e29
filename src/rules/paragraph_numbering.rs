//! `paragraph-numbering`: operative paragraphs count 1, 2, 3 …; their sub-paragraphs
//! a), b), c) … and i), ii), iii) ….

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, SubLabelStyle};
use crate::settings::Settings;

use super::sequence::{check_sequence, Fault, Numbered};
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags operative paragraph numbers and sub-paragraph labels that skip, repeat, go
/// backwards, are swapped or do not start at the first value.
pub struct ParagraphNumbering;

static META: RuleMeta = RuleMeta {
    id: "paragraph-numbering",
    group: Group::Structure,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "Operative paragraphs and sub-paragraphs must be numbered without gaps or repeats",
    explanation: "\
### What it does
Checks that the operative paragraphs of a resolution are numbered 1, 2, 3 … and that the
sub-paragraphs of each paragraph are lettered a), b), c) …, with roman numerals i), ii),
iii) … inside them. A number that skips, repeats, goes backwards, or does not start at the
first value is reported at the number itself, with the value expected there. Two swapped
labels are reported once.

### Why is this bad?
Paragraphs are cited by number (`paragraphe 4 de la résolution 58/170`): a wrong number makes
every later citation point at the wrong text.",
    examples: &[
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Réaffirme* son appui ;\n\n3. *Décide* de poursuivre l'examen de la question.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Réaffirme* son appui ;\n\n2. *Décide* de poursuivre l'examen de la question.\n",
        },
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Prie* le Secrétaire général :\n\nb) De faire rapport ;\n\na) De consulter les États.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Prie* le Secrétaire général :\n\na) De consulter les États ;\n\nb) De faire rapport.\n",
        },
    ],
};

/// How a kind of label is named and written.
struct LabelKind {
    noun: &'static str,
    render: fn(u32) -> String,
    help: &'static str,
}

const OPERATIVE: LabelKind = LabelKind {
    noun: "paragraphe",
    render: |value| value.to_string(),
    help: "Les paragraphes du dispositif sont numérotés 1, 2, 3… sans lacune ni répétition.",
};

const LETTER: LabelKind = LabelKind {
    noun: "alinéa",
    render: |value| format!("{})", SubLabelStyle::Letter.render(value)),
    help: "Les alinéas d'un paragraphe sont lettrés a), b), c)… sans lacune ni répétition.",
};

const ROMAN: LabelKind = LabelKind {
    noun: "sous-alinéa",
    render: |value| format!("{})", SubLabelStyle::Roman.render(value)),
    help: "Les sous-alinéas sont numérotés i), ii), iii)… sans lacune ni répétition.",
};

impl Rule for ParagraphNumbering {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let operative: Vec<Numbered> = document
            .operative()
            .map(|(_, number)| Numbered {
                value: number.value,
                span: number.span,
            })
            .collect();
        report(&OPERATIVE, &operative, diagnostics);
        for paragraph in &document.paragraphs {
            let mut letters = Vec::new();
            let mut romans = Vec::new();
            for sub in &paragraph.subparagraphs {
                let label = Numbered {
                    value: sub.label.value,
                    span: sub.label.span,
                };
                match sub.label.style {
                    SubLabelStyle::Letter => {
                        report(&ROMAN, &std::mem::take(&mut romans), diagnostics);
                        letters.push(label);
                    }
                    SubLabelStyle::Roman => romans.push(label),
                }
            }
            report(&ROMAN, &romans, diagnostics);
            report(&LETTER, &letters, diagnostics);
        }
    }
}

fn report(kind: &LabelKind, labels: &[Numbered], diagnostics: &mut Vec<Diagnostic>) {
    for fault in check_sequence(labels) {
        let label = labels[fault.index];
        let written = (kind.render)(label.value);
        let expected = (kind.render)(fault.expected);
        let noun = kind.noun;
        let message = match fault.fault {
            Fault::BadStart => format!("la numérotation des {noun}s commence à {written}"),
            Fault::Skip => format!("{noun} {written} inattendu : {expected} manque"),
            Fault::Repeat => format!("{noun} {written} répété"),
            Fault::Backwards => format!("{noun} {written} en arrière de la numérotation"),
            Fault::Swap => {
                let next = (kind.render)(labels[fault.index + 1].value);
                format!("{noun}s {written} et {next} inversés")
            }
        };
        let mut diagnostic = META
            .diagnostic(label.span, message)
            .with_label(format!("{expected} attendu"))
            .with_help(kind.help);
        if fault.fault == Fault::Swap {
            let next = labels[fault.index + 1];
            let after = (kind.render)(fault.expected + 1);
            diagnostic = diagnostic.with_related(next.span, format!("{after} attendu"));
        }
        diagnostics.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, HEAD};
    use super::ParagraphNumbering;

    #[test]
    fn pass() {
        let texts = [
            "1. *Réaffirme* ;\n\n2. *Décide*.\n",
            "1. *Prie* :\n\na) De consulter :\n\ni) Les États ;\n\nii) Les organisations ;\n\nb) De faire rapport.\n",
            "1. *Prie* :\n\n(a) Les États ;\n\n(b) Les organes.\n",
            "1. *Prie* :\n\na) Un ;\nb) Deux ;\nc) Trois ;\nd) Quatre ;\ne) Cinq ;\nf) Six ;\ng) Sept ;\nh) Huit ;\ni) Neuf.\n",
        ];
        for text in texts {
            assert_findings(&ParagraphNumbering, &[(&format!("{HEAD}{text}"), &[])]);
        }
    }

    #[test]
    fn fail() {
        let cases: [(&str, &[(&str, &str)]); 5] = [
            (
                "2. *Réaffirme* ;\n\n3. *Décide*.\n",
                &[("2", "la numérotation des paragraphes commence à 2")],
            ),
            (
                "1. *Réaffirme* ;\n\n3. *Décide*.\n",
                &[("3", "paragraphe 3 inattendu : 2 manque")],
            ),
            (
                "1. *Réaffirme* ;\n\n1. *Note* ;\n\n2. *Décide*.\n",
                &[("1", "paragraphe 1 répété")],
            ),
            (
                "1. *Prie* :\n\na) Un ;\n\nc) Trois.\n",
                &[("c", "alinéa c) inattendu : b) manque")],
            ),
            (
                "1. *Prie* :\n\na) Un :\n\nii) Deux ;\n\ni) Trois.\n",
                &[("ii", "sous-alinéas ii) et i) inversés")],
            ),
        ];
        for (text, expected) in cases {
            assert_findings(&ParagraphNumbering, &[(&format!("{HEAD}{text}"), expected)]);
        }
    }
}
