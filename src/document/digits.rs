//! Where the runs of ASCII digits of a text start: found in one pass when the text is parsed,
//! then read by the dates and by each rule about numbers, going forward with a
//! [`DigitCursor`] (three passes over every byte before).

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

/// The first ASCII digit at or after `at`, sixteen bytes at a time: most of a text is
/// letters.
pub(super) fn next_digit(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = bytes.get(at..)?;
    let mut chunks = rest.chunks_exact(16);
    for (index, chunk) in chunks.by_ref().enumerate() {
        let (low, high) = chunk.split_at(8);
        let low = digit_bits(u64::from_le_bytes(low.try_into().expect("eight bytes")));
        let high = digit_bits(u64::from_le_bytes(high.try_into().expect("eight bytes")));
        if low | high != 0 {
            let within = match low {
                0 => 8 + high.trailing_zeros() / 8,
                _ => low.trailing_zeros() / 8,
            };
            return Some(at + index * 16 + within as usize);
        }
    }
    let tail = chunks.remainder();
    let tail_start = at + rest.len() - tail.len();
    tail.iter()
        .position(u8::is_ascii_digit)
        .map(|i| tail_start + i)
}

/// The high bit of each byte of `word` that is an ASCII digit: Bit Twiddling Hacks'
/// `hasbetween(word, b'0' - 1, b'9' + 1)`, exact for each byte (no borrow or carry crosses
/// bytes; bytes of 0x80 and above never match).
fn digit_bits(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = word & (ONES * 127);
    (ONES * (127 + 0x3A)).wrapping_sub(low7) & !word & (low7 + ONES * (127 - 0x2F)) & (ONES * 128)
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

    #[test]
    fn the_digit_finder_agrees_with_a_byte_loop() {
        let text = "é9 abcdefgh0123456789/:;@`\u{0}\u{7f}ÿ€ 12 ab9".as_bytes();
        for start in 0..=text.len() {
            let expected = (start..text.len()).find(|&i| text[i].is_ascii_digit());
            assert_eq!(next_digit(text, start), expected, "from {start}");
        }
        for byte in 0..=255u8 {
            let chunk = [b'a', b'a', b'a', byte, b'a', b'a', b'a', b'a', b'a'];
            let expected = byte.is_ascii_digit().then_some(3);
            assert_eq!(next_digit(&chunk, 0), expected, "{byte:#x}");
        }
    }
}
