//! From a pack's TOML to its rules: every fault found here, with its place in the file.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::diagnostic::Applicability;
use crate::rules::{Example, FixAvailability, RuleMeta};
use crate::span::Span;

use super::anchors::Gate;
use super::error::{Fault, InvalidPack};
use super::pattern::{Pattern, PatternError};
use super::rule::{Case, PackRule};
use super::schema::{PackSpec, PatternSpec, RuleSpec};
use super::template::{Syntax, Template, TemplateError, TemplateErrorKind};

/// A rule of a pack and where its id is written.
pub(super) struct Loaded {
    pub rule: PackRule,
    pub id: Span,
}

/// The rules of the pack `name` whose TOML is `text`.
pub(super) fn load(name: &str, text: &str) -> Result<Vec<Loaded>, Box<InvalidPack>> {
    let toml = Toml { name, text };
    let spec: PackSpec = toml::from_str(text).map_err(|error| {
        let span = error.span().map_or(Span::default(), span);
        toml.fault(span, Fault::Toml(error.message().to_owned()))
    })?;
    let mut ids: HashMap<String, Span> = HashMap::new();
    let mut rules = Vec::with_capacity(spec.rule.len());
    for rule in spec.rule {
        let table = span(rule.span());
        let rule = rule.into_inner();
        let id = span(rule.id.span());
        if !is_kebab_case(rule.id.get_ref()) {
            return Err(toml.fault(id, Fault::InvalidId(rule.id.into_inner())));
        }
        if let Some(&first) = ids.get(rule.id.get_ref()) {
            return Err(toml
                .fault(id, Fault::DuplicateId(rule.id.into_inner()))
                .with_related(first, "first defined here"));
        }
        ids.insert(rule.id.get_ref().clone(), id);
        rules.push(Loaded {
            rule: toml.rule(rule, table)?,
            id,
        });
    }
    Ok(rules)
}

/// A regex as written in the pack, with its own fix and prefilter if it has them.
struct PatternSource {
    regex: Spanned<String>,
    fix: Option<Spanned<String>>,
    prefilter: Option<String>,
}

/// The pack's text, to point into it.
struct Toml<'a> {
    name: &'a str,
    text: &'a str,
}

