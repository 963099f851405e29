//! Where the runs of ASCII digits of a text start: found in one pass when the text is parsed,
//! then read by the dates and by each rule about numbers, going forward with a
//! [`DigitCursor`] (three passes over every byte before).

use super::dates::next_digit;

/// The offsets where the runs of ASCII digits of `bytes` start, in order.
pub(super) fn digit_run_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(start) = next_digit(bytes, at) {
        starts.push(start);
        at = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
    }
    starts
}

/// The first ASCII digit at or after an offset, for offsets asked in increasing order (the
/// cursor goes back by binary search when they are not).
#[derive(Debug, Clone)]
pub struct DigitCursor<'a> {
    bytes: &'a [u8],
    starts: &'a [usize],
    /// The first of `starts` not before the offset asked last.
    next: usize,
    last_asked: usize,
}

impl<'a> DigitCursor<'a> {
    /// A cursor over `bytes`, whose digit runs start at `starts` ([`digit_run_starts`]).
    pub(super) fn new(bytes: &'a [u8], starts: &'a [usize]) -> Self {
        Self {
            bytes,
            starts,
            next: 0,
            last_asked: 0,
        }
    }

    /// The offset of the first ASCII digit at or after `at`: `at` itself inside a run of
    /// digits, else the start of the next run.
    pub fn digit_from(&mut self, at: usize) -> Option<usize> {
        if self.bytes.get(at).is_some_and(u8::is_ascii_digit) {
            return Some(at);
        }
        if at < self.last_asked {
            self.next = self.starts.partition_point(|&start| start < at);
        }
        self.last_asked = at;
        while self.starts.get(self.next).is_some_and(|&start| start < at) {
            self.next += 1;
        }
        self.starts.get(self.next).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a scan from `at` finds.
    fn scanned(bytes: &[u8], at: usize) -> Option<usize> {
        (at..bytes.len()).find(|&i| bytes[i].is_ascii_digit())
    }

    #[test]
    fn the_cursor_finds_what_a_scan_finds_in_any_order() {
        let text = "le 12 décembre 1997, 3e séance : 45/67 12345 x9y 0".repeat(3) + "fin 1";
        let bytes = text.as_bytes();
        let starts = digit_run_starts(bytes);
        assert_eq!(starts[..4], [3, 16, 22, 35]);
        let mut cursor = DigitCursor::new(bytes, &starts);
        let forwards = 0..=bytes.len() + 1;
        let backwards = (0..=bytes.len()).rev().step_by(7);
        for at in forwards.chain(backwards) {
            assert_eq!(cursor.digit_from(at), scanned(bytes, at), "from {at}");
        }
    }

    #[test]
    fn a_text_without_digits_has_no_runs() {
        assert!(digit_run_starts("aucun chiffre, é ; «\u{A0}»".as_bytes()).is_empty());
        assert!(digit_run_starts(b"").is_empty());
    }
}
