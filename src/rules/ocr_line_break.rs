//! `ocr-line-break`: a paragraph, the title or a footnote hard-wrapped line by line, as PDF
//! extraction and OCR leave them.

use std::fmt::Write as _;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{Document, JoinOwner, LineJoin, ParagraphKind};
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a paragraph, title or footnote whose lines are full lines of a wrapped text.
pub struct OcrLineBreak;

static META: RuleMeta = RuleMeta {
    id: "ocr-line-break",
    group: Group::Ocr,
    severity: Severity::Info,
    fix: FixAvailability::Unsafe,
    summary: "A paragraph is one line, not hard-wrapped as PDF extraction leaves it",
    explanation: "\
### What it does
Flags a paragraph, the title or a footnote definition written over several lines where each
line is full: the first word of the next line would not have fit on it at the width the text
was wrapped at (nearly its longest line, with some slack for proportional fonts). Reported
once per paragraph, at its first line break. A short line before the next one is a break
someone meant (`Article premier` above its text) and stays; so does the line before a
sub-paragraph `a)`, and a paragraph interrupted by footnotes (as clean texts print it). A
paragraph that goes on after a page break is joined across it, the page break itself being
deleted by `ocr-page-artifact`. A line ending with a word cut by a hyphen is left to
`ocr-hyphenation`, which decides whether the hyphen stays.

### Why is this bad?
In a resolution a paragraph is one line. Hard-wrapped lines break searches for phrases that
straddle two lines, diffs against the clean text, and every later reflow.

### Fix
Joins the lines with one space. Unsafe: a line break may have been meant.",
    examples: &[Example {
        bad: "Rappelant sa résolution 54/181 du 17 décembre 1999, prenant note de la\nrésolution 2000/70 de la Commission des droits de l’homme, en date du\n26 avril 2000,\n",
        good: "Rappelant sa résolution 54/181 du 17 décembre 1999, prenant note de la résolution 2000/70 de la Commission des droits de l’homme, en date du 26 avril 2000,\n",
    }],
};

impl Rule for OcrLineBreak {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let joins = document.line_joins();
        for group in joins.chunk_by(|a, b| a.owner == b.owner) {
            let mut breaks = group
                .iter()
                .filter(|j| j.wrapped && j.hyphen(document.source).is_none());
            let Some(first) = breaks.next() else {
                continue;
            };
            // One edit per break, two across a page break: sized for the whole group.
            let mut edits = Vec::with_capacity(group.len() + 1);
            let mut count = 0;
            for join in std::iter::once(first).chain(breaks) {
                count += 1;
                push_edits(&mut edits, join);
            }
            diagnostics.push(
                META.diagnostic(
                    first.line_ending(document.source),
                    message(document, first.owner, count),
                )
                .with_label("retour à la ligne d'un texte extrait")
                .with_help(
                    "Les lignes sont pleines : c'est la mise en page d'un PDF ou d'une OCR. \
                     Joignez-les, un paragraphe tient sur une ligne.",
                )
                .with_fix(Fix {
                    applicability: Applicability::Unsafe,
                    edits,
                }),
            );
        }
    }
}

/// The edits that join the lines of `join`: a space for the line break, and the deletion of
/// what follows a page break.
fn push_edits(edits: &mut Vec<Edit>, join: &LineJoin) {
    let (before, after) = join.gap_parts();
    edits.push(Edit {
        span: before,
        replacement: " ".to_owned(),
    });
    if !after.is_empty() {
        edits.push(Edit {
            span: after,
            replacement: String::new(),
        });
    }
}

/// `paragraphe 3 coupé par 2 retours à la ligne`: one string written in place, without a
/// `format!` per part (this rule fires on most paragraphs of an extracted text).
fn message(document: &Document, owner: JoinOwner, breaks: usize) -> String {
    let mut message = String::with_capacity(64);
    write_owner_name(&mut message, document, owner);
    message.push_str(" coupé par ");
    if breaks > 1 {
        push_display(&mut message, breaks);
        message.push_str(" retours à la ligne");
    } else {
        message.push_str("un retour à la ligne");
    }
    message
}

