//! A pattern's required literals found through one or two short strings they all contain,
//! their anchors: one `memmem` pass per anchor, then the literals checked around each hit.
//! Forty literals `0ème`, `1ème`, … `9^ieme` are two passes for `eme` and `ème`, where
//! searching them all at once costs more than the regex itself (callgrind: a `memmem` pass
//! ≈ 0.35 instructions per byte, the regex of a pack pattern 1 to 4).

use std::cmp::Reverse;

use memchr::memmem::{find, Finder};

/// Shorter anchors occur too often: `e`.
const MIN_ANCHOR_LEN: usize = 2;

/// Longer anchors are hardly rarer, and cost more to choose when the pack loads.
const MAX_ANCHOR_LEN: usize = 4;

/// At most this many anchors: with more, the passes cost about what the regex does.
const MAX_ANCHORS: usize = 2;

/// A set of literals and the anchors to find them by.
#[derive(Debug, Clone)]
pub(super) struct Anchors {
    anchors: Vec<Anchor>,
}

#[derive(Debug, Clone)]
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
        hits(&self.finder, text).any(|hit| self.holds_literal_at(text, hit))
    }

    /// Whether one of the literals holds the anchor found at `hit`.
    fn holds_literal_at(&self, text: &[u8], hit: usize) -> bool {
        let possible = self.starts_one
            || hit
                .checked_sub(1)
                .is_some_and(|previous| self.before[usize::from(text[previous])]);
        // The first byte before the rest: most literals differ there (`0ème`, `1ème`).
        possible
            && self.literals.iter().any(|(at, literal)| {
                hit.checked_sub(*at).is_some_and(|start| {
                    text[start] == literal[0] && text[start..].starts_with(literal)
                })
            })
    }
}

/// Every place of `needle` in `text`, overlapping ones too: a literal may hold its anchor
/// where an earlier hit overlaps.
fn hits<'a>(finder: &'a Finder<'static>, text: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let hit = from + finder.find(text.get(from..)?)?;
        from = hit + 1;
        Some(hit)
    })
}

/// The anchors of a rule's patterns searched together: an anchor that holds another (`ème`
/// holds `è`) is found at the hits of the shorter one, so that each distinct short anchor
/// costs one pass for the whole rule (the ordinal rule's four patterns: three passes, not
/// seven).
#[derive(Debug)]
pub(super) struct Gate {
    /// How many patterns the rule has.
    patterns: usize,
    roots: Vec<Root>,
}

/// An anchor searched for itself, and the anchors checked at its hits.
#[derive(Debug)]
struct Root {
    finder: Finder<'static>,
    /// Each anchor holding this one: its pattern, where this one first occurs in it.
    users: Vec<(usize, usize, Anchor)>,
}

impl Gate {
    /// The gate of the patterns whose anchors are `anchors`, in the rule's order.
    pub fn new(anchors: &[Option<&Anchors>]) -> Self {
        let mut all: Vec<(usize, &Anchor)> = anchors
            .iter()
            .enumerate()
            .filter_map(|(pattern, anchors)| Some((pattern, *anchors.as_ref()?)))
            .flat_map(|(pattern, anchors)| anchors.anchors.iter().map(move |a| (pattern, a)))
            .collect();
        all.sort_by_key(|(_, anchor)| anchor.finder.needle().len());
        let mut roots: Vec<Root> = Vec::new();
        for (pattern, anchor) in all {
            let needle = anchor.finder.needle();
            let served = roots
                .iter_mut()
                .find_map(|root| Some((find(needle, root.finder.needle())?, root)));
            match served {
                Some((at, root)) => root.users.push((pattern, at, anchor.clone())),
                None => roots.push(Root {
                    finder: anchor.finder.clone(),
                    users: vec![(pattern, 0, anchor.clone())],
                }),
            }
        }
        // Two roots holding one string worth an anchor are one pass: `A l` and `A c`, `A `.
        while let Some((i, j, shared)) = shareable(&roots) {
            let second = roots.remove(j);
            let first = roots.remove(i);
            let users = [first, second]
                .into_iter()
                .flat_map(|root| {
                    let at = find(root.finder.needle(), &shared).expect("a shared string");
                    root.users
                        .into_iter()
                        .map(move |(pattern, inner, anchor)| (pattern, inner + at, anchor))
                })
                .collect();
            roots.push(Root {
                finder: Finder::new(&shared).into_owned(),
                users,
            });
        }
        Self {
            patterns: anchors.len(),
            roots,
        }
    }

