//! What users see, pinned: the concise and JSON outputs on the fixtures (insta snapshots).

use coquille::render::{self, Format, Style};
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::{walk, Linter, Report};

fn render(format: Format, group: &str, paths: &[&str]) -> String {
    let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let (inputs, failures) = walk::collect_inputs(&paths);
    let rules = Registry::builtin()
        .select(&[group.to_owned()], &[])
        .unwrap();
    let linter = Linter::new(rules, Settings::default());
    let report = Report::check(&linter, &inputs, failures);
    let mut out = Vec::new();
    let style = Style {
        color: false,
        width: 100,
    };
    render::write_report(&report, format, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn concise_output_of_each_group_on_every_fixture() {
    insta::assert_snapshot!(render(Format::Concise, "structure", &["fixtures"]));
    insta::assert_snapshot!(render(Format::Concise, "typography", &["fixtures"]));
}

#[test]
fn json_output_on_the_crafted_fixtures() {
    let output = render(Format::Json, "structure", &["fixtures/crafted"]);
    let value: serde_json::Value = serde_json::from_str(&output).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn pretty_output_on_crafted_fixtures() {
    let structure = render(
        Format::Pretty,
        "structure",
        &[
            "fixtures/crafted/footnote-duplicate.txt",
            "fixtures/crafted/preamble-comma-missing.txt",
            "fixtures/crafted/subparagraphs-swapped.txt",
        ],
    );
    insta::assert_snapshot!(structure);
    let typography = render(
        Format::Pretty,
        "typography",
        &["fixtures/A_RES_55_109.pdf-extracted.txt"],
    );
    insta::assert_snapshot!(typography);
}
