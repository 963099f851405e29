//! `space-before-punctuation`: `;` `:` `!` `?` take a no-break space before them.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::settings::{inserted_space, is_inline_space, space_name, Settings};
use crate::span::Span;

use super::signs::sign_indices;
use super::verbatim::VerbatimCursor;
use super::whitespace::is_invisible;
use super::{Example, FixAvailability, Group, Rule, RuleMeta};

/// Flags a missing space before `; : ! ?` (error) and a space of the wrong kind for the
/// spacing convention (warning).
pub struct SpaceBeforePunctuation;

static META: RuleMeta = RuleMeta {
    id: "space-before-punctuation",
    group: Group::Typography,
    severity: Severity::Error,
    fix: FixAvailability::Safe,
    summary: "`;` `:` `!` `?` need a no-break space before them",
    explanation: "\
### What it does
In French, the high punctuation signs `;` `:` `!` `?` are set apart from the word before
them. A missing space (`internationale;`) is an error under every convention. A space of
the wrong kind is a warning: with `--spacing nbsp` (the default, UN practice) the space must
be a no-break space U+00A0; with `--spacing fine` (Imprimerie nationale) a narrow no-break
space U+202F before `;` `!` `?` and U+00A0 before `:`; `--spacing any` accepts any space.

Left alone: symbols, URLs and e-mail addresses, times and ratios (`10:30`), a sign after
another one or an opening bracket (`?!`, `…?`, `(?)`), Markdown footnote labels (`[^1]:`, wherever they stand) and images (`![`), HTML
entities (`&nbsp;`).

### Why is this bad?
Without a space the sign sticks to the word; with an ordinary space it can be pushed alone
to the start of the next line.

### Fix
Inserts the convention's space, or replaces the wrong one. Safe.",
    examples: &[
        Example {
            bad: "la coopération internationale;\n",
            good: "la coopération internationale\u{a0};\n",
        },
        Example {
            bad: "*Décide* : de poursuivre\n",
            good: "*Décide*\u{a0}: de poursuivre\n",
        },
    ],
};

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, document: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let source = document.source;
        let mut verbatim = VerbatimCursor::new(document);
        let mut texts = TextCache::default();
        for (at, sign) in sign_indices(source, &[';', ':', '!', '?']) {
            let span = Span::new(at, at + 1);
            if verbatim.overlaps(span) || is_exception(source, at, sign) {
                continue;
            }
            let Some(previous) = source[..at].chars().next_back() else {
                continue;
            };
            if is_invisible(previous) {
                // `whitespace` deletes it first; what stands before the sign then decides.
                continue;
            }
            let wanted = settings.spacing.before(sign);
            if is_inline_space(previous) {
                let Some(wanted) = wanted.filter(|&w| w != previous) else {
                    continue;
                };
                let space = Span::new(at - previous.len_utf8(), at);
                let texts = texts.get(sign, previous, || {
                    let mut buffer = [0; 4];
                    let sign: &str = sign.encode_utf8(&mut buffer);
                    let wanted_name = space_name(wanted);
                    Texts {
                        message: [space_name(previous), " avant « ", sign, " »"].concat(),
                        label: [wanted_name, " attendue"].concat(),
                        help: [
                            "Remplacez-la par une ",
                            wanted_name,
                            " (U+",
                            &code_point(wanted),
                            ").",
                        ]
                        .concat(),
                    }
                });
                diagnostics.push(
                    META.diagnostic(space, texts.message.clone())
                        .with_severity(Severity::Warning)
                        .with_label(texts.label.clone())
                        .with_help(texts.help.clone())
                        .with_fix(Fix::single(Applicability::Safe, space, wanted)),
                );
            } else if previous != '\n' && previous != '\r' {
                let space = inserted_space(wanted);
                // Found in almost every file, often many times.
                let texts = texts.get(sign, '\n', || {
                    let mut buffer = [0; 4];
                    let sign: &str = sign.encode_utf8(&mut buffer);
                    let name = space_name(space);
                    Texts {
                        message: ["espace manquante avant « ", sign, " »"].concat(),
                        label: [name, " attendue avant ce signe"].concat(),
                        help: ["En français, « ", sign, " » est précédé d'une ", name, "."]
                            .concat(),
                    }
                });
                diagnostics.push(
                    META.diagnostic(span, texts.message.clone())
                        .with_label(texts.label.clone())
                        .with_help(texts.help.clone())
                        .with_fix(Fix::single(Applicability::Safe, Span::new(at, at), space)),
                );
            }
        }
    }
}

