//! `session-mismatch`: the resolution's symbol, title number, session line and the session it
//! defers the question to must agree.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, SessionHolder, Title};
use crate::settings::Settings;

use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a title `58/171.` under `A/RES/58/170`, `Cinquante-septième session` above a
/// resolution of the 58th session, and a 58th-session resolution that defers the question
/// `à sa cinquante-huitième session`.
pub struct SessionMismatch;

static META: RuleMeta = RuleMeta {
    id: "session-mismatch",
    group: Group::Consistency,
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "The symbol, title number, session line and the session the question is deferred to must agree",
    explanation: "\
### What it does
Compares the facts a resolution states about its own session:
- the symbol `A/RES/55/109` and the title number `55/109.` must be the same;
- the session line (`Cinquante-cinquième session`) must name the session of the symbol (of the
  title number when there is no symbol). Ordinals are read in full, from `première` to
  `cent quatre-vingt-dix-neuvième` (`soixante-dix-septième` = 77, `quatre-vingt-unième` = 81,
  `cent unième` = 101);
- in the last operative paragraph, the session the Assembly defers the question to (`décide
  de poursuivre l'examen de la question à sa cinquante-sixième session`, `continuer à examiner
  la question à sa …`, `inscrire à l'ordre du jour provisoire de sa …`) must come after the
  current one. A session of another body (`la cinquante-troisième session de la
  Commission`) is not the Assembly's and is left alone.

Each finding shows both sides: the place at fault and the fact it contradicts.

### Why is this bad?
The symbol, the number and the session are how the resolution is filed, cited and found; a
question deferred to a session that has already taken place is never examined again.",
    examples: &[
        Example {
            bad: "A/RES/58/170\nAssemblée générale\nCinquante-huitième session\n\n58/171. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n",
            good: "A/RES/58/170\nAssemblée générale\nCinquante-huitième session\n\n58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n",
        },
        Example {
            bad: "A/RES/58/170\nAssemblée générale\nCinquante-septième session\n\n58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n",
            good: "A/RES/58/170\nAssemblée générale\nCinquante-huitième session\n\n58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n",
        },
        Example {
            bad: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-huitième session.\n",
            good: "58/170. Titre\n\nL'Assemblée générale,\n\n1. *Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.\n",
        },
    ],
};

impl Rule for SessionMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let Some(title) = document.title else {
            return;
        };
        symbol_and_title(document, &title, diagnostics);
        session_line(document, &title, diagnostics);
        deferred_session(document, &title, diagnostics);
    }
}

/// `A/RES/58/170` above `58/171.`.
fn symbol_and_title(document: &Document, title: &Title, diagnostics: &mut Vec<Diagnostic>) {
    let Some(symbol) = document.header.as_ref().and_then(|h| h.symbol) else {
        return;
    };
    let number = title.number;
    if (symbol.session, symbol.number) == (number.session, number.number) {
        return;
    }
    let written = document.text(number.span);
    let symbol_text = document.text(symbol.span);
    diagnostics.push(
        META.diagnostic(
            number.span,
            format!("le titre porte le numéro {written}, le symbole est {symbol_text}"),
        )
        .with_label(format!("{}/{} attendu", symbol.session, symbol.number))
        .with_related(symbol.span, "symbole du document")
        .with_help("Le numéro du titre reprend les deux derniers éléments du symbole."),
    );
}

/// `Cinquante-septième session` above `A/RES/58/170` (or `58/170.` without a symbol).
fn session_line(document: &Document, title: &Title, diagnostics: &mut Vec<Diagnostic>) {
    let Some(header) = &document.header else {
        return;
    };
    let Some((line, written)) = header.session.and_then(|s| Some((s, s.number?))) else {
        return;
    };
    let (session, span, source) = match header.symbol {
        Some(symbol) => (symbol.session, symbol.session_span, "le symbole"),
        None => (
            title.number.session,
            title.number.session_span,
            "le numéro du titre",
        ),
    };
    if written == session {
        return;
    }
    diagnostics.push(
        META.diagnostic(
            line.ordinal,
            format!("la ligne de session annonce la {written}e session, {source} la {session}e"),
        )
        .with_label(format!("{written}e session"))
        .with_related(span, format!("{session}e session"))
        .with_help("La ligne de session nomme la session du symbole de la résolution."),
    );
}

