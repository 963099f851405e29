//! A pack regex: parsed when the pack loads (for its errors, its groups and its required
//! literals), compiled only when a text holds one of those literals, then kept for the run.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

use super::anchors::Anchors;

/// Literals shorter than this (in UTF-8 bytes) occur in too many texts to be worth a check:
/// `è`, ` 1`.
const MIN_LITERAL_LEN: usize = 3;

/// Bytes times literals searched for a pattern's literals before its regex is compiled
/// anyway: about what compiling the pattern costs (callgrind: 2 MB of `memmem` ≈ 0.7 M
/// instructions, a built-in pattern's compilation ≈ 0.8 M), so that a run never pays
/// more than twice the better choice. A resolution of 7 KB uses a few percent of it.
const SCAN_BUDGET: usize = 2 << 20;

/// At most this many literals per pattern, cut shorter if need be.
const MAX_LITERALS: usize = 128;

/// Patterns repeating a piece more than this many times in all (`a{200}`, `(?:a{20}){20}`)
/// are compiled when their pack loads: only the engine's size limit can refuse them, and the
/// pack's author must hear it then, not find the rule silently matching nothing.
const LARGE_REPETITION: u64 = 100;

/// The capture groups of a pattern: how many, and their names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Groups {
    names: Vec<Option<String>>,
}

impl Groups {
    /// The groups of a parsed pattern (group 0, the whole match, included).
    pub fn of(hir: &Hir) -> Self {
        let mut names = vec![None; hir.properties().explicit_captures_len() + 1];
        collect_names(hir, &mut names);
        Self { names }
    }

    /// The index of the group called `name` (a number or a name).
    pub fn index(&self, name: &str) -> Option<usize> {
        match name.parse::<usize>() {
            Ok(index) => (index < self.names.len()).then_some(index),
            Err(_) => self.names.iter().position(|n| n.as_deref() == Some(name)),
        }
    }
}

fn collect_names(hir: &Hir, names: &mut [Option<String>]) {
    match hir.kind() {
        HirKind::Capture(capture) => {
            names[capture.index as usize] = capture.name.as_deref().map(str::to_owned);
            collect_names(&capture.sub, names);
        }
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for sub in subs {
                collect_names(sub, names);
            }
        }
        HirKind::Repetition(repetition) => collect_names(&repetition.sub, names),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
    }
}

/// How many times the most repeated piece of `hir` is repeated in all, nesting multiplied.
fn repetitions(hir: &Hir) -> u64 {
    match hir.kind() {
        HirKind::Repetition(repetition) => {
            let count = u64::from(repetition.max.unwrap_or(repetition.min).max(1));
            count.saturating_mul(repetitions(&repetition.sub))
        }
        HirKind::Capture(capture) => repetitions(&capture.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().map(repetitions).max().unwrap_or(1)
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => 1,
    }
}

/// Why a regex was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PatternError {
    /// The bytes of the regex at fault.
    pub at: Range<usize>,
    /// What is wrong, as `regex-syntax` or coquille says it.
    pub message: String,
}

/// A regex of a pack, compiled on first use.
#[derive(Debug)]
pub struct Pattern {
    source: String,
    groups: Groups,
    prefilter: Option<Prefilter>,
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// Checks `source` and finds its required literals; `prefilter`, when given, replaces
    /// them. Nothing is compiled yet.
    pub(super) fn parse(source: &str, prefilter: Option<&str>) -> Result<Self, PatternError> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(source)
            .map_err(|error| syntax_error(source, &error))?;
        if hir.properties().minimum_len() == Some(0) {
            return Err(PatternError {
                at: 0..source.len(),
                message: "this pattern can match empty text".to_owned(),
            });
        }
        let literals = match prefilter {
            Some(literal) => Some(vec![literal.as_bytes().to_vec()]),
            None => required_literals(&hir),
        };
        let regex = OnceLock::new();
        if repetitions(&hir) > LARGE_REPETITION {
            let compiled = Regex::new(source).map_err(|error| PatternError {
                at: 0..source.len(),
                message: match error {
                    regex::Error::CompiledTooBig(limit) => format!(
                        "this pattern is too big once compiled (over {} MB): repeat less",
                        limit >> 20
                    ),
                    other => other.to_string(),
                },
            })?;
            regex.get_or_init(|| Some(compiled));
        }
        Ok(Self {
            source: source.to_owned(),
            groups: Groups::of(&hir),
            prefilter: literals.map(Prefilter::new),
            regex,
        })
    }

    /// The regex as written in the pack.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The literals one of which every match contains, if the pattern has useful ones.
    pub fn literals(&self) -> Option<&[Vec<u8>]> {
        self.prefilter.as_ref().map(|p| p.literals.as_slice())
    }

    /// The anchors its literals are searched by in every text, if they have some.
    pub(super) fn anchors(&self) -> Option<&Anchors> {
        self.prefilter.as_ref()?.anchors.as_ref()
    }

    /// The regex, compiled now if need be: for a text known to hold one of its literals.
    pub(super) fn regex(&self) -> Option<&Regex> {
        // The syntax was checked at load, and patterns big enough for the size limit to
        // refuse them were compiled then.
        self.regex
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
    }

    /// Whether the regex has been compiled (by a text that held one of its literals).
    pub fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }

    pub(super) fn groups(&self) -> &Groups {
        &self.groups
    }

    /// The compiled regex if `text` may hold a match: `None`, without compiling anything,
    /// when `text` holds none of the pattern's required literals.
    pub(super) fn regex_for(&self, text: &str) -> Option<&Regex> {
        // Once compiled, the regex's own literal search is faster than searching the literals
        // one at a time, but not than searching them through a few anchors.
        let anchored = self.prefilter.as_ref().is_some_and(|p| p.anchors.is_some());
        if let (Some(compiled), false) = (self.regex.get(), anchored) {
            return compiled.as_ref();
        }
        if let Some(prefilter) = &self.prefilter {
            if !prefilter.may_match(text) {
                return None;
            }
        }
        self.regex()
    }
}

