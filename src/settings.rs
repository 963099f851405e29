//! Settings that change what the rules report, from the command line (and later `coquille.toml`).

/// The spacing convention before `; : ! ?` and inside guillemets (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Spacing {
    /// Imprimerie nationale: U+202F before `; ! ?` and inside `« »`, U+00A0 before `:`.
    Fine,
    /// UN practice: U+00A0 everywhere.
    #[default]
    Nbsp,
    /// Plain-text exports: any space will do, only a missing one is flagged.
    Any,
}

/// Everything a rule may need besides the document.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The spacing convention.
    pub spacing: Spacing,
}
