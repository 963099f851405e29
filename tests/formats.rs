//! The machine formats pinned and validated: `github`, `sarif` and `jsonl` snapshots on the
//! fixtures; `json` and `jsonl` against the schemas in `schemas/`, `sarif` against the SARIF
//! 2.1.0 schema; `--statistics`.

mod common;

use coquille::render::Format;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::{walk, Linter, Report};
use serde_json::Value;

const FIXTURES: [&str; 2] = [
    "fixtures/crafted/footnote-duplicate.txt",
    "fixtures/typography/faults.md",
];

fn render(format: Format, paths: &[&str], statistics: bool) -> String {
    let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let (inputs, failures) = walk::collect_inputs(&paths);
    let registry = Registry::builtin();
    let linter = Linter::new(registry.rules().to_vec(), Settings::default());
    let report = Report::check(&linter, &inputs, failures);
    common::render_report(&report, format, statistics)
}

fn read_json(path: &str) -> Value {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Panics with every error of `instance` against `validator`.
fn assert_valid(validator: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn github_workflow_commands_on_the_fixtures() {
    insta::assert_snapshot!(render(Format::Github, &FIXTURES, false));
}

#[test]
fn jsonl_output_on_the_fixtures() {
    insta::assert_snapshot!(render(Format::Jsonl, &FIXTURES, true));
}

#[test]
fn sarif_output_on_the_fixtures() {
    let sarif: Value = serde_json::from_str(&render(Format::Sarif, &FIXTURES, false)).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&sarif["runs"][0]["results"]).unwrap());
}

#[test]
fn statistics_follow_the_concise_report() {
    let output = render(Format::Concise, &FIXTURES[..1], true);
    let statistics: Vec<&str> = output.lines().rev().take(3).collect();
    assert_eq!(
        statistics,
        [
            "1  guillemets",
            "1  footnote-duplicate",
            "9  space-before-punctuation"
        ]
    );
}

#[test]
fn json_output_follows_its_schema() {
    let validator = jsonschema::validator_for(&read_json("schemas/coquille.schema.json")).unwrap();
    for statistics in [false, true] {
        let output: Value =
            serde_json::from_str(&render(Format::Json, &["fixtures"], statistics)).unwrap();
        assert_valid(&validator, &output);
        assert_eq!(output.get("statistics").is_some(), statistics);
    }
    let broken = serde_json::json!({"version": 1, "diagnostics": [{"path": "a"}],
        "summary": {"files": 1, "errors": 0, "warnings": 0, "infos": 0}, "file_errors": []});
    assert!(
        !validator.is_valid(&broken),
        "the schema requires the fields"
    );
}

#[test]
fn every_jsonl_line_follows_its_schema() {
    let base = "file:///coquille/schemas/";
    let schemas = jsonschema::Registry::new()
        .add(
            format!("{base}coquille.schema.json"),
            read_json("schemas/coquille.schema.json"),
        )
        .unwrap()
        .prepare()
        .unwrap();
    let validator = jsonschema::options()
        .with_registry(&schemas)
        .with_base_uri(format!("{base}coquille-jsonl.schema.json"))
        .build(&read_json("schemas/coquille-jsonl.schema.json"))
        .unwrap();
    let output = render(Format::Jsonl, &["fixtures"], true);
    let lines: Vec<Value> = output
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for line in &lines {
        assert_valid(&validator, line);
    }
    let json: Value = serde_json::from_str(&render(Format::Json, &["fixtures"], true)).unwrap();
    let summary = &lines.last().unwrap()["summary"];
    assert_eq!(summary["errors"], json["summary"]["errors"]);
    assert_eq!(summary["statistics"], json["statistics"]);
    assert_eq!(
        lines.len() - 1,
        json["diagnostics"].as_array().unwrap().len(),
        "one line per finding, then the summary"
    );
}

#[test]
fn sarif_output_follows_the_sarif_2_1_0_schema() {
    // The official schema's pattern for `language` has a stray `]`, which a strict regex
    // check of the schema rejects; coquille writes no `language`, so mend it here.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray));
    let text = text.replace(stray, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sarif: Value = serde_json::from_str(&render(Format::Sarif, &["fixtures"], false)).unwrap();
    assert_valid(&validator, &sarif);
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken), "the schema is enforced");
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), Registry::builtin().rules().len());
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

/// The README's advice to editor-plugin authors: UTF-16 positions come from the byte offset,
/// not from the grapheme column.
#[test]
fn utf16_columns_come_from_the_byte_offset() {
    let text = "Ligne\nLe 👍🏽 e\u{301}té ; fin.\n";
    let output = {
        let report = Report {
            files: vec![coquille::FileReport {
                file: coquille::source::SourceFile {
                    name: "a.txt".into(),
                    text: text.into(),
                    decoded_from: None,
                },
                lines: coquille::line_index::LineIndex::new(text),
                diagnostics: Linter::all_rules().check(text),
            }],
            failures: Vec::new(),
            skipped: Vec::new(),
        };
        let json = common::render_report(&report, Format::Json, false);
        serde_json::from_str::<Value>(&json).unwrap()
    };
    let finding = output["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "space-before-punctuation")
        .expect("the ordinary space before `;` is flagged");
    let offset = finding["offset"].as_u64().unwrap() as usize;
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    let utf16 = text[line_start..offset].encode_utf16().count();
    assert_eq!(finding["line"], 2);
    assert_eq!(
        finding["column"], 9,
        "8 graphemes before it: L e ␣ 👍🏽 ␣ é t é"
    );
    assert_eq!(
        utf16, 12,
        "UTF-16 units: the emoji and its modifier are 4, é is 2"
    );
    let flagged: Vec<u16> = text[line_start..]
        .encode_utf16()
        .skip(utf16)
        .take(1)
        .collect();
    assert_eq!(flagged, [u16::from(b' ')]);
}
