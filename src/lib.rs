//! coquille: a fast linter for French institutional texts, first of all United Nations
//! General Assembly resolutions.
//!
//! Data flows one way: [`source`] reads and decodes a file, [`document::Document`] parses it
//! once, the [`rules`] read the document and push [`diagnostic::Diagnostic`]s, and
//! [`render`] writes them out. With `--fix`, [`fix`] applies the fixes of the findings
//! until none remains and [`write`] puts the fixed text back in place.

pub mod baseline;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod encoding;
pub mod fix;
pub mod line_index;
pub mod ordered;
pub mod output_dir;
pub mod positions;
pub mod render;
pub mod rules;
pub mod settings;
pub mod source;
pub mod span;
pub mod suppression;
pub mod walk;
pub mod write;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use config::{PerFileIgnores, RuleConfig};

use diagnostic::{Applicability, Diagnostic, Severity};
use document::Document;
use encoding::InputEncoding;
use fix::FixOutcome;
use line_index::LineIndex;
use std::sync::Arc;

use rules::{Registry, Rule};
use settings::Settings;
use source::{Input, ReadError, SourceFile};
use write::WriteError;

/// Documents at least this large run their rules in parallel.
const PARALLEL_RULES_BYTES: usize = 1 << 20;

/// A set of rules ready to check texts.
#[derive(Clone)]
pub struct Linter {
    rules: Vec<Arc<dyn Rule>>,
    settings: Settings,
    encoding: InputEncoding,
    stdin_name: Option<String>,
    severities: HashMap<&'static str, Severity>,
    per_file_ignores: PerFileIgnores,
}

impl Linter {
    /// A linter running `rules` with `settings`, reading inputs as UTF-8.
    pub fn new(rules: Vec<Arc<dyn Rule>>, settings: Settings) -> Self {
        Self {
            rules,
            settings,
            encoding: InputEncoding::Utf8,
            stdin_name: None,
            severities: HashMap::new(),
            per_file_ignores: PerFileIgnores::default(),
        }
    }

    /// The same linter with what `coquille.toml` says of the rules: those set to `off`
    /// leave, the others' findings take the severity set, and some do not run on some files.
    pub fn with_rule_config(mut self, config: RuleConfig) -> Self {
        self.rules
            .retain(|rule| !config.off.contains(&rule.meta().id));
        self.severities = config.severities;
        self.per_file_ignores = config.per_file_ignores;
        self
    }

    /// This linter, without the rules `[per-file-ignores]` turns off on `input`.
    fn for_input(&self, input: &Input) -> Cow<'_, Self> {
        let ignored = match input {
            Input::Path(path) | Input::Found(path) => self.per_file_ignores.ignored(path),
            Input::Stdin => self
                .stdin_name
                .as_ref()
                .map(|name| self.per_file_ignores.ignored(std::path::Path::new(name)))
                .unwrap_or_default(),
        };
        if ignored.is_empty() {
            return Cow::Borrowed(self);
        }
        let mut linter = self.clone();
        linter
            .rules
            .retain(|rule| !ignored.contains(&rule.meta().id));
        Cow::Owned(linter)
    }

    /// The same linter, reading inputs as `encoding` says.
    pub fn with_encoding(self, encoding: InputEncoding) -> Self {
        Self { encoding, ..self }
    }

    /// The same linter, reporting standard input as `name` (`--stdin-filename`).
    pub fn with_stdin_name(self, name: String) -> Self {
        Self {
            stdin_name: Some(name),
            ..self
        }
    }

    /// Reads `input`, named as reports name it.
    fn read(&self, input: &Input) -> Result<SourceFile, ReadError> {
        let mut file = source::read(input, self.encoding)?;
        if let (Input::Stdin, Some(name)) = (input, &self.stdin_name) {
            file.name.clone_from(name);
        }
        Ok(file)
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
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        if document.source.len() >= PARALLEL_RULES_BYTES {
            let run = |rule: &Arc<dyn Rule>| {
                let mut found = Vec::new();
                rule.check(document, &self.settings, &mut found);
                found
            };
            diagnostics = self.rules.par_iter().flat_map_iter(run).collect();
        } else {
            // One vector for every rule, in the same order.
            for rule in &self.rules {
                rule.check(document, &self.settings, &mut diagnostics);
            }
        }
        suppression::apply(document, &self.rules, &mut diagnostics);
        for diagnostic in &mut diagnostics {
            if let Some(&severity) = self.severities.get(diagnostic.rule) {
                diagnostic.severity = severity;
            }
        }
        diagnostics.sort_by(|a, b| {
            (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
        });
        diagnostics
    }

    /// Reads and checks each input in parallel; results come back in input order.
    pub fn check_inputs(&self, inputs: &[Input]) -> Vec<Result<FileReport, ReadError>> {
        self.check_inputs_with(inputs, &|| {})
    }

    /// [`Linter::check_inputs`], calling `done` as each input is checked (for a progress bar).
    pub fn check_inputs_with(
        &self,
        inputs: &[Input],
        done: &(dyn Fn() + Sync),
    ) -> Vec<Result<FileReport, ReadError>> {
        inputs
            .par_iter()
            .map(|input| {
                let checked = self.check_input(input);
                done();
                checked
            })
            .collect()
    }

    /// The name reports give `input`: its path, or `--stdin-filename` for standard input.
    pub fn name_of(&self, input: &Input) -> String {
        match (input, &self.stdin_name) {
            (Input::Stdin, Some(name)) => name.clone(),
            _ => input.name(),
        }
    }

    /// Reads and checks one input.
    pub fn check_input(&self, input: &Input) -> Result<FileReport, ReadError> {
        let file = self.read(input)?;
        let document = Document::parse(&file.text);
        let diagnostics = self.for_input(input).check_document(&document);
        let lines = document.lines;
        Ok(FileReport {
            file,
            lines,
            diagnostics,
        })
    }

    /// Reads and fixes one input, with the fixes up to `allowed`. Nothing is written.
    pub fn fix_input(&self, input: &Input, allowed: Applicability) -> Result<FixedFile, ReadError> {
        let original = self.read(input)?;
        let outcome = fix::fix_text(&self.for_input(input), &original.text, allowed);
        Ok(FixedFile {
            input: input.clone(),
            original,
            outcome,
        })
    }
}

