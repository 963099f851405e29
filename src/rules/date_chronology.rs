//! `date-chronology`: the dates of a resolution must follow one another, and a cited text's
//! date must fit its symbol.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{CitationKind, DateMention, Document, MONTHS};
use crate::settings::Settings;
use crate::span::Span;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags an adoption date after the distribution date, a cited text dated after the
/// adoption, `résolution 57/224 du 18 décembre 2009` (session 57 ended in 2003), and
/// `résolution 2003/60 … en date du 24 avril 2004`.
pub struct DateChronology;

static META: RuleMeta = RuleMeta {
    id: "date-chronology",
    group: Group::Consistency,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "Adoption before distribution, cited texts before adoption, cited dates that fit their symbols",
    explanation: "\
### What it does
Checks the order of the dates a resolution states:
- the adoption date (the closing `19 décembre 2011` under the meeting line, or `Résolution
  adoptée par l'Assemblée générale le …`) must not be after the distribution date of the
  header;
- a text cited with a date (`sa résolution 57/224 du 18 décembre 2002`, `la Déclaration …
  qu'elle a adoptée le 8 septembre 2000`) must not be dated after the resolution's adoption;
- a General Assembly resolution cited as `57/224` belongs to session 57, which opens in
  September of 1945 + 57 = 2002 and closes when session 58 opens, in September 2003: its
  date must fall in between (a September date may belong to either session). Sessions of
  other bodies (`la résolution 16/22 du Conseil des droits de l'homme`) are numbered
  otherwise and left alone;
- a symbol numbered by year (`résolution 2003/60`, `résolution 1997/38`), whatever the body,
  carries the year of its date.

A cited date that contradicts its symbol is reported once, as such, even when it also comes
after the adoption. Each finding shows both dates, or the date and the symbol.

### Why is this bad?
A resolution cannot cite a text adopted after itself, nor be distributed before it was
adopted: one of the two dates is wrong, and the citation points to a text that does not
exist.",
    examples: &[
        Example {
            bad: "Distr. générale\n9 mars 2004\n\n58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide*.\n\n*77^e séance plénière\n22 décembre 2004*\n",
            good: "Distr. générale\n9 mars 2004\n\n58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide*.\n\n*77^e séance plénière\n22 décembre 2003*\n",
        },
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\nRappelant sa résolution 57/224 du 18 décembre 2009,\n\n1. *Décide*.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\nRappelant sa résolution 57/224 du 18 décembre 2002,\n\n1. *Décide*.\n",
        },
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\nPrenant note de la résolution 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2004,\n\n1. *Décide*.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\nPrenant note de la résolution 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2003,\n\n1. *Décide*.\n",
        },
    ],
};

impl Rule for DateChronology {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let header = document.header.as_ref();
        let adoptions: Vec<&DateMention> = [
            header.and_then(|h| h.adoption_date.as_ref()),
            document.closing.as_ref().and_then(|c| c.date.as_ref()),
        ]
        .into_iter()
        .flatten()
        .filter(|d| d.date.key().is_some())
        .collect();
        if let Some(distribution) = header.and_then(|h| h.distribution_date.as_ref()) {
            for adoption in &adoptions {
                adopted_after_distribution(adoption, distribution, diagnostics);
            }
        }
        let adoption = adoptions.into_iter().max_by_key(|d| d.date.key());
        for citation in &document.citations {
            let date = &document.dates[citation.date];
            let symbol = document.text(citation.span);
            let contradicts_symbol = match citation.kind {
                CitationKind::Year { year, year_span } => {
                    year_differs(date, symbol, year, year_span, diagnostics)
                }
                CitationKind::AssemblySession {
                    session,
                    session_span,
                } => outside_session(date, symbol, session, session_span, diagnostics),
                CitationKind::OtherSession | CitationKind::Adopted => false,
            };
            if let (false, Some(adoption)) = (contradicts_symbol, adoption) {
                cited_after_adoption(date, adoption, diagnostics);
            }
        }
    }
}

