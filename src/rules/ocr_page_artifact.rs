//! `ocr-page-artifact`: page furniture that PDF extraction left in the body: page breaks
//! (running heads and page numbers), rules above the footnotes, lines of spaces.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Block, BlockKind, Document, FootnoteStyle, Furniture, PageBreak};
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags running heads, page numbers, rules of underscores and lines of spaces inside the text.
pub struct OcrPageArtifact;

/// Lines of spaces narrower than this are left alone: indentation, not page layout.
const MIN_SPACES: usize = 4;

static META: RuleMeta = RuleMeta {
    id: "ocr-page-artifact",
    group: Group::Ocr,
    severity: Severity::Warning,
    fix: FixAvailability::Unsafe,
    summary: "No running heads, page numbers, rules or lines of spaces inside the text",
    explanation: "\
### What it does
Flags what a PDF page put around the text and extraction left inside it:
- a page break: a line holding only the document's symbol (`A/RES/55/109`, the running head)
  and a lone page number (`2`), reported once per page break;
- a rule of underscores (`_______________`) above the footnotes;
- a line made only of spaces, wider than any indentation of the document's paragraphs (the
  extraction padded it to the width of the page).
The structure is the parser's: a lone number inside a footnote block is a footnote number,
not a page number.

### Why is this bad?
The running head and the page number are not part of the resolution: left in, they end up in
the middle of a paragraph, in a search index, in a translation memory.

### Fix
Deletes the page break (and the blank lines before it, when a blank line follows it; a page
break that was all that set footnotes apart from the text after them gives way to a blank
line), the line of spaces, or the rule. The rule goes last, once the footnotes under it are written with
superscript numbers: until then it is what tells the footnote numbers from page numbers.
Unsafe: the deleted line could be text.",
    examples: &[
        Example {
            bad:
                "Rappelant sa résolution 54/181,\n\nA/RES/55/109\n\n2\n\nRéaffirmant sa volonté,\n",
            good: "Rappelant sa résolution 54/181,\n\nRéaffirmant sa volonté,\n",
        },
        Example {
            bad: "Rappelant la Déclaration¹,\n_______________\n¹ Voir A/55/1.\n",
            good: "Rappelant la Déclaration¹,\n¹ Voir A/55/1.\n",
        },
        Example {
            bad: "Rappelant sa résolution 54/181,\n\n                    \n¹ Voir A/55/1.\n",
            good: "Rappelant sa résolution 54/181,\n\n¹ Voir A/55/1.\n",
        },
    ],
};

impl Rule for OcrPageArtifact {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        for page_break in document.page_breaks() {
            diagnostics.push(page_break_finding(document, &page_break));
        }
        let mut indentation = None;
        for block in &document.blocks {
            match block.kind {
                BlockKind::PageFurniture(Furniture::Rule) => {
                    rule_line(document, *block, diagnostics);
                }
                BlockKind::Blank if has_spaces(document, *block) => {
                    let indentation =
                        *indentation.get_or_insert_with(|| widest_indentation(document));
                    lines_of_spaces(document, *block, indentation, diagnostics);
                }
                _ => {}
            }
        }
    }
}

fn page_break_finding(document: &Document, page_break: &PageBreak) -> Diagnostic {
    let described: Vec<String> = page_break
        .furniture
        .iter()
        .map(|&(span, kind)| format!("{} « {} »", furniture_name(kind), document.text(span)))
        .collect();
    let (first, first_kind) = page_break.furniture[0];
    let mut diagnostic = META
        .diagnostic(
            first,
            format!(
                "saut de page laissé dans le texte : {}",
                described.join(", ")
            ),
        )
        .with_label(furniture_name(first_kind))
        .with_help(
            "L'extraction a gardé l'en-tête et le numéro de la page suivante : \
             supprimez-les, le texte continue après.",
        )
        .with_fix(Fix::single(
            Applicability::Unsafe,
            page_break.lines,
            page_break.replacement,
        ));
    for &(span, kind) in &page_break.furniture[1..] {
        diagnostic = diagnostic.with_related(span, furniture_name(kind));
    }
    diagnostic
}

/// Reports a rule of underscores; offers to delete it once no footnote definition is written
/// with plain digits.
fn rule_line(document: &Document, block: Block, diagnostics: &mut Vec<Diagnostic>) {
    let digits_remain = document
        .footnote_definitions
        .iter()
        .any(|d| d.style == FootnoteStyle::Digits);
    let mut diagnostic = META
        .diagnostic(
            content(document, block.span),
            "filet de bas de page laissé dans le texte",
        )
        .with_label("filet au-dessus des notes")
        .with_help("Un texte suivi ne garde pas le filet qui séparait les notes du corps de la page : supprimez-le.");
    if !digits_remain {
        diagnostic = diagnostic.with_fix(Fix::single(Applicability::Unsafe, block.span, ""));
    }
    diagnostics.push(diagnostic);
}

