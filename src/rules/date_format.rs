//! `date-format`: dates written otherwise than French typography writes them.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{DateMention, DayStyle, Document, MonthSpelling, MONTHS};
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags `1 janvier` (→ `1er janvier`), `18 Décembre`, `18 decembre`, `18 December 2002`,
/// and numeric dates in running text (`12/12/1997`, `1997-12-12`).
pub struct DateFormat;

static META: RuleMeta = RuleMeta {
    id: "date-format",
    group: Group::Dates,
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "Dates are written `1er janvier 2000`: ordinal first day, month in lower case and in French, no digits",
    explanation: "\
### What it does
Checks how each date is written: the first day of a month is `1er` (`1 janvier` → `1er
janvier`); the month is a French word in lower case (`18 Décembre` → `18 décembre`),
spelt with its accents (`18 decembre`, `fevrier`, `aout`) and not in English (`18 December
2002`); a date in running text is written in words, not in digits (`12/12/1997`,
`1997-12-12`). A month in capitals on a line in capitals (`12 DÉCEMBRE 1997`) is a heading
and is left alone; so are symbols and URLs.

### Why is this bad?
UN editorial rules, like French typography, write dates in words in this one form: a date
in another form reads as an oversight, and a numeric date is ambiguous (`02/03/2004` is
2 March in French and February 3 in American English).",
    examples: &[
        Example {
            bad: "à compter du 1 janvier 2000,\n",
            good: "à compter du 1er janvier 2000,\n",
        },
        Example {
            bad: "sa résolution 57/224 du 18 Décembre 2002,\n",
            good: "sa résolution 57/224 du 18 décembre 2002,\n",
        },
        Example {
            bad: "sa résolution 57/224 du 18 decembre 2002,\n",
            good: "sa résolution 57/224 du 18 décembre 2002,\n",
        },
        Example {
            bad: "la séance du 12/12/1997,\n",
            good: "la séance du 12 décembre 1997,\n",
        },
    ],
};

impl Rule for DateFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        for mention in &document.dates {
            check_date(document, mention, diagnostics);
        }
    }
}

fn check_date(document: &Document, mention: &DateMention, diagnostics: &mut Vec<Diagnostic>) {
    let date = mention.date;
    let Some(month) = mention.month else {
        return;
    };
    if month.spelling == MonthSpelling::Digits {
        let written = document.text(mention.span);
        diagnostics.push(
            META.diagnostic(
                mention.span,
                format!("date en chiffres dans le texte : « {written} »"),
            )
            .with_label(format!("« {date} » attendu"))
            .with_help("Dans le texte, une date s'écrit en lettres : jour, mois, année."),
        );
        return;
    }
    if date.day == 1 && mention.day_style == DayStyle::Cardinal {
        diagnostics.push(
            META.diagnostic(mention.day, "le premier jour du mois s'écrit « 1er »")
                .with_label("« 1er » attendu")
                .with_help("On écrit « 1er janvier », mais « 2 janvier »."),
        );
    }
    let written = document.text(month.span);
    let (message, help) = match month.spelling {
        MonthSpelling::Standard | MonthSpelling::Digits => return,
        MonthSpelling::Capitalised => (
            format!("majuscule au mois : « {written} »"),
            "Les noms de mois s'écrivent en minuscules.",
        ),
        MonthSpelling::Misspelt => (
            format!("mois mal orthographié : « {written} »"),
            "Les noms de mois s'écrivent en minuscules, avec leurs accents.",
        ),
        MonthSpelling::English => (
            format!("mois en anglais : « {written} »"),
            "Dans un texte français, les mois s'écrivent en français.",
        ),
    };
    let french = MONTHS[date.month as usize - 1];
    diagnostics.push(
        META.diagnostic(month.span, message)
            .with_label(format!("« {french} » attendu"))
            .with_help(help),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::DateFormat;

    #[test]
    fn pass() {
        let texts = [
            "le 1er janvier 2000, le 1^er^ mai et le 1ᵉʳ juin",
            "le 18 décembre 2002 et le 15 août 1945",
            "RÉSOLUTION ADOPTÉE LE 12 DÉCEMBRE 1997",
            "la résolution 2003/60 et le document E/CN.4/1998/2",
            "Voir https://undocs.org/1997-12-12/12/12/1997",
            "du 20 au 24 avril 2009",
            "le 5 may",
        ];
        for text in texts {
            assert_findings(&DateFormat, &[(text, &[])]);
        }
    }

    #[test]
    fn fail() {
        let cases: [(&str, &[(&str, &str)]); 8] = [
            (
                "le 1 janvier 2000",
                &[("1", "le premier jour du mois s'écrit « 1er »")],
            ),
            (
                "le 18 Décembre 2002",
                &[("Décembre", "majuscule au mois : « Décembre »")],
            ),
            (
                "le 18 decembre 2002",
                &[("decembre", "mois mal orthographié : « decembre »")],
            ),
            (
                "le 3 fevrier et le 15 Aout",
                &[
                    ("fevrier", "mois mal orthographié : « fevrier »"),
                    ("Aout", "mois mal orthographié : « Aout »"),
                ],
            ),
            (
                "le 18 December 2002",
                &[("December", "mois en anglais : « December »")],
            ),
            (
                "la séance du 12/12/1997,",
                &[(
                    "12/12/1997",
                    "date en chiffres dans le texte : « 12/12/1997 »",
                )],
            ),
            (
                "le 1997-12-12.",
                &[(
                    "1997-12-12",
                    "date en chiffres dans le texte : « 1997-12-12 »",
                )],
            ),
            (
                "le 1 Mai",
                &[
                    ("1", "le premier jour du mois s'écrit « 1er »"),
                    ("Mai", "majuscule au mois : « Mai »"),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_findings(&DateFormat, &[(text, expected)]);
        }
    }
}
