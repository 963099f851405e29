//! Writing a run's findings out: `pretty` (miette's graphical report), `concise`, `json`.

mod concise;
mod json;
mod pretty;

use std::io::{self, Write};

pub use pretty::{write_error, NamedText, SourcedDiagnostic};

use crate::diagnostic::Severity;
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
}

/// Options of the human-readable formats.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Whether to use colours.
    pub color: bool,
    /// Width to wrap messages at.
    pub width: usize,
}

/// Writes `report` to `out` in `format`.
pub fn write_report(
    report: &Report,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Pretty => pretty::write(report, style, out),
        Format::Concise => concise::write(report, out),
        Format::Json => json::write(report, out),
    }
}

/// `5 fichiers vérifiés : 2 erreurs, 1 avertissement, 0 info.`
pub fn summary_line(report: &Report) -> String {
    let count = |severity| report.count(severity);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n > 1 { many } else { one });
    format!(
        "{} : {}, {}, {}.",
        plural(report.files.len(), "fichier vérifié", "fichiers vérifiés"),
        plural(count(Severity::Error), "erreur", "erreurs"),
        plural(count(Severity::Warning), "avertissement", "avertissements"),
        plural(count(Severity::Info), "info", "infos"),
    )
}
