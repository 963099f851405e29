//! What `--diff` prints: a unified diff per changed file, as `diff -u` and `ruff --diff` do.

use std::io::{self, Write};

use similar::TextDiff;

/// Writes the unified diff that turns `old` into `new`, both headed by `name`; nothing when
/// the texts are equal. Lines are written byte for byte, `\r` included.
pub fn write_diff(name: &str, old: &str, new: &str, out: &mut dyn Write) -> io::Result<()> {
    TextDiff::from_lines(old, new)
        .unified_diff()
        .header(name, name)
        .to_writer(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(old: &str, new: &str) -> String {
        let mut out = Vec::new();
        write_diff("a.txt", old, new, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_changed_line_is_shown_with_its_context() {
        assert_eq!(
            diff("un\ndeux\ntrois\n", "un\ndeux,\ntrois\n"),
            "--- a.txt\n+++ a.txt\n@@ -1,3 +1,3 @@\n un\n-deux\n+deux,\n trois\n"
        );
    }

    #[test]
    fn equal_texts_give_nothing() {
        assert_eq!(diff("un\n", "un\n"), "");
    }

    #[test]
    fn crlf_and_a_missing_final_newline_are_shown_as_they_are() {
        assert_eq!(
            diff("un\r\ndeux", "un\r\ndeux."),
            "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n un\r\n-deux\n\\ No newline at end of file\n+deux.\n\\ No newline at end of file\n"
        );
    }
}
