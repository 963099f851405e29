//! The TOML of a rule pack, as serde reads it: every key known, every value with its place
//! in the file so that a fault can be pointed at. `rules/README.md` documents it for users.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Applicability, Severity};
use crate::rules::Group;

/// A whole pack: `[[rule]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PackSpec {
    #[serde(default)]
    pub rule: Vec<Spanned<RuleSpec>>,
}

/// One `[[rule]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleSpec {
    pub id: Spanned<String>,
    pub group: Group,
    pub severity: Severity,
    pub message: Spanned<String>,
    pub summary: String,
    pub explanation: String,
    pub pattern: Option<Spanned<String>>,
    pub patterns: Option<Spanned<Vec<Spanned<PatternSpec>>>>,
    pub prefilter: Option<String>,
    #[serde(default)]
    pub exceptions: Vec<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    pub applicability: Option<Spanned<Applicability>>,
    pub help: Option<Spanned<String>>,
    pub examples: Vec<ExampleSpec>,
}

/// An item of `patterns`: a regex, or a table that also gives its own fix or prefilter.
#[derive(Debug)]
pub(super) enum PatternSpec {
    /// `'…'`.
    Regex(String),
    /// `{ regex = '…', fix = '…' }`.
    Table(PatternTable),
}

/// The table form of an item of `patterns`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PatternTable {
    pub regex: Spanned<String>,
    pub fix: Option<Spanned<String>>,
    pub prefilter: Option<String>,
}

impl<'de> Deserialize<'de> for PatternSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Item;

        impl<'de> Visitor<'de> for Item {
            type Value = PatternSpec;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a regex, or a table with `regex` and optionally `fix`, `prefilter`")
            }

            fn visit_str<E: de::Error>(self, regex: &str) -> Result<PatternSpec, E> {
                Ok(PatternSpec::Regex(regex.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PatternSpec, A::Error> {
                PatternTable::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(PatternSpec::Table)
            }
        }

        deserializer.deserialize_any(Item)
    }
}

/// One `[[rule.examples]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleSpec {
    pub bad: String,
    pub good: String,
    pub fixed: Option<Spanned<String>>,
}
