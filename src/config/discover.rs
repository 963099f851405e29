//! Finding `coquille.toml`: in the folder a run starts from, or the nearest parent.

use std::path::{Path, PathBuf};

/// The configuration file's name.
pub const FILE_NAME: &str = "coquille.toml";

/// The `coquille.toml` of `start` or of its nearest parent that has one.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}
