//! The JSON output of spec §4 (version 1).

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::positions::Positions;
use crate::span::Span;
use crate::{FileError as ReadFailure, FileReport};

use super::statistics::{RuleCount, Tally};

/// Version of the JSON format: bumped only when a field is renamed or removed.
pub const VERSION: u32 = 1;

/// One finding, as the `json` and `jsonl` formats write it.
#[derive(Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'static str,
    severity: Severity,
    message: &'a str,
    offset: usize,
    length: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
    label: Option<&'a str>,
    related: Vec<Related<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: usize,
    length: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    offset: usize,
    length: usize,
    line: usize,
    column: usize,
    message: &'a str,
}

/// The counts of a run.
#[derive(Serialize)]
pub(super) struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl Summary {
    pub(super) fn of(tally: &Tally) -> Self {
        Self {
            files: tally.files,
            errors: tally.errors,
            warnings: tally.warnings,
            infos: tally.infos,
        }
    }
}

/// An input that could not be checked.
#[derive(Serialize)]
pub(super) struct FileError {
    path: String,
    message: String,
}

impl FileError {
    pub(super) fn of(error: &ReadFailure) -> Self {
        Self {
            path: error.path().to_owned(),
            message: error.to_string(),
        }
    }
}

/// Starts the document: `version`, then the `diagnostics` array, written file by file by
/// [`write_file`] and closed by [`finish`] — the same bytes as serialising the whole report at
/// once.
pub(super) fn start(out: &mut dyn Write) -> io::Result<()> {
    write!(out, "{{\"version\":{VERSION},\"diagnostics\":[")
}

/// Writes the findings of `file`, separated by commas (the caller puts one between files).
pub(super) fn write_file(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    for (index, diagnostic) in json_diagnostics(file).enumerate() {
        if index > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &diagnostic)?;
    }
    Ok(())
}

/// What the JSON formats end with: the counts of the run, the inputs that could not be
/// checked and, with `--statistics`, the count of each rule.
pub(super) struct Ending<'a> {
    pub(super) tally: &'a Tally,
    pub(super) failures: &'a [ReadFailure],
    pub(super) statistics: bool,
}

impl Ending<'_> {
    pub(super) fn summary(&self) -> Summary {
        Summary::of(self.tally)
    }

    pub(super) fn file_errors(&self) -> Vec<FileError> {
        self.failures.iter().map(FileError::of).collect()
    }

    pub(super) fn statistics(&self) -> Option<Vec<RuleCount>> {
        self.statistics.then(|| self.tally.per_rule())
    }
}

/// Ends the document with the summary, the inputs that could not be checked and, if asked,
/// the count of each rule.
pub(super) fn finish(ending: &Ending, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"],\"summary\":")?;
    serde_json::to_writer(&mut *out, &ending.summary())?;
    out.write_all(b",\"file_errors\":")?;
    serde_json::to_writer(&mut *out, &ending.file_errors())?;
    if let Some(statistics) = ending.statistics() {
        out.write_all(b",\"statistics\":")?;
        serde_json::to_writer(&mut *out, &statistics)?;
    }
    out.write_all(b"}\n")
}

/// The findings of `file`, in order.
pub(super) fn json_diagnostics(file: &FileReport) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    let mut positions = Positions::new(&file.file.text, &file.lines);
    file.diagnostics
        .iter()
        .map(move |d| json_diagnostic(&file.file.name, &mut positions, d))
}

fn json_diagnostic<'a>(
    path: &'a str,
    positions: &mut Positions,
    diagnostic: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    let Span { start, end } = diagnostic.span;
    let from = positions.position(start);
    let to = positions.position(end);
    JsonDiagnostic {
        path,
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: &diagnostic.message,
        offset: start,
        length: end - start,
        line: from.line,
        column: from.column,
        end_line: to.line,
        end_column: to.column,
        help: diagnostic.help.as_deref(),
        fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    offset: edit.span.start,
                    length: edit.span.len(),
                    replacement: &edit.replacement,
                })
                .collect(),
        }),
        label: diagnostic.label.as_deref(),
        related: diagnostic
            .related
            .iter()
            .map(|label| {
                let at = positions.position(label.span.start);
                Related {
                    offset: label.span.start,
                    length: label.span.len(),
                    line: at.line,
                    column: at.column,
                    message: &label.message,
                }
            })
            .collect(),
    }
}
