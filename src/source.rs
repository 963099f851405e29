//! Reading inputs: files and stdin, decoded as UTF-8 (with or without BOM, LF or CRLF), or
//! from the encoding `--encoding` names or detects.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::encoding::{self, Decoding, InputEncoding};

/// Something to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk, named on the command line.
    Path(PathBuf),
    /// A file on disk, found while walking a folder.
    Found(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The name reports use for this input.
    pub fn name(&self) -> String {
        match self {
            Self::Path(path) | Self::Found(path) => path.display().to_string(),
            Self::Stdin => "<stdin>".to_owned(),
        }
    }

    /// The file's path; `None` for standard input.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Path(path) | Self::Found(path) => Some(path),
            Self::Stdin => None,
        }
    }
}

/// A decoded input.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name reports use.
    pub name: String,
    /// The text, byte for byte as read (a BOM stays at offset 0, so offsets are the file's);
    /// decoded to UTF-8 when [`SourceFile::decoded_from`] says so, and then offsets are the
    /// decoded text's.
    pub text: String,
    /// How the text was decoded when it was not read as UTF-8.
    pub decoded_from: Option<Decoding>,
}

/// Why an input could not be checked.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReadError {
    /// The path does not exist.
    #[error("{path}: no such file or directory")]
    #[diagnostic(code(coquille::not_found))]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The operating system refused to read it.
    #[error("{path}: cannot read: {reason}")]
    #[diagnostic(code(coquille::io))]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The bytes are not UTF-8.
    #[error("{path}: not valid UTF-8: invalid byte sequence at byte offset {offset}")]
    #[diagnostic(
        code(coquille::invalid_utf8),
        help(
            "read it with --encoding auto, which detects its encoding, or name the encoding: \
             --encoding windows-1252 (or latin-1)"
        )
    )]
    InvalidUtf8 {
        /// The path.
        path: String,
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// A file named on the command line holds a NUL byte in its first 8 KiB: not text.
    #[error("{path}: binary file, not checked (NUL byte at byte offset {offset})")]
    #[diagnostic(
        code(coquille::binary),
        help("coquille checks text files; a binary file found in a folder is skipped")
    )]
    Binary {
        /// The path.
        path: String,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A file found in a folder holds a NUL byte in its first 8 KiB: skipped with a note,
    /// not a failure of the run.
    #[error("{path}: binary file, skipped (NUL byte at byte offset {offset})")]
    #[diagnostic(code(coquille::binary_skipped))]
    BinarySkipped {
        /// The path.
        path: String,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A folder could not be walked (permissions, a symlink loop…).
    #[error("{path}: {reason}")]
    #[diagnostic(code(coquille::walk))]
    Walk {
        /// The folder or entry.
        path: String,
        /// What went wrong.
        reason: String,
    },
}

impl ReadError {
    /// The path this error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::NotFound { path }
            | Self::Io { path, .. }
            | Self::InvalidUtf8 { path, .. }
            | Self::Binary { path, .. }
            | Self::BinarySkipped { path, .. }
            | Self::Walk { path, .. } => path,
        }
    }

    /// Whether this only says the input was skipped, to note on stderr: not a failure.
    pub fn is_skip(&self) -> bool {
        matches!(self, Self::BinarySkipped { .. })
    }
}

/// Reads and decodes `input`.
pub fn read(input: &Input, encoding: InputEncoding) -> Result<SourceFile, ReadError> {
    let name = input.name();
    let bytes = match input {
        Input::Path(path) | Input::Found(path) => std::fs::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        }
    };
    let bytes = bytes.map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound { path: name.clone() },
        _ => ReadError::Io {
            path: name.clone(),
            reason: error.to_string(),
        },
    })?;
    if let Some(offset) = binary(&bytes) {
        return Err(match input {
            Input::Found(_) => ReadError::BinarySkipped { path: name, offset },
            Input::Path(_) | Input::Stdin => ReadError::Binary { path: name, offset },
        });
    }
    decode(name, bytes, encoding)
}

/// How much of a file is looked at for a NUL byte, as ripgrep does.
const BINARY_PROBE_BYTES: usize = 8 * 1024;

/// The offset of the first NUL byte in the first 8 KiB of `bytes`, when they are not text;
/// UTF-16 with a BOM is text (`--encoding auto` decodes it).
fn binary(bytes: &[u8]) -> Option<usize> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_PROBE_BYTES)])
}

/// Decodes `bytes` as `encoding` says; UTF-8 without changing a byte.
pub fn decode(
    name: String,
    bytes: Vec<u8>,
    encoding: InputEncoding,
) -> Result<SourceFile, ReadError> {
    match encoding::decode(bytes, encoding) {
        Ok((text, decoded_from)) => Ok(SourceFile {
            name,
            text,
            decoded_from,
        }),
        Err(error) => Err(ReadError::InvalidUtf8 {
            path: name,
            offset: error.offset,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset_of_the_first_bad_byte() {
        let error = decode(
            "x.txt".into(),
            b"R\xc3\xa9sum\xe9 ok".to_vec(),
            InputEncoding::Utf8,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.txt: not valid UTF-8: invalid byte sequence at byte offset 6"
        );
    }

    #[test]
    fn a_nul_byte_in_the_first_8_kib_makes_a_binary_file() {
        assert_eq!(binary(b"abc\0def"), Some(3));
        assert_eq!(binary(&[b"a".repeat(8192), vec![0]].concat()), None);
        assert_eq!(binary(b"\xff\xfeA\0"), None, "UTF-16 with a BOM");
        assert_eq!(binary("Réaffirmant".as_bytes()), None);
    }

    #[test]
    fn a_bom_is_kept_so_offsets_stay_the_file_s() {
        let file = decode(
            "x.txt".into(),
            b"\xef\xbb\xbfA".to_vec(),
            InputEncoding::Utf8,
        )
        .unwrap();
        assert_eq!(file.text.len(), 4);
    }
}
