//! `paragraph-punctuation`: preamble paragraphs end with a comma, operative paragraphs with a
//! semicolon (a colon before their sub-paragraphs), the last one with a full stop.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Document, Paragraph, SubLabelStyle};
use crate::settings::{inserted_space, is_inline_space, Settings, Spacing};
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a paragraph whose final punctuation is missing or wrong for its place.
pub struct ParagraphPunctuation;

static META: RuleMeta = RuleMeta {
    id: "paragraph-punctuation",
    group: Group::Structure,
    severity: Severity::Warning,
    fix: FixAvailability::Unsafe,
    summary: "Preamble paragraphs end with a comma, operative ones with a semicolon, the last with a full stop",
    explanation: "\
### What it does
A resolution is one long sentence: `L'Assemblée générale,` then preamble paragraphs that
each end with a comma, then operative paragraphs that each end with a semicolon, the last
one with a full stop. An operative paragraph followed by sub-paragraphs ends its lead-in with
a colon; each sub-paragraph ends with a semicolon (`; et` is accepted), the last one of the
last paragraph with a full stop. Footnote marks and emphasis after the punctuation are
ignored (`… 1997³;` ends with a semicolon).

### Why is this bad?
The punctuation carries the structure of the sentence: a full stop in the middle cuts the
resolution in two, a missing comma glues two considerations together.

### Fix
Inserts or replaces the expected sign. Unsafe: a wrong ending may also mean that a
paragraph was split or merged by mistake.",
    examples: &[
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\nRappelant sa résolution 57/224\n\n1. *Décide* de poursuivre l'examen de la question.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\nRappelant sa résolution 57/224,\n\n1. *Décide* de poursuivre l'examen de la question.\n",
        },
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Réaffirme* son appui ;\n\n2. *Décide* de poursuivre l'examen de la question ;\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Réaffirme* son appui ;\n\n2. *Décide* de poursuivre l'examen de la question.\n",
        },
    ],
};

impl Rule for ParagraphPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let spacing = settings.spacing;
        if !document.is_resolution() {
            return;
        }
        for paragraph in document.preamble() {
            let place = || "le paragraphe du préambule".to_owned();
            check_end(
                document,
                spacing,
                &paragraph.lines,
                ',',
                &place,
                diagnostics,
            );
        }
        let operative: Vec<_> = document.operative().collect();
        for (position, (paragraph, number)) in operative.iter().enumerate() {
            let end = if position + 1 == operative.len() {
                '.'
            } else {
                ';'
            };
            // Named only for a finding: most paragraphs end right.
            let place = || format!("le paragraphe {}", number.value);
            check_paragraph(document, spacing, paragraph, end, &place, diagnostics);
        }
    }
}

/// Checks the lead-in and each sub-paragraph of an operative paragraph.
fn check_paragraph(
    document: &Document,
    spacing: Spacing,
    paragraph: &Paragraph,
    end: char,
    place: &dyn Fn() -> String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let subs = &paragraph.subparagraphs;
    if subs.is_empty() {
        check_end(document, spacing, &paragraph.lines, end, place, diagnostics);
        return;
    }
    let lead_in = || format!("l'introduction du {}", place().trim_start_matches("le "));
    check_end(
        document,
        spacing,
        paragraph.lead_in(),
        ':',
        &lead_in,
        diagnostics,
    );
    for (i, sub) in subs.iter().enumerate() {
        let next = subs.get(i + 1);
        let lines =
            &paragraph.lines[sub.first_line..next.map_or(paragraph.lines.len(), |n| n.first_line)];
        let expected = match next {
            None => end,
            Some(n)
                if sub.label.style == SubLabelStyle::Letter
                    && n.label.style == SubLabelStyle::Roman =>
            {
                ':'
            }
            Some(_) => ';',
        };
        check_end(
            document,
            spacing,
            lines,
            expected,
            &|| format!("l'alinéa {})", sub.label.style.render(sub.label.value)),
            diagnostics,
        );
    }
}

