//! Writing a run's findings out: `pretty` (miette's graphical report), `concise`, `json`,
//! `jsonl`, `github`, `sarif`, and `--statistics`; and what fixing did: a unified diff, a count of the fixes, the summary of a cleaning.

mod cleaning;
mod concise;
mod diff;
mod excerpt;
mod github;
mod json;
mod json_object;
mod jsonl;
mod named_text;
mod pretty;
mod sarif;
mod statistics;
mod toml_fault;
mod writer;

use std::io::{self, Write};

pub use cleaning::{cleaning_summary, CleaningSummary};
pub use diff::write_diff;
pub use named_text::NamedText;
pub use pretty::{write_error, SourcedDiagnostic};
pub use statistics::{RuleCount, Tally};
pub use toml_fault::{TomlFault, TomlFaultKind};
pub use writer::{RenderedFile, ReportWriter};

use crate::fix::FixCounts;
use crate::rules::Registry;
use crate::Report;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// miette's graphical report: source snippet, underlines, help.
    Pretty,
    /// One line per finding: `path:line:column: severity[rule] message`.
    Concise,
    /// One JSON document (version 1), for editors and scripts.
    Json,
    /// JSON Lines: one finding per line, file by file, then a summary line.
    Jsonl,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
}

/// Options of the human-readable formats.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether to use colours.
    pub color: bool,
    /// Width to wrap messages at.
    pub width: usize,
}

/// What to write besides the findings, and what to describe them with.
pub struct Options<'a> {
    /// Colours and width of the human-readable formats.
    pub style: Style,
    /// Whether to add the count of each rule (`--statistics`).
    pub statistics: bool,
    /// The rules known to the run, for SARIF's rule metadata.
    pub registry: &'a Registry,
}

/// Writes `report` to `out` in `format`; with `options.statistics`, the count of each rule
/// after it (inside the document for `json` and `jsonl`; `sarif` has no place for it).
pub fn write_report(
    report: &Report,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut writer = ReportWriter::new(format, options, out)?;
    for file in &report.files {
        writer.write_file(RenderedFile::new(file, format, options)?)?;
    }
    writer.finish(&report.failures).map(drop)
}

/// `5 fichiers vérifiés : 2 erreurs, 1 avertissement, 0 info.`
pub fn summary_line(tally: &Tally) -> String {
    format!(
        "{} : {}, {}, {}.",
        plural(tally.files, "fichier vérifié", "fichiers vérifiés"),
        plural(tally.errors, "erreur", "erreurs"),
        plural(tally.warnings, "avertissement", "avertissements"),
        plural(tally.infos, "info", "infos"),
    )
}

/// `12 corrections appliquées (paragraph-punctuation 12).`, followed by
/// `; 3 corrections non sûres possibles avec --unsafe-fixes` when `hidden` is not zero.
pub fn fixes_applied_line(applied: &FixCounts, hidden: usize) -> String {
    fixes_line(applied, "appliquée", "appliquées", hidden)
}

/// `--diff`'s count: `12 corrections seraient appliquées (paragraph-punctuation 12).`
pub fn fixes_diffed_line(applied: &FixCounts, hidden: usize) -> String {
    fixes_line(applied, "serait appliquée", "seraient appliquées", hidden)
}

fn fixes_line(applied: &FixCounts, one: &str, many: &str, hidden: usize) -> String {
    let total = applied.total();
    let mut line = plural(
        total,
        &format!("correction {one}"),
        &format!("corrections {many}"),
    );
    if total > 0 {
        let per_rule: Vec<String> = applied
            .iter()
            .map(|(rule, count)| format!("{rule} {count}"))
            .collect();
        line = format!("{line} ({})", per_rule.join(", "));
    }
    if hidden > 0 {
        let hidden = plural(
            hidden,
            "correction non sûre possible",
            "corrections non sûres possibles",
        );
        line = format!("{line} ; {hidden} avec --unsafe-fixes");
    }
    line + "."
}

/// `n` followed by the singular (0 and 1, as French counts) or the plural.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixes_line_counts_per_rule_in_french() {
        let mut applied = FixCounts::default();
        assert_eq!(fixes_applied_line(&applied, 0), "0 correction appliquée.");
        applied.add("whitespace", 1);
        assert_eq!(
            fixes_applied_line(&applied, 0),
            "1 correction appliquée (whitespace 1)."
        );
        applied.add("paragraph-punctuation", 11);
        assert_eq!(
            fixes_applied_line(&applied, 0),
            "12 corrections appliquées (paragraph-punctuation 11, whitespace 1)."
        );
        assert_eq!(
            fixes_diffed_line(&FixCounts::default(), 2),
            "0 correction serait appliquée ; 2 corrections non sûres possibles avec --unsafe-fixes."
        );
    }
}
