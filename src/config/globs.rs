//! Globs of `coquille.toml` (`exclude`, `per-file-ignores`), matched against paths relative
//! to the file's folder.

use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// A set of globs rooted at a folder.
#[derive(Debug, Clone)]
pub struct PathGlobs {
    root: PathBuf,
    set: GlobSet,
}

impl Default for PathGlobs {
    fn default() -> Self {
        Self {
            root: PathBuf::new(),
            set: GlobSet::empty(),
        }
    }
}

impl PathGlobs {
    /// The globs `patterns` rooted at `root`: `*` stays within a folder, `**` crosses
    /// folders, and a glob without `/` matches a name at any depth. The error is the index
    /// of the glob that does not parse and why.
    pub fn new(root: &Path, patterns: &[&str]) -> Result<Self, (usize, globset::Error)> {
        let mut builder = GlobSetBuilder::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let pattern = pattern.trim_start_matches("./");
            let pattern = if pattern.contains('/') {
                pattern.to_owned()
            } else {
                format!("**/{pattern}")
            };
            let glob = GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .map_err(|error| (index, error))?;
            builder.add(glob);
        }
        let set = builder.build().map_err(|error| (0, error))?;
        Ok(Self {
            root: absolute(root),
            set,
        })
    }

    /// The indices of the globs that match `path` or one of its folders below the root.
    pub fn matches(&self, path: &Path) -> Vec<usize> {
        let path = absolute(path);
        let relative = path.strip_prefix(&self.root).unwrap_or(&path);
        let mut found: Vec<usize> = relative
            .ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .flat_map(|a| self.set.matches(a))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether a glob matches `path` or one of its folders.
    pub fn is_match(&self, path: &Path) -> bool {
        !self.set.is_empty() && !self.matches(path).is_empty()
    }
}

/// `path` made absolute against the current folder, without `.` components.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    joined
        .components()
        .filter(|c| *c != Component::CurDir)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_below_their_root() {
        let globs =
            PathGlobs::new(Path::new("/corpus"), &["annexes/*.md", "brouillon.txt"]).unwrap();
        assert_eq!(globs.matches(Path::new("/corpus/annexes/a.md")), [0]);
        assert!(globs
            .matches(Path::new("/corpus/annexes/sub/a.md"))
            .is_empty());
        assert_eq!(globs.matches(Path::new("/corpus/x/brouillon.txt")), [1]);
        assert!(globs.is_match(Path::new("/corpus/./brouillon.txt")));
        assert!(!globs.is_match(Path::new("/corpus/a.md")));
    }

    #[test]
    fn a_folder_glob_matches_the_files_inside() {
        let globs = PathGlobs::new(Path::new("/corpus"), &["archive"]).unwrap();
        assert!(globs.is_match(Path::new("/corpus/archive/2001/a.txt")));
    }
}
