//! `guillemets`: French quotes `« … »` with spaces inside, balanced, and no English quotes.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::settings::{inserted_space, is_inline_space, space_name, Settings};
use crate::span::Span;

use super::signs::sign_indices;
use super::verbatim::VerbatimCursor;
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags guillemets without their inner spaces (or with spaces of the wrong kind), unbalanced
/// guillemets, and English quotes in French text.
pub struct Guillemets;

static META: RuleMeta = RuleMeta {
    id: "guillemets",
    group: Group::Typography,
    severity: Severity::Warning,
    fix: FixAvailability::Safe,
    summary: "French quotes are « … » with no-break spaces inside, balanced",
    explanation: "\
### What it does
Checks each paragraph, footnote and title:
- `«` is followed and `»` preceded by a space: a no-break space U+00A0 with `--spacing nbsp`
  (the default), a narrow one U+202F with `--spacing fine`, any space with `--spacing any`.
  A quotation missing both spaces is one finding.
- every `«` is closed by a `»` in the same paragraph, and every `»` was opened;
- English quotes `\"…\"` and `“…”` are replaced by guillemets, except `“…”` inside `« … »`,
  which are the correct second-level quotes.

### Why is this bad?
`«Promotion»` is English spacing; `\"Promotion\"` is English quoting. An unbalanced guillemet
usually means the end of a quotation was lost.

### Fix
Inserts or replaces the inner spaces (safe); replaces English quotes by guillemets (unsafe:
an English quote may be a quotation of English text).",
    examples: &[
        Example {
            bad: "la résolution intitulée «Promotion du dialogue»,\n",
            good: "la résolution intitulée «\u{a0}Promotion du dialogue\u{a0}»,\n",
        },
        Example {
            bad: "la résolution intitulée \"Promotion du dialogue\",\n",
            good: "la résolution intitulée «\u{a0}Promotion du dialogue\u{a0}»,\n",
        },
    ],
};

impl Rule for Guillemets {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        // One pass over the document for its marks (most have none, or a few), then each
        // unit takes those of its lines.
        let marks: Vec<Mark> = sign_indices(document.source, &SIGNS)
            .map(|(at, sign)| Mark { at, sign })
            .collect();
        if marks.is_empty() {
            return;
        }
        let wanted = settings.spacing.inside_guillemets();
        let mut verbatim = VerbatimCursor::new(document);
        let mut check = |lines: &[Span]| {
            check_unit(document, &mut verbatim, &marks, lines, wanted, diagnostics);
        };
        if let Some(title) = document.title {
            check(&[title.text]);
        }
        for paragraph in &document.paragraphs {
            check(&paragraph.lines);
        }
        for definition in &document.footnote_definitions {
            check(&[definition.span]);
        }
    }
}

/// A quote mark met in a text unit.
/// The signs the rule looks at.
const SIGNS: [char; 5] = ['«', '»', '“', '”', '"'];

#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    sign: char,
}

/// Checks one paragraph (or footnote, or title): its quote marks pair up within it.
fn check_unit(
    document: &Document,
    verbatim: &mut VerbatimCursor,
    marks: &[Mark],
    lines: &[Span],
    wanted: Option<char>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let source = document.source;
    let mut open: Vec<Mark> = Vec::new();
    let mut english: Option<Mark> = None;
    // `marks` is in text order: those of a line are a run of it.
    let marks = lines.iter().flat_map(|line| {
        let from = marks.partition_point(|m| m.at < line.start);
        let to = from + marks[from..].partition_point(|m| m.at < line.end);
        marks[from..to].iter().copied()
    });
    for mark in marks {
        if verbatim.overlaps(Span::new(mark.at, mark.at + 1)) {
            continue;
        }
        match mark.sign {
            '«' => open.push(mark),
            '»' => match open.pop() {
                Some(opening) => check_spaces(source, opening.at, mark.at, wanted, diagnostics),
                None => diagnostics.push(
                    META.diagnostic(span_of(mark), "guillemet fermant sans guillemet ouvrant")
                        .with_label("aucun « ne l'ouvre dans ce paragraphe")
                        .with_help(
                            "Ajoutez le « qui ouvre la citation, ou supprimez ce ».".to_owned(),
                        ),
                ),
            },
            _ if !open.is_empty() => {}
            '“' | '"' if english.is_none() => english = Some(mark),
            '”' | '"' => {
                if let Some(opening) = english.take() {
                    diagnostics.push(english_quotes(source, opening, mark, wanted));
                }
            }
            _ => {}
        }
    }
    for opening in open {
        diagnostics.push(
            META.diagnostic(span_of(opening), "guillemet ouvrant jamais fermé")
                .with_label("aucun » ne ferme cette citation dans le paragraphe")
                .with_help("Ajoutez le » qui ferme la citation."),
        );
    }
}

fn span_of(mark: Mark) -> Span {
    Span::new(mark.at, mark.at + mark.sign.len_utf8())
}

/// What is wrong on one side of a quotation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Right,
    Missing,
    Wrong(char),
}

