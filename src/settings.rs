//! Settings that change what the rules report, from the command line and `coquille.toml`.

/// The spacing convention before `; : ! ?` and inside guillemets (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Spacing {
    /// Imprimerie nationale: U+202F before `; ! ?` and inside `« »`, U+00A0 before `:`.
    Fine,
    /// UN practice: U+00A0 everywhere.
    #[default]
    Nbsp,
    /// Plain-text exports: any space will do, only a missing one is flagged.
    Any,
}

/// Which apostrophe a document should use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Apostrophe {
    /// Whichever the document uses most (typographic on a tie).
    #[default]
    Majority,
    /// `’` (U+2019) everywhere.
    Typographic,
    /// `'` (U+0027) everywhere.
    Straight,
}

/// Everything a rule may need besides the document.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The spacing convention.
    pub spacing: Spacing,
    /// The apostrophe to use.
    pub apostrophe: Apostrophe,
}

/// U+00A0 NO-BREAK SPACE.
pub const NBSP: char = '\u{A0}';
/// U+202F NARROW NO-BREAK SPACE.
pub const NNBSP: char = '\u{202F}';

impl Spacing {
    /// The space `sign` (`;` `:` `!` `?`) wants before it, or `None` when any space will do.
    pub const fn before(self, sign: char) -> Option<char> {
        match (self, sign) {
            (Self::Any, _) => None,
            (Self::Fine, ';' | '!' | '?') => Some(NNBSP),
            _ => Some(NBSP),
        }
    }

    /// The space wanted after `«` and before `»`, or `None` when any space will do.
    pub const fn inside_guillemets(self) -> Option<char> {
        match self {
            Self::Any => None,
            Self::Fine => Some(NNBSP),
            Self::Nbsp => Some(NBSP),
        }
    }

    /// The space wanted between a number and its unit or between digit groups.
    pub const fn in_numbers(self) -> Option<char> {
        self.inside_guillemets()
    }
}

/// The space a fix inserts where `wanted` (from [`Spacing`]) is the convention.
pub const fn inserted_space(wanted: Option<char>) -> char {
    match wanted {
        Some(space) => space,
        None => NBSP,
    }
}

/// Whether `c` is a space inside a line (not a line break).
pub const fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | NBSP | NNBSP | '\u{2009}' | '\u{2007}')
}

/// The French name of a space character, for messages.
pub const fn space_name(c: char) -> &'static str {
    match c {
        NBSP => "espace insécable",
        NNBSP => "espace fine insécable",
        '\t' => "tabulation",
        '\u{2009}' => "espace fine",
        '\u{2007}' => "espace tabulaire",
        _ => "espace ordinaire",
    }
}
