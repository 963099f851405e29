//! `ocr-footnote-marker`: footnote numbers that extraction turned into plain digits, glued to
//! a word (`l’homme1,`) or set apart (`1993 1 ,`), and their definitions (`1 Voir …`, a lone
//! `1` above its text).

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Document, FootnoteDefinition, FootnoteReference, FootnoteStyle};
use crate::settings::{is_inline_space, Settings};
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags footnote marks and definitions written with plain digits.
pub struct OcrFootnoteMarker;

static META: RuleMeta = RuleMeta {
    id: "ocr-footnote-marker",
    group: Group::Ocr,
    severity: Severity::Warning,
    fix: FixAvailability::Unsafe,
    summary: "Footnote numbers are superscripts attached to their word, not plain digits",
    explanation: "\
### What it does
Flags the footnote marks the parser reads in plain digits, as PDF extraction leaves them:
glued to the word (`l’homme1,`, `»3`) or set apart (`1993 1 ,`, `2000 2` at a line end); and
the definitions written `1 Voir …` or as a lone `1` above their text. Plain digits are read
as footnote marks only in a document whose definitions are numbered so, and only where a
number cannot be anything else (see the README): `Article 1,` and `paragraphe 3` are left
alone.

### Why is this bad?
A footnote number in the running text reads as part of the sentence (`1993 1`), and no
tool can follow it to its note.

### Fix
Writes the mark as a superscript right after its word (`l’homme¹,`, `1993¹,`) and the
definition as `¹ text` on one line. The marks go first and the definitions after them: the
digits in the text are read as marks only while the definitions are numbered in digits.
Unsafe: a number read as a footnote mark may be a number.",
    examples: &[
        Example {
            bad: "Rappelant la Déclaration de Vienne sur les droits de l’homme1,\n\n1 A/CONF.157/24 (Partie I), chap. III.\n",
            good: "Rappelant la Déclaration de Vienne sur les droits de l’homme¹,\n\n¹ A/CONF.157/24 (Partie I), chap. III.\n",
        },
        Example {
            bad: "Adoptés par la Conférence mondiale le 25 juin\n1993 1 , pour favoriser la coopération,\n_______________\n1\n\nA/CONF.157/24 (Part I), chap. III.\n",
            good: "Adoptés par la Conférence mondiale le 25 juin\n1993¹, pour favoriser la coopération,\n_______________\n¹ A/CONF.157/24 (Part I), chap. III.\n",
        },
    ],
};

impl Rule for OcrFootnoteMarker {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let mut marks_in_digits = false;
        for reference in &document.footnote_references {
            if reference.style == FootnoteStyle::Digits {
                marks_in_digits = true;
                diagnostics.push(reference_finding(document, reference));
            }
        }
        for definition in &document.footnote_definitions {
            if definition.style == FootnoteStyle::Digits {
                diagnostics.push(definition_finding(document, definition, !marks_in_digits));
            }
        }
    }
}

fn reference_finding(document: &Document, reference: &FootnoteReference) -> Diagnostic {
    let source = document.source;
    let digits = document.text(reference.span);
    let before = &source[..reference.span.start];
    let word_end = before.trim_end_matches(is_inline_space).len();
    let glued = word_end == before.len();
    let after = &source[reference.span.end..];
    let spaces_after = after.len() - after.trim_start_matches(is_inline_space).len();
    let end = if !glued && after[spaces_after..].starts_with([',', ';', '.', ':']) {
        reference.span.end + spaces_after
    } else {
        reference.span.end
    };
    let word_start = before[..word_end]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let written = format!("{}{}", &source[word_start..word_end], superscript(digits));
    let (message, label) = if glued {
        ("collé au mot", "chiffre collé au mot")
    } else {
        ("détaché du mot", "chiffre détaché du mot")
    };
    META.diagnostic(
        reference.span,
        format!("appel de note « {digits} » en chiffres ordinaires, {message}"),
    )
    .with_label(label)
    .with_help(format!(
        "L'extraction a perdu l'exposant : écrivez l'appel de note accolé à son mot, « {written} »."
    ))
    .with_fix(Fix::single(
        Applicability::Unsafe,
        Span::new(word_end, end),
        superscript(digits),
    ))
}

