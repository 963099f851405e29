//! Parsing and linting never panic and keep every span inside the text, on damaged copies of
//! the real documents: truncated anywhere, bytes swapped, Unicode decomposed.

mod common;

use coquille::document::Document;
use coquille::Linter;

/// A small deterministic generator, so failures can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

fn assert_sound(text: &str) {
    let document = Document::parse(text);
    let mut covered = 0;
    for block in &document.blocks {
        assert_eq!(block.span.start, covered);
        covered = block.span.end;
    }
    assert_eq!(covered, text.len());
    for diagnostic in Linter::all_rules().check_document(&document) {
        let spans =
            std::iter::once(diagnostic.span).chain(diagnostic.related.iter().map(|l| l.span));
        for span in spans {
            assert!(span.end <= text.len() && span.start <= span.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            document.lines.position(text, span.start);
        }
    }
}

#[test]
fn every_truncation_of_every_real_document_parses() {
    for name in common::REAL_DOCUMENTS {
        let text = common::read_fixture(name);
        for (end, _) in text.char_indices().step_by(5) {
            assert_sound(&text[..end]);
            assert_sound(&text[end..]);
        }
    }
}

#[test]
fn scrambled_lines_and_characters_parse() {
    let pieces = [
        "\n",
        "\r\n",
        " ",
        "¹",
        "²",
        "^1^",
        "[^1]",
        "[^1]: ",
        "1",
        "12",
        "1. ",
        "a) ",
        "(ii) ",
        "_____",
        "A/RES/55/109",
        "«",
        "»",
        "e\u{301}",
        "🇫🇷",
        "\u{202F}",
        "\u{FEFF}",
        "séance plénière",
        "*",
        "du 31 ",
        " au ",
        "décembre",
        " 2004",
        "jeudi ",
        "1ᵉʳ",
        "12/12/1997",
        "résolution 57/224",
        ", en date du ",
        "adoptée le ",
        "cinquante-",
        " et unième session",
    ];
    let mut random = Lcg(7);
    for name in common::REAL_DOCUMENTS {
        let text = common::read_fixture(name);
        let lines: Vec<&str> = text.lines().collect();
        for _ in 0..200 {
            let mut mutated = String::new();
            for _ in 0..lines.len() {
                mutated.push_str(lines[random.next(lines.len())]);
                mutated.push_str(pieces[random.next(pieces.len())]);
                mutated.push_str(pieces[random.next(pieces.len())]);
            }
            assert_sound(&mutated);
        }
    }
}

#[test]
fn decomposed_accents_and_emoji_move_offsets_but_not_columns() {
    let text = common::read_fixture("crafted/footnote-order.txt");
    let decomposed = text
        .replace("Rappelant la Déclaration", "🇺🇳 Rappelant la Déclaration")
        .replace('é', "e\u{301}");
    let original = common::findings("structure", &text);
    let moved = common::findings("structure", &decomposed);
    assert_eq!(original, [("footnote-order", 24, 201, "²".to_owned())]);
    assert_eq!(
        moved,
        [("footnote-order", 24, 203, "²".to_owned())],
        "the flag and its space are two more columns"
    );
}
