//! Packs as users write them: what their rules find, and every fault pointed at in the TOML.

use crate::line_index::LineIndex;
use crate::rules::testing::{apply_fixes, lint};
use crate::rules::{FixAvailability, Registry, Rule};

use super::{Pack, PackError};

/// A pack of one rule: `house-terminology`, with `extra` keys after its `message`.
fn pack(extra: &str) -> String {
    format!(
        r#"[[rule]]
id = "house-terminology"
group = "typography"
severity = "warning"
summary = "House terms"
explanation = "Checks house terms."
message = "« {{0}} »"
{extra}
[[rule.examples]]
bad = "la Cote d'Ivoire"
good = "la Côte d'Ivoire"
"#
    )
}

fn rule(extra: &str) -> std::sync::Arc<super::PackRule> {
    let pack = Pack::parse("house.toml", &pack(extra)).unwrap_or_else(|e| panic!("{e}"));
    pack.rules()[0].clone()
}

/// `(flagged text, message, help)` of each finding of `extra`'s rule on `text`.
fn findings(extra: &str, text: &str) -> Vec<(String, String, Option<String>)> {
    lint(rule(extra).as_ref(), text)
        .into_iter()
        .map(|d| (d.span.text(text).to_owned(), d.message, d.help))
        .collect()
}

#[test]
fn a_pattern_rule_flags_quotes_and_fixes_its_matches() {
    let extra =
        "pattern = '''(?-u:\\b)Cote d(?P<apostrophe>[’'])Ivoire'''\nfix = 'Côte d${apostrophe}Ivoire'";
    let rule = rule(extra);
    assert_eq!(rule.meta().fix, FixAvailability::Safe);
    let text = "la Cote d’Ivoire et la Cote d'Ivoire";
    let found = lint(rule.as_ref(), text);
    assert_eq!(
        found
            .iter()
            .map(|d| (d.span.start, d.span.end, d.message.as_str()))
            .collect::<Vec<_>>(),
        [(3, 18, "« Cote d’Ivoire »"), (25, 38, "« Cote d'Ivoire »"),]
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("Remplacez par « Côte d’Ivoire ».")
    );
    assert_eq!(
        apply_fixes(text, &found),
        "la Côte d’Ivoire et la Côte d'Ivoire"
    );
}

#[test]
fn a_group_named_mark_narrows_the_finding_and_the_fix() {
    let extra =
        "pattern = '(?P<mark>Cote) d.Ivoire'\nfix = 'Côte'\nhelp = '{0} : écrivez « {fix} »'";
    assert_eq!(
        findings(extra, "la Cote d'Ivoire"),
        [(
            "Cote".to_owned(),
            "« Cote d'Ivoire »".to_owned(),
            Some("Cote d'Ivoire : écrivez « Côte »".to_owned())
        )]
    );
}

#[test]
fn exceptions_drop_the_matches_they_overlap_on_their_line() {
    let extra = "pattern = 'Cote'\nfix = 'Côte'\nexceptions = ['Cote-d', '^Cote basse']";
    let flagged =
        |text| -> Vec<String> { findings(extra, text).into_iter().map(|f| f.0).collect() };
    assert_eq!(
        flagged("Cote-d'Or, Cote\nCote basse, Cote"),
        ["Cote", "Cote"]
    );
    assert_eq!(
        flagged("Cote-d'Or\nCote"),
        ["Cote"],
        "an exception on another line does not count"
    );
}

#[test]
fn symbols_urls_and_code_are_left_alone() {
    let extra = "pattern = '(?-u:\\b)RES(?-u:\\b)'\nfix = 'rés'";
    assert_eq!(findings(extra, "A/RES/55/109, `RES`, RES").len(), 1);
}

#[test]
fn a_fix_that_changes_nothing_is_no_finding() {
    let extra = "pattern = '[Cc]ote'\nfix = 'cote'";
    assert_eq!(findings(extra, "la cote, la Cote").len(), 1);
}