/// One input fixed in memory: the text as read and the outcome of fixing it.
#[derive(Debug)]
pub struct FixedFile {
    /// Where it came from, and where the fixed text goes.
    pub input: Input,
    /// The file as read.
    pub original: SourceFile,
    /// The fixed text and the findings that remain on it.
    pub outcome: FixOutcome,
}

impl FixedFile {
    /// Whether fixing changed the text.
    pub fn changed(&self) -> bool {
        self.outcome.text != self.original.text
    }

    /// The report of the fixed text: the findings that remain, at its offsets.
    pub fn into_report(self) -> FileReport {
        FileReport {
            file: SourceFile {
                name: self.original.name,
                text: self.outcome.text,
                decoded_from: self.original.decoded_from,
            },
            lines: self.outcome.lines,
            diagnostics: self.outcome.diagnostics,
        }
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
    /// Inputs that could not be read, walked or decoded, or their fixes written.
    pub failures: Vec<FileError>,
    /// Inputs found in folders and skipped (binary files): notes, not failures.
    pub skipped: Vec<ReadError>,
}

/// Why an input could not be checked, or its fixed text not written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum FileError {
    /// It could not be read, walked or decoded.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Read(#[from] ReadError),
    /// Its fixed text could not be written.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Write(#[from] WriteError),
}

impl FileError {
    /// The path this error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::Read(error) => error.path(),
            Self::Write(error) => error.path(),
        }
    }
}

impl Report {
    /// Checks `inputs` with `linter`; the report lists files by name, failures after.
    pub fn check(linter: &Linter, inputs: &[Input], failures: Vec<ReadError>) -> Self {
        Self::check_with(linter, inputs, failures, &|| {})
    }

    /// [`Report::check`], calling `done` as each input is checked (for a progress bar).
    pub fn check_with(
        linter: &Linter,
        inputs: &[Input],
        failures: Vec<ReadError>,
        done: &(dyn Fn() + Sync),
    ) -> Self {
        let mut files = Vec::with_capacity(inputs.len());
        let mut failures: Vec<FileError> = failures.into_iter().map(FileError::from).collect();
        let mut skipped = Vec::new();
        for result in linter.check_inputs_with(inputs, done) {
            match result {
                Ok(file) => files.push(file),
                Err(error) if error.is_skip() => skipped.push(error),
                Err(error) => failures.push(error.into()),
            }
        }
        files.sort_by(|a, b| a.file.name.cmp(&b.file.name));
        Self {
            files,
            failures,
            skipped,
        }
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
