//! The options for CI and editors, through the binary: `--stdin-filename`, `--deny-warnings`,
//! `--statistics`, `--format jsonl` streaming, `completions`.

mod common;

use std::process::Output;

use serde_json::Value;

/// [`common::coquille_with_stdin`], the standard input empty if `stdin` is `None`.
fn coquille(args: &[&str], stdin: Option<&str>) -> Output {
    common::coquille_with_stdin(args, stdin.unwrap_or("").as_bytes())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn stdin_is_reported_under_the_name_given() {
    let text = "Elle a dit « oui ».\n";
    let output = coquille(
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "corpus/a.md",
            "-",
        ],
        Some(text),
    );
    let report = stdout(&output);
    assert!(report.starts_with("corpus/a.md:1:"), "{report}");
    assert!(!report.contains("<stdin>"));
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let args = ["check", "--format", "json", "--select", "structure"];
    let fixture = "fixtures/crafted/footnote-order.txt";
    let warned = coquille(&[&args[..], &[fixture]].concat(), None);
    assert_eq!(warned.status.code(), Some(0));
    let denied = coquille(&[&args[..], &["--deny-warnings", fixture]].concat(), None);
    assert_eq!(denied.status.code(), Some(1));
    let clean = coquille(
        &[&args[..], &["--deny-warnings", "fixtures/A_RES_66_152.txt"]].concat(),
        None,
    );
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn statistics_in_json_and_after_the_pretty_report() {
    let fixture = "fixtures/crafted/footnote-duplicate.txt";
    let json = coquille(
        &["check", "--format", "json", "--statistics", fixture],
        None,
    );
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        report["statistics"][0],
        serde_json::json!({"rule": "space-before-punctuation", "count": 9})
    );
    let pretty = stdout(&coquille(&["check", "--statistics", fixture], None));
    assert!(
        pretty.ends_with("9  space-before-punctuation\n1  footnote-duplicate\n1  guillemets\n"),
        "{pretty}"
    );
}

#[test]
fn jsonl_ends_with_the_summary_and_the_inputs_that_failed() {
    let output = coquille(
        &[
            "check",
            "--format",
            "jsonl",
            "fixtures/crafted",
            "missing.txt",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2), "a missing input is trouble");
    let lines: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let (summary, findings) = lines.split_last().unwrap();
    assert!(findings.iter().all(|line| line["rule"].is_string()));
    let summary = &summary["summary"];
    assert_eq!(summary["files"], 27);
    assert_eq!(summary["file_errors"][0]["path"], "missing.txt");
    let paths: Vec<&str> = findings
        .iter()
        .map(|line| line["path"].as_str().unwrap())
        .collect();
    assert!(paths.is_sorted(), "files come in the order they are walked");
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef coquille"),
        ("fish", "complete -c coquille"),
    ] {
        let output = coquille(&["completions", shell], None);
        assert_eq!(output.status.code(), Some(0));
        let script = stdout(&output);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains("stdin-filename"),
            "{shell} completes the options"
        );
    }
}

#[test]
fn the_pre_commit_hook_runs_coquille_on_the_files_given() {
    let hooks = include_str!("../.pre-commit-hooks.yaml");
    let entry = hooks
        .lines()
        .find_map(|line| line.trim().strip_prefix("entry: "))
        .expect("the hook has an entry");
    let args: Vec<&str> = entry.split_whitespace().collect();
    assert_eq!(args[0], "coquille");
    let files = ["fixtures/A_RES_66_152.txt", "fixtures/udhr-fr.txt"];
    let output = coquille(&[&args[1..], &files].concat(), None);
    assert!(
        output.status.code().is_some_and(|code| code < 2),
        "{}",
        stdout(&output)
    );
}