/// The message, label and help of a finding.
struct Texts {
    message: String,
    label: String,
    help: String,
}

/// The texts of a document's findings, built once for each sign and space before it (a line
/// break for none) and copied for every finding: they depend on nothing else.
#[derive(Default)]
struct TextCache {
    entries: Vec<((char, char), Texts)>,
}

impl TextCache {
    fn get(&mut self, sign: char, before: char, build: impl FnOnce() -> Texts) -> &Texts {
        let key = (sign, before);
        let index = match self.entries.iter().position(|(k, _)| *k == key) {
            Some(index) => index,
            None => {
                self.entries.push((key, build()));
                self.entries.len() - 1
            }
        };
        &self.entries[index].1
    }
}

/// The code point of `c` in four hexadecimal digits or more (`00A0`): what `{:04X}` writes,
/// on the stack.
fn code_point(c: char) -> HexDigits {
    let mut digits = [b'0'; 6];
    let mut value = u32::from(c);
    let mut start = digits.len();
    while value > 0 || start > digits.len() - 4 {
        start -= 1;
        digits[start] = b"0123456789ABCDEF"[(value % 16) as usize];
        value /= 16;
    }
    HexDigits { digits, start }
}

/// Up to six uppercase hexadecimal digits, right-aligned.
struct HexDigits {
    digits: [u8; 6],
    start: usize,
}

impl std::ops::Deref for HexDigits {
    type Target = str;

    fn deref(&self) -> &str {
        std::str::from_utf8(&self.digits[self.start..]).unwrap_or_default()
    }
}

/// Signs that are not French high punctuation here.
fn is_exception(source: &str, at: usize, sign: char) -> bool {
    let before = &source[..at];
    let after = &source[at + 1..];
    let previous = before.chars().next_back();
    let next = after.chars().next();
    if previous.is_some_and(|p| matches!(p, ';' | ':' | '!' | '?' | '.' | '…' | '(' | '[' | '«'))
    {
        return true;
    }
    match sign {
        ':' => {
            let digits = previous.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            let footnote_label = previous == Some(']')
                && line_start(before)
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|token| token.contains("[^"));
            digits || footnote_label || previous == Some('^') || next == Some('/')
        }
        ';' => is_html_entity(before),
        '!' => next == Some('['),
        _ => false,
    }
}

/// Whether `before` ends with the start of an HTML entity (`&nbsp`, `&#160`), looking back
/// a few bytes only.
fn is_html_entity(before: &str) -> bool {
    let name_len = before
        .bytes()
        .rev()
        .take(9)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && before[..before.len() - name_len].ends_with('&')
}

/// The part of `before` that is on the current line.
fn line_start(before: &str) -> &str {
    before.rsplit('\n').next().unwrap_or(before)
}

#[cfg(test)]
mod tests {
    use super::super::testing::assert_findings;
    use super::SpaceBeforePunctuation;

    #[test]
    fn code_point_is_what_format_writes() {
        for c in ['\u{a0}', '\u{202f}', ' ', '\u{10FFFF}', '\0'] {
            assert_eq!(&*super::code_point(c), format!("{:04X}", c as u32));
        }
    }

    #[test]
    fn pass() {
        assert_findings(
            &SpaceBeforePunctuation,
            &[
                (
                    "la coopération\u{a0}; les États\u{a0}: oui\u{a0}! non\u{a0}?\n",
                    &[],
                ),
                (
                    "à 10:30, ratio 1:2, voir https://un.org/a?b=c;d et A/RES/55/109\n",
                    &[],
                ),
                (
                    "Quoi\u{a0}?! Vraiment…?\n[^1]: Voir.\n![image](x.png) &nbsp; &#160;\n",
                    &[],
                ),
                ("en fin de ligne\n; début\n", &[]),
            ],
        );
    }

    #[test]
    fn fail() {
        assert_findings(
            &SpaceBeforePunctuation,
            &[
                (
                    "internationale; et 1997³; puis l’homme»; *Décide*:\n",
                    &[
                        (";", "espace manquante avant « ; »"),
                        (";", "espace manquante avant « ; »"),
                        (";", "espace manquante avant « ; »"),
                        (":", "espace manquante avant « : »"),
                    ],
                ),
                (
                    "la coopération ; vraiment\u{202f}?\n",
                    &[
                        (" ", "espace ordinaire avant « ; »"),
                        ("\u{202f}", "espace fine insécable avant « ? »"),
                    ],
                ),
            ],
        );
    }
}
