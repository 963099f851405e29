//! `number-format`: `10 %` with a no-break space, digit groups `12 345` with no-break spaces.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::settings::{inserted_space, space_name, Settings};
use crate::span::Span;

use super::verbatim::VerbatimCursor;
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags `10%`, ungrouped long numbers and digit groups separated by ordinary spaces.
pub struct NumberFormat;

static META: RuleMeta = RuleMeta {
    id: "number-format",
    group: Group::Typography,
    severity: Severity::Warning,
    fix: FixAvailability::Safe,
    summary: "`10 %` and `12 345` take no-break spaces",
    explanation: "\
### What it does
- `10%` → `10 %`: a no-break space before `%` and `‰`;
- numbers of five digits or more in running text are grouped by three: `1 000 000`,
  `12 345`; a four-digit number only before a unit, `%` or a decimal part (`2 500 %`,
  `2 500,5`), since `2003` alone is usually a year;
- with `--spacing fine` or `nbsp`, a digit group separated by an ordinary space (`20 000`)
  gets a no-break space, so the number is never cut at a line end.

Left alone: symbols and document numbers (`2003/60`, `E/2000/23`, `A/RES/55/109`), numbers
glued to letters, hyphens or dots (`COVID-19`, `1.2.3`), times (`10:30`), registration
numbers after `n°`, `no`, `vol.`, `p.`, and paragraph numbers.

### Why is this bad?
A number cut at a line end (`20` / `000`) or a percent sign alone on a line misleads the
reader; ungrouped long numbers are hard to read.

### Fix
Inserts or replaces the spaces (U+202F with `--spacing fine`, otherwise U+00A0). Safe.",
    examples: &[
        Example {
            bad: "une hausse de 10% pour 1500000 personnes\n",
            good: "une hausse de 10\u{a0}% pour 1\u{a0}500\u{a0}000 personnes\n",
        },
        Example {
            bad: "un budget de 20 000 dollars\n",
            good: "un budget de 20\u{a0}000 dollars\n",
        },
    ],
};

/// Words after which a number is an identifier, not a quantity.
const IDENTIFIER_WORDS: &[&str] = &[
    "n°", "nº", "no", "nos", "vol", "p", "pp", "page", "pages", "isbn", "issn", "code", "réf",
];

/// Units that make a four-digit number a quantity.
const UNITS: &[&str] = &[
    "%", "‰", "km", "kg", "m", "ha", "t", "$", "€", "dollars", "euros", "francs",
];

/// The first bytes of [`UNITS`].
const UNIT_FIRST_BYTES: &[u8] = b"%\xE2kmht$def";

impl Rule for NumberFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let source = document.source;
        let wanted = settings.spacing.in_numbers();
        let space = inserted_space(wanted);
        let bytes = source.as_bytes();
        let mut verbatim = VerbatimCursor::new(document);
        let mut digits = document.digits();
        let mut at = 0;
        while let Some(start) = digits.digit_from(at) {
            at = start;
            let end = at
                + bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
            let number = Span::new(at, end);
            if may_be_flagged(bytes, number)
                && !verbatim.overlaps(number)
                && is_free_standing(source, number)
            {
                check_number(source, number, wanted, space, diagnostics);
            }
            at = end;
        }
    }
}

/// A test on the bytes after a number that [`check_number`] needs to flag it, cheaper than
/// all its questions: a sign, a space, a decimal comma or a unit after it, or five digits.
fn may_be_flagged(bytes: &[u8], number: Span) -> bool {
    let digits = number.len();
    if digits >= 5 {
        return true;
    }
    let Some(&next) = bytes.get(number.end) else {
        return false;
    };
    let then = bytes.get(number.end + 1).copied().unwrap_or(b'\n');
    match next {
        // `10 %`, `1 500`, `2500 km`, `2500  %`.
        b' ' => {
            then.is_ascii_digit()
                || matches!(then, b'%' | b' ' | 0xC2 | 0xE2)
                || (digits == 4 && UNIT_FIRST_BYTES.contains(&then))
        }
        // `10%`, other spaces before a sign or a group.
        b'%' | b'\t' | 0x0B | 0x0C | b'\r' | 0x80.. => true,
        // `2500,5`.
        b',' => digits == 4 && then.is_ascii_digit(),
        _ => digits == 4 && UNIT_FIRST_BYTES.contains(&next),
    }
}

fn check_number(
    source: &str,
    number: Span,
    wanted: Option<char>,
    space: char,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let after = &source[number.end..];
    if let Some(sign) = after.chars().next().filter(|c| matches!(c, '%' | '‰')) {
        diagnostics.push(
            META.diagnostic(
                Span::new(number.end, number.end + sign.len_utf8()),
                format!("espace manquante avant « {sign} »"),
            )
            .with_label(format!("{} attendue avant ce signe", space_name(space)))
            .with_help(format!(
                "Un nombre et « {sign} » sont séparés par une {}.",
                space_name(space)
            ))
            .with_fix(Fix::single(
                Applicability::Safe,
                Span::new(number.end, number.end),
                space,
            )),
        );
    } else if let Some(wanted) = wanted {
        let mut chars = after.chars();
        if let (Some(gap), Some(sign)) = (chars.next(), chars.next()) {
            if gap != wanted && gap.is_whitespace() && gap != '\n' && matches!(sign, '%' | '‰') {
                let gap_span = Span::new(number.end, number.end + gap.len_utf8());
                diagnostics.push(wrong_space(gap_span, gap, wanted, "avant le signe"));
            }
        }
    }
    let digits = number.len();
    let decimal_part = after
        .strip_prefix(',')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    let quantity = digits >= 5 || (digits == 4 && (before_unit(after) || decimal_part));
    if quantity
        && !continues_a_group(source, number)
        && !follows_identifier_word(source, number.start)
    {
        let edits = (1..digits)
            .rev()
            .filter(|i| i % 3 == 0)
            .map(|i| number.end - i)
            .map(|at| Edit {
                span: Span::new(at, at),
                replacement: space.to_string(),
            })
            .collect();
        diagnostics.push(
            META.diagnostic(number, format!("nombre de {digits} chiffres non groupé"))
                .with_label("groupez les chiffres par trois")
                .with_help(format!(
                    "Les chiffres se groupent par trois, séparés par une {}.",
                    space_name(space)
                ))
                .with_fix(Fix {
                    applicability: Applicability::Safe,
                    edits,
                }),
        );
    }
    if let Some(wanted) = wanted {
        if let Some(gap) = group_separator(source, number) {
            let found = source[gap.start..gap.end].chars().next().unwrap_or(' ');
            if found != wanted {
                diagnostics.push(wrong_space(
                    gap,
                    found,
                    wanted,
                    "entre deux groupes de chiffres",
                ));
            }
        }
    }
}