/// The required literals of a pattern, searched in every text through their anchors if they
/// have a few, else one at a time (`memmem`) until the searches have cost about what compiling
/// the regex does.
#[derive(Debug)]
struct Prefilter {
    literals: Vec<Vec<u8>>,
    anchors: Option<Anchors>,
    /// Bytes times literals searched so far.
    scanned: AtomicUsize,
}

impl Prefilter {
    fn new(literals: Vec<Vec<u8>>) -> Self {
        Self {
            anchors: Anchors::new(&literals),
            literals,
            scanned: AtomicUsize::new(0),
        }
    }

    /// Whether `text` holds a literal, or the regex had better be compiled anyway (a large
    /// text, or many texts already searched, for literals without anchors).
    fn may_match(&self, text: &str) -> bool {
        if let Some(anchors) = &self.anchors {
            return anchors.any_in(text.as_bytes());
        }
        let work = text.len() * self.literals.len();
        if self.scanned.fetch_add(work, Ordering::Relaxed) + work > SCAN_BUDGET {
            return true;
        }
        let bytes = text.as_bytes();
        self.literals
            .iter()
            .any(|literal| memchr::memmem::find(bytes, literal).is_some())
    }
}

/// The literals one of which every match of `hir` contains: its prefixes or its suffixes,
/// whichever are longest once [`shorten`]ed. `None` when every match need not contain a
/// literal of at least [`MIN_LITERAL_LEN`] bytes.
fn required_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .filter_map(|kind| {
            let seq = Extractor::new().kind(kind).extract(hir);
            shorten(
                &seq.literals()?
                    .iter()
                    .map(|l| l.as_bytes())
                    .collect::<Vec<_>>(),
            )
        })
        .max_by_key(|literals| {
            let shortest = literals.iter().map(Vec::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(literals.len()))
        })
}

/// At most [`MAX_LITERALS`] literals, as long as possible: each cut to its first bytes (part
/// of a required literal is required too), then without those that contain another (if `a`
/// is in `ab`, a text holding `ab` holds `a`).
fn shorten(literals: &[&[u8]]) -> Option<Vec<Vec<u8>>> {
    if literals.iter().any(|l| l.len() < MIN_LITERAL_LEN) {
        return None;
    }
    let mut sorted = literals.to_vec();
    sorted.sort_unstable();
    // Cutting keeps the order, so equal cuts are neighbours.
    let cut = |len: usize| sorted.iter().map(move |l| &l[..l.len().min(len)]);
    let distinct = |len: usize| {
        1 + cut(len)
            .zip(cut(len).skip(1))
            .filter(|(a, b)| a != b)
            .count()
    };
    let longest = sorted.iter().map(|l| l.len()).max()?;
    let len = (MIN_LITERAL_LEN..=longest)
        .rev()
        .find(|&len| distinct(len) <= MAX_LITERALS)?;
    let mut kept: Vec<&[u8]> = cut(len).collect();
    kept.dedup();
    Some(minimal(kept))
}

/// `literals` without those that contain another.
fn minimal(mut literals: Vec<&[u8]>) -> Vec<Vec<u8>> {
    literals.sort_by_key(|l| l.len());
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(literals.len());
    for literal in literals {
        // The first byte is compared before the rest: most windows differ there already.
        let holds = |short: &Vec<u8>| {
            literal
                .windows(short.len())
                .any(|w| w[0] == short[0] && w == short.as_slice())
        };
        if !kept.iter().any(holds) {
            kept.push(literal.to_vec());
        }
    }
    kept
}

