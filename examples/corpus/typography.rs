//! The faults of the typography rules, after `fixtures/typography/faults.md`: small edits of
//! a paragraph, each marked where its finding starts.

use super::compose::Block;
use super::markers::Markers;
use super::rng::Rng;
use super::style::{Spacing, Style};

/// A typographic fault, as a line of `faults.md` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypographyFault {
    /// `résolution;`.
    SpaceMissing,
    /// `examen : encore` under the `nbsp` convention.
    SpaceOrdinary,
    /// `«Promotion»`.
    GuillemetsUnspaced,
    /// `coopération ,les`: the space.
    SpaceBeforeComma,
    /// `coopération ,les`: the comma.
    NoSpaceAfterComma,
    /// `L'examen et l’étude`.
    ApostropheMixed,
    /// `10%`.
    PercentUnspaced,
    /// `1500000`.
    NumberUngrouped,
    /// `20 000` with an ordinary space.
    GroupPlainSpace,
    /// `texte  doublé`.
    SpaceDoubled,
    /// `coopération ` at the end of a line.
    SpaceTrailing,
    /// `é` written `e` + U+0301.
    Decomposed,
}

impl TypographyFault {
    /// Every kind.
    pub const ALL: [Self; 12] = [
        Self::SpaceMissing,
        Self::SpaceOrdinary,
        Self::GuillemetsUnspaced,
        Self::SpaceBeforeComma,
        Self::NoSpaceAfterComma,
        Self::ApostropheMixed,
        Self::PercentUnspaced,
        Self::NumberUngrouped,
        Self::GroupPlainSpace,
        Self::SpaceDoubled,
        Self::SpaceTrailing,
        Self::Decomposed,
    ];

    /// The rule that finds it.
    pub fn rule(self) -> &'static str {
        match self {
            Self::SpaceMissing | Self::SpaceOrdinary => "space-before-punctuation",
            Self::GuillemetsUnspaced => "guillemets",
            Self::SpaceBeforeComma | Self::NoSpaceAfterComma => "punctuation-spacing",
            Self::ApostropheMixed => "apostrophe",
            Self::PercentUnspaced | Self::NumberUngrouped | Self::GroupPlainSpace => {
                "number-format"
            }
            Self::SpaceDoubled | Self::SpaceTrailing | Self::Decomposed => "whitespace",
        }
    }
}

/// Attempts at finding a paragraph that takes a fault.
const ATTEMPTS: usize = 12;

/// `text[at..at + len]` becomes `replacement`, with the marker `marker_at` bytes into it.
struct Edit {
    at: usize,
    len: usize,
    replacement: String,
    marker_at: usize,
}

/// Injects each of `faults` into its own paragraph of `blocks`, one that holds no other
/// fault; a fault that finds no place is left out.
pub fn inject(
    blocks: &mut [Block],
    faults: &[TypographyFault],
    style: &Style,
    rng: &mut Rng,
    markers: &mut Markers,
) {
    let mut touched = vec![false; blocks.len()];
    for &fault in faults {
        for _ in 0..ATTEMPTS {
            let i = rng.range(0, blocks.len() - 1);
            let text = match &mut blocks[i] {
                Block::Preamble(text) | Block::Operative(text) | Block::Subparagraph(text) => text,
                _ => continue,
            };
            if touched[i] || text.chars().any(Markers::is_marker) {
                continue;
            }
            let Some(edit) = edit(fault, text, style, rng) else {
                continue;
            };
            let Some(marker) = markers.add(fault.rule()) else {
                return;
            };
            let mut replacement = edit.replacement;
            replacement.insert(edit.marker_at, marker);
            text.replace_range(edit.at..edit.at + edit.len, &replacement);
            touched[i] = true;
            break;
        }
    }
}