impl Toml<'_> {
    fn fault(&self, span: Span, fault: Fault) -> Box<InvalidPack> {
        Box::new(InvalidPack::new(self.name, self.text, span, fault))
    }

    /// The bytes of the TOML holding bytes `inner` of the string `value`: exact when the
    /// string is written without escapes, the whole string otherwise.
    fn within(&self, value: &Spanned<String>, inner: Range<usize>) -> Span {
        let whole = span(value.span());
        let raw = whole.text(self.text);
        ["'''", "\"\"\"", "'", "\""]
            .into_iter()
            .find(|quote| {
                raw.strip_prefix(quote)
                    .and_then(|r| r.strip_suffix(quote))
                    .is_some_and(|body| body == value.get_ref())
            })
            .map_or(whole, |quote| {
                Span::new(
                    whole.start + quote.len() + inner.start,
                    whole.start + quote.len() + inner.end,
                )
            })
    }

    fn rule(&self, spec: RuleSpec, table: Span) -> Result<PackRule, Box<InvalidPack>> {
        let sources = self.pattern_sources(&spec, table)?;
        let has_fix = sources.iter().any(|s| s.fix.is_some());
        if let (Some(applicability), false) = (&spec.applicability, has_fix) {
            return Err(self.fault(span(applicability.span()), Fault::ApplicabilityWithoutFix));
        }
        let cases = sources
            .into_iter()
            .map(|source| self.case(source, &spec))
            .collect::<Result<Vec<_>, _>>()?;
        let exceptions = spec
            .exceptions
            .iter()
            .map(|exception| self.pattern(exception, None))
            .collect::<Result<Vec<_>, _>>()?;
        let mut examples = Vec::with_capacity(spec.examples.len());
        let mut fixed = Vec::with_capacity(spec.examples.len());
        for example in spec.examples {
            if let (Some(text), false) = (&example.fixed, has_fix) {
                return Err(self.fault(span(text.span()), Fault::FixedWithoutFix));
            }
            examples.push(Example {
                bad: example.bad.leak(),
                good: example.good.leak(),
            });
            fixed.push(example.fixed.map(|f| &*f.into_inner().leak()));
        }
        let applicability = spec
            .applicability
            .map_or(Applicability::Safe, Spanned::into_inner);
        let meta = RuleMeta {
            id: spec.id.into_inner().leak(),
            group: spec.group,
            severity: spec.severity,
            fix: match (has_fix, applicability) {
                (false, _) => FixAvailability::None,
                (true, Applicability::Safe) => FixAvailability::Safe,
                (true, Applicability::Unsafe) => FixAvailability::Unsafe,
            },
            summary: spec.summary.leak(),
            explanation: spec.explanation.leak(),
            examples: examples.leak(),
        };
        let anchors: Vec<_> = cases.iter().map(|case| case.pattern.anchors()).collect();
        Ok(PackRule {
            meta: Box::leak(Box::new(meta)),
            gate: Gate::new(&anchors),
            cases,
            exceptions,
            applicability,
            fixed,
        })
    }

    /// `pattern` or the items of `patterns`, each with the rule's fix and prefilter unless
    /// it has its own.
    fn pattern_sources(
        &self,
        spec: &RuleSpec,
        table: Span,
    ) -> Result<Vec<PatternSource>, Box<InvalidPack>> {
        let with_defaults =
            |regex: Spanned<String>, fix: Option<Spanned<String>>, prefilter: Option<String>| {
                PatternSource {
                    regex,
                    fix: fix.or_else(|| spec.fix.clone()),
                    prefilter: prefilter.or_else(|| spec.prefilter.clone()),
                }
            };
        match (&spec.pattern, &spec.patterns) {
            (None, None) => Err(self.fault(table, Fault::NoPattern)),
            (Some(pattern), Some(_)) => Err(self.fault(span(pattern.span()), Fault::BothPatterns)),
            (Some(pattern), None) => Ok(vec![with_defaults(pattern.clone(), None, None)]),
            (None, Some(patterns)) if patterns.get_ref().is_empty() => {
                Err(self.fault(span(patterns.span()), Fault::EmptyPatterns))
            }
            (None, Some(patterns)) => Ok(patterns
                .get_ref()
                .iter()
                .map(|item| match item.get_ref() {
                    PatternSpec::Regex(regex) => {
                        with_defaults(Spanned::new(item.span(), regex.clone()), None, None)
                    }
                    PatternSpec::Table(table) => with_defaults(
                        table.regex.clone(),
                        table.fix.clone(),
                        table.prefilter.clone(),
                    ),
                })
                .collect()),
        }
    }

    fn pattern(
        &self,
        regex: &Spanned<String>,
        prefilter: Option<&str>,
    ) -> Result<Pattern, Box<InvalidPack>> {
        Pattern::parse(regex.get_ref(), prefilter).map_err(|PatternError { at, message }| {
            self.fault(self.within(regex, at), Fault::InvalidRegex(message))
        })
    }

    fn case(&self, source: PatternSource, spec: &RuleSpec) -> Result<Case, Box<InvalidPack>> {
        let pattern = self.pattern(&source.regex, source.prefilter.as_deref())?;
        let template = |name: &'static str, text: &Spanned<String>, syntax: Syntax| {
            Template::parse(
                text.get_ref(),
                syntax,
                pattern.groups(),
                source.fix.is_some(),
            )
            .map_err(|TemplateError { at, kind }| {
                let fault = match kind {
                    TemplateErrorKind::Unclosed => Fault::UnclosedBrace(name),
                    TemplateErrorKind::StrayBrace => Fault::StrayBrace(name),
                    TemplateErrorKind::StrayDollar => Fault::StrayDollar,
                    TemplateErrorKind::NoFix => Fault::NoFixToQuote(name),
                    TemplateErrorKind::UnknownGroup(group) => {
                        return self
                            .fault(
                                self.within(text, at),
                                Fault::UnknownGroup {
                                    template: name,
                                    group,
                                },
                            )
                            .with_related(span(source.regex.span()), "the pattern");
                    }
                };
                self.fault(self.within(text, at), fault)
            })
        };
        let fix = source
            .fix
            .as_ref()
            .map(|fix| template("fix", fix, Syntax::Fix))
            .transpose()?;
        let message = template("message", &spec.message, Syntax::Message)?;
        let help = spec
            .help
            .as_ref()
            .map(|help| template("help", help, Syntax::Message))
            .transpose()?;
        Ok(Case {
            mark: pattern.groups().index("mark"),
            pattern,
            message,
            help,
            fix,
        })
    }
}

fn span(range: Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

/// `house-terminology`, `rule2`: lowercase ASCII words joined by single hyphens.
fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
