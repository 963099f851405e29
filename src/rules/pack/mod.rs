//! Rule packs: pattern rules written as data (`rules/*.toml`, documented in
//! `rules/README.md`), built in with `include_str!` or added with `--rules PATH`.
//!
//! Loading a pack parses its regexes (to report their faults and find their required
//! literals) but compiles none: a regex is compiled the first time a text holds one of its
//! literals (or once searching texts for them has cost about a compilation, unless a few
//! anchors find them for less), then kept for the rest of the run.

mod anchors;
mod error;
mod load;
mod pattern;
mod rule;
mod schema;
mod template;

use std::path::Path;
use std::sync::{Arc, OnceLock};

pub use error::{Fault, InvalidPack, PackError};
pub use pattern::Pattern;
pub use rule::PackRule;

use crate::span::Span;

/// The packs compiled into the binary: (name in reports, TOML).
const BUILTIN: [(&str, &str); 1] = [(
    "rules/typography.toml",
    include_str!("../../../rules/typography.toml"),
)];

/// A loaded pack: its rules, and its text to point at them.
#[derive(Debug)]
pub struct Pack {
    name: String,
    text: String,
    rules: Vec<Arc<PackRule>>,
    ids: Vec<Span>,
}

impl Pack {
    /// Reads the pack `name` from its TOML `text`.
    pub fn parse(name: &str, text: &str) -> Result<Self, PackError> {
        let loaded = load::load(name, text)?;
        Ok(Self {
            name: name.to_owned(),
            text: text.to_owned(),
            ids: loaded.iter().map(|l| l.id).collect(),
            rules: loaded.into_iter().map(|l| Arc::new(l.rule)).collect(),
        })
    }

    /// The pack at `path`, or every `*.toml` pack of the folder `path` (not its
    /// sub-folders), in the order of their names.
    pub fn read(path: &Path) -> Result<Vec<Self>, PackError> {
        if !path.is_dir() {
            return Ok(vec![Self::read_file(path)?]);
        }
        let io = |error: std::io::Error| io_error(path, &error);
        let mut files = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io)? {
            let file = entry.map_err(io)?.path();
            if file.extension().is_some_and(|e| e == "toml") && file.is_file() {
                files.push(file);
            }
        }
        if files.is_empty() {
            return Err(PackError::EmptyFolder {
                path: path.display().to_string(),
            });
        }
        files.sort();
        files.iter().map(|file| Self::read_file(file)).collect()
    }

    fn read_file(path: &Path) -> Result<Self, PackError> {
        let text = std::fs::read_to_string(path).map_err(|error| io_error(path, &error))?;
        Self::parse(&path.display().to_string(), &text)
    }

    /// The pack's rules, in the order of the file.
    pub fn rules(&self) -> &[Arc<PackRule>] {
        &self.rules
    }

    /// The error for the rule at `index` whose id is already in use.
    pub(crate) fn id_taken(&self, index: usize) -> PackError {
        PackError::Invalid(Box::new(InvalidPack::new(
            &self.name,
            &self.text,
            self.ids[index],
            Fault::IdTaken(self.rules[index].meta.id.to_owned()),
        )))
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> PackError {
    PackError::Io {
        path: path.display().to_string(),
        reason: error.to_string(),
    }
}

#[cfg(test)]
mod tests;

/// The built-in packs, loaded once per process so that each regex is compiled at most once.
pub fn builtin() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(name, text)| {
                Pack::parse(name, text).unwrap_or_else(|error| panic!("built-in pack: {error}"))
            })
            .collect()
    })
}
