//! Writing a report file by file, so that a run over a corpus holds one batch of files, not
//! all of them: each file's findings are rendered on their own (on any thread), then written
//! in order; the end of the report (summary, statistics) is made from running counts.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use crate::{FileError, FileReport};

use super::statistics::{self, Tally};
use super::{concise, github, json, jsonl, pretty, sarif, summary_line, Format, Options};

/// One file's part of a report, rendered and counted, ready to be written in its turn.
#[derive(Debug)]
pub struct RenderedFile {
    bytes: Vec<u8>,
    tally: Tally,
}

impl RenderedFile {
    /// The findings of `file` as `format` writes them, with their counts.
    pub fn new(file: &FileReport, format: Format, options: &Options) -> io::Result<Self> {
        // About what a finding takes in JSON, so that the buffer seldom grows.
        let mut bytes = Vec::with_capacity(file.diagnostics.len() * 512);
        match format {
            Format::Pretty => pretty::write_file(file, options.style, &mut bytes),
            Format::Concise => concise::write_file(file, &mut bytes),
            Format::Github => github::write_file(file, &mut bytes),
            Format::Json => json::write_file(file, &mut bytes),
            Format::Jsonl => jsonl::write_file(file, &mut bytes),
            Format::Sarif => sarif::write_file(file, options.registry, &mut bytes),
        }?;
        let mut tally = Tally::default();
        tally.add(file);
        Ok(Self { bytes, tally })
    }
}

/// A report being written: its start, then each file's part, then its end.
pub struct ReportWriter<'a> {
    format: Format,
    options: &'a Options<'a>,
    out: &'a mut dyn Write,
    tally: Tally,
    /// Whether a file wrote findings: the JSON arrays separate the next one with a comma.
    wrote_findings: bool,
    /// SARIF's results, kept aside on disk until the end (see [`sarif::finish`]).
    sarif_results: Option<BufWriter<File>>,
}

impl<'a> ReportWriter<'a> {
    /// Starts a report in `format` on `out`.
    pub fn new(
        format: Format,
        options: &'a Options<'a>,
        out: &'a mut dyn Write,
    ) -> io::Result<Self> {
        if format == Format::Json {
            json::start(out)?;
        }
        let sarif_results = match format {
            Format::Sarif => Some(BufWriter::new(tempfile::tempfile()?)),
            _ => None,
        };
        Ok(Self {
            format,
            options,
            out,
            tally: Tally::default(),
            wrote_findings: false,
            sarif_results,
        })
    }

    /// Writes the next file's part; files come in the order the report lists them.
    pub fn write_file(&mut self, file: RenderedFile) -> io::Result<()> {
        self.tally.merge(file.tally);
        if file.bytes.is_empty() {
            return Ok(());
        }
        let out: &mut dyn Write = match &mut self.sarif_results {
            Some(results) => results,
            None => self.out,
        };
        let separated = matches!(self.format, Format::Json | Format::Sarif);
        if separated && std::mem::replace(&mut self.wrote_findings, true) {
            out.write_all(b",")?;
        }
        out.write_all(&file.bytes)?;
        if self.format == Format::Jsonl {
            // Readers of JSON Lines take findings as they come.
            self.out.flush()?;
        }
        Ok(())
    }

    /// Ends the report with the summary, the inputs that could not be checked and, with
    /// `--statistics`, the count of each rule (`sarif` has no place for it); returns the
    /// counts of the run.
    pub fn finish(self, failures: &[FileError]) -> io::Result<Tally> {
        let (out, tally, statistics) = (self.out, self.tally, self.options.statistics);
        match self.format {
            Format::Pretty | Format::Concise => writeln!(out, "{}", summary_line(&tally))?,
            Format::Github => {}
            Format::Json | Format::Jsonl => {
                let ending = json::Ending {
                    tally: &tally,
                    failures,
                    statistics,
                };
                match self.format {
                    Format::Json => json::finish(&ending, out)?,
                    _ => jsonl::finish(&ending, out)?,
                }
                return Ok(tally);
            }
            Format::Sarif => {
                let mut results = self
                    .sarif_results
                    .expect("a SARIF report keeps its results aside")
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)?;
                results.rewind()?;
                sarif::finish(self.options.registry, failures, &mut results, out)?;
                return Ok(tally);
            }
        }
        if statistics {
            statistics::write(&tally, out)?;
        }
        Ok(tally)
    }
}
