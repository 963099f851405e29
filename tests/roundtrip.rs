//! The clean seeds put through a simulated PDF extraction — wrapped at several widths, words
//! cut with hyphens, page breaks (running head and page number) inserted, footnote marks and
//! definitions turned into plain digits — then cleaned by the ocr group, and compared with
//! the originals: no letter or digit may be lost, and most paragraphs must come back exactly.
//!
//! Run with `--nocapture` to see the shares.

mod common;

use coquille::diagnostic::Applicability;
use coquille::document::{BlockKind, Document, FootnoteStyle};
use coquille::fix::fix_text;
use coquille::rules::Registry;
use coquille::settings::Settings;
use coquille::Linter;

const SEEDS: [&str; 3] = ["A_RES_52_134.txt", "A_RES_58_170.txt", "A_RES_66_152.txt"];
const WIDTHS: [usize; 6] = [55, 65, 72, 80, 90, 100];
/// Extractions of each seed at each width and layout, each with its own random choices.
const RUNS: u64 = 5;

/// The share of paragraphs, over every extraction, that must come back exactly (measured:
/// 2820 of 2820).
const PARAGRAPH_FLOOR: f64 = 0.99;

/// Stands for the space before a footnote mark set apart until the lines are wrapped.
const UNBREAKABLE: char = '\u{1}';

/// A small deterministic generator, so that a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// The text with its footnote marks and definitions in plain digits, as extraction leaves
/// them: glued to a word (`l’homme1,`), set apart after a number (`1993 1 ,`).
fn plain_digit_footnotes(text: &str, random: &mut Lcg) -> String {
    let document = Document::parse(text);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for reference in &document.footnote_references {
        if reference.style != FootnoteStyle::Superscript {
            continue;
        }
        let digits = reference.number.unwrap().to_string();
        let after_number = text[..reference.span.start].ends_with(|c: char| c.is_ascii_digit());
        let spaced = after_number || random.below(3) == 0;
        // Kept on the line of its word: a layout never breaks a line before a superscript.
        let mark = if spaced {
            format!("{UNBREAKABLE}{digits}")
        } else {
            digits
        };
        edits.push((reference.span.start, reference.span.end, mark));
    }
    for definition in &document.footnote_definitions {
        let digits = definition.number.unwrap().to_string();
        edits.push((definition.mark.start, definition.mark.end, digits));
    }
    edits.sort();
    let mut out = text.to_owned();
    for (start, end, replacement) in edits.into_iter().rev() {
        out.replace_range(start..end, &replacement);
    }
    out
}

