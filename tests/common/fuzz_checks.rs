//! The bodies of the fuzz targets (`fuzz/`): each takes arbitrary bytes, runs one part of
//! coquille on them and asserts what must hold whatever the input, so that a broken
//! invariant is a crash. `cargo test` runs the same checks on stable: on generated inputs
//! (`tests/loading_properties.rs`) and on every crash the fuzzer found (`tests/data/fuzz/`).

use std::path::Path;
use std::sync::Arc;

use coquille::config::Config;
use coquille::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use coquille::document::Document;
use coquille::encoding::InputEncoding;
use coquille::fix::{apply_fixes, fix_text};
use coquille::line_index::LineIndex;
use coquille::render::{self, Style};
use coquille::rules::pack::Pack;
use coquille::rules::{Registry, Rule};
use coquille::settings::{Apostrophe, Settings, Spacing};
use coquille::source::{self, SourceFile};
use coquille::span::Span;
use coquille::{FileReport, Linter, Report};
use unicode_segmentation::UnicodeSegmentation;

/// A real resolution, for the rules of a pack to run on.
const RESOLUTION: &str = include_str!("../../fixtures/A_RES_66_152.txt");

/// The body of a fuzz target: panics when its input breaks an invariant.
pub type Target = fn(&[u8]);

/// Each fuzz target by name, as `fuzz/fuzz_targets/` and `tests/data/fuzz/` name them.
pub const TARGETS: [(&str, Target); 6] = [
    ("parse", parse),
    ("lint_utf8", lint_utf8),
    ("lint_auto", lint_auto),
    ("fix", fix),
    ("config", config),
    ("pack", pack),
];

/// What the invisible characters the `whitespace` rule deletes hide from every other rule.
const INVISIBLE: [char; 5] = ['\u{200B}', '\u{200C}', '\u{2060}', '\u{FEFF}', '\u{AD}'];

/// `parse`: a UTF-8 text parses into blocks that cover every byte once, and every grapheme's
/// position round-trips.
pub fn parse(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let document = Document::parse(text);
    assert_blocks_cover(text, &document);
    assert_positions_round_trip(text, &document);
}

/// `lint_utf8`: every rule on a UTF-8 text, with settings chosen by its length; the findings
/// are sound and render.
pub fn lint_utf8(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        lint(text);
    }
}

/// `lint_auto`: any bytes decode under `--encoding auto` (UTF-8 byte for byte), then lint as
/// [`lint_utf8`].
pub fn lint_auto(bytes: &[u8]) {
    let file = source::decode("fuzz.txt".into(), bytes.to_vec(), InputEncoding::Auto)
        .expect("--encoding auto decodes any bytes");
    if let Ok(utf8) = std::str::from_utf8(bytes) {
        assert_eq!(file.text, utf8, "valid UTF-8 is kept byte for byte");
        assert!(file.decoded_from.is_none());
    }
    lint(&file.text);
}

/// `fix`: fixes, unsafe ones too, change nothing outside their edits and leave a text whose
/// findings are sound; safe fixes are idempotent and never add an error.
pub fn fix(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let linter = linter(text);
    let fixes: Vec<Fix> = linter
        .check(text)
        .into_iter()
        .filter_map(|d| d.fix)
        .collect();
    assert_fixes_touch_only_their_edits(text, &fixes);

    let unsafe_outcome = fix_text(&linter, text, Applicability::Unsafe);
    assert_findings_sound(&unsafe_outcome.text, &unsafe_outcome.diagnostics);
    assert_eq!(
        unsafe_outcome.diagnostics,
        linter.check(&unsafe_outcome.text)
    );

    let safe = fix_text(&linter, text, Applicability::Safe);
    if !safe.converged {
        return;
    }
    let again = fix_text(&linter, &safe.text, Applicability::Safe);
    assert_eq!(again.text, safe.text, "safe fixes are idempotent");
    assert_eq!(again.applied.total(), 0);
    // Counted against the text as a reader sees it: an invisible character inside a word
    // or a number hides it from every rule (`200\u{feff}5` is no year), and removing it
    // may rightly reveal a fault.
    let seen: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    assert!(
        errors(&safe.diagnostics) <= errors(&linter.check(&seen)),
        "safe fixes never add an error"
    );
}

/// `config`: any text is a `coquille.toml` or an error that renders; a file that loads
/// resolves its rules against the registry, and its globs match paths.
pub fn config(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let folder = Path::new("/corpus");
    let config = match Config::parse("coquille.toml", folder, &text) {
        Ok(config) => config,
        Err(error) => return assert_renders(&error),
    };
    let _ = (config.spacing(), config.apostrophe(), config.packs());
    let registry = Registry::builtin();
    let _ = registry.select(&config.select(), &config.ignore());
    for path in ["/corpus/a.txt", "/corpus/annexes/b.md", "/elsewhere/c.txt"] {
        config.exclude().is_match(Path::new(path));
    }
    match config.rules(&registry) {
        Ok(rules) => {
            rules
                .per_file_ignores
                .ignored(Path::new("/corpus/annexes/b.md"));
            let linter = Linter::all_rules().with_rule_config(rules);
            assert_findings_sound(RESOLUTION, &linter.check(RESOLUTION));
        }
        Err(error) => assert_renders(&error),
    }
}

