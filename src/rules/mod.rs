//! The rules: one file each, declared with their documentation, and the registry that lists
//! them for `check`, `rules` and `explain`.

mod footnote_duplicate;
mod footnote_order;
mod footnote_undefined;
mod footnote_unused;
mod paragraph_numbering;
mod paragraph_punctuation;
mod sequence;

use std::fmt;
use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::span::Span;

/// A check over a parsed document.
pub trait Rule: Send + Sync {
    /// The rule's identity and documentation.
    fn meta(&self) -> &'static RuleMeta;

    /// Pushes the findings of this rule on `document` into `diagnostics`.
    fn check(&self, document: &Document, diagnostics: &mut Vec<Diagnostic>);
}

/// What a rule is, for users: id, group, severity, docs and examples.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id (`footnote-undefined`).
    pub id: &'static str,
    /// The group it belongs to.
    pub group: Group,
    /// Its severity unless configured otherwise.
    pub severity: Severity,
    /// Whether its findings carry fixes, and how safe they are.
    pub fix: FixAvailability,
    /// One line, in English.
    pub summary: &'static str,
    /// What it checks and why, in English (printed by `coquille explain`).
    pub explanation: &'static str,
    /// French texts it flags and the same texts corrected.
    pub examples: &'static [Example],
}

impl RuleMeta {
    /// A finding of this rule at `span`, with the rule's default severity.
    pub fn diagnostic(&'static self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.id, self.severity, span, message)
    }
}

/// A text the rule flags and the same text without the fault.
#[derive(Debug)]
pub struct Example {
    /// Flagged.
    pub bad: &'static str,
    /// Not flagged.
    pub good: &'static str,
}

/// Whether a rule's findings can be fixed mechanically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    /// Never.
    None,
    /// With fixes that cannot change the meaning.
    Safe,
    /// With fixes a person should review (`--unsafe-fixes`).
    Unsafe,
}

impl FixAvailability {
    /// `safe`, `unsafe` or `-`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::None => "-",
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
        }
    }
}

/// The rule groups of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Numbering, punctuation of paragraphs, footnotes.
    Structure,
    /// The document against itself: sessions, chronology.
    Consistency,
    /// Dates that do not exist or are badly written.
    Dates,
    /// French typography.
    Typography,
    /// Damage from PDF extraction and OCR.
    Ocr,
}

impl Group {
    /// Every group, in the order of the spec.
    pub const ALL: [Group; 5] = [
        Self::Structure,
        Self::Consistency,
        Self::Dates,
        Self::Typography,
        Self::Ocr,
    ];

    /// The group's name on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Structure => "structure",
            Self::Consistency => "consistency",
            Self::Dates => "dates",
            Self::Typography => "typography",
            Self::Ocr => "ocr",
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Group {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|g| g.as_str() == name).ok_or(())
    }
}

static RULES: &[&dyn Rule] = &[
    &paragraph_numbering::ParagraphNumbering,
    &paragraph_punctuation::ParagraphPunctuation,
    &footnote_undefined::FootnoteUndefined,
    &footnote_unused::FootnoteUnused,
    &footnote_duplicate::FootnoteDuplicate,
    &footnote_order::FootnoteOrder,
];

/// Every built-in rule, in the order of the spec.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| rule.meta().id == id)
}

/// An id or group name in `--select` / `--ignore` that names nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, miette::Diagnostic)]
#[error("unknown rule or group `{name}`")]
#[diagnostic(
    code(coquille::unknown_rule),
    help("`coquille rules` lists the rule ids; the groups are structure, consistency, dates, typography, ocr")
)]
pub struct UnknownRule {
    /// The name as given.
    pub name: String,
}

/// The rules to run: all of them or `select`, minus `ignore` (ids or group names).
pub fn select(select: &[String], ignore: &[String]) -> Result<Vec<&'static dyn Rule>, UnknownRule> {
    let matcher = |names: &[String]| -> Result<Vec<&'static dyn Rule>, UnknownRule> {
        let mut chosen = Vec::new();
        for name in names {
            let matched: Vec<_> = match name.parse::<Group>() {
                Ok(group) => RULES
                    .iter()
                    .copied()
                    .filter(|r| r.meta().group == group)
                    .collect(),
                Err(()) => find(name).into_iter().collect(),
            };
            if matched.is_empty() && name.parse::<Group>().is_err() {
                return Err(UnknownRule { name: name.clone() });
            }
            chosen.extend(matched);
        }
        Ok(chosen)
    };
    let ignored = matcher(ignore)?;
    let selected = if select.is_empty() {
        RULES.to_vec()
    } else {
        matcher(select)?
    };
    Ok(RULES
        .iter()
        .copied()
        .filter(|rule| contains(&selected, *rule) && !contains(&ignored, *rule))
        .collect())
}

fn contains(rules: &[&dyn Rule], rule: &dyn Rule) -> bool {
    rules.iter().any(|r| r.meta().id == rule.meta().id)
}

#[cfg(test)]
pub(crate) mod testing;
