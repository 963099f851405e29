//! The built-in typography pack: each rule's faults and traps, and what it finds on the real
//! documents (one `no 3` in each PDF extraction, nothing else).

mod common;

use coquille::diagnostic::Diagnostic;
use coquille::rules::{pack, Registry, Rule};
use coquille::settings::Settings;
use coquille::Linter;

fn linter(ids: &[&str]) -> Linter {
    let ids: Vec<String> = ids.iter().map(|id| (*id).to_owned()).collect();
    Linter::new(
        Registry::builtin().select(&ids, &[]).unwrap(),
        Settings::default(),
    )
}

/// `text` with every fix applied.
fn fixed(text: &str, diagnostics: &[Diagnostic]) -> String {
    let mut fixed = text.to_owned();
    for diagnostic in diagnostics.iter().rev() {
        for edit in diagnostic.fix.iter().flat_map(|f| f.edits.iter().rev()) {
            fixed.replace_range(edit.span.start..edit.span.end, &edit.replacement);
        }
    }
    fixed
}

/// Asserts that rule `id` flags exactly `flagged` (text, message) in `text` and that its
/// fixes turn `text` into `after`.
fn assert_flags(id: &str, text: &str, flagged: &[(&str, &str)], after: &str) {
    let found = linter(&[id]).check(text);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.span.text(text), d.message.as_str()))
        .collect();
    assert_eq!(got, flagged, "{id} on {text:?}");
    assert_eq!(fixed(text, &found), after, "{id} fixes {text:?}");
}

fn assert_silent(id: &str, texts: &[&str]) {
    for text in texts {
        assert_eq!(linter(&[id]).check(text), [], "{id} flags {text:?}");
    }
}

const NUMERO: &str = "numero-abbreviation";
const ORDINAL: &str = "ordinal-abbreviation";
const CAPITALS: &str = "accented-capitals";

#[test]
fn numero_abbreviation_faults() {
    let m = |mark: &str| format!("abréviation de « numéro » fautive : « {mark} »");
    for (text, mark, after) in [
        ("Supplément no 3", "no", "Supplément n° 3"),
        ("Supplément No 3", "No", "Supplément n° 3"),
        ("Supplément No. 3", "No.", "Supplément n° 3"),
        ("Supplément nº 3", "nº", "Supplément n° 3"),
        ("Supplément no\u{a0}3", "no", "Supplément n°\u{a0}3"),
        ("(no 12)", "no", "(n° 12)"),
        ("rapports Nos 3 et 4", "Nos", "rapports nos 3 et 4"),
        ("rapports Nos 3, 4 et 5", "Nos", "rapports nos 3, 4 et 5"),
        ("rapports nºs 3 à 5", "nºs", "rapports nos 3 à 5"),
    ] {
        assert_flags(NUMERO, text, &[(mark, &m(mark))], after);
    }
}

#[test]
fn numero_abbreviation_traps() {
    assert_silent(
        NUMERO,
        &[
            "No objection was raised.",
            "Il n'y a no man's land.",
            "Supplément n° 3",
            "rapports nos 3 et 4",
            "Nos 27 partenaires",
            "le casino 3",
            "A/RES/55/no 3",
            "nombre 3",
            "Non 3 fois",
        ],
    );
}

#[test]
fn ordinal_abbreviation_faults() {
    let m = |mark: &str| format!("abréviation d'ordinal fautive : « {mark} »");
    for (text, mark, after) in [
        ("sa 2ème session", "2ème", "sa 2e session"),
        ("sa 2è session", "2è", "sa 2e session"),
        ("sa 2eme session", "2eme", "sa 2e session"),
        ("sa 52ième session", "52ième", "sa 52e session"),
        ("les 3èmes sessions", "3èmes", "les 3es sessions"),
        ("la 1ère séance", "1ère", "la 1re séance"),
        ("la 1ere séance", "1ere", "la 1re séance"),
        ("les 1ères séances", "1ères", "les 1res séances"),
        ("au XXIème siècle", "XXIème", "au XXIe siècle"),
        ("la 70^ème^ séance", "70^ème", "la 70^e^ séance"),
        ("la 21ème.", "21ème", "la 21e."),
        ("la 2è\n", "2è", "la 2e\n"),
    ] {
        assert_flags(ORDINAL, text, &[(mark, &m(mark))], after);
    }
}