#[test]
fn several_patterns_each_with_its_fix_report_a_place_once() {
    let extra =
        "patterns = ['Cote', { regex = '(?P<mark>C)ote', fix = 'K' }, 'C(ote)']\nfix = 'Côte'";
    let found: Vec<String> = findings(extra, "Cote")
        .into_iter()
        .map(|f| f.2.unwrap())
        .collect();
    assert_eq!(found, ["Remplacez par « K ».", "Remplacez par « Côte »."]);
}

#[test]
fn a_pattern_is_compiled_only_when_its_literal_occurs() {
    let rule = rule("pattern = '[0-9]+ ?%'\nprefilter = '%'\nfix = 'x'");
    let pattern = rule.patterns().next().unwrap();
    assert!(lint(rule.as_ref(), "Rien à signaler.").is_empty());
    assert!(!pattern.is_compiled());
    assert_eq!(lint(rule.as_ref(), "10 %").len(), 1);
    assert!(pattern.is_compiled());
}

#[test]
fn a_rule_without_fix_has_neither_fix_nor_help() {
    let rule = rule("pattern = 'Cote'");
    assert_eq!(rule.meta().fix, FixAvailability::None);
    let found = lint(rule.as_ref(), "Cote");
    assert_eq!(
        (found[0].fix.is_none(), found[0].help.is_none()),
        (true, true)
    );
}

/// `(message, line, column, text under the label)` of the error loading `toml`; columns
/// are counted in grapheme clusters, as in the report.
fn error(toml: &str) -> (String, usize, usize, String) {
    match Pack::parse("house.toml", toml).unwrap_err() {
        PackError::Invalid(invalid) => {
            let at = LineIndex::new(toml).position(toml, invalid.span.start);
            (
                invalid.to_string(),
                at.line,
                at.column,
                invalid.span.text(toml).to_owned(),
            )
        }
        other => panic!("{other}"),
    }
}

fn fault(message: &str, line: usize, column: usize, text: &str) -> (String, usize, usize, String) {
    (message.to_owned(), line, column, text.to_owned())
}

#[test]
fn bad_toml_points_at_the_fault() {
    assert_eq!(
        error(&pack("pattern = 'Cote\nfix = 'x'")),
        fault(
            "house.toml: invalid literal string, expected `'`",
            8,
            16,
            ""
        )
    );
}

#[test]
fn an_unknown_key_points_at_the_key() {
    assert_eq!(
        error(&pack("patern = 'Cote'")),
        fault(
            "house.toml: unknown field `patern`, expected one of `id`, `group`, `severity`, \
             `message`, `summary`, `explanation`, `pattern`, `patterns`, `prefilter`, \
             `exceptions`, `fix`, `applicability`, `help`, `examples`",
            8,
            1,
            "patern"
        )
    );
}

#[test]
fn a_wrong_type_or_value_points_at_the_value() {
    assert_eq!(
        error(&pack("pattern = 'Cote'\nexceptions = ['x', 3]")),
        fault(
            "house.toml: invalid type: integer `3`, expected a string",
            9,
            20,
            "3"
        )
    );
    assert_eq!(
        error(&pack("pattern = 'Cote'").replace("\"typography\"", "\"typo\"")),
        fault("house.toml: unknown variant `typo`, expected one of `structure`, `consistency`, `dates`, `typography`, `ocr`", 3, 9, "\"typo\"")
    );
    assert_eq!(
        error(&pack("patterns = [3]")),
        fault("house.toml: invalid type: integer `3`, expected a regex, or a table with `regex` and optionally `fix`, `prefilter`", 8, 13, "3")
    );
    assert_eq!(
        error(&pack("patterns = [{ regex = 'Cote', fixe = 'x' }]")),
        fault(
            "house.toml: unknown field `fixe`, expected one of `regex`, `fix`, `prefilter`",
            8,
            31,
            "fixe"
        )
    );
}

