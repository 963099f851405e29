//! GitHub Actions workflow commands, one per finding, so findings show as annotations on
//! the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.

use std::io::{self, Write};

use crate::diagnostic::Severity;
use crate::positions::Positions;
use crate::FileReport;

/// Writes a workflow command for each finding of `file`.
pub(super) fn write_file(file: &FileReport, out: &mut Vec<u8>) -> io::Result<()> {
    let mut positions = Positions::new(&file.file.text, &file.lines);
    let path = escape_property(&file.file.name);
    for diagnostic in &file.diagnostics {
        let from = positions.position(diagnostic.span.start);
        let to = positions.position(diagnostic.span.end);
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{command} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
            from.line,
            from.column,
            to.line,
            to.column,
            escape_property(diagnostic.rule),
            escape_data(&diagnostic.message),
        )?;
    }
    Ok(())
}

/// A message, escaped as the runner unescapes it: `%`, CR and LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: the message escapes, and `:` and `,`, which separate properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_and_line_breaks_are_escaped() {
        assert_eq!(escape_data("50 %\r\nà: b, c"), "50 %25%0D%0Aà: b, c");
        assert_eq!(escape_property("C:\\a,b%.txt"), "C%3A\\a%2Cb%25.txt");
    }
}
