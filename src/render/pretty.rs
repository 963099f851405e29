//! The graphical report: each finding as miette draws it.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic as MietteDiagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;
use crate::positions::Positions;
use crate::FileReport;

use super::excerpt::{Excerpt, Mark};
use super::Style;

/// Draws each finding of `file`.
pub(super) fn write_file(file: &FileReport, style: Style, out: &mut Vec<u8>) -> io::Result<()> {
    // The excerpts leave out the lines no label touches: no context lines around them.
    let handler = handler(style).with_context_lines(0);
    let mut rendered = String::new();
    let mut positions = Positions::new(&file.file.text, &file.lines);
    for diagnostic in &file.diagnostics {
        rendered.clear();
        let view = SourcedDiagnostic::clipped(
            diagnostic,
            &file.file.name,
            &file.file.text,
            &mut positions,
            style.width,
        );
        handler
            .render_report(&mut rendered, &view)
            .map_err(io::Error::other)?;
        out.write_all(rendered.as_bytes())?;
    }
    Ok(())
}

/// Writes any error of coquille's (a bad option, an unreadable file) as miette draws it.
pub fn write_error(
    error: &dyn MietteDiagnostic,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut rendered = String::new();
    handler(style)
        .render_report(&mut rendered, error)
        .map_err(io::Error::other)?;
    out.write_all(rendered.as_bytes())
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
}

/// A finding together with the text it points into: what miette needs to draw it.
///
/// miette is shown only the lines the finding's labels touch (others are left blank, so draw it
/// without context lines); line numbers and columns are still those of the file.
#[derive(Debug)]
pub struct SourcedDiagnostic<'a> {
    diagnostic: &'a Diagnostic,
    source: Excerpt<'a>,
    labels: Vec<LabeledSpan>,
}

impl<'a> SourcedDiagnostic<'a> {
    /// `diagnostic`, found in the file `name` whose text is `text`, its lines shown whole.
    pub fn new(diagnostic: &'a Diagnostic, name: &'a str, text: &'a str) -> Self {
        let lines = LineIndex::new(text);
        let mut positions = Positions::new(text, &lines);
        Self::clipped(diagnostic, name, text, &mut positions, usize::MAX)
    }

    /// `diagnostic`, found in the file `name` whose text is `text` (`positions` counts its
    /// columns), each line too long for a report `width` columns wide cut down to the parts
    /// around its spans.
    pub fn clipped(
        diagnostic: &'a Diagnostic,
        name: &'a str,
        text: &'a str,
        positions: &mut Positions,
        width: usize,
    ) -> Self {
        let primary = Mark {
            span: diagnostic.span,
            label: diagnostic.label.as_deref(),
        };
        let related = diagnostic.related.iter().map(|label| Mark {
            span: label.span,
            label: Some(&label.message),
        });
        let marks: Vec<Mark> = std::iter::once(primary).chain(related).collect();
        let source = Excerpt::new(name, text, positions, &marks, width);
        let labels = std::iter::once(LabeledSpan::new_primary_with_span(
            diagnostic.label.clone(),
            source.span(diagnostic.span),
        ))
        .chain(diagnostic.related.iter().map(|label| {
            LabeledSpan::new_with_span(Some(label.message.clone()), source.span(label.span))
        }))
        .collect();
        Self {
            diagnostic,
            source,
            labels,
        }
    }
}

impl fmt::Display for SourcedDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for SourcedDiagnostic<'_> {}

