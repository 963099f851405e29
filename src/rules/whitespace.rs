//! `whitespace`: stray spaces, tabs, invisible characters, mixed line endings, non-NFC text.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::settings::{is_inline_space, Settings};
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags runs of spaces inside a line, trailing spaces, tabs, zero-width characters and soft
/// hyphens, a mix of CRLF and LF line endings, and text not in Unicode NFC.
pub struct Whitespace;

static META: RuleMeta = RuleMeta {
    id: "whitespace",
    group: Group::Typography,
    severity: Severity::Warning,
    fix: FixAvailability::Safe,
    summary: "No doubled, trailing or invisible spaces, one kind of line ending, NFC text",
    explanation: "\
### What it does
- two or more spaces inside a line (indentation at the start of a line is left alone);
- spaces or tabs at the end of a line (a line made only of spaces is a blank line, left to
  `ocr-page-artifact` in extracted text: flagging each would drown real findings);
- tabs inside a line;
- zero-width spaces (U+200B, U+200C, U+2060, a BOM anywhere but at the start) and soft
  hyphens (U+00AD);
- a file mixing CRLF and LF line endings (reported once, at the first line ending of the
  less frequent kind);
- characters not in Unicode NFC (`é` written as `e` + U+0301).

### Why is this bad?
Invisible differences break searches, comparisons and diffs, and doubled spaces show in print.

### Fix
Removes the extra characters, converts the line endings to the majority kind, composes the
characters. Safe.",
    examples: &[
        Example {
            bad: "la coopération  internationale \n",
            good: "la coopération internationale\n",
        },
        Example {
            bad: "la coope\u{301}ration inter\u{ad}nationale\n",
            good: "la coopération internationale\n",
        },
    ],
};

impl Rule for Whitespace {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let source = document.source;
        let mut line_start = 0;
        for line in source.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            check_line(document, line_start, content, diagnostics);
            line_start += line.len();
        }
        mixed_line_endings(source, diagnostics);
    }
}

fn check_line(document: &Document, start: usize, content: &str, diagnostics: &mut Vec<Diagnostic>) {
    let body = content.trim_end_matches(is_inline_space);
    let indent = body.len() - body.trim_start_matches(is_inline_space).len();
    if body.len() < content.len() && !body.is_empty() {
        let span = Span::new(start + body.len(), start + content.len());
        diagnostics.push(
            META.diagnostic(span, "espaces en fin de ligne")
                .with_label("à supprimer")
                .with_fix(Fix::single(Applicability::Safe, span, "")),
        );
    }
    let bytes = body.as_bytes();
    let plain = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| b.is_ascii() && b != b' ' && b != b'\t')
    };
    let mut at = indent;
    while let Some(&byte) = bytes.get(at) {
        // Most of a text: ASCII letters and signs, and single spaces between them.
        if plain(at) || (byte == b' ' && plain(at + 1)) {
            at += 1;
            continue;
        }
        let c = body[at..].chars().next().expect("at a character boundary");
        let width = c.len_utf8();
        let here = Span::new(start + at, start + at + width);
        if is_inline_space(c) {
            let run = body[at..].len() - body[at..].trim_start_matches(is_inline_space).len();
            let run_text = &body[at..at + run];
            let span = Span::new(start + at, start + at + run);
            if is_faulty_run(run_text) && !document.overlaps_verbatim(span) {
                space_run(run_text, span, diagnostics);
            }
            at += run;
            continue;
        }
        if let Some(name) = invisible_name(c).filter(|_| c != '\u{FEFF}' || start + at > 0) {
            diagnostics.push(
                META.diagnostic(here, format!("caractère invisible : {name}"))
                    .with_label("à supprimer")
                    .with_fix(Fix::single(Applicability::Safe, here, "")),
            );
        }
        at += width;
    }
    if may_not_be_nfc(body) {
        not_nfc(body, start, diagnostics);
    }
}

/// The NFC quick check, on the runs of characters from U+0300 up only: those below are NFC
/// and combine with nothing before them, whatever surrounds them (and their UTF-8 lead bytes
/// are below 0xCC, so the runs are found byte by byte).
fn may_not_be_nfc(body: &str) -> bool {
    let mut at = 0;
    while let Some(offset) = body.as_bytes()[at..].iter().position(|&b| b >= 0xCC) {
        let start = at + offset;
        let end = body[start..]
            .char_indices()
            .find(|&(_, c)| c < '\u{300}')
            .map_or(body.len(), |(i, _)| start + i);
        if is_nfc_quick(body[start..end].chars()) != IsNormalized::Yes {
            return true;
        }
        at = end;
    }
    false
}

/// Whether a run of spaces is one [`space_run`] flags: doubled, or a tab.
fn is_faulty_run(run: &str) -> bool {
    run == "\t" || run.chars().nth(1).is_some()
}

