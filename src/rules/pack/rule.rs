//! A rule of a pack: patterns whose matches are findings, unless they touch a symbol, a URL
//! or code, or an exception matches there.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::Document;
use crate::rules::{Rule, RuleMeta};
use crate::settings::Settings;
use crate::span::Span;

use super::anchors::Gate;
use super::pattern::Pattern;
use super::template::Template;

/// A rule read from a pack.
#[derive(Debug)]
pub struct PackRule {
    pub(super) meta: &'static RuleMeta,
    pub(super) cases: Vec<Case>,
    pub(super) exceptions: Vec<Pattern>,
    pub(super) applicability: Applicability,
    pub(super) fixed: Vec<Option<&'static str>>,
    /// The anchors of the patterns that have some, searched together.
    pub(super) gate: Gate,
}

/// One pattern of a rule with what to say and do about its matches.
#[derive(Debug)]
pub(super) struct Case {
    pub pattern: Pattern,
    /// The group named `mark`, which narrows the finding to part of the match.
    pub mark: Option<usize>,
    pub message: Template,
    pub help: Option<Template>,
    pub fix: Option<Template>,
}

impl PackRule {
    /// The rule's patterns, in the order of the pack.
    pub fn patterns(&self) -> impl Iterator<Item = &Pattern> {
        self.cases.iter().map(|case| &case.pattern)
    }

    /// Whether an exception matches on the line(s) of `span` over at least one of its bytes.
    fn is_excepted(&self, document: &Document, span: Span) -> bool {
        if self.exceptions.is_empty() {
            return false;
        }
        let lines = &document.lines;
        let start = lines.line_start(lines.line_of(span.start));
        let last = lines.line_of(span.end.max(span.start + 1) - 1);
        let end = if last + 1 < lines.line_count() {
            lines.line_start(last + 1)
        } else {
            document.source.len()
        };
        let line = &document.source[start..end];
        self.exceptions.iter().any(|exception| {
            exception.regex_for(line).is_some_and(|regex| {
                regex
                    .find_iter(line)
                    .any(|m| start + m.start() < span.end && start + m.end() > span.start)
            })
        })
    }
}

impl Rule for PackRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn check(&self, document: &Document, _settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
        let first = diagnostics.len();
        let text = document.source;
        let holding = self.gate.holding(text.as_bytes());
        for (case, holds) in self.cases.iter().zip(holding) {
            let regex = match case.pattern.anchors() {
                Some(_) if !holds => continue,
                Some(_) => case.pattern.regex(),
                None => case.pattern.regex_for(text),
            };
            let Some(regex) = regex else {
                continue;
            };
            for captures in regex.captures_iter(text) {
                let whole = captures.get(0).expect("group 0 is the whole match");
                if document.overlaps_verbatim(Span::new(whole.start(), whole.end())) {
                    continue;
                }
                let flagged = case.mark.and_then(|i| captures.get(i)).unwrap_or(whole);
                let span = Span::new(flagged.start(), flagged.end());
                let fix = case.fix.as_ref().map(|fix| fix.expand(&captures, None));
                if fix.as_deref() == Some(flagged.as_str()) || self.is_excepted(document, span) {
                    continue;
                }
                let message = case.message.expand(&captures, fix.as_deref());
                let help = match (&case.help, &fix) {
                    (Some(help), _) => Some(help.expand(&captures, fix.as_deref())),
                    (None, Some(fix)) => Some(format!("Remplacez par « {fix} ».")),
                    (None, None) => None,
                };
                let mut diagnostic = self.meta.diagnostic(span, message);
                if let Some(help) = help {
                    diagnostic = diagnostic.with_help(help);
                }
                if let Some(fix) = fix {
                    diagnostic = diagnostic.with_fix(Fix::single(self.applicability, span, fix));
                }
                diagnostics.push(diagnostic);
            }
        }
        if self.cases.len() > 1 {
            // Two patterns of one rule may flag the same characters: report them once.
            let mut found = diagnostics.split_off(first);
            found.sort_by_key(|d| (d.span.start, d.span.end));
            found.dedup_by_key(|d| d.span);
            diagnostics.extend(found);
        }
    }

    fn example_fixed(&self, index: usize) -> Option<&'static str> {
        self.fixed.get(index).copied().flatten()
    }
}