    /// For each pattern, whether `text` holds one of its literals; `false` for a pattern
    /// without anchors.
    pub fn holding(&self, text: &[u8]) -> Vec<bool> {
        let mut holds = vec![false; self.patterns];
        for root in &self.roots {
            for hit in hits(&root.finder, text) {
                for (pattern, at, anchor) in &root.users {
                    if !holds[*pattern]
                        && hit.checked_sub(*at).is_some_and(|start| {
                            text[start..].starts_with(anchor.finder.needle())
                                && anchor.holds_literal_at(text, start)
                        })
                    {
                        holds[*pattern] = true;
                    }
                }
            }
        }
        holds
    }
}

/// Two roots (by index, the first one first) and the longest string both hold that is worth
/// an anchor, if any.
fn shareable(roots: &[Root]) -> Option<(usize, usize, Vec<u8>)> {
    let mut best: Option<(usize, usize, Vec<u8>)> = None;
    for (i, first) in roots.iter().enumerate() {
        for (j, second) in roots.iter().enumerate().skip(i + 1) {
            let (a, b) = (first.finder.needle(), second.finder.needle());
            let shared = (MIN_ANCHOR_LEN..=a.len().min(b.len()))
                .rev()
                .flat_map(|len| a.windows(len))
                .find(|window| worth_an_anchor(window) && find(b, window).is_some());
            if let Some(shared) = shared {
                if best.as_ref().is_none_or(|(_, _, s)| s.len() < shared.len()) {
                    best = Some((i, j, shared.to_vec()));
                }
            }
        }
    }
    best
}

/// How many bytes of `window` are lowercase letters or spaces, the commonest of French.
fn common(window: &[u8]) -> usize {
    window
        .iter()
        .filter(|b| b.is_ascii_lowercase() || **b == b' ')
        .count()
}

/// Whether `window` is rare enough to search for: not two lowercase letters (`le`).
fn worth_an_anchor(window: &[u8]) -> bool {
    window.len() > MIN_ANCHOR_LEN || common(window) < window.len()
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
        // Among those held by as many literals, the one with the fewest common bytes (fewer
        // hits to check): `A c`, not ` ce`.
        let best = windows
            .chunk_by(|a, b| a == b)
            .filter(|run| worth_an_anchor(run[0]))
            .max_by_key(|run| (run.len(), Reverse(common(run[0])), Reverse(run[0])))?[0]
            .to_vec();
        uncovered.retain(|literal| find(literal, &best).is_none());
        anchors.push(best);
    }
    Some(anchors)
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
    fn a_gate_finds_what_each_pattern_s_anchors_find() {
        let sets = [
            literals(&["0ème", "1ème", "0eme"]),
            literals(&["0è", "1^è"]),
            literals(&["1ère", "1ere"]),
            literals(&["Xème", "Vième"]),
            literals(&["Etat", "Ecole", "Election", "Egalement"]),
            literals(&["A l'", "A la", "A cet"]),
        ];
        let anchors: Vec<Option<Anchors>> = sets.iter().map(|set| Anchors::new(set)).collect();
        let gate = Gate::new(&anchors.iter().map(Option::as_ref).collect::<Vec<_>>());
        let mut roots: Vec<&[u8]> = gate.roots.iter().map(|r| r.finder.needle()).collect();
        roots.sort_unstable();
        // Anchors holding `è` are found at its hits; `A l` and `A c` at those of `A `.
        assert_eq!(
            roots,
            [&b"0eme"[..], b"1^\xC3", b"1ere", b"A ", "è".as_bytes()]
        );
        for text in [
            "A cette date",
            "A l'ONU",
            "Bla la",
            "la 2ème et la 1ère, le XVème",
            "la 1^è, 0eme",
            "deuxième mère",
            "Vième",
            "Etat",
            "",
        ] {
            let expected: Vec<bool> = anchors
                .iter()
                .map(|a| a.as_ref().is_some_and(|a| a.any_in(text.as_bytes())))
                .collect();
            assert_eq!(gate.holding(text.as_bytes()), expected, "{text}");
        }
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
