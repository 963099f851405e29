//! Findings of the rules: what is wrong, where, why, and how to fix it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Should be fixed; fails a run only with `--deny-warnings`.
    Warning,
    /// Must be fixed; fails the run (exit 1).
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Whether a fix can be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// The meaning of the text cannot change.
    Safe,
    /// The fix is probably right, but a person should check it.
    Unsafe,
}

impl Applicability {
    /// The lowercase name used in every output format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The bytes to replace (empty for an insertion).
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A set of edits that together repair one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// Non-overlapping edits, in increasing order of offset.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn single(
        applicability: Applicability,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        Self {
            applicability,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// A secondary place that explains a finding (the first definition of a duplicate…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What this place is, in French.
    pub message: String,
}

/// One finding of one rule in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The id of the rule that found it (`footnote-undefined`).
    pub rule: &'static str,
    /// Its severity, after configuration.
    pub severity: Severity,
    /// What is wrong, in French.
    pub message: String,
    /// The exact characters at fault.
    pub span: Span,
    /// The text shown under the primary span.
    pub label: Option<String>,
    /// Other places that explain the finding.
    pub related: Vec<Label>,
    /// What was expected, in French.
    pub help: Option<String>,
    /// How to repair it, when that can be done mechanically.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of `rule` at `span`; severity is the rule's default until configured.
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            severity,
            message: message.into(),
            span,
            label: None,
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// Sets the text under the primary span.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary place.
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Overrides the rule's default severity (a rule whose findings differ in gravity).
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attaches a fix.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