/// Reports `lines` unless their last meaningful character is `expected`.
fn check_end(
    document: &Document,
    spacing: Spacing,
    lines: &[Span],
    expected: char,
    place: &dyn Fn() -> String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(&last_line) = lines.last() else {
        return;
    };
    let Some((found, span)) = document.final_character(last_line) else {
        return;
    };
    let text = document.text(Span::new(last_line.start, span.end));
    let list_joiner = expected == ';'
        && [";et", "; et", ";ou", "; ou"]
            .iter()
            .any(|j| text.ends_with(j));
    if found == expected || list_joiner {
        return;
    }
    let place = place();
    let name = sign_name(expected);
    let help = format!("{} se termine par {name} ({expected}).", capitalise(&place));
    let written = match expected {
        ';' | ':' => format!("{}{expected}", inserted_space(spacing.before(expected))),
        _ => expected.to_string(),
    };
    let diagnostic = if matches!(found, ',' | ';' | ':' | '.') {
        let word_end = document.source[..span.start]
            .trim_end_matches(is_inline_space)
            .len();
        META.diagnostic(
            span,
            format!("{place} se termine par « {found} » au lieu de « {expected} »"),
        )
        .with_label(format!("« {expected} » attendu"))
        .with_fix(Fix::single(
            Applicability::Unsafe,
            Span::new(word_end.max(last_line.start), span.end),
            written,
        ))
    } else {
        let end = last_line.start + document.text(last_line).trim_end().len();
        META.diagnostic(span, format!("{place} ne se termine pas par {name}"))
            .with_label(format!("« {expected} » attendu après ceci"))
            .with_fix(Fix::single(
                Applicability::Unsafe,
                Span::new(end, end),
                written,
            ))
    };
    diagnostics.push(diagnostic.with_help(help));
}

fn sign_name(sign: char) -> &'static str {
    match sign {
        ',' => "une virgule",
        ';' => "un point-virgule",
        ':' => "un deux-points",
        _ => "un point",
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, HEAD};
    use super::ParagraphPunctuation;

    #[test]
    fn pass() {
        let texts = [
            "Rappelant sa résolution 55/2¹,\n\n1. *Réaffirme* ;\n\n2. *Décide*.\n\n¹ Voir.\n",
            "1. *Prie* :\n\na) De consulter ; et\n\nb) De faire rapport ;\n\n2. *Décide*.\n",
            "1. *Décide* de poursuivre l'examen de la question à sa 59^e^ session.*\n",
        ];
        for text in texts {
            assert_findings(&ParagraphPunctuation, &[(&format!("{HEAD}{text}"), &[])]);
        }
        assert_findings(
            &ParagraphPunctuation,
            &[("Un article sans structure\n\nEt un autre", &[])],
        );
    }

    #[test]
    fn fail() {
        let cases: [(&str, &[(&str, &str)]); 4] = [
            (
                "Rappelant sa résolution.\n\n1. *Décide*.\n",
                &[(
                    ".",
                    "le paragraphe du préambule se termine par « . » au lieu de « , »",
                )],
            ),
            (
                "1. *Réaffirme*.\n\n2. *Décide*.\n",
                &[(".", "le paragraphe 1 se termine par « . » au lieu de « ; »")],
            ),
            (
                "1. *Prie* ;\n\na) De consulter ;\n\nb) De faire rapport ;\n",
                &[
                    (
                        ";",
                        "l'introduction du paragraphe 1 se termine par « ; » au lieu de « : »",
                    ),
                    (";", "l'alinéa b) se termine par « ; » au lieu de « . »"),
                ],
            ),
            (
                "1. *Décide* de poursuivre l'examen»\n",
                &[("»", "le paragraphe 1 ne se termine pas par un point")],
            ),
        ];
        for (text, expected) in cases {
            assert_findings(
                &ParagraphPunctuation,
                &[(&format!("{HEAD}{text}"), expected)],
            );
        }
    }
}
