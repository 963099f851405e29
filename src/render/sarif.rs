//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: the rules' metadata from
//! the registry, then the findings with their regions, related places and fixes.
//!
//! SARIF counts columns in code points or UTF-16 code units, never in grapheme clusters, so
//! this format's columns are code points (`columnKind: unicodeCodePoints`), unlike the other
//! formats'; each region also carries the byte offset and length of the other formats.

use std::io::{self, Read, Write};

use serde_json::{json, Value};

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::positions::Positions;
use crate::rules::{Registry, Rule};
use crate::span::Span;
use crate::{FileError as ReadFailure, FileReport};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the results of `file`'s findings, separated by commas (the caller puts one between
/// files).
pub(super) fn write_file(
    file: &FileReport,
    registry: &Registry,
    out: &mut Vec<u8>,
) -> io::Result<()> {
    let mut positions = Positions::new(&file.file.text, &file.lines);
    for (index, diagnostic) in file.diagnostics.iter().enumerate() {
        if index > 0 {
            out.write_all(b",")?;
        }
        let result = result(file, &mut positions, diagnostic, registry);
        serde_json::to_writer(&mut *out, &result)?;
    }
    Ok(())
}

/// Writes the whole log, its `results` array made of the bytes in `results` (what
/// [`write_file`] wrote for every file): the log puts its results after its invocation, which
/// says whether the run failed, so they wait aside until the run is over.
pub(super) fn finish(
    registry: &Registry,
    failures: &[ReadFailure],
    results: &mut dyn Read,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rules: Vec<Value> = registry.rules().iter().map(|r| rule(r.as_ref())).collect();
    let notifications: Vec<Value> = failures
        .iter()
        .map(|failure| json!({"level": "error", "message": {"text": failure.to_string()}}))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "coquille",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    let log = serde_json::to_string(&log)?;
    // Every string value is escaped, so only the key itself reads `"results":[` unescaped.
    let results_at = log.find(RESULTS).expect("the log has a results array") + RESULTS.len();
    let (before, after) = log.as_bytes().split_at(results_at);
    out.write_all(before)?;
    io::copy(results, out)?;
    out.write_all(after)?;
    writeln!(out)
}

/// Where the results go in the serialised log.
const RESULTS: &str = "\"results\":[";

/// A rule's `reportingDescriptor`: id, descriptions, default level, and its examples as help.
fn rule(rule: &dyn Rule) -> Value {
    let meta = rule.meta();
    let mut help = String::new();
    for (index, example) in meta.examples.iter().enumerate() {
        help += &format!("Flagged: {}\n", example.bad.trim_end());
        if let Some(fixed) = rule.example_fixed(index) {
            help += &format!("Fixed: {}\n", fixed.trim_end());
        }
        help += &format!("Not flagged: {}\n", example.good.trim_end());
    }
    json!({
        "id": meta.id,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.explanation},
        "defaultConfiguration": {"level": level(meta.severity)},
        "help": {"text": help},
        "properties": {"tags": [meta.group.as_str()]},
    })
}

fn result(
    file: &FileReport,
    positions: &mut Positions,
    diagnostic: &Diagnostic,
    registry: &Registry,
) -> Value {
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "level": level(diagnostic.severity),
        "message": {"text": message(diagnostic)},
        "locations": [location(file, positions, diagnostic.span, diagnostic.label.as_deref())],
    });
    if let Some(index) = registry
        .rules()
        .iter()
        .position(|r| r.meta().id == diagnostic.rule)
    {
        result["ruleIndex"] = json!(index);
    }
    if !diagnostic.related.is_empty() {
        result["relatedLocations"] = diagnostic
            .related
            .iter()
            .enumerate()
            .map(|(id, label)| {
                let mut place = location(file, positions, label.span, Some(&label.message));
                place["id"] = json!(id);
                place
            })
            .collect();
    }
    if let Some(fix) = &diagnostic.fix {
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|edit| {
                json!({
                    "deletedRegion": {"byteOffset": edit.span.start, "byteLength": edit.span.len()},
                    "insertedContent": {"text": edit.replacement},
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": {"text": match fix.applicability {
                Applicability::Safe => "safe fix",
                Applicability::Unsafe => "unsafe fix: review it",
            }},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(&file.file.name)},
                "replacements": replacements,
            }],
        }]);
    }
    result
}

/// The message, with the help line after it when there is one.
fn message(diagnostic: &Diagnostic) -> String {
    match &diagnostic.help {
        Some(help) => format!("{}\n{help}", diagnostic.message),
        None => diagnostic.message.clone(),
    }
}

/// A `location` of `span` in `file`: 1-based lines, columns in code points, and bytes.
fn location(
    file: &FileReport,
    positions: &mut Positions,
    span: Span,
    label: Option<&str>,
) -> Value {
    let (line, column) = positions.code_point_position(span.start);
    let (end_line, end_column) = positions.code_point_position(span.end);
    let mut location = json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(&file.file.name)},
        "region": {
            "startLine": line,
            "startColumn": column,
            "endLine": end_line,
            "endColumn": end_column,
            "byteOffset": span.start,
            "byteLength": span.len(),
        },
    }});
    if let Some(label) = label {
        location["message"] = json!({"text": label});
    }
    location
}

/// A relative URI for a path: forward slashes, and every byte that a URI cannot hold as it
/// is (non-ASCII letters of French file names, spaces, `%`…) percent-encoded.
fn uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri += &format!("%{byte:02X}");
        }
    }
    uri
}

const fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(
            uri("corpus\\résolution 1.txt"),
            "corpus/r%C3%A9solution%201.txt"
        );
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