/// `paragraphe 3`, `paragraphe du préambule`, `titre`, `note 1`.
fn write_owner_name(out: &mut String, document: &Document, owner: JoinOwner) {
    match owner {
        JoinOwner::Title => out.push_str("titre"),
        JoinOwner::Paragraph(index) => match document.paragraphs[index].kind {
            ParagraphKind::Operative(number) => {
                out.push_str("paragraphe ");
                push_display(out, number.value);
            }
            ParagraphKind::Preamble => out.push_str("paragraphe du préambule"),
            ParagraphKind::Other => out.push_str("paragraphe"),
        },
        JoinOwner::FootnoteDefinition(index) => {
            let definition = &document.footnote_definitions[index];
            out.push_str("texte de la note ");
            push_display(out, definition.key(document.source));
        }
    }
}

/// Appends `value` as `Display` writes it, without an intermediate `String`.
fn push_display(out: &mut String, value: impl std::fmt::Display) {
    write!(out, "{value}").expect("a String takes any text");
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, lint};
    use super::OcrLineBreak;

    #[test]
    fn pass() {
        assert_findings(
            &OcrLineBreak,
            &[
                (
                    "Article premier\nTous les êtres humains naissent libres et égaux en dignité et en droits.\n",
                    &[],
                ),
                (
                    "Rappelant la décision de proclamer 2001 Année du dialogue entre les civilisations, ainsi que sa\n\n¹ Voir A/55/1.\n\nrésolution 56/6,\n",
                    &[],
                ),
                (
                    "1. *Prie* le Secrétaire général de lui faire rapport sur les points suivants :\na) Les mesures prises par les États Membres et par les organisations ;\n",
                    &[],
                ),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &OcrLineBreak,
            &[(
                "55/109. Renforcement de la coopération internationale\ndans le domaine des droits de l’homme\n\nL’Assemblée générale,\n\n6. Décide de poursuivre l’examen de la question à sa cinquante-sixième\nsession.\n_______________\n1 Voir Documents officiels du Conseil économique et social, 2000, Supplément\nno 3 (E/2000/23), chap. II.\n",
                &[
                    ("\n", "titre coupé par un retour à la ligne"),
                    ("\n", "paragraphe 6 coupé par un retour à la ligne"),
                    ("\n", "texte de la note 1 coupé par un retour à la ligne"),
                ],
            )],
        );
    }

    #[test]
    fn a_paragraph_is_joined_across_a_page_break_left_to_ocr_page_artifact() {
        let text = "Réaffirmant sa volonté de promouvoir la coopération internationale, en\nparticulier au paragraphe 3 de l’Article 1 de la Charte des Nations Unies, de\n\nA/RES/55/109\n\n2\n\nmanière à renforcer effectivement la coopération entre les États Membres,\n";
        let diagnostics = lint(&OcrLineBreak, text);
        let fix = diagnostics[0].fix.as_ref().unwrap();
        let replaced: Vec<(&str, &str)> = fix
            .edits
            .iter()
            .map(|e| (e.span.text(text), e.replacement.as_str()))
            .collect();
        assert_eq!(replaced, [("\n", " "), ("\n", " "), ("\n", "")]);
    }

    #[test]
    fn a_word_cut_by_a_hyphen_is_left_to_ocr_hyphenation() {
        let text = "Consciente qu’il importe d’assurer l’universalité, l’objectivité et la non-\nsélectivité de l’examen des questions relatives aux droits de l’homme, et\nsoulignant qu’il importe de promouvoir le dialogue sur ces questions,\n";
        let diagnostics = lint(&OcrLineBreak, text);
        assert_eq!(diagnostics.len(), 1);
        let edits = &diagnostics[0].fix.as_ref().unwrap().edits;
        assert_eq!(edits.len(), 1);
        assert_eq!(
            &text[edits[0].span.start - 2..edits[0].span.end + 10],
            "et\nsoulignant"
        );
    }
}
