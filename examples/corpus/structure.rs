//! The faults of the structure rules, one kind per crafted fixture of `fixtures/crafted/`,
//! placed on a document's paragraphs and footnotes far enough apart to be found one by one.

use std::collections::HashMap;

use super::markers::Markers;
use super::rng::Rng;

/// A structural fault, as a crafted fixture shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StructureFault {
    /// `numbering-skipped.txt`: paragraphs 1, 2, 4.
    NumberingSkipped,
    /// `numbering-repeated.txt`: paragraphs 5, 5, 7.
    NumberingRepeated,
    /// `subparagraphs-swapped.txt`: `b)` then `a)`.
    SubparagraphsSwapped,
    /// `footnote-undefined.txt`: a definition removed.
    FootnoteUndefined,
    /// `footnote-unused.txt`: a mark removed.
    FootnoteUnused,
    /// `footnote-duplicate.txt`: a definition repeated.
    FootnoteDuplicate,
    /// `footnote-order.txt`: two marks swapped.
    FootnoteOrder,
    /// `final-full-stop-missing.txt`.
    FinalFullStopMissing,
    /// `preamble-comma-missing.txt`.
    PreambleCommaMissing,
}

impl StructureFault {
    /// Every kind.
    pub const ALL: [Self; 9] = [
        Self::NumberingSkipped,
        Self::NumberingRepeated,
        Self::SubparagraphsSwapped,
        Self::FootnoteUndefined,
        Self::FootnoteUnused,
        Self::FootnoteDuplicate,
        Self::FootnoteOrder,
        Self::FinalFullStopMissing,
        Self::PreambleCommaMissing,
    ];

    /// The rule that finds it.
    pub fn rule(self) -> &'static str {
        match self {
            Self::NumberingSkipped | Self::NumberingRepeated | Self::SubparagraphsSwapped => {
                "paragraph-numbering"
            }
            Self::FootnoteUndefined => "footnote-undefined",
            Self::FootnoteUnused => "footnote-unused",
            Self::FootnoteDuplicate => "footnote-duplicate",
            Self::FootnoteOrder => "footnote-order",
            Self::FinalFullStopMissing | Self::PreambleCommaMissing => "paragraph-punctuation",
        }
    }
}

/// What a document offers to place faults on.
#[derive(Debug)]
pub struct Shape {
    /// How many operative paragraphs it has.
    pub operative: usize,
    /// Whether one of them has sub-paragraphs.
    pub subparagraphs: bool,
    /// How many footnote marks it has.
    pub marks: usize,
    /// Whether every mark is read whatever its number (not so for plain digits, read only
    /// for defined numbers, so an undefined or out-of-order one goes unnoticed).
    pub explicit_marks: bool,
    /// Preamble paragraphs whose text ends with a letter or a closing sign, not a mark.
    pub comma_candidates: Vec<usize>,
}

/// Where the faults go; each holds the marker of its fault.
#[derive(Debug, Default)]
pub struct Targets {
    /// Operative paragraphs numbered one too high, and every one after them.
    pub skipped: HashMap<usize, char>,
    /// Operative paragraphs that repeat the number before them.
    pub repeated: HashMap<usize, char>,
    /// The sub-paragraphs that come `b)` then `a)`.
    pub swapped: Option<char>,
    /// Marks (by position) whose definition is left out.
    pub undefined: HashMap<usize, char>,
    /// Marks left out, their definition kept.
    pub unused: HashMap<usize, char>,
    /// Marks whose definition is written twice.
    pub duplicate: HashMap<usize, char>,
    /// Marks written with the next one's number, and the next with theirs.
    pub order: HashMap<usize, char>,
    /// Preamble paragraphs without their comma.
    pub comma: HashMap<usize, char>,
    /// The last paragraph without its full stop.
    pub full_stop: Option<char>,
}

/// Paragraphs and marks faults are placed on are at least this far apart.
const APART: usize = 3;

/// Attempts at finding a free place for one fault.
const ATTEMPTS: usize = 8;

impl Targets {
    /// Places each of `faults` on `shape`, leaving out those that find no place.
    pub fn place(
        faults: &[StructureFault],
        shape: &Shape,
        rng: &mut Rng,
        markers: &mut Markers,
    ) -> Self {
        let mut targets = Self::default();
        let mut numbered: Vec<usize> = Vec::new();
        let mut marked: Vec<usize> = Vec::new();
        for &fault in faults {
            let place = match fault {
                StructureFault::NumberingSkipped | StructureFault::NumberingRepeated => {
                    free(rng, 1, shape.operative, 0, &mut numbered)
                }
                StructureFault::SubparagraphsSwapped => {
                    (shape.subparagraphs && targets.swapped.is_none()).then_some(0)
                }
                StructureFault::FootnoteUnused | StructureFault::FootnoteDuplicate => {
                    free(rng, 0, shape.marks, 0, &mut marked)
                }
                StructureFault::FootnoteUndefined if shape.explicit_marks => {
                    free(rng, 0, shape.marks, 0, &mut marked)
                }
                StructureFault::FootnoteOrder if shape.explicit_marks => {
                    free(rng, 0, shape.marks, 1, &mut marked)
                }
                StructureFault::FootnoteUndefined | StructureFault::FootnoteOrder => None,
                StructureFault::FinalFullStopMissing => targets.full_stop.is_none().then_some(0),
                StructureFault::PreambleCommaMissing => (0..ATTEMPTS)
                    .filter(|_| !shape.comma_candidates.is_empty())
                    .map(|_| *rng.pick(&shape.comma_candidates))
                    .find(|i| !targets.comma.contains_key(i)),
            };
            let Some(at) = place else { continue };
            let Some(marker) = markers.add(fault.rule()) else {
                break;
            };
            let map = match fault {
                StructureFault::NumberingSkipped => &mut targets.skipped,
                StructureFault::NumberingRepeated => &mut targets.repeated,
                StructureFault::FootnoteUndefined => &mut targets.undefined,
                StructureFault::FootnoteUnused => &mut targets.unused,
                StructureFault::FootnoteDuplicate => &mut targets.duplicate,
                StructureFault::FootnoteOrder => &mut targets.order,
                StructureFault::PreambleCommaMissing => &mut targets.comma,
                StructureFault::SubparagraphsSwapped => {
                    targets.swapped = Some(marker);
                    continue;
                }
                StructureFault::FinalFullStopMissing => {
                    targets.full_stop = Some(marker);
                    continue;
                }
            };
            map.insert(at, marker);
        }
        targets
    }
}

/// A place in `low..high - extra` at least [`APART`] from those `used`, recorded there.
fn free(
    rng: &mut Rng,
    low: usize,
    high: usize,
    extra: usize,
    used: &mut Vec<usize>,
) -> Option<usize> {
    if high < low + extra + 1 {
        return None;
    }
    let at = (0..ATTEMPTS)
        .map(|_| rng.range(low, high - extra - 1))
        .find(|&at| used.iter().all(|&u| u.abs_diff(at) >= APART))?;
    used.push(at);
    Some(at)
}
