//! What users see, pinned: the concise and JSON outputs on the fixtures (insta snapshots).

mod common;

use coquille::render::Format;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::{walk, Linter, Report};

fn render(format: Format, group: &str, paths: &[&str]) -> String {
    let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let (inputs, failures) = walk::collect_inputs(&paths);
    let registry = Registry::builtin();
    let rules = registry.select(&[group.to_owned()], &[]).unwrap();
    let linter = Linter::new(rules, Settings::default());
    let report = Report::check(&linter, &inputs, failures);
    common::render_report(&report, format, false)
}

#[test]
fn concise_output_of_each_group_on_every_fixture() {
    insta::assert_snapshot!(render(Format::Concise, "structure", &["fixtures"]));
    insta::assert_snapshot!(render(Format::Concise, "typography", &["fixtures"]));
}

#[test]
fn concise_output_of_the_dates_and_consistency_groups_on_every_fixture() {
    insta::assert_snapshot!(render(Format::Concise, "dates", &["fixtures"]));
    insta::assert_snapshot!(render(Format::Concise, "consistency", &["fixtures"]));
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

#[test]
fn pretty_output_shows_both_sides_of_a_disagreement() {
    let consistency = render(
        Format::Pretty,
        "consistency",
        &[
            "fixtures/crafted/dates/title-symbol-mismatch.txt",
            "fixtures/crafted/dates/session-line-mismatch.txt",
            "fixtures/crafted/dates/closing-after-distribution.txt",
            "fixtures/crafted/dates/cited-year-symbol.txt",
        ],
    );
    insta::assert_snapshot!(consistency);
    let dates = render(
        Format::Pretty,
        "dates",
        &[
            "fixtures/crafted/dates/date-weekday.txt",
            "fixtures/crafted/dates/date-1-janvier.txt",
        ],
    );
    insta::assert_snapshot!(dates);
}
