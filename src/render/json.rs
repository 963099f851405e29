//! The JSON output of spec §4 (version 1).

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::positions::Positions;
use crate::span::Span;
use crate::{FileError as ReadFailure, FileReport};

use super::json_object::JsonObject;
use super::statistics::{RuleCount, Tally};

/// Version of the JSON format: bumped only when a field is renamed or removed.
pub const VERSION: u32 = 1;

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
    write_findings(file, out, Layout::CommaBetween);
    Ok(())
}

/// How the findings of a file follow each other.
pub(super) enum Layout {
    /// `json`: an array's items, a comma between two.
    CommaBetween,
    /// `jsonl`: one a line.
    LineEach,
}

/// Writes each finding of `file` as a JSON object (spec §4), laid out as `layout` says.
pub(super) fn write_findings(file: &FileReport, out: &mut Vec<u8>, layout: Layout) {
    let mut positions = Positions::new(&file.file.text, &file.lines);
    for (index, diagnostic) in file.diagnostics.iter().enumerate() {
        if index > 0 && matches!(layout, Layout::CommaBetween) {
            out.push(b',');
        }
        write_finding(&file.file.name, &mut positions, diagnostic, out);
        if matches!(layout, Layout::LineEach) {
            out.push(b'\n');
        }
    }
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

fn write_finding(
    path: &str,
    positions: &mut Positions,
    diagnostic: &Diagnostic,
    out: &mut Vec<u8>,
) {
    let Span { start, end } = diagnostic.span;
    let from = positions.position(start);
    let to = positions.position(end);
    JsonObject::start(out)
        .string("path", path)
        .string("rule", diagnostic.rule)
        .string("severity", diagnostic.severity.as_str())
        .string("message", &diagnostic.message)
        .number("offset", start)
        .number("length", end - start)
        .number("line", from.line)
        .number("column", from.column)
        .number("end_line", to.line)
        .number("end_column", to.column)
        .optional_string("help", diagnostic.help.as_deref())
        .optional_object("fix", diagnostic.fix.as_ref(), |fix, object| {
            object
                .string("applicability", fix.applicability.as_str())
                .objects("edits", &fix.edits, |edit, object| {
                    object
                        .number("offset", edit.span.start)
                        .number("length", edit.span.len())
                        .string("replacement", &edit.replacement);
                });
        })
        .optional_string("label", diagnostic.label.as_deref())
        .objects("related", &diagnostic.related, |label, object| {
            let at = positions.position(label.span.start);
            object
                .number("offset", label.span.start)
                .number("length", label.span.len())
                .number("line", at.line)
                .number("column", at.column)
                .string("message", &label.message);
        })
        .end();
}