/// `line` wrapped at about `width` characters (each line a little shorter or not, as with a
/// proportional font); a word that does not fit is sometimes cut with a hyphen, at its own
/// hyphen when it is a compound.
fn wrap(line: &str, width: usize, random: &mut Lcg) -> Vec<String> {
    let length = |s: &str| s.chars().count();
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut line_width = width - random.below(width / 8);
    for word in line.split(' ') {
        let room = line_width.saturating_sub(length(&current) + usize::from(!current.is_empty()));
        if current.is_empty() || length(word) <= room {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        let (head, tail) = cut(word, room, random);
        if !head.is_empty() {
            current.push(' ');
            current.push_str(&head);
        }
        lines.push(std::mem::take(&mut current));
        current = tail;
        line_width = width - random.below(width / 8);
    }
    lines.push(current);
    lines
}

/// Cuts `word` so that its head and a hyphen take at most `room` characters: at its own
/// hyphen when it is a compound, otherwise one time in two, between syllables, as late as
/// the room allows.
fn cut(word: &str, room: usize, random: &mut Lcg) -> (String, String) {
    let chars: Vec<char> = word.chars().collect();
    let letters = |part: &[char]| part.iter().all(|c| c.is_alphabetic());
    if let Some(hyphen) = chars.iter().position(|&c| c == '-') {
        let (head, tail) = (&chars[..hyphen], &chars[hyphen + 1..]);
        if hyphen < room && letters(head) && tail.first().is_some_and(|c| c.is_alphabetic()) {
            return (
                chars[..=hyphen].iter().collect(),
                chars[hyphen + 1..].iter().collect(),
            );
        }
    }
    let at = syllable_breaks(&chars)
        .into_iter()
        .filter(|&at| at < room)
        .max();
    match at {
        Some(at) if letters(&chars) && random.below(2) == 0 => {
            let head: String = chars[..at].iter().collect();
            (format!("{head}-"), chars[at..].iter().collect())
        }
        _ => (String::new(), word.to_owned()),
    }
}

/// Where a French typesetter may cut `word` (at least three letters on each side): before a
/// consonant between two vowels (`coo-pé-ra-tion`), between two consonants that do not
/// belong together (`par-ti-cu-lier`, not `c-h`, `p-r`).
fn syllable_breaks(word: &[char]) -> Vec<usize> {
    let vowel = |c: char| "aeiouyàâäéèêëîïôöùûüœæ".contains(c.to_lowercase().next().unwrap_or(c));
    let together = |a: char, b: char| {
        matches!((a, b), ('c' | 'p' | 't', 'h') | ('g', 'n'))
            || ("bcdfgptv".contains(a) && "lr".contains(b))
    };
    (3..word.len().saturating_sub(2))
        .filter(|&at| {
            let (before, here, next) = (word[at - 1], word[at], word[at + 1]);
            let consonant = |c: char| c.is_alphabetic() && !vowel(c);
            let open = vowel(before) && consonant(here) && vowel(next);
            let closed = vowel(word[at - 2])
                && consonant(before)
                && consonant(here)
                && !together(before, here);
            open || closed
        })
        .collect()
}

/// The seed as a PDF extraction could give it back: its footnotes at the bottom of a page,
/// followed by a page break, and other page breaks every 25 to 40 lines of the body, never
/// inside a block of footnotes; `squeezed`, without the blank lines between its paragraphs
/// and with a rule above each block of footnotes, as in 62/160.
fn extract(seed: &str, width: usize, squeezed: bool, random: &mut Lcg) -> String {
    let text = plain_digit_footnotes(seed, random);
    let document = Document::parse(&text);
    let symbol = document
        .title
        .map(|t| format!("A/RES/{}/{}", t.number.session, t.number.number))
        .unwrap_or_default();
    let body_start = document.opener.map_or(0, |o| o.end);
    let mut pages = Pages {
        symbol,
        number: 1,
        lines: 0,
        length: 25 + random.below(15),
    };
    let mut out = String::new();
    let blocks = &document.blocks;
    for (index, block) in blocks.iter().enumerate() {
        let in_body = block.span.start > body_start;
        if squeezed && block.kind == BlockKind::Blank && in_body {
            continue;
        }
        let footnote =
            |b: &coquille::document::Block| matches!(b.kind, BlockKind::FootnoteDefinition(_));
        let previous = blocks[..index]
            .iter()
            .rev()
            .find(|b| b.kind != BlockKind::Blank);
        if squeezed && footnote(block) && !previous.is_some_and(footnote) {
            out.push_str("_______________\n");
        }
        let wrapped = matches!(
            block.kind,
            BlockKind::Title | BlockKind::Paragraph(_) | BlockKind::FootnoteDefinition(_)
        );
        for line in document.text(block.span).split_inclusive('\n') {
            let content = line.trim_end_matches('\n');
            let pieces = if wrapped {
                wrap(content, width, random)
            } else {
                vec![content.to_owned()]
            };
            let ends = line.ends_with('\n');
            for (i, piece) in pieces.iter().enumerate() {
                out.push_str(piece);
                let line_ends = i + 1 < pieces.len() || ends;
                if line_ends {
                    out.push('\n');
                }
                pages.lines += 1;
                if in_body && line_ends && !footnote(block) && pages.lines >= pages.length {
                    out.push_str(&pages.turn(random));
                }
            }
        }
        let next = blocks[index + 1..]
            .iter()
            .find(|b| b.kind != BlockKind::Blank);
        if footnote(block) && next.is_some_and(|b| !footnote(b)) {
            if !squeezed && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&pages.turn(random));
        }
    }
    out.replace(UNBREAKABLE, " ")
}

/// The page being laid out.
struct Pages {
    symbol: String,
    number: usize,
    lines: usize,
    length: usize,
}

impl Pages {
    /// A page break: the next page's running head and number, in one of the shapes
    /// extraction gives them.
    fn turn(&mut self, random: &mut Lcg) -> String {
        self.number += 1;
        self.lines = 0;
        self.length = 25 + random.below(15);
        let (head, number) = (&self.symbol, self.number);
        match random.below(3) {
            0 => format!("\n{head}\n\n{number}\n\n"),
            1 => format!("{head}\n{number}\n"),
            _ => format!("\n{number}\n\n"),
        }
    }
}

/// The extracted text cleaned by the ocr group and its unsafe fixes.
fn clean(text: &str) -> String {
    let rules = Registry::builtin()
        .select(&["ocr".to_owned()], &[])
        .unwrap();
    let outcome = fix_text(
        &Linter::new(rules, Settings::default()),
        text,
        Applicability::Unsafe,
    );
    assert!(outcome.converged);
    outcome.text
}

