//! Writing fixed texts back: atomically, keeping the file's permissions; or as new copies.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Why a fixed text could not be written; the original file is left as it was.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    /// The file has no write permission: someone protected it.
    #[error("{path}: cannot write: the file is read-only")]
    #[diagnostic(code(coquille::read_only))]
    ReadOnly {
        /// The path.
        path: String,
    },
    /// The operating system refused (read-only folder, full disk…).
    #[error("{path}: cannot write: {reason}")]
    #[diagnostic(code(coquille::write))]
    Io {
        /// The path.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// A fixed copy would take the place of its original.
    #[error("{path}: not written: the copy would replace the original")]
    #[diagnostic(
        code(coquille::copy_over_original),
        help("choose an --output-dir outside the folders being cleaned")
    )]
    OverOriginal {
        /// The original's path.
        path: String,
    },
    /// Two inputs mirror to the same copy (two folders holding files of the same names).
    #[error("{path}: not written: the copy of {other} is already there")]
    #[diagnostic(
        code(coquille::copy_collision),
        help("clean the two folders one at a time, each into its own --output-dir")
    )]
    SameCopy {
        /// The copy's path.
        path: String,
        /// The input already copied there.
        other: String,
    },
}

impl WriteError {
    /// The path this error is about.
    pub fn path(&self) -> &str {
        match self {
            Self::ReadOnly { path }
            | Self::Io { path, .. }
            | Self::OverOriginal { path }
            | Self::SameCopy { path, .. } => path,
        }
    }
}

/// Replaces the contents of the file at `path` with `text`, byte for byte.
///
/// The text goes to a temporary file in the same folder, which then takes the original's
/// name: a reader sees the old text or the new one, never a mix, and a failure leaves the
/// original intact. The file keeps its permissions; a symbolic link stays a link to the
/// file it names.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), WriteError> {
    let name = || path.display().to_string();
    let io_error = |error: io::Error| WriteError::Io {
        path: name(),
        reason: reason(&error),
    };
    let target = fs::canonicalize(path).map_err(io_error)?;
    let permissions = fs::metadata(&target).map_err(io_error)?.permissions();
    if permissions.readonly() {
        return Err(WriteError::ReadOnly { path: name() });
    }
    let folder = target.parent().unwrap_or(Path::new("/"));
    let mut temporary = tempfile::Builder::new()
        .prefix(".coquille-")
        .tempfile_in(folder)
        .map_err(io_error)?;
    temporary.write_all(text.as_bytes()).map_err(io_error)?;
    temporary
        .as_file()
        .set_permissions(permissions)
        .map_err(io_error)?;
    // A full disk may show only when the data reaches it: find out before the rename.
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary
        .persist(&target)
        .map_err(|error| io_error(error.error))?;
    Ok(())
}

/// Writes `text` to a new file at `path`, creating its folders; a file already there is
/// replaced atomically, as by [`write_atomically`].
pub fn write_copy(path: &Path, text: &str) -> Result<(), WriteError> {
    let io_error = |error: io::Error| WriteError::Io {
        path: path.display().to_string(),
        reason: reason(&error),
    };
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = folder.unwrap_or(Path::new("."));
    fs::create_dir_all(folder).map_err(io_error)?;
    let mut temporary = tempfile::Builder::new()
        .prefix(".coquille-")
        .tempfile_in(folder)
        .map_err(io_error)?;
    temporary.write_all(text.as_bytes()).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary
        .persist(path)
        .map_err(|error| io_error(error.error))?;
    Ok(())
}

/// The system's reason alone: tempfile appends ` at path "…"`, the temporary file's name,
/// which users never asked for.
fn reason(error: &io::Error) -> String {
    let mut reason = error.to_string();
    if let Some(at) = reason.find(" at path \"") {
        reason.truncate(at);
    }
    reason
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{symlink, PermissionsExt};

    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_text_is_written_exactly_and_the_permissions_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "avant\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "\u{feff}après\r\n").unwrap();
        assert_eq!(fs::read(&path).unwrap(), "\u{feff}après\r\n".as_bytes());
        assert_eq!(mode(&path), 0o640);
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_symbolic_link_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.txt");
        let link = dir.path().join("link.txt");
        fs::write(&target, "avant").unwrap();
        symlink(&target, &link).unwrap();
        write_atomically(&link, "après").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "après");
    }

    #[test]
    fn a_read_only_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "avant").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_atomically(&path, "après").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{}: cannot write: the file is read-only", path.display())
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "avant");
    }

    #[test]
    fn the_reason_leaves_out_the_temporary_file_s_name() {
        let error = io::Error::new(
            io::ErrorKind::PermissionDenied,
            "Permission denied (os error 13) at path \"/x/.coquille-Ab12\"",
        );
        assert_eq!(reason(&error), "Permission denied (os error 13)");
    }

    #[test]
    fn a_copy_is_written_with_its_folders_and_replaces_an_older_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/c.txt");
        write_copy(&path, "premier").unwrap();
        write_copy(&path, "second").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        let left: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_missing_file_is_an_error_not_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.txt");
        let error = write_atomically(&path, "après").unwrap_err();
        assert!(
            error.to_string().starts_with(&format!(
                "{}: cannot write: No such file or directory",
                path.display()
            )),
            "{error}"
        );
        assert!(!path.exists());
    }
}