#[test]
fn a_regex_too_big_once_compiled_is_refused_when_the_pack_loads() {
    let too_big = "house.toml: invalid regex: this pattern is too big once compiled (over 10 MB): repeat less";
    assert_eq!(
        error(&pack("pattern = 'a{1000000}'")),
        fault(too_big, 8, 12, "a{1000000}")
    );
    assert_eq!(
        error(&pack("pattern = '(?:a{1000}){1000}'")),
        fault(too_big, 8, 12, "(?:a{1000}){1000}")
    );
    assert_eq!(
        error(&pack(r"pattern = '\w{5000}'")),
        fault(too_big, 8, 12, r"\w{5000}")
    );
    let fine = rule("pattern = '(?-u:\\b)[0-9]{200}'");
    assert!(fine.patterns().all(|p| p.is_compiled()), "compiled at load");
    let digits = "1".repeat(200);
    assert_eq!(lint(fine.as_ref(), &digits).len(), 1);
}

#[test]
fn an_invalid_regex_points_into_the_pattern() {
    assert_eq!(
        error(&pack("pattern = 'Cote (d'")),
        fault("house.toml: invalid regex: unclosed group", 8, 17, "(")
    );
    assert_eq!(
        error(&pack("patterns = ['ok', { regex = 'a{2,1}' }]")),
        fault("house.toml: invalid regex: invalid repetition count range, the start must be <= the end", 8, 31, "{2,1}")
    );
    assert_eq!(
        error(&pack("pattern = \"\\\\p{Klingon}\"")),
        fault(
            "house.toml: invalid regex: Unicode property not found",
            8,
            11,
            "\"\\\\p{Klingon}\""
        ),
        "a string with escapes is pointed at whole"
    );
    assert_eq!(
        error(&pack("pattern = 'x?'")),
        fault(
            "house.toml: invalid regex: this pattern can match empty text",
            8,
            12,
            "x?"
        )
    );
}

#[test]
fn a_fix_naming_a_missing_group_points_at_the_reference_and_the_pattern() {
    let toml = pack("pattern = '(?P<n>[0-9]+)eme'\nfix = '${num}e'");
    assert_eq!(
        error(&toml),
        fault(
            "house.toml: the fix names the group `num`, which the pattern does not have",
            9,
            8,
            "${num}"
        )
    );
    let PackError::Invalid(invalid) = Pack::parse("house.toml", &toml).unwrap_err() else {
        unreachable!()
    };
    let (related, label) = invalid.related.unwrap();
    assert_eq!(
        (related.text(&toml), label),
        ("'(?P<n>[0-9]+)eme'", "the pattern")
    );
}

#[test]
fn template_faults_point_into_the_template() {
    assert_eq!(
        error(&pack("pattern = 'Cote'\nhelp = 'voir {cote}'")),
        fault(
            "house.toml: the help names the group `cote`, which the pattern does not have",
            9,
            14,
            "{cote}"
        )
    );
    assert_eq!(
        error(&pack("pattern = 'Cote'\nhelp = 'voir {0'")),
        fault(
            "house.toml: the help has a `{` that is never closed",
            9,
            14,
            "{"
        )
    );
    assert_eq!(
        error(&pack("pattern = 'Cote'\nfix = 'US$ 3'")),
        fault(
            "house.toml: the fix has a `$` that names no group",
            9,
            10,
            "$"
        )
    );
    assert_eq!(
        error(&pack("pattern = 'Cote'\nhelp = '{fix}'")),
        fault(
            "house.toml: the help quotes `{fix}` but the pattern has no fix",
            9,
            9,
            "{fix}"
        )
    );
}

#[test]
fn ids_must_be_kebab_case_and_unique() {
    assert_eq!(
        error(&pack("pattern = 'Cote'").replace("house-terminology", "House_Terms")),
        fault(
            "house.toml: rule id `House_Terms` is not kebab-case",
            2,
            6,
            "\"House_Terms\""
        )
    );
    let twice = format!("{}\n{}", pack("pattern = 'Cote'"), pack("pattern = 'Cote'"));
    assert_eq!(
        error(&twice),
        fault(
            "house.toml: rule id `house-terminology` is defined twice",
            14,
            6,
            "\"house-terminology\""
        )
    );
}

