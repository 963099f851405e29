//! JSON Lines: one finding per line, file by file, then a last line `{"summary": …}`; for
//! tools that read findings as they come.

use std::io::{self, Write};

use serde::Serialize;

use crate::FileReport;

use super::json::{self, Ending, FileError, Summary, VERSION};
use super::statistics::RuleCount;

/// The last line of the output.
#[derive(Serialize)]
struct Last {
    summary: LastSummary,
}

#[derive(Serialize)]
struct LastSummary {
    version: u32,
    #[serde(flatten)]
    counts: Summary,
    file_errors: Vec<FileError>,
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<RuleCount>>,
}

/// Writes one line per finding of `file`.
pub(super) fn write_file(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    json::write_findings(file, out, json::Layout::LineEach);
    Ok(())
}

/// Writes the summary line, with the inputs that could not be checked and, if asked, the
/// count of each rule.
pub(super) fn finish(ending: &Ending, out: &mut dyn Write) -> io::Result<()> {
    let last = Last {
        summary: LastSummary {
            version: VERSION,
            counts: ending.summary(),
            file_errors: ending.file_errors(),
            statistics: ending.statistics(),
        },
    };
    serde_json::to_writer(&mut *out, &last)?;
    writeln!(out)
}
