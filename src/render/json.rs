//! The JSON output of spec §4 (version 1).

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::span::Span;
use crate::{FileError as ReadFailure, FileReport, Report};

use super::statistics::Tally;

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

pub(super) fn write(report: &Report, statistics: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = JsonWriter::new(out)?;
    for file in &report.files {
        writer.write_file(file)?;
    }
    writer.finish(&report.failures, statistics).map(drop)
}

/// Writes the `json` document file by file, so that a run over a corpus holds one batch of
/// files at a time, not all of them: the same bytes as serialising the whole report at once
/// (`version`, `diagnostics`, `summary`, `file_errors`, then `statistics` if asked).
pub struct JsonWriter<'a> {
    out: &'a mut dyn Write,
    tally: Tally,
    first: bool,
}

impl<'a> JsonWriter<'a> {
    /// Starts the document on `out`.
    pub fn new(out: &'a mut dyn Write) -> io::Result<Self> {
        write!(out, "{{\"version\":{VERSION},\"diagnostics\":[")?;
        Ok(Self {
            out,
            tally: Tally::default(),
            first: true,
        })
    }

    /// Writes the findings of `file`; files must come in the order the report wants them.
    pub fn write_file(&mut self, file: &FileReport) -> io::Result<()> {
        for diagnostic in json_diagnostics(file) {
            if !std::mem::replace(&mut self.first, false) {
                self.out.write_all(b",")?;
            }
            serde_json::to_writer(&mut *self.out, &diagnostic)?;
        }
        self.tally.add(file);
        Ok(())
    }

    /// Ends the document with the summary, the inputs that could not be checked and, if
    /// asked, the count of each rule; returns the counts.
    pub fn finish(self, failures: &[ReadFailure], statistics: bool) -> io::Result<Tally> {
        self.out.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut *self.out, &Summary::of(&self.tally))?;
        self.out.write_all(b",\"file_errors\":")?;
        let errors: Vec<FileError> = failures.iter().map(FileError::of).collect();
        serde_json::to_writer(&mut *self.out, &errors)?;
        if statistics {
            self.out.write_all(b",\"statistics\":")?;
            serde_json::to_writer(&mut *self.out, &self.tally.per_rule())?;
        }
        self.out.write_all(b"}\n")?;
        self.out.flush()?;
        Ok(self.tally)
    }
}

/// The findings of `file`, in order.
pub(super) fn json_diagnostics(file: &FileReport) -> impl Iterator<Item = JsonDiagnostic<'_>> {
    let (text, lines) = (&file.file.text, &file.lines);
    file.diagnostics
        .iter()
        .map(move |d| json_diagnostic(&file.file.name, text, lines, d))
}

fn json_diagnostic<'a>(
    path: &'a str,
    text: &str,
    lines: &LineIndex,
    diagnostic: &'a Diagnostic,
) -> JsonDiagnostic<'a> {
    let Span { start, end } = diagnostic.span;
    let from = lines.position(text, start);
    let to = lines.position(text, end);
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
                let at = lines.position(text, label.span.start);
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