/// Letters and digits, superscripts read as digits: what cleaning must give back.
fn letters_and_digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
            Some(value) => char::from_digit(value as u32, 10),
            None => c.is_alphanumeric().then_some(c),
        })
        .collect()
}

/// How many of `units` (each a list of lines) appear in `text`, every line whole.
fn restored(units: &[Vec<&str>], text: &str) -> usize {
    let lines: std::collections::HashSet<&str> = text.lines().collect();
    units
        .iter()
        .filter(|unit| unit.iter().all(|line| lines.contains(line)))
        .count()
}

/// What an extraction damaged: page breaks, words cut with a hyphen, marks in digits.
fn damage(extracted: &str) -> (usize, usize, usize) {
    let document = Document::parse(extracted);
    let cuts = document
        .line_joins()
        .iter()
        .filter(|j| j.hyphen(extracted).is_some())
        .count();
    let marks = document
        .footnote_references
        .iter()
        .filter(|r| r.style == FootnoteStyle::Digits)
        .count();
    (document.page_breaks().len(), cuts, marks)
}

/// Counts over all runs.
#[derive(Default)]
struct Tally {
    paragraphs: usize,
    paragraphs_back: usize,
    footnotes: usize,
    footnotes_back: usize,
    texts: usize,
    texts_back: usize,
    page_breaks: usize,
    cuts: usize,
    marks: usize,
}

/// Extracts each seed at each width, in both layouts, cleans it and counts what came back.
fn extract_and_clean_every_seed(random: &mut Lcg, tally: &mut Tally) {
    for name in SEEDS {
        let seed = common::read_fixture(name);
        let document = Document::parse(&seed);
        let paragraphs: Vec<Vec<&str>> = document
            .paragraphs
            .iter()
            .map(|p| p.lines.iter().map(|l| document.text(*l)).collect())
            .collect();
        let footnotes: Vec<Vec<&str>> = document
            .footnote_definitions
            .iter()
            .map(|d| vec![document.text(d.span)])
            .collect();
        for width in WIDTHS {
            for squeezed in [false, true] {
                let extracted = extract(&seed, width, squeezed, random);
                let cleaned = clean(&extracted);
                let layout = if squeezed {
                    "no blank lines"
                } else {
                    "blank lines"
                };
                assert_eq!(
                    letters_and_digits(&cleaned),
                    letters_and_digits(&seed),
                    "{name} at {width} columns, {layout}: letters or digits lost"
                );
                let (page_breaks, cuts, marks) = damage(&extracted);
                let back = restored(&paragraphs, &cleaned);
                let notes_back = restored(&footnotes, &cleaned);
                println!(
                    "{name}, {width} columns, {layout}: {page_breaks} page breaks, {cuts} cut \
                     words, {marks} marks in digits; {back}/{} paragraphs and {notes_back}/{} \
                     footnotes restored exactly{}",
                    paragraphs.len(),
                    footnotes.len(),
                    if cleaned == seed {
                        ", whole text identical"
                    } else {
                        ""
                    }
                );
                tally.paragraphs += paragraphs.len();
                tally.paragraphs_back += back;
                tally.footnotes += footnotes.len();
                tally.footnotes_back += notes_back;
                tally.texts += 1;
                tally.texts_back += usize::from(cleaned == seed);
                tally.page_breaks += page_breaks;
                tally.cuts += cuts;
                tally.marks += marks;
            }
        }
    }
}

#[test]
fn simulated_extractions_of_the_clean_seeds_are_restored() {
    let mut tally = Tally::default();
    for run in 0..RUNS {
        let mut random = Lcg(0x5eed + run);
        extract_and_clean_every_seed(&mut random, &mut tally);
    }
    let share = tally.paragraphs_back as f64 / tally.paragraphs as f64;
    println!(
        "{} extractions ({} page breaks, {} cut words, {} marks in digits): paragraphs \
         restored exactly {}/{} ({:.1} %); footnotes {}/{}; whole texts identical {}/{}",
        tally.texts,
        tally.page_breaks,
        tally.cuts,
        tally.marks,
        tally.paragraphs_back,
        tally.paragraphs,
        share * 100.0,
        tally.footnotes_back,
        tally.footnotes,
        tally.texts_back,
        tally.texts,
    );
    assert!(
        share >= PARAGRAPH_FLOOR,
        "{}/{} paragraphs restored, below the floor",
        tally.paragraphs_back,
        tally.paragraphs
    );
}