fn has_spaces(document: &Document, block: Block) -> bool {
    document
        .text(block.span)
        .bytes()
        .any(|b| b == b' ' || b == b'\t')
}

/// The widest indentation of a paragraph line, in bytes of spaces.
fn widest_indentation(document: &Document) -> usize {
    document
        .paragraphs
        .iter()
        .flat_map(|p| &p.lines)
        .map(|line| {
            let text = document.text(*line);
            text.len() - text.trim_start().len()
        })
        .max()
        .unwrap_or(0)
}

/// Reports the lines of spaces of a blank block that are wider than `indentation`.
fn lines_of_spaces(
    document: &Document,
    block: Block,
    indentation: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let text = document.text(block.span);
    let several_lines = text.matches('\n').count() > 1;
    let mut start = block.span.start;
    for line in text.split_inclusive('\n') {
        let spaces = line.trim_end_matches(['\n', '\r']);
        let width = spaces.chars().count();
        // A blank block may hold a suppression comment, which the parse takes for blank.
        let only_spaces = spaces.trim().is_empty();
        if only_spaces && width >= MIN_SPACES && width > indentation {
            let span = Span::new(start, start + spaces.len());
            let deleted = if several_lines {
                Span::new(start, start + line.len())
            } else {
                span
            };
            diagnostics.push(
                META.diagnostic(span, format!("ligne faite de {width} espaces"))
                    .with_label("ligne blanche remplie d'espaces")
                    .with_help("L'extraction a rempli une ligne blanche d'espaces jusqu'à la largeur de la page : videz-la.")
                    .with_fix(Fix::single(Applicability::Unsafe, deleted, "")),
            );
        }
        start += line.len();
    }
}

/// The text of a block's line without indentation or line ending.
fn content(document: &Document, span: Span) -> Span {
    let text = document.text(span);
    let start = span.start + text.len() - text.trim_start().len();
    Span::new(start, start + text.trim().len())
}

fn furniture_name(kind: Furniture) -> &'static str {
    match kind {
        Furniture::RunningHead => "en-tête de page",
        Furniture::PageNumber => "numéro de page",
        Furniture::Rule => "filet",
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::OcrPageArtifact;

    #[test]
    fn pass() {
        assert_findings(
            &OcrPageArtifact,
            &[
                ("Rappelant la résolution A/RES/55/109,\n\n2. *Décide*.\n", &[]),
                (
                    "      Article 3\n   \n         \n            Tout individu a droit à la vie.\n",
                    &[],
                ),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &OcrPageArtifact,
            &[
                (
                    "Rappelant sa résolution,\n\n\n\nA/RES/55/109\n\n2\n\nRéaffirmant,\n",
                    &[(
                        "A/RES/55/109",
                        "saut de page laissé dans le texte : en-tête de page « A/RES/55/109 », numéro de page « 2 »",
                    )],
                ),
                (
                    "Rappelant sa résolution,\n  \t      \nRéaffirmant,\n",
                    &[("  \t      ", "ligne faite de 9 espaces")],
                ),
            ],
        );
    }

    #[test]
    fn the_rule_stays_while_footnotes_under_it_are_in_digits() {
        let text = "Rappelant,\n_______________\n1\nVoir A/55/1.\n";
        let diagnostics = super::super::testing::lint(&OcrPageArtifact, text);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].span.text(text), "_______________");
        assert_eq!(diagnostics[0].fix, None);
    }

    #[test]
    fn a_page_break_goes_with_the_blank_lines_before_it() {
        let text = "Rappelant sa résolution,\n\n\n\nA/RES/55/109\n\n2\n\nRéaffirmant,\n";
        let diagnostics = super::super::testing::lint(&OcrPageArtifact, text);
        let edit = &diagnostics[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(edit.span.text(text), "\n\n\nA/RES/55/109\n\n2\n");
        let glued = "Rappelant sa résolution de la\nA/RES/55/109\n2\ncoopération,\n";
        let diagnostics = super::super::testing::lint(&OcrPageArtifact, glued);
        let edit = &diagnostics[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(edit.span.text(glued), "A/RES/55/109\n2\n");
    }
}
