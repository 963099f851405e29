//! The summary of `--fix --output-dir`: copies written, fixes applied by rule, files left
//! with errors.

use std::path::Path;

use crate::fix::FixCounts;

use super::{fixes_applied_line, plural};

/// What cleaning into an output folder did.
#[derive(Debug, Clone)]
pub struct CleaningSummary<'a> {
    /// The output folder.
    pub folder: &'a Path,
    /// Copies written.
    pub written: usize,
    /// Copies whose text the fixes changed.
    pub changed: usize,
    /// The fixes applied, per rule.
    pub applied: FixCounts,
    /// Unsafe fixes left aside (without `--unsafe-fixes`).
    pub hidden: usize,
    /// The copies that still hold an error-level finding.
    pub with_errors: Vec<String>,
}

/// ```text
/// 3 copies écrites sous cleaned/ : 2 nettoyées, 1 inchangée.
/// 31 corrections appliquées (ocr-line-break 16, …).
/// 1 fichier garde des erreurs :
///   cleaned/a.txt
/// ```
pub fn cleaning_summary(summary: &CleaningSummary) -> String {
    let mut text = format!(
        "{} sous {} : {}, {}.\n{}\n",
        plural(summary.written, "copie écrite", "copies écrites"),
        summary.folder.display(),
        plural(summary.changed, "nettoyée", "nettoyées"),
        plural(summary.written - summary.changed, "inchangée", "inchangées"),
        fixes_applied_line(&summary.applied, summary.hidden),
    );
    if summary.with_errors.is_empty() {
        text += "Aucun fichier ne garde d'erreur.";
    } else {
        text += &plural(
            summary.with_errors.len(),
            "fichier garde des erreurs :",
            "fichiers gardent des erreurs :",
        );
        for name in &summary.with_errors {
            text += &format!("\n  {name}");
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_copies_fixes_and_files_left_with_errors() {
        let mut applied = FixCounts::default();
        applied.add("ocr-line-break", 16);
        applied.add("ocr-page-artifact", 2);
        let summary = CleaningSummary {
            folder: Path::new("cleaned"),
            written: 3,
            changed: 2,
            applied,
            hidden: 0,
            with_errors: vec!["cleaned/a.txt".to_owned()],
        };
        assert_eq!(
            cleaning_summary(&summary),
            "3 copies écrites sous cleaned : 2 nettoyées, 1 inchangée.\n\
             18 corrections appliquées (ocr-line-break 16, ocr-page-artifact 2).\n\
             1 fichier garde des erreurs :\n  cleaned/a.txt"
        );
        let clean = CleaningSummary {
            folder: Path::new("out"),
            written: 1,
            changed: 0,
            applied: FixCounts::default(),
            hidden: 0,
            with_errors: Vec::new(),
        };
        assert_eq!(
            cleaning_summary(&clean),
            "1 copie écrite sous out : 0 nettoyée, 1 inchangée.\n0 correction appliquée.\n\
             Aucun fichier ne garde d'erreur."
        );
    }
}
