//! `coquille.toml`, suppression comments and the baseline, as the binary runs them.

mod common;

use std::path::Path;

use common::coquille_in;

/// The concise report of coquille run in `folder`: one line per finding, no summary.
fn findings(folder: &Path, args: &[&str]) -> Vec<String> {
    let output = coquille_in(folder, &[&["check", "--format", "concise"], args].concat());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter(|line| line.contains(": "))
        .filter(|line| !line.contains("fichier"))
        .map(str::to_owned)
        .collect()
}

fn write(folder: &Path, name: &str, text: &str) {
    let path = folder.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// An ordinary space before `:`: an error with `spacing = nbsp`, nothing with `any`.
const COLON: &str = "Il dit : oui.\n";

#[test]
fn the_file_is_found_in_a_parent_and_the_command_line_overrides_it() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "coquille.toml", "spacing = \"any\"\n");
    write(root.path(), "sub/a.md", COLON);
    let sub = root.path().join("sub");
    assert_eq!(findings(&sub, &["a.md"]), Vec::<String>::new());
    assert_eq!(
        findings(&sub, &["a.md", "--spacing", "nbsp"]),
        ["a.md:1:7: warning[space-before-punctuation] espace ordinaire avant « : »"]
    );
    write(&sub, "coquille.toml", "select = [\"ocr\"]\n");
    assert_eq!(
        findings(&sub, &["a.md", "--select", "typography"]),
        ["a.md:1:7: warning[space-before-punctuation] espace ordinaire avant « : »"],
        "the nearest file wins, and --select overrides its select"
    );
    assert_eq!(findings(&sub, &["a.md"]), Vec::<String>::new());
    assert_eq!(
        findings(&sub, &["a.md", "--config", "../coquille.toml"]),
        Vec::<String>::new()
    );
}

#[test]
fn severities_exclude_and_per_file_ignores_apply() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "coquille.toml",
        "exclude = [\"archive\"]\n\n[severity]\nspace-before-punctuation = \"info\"\n\n[per-file-ignores]\n\"annexes/*.md\" = [\"typography\"]\n",
    );
    write(root.path(), "a.md", COLON);
    write(root.path(), "archive/old.md", COLON);
    write(root.path(), "annexes/b.md", COLON);
    let output = coquille_in(root.path(), &["check", "--format", "concise"]);
    assert_eq!(
        String::from_utf8(output.stdout).unwrap().lines().next(),
        Some("./a.md:1:7: info[space-before-punctuation] espace ordinaire avant « : »")
    );
    assert_eq!(output.status.code(), Some(0), "an info does not fail");
    write(
        root.path(),
        "coquille.toml",
        "[severity]\nspace-before-punctuation = \"off\"\n",
    );
    assert_eq!(findings(root.path(), &["a.md"]), Vec::<String>::new());
}

#[test]
fn a_bad_config_exits_2_and_points_into_the_file() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "coquille.toml",
        "select = [\"typography\"]\nignore = [\"whitespaces\"]\n",
    );
    write(root.path(), "a.md", COLON);
    let output = coquille_in(root.path(), &["check", "a.md"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("× coquille.toml: unknown rule or group `whitespaces`"),
        "{stderr}"
    );
    assert!(stderr.contains("╭─[coquille.toml:2:11]"), "{stderr}");
}

#[test]
fn suppression_comments_hide_findings_and_unused_ones_are_reported() {
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "a.md",
        "<!-- coquille-disable-next-line space-before-punctuation -->\nIl dit : oui.\n\n\
         <!-- coquille-disable typography -->\nIl dit : non.\n\n<!-- coquille-enable typography -->\n\n\
         <!-- coquille-disable-next-line footnote-order -->\nIl dit : peut-être.\n",
    );
    assert_eq!(
        findings(root.path(), &["a.md"]),
        [
            "a.md:9:1: warning[unused-suppression] suppression inutilisée",
            "a.md:10:7: warning[space-before-punctuation] espace ordinaire avant « : »",
        ]
    );
}

#[test]
fn the_baseline_hides_old_findings_that_moved_and_reports_new_ones() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "a.md", "Titre\n\nIl dit : oui.\n");
    let written = coquille_in(
        root.path(),
        &["check", "a.md", "--write-baseline", "baseline.json"],
    );
    assert_eq!(written.status.code(), Some(0));
    let baseline = std::fs::read_to_string(root.path().join("baseline.json")).unwrap();
    assert!(
        baseline.contains("\"rule\": \"space-before-punctuation\""),
        "{baseline}"
    );
    write(
        root.path(),
        "a.md",
        "Titre\n\nUne ligne de plus.\n\nIl dit : oui.\n\nElle dit : non.\n",
    );
    assert_eq!(
        findings(root.path(), &["a.md", "--baseline", "baseline.json"]),
        ["a.md:7:9: warning[space-before-punctuation] espace ordinaire avant « : »"]
    );
    assert_eq!(findings(root.path(), &["a.md"]).len(), 2);
}

#[test]
fn the_baseline_counts_repeated_findings() {
    let root = tempfile::tempdir().unwrap();
    write(root.path(), "a.md", "Il dit : oui.\n\nIl dit : oui.\n");
    coquille_in(
        root.path(),
        &["check", "a.md", "--write-baseline", "b.json"],
    );
    let baseline = std::fs::read_to_string(root.path().join("b.json")).unwrap();
    assert!(baseline.contains("\"count\": 2"), "{baseline}");
    write(
        root.path(),
        "a.md",
        "Il dit : oui.\n\nIl dit : oui.\n\nIl dit : oui.\n",
    );
    assert_eq!(
        findings(root.path(), &["a.md", "--baseline", "b.json"]),
        ["a.md:5:7: warning[space-before-punctuation] espace ordinaire avant « : »"]
    );
    write(root.path(), "b.json", "{\"entries\": []}");
    let output = coquille_in(root.path(), &["check", "a.md", "--baseline", "b.json"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a file that is not a baseline"
    );
}

#[test]
fn rules_and_explain_list_the_packs_of_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let pack =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/README.md")).unwrap();
    let toml_start = pack
        .find("```toml\n[[rule]]")
        .expect("the README's example pack")
        + 8;
    let toml_end = toml_start + pack[toml_start..].find("```").unwrap();
    write(dir.path(), "house.toml", &pack[toml_start..toml_end]);
    write(dir.path(), "coquille.toml", "rules = [\"house.toml\"]\n");
    let listing = coquille_in(dir.path(), &["rules"]);
    assert!(String::from_utf8(listing.stdout)
        .unwrap()
        .contains("house-terminology"));
    let explained = coquille_in(dir.path(), &["explain", "house-terminology"]);
    assert_eq!(explained.status.code(), Some(0));
}
