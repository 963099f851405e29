//! `whitespace`: stray spaces, tabs, invisible characters, mixed line endings, non-NFC text.

use unicode_normalization::char::canonical_combining_class;
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
        let (mut crlf, mut lf) = (0, 0);
        let lines = &document.lines;
        for line in 0..lines.line_count() {
            let start = lines.line_start(line);
            let end = match line + 1 < lines.line_count() {
                true => lines.line_start(line + 1),
                false => source.len(),
            };
            let text = &source[start..end];
            if let Some(content) = text.strip_suffix('\n') {
                match content.ends_with('\r') {
                    true => crlf += 1,
                    false => lf += 1,
                }
            }
            if !text.is_empty() {
                check_line(
                    document,
                    start,
                    text.trim_end_matches(['\n', '\r']),
                    diagnostics,
                );
            }
        }
        if crlf > 0 && lf > 0 {
            mixed_line_endings(source, crlf, lf, diagnostics);
        }
    }
}

/// Whether [`check_line`] looks closer at `byte` (followed by `next`): two spaces in a row, a
/// tab, the first bytes of the non-ASCII spaces and invisible characters (`0xC2`, `0xE2`,
/// `0xEF`) and of every character from U+0300 up (`0xCC` and above), which may not be NFC.
/// Everything else (ASCII, and Latin-1 letters such as `é`) is skipped.
fn is_suspect(byte: u8, next: u8) -> bool {
    (byte == b'\t') | (byte == 0xC2) | (byte >= 0xCC) | ((byte == b' ') & (next == b' '))
}

/// How many bytes [`next_suspect`] rules out at once.
const CHUNK: usize = 16;

/// The first byte of `bytes` from `from` on that [`is_suspect`], a whole chunk at a time while
/// none is (a loop the compiler turns into vector instructions).
fn next_suspect(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let (Some(chunk), Some(next)) = (
        bytes.get(from..from + CHUNK),
        bytes.get(from + 1..from + 1 + CHUNK),
    ) {
        let found = chunk.iter().zip(next).fold(false, |found, (&byte, &next)| {
            found | is_suspect(byte, next)
        });
        if found {
            break;
        }
        from += CHUNK;
    }
    (from..bytes.len()).find(|&at| is_suspect(bytes[at], bytes.get(at + 1).copied().unwrap_or(0)))
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
    let mut may_not_be_nfc = false;
    let mut at = indent;
    while let Some(found) = next_suspect(bytes, at) {
        // A space just before a suspect byte may start the run of spaces it belongs to.
        at = match found > at && bytes[found - 1] == b' ' {
            true => found - 1,
            false => found,
        };
        let c = body[at..].chars().next().expect("at a character boundary");
        let width = c.len_utf8();
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
            let here = Span::new(start + at, start + at + width);
            diagnostics.push(
                META.diagnostic(here, format!("caractère invisible : {name}"))
                    .with_label("à supprimer")
                    .with_fix(Fix::single(Applicability::Safe, here, "")),
            );
        }
        may_not_be_nfc |= c >= '\u{300}' && !is_nfc_inert(c);
        at += width;
    }
    if may_not_be_nfc && !is_nfc_line(body) {
        not_nfc(body, start, diagnostics);
    }
}

/// Whether NFC leaves `c` alone whatever surrounds it: a starter (combining class 0) that the
/// NFC quick check accepts. Such characters split the quick check of a text into independent
/// parts, so a line whose other characters are all below U+0300 is NFC.
fn is_nfc_inert(c: char) -> bool {
    // Apostrophes, dashes, superscript digits and currency signs, without a table look-up.
    INERT_PUNCTUATION.contains(&c)
        || canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// The NFC quick check, on the runs of characters from U+0300 up only: those below are NFC
/// and combine with nothing before them, whatever surrounds them (and their UTF-8 lead bytes
/// are below 0xCC, so the runs are found byte by byte).
fn is_nfc_line(body: &str) -> bool {
    let mut at = 0;
    while let Some(offset) = body.as_bytes()[at..].iter().position(|&b| b >= 0xCC) {
        let start = at + offset;
        let end = body[start..]
            .char_indices()
            .find(|&(_, c)| c < '\u{300}')
            .map_or(body.len(), |(i, _)| start + i);
        if is_nfc_quick(body[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// General punctuation, superscripts and currency signs: all [`is_nfc_inert`] (U+2000 and
/// U+2001 are not: NFC turns them into U+2002 and U+2003).
const INERT_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2002}'..='\u{20CF}';

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

/// A file mixing CRLF and LF (`crlf` and `lf` endings of each kind, both some): one finding
/// at the first ending of the minority kind.
fn mixed_line_endings(source: &str, crlf: usize, lf: usize, diagnostics: &mut Vec<Diagnostic>) {
    let bytes = source.as_bytes();
    let is_crlf = |at: usize| at > 0 && bytes[at - 1] == b'\r';
    let to_crlf = crlf > lf;
    let minority: Vec<usize> = memchr::memchr_iter(b'\n', bytes)
        .filter(|&at| is_crlf(at) != to_crlf)
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
                crlf.max(lf)
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
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc_quick, IsNormalized};

    use super::super::testing::assert_findings;
    use super::{Whitespace, INERT_PUNCTUATION};

    #[test]
    fn inert_punctuation_is_left_alone_by_nfc() {
        for c in INERT_PUNCTUATION {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

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