fn check_spaces(
    source: &str,
    opening: usize,
    closing: usize,
    wanted: Option<char>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let quoted = &source[opening + '«'.len_utf8()..closing];
    if quoted.trim_matches(is_inline_space).is_empty() {
        return;
    }
    let after = quoted.chars().next();
    let before = quoted.chars().next_back();
    let inner = |c: Option<char>| match c {
        None | Some('\n' | '\r') => Side::Right,
        Some(c) if is_inline_space(c) => match wanted {
            Some(w) if w != c => Side::Wrong(c),
            _ => Side::Right,
        },
        Some(_) => Side::Missing,
    };
    let open_span = Span::new(opening, opening + '«'.len_utf8());
    let close_span = Span::new(closing, closing + '»'.len_utf8());
    let space = inserted_space(wanted);
    let after_gap = Span::new(
        open_span.end,
        open_span.end + after.map_or(0, char::len_utf8),
    );
    let before_gap = Span::new(closing - before.map_or(0, char::len_utf8), closing);
    let edit = |side: Side, gap: Span, insert_at: usize| Edit {
        span: if side == Side::Missing {
            Span::new(insert_at, insert_at)
        } else {
            gap
        },
        replacement: space.to_string(),
    };
    let open_side = inner(after);
    let close_side = inner(before);
    let open_edit = edit(open_side, after_gap, open_span.end);
    let close_edit = edit(close_side, before_gap, closing);
    let describe = |side: Side, place: &str| match side {
        Side::Missing => format!("espace manquante {place}"),
        Side::Wrong(c) => format!("{} {place}", space_name(c)),
        Side::Right => String::new(),
    };
    let help = format!(
        "À l'intérieur des guillemets, une {} (U+{:04X}).",
        space_name(space),
        space as u32
    );
    match (open_side, close_side) {
        (Side::Right, Side::Right) => {}
        (open, close) if open == close => diagnostics.push(
            META.diagnostic(
                open_span,
                match open {
                    Side::Missing => "guillemets sans espaces intérieures".to_owned(),
                    _ => describe(open, "à l'intérieur des guillemets"),
                },
            )
            .with_label(format!("{} attendue après «", space_name(space)))
            .with_related(close_span, "et avant »")
            .with_help(help)
            .with_fix(Fix {
                applicability: Applicability::Safe,
                edits: vec![open_edit, close_edit],
            }),
        ),
        (open, close) => {
            if open != Side::Right {
                diagnostics.push(
                    META.diagnostic(open_span, describe(open, "après le guillemet ouvrant"))
                        .with_label(format!("{} attendue après «", space_name(space)))
                        .with_help(help.clone())
                        .with_fix(Fix {
                            applicability: Applicability::Safe,
                            edits: vec![open_edit],
                        }),
                );
            }
            if close != Side::Right {
                diagnostics.push(
                    META.diagnostic(close_span, describe(close, "avant le guillemet fermant"))
                        .with_label(format!("{} attendue avant »", space_name(space)))
                        .with_help(help)
                        .with_fix(Fix {
                            applicability: Applicability::Safe,
                            edits: vec![close_edit],
                        }),
                );
            }
        }
    }
}

/// English quotes around a French quotation: one finding, an unsafe fix to guillemets.
fn english_quotes(source: &str, opening: Mark, closing: Mark, wanted: Option<char>) -> Diagnostic {
    let space = inserted_space(wanted);
    let strip_after = source[opening.at + opening.sign.len_utf8()..]
        .chars()
        .take_while(|&c| is_inline_space(c))
        .map(char::len_utf8)
        .sum::<usize>();
    let strip_before = source[..closing.at]
        .chars()
        .rev()
        .take_while(|&c| is_inline_space(c))
        .map(char::len_utf8)
        .sum::<usize>();
    let open_span = Span::new(
        opening.at,
        opening.at + opening.sign.len_utf8() + strip_after,
    );
    let close_span = Span::new(
        closing.at - strip_before,
        closing.at + closing.sign.len_utf8(),
    );
    META.diagnostic(span_of(opening), format!("guillemets anglais {}…{} dans un texte français", opening.sign, closing.sign))
        .with_label("« attendu")
        .with_related(span_of(closing), "» attendu")
        .with_help("En français, les citations s'écrivent entre guillemets « … » ; les “ ” servent à l'intérieur de « … ».")
        .with_fix(Fix {
            applicability: Applicability::Unsafe,
            edits: vec![
                Edit { span: open_span, replacement: format!("«{space}") },
                Edit { span: close_span, replacement: format!("{space}»") },
            ],
        })
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::Guillemets;

    #[test]
    fn pass() {
        assert_findings(
            &Guillemets,
            &[
                (
                    "intitulée «\u{a0}Promotion du «\u{a0}dialogue\u{a0}»\u{a0}»,\n",
                    &[],
                ),
                ("intitulée «\u{a0}Promotion du “dialogue”\u{a0}»,\n", &[]),
                ("intitulée «\nPromotion\u{a0}»,\n", &[]),
                ("voir `x = \"y\"` et https://un.org/?q=\"a\"\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &Guillemets,
            &[
                (
                    "intitulée «Promotion du dialogue»,\n",
                    &[("«", "guillemets sans espaces intérieures")],
                ),
                (
                    "intitulée « Promotion du dialogue »,\n",
                    &[("«", "espace ordinaire à l'intérieur des guillemets")],
                ),
                (
                    "intitulée «\u{a0}Promotion du dialogue»,\n",
                    &[("»", "espace manquante avant le guillemet fermant")],
                ),
                (
                    "intitulée «\u{a0}Promotion,\n\nSuite\u{a0}» du texte,\n",
                    &[
                        ("«", "guillemet ouvrant jamais fermé"),
                        ("»", "guillemet fermant sans guillemet ouvrant"),
                    ],
                ),
                (
                    "intitulée “Promotion”,\n",
                    &[("“", "guillemets anglais “…” dans un texte français")],
                ),
                (
                    "intitulée \"Promotion\",\n",
                    &[("\"", "guillemets anglais \"…\" dans un texte français")],
                ),
            ],
        );
    }
}
