//! The stable stand-ins of the fuzz targets that `tests/properties.rs` does not cover
//! (issue 7): `coquille.toml` and rule packs built from their real keys and values mixed with
//! garbage, and any bytes through `--encoding auto`. Each case runs the fuzz target's own
//! checks (`tests/common/fuzz_checks.rs`): loading never panics, a fault is an error that
//! renders, what loads runs soundly.

mod common;

use common::fuzz_checks;
use coquille::rules::pack::Pack;
use proptest::prelude::*;

/// Lines of a `coquille.toml`: its keys with right and wrong values, tables, garbage.
fn config_line() -> impl Strategy<Value = String> {
    let keys = [
        "spacing",
        "apostrophe",
        "select",
        "ignore",
        "rules",
        "exclude",
        "severity",
        "per-file-ignores",
        "typography",
        "footnote-order",
        "\"annexes/*.md\"",
        "\"**\"",
        "unknown",
        "\"\"",
    ];
    let values = [
        "\"fine\"",
        "\"nbsp\"",
        "\"any\"",
        "\"typographic\"",
        "\"straight\"",
        "\"majority\"",
        "\"error\"",
        "\"warning\"",
        "\"info\"",
        "\"off\"",
        "[\"structure\", \"dates\", \"typography\"]",
        "[\"whitespace\", \"footnote-ordre\"]",
        "[\"archive\", \"brouillons/**/*.md\"]",
        "[\"a[\", \"{a,b\", \"**/\\\\\"]",
        "[\"house.toml\"]",
        "[]",
        "\"\"",
        "1",
        "true",
        "{ a = 1 }",
        "\"\\u00e9\"",
    ];
    let garbage = [
        "[severity]",
        "[per-file-ignores]",
        "[[severity]]",
        "[",
        "=",
        "\"",
        "'''",
        "#",
        "a.b.c = 1",
        "\u{0}",
        "é = \"é\"",
    ];
    prop_oneof![
        4 => (prop::sample::select(keys.to_vec()), prop::sample::select(values.to_vec()))
            .prop_map(|(key, value)| format!("{key} = {value}")),
        1 => prop::sample::select(garbage.to_vec()).prop_map(str::to_owned),
        1 => ".{0,12}",
    ]
}

/// Regexes as pack authors write them, broken ones and costly ones.
const REGEXES: [&str; 22] = [
    r"(?-u:\b)Cote d(?P<apostrophe>['’])Ivoire",
    r"(?P<mark>[Nn][oº]\.?) [0-9]",
    r"\bEtats?\b",
    r"a{1000000}",
    r"(?:a{1000}){1000}",
    r"\w{5000}",
    r"a{4294967295}",
    r"a{2,1}",
    r"(a|b|c|d|e|f|g|h){20}xyz",
    r"\p{Greek}+",
    r"\p{Nope}",
    r"(",
    r"[",
    r"\",
    r"x*",
    r"",
    r"(?i)état",
    r"(?m)^$",
    r"(?P<x>a)(?P<x>b)",
    r"\x{110000}",
    r"(?<n>é+)\s",
    r"[^\s]{2,}",
];

