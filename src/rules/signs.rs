//! Finding a rule's signs in a text by their first UTF-8 byte with `memchr` (vector
//! instructions, up to three bytes a pass), instead of decoding every character as
//! `str::match_indices` does with a set of characters.

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

#[cfg(test)]
mod tests {
    use super::sign_indices;

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
}
