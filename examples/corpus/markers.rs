//! Where the injected faults are: each gets an invisible marker character at the first
//! byte of the finding it must cause; once the text is laid out, the markers are taken out
//! and their offsets recorded.

/// An injected fault: the rule that must find it, and where its finding starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The rule id (`footnote-order`).
    pub rule: &'static str,
    /// Byte offset of the start of the expected finding in the generated text.
    pub offset: usize,
}

/// Markers are taken from Supplementary Private Use Area-A, which no real text uses.
const FIRST: u32 = 0xF_0000;
const LAST: u32 = 0xF_FFFD;

/// The faults injected so far, each with its marker.
#[derive(Debug, Default)]
pub struct Markers {
    rules: Vec<&'static str>,
}

impl Markers {
    /// A new marker for a fault of `rule`; `None` when no marker is left.
    pub fn add(&mut self, rule: &'static str) -> Option<char> {
        let marker =
            char::from_u32(FIRST + self.rules.len() as u32).filter(|&c| c as u32 <= LAST)?;
        self.rules.push(rule);
        Some(marker)
    }

    /// Whether `c` is a marker.
    pub fn is_marker(c: char) -> bool {
        (FIRST..=LAST).contains(&(c as u32))
    }

    /// `text` without its markers, and the faults at their offsets, in text order.
    pub fn locate(self, text: &str) -> (String, Vec<Fault>) {
        let mut out = String::with_capacity(text.len());
        let mut faults = Vec::with_capacity(self.rules.len());
        for c in text.chars() {
            match c as u32 {
                code @ FIRST..=LAST => faults.push(Fault {
                    rule: self.rules[(code - FIRST) as usize],
                    offset: out.len(),
                }),
                _ => out.push(c),
            }
        }
        (out, faults)
    }
}
