//! What users see, pinned: the concise and JSON outputs on the fixtures (insta snapshots).

use coquille::render::{self, Format, Style};
use coquille::{walk, Linter, Report};

fn render(format: Format, paths: &[&str]) -> String {
    let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let (inputs, failures) = walk::collect_inputs(&paths);
    let report = Report::check(&Linter::all_rules(), &inputs, failures);
    let mut out = Vec::new();
    let style = Style {
        color: false,
        width: 100,
    };
    render::write_report(&report, format, style, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn concise_output_on_every_fixture() {
    insta::assert_snapshot!(render(Format::Concise, &["fixtures"]));
}

#[test]
fn json_output_on_the_crafted_fixtures() {
    let output = render(Format::Json, &["fixtures/crafted"]);
    let value: serde_json::Value = serde_json::from_str(&output).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&value).unwrap());
}
