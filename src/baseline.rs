//! A baseline: the findings a corpus had when coquille was adopted, so that a run reports
//! only the new ones (`--write-baseline FILE`, then `--baseline FILE`).
//!
//! A finding is keyed on its file, its rule, the text it flags and a few characters on each
//! side on the same line, never on its line number: an edit elsewhere in the file leaves the
//! key as it was. Identical keys are counted, so that two old findings hide two, not three.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::FileReport;

/// Characters of context kept on each side of the flagged text.
const CONTEXT: usize = 12;

/// The version of the file format.
const VERSION: u32 = 1;

/// What identifies a finding across edits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    /// The file, as reports name it.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The flagged text.
    pub text: String,
    /// Up to 12 characters before it on its line.
    pub before: String,
    /// Up to 12 characters after it on its line.
    pub after: String,
}

/// One key and how many findings have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The finding's key.
    #[serde(flatten)]
    pub key: Key,
    /// How many findings have it.
    pub count: usize,
}

/// The recorded findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    counts: BTreeMap<Key, usize>,
}

/// The JSON file.
#[derive(Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    entries: Vec<Entry>,
}

/// Why a baseline cannot be read or written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    /// The file cannot be read or written.
    #[error("{path}: {reason}")]
    #[diagnostic(code(coquille::baseline))]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The file is not a baseline.
    #[error("{path}: not a coquille baseline: {reason}")]
    #[diagnostic(
        code(coquille::baseline),
        help("write one with `coquille check --write-baseline FILE`")
    )]
    Invalid {
        /// The path.
        path: String,
        /// What the JSON reader says.
        reason: String,
    },
}

impl Baseline {
    /// Records the findings of `file`.
    pub fn add(&mut self, file: &FileReport) {
        for diagnostic in &file.diagnostics {
            *self.counts.entry(key(file, diagnostic)).or_default() += 1;
        }
    }

    /// How many findings it holds.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    /// Whether it holds no finding.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Drops from `file` the findings recorded here, each key as many times as recorded.
    pub fn hide_known(&self, file: &mut FileReport) {
        let keys: Vec<Key> = file.diagnostics.iter().map(|d| key(file, d)).collect();
        let mut left: BTreeMap<&Key, usize> = keys
            .iter()
            .filter_map(|k| self.counts.get_key_value(k))
            .map(|(key, &count)| (key, count))
            .collect();
        let mut keys = keys.iter();
        file.diagnostics.retain(|_| {
            let known = keys
                .next()
                .and_then(|k| left.get_mut(k))
                .filter(|count| **count > 0)
                .map(|count| *count -= 1)
                .is_some();
            !known
        });
    }

    /// Reads the baseline at `path`.
    pub fn read(path: &Path) -> Result<Self, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
        let file: BaselineFile =
            serde_json::from_str(&text).map_err(|error| BaselineError::Invalid {
                path: path.display().to_string(),
                reason: error.to_string(),
            })?;
        if file.version != VERSION {
            return Err(BaselineError::Invalid {
                path: path.display().to_string(),
                reason: format!("version {} (this coquille reads {VERSION})", file.version),
            });
        }
        let mut baseline = Self::default();
        for entry in file.entries {
            *baseline.counts.entry(entry.key).or_default() += entry.count;
        }
        Ok(baseline)
    }

    /// Writes it to `path` as JSON, entries sorted by key.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let file = BaselineFile {
            version: VERSION,
            entries: self
                .counts
                .iter()
                .map(|(key, &count)| Entry {
                    key: key.clone(),
                    count,
                })
                .collect(),
        };
        let json = serde_json::to_string_pretty(&file).expect("a baseline serializes");
        std::fs::write(path, json + "\n").map_err(|e| io_error(path, &e))
    }
}

/// The key of `diagnostic` in `file`.
fn key(file: &FileReport, diagnostic: &Diagnostic) -> Key {
    // From the line index, not by searching the line: a long line of findings stays linear.
    let (text, lines) = (&file.file.text, &file.lines);
    let line_start = lines.line_start(lines.line_of(diagnostic.span.start));
    let next_line = lines.line_of(diagnostic.span.end) + 1;
    let line_end = if next_line < lines.line_count() {
        lines.line_start(next_line) - 1
    } else {
        text.len()
    };
    let before = &text[line_start..diagnostic.span.start];
    let after = &text[diagnostic.span.end..line_end.max(diagnostic.span.end)];
    let kept_from = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(at, _)| at);
    Key {
        path: file.file.name.trim_start_matches("./").to_owned(),
        rule: diagnostic.rule.to_owned(),
        text: diagnostic.span.text(text).to_owned(),
        before: before[kept_from..].to_owned(),
        after: after.chars().take(CONTEXT).collect(),
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> BaselineError {
    BaselineError::Io {
        path: path.display().to_string(),
        reason: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::line_index::LineIndex;
    use crate::source::SourceFile;
    use crate::span::Span;

    #[test]
    fn a_key_holds_twelve_characters_on_each_side_on_the_same_line() {
        let text = "ab\r\nxyzé456789abcdXYZtail-of-the-line\r\nz";
        let file = FileReport {
            file: SourceFile {
                name: "./a.txt".to_owned(),
                text: text.to_owned(),
                decoded_from: None,
            },
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
        };
        let at = |flagged: &str| {
            let start = text.find(flagged).unwrap();
            Diagnostic::new(
                "r",
                Severity::Error,
                Span::new(start, start + flagged.len()),
                "m",
            )
        };
        let key = key(&file, &at("XYZ"));
        assert_eq!(
            (
                key.path.as_str(),
                key.text.as_str(),
                key.before.as_str(),
                key.after.as_str()
            ),
            ("a.txt", "XYZ", "zé456789abcd", "tail-of-the-")
        );
        let key = super::key(&file, &at("ab"));
        assert_eq!((key.before.as_str(), key.after.as_str()), ("", "\r"));
    }
}
