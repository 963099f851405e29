//! JSON Lines: one finding per line, written file by file as each file is checked, then a
//! last line `{"summary": …}`; for corpora too large to hold one JSON document.

use std::io::{self, Write};

use serde::Serialize;

use crate::{FileError as ReadFailure, FileReport};

use super::json::{self, FileError, Summary, VERSION};
use super::statistics::{RuleCount, Tally};

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

/// Writes the findings of each file as it comes, keeping only their counts.
pub struct JsonlWriter<'a> {
    out: &'a mut dyn Write,
    tally: Tally,
}

impl<'a> JsonlWriter<'a> {
    /// A writer to `out`.
    pub fn new(out: &'a mut dyn Write) -> Self {
        Self {
            out,
            tally: Tally::default(),
        }
    }

    /// Writes one line per finding of `file`, and flushes them.
    pub fn write_file(&mut self, file: &FileReport) -> io::Result<()> {
        for diagnostic in json::json_diagnostics(file) {
            serde_json::to_writer(&mut *self.out, &diagnostic)?;
            writeln!(self.out)?;
        }
        self.tally.add(file);
        self.out.flush()
    }

    /// Writes the summary line, with the inputs that could not be checked and, if asked,
    /// the count of each rule; returns the counts.
    pub fn finish(self, failures: &[ReadFailure], statistics: bool) -> io::Result<Tally> {
        let last = Last {
            summary: LastSummary {
                version: VERSION,
                counts: Summary::of(&self.tally),
                file_errors: failures.iter().map(FileError::of).collect(),
                statistics: statistics.then(|| self.tally.per_rule()),
            },
        };
        serde_json::to_writer(&mut *self.out, &last)?;
        writeln!(self.out)?;
        self.out.flush()?;
        Ok(self.tally)
    }
}
