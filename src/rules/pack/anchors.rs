//! A pattern's required literals found through one or two short strings they all contain,
//! their anchors: one `memmem` pass per anchor, then the literals checked around each hit.
//! Forty literals `0ème`, `1ème`, … `9^ieme` are two passes for `eme` and `ème`, where
//! searching them all at once costs more than the regex itself (callgrind: a `memmem` pass
//! ≈ 0.35 instructions per byte, the regex of a pack pattern 1 to 4).

use std::cmp::Reverse;

use memchr::memmem::Finder;

/// Shorter anchors occur too often: `e`.
const MIN_ANCHOR_LEN: usize = 2;

/// Longer anchors are hardly rarer, and cost more to choose when the pack loads.
const MAX_ANCHOR_LEN: usize = 4;

/// At most this many anchors: with more, the passes cost about what the regex does.
const MAX_ANCHORS: usize = 2;

/// A set of literals and the anchors to find them by.
#[derive(Debug)]
pub(super) struct Anchors {
    anchors: Vec<Anchor>,
}

#[derive(Debug)]
struct Anchor {
    finder: Finder<'static>,
    /// The literals holding the anchor, each with where the anchor first occurs in it.
    literals: Vec<(usize, Vec<u8>)>,
    /// The bytes that come just before the anchor in one of `literals`.
    before: [bool; 256],
    /// Whether one of `literals` starts with the anchor.
    starts_one: bool,
}

impl Anchors {
    /// The anchors of `literals`, as long as possible; `None` if they need more than
    /// [`MAX_ANCHORS`].
    pub fn new(literals: &[Vec<u8>]) -> Option<Self> {
        let shortest = literals.iter().map(Vec::len).min()?;
        let chosen = (MIN_ANCHOR_LEN..=shortest.min(MAX_ANCHOR_LEN))
            .rev()
            .find_map(|len| cover(literals, len))?;
        let anchors = chosen
            .into_iter()
            .map(|anchor| {
                let mut before = [false; 256];
                let mut starts_one = false;
                let holding = literals
                    .iter()
                    .filter_map(|literal| {
                        let at = find(literal, &anchor)?;
                        match at.checked_sub(1) {
                            Some(previous) => before[usize::from(literal[previous])] = true,
                            None => starts_one = true,
                        }
                        Some((at, literal.clone()))
                    })
                    .collect();
                Anchor {
                    finder: Finder::new(&anchor).into_owned(),
                    literals: holding,
                    before,
                    starts_one,
                }
            })
            .collect();
        Some(Self { anchors })
    }

    /// Whether `text` holds one of the literals.
    pub fn any_in(&self, text: &[u8]) -> bool {
        self.anchors.iter().any(|anchor| anchor.any_in(text))
    }
}

impl Anchor {
    fn any_in(&self, text: &[u8]) -> bool {
        let mut from = 0;
        // Overlapping hits: a literal may hold its anchor where an earlier hit overlaps.
        while let Some(found) = self.finder.find(&text[from..]) {
            let hit = from + found;
            from = hit + 1;
            let possible = self.starts_one
                || hit
                    .checked_sub(1)
                    .is_some_and(|previous| self.before[usize::from(text[previous])]);
            // The first byte before the rest: most literals differ there (`0ème`, `1ème`).
            if possible
                && self.literals.iter().any(|(at, literal)| {
                    hit.checked_sub(*at).is_some_and(|start| {
                        text[start] == literal[0] && text[start..].starts_with(literal)
                    })
                })
            {
                return true;
            }
        }
        false
    }
}