/// Values of the other keys of a rule, right and wrong.
fn pack_line() -> impl Strategy<Value = String> {
    let regex = prop::sample::select(REGEXES.to_vec());
    let lines = [
        "[[rule]]",
        "[[rule.examples]]",
        "id = \"house-rule\"",
        "id = \"Not Kebab\"",
        "id = \"whitespace\"",
        "group = \"typography\"",
        "group = \"nope\"",
        "severity = \"warning\"",
        "severity = \"off\"",
        "summary = \"s\"",
        "explanation = \"e\"",
        "message = \"fautif : « {0} »\"",
        "message = \"{x} {\"",
        "message = \"}\"",
        "fix = \"${apostrophe}\"",
        "fix = \"$1 ${x\"",
        "fix = \"$$\"",
        "applicability = \"unsafe\"",
        "applicability = \"maybe\"",
        "help = \"{mark}\"",
        "prefilter = \"Cote\"",
        "exceptions = [\"Cote d'Azur\", \"(\"]",
        "bad = \"la Cote d'Ivoire, no 3, Etats, aaaa\"",
        "good = \"la Côte d'Ivoire\"",
        "fixed = \"la Côte d'Ivoire\"",
        "examples = []",
        "=",
        "[",
        "\u{0}",
    ];
    prop_oneof![
        3 => prop::sample::select(lines.to_vec()).prop_map(str::to_owned),
        1 => regex.clone().prop_map(|r| format!("pattern = '''{r}'''")),
        1 => (regex.clone(), regex).prop_map(|(a, b)| format!("patterns = ['''{a}''', {{ regex = '''{b}''', fix = \"x\" }}]")),
        1 => ".{0,12}",
    ]
}

/// A pack every rule of which is whole, with one regex of [`REGEXES`].
fn whole_pack(regex: &str) -> String {
    format!(
        "[[rule]]\nid = \"house-rule\"\ngroup = \"typography\"\nseverity = \"warning\"\n\
         summary = \"s\"\nexplanation = \"e\"\nmessage = \"fautif : « {{0}} »\"\n\
         pattern = '''{regex}'''\n\n[[rule.examples]]\nbad = \"aaaa Etats\"\ngood = \"bbbb\"\n"
    )
}

/// Bytes of every kind: resolutions as Windows-1252 and UTF-16 exports, pieces of them, and
/// arbitrary bytes.
fn encoded_bytes() -> impl Strategy<Value = Vec<u8>> {
    let exports: Vec<Vec<u8>> = common::REAL_DOCUMENTS
        .iter()
        .flat_map(|name| {
            let text = common::read_fixture(name);
            let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            let utf16: Vec<u8> = [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect();
            [cp1252.into_owned(), utf16, text.into_bytes()]
        })
        .collect();
    let export = prop::sample::select(exports);
    let piece = prop_oneof![
        export.clone().prop_flat_map(|bytes| {
            let len = bytes.len();
            (Just(bytes), 0..len, 0..200usize).prop_map(move |(bytes, start, take)| {
                bytes[start..(start + take).min(len)].to_vec()
            })
        }),
        prop::collection::vec(any::<u8>(), 0..40),
        prop::sample::select(vec![
            b"\xef\xbb\xbf".to_vec(),
            b"\xc3".to_vec(),
            b"\x80\x92\x93".to_vec(),
            b"\r\n".to_vec()
        ]),
    ];
    prop_oneof![
        1 => export,
        4 => prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_coquille_toml_loads_or_is_an_error_that_renders(lines in prop::collection::vec(config_line(), 0..12)) {
        fuzz_checks::config(lines.join("\n").as_bytes());
    }

    #[test]
    fn any_rule_pack_loads_and_runs_or_is_an_error_that_renders(lines in prop::collection::vec(pack_line(), 0..16)) {
        fuzz_checks::pack(lines.join("\n").as_bytes());
    }

    #[test]
    fn a_whole_pack_with_any_regex_loads_and_runs_or_is_an_error_that_renders(regex in prop::sample::select(REGEXES.to_vec())) {
        fuzz_checks::pack(whole_pack(regex).as_bytes());
    }

    #[test]
    fn any_bytes_decode_with_encoding_auto_and_lint_soundly(bytes in encoded_bytes()) {
        fuzz_checks::lint_auto(&bytes);
    }
}

#[test]
fn a_huge_repetition_is_refused_when_its_pack_loads() {
    for regex in [
        "a{1000000}",
        "(?:a{1000}){1000}",
        r"\w{5000}",
        "a{4294967295}",
    ] {
        let error = Pack::parse("huge.toml", &whole_pack(regex)).expect_err(regex);
        assert!(
            error.to_string().starts_with("huge.toml: invalid regex: "),
            "{regex}: {error}"
        );
    }
}
