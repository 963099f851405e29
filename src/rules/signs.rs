//! Finding a rule's signs in a text by their first UTF-8 byte with `memchr` (vector
//! instructions, up to three bytes a pass), instead of decoding every character as
//! `str::match_indices` does with a set of characters; and digits sixteen bytes at a time.

use memchr::{Memchr, Memchr2, Memchr3};

/// The offset and character of each of `signs` in `text`, in order: what
/// `text.match_indices(signs)` finds. `signs` start with at most six different bytes.
pub fn sign_indices<'a>(
    text: &'a str,
    signs: &'a [char],
) -> impl Iterator<Item = (usize, char)> + 'a {
    // On the stack: guillemets asks line by line.
    let mut first_bytes = [0; 6];
    let mut count = 0;
    for sign in signs {
        let byte = sign.encode_utf8(&mut [0; 4]).as_bytes()[0];
        if !first_bytes[..count].contains(&byte) {
            assert!(count < first_bytes.len(), "at most six first bytes");
            first_bytes[count] = byte;
            count += 1;
        }
    }
    let (left, right) = first_bytes[..count].split_at(count.min(3));
    let mut left = Offsets::new(left, text.as_bytes()).peekable();
    let mut right = Offsets::new(right, text.as_bytes()).peekable();
    std::iter::from_fn(move || loop {
        // The two passes look for different bytes: their offsets never meet.
        let start = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) if l > r => right.next(),
            (Some(_), _) => left.next(),
            (None, _) => right.next(),
        }?;
        // A first byte is never a continuation byte: `start` begins a character; an ASCII
        // one is the whole sign.
        let byte = text.as_bytes()[start];
        if byte.is_ascii() {
            return Some((start, char::from(byte)));
        }
        let c = text[start..].chars().next()?;
        if signs.contains(&c) {
            return Some((start, c));
        }
    })
}

/// The offsets of up to three bytes in a text, in order.
enum Offsets<'a> {
    None,
    One(Memchr<'a>),
    Two(Memchr2<'a>),
    Three(Memchr3<'a>),
}

impl<'a> Offsets<'a> {
    fn new(needles: &[u8], haystack: &'a [u8]) -> Self {
        match *needles {
            [] => Offsets::None,
            [a] => Offsets::One(Memchr::new(a, haystack)),
            [a, b] => Offsets::Two(Memchr2::new(a, b, haystack)),
            [a, b, c] => Offsets::Three(Memchr3::new(a, b, c, haystack)),
            _ => unreachable!("at most three needles"),
        }
    }
}

impl Iterator for Offsets<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            Offsets::None => None,
            Offsets::One(offsets) => offsets.next(),
            Offsets::Two(offsets) => offsets.next(),
            Offsets::Three(offsets) => offsets.next(),
        }
    }
}

/// A byte repeated in the sixteen bytes of a `u128`.
const fn repeated(byte: u8) -> u128 {
    u128::from_le_bytes([byte; 16])
}

/// The offset of the first ASCII digit of `bytes` from `from` on. Thirty-two bytes at a
/// time while none is a digit (a loop the compiler turns into vector instructions), then
/// sixteen bytes at a time in one `u128` to tell where: a byte `b` is a digit when
/// `x = b ^ 0x30` is below 10, that is when neither `x` nor `(x & 0x7F) + 0x76` has its high
/// bit set (no carry leaves a byte).
pub fn digit_from(bytes: &[u8], mut from: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(from..from + 32) {
        let Ok(chunk) = <&[u8; 32]>::try_from(chunk) else {
            break;
        };
        let any = chunk
            .iter()
            .fold(0, |any, &byte| any | u8::from(byte.is_ascii_digit()));
        if any != 0 {
            break;
        }
        from += 32;
    }
    while let Some(chunk) = bytes.get(from..from + 16) {
        let mut word = [0; 16];
        word.copy_from_slice(chunk);
        let x = u128::from_le_bytes(word) ^ repeated(0x30);
        let digits = !(((x & repeated(0x7F)) + repeated(0x76)) | x) & repeated(0x80);
        if digits != 0 {
            // Little-endian: the lowest set bit is in the first digit.
            return Some(from + (digits.trailing_zeros() / 8) as usize);
        }
        from += 16;
    }
    (from..bytes.len()).find(|&at| bytes[at].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{digit_from, sign_indices};

    #[test]
    fn finds_what_match_indices_finds() {
        let text = "« l'homme » ; “oui” — l’État: 10 % “» é\u{301} (a, b. c) ; d ? e !";
        let sets = [
            &[';', ':'][..],
            &['«', '»', '“', '”', '"'],
            &['\'', '’'],
            &[',', '.', ')', '(', ';', ':'],
            &[';', ':', '!', '?'],
            &[],
        ];
        for signs in sets {
            let expected: Vec<(usize, char)> = text
                .match_indices(signs)
                .map(|(at, s)| (at, s.chars().next().unwrap()))
                .collect();
            assert_eq!(sign_indices(text, signs).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn finds_the_first_digit() {
        let text = "la coopération internationale, en 1997 et 2001".as_bytes();
        assert_eq!(digit_from(text, 0), Some(35));
        assert_eq!(digit_from(text, 39), Some(43));
        assert_eq!(digit_from(text, 47), None);
        for byte in 0..=u8::MAX {
            let mut text = [b'a'; 40];
            for at in [3, 17, 39] {
                text[at] = byte;
            }
            let expected = byte.is_ascii_digit().then_some(3);
            assert_eq!(digit_from(&text, 0), expected, "{byte:#x}");
            assert_eq!(digit_from(&text, 4), expected.map(|_| 17), "{byte:#x}");
            assert_eq!(digit_from(&text, 18), expected.map(|_| 39), "{byte:#x}");
        }
    }
}
