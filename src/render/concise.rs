//! One line per finding: `path:line:column: severity[rule] message`.

use std::io::{self, Write};

use crate::Report;

use super::summary_line;

pub(super) fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let text = &file.file.text;
        let lines = &file.lines;
        for diagnostic in &file.diagnostics {
            let at = lines.position(text, diagnostic.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                file.file.name,
                at.line,
                at.column,
                diagnostic.severity,
                diagnostic.rule,
                diagnostic.message
            )?;
        }
    }
    writeln!(out, "{}", summary_line(report))
}
