//! Synthetic resolutions recombined from the fixtures, for the benchmarks and the corpus
//! test: [`resolution`] is one file of a corpus, [`long_resolution`] one resolution of any
//! size. The same seed gives the same bytes on every machine.
//!
//! A document takes a seed resolution's shape — header, title, preamble, operative
//! paragraphs, footnotes, closing — and fills it with paragraphs of all five seeds, moved to
//! its own session (years, session numbers and ordinals shift together, so every date it
//! cites precedes its adoption in December of the year its session opens). It is written
//! clean (Markdown emphasis, superscript, caret or bracket footnotes) or as PDF extraction
//! leaves it (hard-wrapped, footnotes at the foot of each page, running heads), with one of
//! three spacings before `;` `:` `!` `?`. A few faults of every rule are injected at a low
//! rate, and each is recorded where its finding must start.

mod compose;
mod french;
mod layout;
mod markers;
mod pool;
mod rng;
mod structure;
mod style;
mod typography;

pub use markers::Fault;
pub use style::Spacing;

use compose::{compose, Plan};
use markers::Markers;
use pool::{pool, Passage};
use rng::Rng;
use structure::StructureFault;
use style::{Form, Style};
use typography::TypographyFault;

/// A generated document.
#[derive(Debug)]
pub struct Generated {
    /// A file name for it: `A_RES_66_152.txt`, or `A_RES_55_109.pdf-extracted.txt`.
    pub name: String,
    /// Its text.
    pub text: String,
    /// How it spaces `;` `:` `!` `?` and guillemets: only under [`Spacing::Nbsp`] does it
    /// follow the default convention, so that only its faults are found.
    pub spacing: Spacing,
    /// The faults injected into it, in text order.
    pub faults: Vec<Fault>,
}

/// The smallest file of a corpus, in bytes.
pub const MIN_BYTES: usize = 3 * 1024;
/// The largest file of a corpus, in bytes.
pub const MAX_BYTES: usize = 15 * 1024;

/// Bytes of a document that are not paragraphs: header, title, closing.
const FRAME_BYTES: usize = 700;
/// Operative paragraphs stay below this count, so that numbers stay within three digits,
/// the most coquille reads as a paragraph number.
const MAX_OPERATIVE: usize = 800;
/// A long resolution gets the faults of a file of a corpus for every so many bytes.
const FAULT_CHUNK: usize = 10_000;

/// File `index` of the corpus of `seed`: a resolution of 3 to 15 KB, about 10 KB on average
/// (drawn again, rarely, when it falls outside).
pub fn resolution(seed: u64, index: u64) -> Generated {
    let mut rng = Rng::new(seed, index);
    let spread = if rng.chance(0.5) {
        rng.unit()
    } else {
        rng.unit().max(rng.unit())
    };
    let bytes = MIN_BYTES + 700 + (spread * 11_000.0) as usize;
    let style = Style::random(&mut rng);
    loop {
        let document = generate(&mut rng, style, bytes, 1);
        if (MIN_BYTES..=MAX_BYTES).contains(&document.text.len()) {
            return document;
        }
    }
}

/// One resolution of about `bytes` bytes, clean and following the default convention, its
/// preamble growing to fill the size; faults at the rate of a corpus.
pub fn long_resolution(seed: u64, bytes: usize) -> Generated {
    let mut rng = Rng::new(seed, u64::MAX);
    generate(
        &mut rng,
        Style::silent(),
        bytes,
        bytes.div_ceil(FAULT_CHUNK),
    )
}

fn generate(rng: &mut Rng, style: Style, bytes: usize, chunks: usize) -> Generated {
    let pool = pool();
    let body = bytes.saturating_sub(FRAME_BYTES);
    let subparagraphs = rng.chance(0.3).then(|| rng.range(2, 3));
    let operative_share = rng.range(45, 65) as f64 / 100.0;
    let operative = choose(
        rng,
        &pool.operative,
        (body as f64 * operative_share) as usize,
        2,
        MAX_OPERATIVE,
    );
    let used: usize = operative.iter().map(|p| estimate(p)).sum();
    let preamble = choose(
        rng,
        &pool.preamble,
        body.saturating_sub(used),
        2,
        usize::MAX,
    );
    let subparagraphs = subparagraphs.map(|count| (rng.range(0, operative.len() - 1), count));
    let (session, number) = (rng.range(45, 79) as u32, rng.range(1, 280) as u32);
    let mut structural = Vec::new();
    let mut typographic = Vec::new();
    for _ in 0..chunks {
        if rng.chance(0.2) {
            structural.push(*rng.pick(&StructureFault::ALL));
        }
        let count = match rng.range(0, 19) {
            0..=10 => 0,
            11..=16 => 1,
            17..=18 => 2,
            _ => 3,
        };
        typographic.extend((0..count).map(|_| *rng.pick(&TypographyFault::ALL)));
    }
    let plan = Plan {
        session,
        number,
        style,
        preamble,
        operative,
        subparagraphs,
        faults: structural,
    };
    let mut markers = Markers::default();
    let mut blocks = compose(&plan, rng, &mut markers);
    typography::inject(&mut blocks, &typographic, &style, rng, &mut markers);
    let symbol = format!("A/RES/{session}/{number}");
    let (text, faults) = markers.locate(&layout::lay_out(&blocks, &style, &symbol));
    let extension = match style.form {
        Form::Clean => "txt",
        Form::Extracted => "pdf-extracted.txt",
    };
    Generated {
        name: format!("A_RES_{session}_{number}.{extension}"),
        text,
        spacing: style.spacing,
        faults,
    }
}

/// Passages drawn from `from` until `budget` bytes are filled, between `min` and `max` of
/// them, never the same twice in a row.
fn choose(
    rng: &mut Rng,
    from: &'static [Passage],
    budget: usize,
    min: usize,
    max: usize,
) -> Vec<&'static Passage> {
    let mut chosen: Vec<&'static Passage> = Vec::new();
    let mut used = 0;
    while chosen.len() < max {
        let next = rng.pick(from);
        if chosen.last().is_some_and(|last| std::ptr::eq(*last, next)) {
            continue;
        }
        if chosen.len() >= min && used + estimate(next) > budget {
            break;
        }
        used += estimate(next);
        chosen.push(next);
    }
    chosen
}

/// About how many bytes a passage takes once written.
fn estimate(passage: &Passage) -> usize {
    passage.text.len() + passage.notes.iter().map(|n| n.len() + 12).sum::<usize>() + 12
}
