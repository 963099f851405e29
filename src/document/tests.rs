//! Parser tests: each footnote form, paragraphs across footnotes and furniture, blocks.

use super::*;

/// `(number, style, marked text)` of each reference.
fn references(source: &str) -> Vec<(Option<u32>, FootnoteStyle, &str)> {
    let document = Document::parse(source);
    document
        .footnote_references
        .iter()
        .map(|r| (r.number, r.style, r.span.text(source)))
        .collect()
}

/// `(number, style, whole definition)` of each definition.
fn definitions(source: &str) -> Vec<(Option<u32>, FootnoteStyle, &str)> {
    let document = Document::parse(source);
    document
        .footnote_definitions
        .iter()
        .map(|d| (d.number, d.style, d.span.text(source)))
        .collect()
}

#[test]
fn superscript_references_and_definitions() {
    let text =
        "Rappelant la résolution 55/2¹ et les 12 km² de la zone²³,\n\n¹ Voir A/55/1.\n\n²³ Ibid.\n";
    assert_eq!(
        references(text),
        [
            (Some(1), FootnoteStyle::Superscript, "¹"),
            (Some(23), FootnoteStyle::Superscript, "²³")
        ]
    );
    assert_eq!(
        definitions(text),
        [
            (Some(1), FootnoteStyle::Superscript, "¹ Voir A/55/1."),
            (Some(23), FootnoteStyle::Superscript, "²³ Ibid.")
        ]
    );
}

#[test]
fn caret_references_and_definitions() {
    let text = "Rappelant la résolution 55/2^1^ à la 70^e^ séance,\n\n^1^ Voir A/55/1.\n";
    assert_eq!(references(text), [(Some(1), FootnoteStyle::Caret, "^1^")]);
    assert_eq!(
        definitions(text),
        [(Some(1), FootnoteStyle::Caret, "^1^ Voir A/55/1.")]
    );
}

#[test]
fn markdown_bracket_references_and_definitions() {
    let text = "Rappelant la résolution 55/2[^1] et le rapport[^note],\n\n[^1]: Voir A/55/1.\n[^note]: Voir A/55/2.\n";
    assert_eq!(
        references(text),
        [
            (Some(1), FootnoteStyle::Bracket, "[^1]"),
            (None, FootnoteStyle::Bracket, "[^note]")
        ]
    );
    assert_eq!(
        definitions(text),
        [
            (Some(1), FootnoteStyle::Bracket, "[^1]: Voir A/55/1."),
            (None, FootnoteStyle::Bracket, "[^note]: Voir A/55/2.")
        ]
    );
    let document = Document::parse(text);
    assert_eq!(
        document.text(document.footnote_definitions[1].label),
        "note"
    );
}

#[test]
fn glued_digits_are_references_only_when_defined() {
    let text = "Rappelant la Déclaration de Vienne sur les droits de l’homme1, les «droits»2 et le\nCorr.1 du document E/CN.4/2000/2,\n\n1 Voir A/CONF.157/24.\n2 Voir E/2000/23.\n";
    assert_eq!(
        references(text),
        [
            (Some(1), FootnoteStyle::Digits, "1"),
            (Some(2), FootnoteStyle::Digits, "2")
        ]
    );
    let document = Document::parse(text);
    let first = document.footnote_references[0].span.start;
    assert_eq!(&text[first - 5..first], "homme");
    assert_eq!(
        definitions(text),
        [
            (Some(1), FootnoteStyle::Digits, "1 Voir A/CONF.157/24."),
            (Some(2), FootnoteStyle::Digits, "2 Voir E/2000/23.")
        ]
    );
    assert_eq!(references("les droits de l’homme1, et\n"), []);
}

#[test]
fn spaced_digits_follow_the_sequence_and_skip_numbered_words() {
    let text = "Rappelant le paragraphe 3 de l’Article 1, adopté le 25 juin\n1993 1 , et la Déclaration du 8 septembre 2000 2\net le rapport 3,\n_______________\n1\n\nA/CONF.157/24.\n2\nVoir résolution 55/2.\n3 Voir E/2005/23.\n";
    let document = Document::parse(text);
    let found: Vec<_> = document
        .footnote_references
        .iter()
        .map(|r| (r.number, document.lines.position(text, r.span.start)))
        .collect();
    assert_eq!(
        found,
        [
            (Some(1), crate::line_index::Position { line: 2, column: 6 }),
            (
                Some(2),
                crate::line_index::Position {
                    line: 2,
                    column: 48
                }
            ),
            (
                Some(3),
                crate::line_index::Position {
                    line: 3,
                    column: 15
                }
            ),
        ]
    );
    assert_eq!(
        definitions(text),
        [
            (Some(1), FootnoteStyle::Digits, "1\n\nA/CONF.157/24."),
            (Some(2), FootnoteStyle::Digits, "2\nVoir résolution 55/2."),
            (Some(3), FootnoteStyle::Digits, "3 Voir E/2005/23."),
        ]
    );
}

