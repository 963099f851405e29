//! The binary as users and CI run it: exit codes, formats, bad input, rule listing.

mod common;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use common::coquille;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

#[test]
fn the_fixtures_folder_of_the_readme_runs() {
    let output = coquille(&["check", "fixtures/", "--format", "json"]);
    let report = json(&output);
    let files = report["summary"]["files"].as_u64().unwrap();
    assert_eq!(
        files, 35,
        "5 seeds, the UDHR, 10 crafted documents, 17 crafted date documents, 2 typography fixtures"
    );
    assert_eq!(output.status.code(), Some(1), "crafted errors fail the run");
}

#[test]
fn exit_codes_follow_the_worst_finding() {
    assert_eq!(
        coquille(&["check", "fixtures/A_RES_58_170.txt"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        coquille(&["check", "fixtures/crafted/footnote-order.txt"])
            .status
            .code(),
        Some(0),
        "a warning does not fail"
    );
    assert_eq!(
        coquille(&["check", "fixtures/crafted/footnote-duplicate.txt"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        coquille(&["check", "--select", "nonsense", "fixtures/"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn json_output_follows_the_spec() {
    let output = coquille(&[
        "check",
        "--format",
        "json",
        "--select",
        "structure",
        "fixtures/crafted/footnote-duplicate.txt",
    ]);
    let report = json(&output);
    assert_eq!(report["version"], 1);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d["path"], "fixtures/crafted/footnote-duplicate.txt");
    assert_eq!(d["rule"], "footnote-duplicate");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "note 2 définie deux fois");
    let text = common::read_fixture("crafted/footnote-duplicate.txt");
    let offset = d["offset"].as_u64().unwrap() as usize;
    assert_eq!(
        &text[offset..offset + d["length"].as_u64().unwrap() as usize],
        "²"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(36), Some(1))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(36), Some(2))
    );
    assert!(d["help"].as_str().unwrap().contains("numéro unique"));
    assert!(d["fix"].is_null());
    assert_eq!(d["related"][0]["line"], 34);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
}

#[test]
fn a_fix_is_reported_with_its_edits() {
    let output = coquille(&[
        "check",
        "--format",
        "json",
        "fixtures/crafted/preamble-comma-missing.txt",
    ]);
    let d = &json(&output)["diagnostics"][0];
    assert_eq!(d["fix"]["applicability"], "unsafe");
    let edit = &d["fix"]["edits"][0];
    assert_eq!(
        (edit["length"].as_u64(), edit["replacement"].as_str()),
        (Some(0), Some(","))
    );
    assert_eq!(
        edit["offset"].as_u64().unwrap(),
        d["offset"].as_u64().unwrap() + 1
    );
}

#[test]
fn an_invalid_file_is_reported_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::fixtures().join("crafted/footnote-duplicate.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), b"R\xc3\xa9solution \xe9t\xe9\n").unwrap();
    std::fs::copy(
        common::fixtures().join("A_RES_52_134.txt"),
        dir.path().join("c.md"),
    )
    .unwrap();
    let folder = dir.path().to_str().unwrap();
    let output = coquille(&["check", "--format", "json", folder, "does-not-exist.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let report = json(&output);
    assert_eq!(report["summary"]["files"], 2);
    assert_eq!(report["diagnostics"][0]["rule"], "footnote-duplicate");
    let errors = stderr(&output);
    assert!(
        errors.contains("b.txt: not valid UTF-8: invalid byte sequence at byte offset 12"),
        "{errors}"
    );
    assert!(
        errors.contains("does-not-exist.txt: no such file or directory"),
        "{errors}"
    );
    assert_eq!(report["file_errors"].as_array().unwrap().len(), 2);
}

#[test]
fn folders_are_walked_for_txt_and_md_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    let bad = common::read_fixture("crafted/footnote-duplicate.txt");
    for name in ["sub/deeper/x.txt", "sub/y.md", "ignored.txt", "notes.rtf"] {
        std::fs::write(root.join(name), &bad).unwrap();
    }
    std::fs::write(root.join("empty.txt"), "").unwrap();
    std::fs::write(root.join(".gitignore"), "ignored.txt\n").unwrap();
    let output = coquille(&[
        "check",
        "--format",
        "json",
        "--select",
        "structure",
        root.to_str().unwrap(),
    ]);
    let report = json(&output);
    let paths: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            Path::new(d["path"].as_str().unwrap())
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["sub/deeper/x.txt", "sub/y.md"]);
    assert_eq!(
        report["summary"]["files"], 3,
        "the empty file is checked too"
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = common::read_fixture("crafted/numbering-skipped.txt");
    let output = common::output_with_stdin(
        common::binary().args(["check", "--format", "concise", "--select", "structure", "-"]),
        text.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with(
        "<stdin>:38:1: error[paragraph-numbering] paragraphe 4 inattendu : 3 manque\n"
    ));
}

#[test]
fn select_and_ignore_take_ids_and_groups() {
    let path = "fixtures/crafted/footnote-duplicate.txt";
    let count = |args: &[&str]| {
        json(&coquille(
            &[&["check", "--format", "json", path], args].concat(),
        ))["diagnostics"]
            .as_array()
            .unwrap()
            .len()
    };
    let all = count(&[]);
    assert_eq!(count(&["--select", "structure"]), 1);
    assert_eq!(count(&["--ignore", "structure"]), all - 1);
    assert_eq!(count(&["--ignore", "structure,typography"]), 0);
    assert_eq!(
        count(&["--select", "footnote-order,paragraph-numbering"]),
        0
    );
    assert_eq!(
        count(&["--select", "structure", "--ignore", "footnote-order"]),
        1
    );
    let unknown = coquille(&["check", "--select", "footnote-nope", path]);
    assert!(stderr(&unknown).contains("unknown rule or group `footnote-nope`"));
}

#[test]
fn crlf_and_bom_files_get_the_same_positions() {
    let dir = tempfile::tempdir().unwrap();
    let lf = common::read_fixture("crafted/footnote-order.txt");
    let crlf = format!("\u{FEFF}{}", lf.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("crlf.txt"), &crlf).unwrap();
    let output = coquille(&[
        "check",
        "--format",
        "json",
        "--select",
        "structure",
        dir.path().join("crlf.txt").to_str().unwrap(),
    ]);
    let d = &json(&output)["diagnostics"][0];
    assert_eq!(
        (d["rule"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("footnote-order"), Some(24), Some(201))
    );
    let offset = d["offset"].as_u64().unwrap() as usize;
    assert_eq!(&crlf[offset..offset + 2], "²");
}

#[test]
fn rules_and_explain_come_from_the_registry() {
    let listing = stdout(&coquille(&["rules"]));
    for rule in coquille::rules::Registry::builtin().rules() {
        assert!(listing.contains(rule.meta().id), "{listing}");
    }
    let explained = coquille(&["explain", "footnote-order"]);
    assert_eq!(explained.status.code(), Some(0));
    let text = stdout(&explained);
    assert!(text.starts_with("# footnote-order\n"));
    assert!(text.contains("Rappelant sa résolution 55/2² et sa résolution 57/224¹,"));
    assert_eq!(coquille(&["explain", "nope"]).status.code(), Some(2));
}

/// A house pack with one rule, as an editorial team would write it.
const HOUSE_PACK: &str = r#"[[rule]]
id = "house-terminology"
group = "typography"
severity = "error"
summary = "UN house terms"
explanation = "Checks house terms."
message = "« {0} » : écrivez « {fix} »"
pattern = '''(?-u:\b)Cote d(?P<apostrophe>['’])Ivoire'''
fix = 'Côte d${apostrophe}Ivoire'

[[rule.examples]]
bad = "la Cote d'Ivoire"
good = "la Côte d'Ivoire"
fixed = "la Côte d'Ivoire"
"#;

#[test]
fn rules_adds_a_pack_to_check_rules_and_explain() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("house.toml");
    std::fs::write(&pack, HOUSE_PACK).unwrap();
    let text = dir.path().join("t.txt");
    std::fs::write(&text, "La Cote d’Ivoire.\n").unwrap();
    let (pack, text) = (pack.to_str().unwrap(), text.to_str().unwrap());

    let output = coquille(&["check", "--format", "concise", "--rules", pack, text]);
    assert_eq!(output.status.code(), Some(1), "the house rule is an error");
    assert!(stdout(&output).starts_with(&format!(
        "{text}:1:4: error[house-terminology] « Cote d’Ivoire » : écrivez « Côte d’Ivoire »\n"
    )));
    let folder = dir.path().to_str().unwrap();
    let by_folder = coquille(&[
        "check",
        "--select",
        "house-terminology",
        "--rules",
        folder,
        text,
    ]);
    assert_eq!(by_folder.status.code(), Some(1));

    let listing = stdout(&coquille(&["rules", "--rules", pack]));
    assert!(
        listing
            .contains("\nhouse-terminology        typography   error    safe    UN house terms\n"),
        "{listing}"
    );
    let explained = stdout(&coquille(&[
        "explain",
        "house-terminology",
        "--rules",
        pack,
    ]));
    assert!(
        explained.contains("Flagged:\n    la Cote d'Ivoire\n\nFixed:\n    la Côte d'Ivoire\n"),
        "{explained}"
    );
    assert_eq!(
        coquille(&["explain", "house-terminology"]).status.code(),
        Some(2)
    );
}

#[test]
fn a_bad_pack_is_reported_in_its_toml_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("house.toml");
    std::fs::write(&pack, HOUSE_PACK.replace("${apostrophe}", "${apos}")).unwrap();
    let pack = pack.to_str().unwrap();
    let output = coquille(&["check", "--rules", pack, "fixtures/A_RES_58_170.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "", "nothing is checked");
    let errors = stderr(&output);
    assert!(
        errors.contains("the fix names the group `apos`, which the pattern does not have"),
        "{errors}"
    );
    assert!(errors.contains(&format!("[{pack}:9:14]")), "{errors}");

    let taken = dir.path().join("taken.toml");
    std::fs::write(
        &taken,
        HOUSE_PACK.replace("house-terminology", "numero-abbreviation"),
    )
    .unwrap();
    let output = coquille(&["rules", "--rules", taken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("rule id `numero-abbreviation` is already taken"));
    let missing = coquille(&["check", "--rules", "nope.toml", "fixtures/A_RES_58_170.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.toml: cannot read: "));
}