/// `à sa cinquante-huitième session` in the last operative paragraph of a 58th-session text.
fn deferred_session(document: &Document, title: &Title, diagnostics: &mut Vec<Diagnostic>) {
    let Some((last, _)) = document.operative().last() else {
        return;
    };
    let current = title.number.session;
    let assembly_sessions = document.sessions_in(last.span()).iter().filter(|s| {
        matches!(
            s.holder,
            SessionHolder::Possessive | SessionHolder::Assembly
        )
    });
    for session in assembly_sessions.filter(|s| s.number <= current) {
        let number = session.number;
        diagnostics.push(
            META.diagnostic(
                session.ordinal,
                format!(
                    "la question est renvoyée à la {number}e session, qui n'est pas postérieure à la session en cours ({current}e)"
                ),
            )
            .with_label(format!("{number}e session"))
            .with_related(
                title.number.session_span,
                format!("session en cours : {current}e"),
            )
            .with_help(format!(
                "Une résolution de la {current}e session renvoie la question à une session suivante ({}e ou au-delà).",
                current + 1
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::SessionMismatch;

    const HEADER: &str = "A/RES/58/170\nAssemblée générale\n9 mars 2004\n";

    fn resolution(header: &str, title: &str, last: &str) -> String {
        format!(
            "{header}\n{title}. Titre\n\nL'Assemblée générale,\n\n1. *Réaffirme* son appui ;\n\n2. {last}\n"
        )
    }

    #[test]
    fn pass() {
        let texts = [
            resolution(
                &format!("{HEADER}Cinquante-huitième session\n"),
                "58/170",
                "*Décide* de poursuivre l'examen de la question à sa cinquante-neuvième session.",
            ),
            resolution(
                "Cinquante et unième session\n",
                "51/3",
                "*Décide* de continuer à examiner la question à sa cinquante-deuxième\nsession.",
            ),
            resolution(
                "",
                "52/134",
                "*Note* la déclaration faite à la cinquante-troisième session de la Commission, à sa cinquante-deuxième session de la Commission.",
            ),
            resolution(
                "Cent unième session\n",
                "101/1",
                "*Décide* d'inscrire à l'ordre du jour provisoire de sa cent deuxième session la question.",
            ),
            resolution(
                "Cinquante-deusième session\n",
                "58/170",
                "*Prend note* du rapport présenté à la cinquante-septième session.",
            ),
            "Un texte sans titre, à sa première session.\n".to_owned(),
        ];
        for text in &texts {
            assert_findings(&SessionMismatch, &[(text, &[])]);
        }
    }

    #[test]
    fn fail() {
        let cases = [
            (
                resolution(HEADER, "58/171", "*Décide*."),
                ("58/171", "le titre porte le numéro 58/171, le symbole est A/RES/58/170"),
            ),
            (
                resolution(&format!("{HEADER}Cinquante-septième session\n"), "58/170", "*Décide*."),
                (
                    "Cinquante-septième",
                    "la ligne de session annonce la 57e session, le symbole la 58e",
                ),
            ),
            (
                resolution("Soixante-dix-septième session\n", "78/1", "*Décide*."),
                (
                    "Soixante-dix-septième",
                    "la ligne de session annonce la 77e session, le numéro du titre la 78e",
                ),
            ),
            (
                resolution(
                    "",
                    "58/170",
                    "*Décide* de poursuivre l'examen de la question à sa cinquante-huitième session.",
                ),
                (
                    "cinquante-huitième",
                    "la question est renvoyée à la 58e session, qui n'est pas postérieure à la session en cours (58e)",
                ),
            ),
            (
                resolution(
                    "",
                    "82/1",
                    "*Décide* d'examiner la question à la quatre-vingt-unième session de l'Assemblée générale.",
                ),
                (
                    "quatre-vingt-unième",
                    "la question est renvoyée à la 81e session, qui n'est pas postérieure à la session en cours (82e)",
                ),
            ),
        ];
        for (text, expected) in &cases {
            assert_findings(&SessionMismatch, &[(text, &[*expected])]);
        }
    }
}