fn adopted_after_distribution(
    adoption: &DateMention,
    distribution: &DateMention,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if adoption.date.key() <= distribution.date.key() {
        return;
    }
    let (adopted, distributed) = (adoption.date, distribution.date);
    diagnostics.push(
        META.diagnostic(
            adoption.span,
            format!("adoptée le {adopted}, après sa distribution le {distributed}"),
        )
        .with_label("date d'adoption")
        .with_related(distribution.span, "date de distribution")
        .with_help(
            "Une résolution est distribuée après son adoption : l'une des deux dates est erronée.",
        ),
    );
}

/// `résolution 2003/60 … en date du 24 avril 2004`; whether it was reported.
fn year_differs(
    date: &DateMention,
    symbol: &str,
    year: u32,
    year_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some(dated) = date.date.year.filter(|&dated| dated != year) else {
        return false;
    };
    diagnostics.push(
        META.diagnostic(
            date.span,
            format!("le texte {symbol} porte l'année {year}, mais est daté de {dated}"),
        )
        .with_label(format!("date de {dated}"))
        .with_related(year_span, format!("année {year} du symbole"))
        .with_help("Un symbole numéroté par année porte l'année de son adoption."),
    );
    true
}

/// `résolution 57/224 du 18 décembre 2009`; whether it was reported.
fn outside_session(
    date: &DateMention,
    symbol: &str,
    session: u32,
    session_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> bool {
    let Some((year, month, _)) = date.date.key() else {
        return false;
    };
    if session_of(year, month).contains(&session) {
        return false;
    }
    let opens = 1945 + session;
    let period = format!("{} {opens} – {} {}", MONTHS[8], MONTHS[8], opens + 1);
    let dated = date.date;
    diagnostics.push(
        META.diagnostic(
            date.span,
            format!(
                "la résolution {symbol} est de la {session}e session ({period}) : elle ne peut pas dater du {dated}"
            ),
        )
        .with_label(format!("hors de la {session}e session"))
        .with_related(session_span, format!("{session}e session : {period}"))
        .with_help(
            "La session N de l'Assemblée générale s'ouvre en septembre de l'année 1945 + N et se clôt en septembre de l'année suivante : la date ou le symbole est erroné.",
        ),
    );
    true
}

/// The sessions a date in `month` of `year` may belong to. Session N opens in September of
/// 1945 + N and closes when session N + 1 opens, in the middle of September of the next
/// year (resolution 60/288 is dated 8 September 2006): a September date may belong to
/// either. The first session began in January 1946.
fn session_of(year: u32, month: u32) -> std::ops::RangeInclusive<u32> {
    let opened = i64::from(year) - 1945;
    let session = |n: i64| u32::try_from(n.max(1)).unwrap_or(1);
    match month {
        9 => session(opened - 1)..=session(opened),
        10..=12 => session(opened)..=session(opened),
        _ => session(opened - 1)..=session(opened - 1),
    }
}

/// `adoptée le 8 septembre 2012` in a resolution adopted in 2011.
fn cited_after_adoption(
    date: &DateMention,
    adoption: &DateMention,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if date.date.key().is_none() || date.date.key() <= adoption.date.key() {
        return;
    }
    let (cited, adopted) = (date.date, adoption.date);
    diagnostics.push(
        META.diagnostic(
            date.span,
            format!("texte cité daté du {cited}, après l'adoption de la résolution le {adopted}"),
        )
        .with_label("date du texte cité")
        .with_related(adoption.span, "date d'adoption de la résolution")
        .with_help("Une résolution ne peut citer qu'un texte antérieur à son adoption."),
    );
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::{session_of, DateChronology};

    fn resolution(header: &str, preamble: &str, closing: &str) -> String {
        format!(
            "{header}\n58/170. Titre\n\nL'Assemblée générale,\n\n{preamble}\n\n1. *Décide*.\n\n*77^e séance plénière\n{closing}*\n"
        )
    }

    #[test]
    fn sessions_of_dates() {
        assert_eq!(session_of(2002, 12), 57..=57);
        assert_eq!(session_of(2003, 8), 57..=57);
        assert_eq!(session_of(2003, 9), 57..=58);
        assert_eq!(session_of(2006, 9), 60..=61);
        assert_eq!(session_of(1946, 1), 1..=1);
        assert_eq!(session_of(1946, 10), 1..=1);
        assert_eq!(session_of(1947, 9), 1..=2);
    }

    #[test]
    fn pass() {
        let texts = [
            resolution(
                "Distr. générale\n9 mars 2004\n",
                "Rappelant sa résolution 57/224 du 18 décembre 2002, la résolution 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2003, et la Déclaration qu'elle a adoptée le 8 septembre 2000,",
                "22 décembre 2003",
            ),
            resolution(
                "",
                "Rappelant la résolution 16/22 du Conseil des droits de l'homme, en date du 25 mars 2011, et la résolution 60/288 du 8 septembre 2006,",
                "22 décembre 2011",
            ),
            resolution(
                "",
                "Attendant avec intérêt la conférence qui se tiendra du 3 au 5 mars 2013, et la déclaration qui sera adoptée le 5 mars 2013,",
                "22 décembre 2012",
            ),
            resolution(
                "Distr. générale\n9 mars 2004\n",
                "Rappelant sa résolution 57/224,",
                "9 mars 2004",
            ),
        ];
        for text in &texts {
            assert_findings(&DateChronology, &[(text, &[])]);
        }
    }

    #[test]
    fn fail() {
        let cases = [
            (
                resolution("Distr. générale\n9 mars 2004\n", "Rappelant,", "22 décembre 2004"),
                (
                    "22 décembre 2004",
                    "adoptée le 22 décembre 2004, après sa distribution le 9 mars 2004",
                ),
            ),
            (
                resolution("", "Rappelant sa résolution 57/224 du 18 décembre 2009,", "22 décembre 2003"),
                (
                    "18 décembre 2009",
                    "la résolution 57/224 est de la 57e session (septembre 2002 – septembre 2003) : elle ne peut pas dater du 18 décembre 2009",
                ),
            ),
            (
                resolution(
                    "",
                    "Prenant note de la résolution 2003/60 de la Commission des droits de l'homme, en date du 24 avril 2004,",
                    "22 décembre 2003",
                ),
                (
                    "24 avril 2004",
                    "le texte 2003/60 porte l'année 2003, mais est daté de 2004",
                ),
            ),
            (
                resolution("", "Rappelant la résolution 1997/38 du 28 août 1998,", "12 décembre 1997"),
                (
                    "28 août 1998",
                    "le texte 1997/38 porte l'année 1997, mais est daté de 1998",
                ),
            ),
            (
                "Un article qui cite la résolution 57/224 du 18 décembre 2009.\n".to_owned(),
                (
                    "18 décembre 2009",
                    "la résolution 57/224 est de la 57e session (septembre 2002 – septembre 2003) : elle ne peut pas dater du 18 décembre 2009",
                ),
            ),
            (
                resolution(
                    "",
                    "Rappelant la Déclaration du Millénaire qu'elle a adoptée le 8 septembre 2004,",
                    "22 décembre 2003",
                ),
                (
                    "8 septembre 2004",
                    "texte cité daté du 8 septembre 2004, après l'adoption de la résolution le 22 décembre 2003",
                ),
            ),
            (
                resolution(
                    "",
                    "Rappelant la résolution 16/22 du Conseil des droits de l'homme, en date du 25 mars 2012,",
                    "19 décembre 2011",
                ),
                (
                    "25 mars 2012",
                    "texte cité daté du 25 mars 2012, après l'adoption de la résolution le 19 décembre 2011",
                ),
            ),
        ];
        for (text, expected) in &cases {
            assert_findings(&DateChronology, &[(text, &[*expected])]);
        }
    }
}
