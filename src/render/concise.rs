//! One line per finding: `path:line:column: severity[rule] message`.

use std::io::{self, Write};

use crate::positions::Positions;
use crate::FileReport;

/// Writes a line for each finding of `file`.
pub(super) fn write_file(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    let mut positions = Positions::new(&file.file.text, &file.lines);
    for diagnostic in &file.diagnostics {
        let at = positions.position(diagnostic.span.start);
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
    Ok(())
}