fn wrong_space(gap: Span, found: char, wanted: char, place: &str) -> Diagnostic {
    META.diagnostic(gap, format!("{} {place}", space_name(found)))
        .with_label(format!("{} attendue", space_name(wanted)))
        .with_help(format!(
            "Une {} empêche de couper le nombre en fin de ligne.",
            space_name(wanted)
        ))
        .with_fix(Fix::single(Applicability::Safe, gap, wanted))
}

/// Not glued to letters, `/`, `-`, `.`, `:` or `^` (symbols, codes, versions, times, marks).
fn is_free_standing(source: &str, number: Span) -> bool {
    let glue = |c: char| c.is_alphabetic() || matches!(c, '/' | '-' | '.' | ':' | '^' | '_' | '[');
    let before = source[..number.start].chars().next_back();
    let after = source[number.end..].chars().next();
    let decimal_part =
        before == Some(',') && source[..number.start - 1].ends_with(|c: char| c.is_ascii_digit());
    !before.is_some_and(glue)
        && !after.is_some_and(|c| {
            glue(c) && c != '.'
                || c == '.' && source[number.end + 1..].starts_with(|c: char| c.is_ascii_digit())
        })
        && !decimal_part
}

/// `1 500`: the space before the next group of exactly three digits, if any.
fn group_separator(source: &str, number: Span) -> Option<Span> {
    if number.len() > 3 {
        return None;
    }
    let rest = &source[number.end..];
    let gap = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))?;
    let digits = &rest[gap.len_utf8()..];
    let count = digits.bytes().take_while(u8::is_ascii_digit).count();
    let group = count == 3 && !digits[3..].starts_with(|c: char| c.is_alphabetic() || c == '/');
    let first_group = !continues_a_group(source, number) || number.len() == 3;
    (group && first_group).then(|| Span::new(number.end, number.end + gap.len_utf8()))
}

/// Whether this digit run is a group after `1 ` (so it must not be grouped again).
fn continues_a_group(source: &str, number: Span) -> bool {
    let before = &source[..number.start];
    let Some(gap) = before
        .chars()
        .next_back()
        .filter(|&c| matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
    else {
        return false;
    };
    let head = &before[..before.len() - gap.len_utf8()];
    let count = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    number.len() == 3 && (1..=3).contains(&count)
}

fn before_unit(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    // The cheap test first: a year is mostly followed by a comma or a word of no unit.
    if !rest
        .as_bytes()
        .first()
        .is_some_and(|first| UNIT_FIRST_BYTES.contains(first))
    {
        return false;
    }
    UNITS.iter().any(|unit| {
        rest.strip_prefix(unit)
            .is_some_and(|tail| !tail.starts_with(char::is_alphanumeric))
    })
}

fn follows_identifier_word(source: &str, start: usize) -> bool {
    let before = source[..start].trim_end().trim_end_matches('.');
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '°' | 'º'))
        .last()
        .map_or(before.len(), |(at, _)| at);
    let word = &before[word_start..];
    // A character lowercases to at least a third of its bytes (`K` → `k`): a longer word is
    // none of the identifier words, of five bytes at most, and is not lowercased.
    word.len() <= 15 && IDENTIFIER_WORDS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::NumberFormat;

    #[test]
    fn pass() {
        assert_findings(
            &NumberFormat,
            &[
                (
                    "10\u{a0}% de 1\u{a0}500\u{a0}000 personnes en 2003, 2500 fois\n",
                    &[],
                ),
                (
                    "la résolution 2003/60, E/2000/23, COVID-19, la version 1.2.3, à 10:30\n",
                    &[],
                ),
                (
                    "Recueil des Traités, vol. 1577, no 27531 ; p. 12345 ; 3,14159\n",
                    &[],
                ),
                ("le 25 juin\n1993 1 , pour ; 70^e séance ; [^12345]\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &NumberFormat,
            &[
                (
                    "une hausse de 10%\n",
                    &[("%", "espace manquante avant « % »")],
                ),
                (
                    "une hausse de 10 %\n",
                    &[(" ", "espace ordinaire avant le signe")],
                ),
                (
                    "pour 1500000 personnes et 2500 %\n",
                    &[
                        ("1500000", "nombre de 7 chiffres non groupé"),
                        (" ", "espace ordinaire avant le signe"),
                        ("2500", "nombre de 4 chiffres non groupé"),
                    ],
                ),
                (
                    "un budget de 20 000 dollars, 2500,5 tonnes\n",
                    &[
                        (" ", "espace ordinaire entre deux groupes de chiffres"),
                        ("2500", "nombre de 4 chiffres non groupé"),
                    ],
                ),
            ],
        );
    }
}