#[test]
fn a_spaced_mark_after_a_year_is_read_inside_the_line_too() {
    let text = "Rappelant la Déclaration du 8 septembre 2000 1 et sa résolution 55/2 du 8 septembre 2000 2 000 fois, en 1993 3 et le rapport de 2001 2 et,\n\n1 Voir A/55/2.\n2 Voir A/55/3.\n3 Voir A/55/4.\n";
    let document = Document::parse(text);
    let found: Vec<_> = document
        .footnote_references
        .iter()
        .map(|r| (r.number, &text[r.span.start - 5..r.span.end + 3]))
        .collect();
    assert_eq!(found, [(Some(1), "2000 1 et"), (Some(2), "2001 2 et")]);
}

#[test]
fn a_word_that_takes_a_number_is_known_even_when_cut_at_the_line_end() {
    let text = "Rappelant le paragraphe 3 de son Arti-\ncle 1, et la Déclaration du 25 juin 1993 1 ,\n\n1 Voir A/55/2.\n";
    let document = Document::parse(text);
    let found: Vec<_> = document
        .footnote_references
        .iter()
        .map(|r| &text[r.span.start - 5..r.span.end])
        .collect();
    assert_eq!(found, ["1993 1"]);
}

#[test]
fn a_paragraph_continues_across_footnotes_and_page_furniture() {
    let text = "1/1. Titre\n\nL’Assemblée générale,\n\nRappelant la décision de proclamer 2001 Année du dialogue, ainsi que sa\n\n¹ Voir A/55/1.\n\nA/RES/1/1\n\n2\n\nrésolution 56/6¹,\n\nNotant le rapport,\n";
    let document = Document::parse(text);
    let preamble: Vec<_> = document.preamble().collect();
    assert_eq!(preamble.len(), 2);
    assert_eq!(preamble[0].lines.len(), 2);
    assert_eq!(document.text(preamble[0].lines[1]), "résolution 56/6¹,");
    let furniture: Vec<_> = document
        .blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::PageFurniture(kind) => Some((kind, document.text(b.span))),
            _ => None,
        })
        .collect();
    assert_eq!(
        furniture,
        [
            (Furniture::RunningHead, "A/RES/1/1\n"),
            (Furniture::PageNumber, "2\n")
        ]
    );
}

#[test]
fn across_a_page_break_a_line_without_final_punctuation_goes_on_before_a_capital() {
    let text = "1/1. Titre\n\nL’Assemblée générale,\n\nRéaffirmant sa volonté, en particulier au paragraphe 3 de son\n\nA/RES/1/1\n\n2\n\nArticle 1, et la Charte,\n\nA/RES/1/1\n\n3\n\nRappelant la Charte,\n\nNotant le rapport\n\nConsidérant la Charte,\n";
    let document = Document::parse(text);
    let lines: Vec<usize> = document.preamble().map(|p| p.lines.len()).collect();
    assert_eq!(lines, [2, 1, 1, 1], "not after blank lines alone");
}

#[test]
fn inside_a_note_a_line_starting_with_a_number_goes_on_unless_it_is_the_next_note() {
    let text = "Rappelant la résolution 66/1¹ et 66/2²,\n\n1 Voir Documents officiels, Supplément n°\n53 (A/66/53), chap. II.\n2 Voir résolution 66/2.\n";
    assert_eq!(
        definitions(text),
        [
            (
                Some(1),
                FootnoteStyle::Digits,
                "1 Voir Documents officiels, Supplément n°\n53 (A/66/53), chap. II."
            ),
            (Some(2), FootnoteStyle::Digits, "2 Voir résolution 66/2."),
        ]
    );
}

#[test]
fn hard_wrapped_preamble_paragraphs_split_on_a_capital_after_a_comma() {
    let text = "62/160. Renforcement de la coopération\ndans le domaine des droits de l’homme\nL’Assemblée générale,\nRéaffirmant sa volonté de promouvoir la coopération internationale,\nconformément à la Charte des Nations Unies,\nRappelant la Déclaration du Millénaire,\n";
    let document = Document::parse(text);
    let title = document.title.expect("a title");
    assert_eq!(
        document.text(title.text),
        "Renforcement de la coopération\ndans le domaine des droits de l’homme"
    );
    let lines: Vec<usize> = document.preamble().map(|p| p.lines.len()).collect();
    assert_eq!(lines, [2, 1]);
}

