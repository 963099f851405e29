//! `coquille.toml`: the options of `check` written down for a corpus, found in the current
//! folder or a parent (or named with `--config`). Command-line options override it.
//!
//! Reading the file checks its keys, values and globs; [`Config::rules`] then checks its
//! rule names against the registry, once the packs it names are loaded. Every fault is a
//! diagnostic pointing into the file.

mod discover;
mod error;
mod globs;
mod per_file;
mod schema;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

pub use discover::{discover, FILE_NAME};
pub use error::{ConfigError, Fault, InvalidConfig};
pub use globs::PathGlobs;
pub use per_file::PerFileIgnores;
pub use schema::Level;

use crate::diagnostic::Severity;
use crate::rules::Registry;
use crate::settings::{Apostrophe, Spacing};
use crate::span::Span;
use schema::ConfigSpec;

/// A `coquille.toml` as read, its keys and values checked.
#[derive(Debug)]
pub struct Config {
    name: String,
    folder: PathBuf,
    text: String,
    spec: ConfigSpec,
    exclude: PathGlobs,
}

/// What the file says about the rules, checked against a registry.
#[derive(Debug, Default)]
pub struct RuleConfig {
    /// The severity each rule's findings get, where the file sets one.
    pub severities: HashMap<&'static str, Severity>,
    /// The rules set to `off`.
    pub off: Vec<&'static str>,
    /// The rules that do not run on some files.
    pub per_file_ignores: PerFileIgnores,
}

impl Config {
    /// The file `given` (`--config`), or else the one of `start` or its nearest parent;
    /// `None` when there is none.
    pub fn find(given: Option<&Path>, start: &Path) -> Result<Option<Self>, ConfigError> {
        match given.map(Path::to_path_buf).or_else(|| discover(start)) {
            Some(path) => Self::read(&path, start).map(Some),
            None => Ok(None),
        }
    }

    /// Reads the file at `path`, named in reports relative to `cwd`.
    pub fn read(path: &Path, cwd: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Io {
            path: path.display().to_string(),
            reason: error.to_string(),
        })?;
        let name = path.strip_prefix(cwd).unwrap_or(path).display().to_string();
        let folder = cwd.join(path.parent().unwrap_or(Path::new("")));
        Self::parse(&name, &folder, &text)
    }

    /// The file `name` of `folder` whose text is `text`.
    pub fn parse(name: &str, folder: &Path, text: &str) -> Result<Self, ConfigError> {
        let fault = |span: Span, fault: Fault| error::invalid(name, text, span, fault);
        let spec: ConfigSpec = toml::from_str(text).map_err(|error| {
            let span = error.span().map_or(Span::default(), span_of);
            fault(span, Fault::Toml(error.message().to_owned()))
        })?;
        let patterns: Vec<&str> = spec.exclude.iter().map(|g| g.get_ref().as_str()).collect();
        let exclude = PathGlobs::new(folder, &patterns).map_err(|(index, error)| {
            fault(
                span_of(spec.exclude[index].span()),
                Fault::InvalidGlob(error.kind().to_string()),
            )
        })?;
        Ok(Self {
            name: name.to_owned(),
            folder: folder.to_path_buf(),
            text: text.to_owned(),
            spec,
            exclude,
        })
    }

    /// `spacing`.
    pub fn spacing(&self) -> Option<Spacing> {
        self.spec.spacing
    }

    /// `apostrophe`.
    pub fn apostrophe(&self) -> Option<Apostrophe> {
        self.spec.apostrophe
    }

    /// `select`.
    pub fn select(&self) -> Vec<String> {
        names(&self.spec.select)
    }

    /// `ignore`.
    pub fn ignore(&self) -> Vec<String> {
        names(&self.spec.ignore)
    }

    /// `rules`: the extra packs, relative to the file's folder.
    pub fn packs(&self) -> Vec<PathBuf> {
        self.spec
            .rules
            .iter()
            .map(|p| self.folder.join(p))
            .collect()
    }

    /// `exclude`: the files and folders a walk skips.
    pub fn exclude(&self) -> &PathGlobs {
        &self.exclude
    }

    /// Checks every rule name of the file against `registry` and resolves the groups.
    pub fn rules(&self, registry: &Registry) -> Result<RuleConfig, ConfigError> {
        for name in self.spec.select.iter().chain(&self.spec.ignore) {
            self.expand(registry, name)?;
        }
        let mut config = RuleConfig::default();
        // A group's level first, so that a rule's own level wins.
        let (groups, ids): (Vec<_>, Vec<_>) = self
            .spec
            .severity
            .iter()
            .partition(|(name, _)| registry.find(name.get_ref()).is_none());
        for (name, level) in groups.into_iter().chain(ids) {
            for id in self.expand(registry, name)? {
                config.off.retain(|off| *off != id);
                match level.severity() {
                    Some(severity) => {
                        config.severities.insert(id, severity);
                    }
                    None => config.off.push(id),
                }
            }
        }
        let mut patterns = Vec::new();
        let mut rules = Vec::new();
        for (glob, names) in &self.spec.per_file_ignores {
            let mut ids = Vec::new();
            for name in names {
                ids.extend(self.expand(registry, name)?);
            }
            patterns.push(glob.get_ref().as_str());
            rules.push(ids);
        }
        let globs = PathGlobs::new(&self.folder, &patterns).map_err(|(index, error)| {
            let glob = self.spec.per_file_ignores.keys().nth(index);
            self.fault(
                glob.map_or(Span::default(), |g| span_of(g.span())),
                Fault::InvalidGlob(error.kind().to_string()),
            )
        })?;
        config.per_file_ignores = PerFileIgnores::new(globs, rules);
        Ok(config)
    }

    /// The ids `name` stands for: a rule's, or those of a group.
    fn expand(
        &self,
        registry: &Registry,
        name: &Spanned<String>,
    ) -> Result<Vec<&'static str>, ConfigError> {
        let rules = registry
            .select(std::slice::from_ref(name.get_ref()), &[])
            .map_err(|_| {
                self.fault(
                    span_of(name.span()),
                    Fault::UnknownRule(name.get_ref().clone()),
                )
            })?;
        Ok(rules.iter().map(|rule| rule.meta().id).collect())
    }

    fn fault(&self, span: Span, fault: Fault) -> ConfigError {
        error::invalid(&self.name, &self.text, span, fault)
    }
}

fn names(names: &[Spanned<String>]) -> Vec<String> {
    names.iter().map(|n| n.get_ref().clone()).collect()
}

fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

#[cfg(test)]
mod tests;
