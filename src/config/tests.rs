use std::path::Path;

use super::*;
use crate::render::{self, Style};

const PLAIN: Style = Style {
    color: false,
    width: 100,
};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse("coquille.toml", Path::new("/corpus"), text)
}

/// The report a user sees for `error`.
fn rendered(error: &ConfigError) -> String {
    let mut out = Vec::new();
    render::write_error(error, PLAIN, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_key_is_read() {
    let config = parse(
        r#"
spacing = "fine"
apostrophe = "typographic"
select = ["structure", "typography"]
ignore = ["whitespace"]
rules = ["packs/house.toml"]
exclude = ["archive/**"]

[severity]
structure = "info"
footnote-order = "error"
ocr-line-break = "off"

[per-file-ignores]
"annexes/*.md" = ["footnote-order", "ocr"]
"#,
    )
    .unwrap();
    assert_eq!(config.spacing(), Some(Spacing::Fine));
    assert_eq!(config.apostrophe(), Some(Apostrophe::Typographic));
    assert_eq!(config.select(), ["structure", "typography"]);
    assert_eq!(config.ignore(), ["whitespace"]);
    assert_eq!(config.packs(), [Path::new("/corpus/packs/house.toml")]);
    assert!(config
        .exclude()
        .is_match(Path::new("/corpus/archive/a/b.txt")));
    let rules = config.rules(&Registry::builtin()).unwrap();
    assert_eq!(rules.severities["footnote-order"], Severity::Error);
    assert_eq!(rules.severities["footnote-unused"], Severity::Info);
    assert_eq!(rules.off, ["ocr-line-break"]);
    let ignored = rules
        .per_file_ignores
        .ignored(Path::new("/corpus/annexes/a.md"));
    assert!(ignored.contains(&"footnote-order") && ignored.contains(&"ocr-confusable"));
    assert!(rules
        .per_file_ignores
        .ignored(Path::new("/corpus/a.md"))
        .is_empty());
}

#[test]
fn an_unknown_key_is_pointed_at() {
    let error = parse("spacing = \"fine\"\nspacin = \"nbsp\"\n").unwrap_err();
    let report = rendered(&error);
    assert!(
        report.contains("coquille.toml: unknown field `spacin`"),
        "{report}"
    );
    assert!(report.contains("[coquille.toml:2:1]"), "{report}");
}

#[test]
fn a_wrong_value_is_pointed_at() {
    let error = parse("apostrophe = \"curly\"\n").unwrap_err();
    let report = rendered(&error);
    assert!(
        report.contains(
            "unknown variant `curly`, expected one of `majority`, `typographic`, `straight`"
        ),
        "{report}"
    );
    assert!(report.contains("[coquille.toml:1:14]"), "{report}");
}

#[test]
fn an_unknown_rule_id_is_pointed_at() {
    let config =
        parse("select = [\"typography\"]\n\n[severity]\nfootnote-ordre = \"error\"\n").unwrap();
    let error = config.rules(&Registry::builtin()).unwrap_err();
    assert_eq!(
        rendered(&error),
        "coquille::config

  × coquille.toml: unknown rule or group `footnote-ordre`
   ╭─[coquille.toml:4:1]
 3 │ [severity]
 4 │ footnote-ordre = \"error\"
   · ───────┬──────
   ·        ╰── no such rule or group
   ╰────
  help: `coquille rules` lists the rule ids; the groups are structure, consistency, dates,
        typography, ocr
"
    );
}

#[test]
fn an_unknown_rule_in_per_file_ignores_is_pointed_at() {
    let config = parse("[per-file-ignores]\n\"*.md\" = [\"ocr\", \"nope\"]\n").unwrap();
    let error = config.rules(&Registry::builtin()).unwrap_err();
    assert!(rendered(&error).contains("[coquille.toml:2:18]"));
}

#[test]
fn a_bad_glob_is_pointed_at() {
    let error = parse("exclude = [\"ok/*.md\", \"a[b\"]\n").unwrap_err();
    let report = rendered(&error);
    assert!(report.contains("invalid glob"), "{report}");
    assert!(report.contains("[coquille.toml:1:23]"), "{report}");
}

#[test]
fn the_file_is_found_in_the_folder_or_a_parent() {
    let root = tempfile::tempdir().unwrap();
    let sub = root.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    assert_eq!(discover(&sub), None);
    std::fs::write(root.path().join(FILE_NAME), "spacing = \"any\"\n").unwrap();
    assert_eq!(discover(&sub), Some(root.path().join(FILE_NAME)));
    std::fs::write(sub.join(FILE_NAME), "spacing = \"fine\"\n").unwrap();
    let found = Config::find(None, &sub).unwrap().unwrap();
    assert_eq!(found.spacing(), Some(Spacing::Fine));
    let given = Config::find(Some(&root.path().join(FILE_NAME)), &sub)
        .unwrap()
        .unwrap();
    assert_eq!(given.spacing(), Some(Spacing::Any));
}
