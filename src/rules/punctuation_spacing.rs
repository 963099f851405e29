//! `punctuation-spacing`: no space before `,` `.` `)` or after `(`; a space after `,` `;`
//! `:` `.` when a word follows.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::settings::{is_inline_space, Settings};
use crate::span::Span;

use super::signs::sign_indices;
use super::verbatim::VerbatimCursor;
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a space before low punctuation or after an opening parenthesis, and a missing
/// space after a comma, a semicolon, a colon or a full stop.
pub struct PunctuationSpacing;

static META: RuleMeta = RuleMeta {
    id: "punctuation-spacing",
    group: Group::Typography,
    severity: Severity::Warning,
    fix: FixAvailability::Safe,
    summary: "No space before `,` `.` `)` or after `(`; a space after `,` `;` `:` `.`",
    explanation: "\
### What it does
Flags a space before `,` `.` `)` or after `(`, and a word glued after `,` `;` `:`, or after
a full stop ending a word (`fin.Le`).

Left alone: symbols, URLs and e-mail addresses (`A/RES/55/109`, `E/CN.4/2001/2`), decimal
numbers (`2,5`), abbreviations and initials (`M.Dupont`, `U.N.`), an ellipsis, a space left
by a footnote number set apart in extracted text (`1993 1 ,`: `ocr-footnote-marker`'s
business), and a space at the start of a line.

### Why is this bad?
`coopération ,` and `coopération,la` are typing slips that a reader sees at once.

### Fix
Removes the space, or inserts one. Safe.",
    examples: &[
        Example {
            bad: "la coopération ,les droits ( et ) la fin .\n",
            good: "la coopération, les droits (et) la fin.\n",
        },
        Example {
            bad: "la fin.Le début\n",
            good: "la fin. Le début\n",
        },
    ],
};

impl Rule for PunctuationSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let source = document.source;
        let mut verbatim = VerbatimCursor::new(document);
        for (at, sign) in sign_indices(source, &[',', '.', ')', '(', ';', ':']) {
            if verbatim.overlaps(Span::new(at, at + 1)) {
                continue;
            }
            if matches!(sign, ',' | '.' | ')') {
                space_before(document, at, sign, diagnostics);
            }
            if sign == '(' {
                space_after_opening(document, at, diagnostics);
            }
            if matches!(sign, ',' | ';' | ':' | '.') {
                glued_after(document, at, sign, diagnostics);
            }
        }
    }
}

/// `coopération ,`: the spaces between a word and the sign.
fn space_before(document: &Document, at: usize, sign: char, diagnostics: &mut Vec<Diagnostic>) {
    let source = document.source;
    let before = &source[..at];
    // Most signs follow their word: no space to remove. The last byte of every inline space
    // is one of these; any other byte ends something else.
    let last = before.as_bytes().last();
    if last.is_none_or(|last| !matches!(last, b' ' | b'\t' | 0xA0 | 0xAF | 0x89 | 0x87)) {
        return;
    }
    let word_end = before.trim_end_matches(is_inline_space).len();
    if word_end == at {
        return;
    }
    let spaces = Span::new(word_end, at);
    let previous = before[..word_end].chars().next_back();
    let after_word =
        previous.is_some_and(|p| p != '\n' && p != '\r' && !matches!(p, '.' | '…' | '«'));
    let ellipsis = sign == '.' && source[at..].starts_with("...");
    if spaces.is_empty() || !after_word || ellipsis || follows_footnote_mark(document, word_end) {
        return;
    }
    diagnostics.push(
        META.diagnostic(spaces, format!("espace avant « {sign} »"))
            .with_label("à supprimer")
            .with_help(format!("« {sign} » suit le mot sans espace."))
            .with_fix(Fix::single(Applicability::Safe, spaces, "")),
    );
}

/// `( et`: the spaces after an opening parenthesis.
fn space_after_opening(document: &Document, at: usize, diagnostics: &mut Vec<Diagnostic>) {
    let rest = &document.source[at + 1..];
    let spaces = rest.len() - rest.trim_start_matches(is_inline_space).len();
    let next = rest[spaces..].chars().next();
    let before_high_sign = next.is_some_and(|n| matches!(n, ';' | ':' | '!' | '?' | '»'));
    if spaces == 0 || before_high_sign || next.is_none_or(|n| n == '\n' || n == '\r') {
        return;
    }
    let span = Span::new(at + 1, at + 1 + spaces);
    diagnostics.push(
        META.diagnostic(span, "espace après « ( »")
            .with_label("à supprimer")
            .with_help("Le texte suit la parenthèse ouvrante sans espace.")
            .with_fix(Fix::single(Applicability::Safe, span, "")),
    );
}

