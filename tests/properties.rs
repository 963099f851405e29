//! Properties that hold on any text (issue 7): spans inside the file and on UTF-8 boundaries,
//! every byte in exactly one block, positions that round-trip, fixes that are idempotent and
//! never add an error. The checks are those of the fuzz targets `parse`, `lint_utf8` and
//! `fix` (`tests/common/fuzz_checks.rs`), here on texts made of pieces of resolutions.

mod common;

use common::fuzz_checks;
use proptest::prelude::*;

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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn blocks_cover_every_byte_and_positions_round_trip(text in text()) {
        fuzz_checks::parse(text.as_bytes());
    }

    #[test]
    fn findings_are_sound_and_render(text in text()) {
        fuzz_checks::lint_utf8(text.as_bytes());
    }

    #[test]
    fn fixes_touch_only_their_edits_are_idempotent_and_never_add_an_error(text in text()) {
        fuzz_checks::fix(text.as_bytes());
    }
}
