//! `--encoding`: a Windows-1252 copy of a seed is an error by default, is read like the
//! original with `--encoding auto` or when named; mojibake in UTF-8 is found and repaired.

mod common;

use common::run;

use std::path::Path;

use serde_json::Value;

/// Writes `bytes` to `name` in `dir`; returns the path as a string.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "the seed fits in Windows-1252");
    bytes.into_owned()
}

/// The diagnostics of a JSON report, without their paths.
fn diagnostics(json: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(json).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.as_object_mut().unwrap().remove("path");
            d
        })
        .collect()
}

const SEED: &str = "A_RES_55_109.pdf-extracted.txt";

#[test]
fn a_windows_1252_file_is_one_clear_error_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "ansi.txt",
        &windows_1252(&common::read_fixture(SEED)),
    );
    let (code, stdout, stderr) = run(&["check", "--format", "concise", &path]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stdout,
        "0 fichier vérifié : 0 erreur, 0 avertissement, 0 info.\n"
    );
    let words: Vec<&str> = stderr.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        format!(
            "coquille::invalid_utf8 × {path}: not valid UTF-8: invalid byte sequence at byte \
             offset 32 help: read it with --encoding auto, which detects its encoding, or name \
             the encoding: --encoding windows-1252 (or latin-1)"
        )
    );
}

#[test]
fn auto_reads_it_like_the_original_and_says_which_encoding_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let original = common::read_fixture(SEED);
    let ansi = write(dir.path(), "ansi.txt", &windows_1252(&original));
    let utf8 = write(dir.path(), "utf8.txt", original.as_bytes());
    let json = |path: &str, encoding: &str| {
        run(&[
            "check",
            "--format",
            "json",
            "--encoding",
            encoding,
            "--select",
            "ocr",
            path,
        ])
    };
    let (code, expected, _) = json(&utf8, "utf-8");
    assert_eq!(code, Some(0));
    assert_eq!(diagnostics(&expected).len(), 25);

    let (code, stdout, stderr) = json(&ansi, "auto");
    assert_eq!(code, Some(0));
    assert_eq!(diagnostics(&stdout), diagnostics(&expected));
    assert_eq!(
        stderr,
        format!("coquille: {ansi}: not UTF-8; decoded as windows-1252 (detected)\n")
    );

    let (_, stdout, stderr) = json(&ansi, "windows-1252");
    assert_eq!(diagnostics(&stdout), diagnostics(&expected));
    assert_eq!(stderr, "", "a named encoding goes without saying");

    let (_, stdout, stderr) = json(&utf8, "auto");
    assert_eq!(diagnostics(&stdout), diagnostics(&expected));
    assert_eq!(stderr, "", "UTF-8 is read as it is");
}

#[test]
fn mojibake_is_flagged_with_its_cause_and_repaired() {
    let original = common::read_fixture("A_RES_52_134.txt");
    let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(original.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "garbled.txt", garbled.as_bytes());
    let select = ["--select", "ocr-confusable"];
    let (code, stdout, _) = run(&[&["check", "--format", "json"], &select[..], &[&path]].concat());
    assert_eq!(code, Some(0));
    let found = diagnostics(&stdout);
    assert_eq!(found.len(), 80, "one per character that is not ASCII");
    assert_eq!(
        (
            &found[0]["message"],
            found[0]["line"].as_u64(),
            found[0]["column"].as_u64()
        ),
        (
            &Value::from("texte mal décodé : « Ã© » pour « é »"),
            Some(5),
            Some(8)
        )
    );
    assert!(found[0]["help"]
        .as_str()
        .unwrap()
        .contains("le fichier a été décodé avec le mauvais encodage"));

    let fix = ["check", "--fix", "--unsafe-fixes", "--format", "concise"];
    let (code, _, _) = run(&[&fix[..], &select[..], &[&path]].concat());
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}
