//! The JSON output of spec §4 (version 1).

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::span::Span;
use crate::Report;

/// Version of the JSON format: bumped only when a field is renamed or removed.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
    /// Inputs that could not be checked (added to §4: fields may be added).
    file_errors: Vec<FileError>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
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

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct FileError {
    path: String,
    message: String,
}

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut diagnostics = Vec::new();
    for file in &report.files {
        let text = &file.file.text;
        let lines = &file.lines;
        diagnostics.extend(
            file.diagnostics
                .iter()
                .map(|d| json_diagnostic(&file.file.name, text, lines, d)),
        );
    }
    let output = Output {
        version: VERSION,
        diagnostics,
        summary: Summary {
            files: report.files.len(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
        file_errors: report
            .failures
            .iter()
            .map(|error| FileError {
                path: error.path().to_owned(),
                message: error.to_string(),
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &output)?;
    writeln!(out)
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