/// A run of spaces inside a line: doubled, or a tab (see [`is_faulty_run`]).
fn space_run(run: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) {
    let count = run.chars().count();
    if count >= 2 {
        let keep = run.chars().find(|&c| c != ' ' && c != '\t').unwrap_or(' ');
        diagnostics.push(
            META.diagnostic(span, format!("{count} espaces consécutives"))
                .with_label("une seule espace attendue")
                .with_fix(Fix::single(Applicability::Safe, span, keep)),
        );
    } else if run == "\t" {
        diagnostics.push(
            META.diagnostic(span, "tabulation dans le texte")
                .with_label("une espace attendue")
                .with_fix(Fix::single(Applicability::Safe, span, " ")),
        );
    }
}

/// The French name of an invisible character that has no place in a text.
fn invisible_name(c: char) -> Option<&'static str> {
    match c {
        '\u{200B}' => Some("espace sans chasse (U+200B)"),
        '\u{200C}' => Some("antiliant sans chasse (U+200C)"),
        '\u{2060}' => Some("gluon de mots (U+2060)"),
        '\u{FEFF}' => Some("indicateur d'ordre des octets (U+FEFF) hors du début du fichier"),
        '\u{AD}' => Some("trait d'union conditionnel (U+00AD)"),
        _ => None,
    }
}

/// Whether `c` is one of the invisible characters this rule deletes (a BOM only away from
/// the file's start).
pub(super) fn is_invisible(c: char) -> bool {
    invisible_name(c).is_some()
}

/// One finding per grapheme cluster that NFC would change.
fn not_nfc(body: &str, start: usize, diagnostics: &mut Vec<Diagnostic>) {
    for (at, grapheme) in body.grapheme_indices(true) {
        if grapheme.is_ascii() || is_nfc_quick(grapheme.chars()) == IsNormalized::Yes {
            continue;
        }
        let composed: String = grapheme.nfc().collect();
        if composed == grapheme {
            continue;
        }
        let span = Span::new(start + at, start + at + grapheme.len());
        diagnostics.push(
            META.diagnostic(span, format!("« {composed} » décomposé (texte non normalisé NFC)"))
                .with_label(format!("{} points de code pour un caractère", grapheme.chars().count()))
                .with_help("Composez le caractère (forme NFC) : il se cherche et se compare alors comme les autres.")
                .with_fix(Fix::single(Applicability::Safe, span, composed)),
        );
    }
}

/// A file mixing CRLF and LF: one finding at the first ending of the minority kind.
fn mixed_line_endings(source: &str, diagnostics: &mut Vec<Diagnostic>) {
    let endings: Vec<(usize, bool)> = memchr::memchr_iter(b'\n', source.as_bytes())
        .map(|at| (at, at > 0 && source.as_bytes()[at - 1] == b'\r'))
        .collect();
    let crlf = endings.iter().filter(|(_, is_crlf)| *is_crlf).count();
    let lf = endings.len() - crlf;
    if crlf == 0 || lf == 0 {
        return;
    }
    let to_crlf = crlf > lf;
    let minority: Vec<usize> = endings
        .iter()
        .filter(|(_, is_crlf)| *is_crlf != to_crlf)
        .map(|(at, _)| *at)
        .collect();
    let edits = minority
        .iter()
        .map(|&at| match to_crlf {
            true => Edit {
                span: Span::new(at, at),
                replacement: "\r".to_owned(),
            },
            false => Edit {
                span: Span::new(at - 1, at),
                replacement: String::new(),
            },
        })
        .collect();
    let first = minority[0];
    let span = if to_crlf {
        Span::new(first, first + 1)
    } else {
        Span::new(first - 1, first + 1)
    };
    let (found, wanted) = if to_crlf {
        ("LF", "CRLF")
    } else {
        ("CRLF", "LF")
    };
    diagnostics.push(
        META.diagnostic(
            span,
            format!(
                "fins de ligne mêlées : {} {found} parmi {} {wanted}",
                minority.len(),
                endings.len() - minority.len()
            ),
        )
        .with_label(format!("première fin de ligne {found}"))
        .with_help(format!(
            "Le fichier emploie surtout {wanted} : une seule sorte de fin de ligne."
        ))
        .with_fix(Fix {
            applicability: Applicability::Safe,
            edits,
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::Whitespace;

    #[test]
    fn pass() {
        assert_findings(
            &Whitespace,
            &[
                ("      Article premier\n   \n\tindenté\nsuite\n", &[]),
                (
                    "\u{FEFF}la coopération, l’emoji 👩\u{200D}🔬 et `a  b`\n",
                    &[],
                ),
                ("", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &Whitespace,
            &[
                (
                    "la coopération  internationale \n   \n",
                    &[
                        (" ", "espaces en fin de ligne"),
                        ("  ", "2 espaces consécutives"),
                    ],
                ),
                (
                    "inter\u{ad}nationale\u{200b} et\tla coope\u{301}ration\n",
                    &[
                        (
                            "\u{ad}",
                            "caractère invisible : trait d'union conditionnel (U+00AD)",
                        ),
                        (
                            "\u{200b}",
                            "caractère invisible : espace sans chasse (U+200B)",
                        ),
                        ("\t", "tabulation dans le texte"),
                        ("e\u{301}", "« é » décomposé (texte non normalisé NFC)"),
                    ],
                ),
                (
                    "a\r\nb\r\nc\nd\r\n",
                    &[("\n", "fins de ligne mêlées : 1 LF parmi 3 CRLF")],
                ),
            ],
        );
    }
}