#[test]
fn an_id_already_in_the_registry_is_taken() {
    let toml = pack("pattern = 'Cote'").replace("house-terminology", "numero-abbreviation");
    let pack = Pack::parse("house.toml", &toml).unwrap();
    let mut registry = Registry::builtin();
    let PackError::Invalid(invalid) = registry.add_pack(&pack).unwrap_err() else {
        unreachable!()
    };
    assert_eq!(
        (invalid.to_string(), invalid.span.text(&toml)),
        (
            "house.toml: rule id `numero-abbreviation` is already taken".to_owned(),
            "\"numero-abbreviation\""
        )
    );
    let before = registry.rules().len();
    let other = Pack::parse("house.toml", &self::pack("pattern = 'Cote'")).unwrap();
    registry.add_pack(&other).unwrap();
    assert_eq!(registry.rules().len(), before + 1);
    assert!(
        registry.add_pack(&other).is_err(),
        "and now its id is taken too"
    );
}

#[test]
fn patterns_fixes_and_examples_must_agree() {
    assert_eq!(
        error(&pack("")),
        fault(
            "house.toml: the rule has neither `pattern` nor `patterns`",
            1,
            1,
            "[[rule]]"
        )
    );
    assert_eq!(
        error(&pack("pattern = 'a'\npatterns = ['b']")),
        fault(
            "house.toml: `pattern` and `patterns` cannot both be given",
            8,
            11,
            "'a'"
        )
    );
    assert_eq!(
        error(&pack("patterns = []")),
        fault("house.toml: `patterns` is empty", 8, 12, "[]")
    );
    assert_eq!(
        error(&pack("pattern = 'a'\napplicability = 'unsafe'")),
        fault(
            "house.toml: `applicability` is given but the rule has no fix",
            9,
            17,
            "'unsafe'"
        )
    );
    assert_eq!(
        error(&format!("{}fixed = 'x'\n", pack("pattern = 'a'"))),
        fault(
            "house.toml: the example gives `fixed` but the rule has no fix",
            12,
            9,
            "'x'"
        )
    );
}

#[test]
fn a_folder_of_packs_is_read_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.toml"),
        pack("pattern = 'b'").replace("house-terminology", "b-rule"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.toml"), pack("pattern = 'a'")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a pack").unwrap();
    let packs = Pack::read(dir.path()).unwrap();
    let ids: Vec<&str> = packs
        .iter()
        .flat_map(|p| p.rules())
        .map(|r| r.meta().id)
        .collect();
    assert_eq!(ids, ["house-terminology", "b-rule"]);
    let empty = tempfile::tempdir().unwrap();
    assert!(Pack::read(empty.path())
        .unwrap_err()
        .to_string()
        .ends_with(": no rule pack (*.toml file) in this folder"));
    assert!(Pack::read(&dir.path().join("nope.toml"))
        .unwrap_err()
        .to_string()
        .contains("nope.toml: cannot read: "));
}

#[test]
fn the_example_of_the_pack_readme_loads_and_keeps_its_promises() {
    let readme = include_str!("../../../rules/README.md");
    let start = readme.find("```toml\n").unwrap() + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let pack = Pack::parse("README.md", &readme[start..end]).unwrap_or_else(|e| panic!("{e}"));
    let rule = &pack.rules()[0];
    let example = &rule.meta().examples[0];
    let found = lint(rule.as_ref(), example.bad);
    assert_eq!(
        (found[0].message.as_str(), found[0].help.as_deref()),
        (
            "nom de pays fautif : « Cote d'Ivoire »",
            Some("La graphie officielle est « Côte d'Ivoire ».")
        )
    );
    assert_eq!(
        Some(apply_fixes(example.bad, &found).as_str()),
        rule.example_fixed(0)
    );
    assert_eq!(lint(rule.as_ref(), example.good), []);
    assert_eq!(lint(rule.as_ref(), "la Cote d'Ivoire (ancien nom)"), []);
}
