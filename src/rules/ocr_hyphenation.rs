//! `ocr-hyphenation`: a word cut at the end of a line (`renforce-` / `ment`), as PDF extraction
//! and OCR leave it; the hyphen of a true compound (`non-` / `sélectivité`) stays.

use std::collections::HashMap;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::{is_hyphen, Document, LineJoin};
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a word cut by a hyphen at the end of a line of running text.
pub struct OcrHyphenation;

/// First parts of compounds that keep their hyphen (`non-sélectivité`, `sous-région`,
/// `vis-à-vis`, `cinquante-sixième`).
const PREFIXES: &[&str] = &[
    "à",
    "après",
    "arrière",
    "avant",
    "cinquante",
    "demi",
    "dix",
    "nord",
    "non",
    "ouest",
    "quarante",
    "quasi",
    "quatre",
    "semi",
    "soixante",
    "sous",
    "sud",
    "trente",
    "vice",
    "vingt",
    "vis",
];

/// Second parts of compounds that keep their hyphen (`ceux-ci`, `peut-être`, `ci-dessus`).
const SUFFIXES: &[&str] = &[
    "ci", "delà", "dessous", "dessus", "elle", "elles", "être", "il", "ils", "là", "même", "mêmes",
    "on", "t",
];

static META: RuleMeta = RuleMeta {
    id: "ocr-hyphenation",
    group: Group::Ocr,
    severity: Severity::Warning,
    fix: FixAvailability::Unsafe,
    summary: "A word cut by a hyphen at a line end is joined; true compounds keep their hyphen",
    explanation: "\
### What it does
Flags a line of a paragraph, the title or a footnote that ends with a letter and a hyphen
(`-`, `‐` or a soft hyphen) when the next line of the same text starts with a letter: a word
cut by the page layout. Whether the hyphen belongs to the word is decided, in this order:
1. from the rest of the document: `renforcement` written elsewhere means the hyphen goes,
   `non-sélectivité` written elsewhere means it stays (the more frequent spelling wins);
2. from lists: a first part such as `non`, `sous`, `vice`, `quasi`, `vis`, `à` or a number
   word (`cinquante-sixième`), a second part such as `ci`, `là`, `même`, `être`, or a second
   part with a capital (`Sous-Commission`, `États-Unis`), keeps the hyphen;
3. otherwise the hyphen was the layout's, and goes. A soft hyphen always goes.

### Why is this bad?
A cut word is no longer a word: searches, spelling checkers and translation memories miss it.

### Fix
Joins the two lines at the cut, dropping or keeping the hyphen as decided above. Unsafe:
without a dictionary, a compound absent from the lists and from the rest of the document
loses its hyphen.",
    examples: &[
        Example {
            bad: "Rappelant les mesures de renforce-\nment de la coopération internationale,\n",
            good: "Rappelant les mesures de renforcement de la coopération internationale,\n",
        },
        Example {
            bad: "Consciente qu’il importe d’assurer l’objectivité et la non-\nsélectivité de l’examen,\n",
            good: "Consciente qu’il importe d’assurer l’objectivité et la non-sélectivité de l’examen,\n",
        },
    ],
};

impl Rule for OcrHyphenation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let source = document.source;
        let cuts: Vec<(LineJoin, Span)> = document
            .shared_line_joins()
            .iter()
            .filter_map(|&join| Some((join, join.hyphen(source)?)))
            .collect();
        if cuts.is_empty() {
            return;
        }
        let parts: Vec<(&str, &str)> = cuts
            .iter()
            .map(|(join, hyphen)| {
                let first = first_part(join.before.text(source), hyphen.len());
                (first, second_part(join.after.text(source)))
            })
            .collect();
        let spellings = parts
            .iter()
            .flat_map(|(first, second)| [format!("{first}{second}"), format!("{first}-{second}")]);
        let words = word_counts(source, spellings);
        for ((join, hyphen), (first, second)) in cuts.into_iter().zip(parts) {
            let verdict = decide(&words, first, second, hyphen.text(source));
            diagnostics.push(diagnostic(join, hyphen, first, second, &verdict));
        }
    }
}

/// Whether the hyphen stays, and why.
struct Verdict {
    keep: bool,
    reason: String,
}

fn decide(words: &HashMap<String, usize>, first: &str, second: &str, hyphen: &str) -> Verdict {
    let verdict = |keep, reason: String| Verdict { keep, reason };
    if hyphen == "\u{AD}" {
        return verdict(
            false,
            "un trait d'union conditionnel ne s'imprime qu'en fin de ligne".into(),
        );
    }
    let joined = format!("{first}{second}");
    let compound = format!("{first}-{second}");
    let seen = |word: &str| words.get(&word.to_lowercase()).copied().unwrap_or(0);
    let (seen_joined, seen_compound) = (seen(&joined), seen(&compound));
    if seen_joined != seen_compound {
        let (keep, word) = if seen_compound > seen_joined {
            (true, compound)
        } else {
            (false, joined)
        };
        return verdict(keep, format!("« {word} » figure ailleurs dans le texte"));
    }
    let last_segment = first.rsplit('-').next().unwrap_or(first).to_lowercase();
    let second_lower = second.to_lowercase();
    if PREFIXES.contains(&last_segment.as_str()) {
        verdict(true, format!("« {last_segment}- » garde son trait d'union"))
    } else if SUFFIXES.contains(&second_lower.split('-').next().unwrap_or("")) {
        verdict(true, format!("« -{second_lower} » garde son trait d'union"))
    } else if second.contains('-') || second.starts_with(char::is_uppercase) {
        verdict(
            true,
            "la suite du mot composé commence par une majuscule ou contient un trait d'union"
                .into(),
        )
    } else {
        verdict(
            false,
            "ni le texte ni la liste des préfixes n'en font un mot composé".into(),
        )
    }
}