impl MietteDiagnostic for SourcedDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use crate::span::Span;

    /// The pretty report of `diagnostic` in `text`, without colours, 100 columns wide.
    fn render(text: &str, diagnostic: Diagnostic) -> String {
        let file = FileReport {
            file: SourceFile {
                name: "r.txt".to_owned(),
                text: text.to_owned(),
                decoded_from: None,
            },
            lines: LineIndex::new(text),
            diagnostics: vec![diagnostic],
        };
        let mut out = Vec::new();
        let style = Style {
            color: false,
            width: 100,
        };
        write_file(&file, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// `lines`, each ended by a newline.
    fn lines(lines: &[&str]) -> String {
        lines.iter().map(|line| format!("{line}\n")).collect()
    }

    /// A warning on the first `at` in `text`, labelled `label`.
    fn finding(text: &str, at: &str, label: &str) -> Diagnostic {
        let start = text.find(at).unwrap();
        Diagnostic::new(
            "essai",
            Severity::Warning,
            Span::new(start, start + at.len()),
            "message",
        )
        .with_label(label)
    }

    /// A preambular paragraph on one line of 576 characters, as resolutions are written.
    const LONG: &str = "Rappelant la Déclaration universelle des droits de l'homme, le Pacte international \
        relatif aux droits économiques, sociaux et culturels, le Pacte international relatif aux droits \
        civils et politiques et les autres instruments pertinents relatifs aux droits de l'homme, le \
        Programme d'action de Durban⁴ adopté le 8 septembre 2001 par la Conférence mondiale contre le \
        racisme, la discrimination raciale, la xénophobie et l'intolérance qui y est associée, ainsi que \
        la Déclaration du Millénaire, et réaffirmant son attachement au dialogue entre les cultures et \
        les civilisations,";

    fn long_text() -> String {
        format!("Titre\n\n{LONG}\n\nSuite\n")
    }

    #[test]
    fn long_line_is_clipped_around_the_finding() {
        let text = long_text();
        let out = render(
            &text,
            finding(&text, "Durban⁴", "aucune note 4 n'est définie"),
        );
        let expected = lines(&[
            "essai",
            "",
            "  ⚠ message",
            "   ╭─[r.txt:3:295]",
            " 3 │ …l'homme, le Programme d'action de Durban⁴ adopté le 8 septembre 2001 par la…",
            "   ·                                    ───┬───",
            "   ·                                       ╰── aucune note 4 n'est définie",
            "   ╰────",
        ]);
        assert_eq!(out, expected);
        assert!(out.lines().all(|line| line.chars().count() <= 100));
        // The header's column is the one the JSON output gives.
        let position = LineIndex::new(&text).position(&text, text.find("Durban").unwrap());
        assert_eq!((position.line, position.column), (3, 295));
    }

    #[test]
    fn short_line_renders_whole() {
        let text =
            "Rappelle sa résolution 64/171,\nSoulignant que la coopération\ninternationale\n";
        let out = render(text, finding(text, "coopération", "ici"));
        let expected = lines(&[
            "essai",
            "",
            "  ⚠ message",
            "   ╭─[r.txt:2:19]",
            " 2 │ Soulignant que la coopération",
            "   ·                   ─────┬─────",
            "   ·                        ╰── ici",
            "   ╰────",
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn related_label_far_above() {
        let text = format!(
            "{}{}\n⁴ A/CONF.189/12, chap. I.\n",
            long_text(),
            "\n".repeat(30)
        );
        let call = text.find('⁴').unwrap();
        let definition = text.rfind('⁴').unwrap();
        let diagnostic = Diagnostic::new(
            "footnote-order",
            Severity::Error,
            Span::new(definition, definition + '⁴'.len_utf8()),
            "note 4 mal placée",
        )
        .with_label("définie ici")
        .with_related(Span::new(call, call + '⁴'.len_utf8()), "appelée ici");
        let out = render(&text, diagnostic);
        let expected = lines(&[
            "footnote-order",
            "",
            "  × note 4 mal placée",
            "   ╭─[r.txt:3:301]",
            " 3 │ …le Programme d'action de Durban⁴ adopté le 8 septembre 2001 par la…",
            "   ·                                 ┬",
            "   ·                                 ╰── appelée ici",
            "   ╰────",
            "    ╭─[r.txt:37:1]",
            " 37 │ ⁴ A/CONF.189/12, chap. I.",
            "    · ┬",
            "    · ╰── définie ici",
            "    ╰────",
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn crlf_lines_render_as_lf_lines() {
        let text = long_text();
        let crlf = text.replace('\n', "\r\n");
        let out = render(&crlf, finding(&crlf, "civilisations,", "ici"));
        let expected = lines(&[
            "essai",
            "",
            "  ⚠ message",
            "   ╭─[r.txt:3:563]",
            " 3 │ …son attachement au dialogue entre les cultures et les civilisations,",
            "   ·                                                        ───────┬──────",
            "   ·                                                               ╰── ici",
            "   ╰────",
        ]);
        assert_eq!(out, expected);
        assert_eq!(out, render(&text, finding(&text, "civilisations,", "ici")));
    }

    #[test]
    fn combining_characters_before_the_span() {
        // Every é written e + U+0301: one grapheme, one column, as in the JSON output.
        let text = long_text().replace('é', "e\u{301}");
        let out = render(&text, finding(&text, "2001", "cette date"));
        let expected = lines(&[
            "essai",
            "",
            "  ⚠ message",
            "   ╭─[r.txt:3:325]",
            " 3 │ …de Durban⁴ adopté le 8 septembre 2001 par la Conférence mondiale contre…",
            "   ·                                   ──┬─",
            "   ·                                     ╰── cette date",
            "   ╰────",
        ]);
        assert_eq!(out, expected.replace('é', "e\u{301}"));
    }

    #[test]
    fn span_over_several_long_lines() {
        let text = format!("{LONG}\n{LONG}\n{LONG}\n");
        let start = text.find("Durban").unwrap();
        let end = text.rfind("Durban").unwrap();
        let diagnostic = Diagnostic::new("essai", Severity::Info, Span::new(start, end), "message")
            .with_label("tout ceci");
        let out = render(&text, diagnostic);
        let expected = lines(&[
            "essai",
            "",
            "  ☞ message",
            "   ╭─[r.txt:1:295]",
            " 1 │ ╭─▶ …l'homme, le Programme d'action de Durban⁴ adopté le 8 septembre 2001…",
            " 2 │ │   Rappelant la Déclaration universelle des droits de l'homme, le Pacte…",
            " 3 │ ├─▶ …l'homme, le Programme d'action de Durban⁴ adopté le 8 septembre 2001…",
            "   · ╰──── tout ceci",
            "   ╰────",
        ]);
        assert_eq!(out, expected);
    }

    #[test]
    fn span_at_the_end_of_the_text() {
        // miette has no column to draw at past the last character: the excerpt adds a space.
        let diagnostic =
            Diagnostic::new("essai", Severity::Error, Span::new(5, 5), "message").with_label("ici");
        let out = render("ligne", diagnostic);
        let expected = lines(&[
            "essai",
            "",
            "  × message",
            "   ╭─[r.txt:1:6]",
            " 1 │ ligne ",
            "   ·      ▲",
            "   ·      ╰── ici",
            "   ╰────",
        ]);
        assert_eq!(out, expected);
    }
}