/// `pack`: any text is a rule pack or an error that renders; the rules of a pack that loads
/// run soundly on a real resolution and on their own examples.
pub fn pack(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let pack = match Pack::parse("house.toml", &text) {
        Ok(pack) => pack,
        Err(error) => return assert_renders(&error),
    };
    if let Err(error) = Registry::builtin().add_pack(&pack) {
        assert_renders(&error);
    }
    let rules: Vec<Arc<dyn Rule>> = pack.rules().iter().map(|r| r.clone() as _).collect();
    let linter = Linter::new(rules, Settings::default());
    let examples = pack.rules().iter().flat_map(|rule| rule.meta().examples);
    let texts = examples.flat_map(|example| [example.bad, example.good]);
    for text in texts.chain([RESOLUTION]) {
        let findings = linter.check(text);
        assert_findings_sound(text, &findings);
        let fixes: Vec<Fix> = findings.into_iter().filter_map(|d| d.fix).collect();
        assert_fixes_touch_only_their_edits(text, &fixes);
    }
}

/// Every rule on `text`, with one of the nine combinations of settings (by its length):
/// sound findings, which render.
fn lint(text: &str) {
    let document = Document::parse(text);
    assert_blocks_cover(text, &document);
    let findings = linter(text).check_document(&document);
    assert_findings_sound(text, &findings);
    assert_report_renders(text, document.lines.clone(), findings);
}

/// Every rule, with the settings `text`'s length picks.
fn linter(text: &str) -> Linter {
    const SPACINGS: [Spacing; 3] = [Spacing::Nbsp, Spacing::Fine, Spacing::Any];
    const APOSTROPHES: [Apostrophe; 3] = [
        Apostrophe::Majority,
        Apostrophe::Typographic,
        Apostrophe::Straight,
    ];
    let settings = Settings {
        spacing: SPACINGS[text.len() % 3],
        apostrophe: APOSTROPHES[text.len() / 3 % 3],
    };
    Linter::new(Registry::builtin().rules().to_vec(), settings)
}

/// The blocks of `document` follow each other from the first byte of `text` to its last.
pub fn assert_blocks_cover(text: &str, document: &Document) {
    let mut covered = 0;
    for block in &document.blocks {
        assert_eq!(block.span.start, covered, "blocks follow each other");
        assert!(block.span.end > block.span.start, "no empty block");
        covered = block.span.end;
    }
    assert_eq!(covered, text.len(), "blocks cover the text");
}

/// Graphemes whose position is round-tripped, at most: each costs a scan of its line, and a
/// fuzzed text may be one long line.
const ROUND_TRIPS: usize = 512;

/// The line and column of every grapheme of `text` (of [`ROUND_TRIPS`] spread over a longer
/// text) lead back to its offset.
pub fn assert_positions_round_trip(text: &str, document: &Document) {
    let offsets: Vec<usize> = text.grapheme_indices(true).map(|(at, _)| at).collect();
    let step = offsets.len().div_ceil(ROUND_TRIPS).max(1);
    for &offset in offsets.iter().step_by(step) {
        let position = document.lines.position(text, offset);
        assert!(position.line >= 1 && position.column >= 1);
        assert_eq!(document.lines.offset(text, position), Some(offset));
    }
}

/// Every span, label and edit of `findings` lies inside `text` on character boundaries,
/// and the findings are sorted by offset.
pub fn assert_findings_sound(text: &str, findings: &[Diagnostic]) {
    let sound = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for finding in findings {
        let labels = finding.related.iter().map(|label| label.span);
        let edits = finding.fix.iter().flat_map(|f| &f.edits).map(|e| e.span);
        for span in [finding.span].into_iter().chain(labels).chain(edits) {
            assert!(
                sound(span),
                "{}: span {span:?} in {} bytes",
                finding.rule,
                text.len()
            );
        }
    }
    assert!(
        findings.is_sorted_by_key(|d| d.span.start),
        "sorted by offset"
    );
}

/// Applying `fixes` changes `text` only where the edits of the fixes applied say, as they say.
pub fn assert_fixes_touch_only_their_edits(text: &str, fixes: &[Fix]) {
    let (fixed, applied) = apply_fixes(text, &fixes.iter().collect::<Vec<_>>());
    let mut edits: Vec<_> = applied.iter().flat_map(|&i| &fixes[i].edits).collect();
    edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut expected = String::new();
    let mut kept_from = 0;
    for edit in edits {
        expected += &text[kept_from..edit.span.start];
        expected += &edit.replacement;
        kept_from = edit.span.end;
    }
    expected += &text[kept_from..];
    assert_eq!(fixed, expected, "fixes change only their edits");
}

/// The findings on `text` render as the pretty report and as JSON.
fn assert_report_renders(text: &str, lines: LineIndex, findings: Vec<Diagnostic>) {
    let report = Report {
        files: vec![FileReport {
            file: SourceFile {
                name: "fuzz.txt".into(),
                text: text.to_owned(),
                decoded_from: None,
            },
            lines,
            diagnostics: findings,
        }],
        ..Default::default()
    };
    let registry = Registry::builtin();
    let options = render::Options {
        style: STYLE,
        statistics: true,
        registry: &registry,
    };
    for format in [render::Format::Pretty, render::Format::Json] {
        let mut out = Vec::new();
        render::write_report(&report, format, &options, &mut out).expect("renders to memory");
        assert!(!out.is_empty());
    }
}

/// Colourless, 80 columns wide.
const STYLE: Style = Style {
    color: false,
    width: 80,
};

/// `error` renders as miette draws it.
fn assert_renders(error: &dyn miette::Diagnostic) {
    let mut out = Vec::new();
    render::write_error(error, STYLE, &mut out).expect("renders to memory");
    assert!(!out.is_empty() && !error.to_string().is_empty());
}

fn errors(findings: &[Diagnostic]) -> usize {
    findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}