fn diagnostic(
    join: LineJoin,
    hyphen: Span,
    first: &str,
    second: &str,
    verdict: &Verdict,
) -> Diagnostic {
    let (before, after) = join.gap_parts();
    let (message, label, word, joined) = if verdict.keep {
        (
            "mot composé coupé en fin de ligne",
            "trait d'union du mot composé",
            format!("{first}-{second}"),
            before,
        )
    } else {
        (
            "mot coupé en fin de ligne",
            "coupure de mot",
            format!("{first}{second}"),
            Span::new(hyphen.start, before.end),
        )
    };
    let edits = [joined, after]
        .into_iter()
        .filter(|span| !span.is_empty())
        .map(|span| Edit {
            span,
            replacement: String::new(),
        })
        .collect();
    let help = if verdict.keep {
        format!(
            "Joignez les lignes en gardant le trait d'union : « {word} » ({}).",
            verdict.reason
        )
    } else {
        format!(
            "Joignez les deux parties : « {word} » ({}).",
            verdict.reason
        )
    };
    META.diagnostic(hyphen, format!("{message} : « {first}- » / « {second} »"))
        .with_label(label)
        .with_help(help)
        .with_fix(Fix {
            applicability: Applicability::Unsafe,
            edits,
        })
}

/// The part of the word before the hyphen: the end of the line's last word, after an elided
/// article (`l’hom-` → `hom`) or opening punctuation.
fn first_part(before: &str, hyphen_len: usize) -> &str {
    let stem = &before[..before.len() - hyphen_len];
    let start = stem
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || is_hyphen(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &stem[start..]
}

/// The part of the word on the next line: its letters and inner hyphens.
fn second_part(after: &str) -> &str {
    let end = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(after.len(), |(i, _)| i);
    after[..end].trim_end_matches('-')
}

/// How many times each of `words` occurs in `text`, in lower case, as a run of letters with
/// the hyphens inside it (`non-sélectivité`, `vis-à-vis`).
fn word_counts(text: &str, words: impl Iterator<Item = String>) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = words.map(|w| (w.to_lowercase(), 0)).collect();
    let lengths: Vec<usize> = counts.keys().map(String::len).collect();
    for word in text.split(|c: char| !(c.is_alphabetic() || c == '-')) {
        let word = word.trim_matches('-');
        // Lower case keeps the length of French letters: compare lengths before allocating.
        if lengths.contains(&word.len()) {
            if let Some(count) = counts.get_mut(&word.to_lowercase()) {
                *count += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::super::testing::{assert_findings, lint};
    use super::OcrHyphenation;

    #[test]
    fn pass() {
        assert_findings(
            &OcrHyphenation,
            &[
                ("Les pays - les plus pauvres -\nnotamment,\n", &[]),
                ("la résolution 2000/70-\n2001/3,\n", &[]),
                ("la non-sélectivité de l’examen,\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &OcrHyphenation,
            &[
                (
                    "Rappelant l’adoption par la Sous-\nCommission de la résolution sur l’hom-\nme,\n",
                    &[
                        ("-", "mot composé coupé en fin de ligne : « Sous- » / « Commission »"),
                        ("-", "mot coupé en fin de ligne : « hom- » / « me »"),
                    ],
                ),
                (
                    "à sa cinquante-\nsixième session, vis-à-\nvis des États,\n",
                    &[
                        ("-", "mot composé coupé en fin de ligne : « cinquante- » / « sixième »"),
                        ("-", "mot composé coupé en fin de ligne : « vis-à- » / « vis »"),
                    ],
                ),
            ],
        );
    }

    /// `(text with the finding's fix applied, help)` of each finding on `text`.
    fn verdicts(text: &str) -> Vec<(String, String)> {
        lint(&OcrHyphenation, text)
            .into_iter()
            .map(|d| {
                let fix = d.fix.unwrap();
                (crate::fix::apply_fixes(text, &[&fix]).0, d.help.unwrap())
            })
            .collect()
    }

    #[test]
    fn the_rest_of_the_document_decides_before_the_lists() {
        let verdict = |fixed: &str, help: &str| vec![(fixed.to_owned(), help.to_owned())];
        assert_eq!(
            verdicts("de sous-\ncrire et de souscrire,\n"),
            verdict(
                "de souscrire et de souscrire,\n",
                "Joignez les deux parties : « souscrire » (« souscrire » figure ailleurs dans le texte)."
            )
        );
        assert_eq!(
            verdicts("la Sous-Com-\nmission et la Sous-Commission,\n"),
            verdict(
                "la Sous-Commission et la Sous-Commission,\n",
                "Joignez les deux parties : « Sous-Commission » (« Sous-Commission » figure ailleurs dans le texte)."
            )
        );
        assert_eq!(
            verdicts("le renforce-\nment de la coopération,\n"),
            verdict(
                "le renforcement de la coopération,\n",
                "Joignez les deux parties : « renforcement » (ni le texte ni la liste des préfixes n'en font un mot composé)."
            )
        );
        assert_eq!(
            verdicts("la non-\nsélectivité,\n"),
            verdict(
                "la non-sélectivité,\n",
                "Joignez les lignes en gardant le trait d'union : « non-sélectivité » (« non- » garde son trait d'union)."
            )
        );
    }
}