fn edit(fault: TypographyFault, text: &str, style: &Style, rng: &mut Rng) -> Option<Edit> {
    let space = style.space();
    let letter_before = |i: usize| {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    let after = |i: usize| text[i..].chars().next();
    // `, ` between two words, where a clause can be inserted.
    let clause = |i: usize| {
        text[i..].starts_with(", ")
            && letter_before(i)
            && text[i + 2..].chars().next().is_some_and(char::is_lowercase)
    };
    let sites: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| match fault {
            TypographyFault::SpaceMissing => {
                style.spacing != Spacing::Glued
                    && text[i..].starts_with(space)
                    && text[i + space.len()..].starts_with([';', ':', '!', '?'])
            }
            TypographyFault::SpaceOrdinary => {
                style.spacing == Spacing::Nbsp
                    && text[i..].starts_with('\u{a0}')
                    && text[i + 2..].starts_with([';', ':', '!', '?'])
            }
            TypographyFault::GuillemetsUnspaced => {
                text[..i].ends_with(' ')
                    && after(i).is_some_and(char::is_uppercase)
                    && word_end(text, i).is_some()
            }
            TypographyFault::SpaceBeforeComma => text[i..].starts_with(", ") && letter_before(i),
            TypographyFault::NoSpaceAfterComma
            | TypographyFault::PercentUnspaced
            | TypographyFault::NumberUngrouped
            | TypographyFault::GroupPlainSpace => clause(i),
            TypographyFault::ApostropheMixed => {
                after(i) == Some(style.apostrophe)
                    && letter_before(i)
                    && text[i + style.apostrophe.len_utf8()..].starts_with(char::is_alphabetic)
            }
            TypographyFault::SpaceDoubled => {
                after(i) == Some(' ')
                    && letter_before(i)
                    && text[i + 1..].starts_with(char::is_alphabetic)
            }
            TypographyFault::SpaceTrailing => i == 0,
            TypographyFault::Decomposed => after(i) == Some('é') && letter_before(i),
        })
        .collect();
    if sites.is_empty() {
        return None;
    }
    let at = *rng.pick(&sites);
    let edit = |len: usize, replacement: String, marker_at: usize| {
        Some(Edit {
            at,
            len,
            replacement,
            marker_at,
        })
    };
    let inserted = |clause: String, flagged: usize| {
        let replacement = format!(", {clause}, ");
        edit(2, replacement, 2 + flagged)
    };
    match fault {
        TypographyFault::SpaceMissing => {
            let sign = after(at + space.len())?;
            edit(space.len() + 1, sign.to_string(), 0)
        }
        TypographyFault::SpaceOrdinary => edit(2, " ".to_owned(), 0),
        TypographyFault::GuillemetsUnspaced => {
            let end = word_end(text, at)?;
            edit(end - at, format!("«{}»", &text[at..end]), 0)
        }
        TypographyFault::SpaceBeforeComma => edit(1, " ,".to_owned(), 0),
        TypographyFault::NoSpaceAfterComma => edit(2, ",".to_owned(), 0),
        TypographyFault::ApostropheMixed => {
            let other = if style.apostrophe == '\'' {
                '’'
            } else {
                '\''
            };
            edit(style.apostrophe.len_utf8(), other.to_string(), 0)
        }
        TypographyFault::PercentUnspaced => {
            let clause = format!("soit une hausse de {}", rng.range(2, 99));
            let flagged = clause.len();
            inserted(format!("{clause}%"), flagged)
        }
        TypographyFault::NumberUngrouped => inserted(
            format!("pour {} personnes", rng.range(10_000, 9_999_999)),
            5,
        ),
        TypographyFault::GroupPlainSpace => {
            let thousands = rng.range(10, 999).to_string();
            inserted(format!("et {thousands} 000 dollars"), 3 + thousands.len())
        }
        TypographyFault::SpaceDoubled => edit(1, "  ".to_owned(), 0),
        TypographyFault::SpaceTrailing => Some(Edit {
            at: text.len(),
            len: 0,
            replacement: " ".to_owned(),
            marker_at: 0,
        }),
        TypographyFault::Decomposed => edit('é'.len_utf8(), "e\u{301}".to_owned(), 0),
    }
}

/// The end of the capitalised word at `at`, if it is a plain word of four letters or more
/// followed by a comma or by a space and a word (`«Article» 1,` would read `1` as a
/// footnote mark set apart).
fn word_end(text: &str, at: usize) -> Option<usize> {
    let len: usize = text[at..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let letters = text[at..at + len].chars().count();
    let rest = &text[at + len..];
    let followed = rest.starts_with(',')
        || rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_alphabetic));
    (letters >= 4 && followed).then_some(at + len)
}
