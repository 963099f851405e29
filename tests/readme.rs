//! The README's rule table is generated from the registry; this test keeps it so.
//! Run with `UPDATE_README=1 cargo test --test readme` to rewrite it.

use coquille::rules;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn rule_table() -> String {
    let mut table =
        String::from("| id | group | default | fix | what it flags |\n|---|---|---|---|---|\n");
    for rule in rules::Registry::builtin().rules() {
        let meta = rule.meta();
        table += &format!(
            "| `{}` | {} | {} | {} | {} |\n",
            meta.id,
            meta.group,
            meta.severity,
            meta.fix.as_str(),
            meta.summary
        );
    }
    table
}

#[test]
fn the_readme_rule_table_matches_the_registry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme
        .find(START)
        .expect("README has the rules:start marker")
        + START.len();
    let end = readme.find(END).expect("README has the rules:end marker");
    let expected = rule_table();
    if readme[start..end] != expected && std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(
            path,
            format!("{}{expected}{}", &readme[..start], &readme[end..]),
        )
        .unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        expected,
        "run UPDATE_README=1 cargo test --test readme"
    );
}
