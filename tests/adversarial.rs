//! The hostile text of the linearity benchmark (`benches/adversarial.rs`): the same bytes for
//! the same size, and coquille checks and fixes it with every finding on character boundaries
//! inside the text.

#[path = "../examples/corpus/adversarial.rs"]
mod adversarial;

use coquille::diagnostic::Applicability;
use coquille::fix::fix_text;
use coquille::Linter;

use adversarial::adversarial;

const BYTES: usize = 256 << 10;

#[test]
fn the_text_has_the_size_asked_and_the_same_bytes_every_time() {
    let text = adversarial(BYTES);
    assert!(
        (BYTES..BYTES + 4096).contains(&text.len()),
        "{}",
        text.len()
    );
    assert_eq!(text, adversarial(BYTES));
    for hostile in [
        "«««",
        "1234567890123",
        "¹²³",
        "[^12]",
        "(ii)",
        ";;;",
        "\r\n",
        "👍🏽",
        "n°",
        "-\n",
    ] {
        assert!(text.contains(hostile), "{hostile:?}");
    }
}

#[test]
fn every_finding_is_on_character_boundaries_inside_the_text() {
    let text = adversarial(BYTES);
    let linter = Linter::all_rules();
    let findings = linter.check(&text);
    assert!(!findings.is_empty());
    for finding in &findings {
        let span = finding.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{finding:?}"
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    }
    let fixed = fix_text(&linter, &text, Applicability::Unsafe);
    assert!(fixed.text.len() > BYTES / 2, "fixing keeps the text");
}
