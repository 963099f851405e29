//! The typography fixes: exact results on the faults fixture, idempotence on the real
//! documents, and a property test on random French text.

mod common;

use coquille::diagnostic::Applicability;
use coquille::fix::fix_text;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const N: &str = "\u{a0}";

#[test]
fn the_faults_fixture_is_fixed_line_by_line() {
    let outcome = fix_text(
        &Linter::all_rules(),
        &common::read_fixture("typography/faults.md"),
        Applicability::Safe,
    );
    let expected = [
        format!("Rappelant la résolution{N}; puis l’examen{N}: encore{N}!"),
        format!("Intitulée «{N}Promotion du dialogue{N}» et «{N}Programme{N}»."),
        "La coopération, les droits (et) la fin. Le début".to_owned(),
        "L’examen et l’étude.".to_owned(),
        format!("Une hausse de 10{N}% pour 1{N}500{N}000 personnes et 20{N}000 dollars."),
        "Le texte doublé, la coopération".to_owned(),
    ];
    let fixed: Vec<&str> = outcome.text.lines().collect();
    assert_eq!(fixed, expected);
    assert!(outcome.converged);
    assert_eq!(outcome.fixable(Applicability::Safe), 0);
}

#[test]
fn fixing_the_real_documents_converges_and_a_second_pass_changes_nothing() {
    let linter = Linter::all_rules();
    for name in common::REAL_DOCUMENTS.iter().chain(&["udhr-fr.txt"]) {
        let first = fix_text(&linter, &common::read_fixture(name), Applicability::Safe);
        assert!(first.converged, "{name}");
        assert_eq!(first.fixable(Applicability::Safe), 0, "{name}");
        let second = fix_text(&linter, &first.text, Applicability::Safe);
        assert_eq!(second.text, first.text, "{name}");
        assert_eq!(second.applied.total(), 0, "{name}");
        let spacing = fix_text(
            &spacing_rules(),
            &common::read_fixture(name),
            Applicability::Safe,
        );
        assert_eq!(
            letters(&spacing.text),
            letters(&common::read_fixture(name)),
            "{name}"
        );
    }
}

/// The typography rules that only move spaces and signs (not `numero-abbreviation`,
/// `ordinal-abbreviation` or `accented-capitals`, whose fixes rewrite letters on purpose).
fn spacing_rules() -> Linter {
    let ignored = [
        "numero-abbreviation",
        "ordinal-abbreviation",
        "accented-capitals",
    ]
    .map(String::from);
    let rules = Registry::builtin()
        .select(&["typography".to_owned()], &ignored)
        .unwrap();
    Linter::new(rules, Settings::default())
}

/// The letters and digits of `text`, composed: what no spacing fix may change.
fn letters(text: &str) -> String {
    text.nfc().filter(|c| c.is_alphanumeric()).collect()
}

/// Pieces of French text and of its typographic faults.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "la",
        "coopération",
        "internationale",
        "l'homme",
        "l’État",
        "1500000",
        "10",
        "%",
        "2003",
        "20 000",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\t",
        ";",
        ":",
        "!",
        "?",
        ",",
        ".",
        "(",
        ")",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "'",
        "’",
        "\n",
        "\r\n",
        "e\u{301}",
        "\u{ad}",
        "\u{200b}",
        "A/RES/55/109",
        "https://un.org/a;b",
        "10:30",
        "*Décide*",
        "70^e",
        "¹",
        "1.",
        "a)",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn safe_fixes_converge_and_keep_every_letter(pieces in prop::collection::vec(piece(), 0..60)) {
        let text: String = pieces.concat();
        let outcome = fix_text(&spacing_rules(), &text, Applicability::Safe);
        prop_assert!(outcome.converged);
        prop_assert_eq!(outcome.fixable(Applicability::Safe), 0);
        prop_assert_eq!(letters(&outcome.text), letters(&text));
    }
}
