//! Bulk cleaning as users run it: `check --fix --unsafe-fixes --output-dir cleaned/ corpus/`
//! writes UTF-8 copies mirroring the corpus, leaves the originals alone and sums it up.

mod common;

use common::run_in;

use std::path::Path;

use coquille::diagnostic::Applicability;
use coquille::fix::fix_text;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

/// A corpus: the two extracted seeds in year folders, a Windows-1252 copy of one of them, a
/// clean seed, and a crafted document with an error no fix removes.
fn corpus(dir: &Path) -> Vec<(&'static str, Vec<u8>)> {
    let extracted = common::read_fixture("A_RES_55_109.pdf-extracted.txt");
    let (ansi, _, _) = encoding_rs::WINDOWS_1252.encode(&extracted);
    let files = vec![
        (
            "corpus/2000/A_RES_55_109.txt",
            extracted.clone().into_bytes(),
        ),
        ("corpus/2000/ansi.txt", ansi.into_owned()),
        (
            "corpus/2007/A_RES_62_160.txt",
            common::read_fixture("A_RES_62_160.pdf-extracted.txt").into_bytes(),
        ),
        (
            "corpus/A_RES_66_152.txt",
            common::read_fixture("A_RES_66_152.txt").into_bytes(),
        ),
        (
            "corpus/duplicate.txt",
            common::read_fixture("crafted/footnote-duplicate.txt").into_bytes(),
        ),
    ];
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    files
}

/// The rules run: the ocr group, and the structure rules for the error left; the typography
/// rules, whose fixes do not depend on the output folder, are left out so that these
/// figures do not change with them.
const RULES: &str = "ocr,structure";

const CLEAN: [&str; 11] = [
    "check",
    "--fix",
    "--unsafe-fixes",
    "--encoding",
    "auto",
    "--format",
    "concise",
    "--select",
    RULES,
    "--output-dir",
    "cleaned/",
];

/// The extracted 55/109 cleaned by the same rules, in memory.
fn cleaned_55_109() -> String {
    let rules = Registry::builtin()
        .select(
            &RULES.split(',').map(str::to_owned).collect::<Vec<_>>(),
            &[],
        )
        .unwrap();
    let outcome = fix_text(
        &Linter::new(rules, Settings::default()),
        &common::read_fixture("A_RES_55_109.pdf-extracted.txt"),
        Applicability::Unsafe,
    );
    outcome.text
}

#[test]
fn bulk_cleaning_writes_mirrored_utf8_copies_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus(dir.path());
    let (code, stdout, stderr) = run_in(dir.path(), &[&CLEAN[..], &["corpus/"]].concat());
    assert_eq!(
        stdout,
        "cleaned/2007/A_RES_62_160.txt:23:1: warning[ocr-page-artifact] filet de bas de page \
         laissé dans le texte\n\
         cleaned/2007/A_RES_62_160.txt:27:1: warning[ocr-footnote-marker] numéro de note « 2 » \
         sans texte\n\
         cleaned/duplicate.txt:36:1: error[footnote-duplicate] note 2 définie deux fois\n\
         5 fichiers vérifiés : 1 erreur, 2 avertissements, 0 info.\n\
         5 copies écrites sous cleaned/ : 3 nettoyées, 2 inchangées.\n\
         62 corrections appliquées (ocr-footnote-marker 17, ocr-hyphenation 2, \
         ocr-line-break 39, ocr-page-artifact 4).\n\
         1 fichier garde des erreurs :\n  cleaned/duplicate.txt\n"
    );
    assert_eq!(
        stderr,
        "coquille: corpus/2000/ansi.txt: not UTF-8; decoded as windows-1252 (detected)\n"
    );
    assert_eq!(code, Some(1), "an error is left");

    for (name, bytes) in &files {
        assert_eq!(
            &std::fs::read(dir.path().join(name)).unwrap(),
            bytes,
            "{name} untouched"
        );
    }
    let copy = |name: &str| std::fs::read_to_string(dir.path().join("cleaned").join(name)).unwrap();
    let expected = cleaned_55_109();
    assert_eq!(copy("2000/A_RES_55_109.txt"), expected);
    assert_eq!(
        copy("2000/ansi.txt"),
        expected,
        "the Windows-1252 copy is cleaned to the same UTF-8 text"
    );
}

#[test]
fn a_second_run_into_a_folder_inside_the_corpus_leaves_the_copies_out() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let inside = ["--output-dir", "corpus/cleaned", "corpus/2000"];
    let args = [&CLEAN[..9], &inside[..]].concat();
    let (_, first, _) = run_in(dir.path(), &args);
    assert!(
        first.contains("2 copies écrites sous corpus/cleaned : 2 nettoyées"),
        "{first}"
    );
    let args = [&CLEAN[..9], &["--output-dir", "corpus/cleaned", "corpus/"]].concat();
    let (_, second, _) = run_in(dir.path(), &args);
    assert!(
        second.contains("5 copies écrites sous corpus/cleaned"),
        "{second}"
    );
    assert!(!dir.path().join("corpus/cleaned/cleaned").exists());
}

#[test]
fn without_output_dir_a_decoded_file_is_fixed_in_place_in_utf8() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let args = [&CLEAN[..9], &["corpus/2000/ansi.txt"]].concat();
    let (code, _, _) = run_in(dir.path(), &args);
    assert_eq!(code, Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("corpus/2000/ansi.txt")).unwrap(),
        cleaned_55_109()
    );
}

#[test]
fn output_dir_goes_with_fix_only() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    for args in [
        &["check", "--output-dir", "cleaned", "corpus"][..],
        &[
            "check",
            "--diff",
            "--fix",
            "--output-dir",
            "cleaned",
            "corpus",
        ][..],
    ] {
        let (code, _, stderr) = run_in(dir.path(), args);
        assert_eq!(code, Some(2), "{stderr}");
    }
    assert!(!dir.path().join("cleaned").exists());
}