/// At most [`MAX_ANCHORS`] strings of `len` bytes, one of which each literal holds, chosen
/// greedily (the one most literals hold first); `None` if more are needed.
fn cover(literals: &[Vec<u8>], len: usize) -> Option<Vec<Vec<u8>>> {
    let mut uncovered: Vec<&[u8]> = literals.iter().map(Vec::as_slice).collect();
    let mut anchors: Vec<Vec<u8>> = Vec::new();
    while !uncovered.is_empty() {
        if anchors.len() == MAX_ANCHORS {
            return None;
        }
        // Each literal's distinct windows once: the length of a run is how many hold it.
        let mut windows: Vec<&[u8]> = Vec::new();
        for literal in &uncovered {
            let mut own: Vec<&[u8]> = literal.windows(len).collect();
            own.sort_unstable();
            own.dedup();
            windows.extend(own);
        }
        windows.sort_unstable();
        // Among those held by as many literals, the one with the fewest lowercase letters
        // and spaces, the commonest bytes of French (fewer hits to check): `A c`, not ` ce`.
        let common = |window: &[u8]| {
            window
                .iter()
                .filter(|b| b.is_ascii_lowercase() || **b == b' ')
                .count()
        };
        let best = windows
            .chunk_by(|a, b| a == b)
            // Two lowercase letters are everywhere: `le`.
            .filter(|run| len > MIN_ANCHOR_LEN || common(run[0]) < len)
            .max_by_key(|run| (run.len(), Reverse(common(run[0])), Reverse(run[0])))?[0]
            .to_vec();
        uncovered.retain(|literal| find(literal, &best).is_none());
        anchors.push(best);
    }
    Some(anchors)
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(list: &[&str]) -> Vec<Vec<u8>> {
        list.iter().map(|l| l.as_bytes().to_vec()).collect()
    }

    fn chosen(list: &[&str]) -> Option<Vec<String>> {
        let anchors = Anchors::new(&literals(list))?;
        Some(
            anchors
                .anchors
                .iter()
                .map(|a| String::from_utf8_lossy(a.finder.needle()).into_owned())
                .collect(),
        )
    }

    #[test]
    fn at_most_two_anchors_as_long_as_possible() {
        let ordinals: Vec<String> = ('0'..='9')
            .flat_map(|d| {
                ["eme", "^eme", "ieme", "ème", "^ème", "ième"].map(move |end| format!("{d}{end}"))
            })
            .collect();
        let ordinals: Vec<&str> = ordinals.iter().map(String::as_str).collect();
        let mut anchors = chosen(&ordinals).unwrap();
        anchors.sort();
        assert_eq!(anchors.len(), 2);
        assert!(anchors.iter().all(|a| a.len() == 3), "{anchors:?}");
        assert_eq!(chosen(&["A l'", "A la", "A cet"]).unwrap(), ["A l", "A c"]);
        assert_eq!(
            chosen(&["Etat", "Ecole", "Election", "Egalement"]),
            None,
            "not `Et` and `le`"
        );
        assert_eq!(
            chosen(&["Etat", "Etats", "Ecole"]).unwrap(),
            ["Etat", "Ecol"]
        );
        assert_eq!(chosen(&["%"]), None, "a byte is too short an anchor");
    }

    #[test]
    fn finds_what_a_search_for_each_literal_finds() {
        let sets = [
            &["0ème", "1ème", "0^ème", "10eme", "aab"][..],
            &["A l'", "A la", "A cet"],
            &["aaab", "ab", "ba"],
            &["Etat", "Ecole", "Election", "Egalement"],
        ];
        let texts = [
            "la deuxième séance, le 20ème jour",
            "aaaab",
            "A cette date, à la 10^ème, A l'unanimité",
            "La 1ère et l'Ecole",
            "",
            "b",
            "Etats",
        ];
        for set in sets {
            let list = literals(set);
            let Some(anchors) = Anchors::new(&list) else {
                continue;
            };
            for text in texts {
                let expected = list
                    .iter()
                    .any(|l| text.as_bytes().windows(l.len()).any(|w| w == l.as_slice()));
                assert_eq!(
                    anchors.any_in(text.as_bytes()),
                    expected,
                    "{set:?} in {text}"
                );
            }
        }
    }
}