/// The place and message of a `regex-syntax` error, its offsets into `source`.
fn syntax_error(source: &str, error: &regex_syntax::Error) -> PatternError {
    let (span, message) = match error {
        regex_syntax::Error::Parse(error) => (*error.span(), error.kind().to_string()),
        regex_syntax::Error::Translate(error) => (*error.span(), error.kind().to_string()),
        other => {
            return PatternError {
                at: 0..source.len(),
                message: other.to_string(),
            }
        }
    };
    PatternError {
        at: span.start.offset..span.end.offset.max(span.start.offset),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(source: &str) -> Option<Vec<String>> {
        let pattern = Pattern::parse(source, None).unwrap();
        pattern.literals().map(|literals| {
            literals
                .iter()
                .map(|l| String::from_utf8_lossy(l).into_owned())
                .collect()
        })
    }

    #[test]
    fn required_literals_are_the_longest_of_prefixes_and_suffixes() {
        assert_eq!(
            literals(r"(?-u:\b)E(tats?|coles?)(?-u:\b)").unwrap(),
            ["Etat", "Ecole"]
        );
        assert_eq!(literals(r"[0-9]+ ?%"), None, "`%` alone is too short");
        assert_eq!(
            literals(r"(?-u:\b)[0-9]+ pour cent").unwrap()[..2],
            ["0 pour cent", "1 pour cent"]
        );
        assert_eq!(literals(r"\w+"), None);
    }

    #[test]
    fn a_declared_prefilter_replaces_the_extracted_literals() {
        let pattern = Pattern::parse(r"[0-9]+ ?%", Some("%")).unwrap();
        assert_eq!(pattern.literals().unwrap(), [b"%".to_vec()]);
    }

    #[test]
    fn a_pattern_is_compiled_only_for_a_text_holding_its_literal() {
        let pattern = Pattern::parse(r"(?-u:\b)Etats?(?-u:\b)", None).unwrap();
        assert!(pattern.regex_for("Les États Membres").is_none());
        assert!(!pattern.is_compiled());
        assert!(pattern.regex_for("Les Etats Membres").is_some());
        assert!(pattern.is_compiled());
    }

    #[test]
    fn once_the_searches_cost_a_compilation_the_regex_is_compiled() {
        // A one-byte literal has no anchor: it is searched within the budget.
        let pattern = Pattern::parse(r"[0-9]+ ?%", Some("%")).unwrap();
        let page = "Les États Membres.\n".repeat(1000);
        let pages_worth_a_compilation = SCAN_BUDGET / page.len();
        for _ in 0..pages_worth_a_compilation {
            assert!(pattern.regex_for(&page).is_none());
        }
        assert!(pattern.regex_for(&page).is_some());
        assert!(pattern.is_compiled());
        let large = page.repeat(pages_worth_a_compilation + 1);
        let fresh = Pattern::parse(r"[0-9]+ ?%", Some("%")).unwrap();
        assert!(
            fresh.regex_for(&large).is_some(),
            "a large text is not searched"
        );
    }

    #[test]
    fn literals_with_anchors_are_searched_in_every_text() {
        let pattern = Pattern::parse(r"(?-u:\b)Etats?(?-u:\b)", None).unwrap();
        let page = "Les États Membres.\n".repeat(1000);
        for _ in 0..=SCAN_BUDGET / page.len() {
            assert!(pattern.regex_for(&page).is_none());
        }
        assert!(!pattern.is_compiled());
        assert!(pattern.regex_for("Les Etats Membres").is_some());
        assert!(pattern.regex_for(&page).is_none(), "even once compiled");
    }

    #[test]
    fn groups_are_found_by_index_and_name() {
        let pattern = Pattern::parse(r"(?P<n>[0-9]+)(è|e)(?P<s>s)?", None).unwrap();
        let groups = pattern.groups();
        assert_eq!(
            [groups.index("0"), groups.index("2"), groups.index("s")],
            [Some(0), Some(2), Some(3)]
        );
        assert_eq!([groups.index("4"), groups.index("x")], [None, None]);
    }

    #[test]
    fn errors_point_into_the_regex() {
        let error = Pattern::parse("a(b", None).unwrap_err();
        assert_eq!((error.at, error.message.as_str()), (1..2, "unclosed group"));
        let error = Pattern::parse("x|(?P<n>y)?", None).unwrap_err();
        assert_eq!(
            (error.at, error.message.as_str()),
            (0..11, "this pattern can match empty text")
        );
        let error = Pattern::parse(r"\p{Klingon}", None).unwrap_err();
        assert_eq!(
            (error.at, error.message.as_str()),
            (0..11, "Unicode property not found")
        );
    }
}