/// `coopération,la`: a word glued after the sign.
fn glued_after(document: &Document, at: usize, sign: char, diagnostics: &mut Vec<Diagnostic>) {
    let source = document.source;
    let rest = &source[at + 1..];
    // The cheap test first: a sign is mostly followed by a space, never glued to one.
    if rest
        .as_bytes()
        .first()
        .is_none_or(|next| next.is_ascii() && !next.is_ascii_alphabetic())
    {
        return;
    }
    let Some(next) = rest.chars().next() else {
        return;
    };
    let glued = match sign {
        // The cheap test first: a full stop is mostly followed by a space.
        '.' => starts_word(rest) && ends_sentence(&source[..at]),
        _ => next.is_alphabetic() && !source[..at].ends_with(|c: char| c.is_ascii_digit()),
    };
    if !glued || document.overlaps_verbatim(Span::new(at + 1, at + 2)) {
        return;
    }
    let span = Span::new(at, at + 1);
    diagnostics.push(
        META.diagnostic(span, format!("espace manquante après « {sign} »"))
            .with_label("espace attendue après ce signe")
            .with_help(format!("Un mot ne suit pas « {sign} » sans espace."))
            .with_fix(Fix::single(
                Applicability::Safe,
                Span::new(at + 1, at + 1),
                " ",
            )),
    );
}

/// Whether the text before a full stop ends with a lowercase word of two letters or more
/// (not an initial or an abbreviation such as `U.N`).
fn ends_sentence(before: &str) -> bool {
    let mut letters = 0;
    for c in before.chars().rev().take_while(|c| c.is_alphabetic()) {
        if !c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Whether `rest` starts with a capitalised word of two letters or more.
fn starts_word(rest: &str) -> bool {
    let mut chars = rest.chars();
    let first = chars.next().is_some_and(char::is_uppercase);
    first && chars.next().is_some_and(char::is_alphabetic)
}

/// Whether a footnote reference mark, or the mark opening a definition (whose space is what
/// makes it one), ends at `offset`.
fn follows_footnote_mark(document: &Document, offset: usize) -> bool {
    let reference = document
        .footnote_references
        .binary_search_by_key(&offset, |r| r.span.end)
        .is_ok();
    let definition = document
        .footnote_definitions
        .binary_search_by_key(&offset, |d| d.mark.end)
        .is_ok();
    reference || definition
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::PunctuationSpacing;

    #[test]
    fn pass() {
        assert_findings(
            &PunctuationSpacing,
            &[
                ("la coopération, les droits (et) la fin. Le début.\n", &[]),
                (
                    "Voir E/CN.4/2001/2, A/RES/55/109, https://un.org/a,b et a.b@un.org.\n",
                    &[],
                ),
                (
                    "2,5 % et 3.14, M.Dupont, U.N.Doc, chap. II, Corr.1 et Sub.2...\n",
                    &[],
                ),
                (" , en début de ligne\n(\nfin\n", &[]),
            ],
        );
        let extracted =
            "adoptés le 25 juin\n1993 1 , pour favoriser\n_______________\n1\nA/CONF.157/24.\n";
        assert_findings(&PunctuationSpacing, &[(extracted, &[])]);
    }

    #[test]
    fn fail() {
        assert_findings(
            &PunctuationSpacing,
            &[
                (
                    "la coopération ,les droits\n",
                    &[
                        (" ", "espace avant « , »"),
                        (",", "espace manquante après « , »"),
                    ],
                ),
                (
                    "les droits ( et ) la fin .\n",
                    &[
                        (" ", "espace après « ( »"),
                        (" ", "espace avant « ) »"),
                        (" ", "espace avant « . »"),
                    ],
                ),
                (
                    "la fin.Le début;puis:ensuite\n",
                    &[
                        (".", "espace manquante après « . »"),
                        (";", "espace manquante après « ; »"),
                        (":", "espace manquante après « : »"),
                    ],
                ),
            ],
        );
    }
}
