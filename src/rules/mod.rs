//! The rules: one file each, declared with their documentation, and the registry that lists
//! them for `check`, `rules` and `explain`.

mod apostrophe;
mod date_chronology;
mod date_format;
mod date_invalid;
mod footnote_duplicate;
mod footnote_order;
mod footnote_undefined;
mod footnote_unused;
mod guillemets;
mod number_format;
mod ocr_confusable;
mod ocr_footnote_marker;
mod ocr_hyphenation;
mod ocr_line_break;
mod ocr_page_artifact;
pub mod pack;
mod paragraph_numbering;
mod paragraph_punctuation;
mod punctuation_spacing;
mod sequence;
mod session_mismatch;
mod signs;
mod space_before_punctuation;
pub(crate) mod unused_suppression;
mod verbatim;
mod whitespace;

use std::fmt;
use std::str::FromStr;

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::settings::Settings;
use crate::span::Span;

/// A check over a parsed document.
pub trait Rule: Send + Sync {
    /// The rule's identity and documentation.
    fn meta(&self) -> &'static RuleMeta;

    /// Pushes the findings of this rule on `document` into `diagnostics`.
    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>);

    /// The text of `meta().examples[index].bad` once this rule's fixes are applied, where
    /// the rule states it; by default, a rule that fixes turns its bad example into its good
    /// one.
    fn example_fixed(&self, index: usize) -> Option<&'static str> {
        let meta = self.meta();
        (meta.fix != FixAvailability::None).then(|| meta.examples[index].good)
    }
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

/// The rule groups of the spec, ordered as the spec lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
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
        f.pad(self.as_str())
    }
}

impl FromStr for Group {
    type Err = ();

    fn from_str(name: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|g| g.as_str() == name).ok_or(())
    }
}

/// The rules written in Rust.
fn rust_rules() -> Vec<Arc<dyn Rule>> {
    vec![
        Arc::new(paragraph_numbering::ParagraphNumbering),
        Arc::new(paragraph_punctuation::ParagraphPunctuation),
        Arc::new(footnote_undefined::FootnoteUndefined),
        Arc::new(footnote_unused::FootnoteUnused),
        Arc::new(footnote_duplicate::FootnoteDuplicate),
        Arc::new(footnote_order::FootnoteOrder),
        Arc::new(unused_suppression::UnusedSuppression),
        Arc::new(session_mismatch::SessionMismatch),
        Arc::new(date_chronology::DateChronology),
        Arc::new(date_invalid::DateInvalid),
        Arc::new(date_format::DateFormat),
        Arc::new(space_before_punctuation::SpaceBeforePunctuation),
        Arc::new(guillemets::Guillemets),
        Arc::new(punctuation_spacing::PunctuationSpacing),
        Arc::new(apostrophe::ApostropheConsistency),
        Arc::new(number_format::NumberFormat),
        Arc::new(whitespace::Whitespace),
        Arc::new(ocr_page_artifact::OcrPageArtifact),
        Arc::new(ocr_line_break::OcrLineBreak),
        Arc::new(ocr_hyphenation::OcrHyphenation),
        Arc::new(ocr_footnote_marker::OcrFootnoteMarker),
        Arc::new(ocr_confusable::OcrConfusable),
    ]
}

/// Every known rule: the built-in ones and those of the packs added.
pub struct Registry {
    rules: Vec<Arc<dyn Rule>>,
}

impl Registry {
    /// The built-in rules: those written in Rust, in the order of the spec, then those of
    /// the built-in packs.
    pub fn builtin() -> Self {
        let mut rules = rust_rules();
        for pack in pack::builtin() {
            rules.extend(
                pack.rules()
                    .iter()
                    .map(|rule| rule.clone() as Arc<dyn Rule>),
            );
        }
        rules.sort_by_key(|rule| rule.meta().group);
        Self { rules }
    }

    /// Adds the rules of `pack`, unless one of their ids is already taken.
    pub fn add_pack(&mut self, pack: &pack::Pack) -> Result<(), pack::PackError> {
        if let Some(taken) = pack
            .rules()
            .iter()
            .position(|rule| self.find(rule.meta().id).is_some())
        {
            return Err(pack.id_taken(taken));
        }
        self.rules.extend(
            pack.rules()
                .iter()
                .map(|rule| rule.clone() as Arc<dyn Rule>),
        );
        Ok(())
    }

    /// Every rule, in order.
    pub fn rules(&self) -> &[Arc<dyn Rule>] {
        &self.rules
    }

    /// The rule with this id.
    pub fn find(&self, id: &str) -> Option<&Arc<dyn Rule>> {
        self.rules.iter().find(|rule| rule.meta().id == id)
    }

    /// The rules to run: all of them or `select`, minus `ignore` (ids or group names).
    pub fn select(
        &self,
        select: &[String],
        ignore: &[String],
    ) -> Result<Vec<Arc<dyn Rule>>, UnknownRule> {
        let ignored = self.matching(ignore)?;
        let selected = if select.is_empty() {
            self.rules.iter().map(|r| r.meta().id).collect()
        } else {
            self.matching(select)?
        };
        Ok(self
            .rules
            .iter()
            .filter(|rule| selected.contains(&rule.meta().id) && !ignored.contains(&rule.meta().id))
            .cloned()
            .collect())
    }

    /// The ids named by `names`, each an id or a group.
    fn matching(&self, names: &[String]) -> Result<Vec<&'static str>, UnknownRule> {
        let mut ids = Vec::new();
        for name in names {
            if let Ok(group) = name.parse::<Group>() {
                ids.extend(
                    self.rules
                        .iter()
                        .filter(|r| r.meta().group == group)
                        .map(|r| r.meta().id),
                );
            } else if let Some(rule) = self.find(name) {
                ids.push(rule.meta().id);
            } else {
                return Err(UnknownRule { name: name.clone() });
            }
        }
        Ok(ids)
    }
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

#[cfg(test)]
pub(crate) mod testing;
