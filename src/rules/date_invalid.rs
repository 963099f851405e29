//! `date-invalid`: dates that do not exist, and weekdays that contradict their date.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags `31 avril 2003`, `29 février 2001`, `0 mars`, and `le jeudi 12 décembre 1997`
/// (a Friday).
pub struct DateInvalid;

static META: RuleMeta = RuleMeta {
    id: "date-invalid",
    group: Group::Dates,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "A date that does not exist, or a weekday that contradicts its date",
    explanation: "\
### What it does
Checks every date of the text, header and body alike: the day must exist in its month
(`31 avril`, `0 mars`), 29 February only in a leap year (`29 février 2001`), and a weekday
written before a date must be the day that date fell on (`le jeudi 12 décembre 1997`: that
day was a Friday). The first date of a range (`du 20 au 24 avril`) is checked in the month
it takes from the second (the month before, for `du 30 au 2 mai`). Numeric dates (`31/04/2003`) are checked too.

### Why is this bad?
A date that does not exist is a typing error in a fact: the reader cannot know which day was
meant, and a resolution or report cited with it cannot be found.",
    examples: &[
        Example {
            bad: "Rappelant sa résolution adoptée le 31 avril 2003,\n",
            good: "Rappelant sa résolution adoptée le 30 avril 2003,\n",
        },
        Example {
            bad: "la séance du jeudi 12 décembre 1997,\n",
            good: "la séance du vendredi 12 décembre 1997,\n",
        },
    ],
};

impl Rule for DateInvalid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        for mention in &document.dates {
            let date = mention.date;
            if let Err(error) = date.check() {
                diagnostics.push(
                    META.diagnostic(
                        mention.without_weekday(),
                        format!("date inexistante : {date}"),
                    )
                    .with_label(error.to_string())
                    .with_help("Vérifier la date dans le document d'origine."),
                );
                continue;
            }
            let (Some(written), Some(actual)) = (mention.weekday, date.weekday()) else {
                continue;
            };
            if written.weekday != actual {
                let (written, actual_name) = (written, actual.name());
                diagnostics.push(
                    META.diagnostic(
                        written.span,
                        format!(
                            "le {date} était un {actual_name}, pas un {}",
                            written.weekday.name()
                        ),
                    )
                    .with_label(format!("{actual_name} attendu"))
                    .with_related(
                        mention.without_weekday(),
                        format!("le {date} était un {actual_name}"),
                    )
                    .with_help("Le jour de la semaine et la date doivent concorder."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::DateInvalid;

    #[test]
    fn pass() {
        let texts = [
            "le 30 avril 2003, le 29 février 2000 et le 28 février 2001",
            "le 29 février, sans année",
            "le vendredi 12 décembre 1997",
            "Samedi 1er janvier 2000",
            "du 31 août au 8 septembre 2001",
            "du 20 au 24 avril 2009",
            "le 12/12/1997",
            "la résolution 31/4",
            "du 31 au 2 juin 2004",
        ];
        for text in texts {
            assert_findings(&DateInvalid, &[(text, &[])]);
        }
    }

    #[test]
    fn fail() {
        let cases: [(&str, &[(&str, &str)]); 7] = [
            (
                "le 31 avril 2003",
                &[("31 avril 2003", "date inexistante : 31 avril 2003")],
            ),
            (
                "le 29 février 2001",
                &[("29 février 2001", "date inexistante : 29 février 2001")],
            ),
            ("le 0 mars", &[("0 mars", "date inexistante : 0 mars")]),
            (
                "du 0 au 3 mars 2004",
                &[("0", "date inexistante : 0 mars 2004")],
            ),
            (
                "le 31/04/2003",
                &[("31/04/2003", "date inexistante : 31 avril 2003")],
            ),
            (
                "le jeudi 12 décembre 1997",
                &[(
                    "jeudi",
                    "le 12 décembre 1997 était un vendredi, pas un jeudi",
                )],
            ),
            (
                "le Mardi 1er\njanvier 2001",
                &[("Mardi", "le 1er janvier 2001 était un lundi, pas un mardi")],
            ),
        ];
        for (text, expected) in cases {
            assert_findings(&DateInvalid, &[(text, expected)]);
        }
    }
}