/// A definition in digits; its fix waits until no mark is left in digits.
fn definition_finding(
    document: &Document,
    definition: &FootnoteDefinition,
    fixable: bool,
) -> Diagnostic {
    let digits = document.text(definition.label);
    let rest = &document.source[definition.mark.end..definition.span.end];
    let text_start = definition.span.end - rest.trim_start().len();
    let sup = superscript(digits);
    if text_start == definition.span.end {
        return META
            .diagnostic(
                definition.mark,
                format!("numéro de note « {digits} » sans texte"),
            )
            .with_label("numéro de note seul")
            .with_help(format!(
                "L'extraction a séparé ce numéro de son texte : retrouvez le texte de la note \
                 et écrivez « {sup} … »."
            ));
    }
    let lone = rest[..text_start - definition.mark.end].contains('\n');
    let message = if lone {
        format!("numéro de note « {digits} » seul sur sa ligne, au-dessus de son texte")
    } else {
        format!("note « {digits} » numérotée en chiffres ordinaires")
    };
    let mut diagnostic = META
        .diagnostic(definition.mark, message)
        .with_label("numéro de note")
        .with_help(format!(
            "Écrivez la note comme les appels : le numéro en exposant suivi de son texte, « {sup} {} »",
            first_words(document.text(Span::new(text_start, definition.span.end)))
        ));
    if fixable {
        let line_start = document
            .lines
            .line_start(document.lines.line_of(definition.mark.start));
        diagnostic = diagnostic.with_fix(Fix::single(
            Applicability::Unsafe,
            Span::new(line_start, text_start),
            format!("{sup} "),
        ));
    }
    diagnostic
}

/// The first three words of `text`, then `…`.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    format!("{} …", words.join(" "))
}

/// `12` → `¹²`.
fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4'..='9' => char::from_u32(c as u32 - '4' as u32 + '⁴' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, lint};
    use super::{superscript, OcrFootnoteMarker};

    #[test]
    fn pass() {
        assert_findings(
            &OcrFootnoteMarker,
            &[
                (
                    "Rappelant le paragraphe 3 de l’Article 1, adopté en 1993¹,\n\n¹ Voir A/55/1.\n",
                    &[],
                ),
                ("Rappelant les droits de l’homme1, et le rapport 2,\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &OcrFootnoteMarker,
            &[
                (
                    "Rappelant les droits de l’homme1, le 25 juin 1993 2 , et «\u{a0}Promotion\u{a0}»3,\n\n1 Voir A/55/1.\n2 A/CONF.157/24.\n3\nVoir E/2000/23.\n4\n",
                    &[
                        ("1", "appel de note « 1 » en chiffres ordinaires, collé au mot"),
                        ("2", "appel de note « 2 » en chiffres ordinaires, détaché du mot"),
                        ("3", "appel de note « 3 » en chiffres ordinaires, collé au mot"),
                        ("1", "note « 1 » numérotée en chiffres ordinaires"),
                        ("2", "note « 2 » numérotée en chiffres ordinaires"),
                        (
                            "3",
                            "numéro de note « 3 » seul sur sa ligne, au-dessus de son texte",
                        ),
                        ("4", "numéro de note « 4 » sans texte"),
                    ],
                ),
            ],
        );
    }

    #[test]
    fn definitions_wait_for_the_marks() {
        let text = "Rappelant les droits de l’homme1,\n\n 1 Voir A/55/1.\n";
        let diagnostics = lint(&OcrFootnoteMarker, text);
        assert!(diagnostics[0].fix.is_some());
        assert_eq!(diagnostics[1].fix, None);
        let converted = "Rappelant les droits de l’homme¹,\n\n 1 Voir A/55/1.\n";
        let diagnostics = lint(&OcrFootnoteMarker, converted);
        let edit = &diagnostics[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(
            (edit.span.text(converted), edit.replacement.as_str()),
            (" 1 ", "¹ ")
        );
    }

    #[test]
    fn superscripts_of_every_digit() {
        assert_eq!(superscript("1234567890"), "¹²³⁴⁵⁶⁷⁸⁹⁰");
    }
}
