//! Finding a rule's signs in a text by their first UTF-8 byte, instead of decoding every
//! character as `str::match_indices` does with a set of characters.

/// The offset and character of each of `signs` in `text`, in order: what
/// `text.match_indices(signs)` finds.
pub fn sign_indices<'a>(
    text: &'a str,
    signs: &'a [char],
) -> impl Iterator<Item = (usize, char)> + 'a {
    let mut first_bytes = [false; 256];
    for &sign in signs {
        let mut buffer = [0; 4];
        first_bytes[usize::from(sign.encode_utf8(&mut buffer).as_bytes()[0])] = true;
    }
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let skip = text.as_bytes()[at..]
            .iter()
            .position(|&byte| first_bytes[usize::from(byte)])?;
        // A first byte is never a continuation byte: `start` begins a character.
        let start = at + skip;
        let c = text[start..].chars().next()?;
        at = start + 1;
        if signs.contains(&c) {
            return Some((start, c));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::sign_indices;

    #[test]
    fn finds_what_match_indices_finds() {
        let text = "« l'homme » ; “oui” — l’État: 10 % “» é\u{301}";
        for signs in [&[';', ':'][..], &['«', '»', '“', '”', '"'], &['\'', '’']] {
            let expected: Vec<(usize, char)> = text
                .match_indices(signs)
                .map(|(at, s)| (at, s.chars().next().unwrap()))
                .collect();
            assert_eq!(sign_indices(text, signs).collect::<Vec<_>>(), expected);
        }
    }
}
