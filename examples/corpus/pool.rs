//! The material: the title, preamble and operative passages of the five real resolutions,
//! with their footnotes, read once with coquille's own parser and kept in a neutral form —
//! no final sign, no space before `;` `:` `!` `?` nor inside guillemets, straight apostrophes,
//! a placeholder for each footnote mark — that a generated document then styles its own way.

use std::sync::OnceLock;

use coquille::document::{Document, ParagraphKind};

/// Stands for a footnote mark in a neutral passage.
pub const NOTE: char = '\u{E100}';

/// A paragraph of a seed, ready to be styled.
#[derive(Debug)]
pub struct Passage {
    /// The session of the seed it comes from, to shift its dates from.
    pub session: u32,
    /// Its text, neutral.
    pub text: String,
    /// The texts of its footnotes, one per [`NOTE`] in `text`, in order.
    pub notes: Vec<String>,
}

/// Everything generated documents are made of.
#[derive(Debug, Default)]
pub struct Pool {
    /// Resolution titles, without their number.
    pub titles: Vec<String>,
    /// Preamble paragraphs (`Réaffirmant …`).
    pub preamble: Vec<Passage>,
    /// Operative paragraphs without their number (`*Réaffirme* …`), except the closing
    /// decision, which a generated document writes for its own session.
    pub operative: Vec<Passage>,
}

const SEEDS: [&str; 5] = [
    include_str!("../../fixtures/A_RES_52_134.txt"),
    include_str!("../../fixtures/A_RES_55_109.pdf-extracted.txt"),
    include_str!("../../fixtures/A_RES_58_170.txt"),
    include_str!("../../fixtures/A_RES_62_160.pdf-extracted.txt"),
    include_str!("../../fixtures/A_RES_66_152.txt"),
];

/// The pool, read from the seeds on first use.
pub fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| {
        let mut pool = Pool::default();
        for seed in SEEDS {
            read_seed(seed, &mut pool);
        }
        pool.titles.dedup();
        pool
    })
}

fn read_seed(source: &str, pool: &mut Pool) {
    let document = Document::parse(source);
    let title = document.title.expect("every seed is a resolution");
    let session = title.number.session;
    let title = neutral(document.text(title.text), false);
    if !pool.titles.contains(&title) {
        pool.titles.push(title);
    }
    for paragraph in &document.paragraphs {
        let mut passage = Passage {
            session,
            text: String::new(),
            notes: Vec::new(),
        };
        for &line in &paragraph.lines {
            let mut at = line.start;
            if !(passage.text.is_empty() || passage.text.ends_with('-')) {
                passage.text.push(' ');
            }
            let marks = document
                .footnote_references
                .iter()
                .filter(|r| r.span.start >= line.start && r.span.end <= line.end);
            for mark in marks {
                let key = mark.key(source);
                let definition = document
                    .footnote_definitions
                    .iter()
                    .find(|d| d.key(source) == key)
                    .expect("every mark of a seed is defined");
                passage.text.push_str(&source[at..mark.span.start]);
                passage.text.push(NOTE);
                passage.notes.push(neutral(
                    &source[definition.mark.end..definition.span.end],
                    true,
                ));
                at = mark.span.end;
            }
            passage.text.push_str(&source[at..line.end]);
        }
        passage.text = neutral(&passage.text, false);
        if passage.notes.iter().any(String::is_empty) {
            // Definitions whose texts extraction scrambled: the passage goes without notes.
            passage.text.retain(|c| c != NOTE);
            passage.notes.clear();
        }
        match paragraph.kind {
            ParagraphKind::Preamble => pool.preamble.push(passage),
            ParagraphKind::Operative(_) => {
                passage.text = passage
                    .text
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start_matches(['.', ' '])
                    .to_owned();
                if !passage.text.starts_with('*') {
                    // Clean seeds set the verb in italics; give the extracted ones theirs.
                    let verb = passage.text.find(' ').unwrap_or(passage.text.len());
                    passage.text = format!("*{}*{}", &passage.text[..verb], &passage.text[verb..]);
                }
                if !passage.text.starts_with("*Décide*") {
                    pool.operative.push(passage);
                }
            }
            ParagraphKind::Other => {}
        }
    }
}

/// One line of text, single ordinary spaces, straight apostrophes, no space before
/// punctuation or after an opening sign; without its final sign unless `keep_end`.
fn neutral(text: &str, keep_end: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{a0}' | '\u{202f}' | '\t' | '\r' | '\n' => ' ',
            '’' => '\'',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with([' ', '(', '«'])) {
            continue;
        }
        if matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '»' | NOTE) && out.ends_with(' ')
        {
            out.pop();
        }
        out.push(c);
    }
    let end = if keep_end {
        out.trim_end()
    } else {
        out.trim_end_matches([' ', ',', ';', '.', ':'])
    };
    end.to_owned()
}
