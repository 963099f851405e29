//! `coquille.toml` as serde reads it: every key known, every rule name and glob with its
//! place in the file so that a fault can be pointed at. The README documents it for users.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::settings::{Apostrophe, Spacing};

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct ConfigSpec {
    pub spacing: Option<Spacing>,
    pub apostrophe: Option<Apostrophe>,
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Extra rule packs, relative to the file's folder.
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Rule id or group → level.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Level>,
    /// Glob → rule ids or groups.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

/// A severity set in the file, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Its findings are infos.
    Info,
    /// Its findings are warnings.
    Warning,
    /// Its findings are errors.
    Error,
}

impl Level {
    /// The severity its findings get, or `None` for `off`.
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Self::Off => None,
            Self::Info => Some(Severity::Info),
            Self::Warning => Some(Severity::Warning),
            Self::Error => Some(Severity::Error),
        }
    }
}
