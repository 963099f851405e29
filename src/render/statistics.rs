//! `--statistics`: how many findings each rule made, most frequent first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::FileReport;

/// Counts of the findings of a run, by severity and by rule, gathered file by file.
#[derive(Debug, Default)]
pub struct Tally {
    /// Files checked.
    pub files: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
    /// Info-level findings.
    pub infos: usize,
    per_rule: BTreeMap<&'static str, usize>,
}

/// One rule's count, as `--statistics` lists it and the JSON formats write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule id.
    pub rule: &'static str,
    /// How many findings it made.
    pub count: usize,
}

impl Tally {
    /// Counts one more file and its findings.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        for diagnostic in &file.diagnostics {
            match diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            *self.per_rule.entry(diagnostic.rule).or_default() += 1;
        }
    }

    /// Adds the counts of `other` to these.
    pub fn merge(&mut self, other: Self) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        for (rule, count) in other.per_rule {
            *self.per_rule.entry(rule).or_default() += count;
        }
    }

    /// The count of each rule that found something, by count (highest first) then id.
    pub fn per_rule(&self) -> Vec<RuleCount> {
        let mut counts: Vec<RuleCount> = self
            .per_rule
            .iter()
            .map(|(&rule, &count)| RuleCount { rule, count })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
        counts
    }
}

/// Writes the per-rule counts as an aligned table: `  12  paragraph-punctuation`.
pub(super) fn write(tally: &Tally, out: &mut dyn Write) -> io::Result<()> {
    let counts = tally.per_rule();
    let width = counts.first().map_or(1, |c| c.count.to_string().len());
    for RuleCount { rule, count } in counts {
        writeln!(out, "{count:>width$}  {rule}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::line_index::LineIndex;
    use crate::source::SourceFile;
    use crate::span::Span;

    fn file(rules: &[&'static str]) -> FileReport {
        FileReport {
            file: SourceFile {
                name: "a.txt".into(),
                text: "x".into(),
                decoded_from: None,
            },
            lines: LineIndex::new("x"),
            diagnostics: rules
                .iter()
                .map(|rule| Diagnostic::new(rule, Severity::Warning, Span::new(0, 1), "m"))
                .collect(),
        }
    }

    #[test]
    fn rules_come_by_count_then_id() {
        let mut tally = Tally::default();
        tally.add(&file(&["whitespace", "apostrophe", "guillemets"]));
        tally.add(&file(&["guillemets", "apostrophe", "guillemets"]));
        let mut out = Vec::new();
        write(&tally, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "3  guillemets\n2  apostrophe\n1  whitespace\n"
        );
        assert_eq!((tally.files, tally.warnings), (2, 6));
    }
}
