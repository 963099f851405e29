//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: the rules' metadata from
//! the registry, then the findings with their regions, related places and fixes.
//!
//! SARIF counts columns in code points or UTF-16 code units, never in grapheme clusters, so
//! this format's columns are code points (`columnKind: unicodeCodePoints`), unlike the other
//! formats'; each region also carries the byte offset and length of the other formats.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rules::{Registry, Rule};
use crate::span::Span;
use crate::{FileReport, Report};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub(super) fn write(report: &Report, registry: &Registry, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = registry.rules().iter().map(|r| rule(r.as_ref())).collect();
    let mut results = Vec::new();
    for file in &report.files {
        for diagnostic in &file.diagnostics {
            results.push(result(file, diagnostic, registry));
        }
    }
    let notifications: Vec<Value> = report
        .failures
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
                "executionSuccessful": report.failures.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer(&mut *out, &log)?;
    writeln!(out)
}

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

fn result(file: &FileReport, diagnostic: &Diagnostic, registry: &Registry) -> Value {
    let mut result = json!({
        "ruleId": diagnostic.rule,
        "level": level(diagnostic.severity),
        "message": {"text": message(diagnostic)},
        "locations": [location(file, diagnostic.span, diagnostic.label.as_deref())],
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
                let mut place = location(file, label.span, Some(&label.message));
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
fn location(file: &FileReport, span: Span, label: Option<&str>) -> Value {
    let (line, column) = code_point_position(file, span.start);
    let (end_line, end_column) = code_point_position(file, span.end);
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

/// The 1-based line and 1-based code-point column of byte `offset`.
fn code_point_position(file: &FileReport, offset: usize) -> (usize, usize) {
    let line = file.lines.line_of(offset);
    let start = file.lines.line_start(line);
    (line + 1, file.file.text[start..offset].chars().count() + 1)
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
