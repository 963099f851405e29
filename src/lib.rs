//! coquille: a fast linter for French institutional texts, first of all United Nations
//! General Assembly resolutions.
//!
//! Data flows one way: [`source`] reads and decodes a file, [`document::Document`] parses it
//! once, the [`rules`] read the document and push [`diagnostic::Diagnostic`]s, and
//! [`render`] writes them out. With `--fix`, [`fix`] applies the fixes of the findings
//! until none remains.

pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod line_index;
pub mod render;
pub mod rules;
pub mod settings;
pub mod source;
pub mod span;
pub mod walk;

use rayon::prelude::*;

use diagnostic::{Diagnostic, Severity};
use document::Document;
use line_index::LineIndex;
use std::sync::Arc;

use rules::{Registry, Rule};
use settings::Settings;
use source::{ReadError, SourceFile};

/// Documents at least this large run their rules in parallel.
const PARALLEL_RULES_BYTES: usize = 1 << 20;

/// A set of rules ready to check texts.
pub struct Linter {
    rules: Vec<Arc<dyn Rule>>,
    settings: Settings,
}

impl Linter {
    /// A linter running `rules` with `settings`.
    pub fn new(rules: Vec<Arc<dyn Rule>>, settings: Settings) -> Self {
        Self { rules, settings }
    }

    /// A linter running every built-in rule with the default settings.
    pub fn all_rules() -> Self {
        Self::new(Registry::builtin().rules().to_vec(), Settings::default())
    }

    /// The findings on `text`, sorted by offset then rule id.
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        self.check_document(&Document::parse(text))
    }

    /// The findings on a parsed document, sorted by offset then rule id.
    ///
    /// The rules of a large document run in parallel; for a small one, waking worker
    /// threads costs more than the rules themselves.
    pub fn check_document(&self, document: &Document) -> Vec<Diagnostic> {
        let run = |rule: &Arc<dyn Rule>| {
            let mut found = Vec::new();
            rule.check(document, &self.settings, &mut found);
            found
        };
        let mut diagnostics: Vec<Diagnostic> = if document.source.len() >= PARALLEL_RULES_BYTES {
            self.rules.par_iter().flat_map_iter(run).collect()
        } else {
            self.rules.iter().flat_map(run).collect()
        };
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
        });
        diagnostics
    }

    /// Reads and checks each input in parallel; results come back in input order.
    pub fn check_inputs(&self, inputs: &[source::Input]) -> Vec<Result<FileReport, ReadError>> {
        inputs
            .par_iter()
            .map(|input| {
                let file = source::read(input)?;
                let document = Document::parse(&file.text);
                let diagnostics = self.check_document(&document);
                let lines = document.lines;
                Ok(FileReport {
                    file,
                    lines,
                    diagnostics,
                })
            })
            .collect()
    }
}

/// One checked file: its text and its findings.
#[derive(Debug)]
pub struct FileReport {
    /// The file as read.
    pub file: SourceFile,
    /// Its line index, for positions.
    pub lines: LineIndex,
    /// Its findings, sorted by offset.
    pub diagnostics: Vec<Diagnostic>,
}

/// The outcome of a run: the files checked and the inputs that could not be.
#[derive(Debug, Default)]
pub struct Report {
    /// Checked files, sorted by name.
    pub files: Vec<FileReport>,
    /// Inputs that could not be read, walked or decoded.
    pub failures: Vec<ReadError>,
}

impl Report {
    /// Checks `inputs` with `linter`; the report lists files by name, failures after.
    pub fn check(linter: &Linter, inputs: &[source::Input], mut failures: Vec<ReadError>) -> Self {
        let mut files = Vec::with_capacity(inputs.len());
        for result in linter.check_inputs(inputs) {
            match result {
                Ok(file) => files.push(file),
                Err(error) => failures.push(error),
            }
        }
        files.sort_by(|a, b| a.file.name.cmp(&b.file.name));
        Self { files, failures }
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == severity)
            .count()
    }
}
