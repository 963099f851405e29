//! How a generated document writes what the passages leave neutral: its form (clean text or
//! PDF extraction), the space before `;` `:` `!` `?` and inside guillemets, its apostrophe,
//! its footnote marks.

use super::pool::NOTE;
use super::rng::Rng;

/// Clean text or text extracted from a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One line per paragraph, Markdown emphasis, explicit footnote marks.
    Clean,
    /// Hard-wrapped lines, plain-digit footnote marks, page furniture, no emphasis.
    Extracted,
}

/// The space before `;` `:` `!` `?` and inside guillemets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spacing {
    /// U+00A0, as the default `nbsp` convention wants: silent.
    Nbsp,
    /// An ordinary space, as many exports have it: a warning each.
    Plain,
    /// None, as extraction often leaves it: an error each.
    Glued,
}

/// How footnote marks and definitions are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// `¹` and `¹ Voir …`.
    Superscript,
    /// `^1^` and `^1^ Voir …`.
    Caret,
    /// `[^1]` and `[^1]: Voir …`.
    Bracket,
    /// `l’homme1` and `1 Voir …`, as extraction leaves them.
    Digits,
}

/// Everything a document does its own way.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Clean or extracted.
    pub form: Form,
    /// Space before high punctuation.
    pub spacing: Spacing,
    /// `'` or `’`.
    pub apostrophe: char,
    /// Footnote marks.
    pub marks: Marks,
    /// Clean form: operative paragraphs on consecutive lines, without blank lines between.
    pub tight: bool,
    /// Extracted form: the width lines are wrapped at.
    pub width: usize,
}

impl Style {
    /// A style as the seeds show them: mostly clean, a quarter extracted.
    pub fn random(rng: &mut Rng) -> Self {
        if rng.chance(0.25) {
            return Self {
                form: Form::Extracted,
                spacing: if rng.chance(0.6) {
                    Spacing::Glued
                } else {
                    Spacing::Plain
                },
                apostrophe: '’',
                marks: Marks::Digits,
                tight: false,
                width: rng.range(76, 92),
            };
        }
        let spacing = match rng.range(0, 19) {
            0..=10 => Spacing::Nbsp,
            11..=17 => Spacing::Plain,
            _ => Spacing::Glued,
        };
        let marks = match rng.range(0, 19) {
            0..=13 => Marks::Superscript,
            14..=16 => Marks::Caret,
            _ => Marks::Bracket,
        };
        Self {
            form: Form::Clean,
            spacing,
            apostrophe: if rng.chance(0.7) { '\'' } else { '’' },
            marks,
            tight: rng.chance(0.2),
            width: 0,
        }
    }

    /// Clean text that follows the default convention: only injected faults are found.
    pub fn silent() -> Self {
        Self {
            form: Form::Clean,
            spacing: Spacing::Nbsp,
            apostrophe: '’',
            marks: Marks::Superscript,
            tight: false,
            width: 0,
        }
    }

    /// The space this style puts before `;` `:` `!` `?` and inside guillemets.
    pub fn space(&self) -> &'static str {
        match self.spacing {
            Spacing::Nbsp => "\u{a0}",
            Spacing::Plain => " ",
            Spacing::Glued => "",
        }
    }

    /// `neutral` written in this style; footnote placeholders stay where they are.
    pub fn write(&self, neutral: &str) -> String {
        let mut out = String::with_capacity(neutral.len() + 16);
        for c in neutral.chars() {
            match c {
                '\'' => out.push(self.apostrophe),
                ';' | ':' | '!' | '?' => {
                    out.push_str(self.space());
                    out.push(c);
                }
                '«' => {
                    out.push(c);
                    out.push_str(self.space());
                }
                '»' => {
                    out.push_str(self.space());
                    out.push(c);
                }
                '*' if self.form == Form::Extracted => {}
                c => out.push(c),
            }
        }
        out
    }

    /// Whether a footnote mark after `text` can be written: extraction glues it to the word
    /// before, which coquille reads as a mark only after a lower-case letter, `»` or `)`.
    pub fn keeps_mark_after(&self, text: &str) -> bool {
        self.marks != Marks::Digits
            || text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c == '»' || c == ')')
    }

    /// The reference mark of footnote `number`.
    pub fn mark(&self, number: u32) -> String {
        match self.marks {
            Marks::Superscript => superscript(number),
            Marks::Caret => format!("^{number}^"),
            Marks::Bracket => format!("[^{number}]"),
            Marks::Digits => number.to_string(),
        }
    }

    /// The definition of footnote `number`.
    pub fn definition(&self, number: u32, text: &str) -> String {
        match self.marks {
            Marks::Superscript => format!("{} {text}", superscript(number)),
            Marks::Caret => format!("^{number}^ {text}"),
            Marks::Bracket => format!("[^{number}]: {text}"),
            Marks::Digits => format!("{number} {text}"),
        }
    }
}

fn superscript(number: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number
        .to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

/// Removes the footnote placeholders a style cannot write, and the notes they stand for.
pub fn drop_unwritable_marks(style: &Style, text: &str, notes: &[String]) -> (String, Vec<String>) {
    let mut out = String::with_capacity(text.len());
    let mut kept = Vec::new();
    let mut notes = notes.iter();
    for c in text.chars() {
        if c == NOTE {
            let note = notes.next().expect("one note per placeholder");
            if !style.keeps_mark_after(&out) {
                continue;
            }
            kept.push(note.clone());
        }
        out.push(c);
    }
    (out, kept)
}
