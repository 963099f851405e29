//! `<!-- coquille-disable … -->` comments: the stretches of text where some findings are
//! not wanted. Found once per document; applied after the rules run.

use crate::span::Span;

/// How a suppression comment reaches its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// `coquille-disable`: up to the matching `coquille-enable`, or the end of the text.
    Disable,
    /// `coquille-disable-next-line`: the line after the comment's.
    NextLine,
}

/// A comment that turns rules off over a stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression<'a> {
    /// The comment, `<!--` to `-->`.
    pub comment: Span,
    /// Which comment it is.
    pub kind: SuppressionKind,
    /// The rule ids or groups named; empty for every rule.
    pub names: Vec<&'a str>,
    /// The text where the findings of those rules are dropped.
    pub range: Span,
}

impl Suppression<'_> {
    /// Whether the comment names `id` or `group`, or names nothing (every rule).
    pub fn names_rule(&self, id: &str, group: Option<&str>) -> bool {
        self.names.is_empty() || self.names.iter().any(|n| *n == id || Some(*n) == group)
    }
}

/// The suppressions of `source`, in order, and every `coquille-` comment (the
/// `coquille-enable` ones too): the parse takes them for blank lines and the typography
/// rules leave them alone.
pub(super) fn find_suppressions(source: &str) -> (Vec<Suppression<'_>>, Vec<Span>) {
    let mut found: Vec<Suppression> = Vec::new();
    let mut comments = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // `<` is rare in a resolution: each one found is looked at, rather than searching for
    // the four bytes.
    let bytes = source.as_bytes();
    let starts = memchr::memchr_iter(b'<', bytes).filter(|&at| bytes[at..].starts_with(b"<!--"));
    for start in starts {
        let Some(length) = source[start..].find("-->") else {
            break;
        };
        let comment = Span::new(start, start + length + 3);
        let inner = source[start + 4..start + length].trim();
        let Some(directive) = inner.strip_prefix("coquille-") else {
            continue;
        };
        comments.push(comment);
        let (word, rest) = directive
            .split_once(char::is_whitespace)
            .unwrap_or((directive, ""));
        let names: Vec<&str> = rest
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|n| !n.is_empty())
            .collect();
        match word {
            "disable" => {
                open.push(found.len());
                found.push(Suppression {
                    comment,
                    kind: SuppressionKind::Disable,
                    names,
                    range: Span::new(comment.end, source.len()),
                });
            }
            "disable-next-line" => {
                let next = line_end(source, comment.end);
                found.push(Suppression {
                    comment,
                    kind: SuppressionKind::NextLine,
                    names,
                    range: Span::new(next, line_end(source, next)),
                });
            }
            "enable" => open.retain(|&index| {
                let disable = &mut found[index];
                let closes =
                    names.is_empty() || disable.names.iter().any(|name| names.contains(name));
                if closes {
                    disable.range.end = comment.start;
                }
                !closes
            }),
            _ => {}
        }
    }
    (found, comments)
}

/// The offset just past the line break that ends the line holding `offset`.
fn line_end(source: &str, offset: usize) -> usize {
    source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(source: &str) -> Vec<(&str, Vec<&str>)> {
        find_suppressions(source)
            .0
            .iter()
            .map(|s| (s.range.text(source), s.names.clone()))
            .collect()
    }

    #[test]
    fn disable_runs_to_the_matching_enable_or_the_end() {
        let text = "a\n<!-- coquille-disable x, y -->\nb\n<!-- coquille-enable y -->\nc\n<!-- coquille-disable -->\nd\n";
        assert_eq!(ranges(text), [("\nb\n", vec!["x", "y"]), ("\nd\n", vec![])]);
    }

    #[test]
    fn next_line_covers_the_following_line_only() {
        let text = "<!-- coquille-disable-next-line ocr -->\nb\nc\n";
        assert_eq!(ranges(text), [("b\n", vec!["ocr"])]);
    }

    #[test]
    fn other_comments_are_not_suppressions() {
        assert_eq!(ranges("<!-- note -->\n<!-- coquille-disable"), []);
    }
}
