//! Templates that quote a match: messages (`« {0} »`, `{name}`, `{fix}`) and fixes (`$1`,
//! `${name}`), checked against the pattern's groups when the pack is loaded.

use std::ops::Range;

use regex::Captures;

use super::pattern::Groups;

/// How a template names a capture group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Syntax {
    /// `{0}`, `{name}`, `{fix}`; `{{` and `}}` are braces.
    Message,
    /// `$1`, `${name}`, `$name`; `$$` is a dollar sign (as in the `regex` crate).
    Fix,
}

/// A template resolved against one pattern: ready to expand on its matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Template {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Group(usize),
    Fix,
}

/// Why a template cannot be used, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TemplateError {
    /// The bytes of the template at fault.
    pub at: Range<usize>,
    /// What is wrong.
    pub kind: TemplateErrorKind,
}

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TemplateErrorKind {
    /// `{` without its `}`.
    Unclosed,
    /// `}` without its `{`.
    StrayBrace,
    /// `$` followed by neither a group nor `$`.
    StrayDollar,
    /// A group the pattern does not have.
    UnknownGroup(String),
    /// `{fix}` in a message of a pattern that has no fix.
    NoFix,
}

impl Template {
    /// Parses `text` and resolves its group names against `groups`; `has_fix` tells whether
    /// `{fix}` may be used.
    pub fn parse(
        text: &str,
        syntax: Syntax,
        groups: &Groups,
        has_fix: bool,
    ) -> Result<Self, TemplateError> {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut rest = text.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            let reference = match (syntax, c) {
                (Syntax::Message, '{' | '}') | (Syntax::Fix, '$')
                    if rest.peek().map(|&(_, n)| n) == Some(c) =>
                {
                    rest.next();
                    None
                }
                (Syntax::Message, '{') => {
                    let close = text[at..].find('}').ok_or(TemplateError {
                        at: at..at + 1,
                        kind: TemplateErrorKind::Unclosed,
                    })?;
                    while rest.next_if(|&(i, _)| i <= at + close).is_some() {}
                    Some((at..at + close + 1, &text[at + 1..at + close]))
                }
                (Syntax::Message, '}') => {
                    return Err(TemplateError {
                        at: at..at + 1,
                        kind: TemplateErrorKind::StrayBrace,
                    })
                }
                (Syntax::Fix, '$') => {
                    let (range, name) = dollar_reference(text, at);
                    while rest.next_if(|&(i, _)| i < range.end).is_some() {}
                    Some((range, name))
                }
                _ => None,
            };
            let Some((range, name)) = reference else {
                literal.push(c);
                continue;
            };
            if name.is_empty() && syntax == Syntax::Fix {
                return Err(TemplateError {
                    at: range,
                    kind: TemplateErrorKind::StrayDollar,
                });
            }
            let piece = if syntax == Syntax::Message && name == "fix" {
                if !has_fix {
                    return Err(TemplateError {
                        at: range,
                        kind: TemplateErrorKind::NoFix,
                    });
                }
                Piece::Fix
            } else {
                Piece::Group(groups.index(name).ok_or_else(|| TemplateError {
                    at: range.clone(),
                    kind: TemplateErrorKind::UnknownGroup(name.to_owned()),
                })?)
            };
            if !literal.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut literal)));
            }
            pieces.push(piece);
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Self { pieces })
    }

    /// The template with each group replaced by its text in `captures` (empty when the group
    /// did not take part in the match) and `{fix}` by `fix`.
    pub fn expand(&self, captures: &Captures, fix: Option<&str>) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Group(index) => {
                    out.push_str(captures.get(*index).map_or("", |m| m.as_str()));
                }
                Piece::Fix => out.push_str(fix.unwrap_or_default()),
            }
        }
        out
    }
}

/// The reference starting with the `$` at byte `at` (`${name}` or `$name`, the longest run
/// of letters, digits and `_`); a `$` followed by neither has an empty name.
fn dollar_reference(text: &str, at: usize) -> (Range<usize>, &str) {
    let after = &text[at + 1..];
    if let Some(braced) = after.strip_prefix('{') {
        return match braced.find('}') {
            Some(close) => (at..at + close + 3, &braced[..close]),
            None => (at..at + 1, ""),
        };
    }
    let len = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    (at..at + 1 + len, &after[..len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pack::pattern::Groups;

    fn groups() -> Groups {
        Groups::of(&regex_syntax::parse(r"(?P<n>[0-9]+)(è)(?P<s>s?)").unwrap())
    }

    fn expand(template: &str, syntax: Syntax, text: &str) -> String {
        let regex = regex::Regex::new(r"(?P<n>[0-9]+)(è)(?P<s>s?)").unwrap();
        let captures = regex.captures(text).unwrap();
        Template::parse(template, syntax, &groups(), true)
            .unwrap()
            .expand(&captures, Some("2e"))
    }

    fn error(template: &str, syntax: Syntax) -> (Range<usize>, TemplateErrorKind) {
        let error = Template::parse(template, syntax, &groups(), false).unwrap_err();
        (error.at, error.kind)
    }

    #[test]
    fn messages_quote_groups_by_index_or_name_and_the_fix() {
        assert_eq!(
            expand(
                "« {0} » ({n}, {2}{s}) → « {fix} » {{ok}}",
                Syntax::Message,
                "2è"
            ),
            "« 2è » (2, è) → « 2e » {ok}"
        );
    }

    #[test]
    fn fixes_use_dollar_references_as_the_regex_crate_does() {
        assert_eq!(expand("${n}e$s $$1 $2", Syntax::Fix, "12ès"), "12es $1 è");
    }

    #[test]
    fn faults_point_at_their_bytes() {
        use TemplateErrorKind::*;
        assert_eq!(
            error("« {nn} »", Syntax::Message),
            (3..7, UnknownGroup("nn".into()))
        );
        assert_eq!(error("a {0", Syntax::Message), (2..3, Unclosed));
        assert_eq!(error("a } b", Syntax::Message), (2..3, StrayBrace));
        assert_eq!(error("voir {fix}", Syntax::Message), (5..10, NoFix));
        assert_eq!(
            error("${num}e", Syntax::Fix),
            (0..6, UnknownGroup("num".into()))
        );
        assert_eq!(error("$1a", Syntax::Fix), (0..3, UnknownGroup("1a".into())));
        assert_eq!(error("$4", Syntax::Fix), (0..2, UnknownGroup("4".into())));
        assert_eq!(error("US$ 3", Syntax::Fix), (2..3, StrayDollar));
        assert_eq!(error("${n", Syntax::Fix), (0..1, StrayDollar));
    }
}
