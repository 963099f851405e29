//! Properties that hold on any text (issue 7): spans inside the file and on UTF-8 boundaries,
//! every byte in exactly one block, positions that round-trip, fixes that are idempotent and
//! never add an error.

mod common;

use coquille::diagnostic::{Applicability, Severity};
use coquille::document::Document;
use coquille::fix::fix_text;
use coquille::line_index::Position;
use coquille::Linter;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Pieces of resolutions, their damage and awkward Unicode.
fn piece() -> impl Strategy<Value = String> {
    let lines: Vec<String> = common::REAL_DOCUMENTS
        .iter()
        .flat_map(|name| {
            common::read_fixture(name)
                .lines()
                .map(|line| line.chars().take(120).collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    let fragments = [
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\t",
        ";",
        ":",
        "?",
        ",",
        ".",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "¹",
        "²",
        "^1^",
        "[^1]",
        "[^1]: Voir.",
        "1 Voir A/55/1.",
        "1",
        "12",
        "1. ",
        "a) ",
        "(ii) ",
        "_____",
        "A/RES/55/109",
        "55/109. Titre",
        "L'Assemblée générale,",
        "e\u{301}",
        "🇫🇷",
        "👩\u{200D}🔬",
        "\u{FEFF}",
        "\u{ad}",
        "\u{200b}",
        "l993",
        "Ã©",
        "no 3",
        "2ème",
        "Etats",
        "10%",
        "1500000",
        "31 avril 2003",
        "le jeudi 12 décembre 1997",
        "*89^e séance plénière",
        "19 décembre 2011*",
        "renforce-\nment",
        "<!-- coquille-disable -->",
    ];
    prop_oneof![
        prop::sample::select(lines),
        prop::sample::select(fragments.map(String::from).to_vec()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

/// What the `whitespace` rule deletes as invisible.
const INVISIBLE: [char; 5] = ['\u{200B}', '\u{200C}', '\u{2060}', '\u{FEFF}', '\u{AD}'];

fn errors(linter: &Linter, text: &str) -> usize {
    linter
        .check(text)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn blocks_cover_every_byte_and_spans_are_sound(text in text()) {
        let document = Document::parse(&text);
        let mut covered = 0;
        for block in &document.blocks {
            prop_assert_eq!(block.span.start, covered);
            prop_assert!(block.span.end > block.span.start);
            covered = block.span.end;
        }
        prop_assert_eq!(covered, text.len());
        for diagnostic in Linter::all_rules().check_document(&document) {
            let spans = std::iter::once(diagnostic.span).chain(diagnostic.related.iter().map(|l| l.span));
            for span in spans {
                prop_assert!(span.start <= span.end && span.end <= text.len());
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
            for edit in diagnostic.fix.iter().flat_map(|f| &f.edits) {
                prop_assert!(edit.span.end <= text.len());
                prop_assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
            }
        }
    }

    #[test]
    fn positions_round_trip_at_every_grapheme(text in text()) {
        let document = Document::parse(&text);
        for (offset, _) in text.grapheme_indices(true) {
            let position: Position = document.lines.position(&text, offset);
            prop_assert!(position.line >= 1 && position.column >= 1);
            prop_assert_eq!(document.lines.offset(&text, position), Some(offset));
        }
    }

    #[test]
    fn fixing_is_idempotent_and_never_adds_an_error(text in text()) {
        let linter = Linter::all_rules();
        let first = fix_text(&linter, &text, Applicability::Safe);
        prop_assume!(first.converged);
        let second = fix_text(&linter, &first.text, Applicability::Safe);
        prop_assert_eq!(&second.text, &first.text);
        prop_assert_eq!(second.applied.total(), 0);
        // Counted against the text as a reader sees it: an invisible character inside a word
        // or a number hides it from every rule (`200\u{feff}5` is no year), and removing it
        // may rightly reveal a fault.
        let seen: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
        prop_assert!(errors(&linter, &first.text) <= errors(&linter, &seen));
    }
}