#[test]
fn operative_paragraphs_letters_and_roman_numerals() {
    let text = "1/1. Titre\n\nL'Assemblée générale,\n\n1. *Prie* le Secrétaire général :\n\na) De consulter :\n\ni) Les États ;\n\nii) Les organisations ;\n\nb) De faire rapport ;\n\nh) Huit ;\n\ni) Neuf.\n";
    let document = Document::parse(text);
    let (paragraph, number) = document
        .operative()
        .next()
        .expect("one operative paragraph");
    assert_eq!(number.value, 1);
    let labels: Vec<(SubLabelStyle, u32)> = paragraph
        .subparagraphs
        .iter()
        .map(|s| (s.label.style, s.label.value))
        .collect();
    use SubLabelStyle::{Letter, Roman};
    assert_eq!(
        labels,
        [
            (Letter, 1),
            (Roman, 1),
            (Roman, 2),
            (Letter, 2),
            (Letter, 8),
            (Letter, 9)
        ]
    );
    assert_eq!(paragraph.lead_in().len(), 1);
}

#[test]
fn header_title_and_closing_fields() {
    let text = "\u{FEFF}Nations Unies\r\nA/RES/66/152\r\nAssemblée générale\r\nDistr. générale\r\n13 mars 2012\r\nSoixante-sixième session\r\nRésolution adoptée par l'Assemblée générale le 19 décembre 2011\r\n66/152. Renforcement\r\nL'Assemblée générale,\r\n1. *Décide* de poursuivre l'examen de la question.\r\n*89^e séance plénière\r\n19 décembre 2011*\r\n";
    let document = Document::parse(text);
    let header = document.header.as_ref().expect("a header");
    let symbol = header.symbol.expect("a symbol");
    assert_eq!(
        (symbol.session, symbol.number, document.text(symbol.span)),
        (66, 152, "A/RES/66/152")
    );
    let session = header.session.expect("a session");
    assert_eq!(
        (document.text(session.ordinal), session.number),
        ("Soixante-sixième", Some(66))
    );
    let distributed = header.distribution_date.expect("a distribution date");
    assert_eq!(document.text(distributed.span), "13 mars 2012");
    assert_eq!(
        header.adoption_date.expect("an adoption date").date,
        FrenchDate {
            year: Some(2011),
            month: 12,
            day: 19
        }
    );
    let title = document.title.expect("a title");
    assert_eq!((title.number.session, title.number.number), (66, 152));
    let closing = document.closing.expect("a closing");
    assert_eq!(
        (closing.meeting, document.text(closing.meeting_span)),
        (89, "89")
    );
    assert_eq!(
        document.text(closing.date.expect("a date").span),
        "19 décembre 2011"
    );
}

#[test]
fn blocks_cover_every_byte_exactly_once() {
    let texts = [
        "",
        "\n",
        "\u{FEFF}",
        "sans fin de ligne",
        "a\r\nb\r\n\r\n",
        "  \n\t\n",
        "1\n2\n3",
        "_____\n1\n",
        "1/1. T\nL'Assemblée générale,\nx\n1. y ;\n¹ z\n*1^e séance plénière\n1 mai 2000*",
    ];
    for text in texts {
        assert_covers(text);
    }
}

/// Asserts that the blocks of `text` are contiguous and cover it from 0 to its end.
pub(crate) fn assert_covers(text: &str) {
    let document = Document::parse(text);
    let mut expected_start = 0;
    for block in &document.blocks {
        assert_eq!(
            block.span.start, expected_start,
            "gap or overlap before {block:?} in {text:?}"
        );
        assert!(
            block.span.end > block.span.start,
            "empty block {block:?} in {text:?}"
        );
        expected_start = block.span.end;
    }
    assert_eq!(
        expected_start,
        text.len(),
        "bytes after the last block in {text:?}"
    );
}

#[test]
fn verbatim_spans_are_found_once_and_overlaps_answered() {
    let text = "Voir A/RES/55/109 ; et https://un.org/x.";
    let document = Document::parse(text);
    assert_eq!(document.verbatim.len(), 2);
    let at = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    assert!(document.overlaps_verbatim(at("55")));
    assert!(document.overlaps_verbatim(at("un.org")));
    assert!(!document.overlaps_verbatim(at(" ;")));
    assert!(!document.overlaps_verbatim(at("Voir")));
}
