//! Text that typography rules must leave as it is: document symbols (`A/RES/55/109`,
//! `E/CN.4/Sub.2/1997/50`), URLs, e-mail addresses and Markdown code spans.

use crate::span::Span;

/// The verbatim spans of `source`, sorted and disjoint.
pub(super) fn find_verbatim(source: &str) -> Vec<Span> {
    let bytes = source.as_bytes();
    let mut spans: Vec<Span> = Vec::new();
    for at in memchr::memchr3_iter(b'/', b'@', b'`', bytes) {
        if spans.last().is_some_and(|last| at < last.end) {
            continue;
        }
        let found = if bytes[at] == b'`' {
            code_span(source, at)
        } else {
            let token = token_around(source, at);
            let text = token.text(source);
            let verbatim = if bytes[at] == b'@' {
                is_email(text)
            } else {
                is_url(text) || is_symbol(text)
            };
            verbatim.then_some(token)
        };
        spans.extend(found);
    }
    spans
}

/// `spans` (sorted and disjoint) with `more` (sorted) added, still sorted and disjoint.
pub(super) fn merged(spans: Vec<Span>, more: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut all: Vec<Span> = spans.into_iter().chain(more).collect();
    all.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(all.len());
    for span in all {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// `` `code` `` on one line.
fn code_span(source: &str, at: usize) -> Option<Span> {
    let rest = &source[at + 1..];
    let end = rest.find(['`', '\n'])?;
    rest[end..]
        .starts_with('`')
        .then(|| Span::new(at, at + 1 + end + 1))
}

/// The run of non-space characters around byte `at`, without the punctuation that closes a
/// sentence or a bracket after it.
fn token_around(source: &str, at: usize) -> Span {
    let bytes = source.as_bytes();
    // Byte by byte, decoding only the characters outside ASCII.
    let mut start = at;
    while let Some(&byte) = start.checked_sub(1).map(|i| &bytes[i]) {
        start -= match byte {
            b'(' => break,
            _ if byte.is_ascii() && is_space(byte) => break,
            _ if byte.is_ascii() => 1,
            _ => match source[..start].chars().next_back() {
                Some(c) if c.is_whitespace() || c == '«' => break,
                Some(c) => c.len_utf8(),
                None => break,
            },
        };
    }
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        end += match byte {
            _ if byte.is_ascii() && is_space(byte) => break,
            _ if byte.is_ascii() => 1,
            _ => match source[end..].chars().next() {
                Some(c) if c.is_whitespace() => break,
                Some(c) => c.len_utf8(),
                None => break,
            },
        };
    }
    let token = &source[start..end];
    let trimmed = token.trim_end_matches([',', ';', ':', '.', ')', '»', '*', '!', '?']);
    Span::new(start, start + trimmed.len())
}

/// The ASCII characters [`char::is_whitespace`] takes: tab to carriage return, space.
fn is_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

fn is_url(token: &str) -> bool {
    // Tokens are short: a plain look at each place beats setting up a substring search.
    token.as_bytes().windows(3).any(|w| w == b"://") || token.starts_with("www.")
}

fn is_email(token: &str) -> bool {
    let Some((user, domain)) = token.split_once('@') else {
        return false;
    };
    !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
}

/// A UN document symbol: a capitalised body code then slash-separated parts
/// (`A/RES/55/109`, `E/CN.4/2001/2-E/CN.4/Sub.2/2000/46`, `A/CONF.157/24`).
fn is_symbol(token: &str) -> bool {
    let Some((body, rest)) = token.split_once('/') else {
        return false;
    };
    let body_code = body.split('.').next().unwrap_or("");
    !body_code.is_empty()
        && body_code.len() <= 6
        && body_code.bytes().all(|b| b.is_ascii_uppercase())
        && !rest.is_empty()
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"./-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbatim(source: &str) -> Vec<&str> {
        find_verbatim(source)
            .into_iter()
            .map(|s| s.text(source))
            .collect()
    }

    #[test]
    fn symbols_urls_addresses_and_code() {
        assert_eq!(
            verbatim("Voir E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, et (A/CONF.157/24)."),
            ["E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", "A/CONF.157/24"]
        );
        assert_eq!(
            verbatim("Voir https://undocs.org/fr/A/RES/55/109; écrire à info@un.org."),
            ["https://undocs.org/fr/A/RES/55/109", "info@un.org"]
        );
        assert_eq!(
            verbatim("la commande `coquille check`; puis"),
            ["`coquille check`"]
        );
        assert_eq!(
            verbatim("la résolution 2000/70 et 1 / 2 et et/ou"),
            Vec::<&str>::new()
        );
        assert_eq!(
            verbatim("«A/55/1»\u{A0}(E/1997/23)\u{2028}A/RES/1\u{B}A/C.3/L.2é"),
            ["A/55/1", "E/1997/23", "A/RES/1"]
        );
    }
}
