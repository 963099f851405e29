//! `[per-file-ignores]`: rules that do not run on the files a glob matches.

use std::path::Path;

use super::PathGlobs;

/// Globs and, for each, the ids of the rules it turns off.
#[derive(Debug, Clone, Default)]
pub struct PerFileIgnores {
    globs: PathGlobs,
    rules: Vec<Vec<&'static str>>,
}

impl PerFileIgnores {
    /// `rules[i]` are off on the files `globs` matches with its glob `i`.
    pub fn new(globs: PathGlobs, rules: Vec<Vec<&'static str>>) -> Self {
        Self { globs, rules }
    }

    /// The ids of the rules that do not run on `path`.
    pub fn ignored(&self, path: &Path) -> Vec<&'static str> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        self.globs
            .matches(path)
            .into_iter()
            .flat_map(|index| self.rules[index].iter().copied())
            .collect()
    }
}