#[test]
fn ordinal_abbreviation_traps() {
    assert_silent(
        ORDINAL,
        &[
            "70^e séance",
            "*70^e^ séance plénière",
            "le 1er janvier, la 1re séance, la 2e, les 2es, le 2nd, la 2de",
            "au XXIe siècle",
            "la 1ème séance",
            "le 1è jour",
            "la Mère, la Cère, le Cèdre",
            "A1ère",
            "problème, gouvernement, système",
            "la dixième, la XXIe",
        ],
    );
}

#[test]
fn accented_capitals_faults() {
    let m = |mark: &str| format!("capitale sans accent : « {mark} »");
    for (text, mark, after) in [
        ("les Etats Membres", "Etats", "les États Membres"),
        ("l'Etat partie", "Etat", "l'État partie"),
        ("d’Etat", "Etat", "d’État"),
        ("l'Ecole normale", "Ecole", "l'École normale"),
        ("les Elections", "Elections", "les Élections"),
        ("Egalement, il", "Egalement", "Également, il"),
        ("A l'unanimité", "A", "À l'unanimité"),
        ("A l’unanimité", "A", "À l’unanimité"),
        ("Fin. A la demande", "A", "Fin. À la demande"),
        ("Fin ! A cet égard", "A", "Fin ! À cet égard"),
        ("Fin.\u{a0}A cette fin", "A", "Fin.\u{a0}À cette fin"),
        ("texte\n  *A la demande", "A", "texte\n  *À la demande"),
    ] {
        assert_flags(CAPITALS, text, &[(mark, &m(mark))], after);
    }
}

#[test]
fn accented_capitals_traps() {
    assert_silent(
        CAPITALS,
        &[
            "la résolution A/RES/55/109",
            "voir l'annexe A la concernant",
            "au point A la question",
            "il a la charge",
            "A. La situation",
            "A partir de l'âge nubile",
            "A laquelle",
            "les ETATS, les États, l'Établissement, l'Etablissement",
            "Etatsunis",
            "une Ecolière",
        ],
    );
}

#[test]
fn the_real_documents_hold_one_numero_fault_in_each_extraction_and_nothing_else() {
    let linter = linter(&[NUMERO, ORDINAL, CAPITALS]);
    for name in common::REAL_DOCUMENTS.iter().chain(&["udhr-fr.txt"]) {
        let text = common::read_fixture(name);
        let document = coquille::document::Document::parse(&text);
        let found: Vec<(&str, usize, usize, &str)> = linter
            .check_document(&document)
            .iter()
            .map(|d| {
                let at = document.lines.position(&text, d.span.start);
                (d.rule, at.line, at.column, d.span.text(&text))
            })
            .collect();
        let expected: &[(&str, usize, usize, &str)] = match *name {
            "A_RES_55_109.pdf-extracted.txt" => &[(NUMERO, 37, 78, "no")],
            "A_RES_62_160.pdf-extracted.txt" => &[(NUMERO, 49, 76, "no")],
            _ => &[],
        };
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn on_the_clean_seeds_no_pattern_is_even_compiled() {
    for name in ["A_RES_52_134.txt", "A_RES_58_170.txt", "A_RES_66_152.txt"] {
        let text = common::read_fixture(name);
        let fresh =
            pack::Pack::parse("typography.toml", include_str!("../rules/typography.toml")).unwrap();
        let document = coquille::document::Document::parse(&text);
        let mut found = Vec::new();
        for rule in fresh.rules() {
            rule.check(&document, &Settings::default(), &mut found);
        }
        assert_eq!(found, [], "{name}");
        let compiled: Vec<&str> = fresh
            .rules()
            .iter()
            .flat_map(|r| r.patterns())
            .filter(|p| p.is_compiled())
            .map(|p| p.source())
            .collect();
        assert_eq!(compiled, Vec::<&str>::new(), "{name}");
    }
}
