//! coquille: a fast linter for French institutional texts.

pub mod diagnostic;
pub mod document;
pub mod line_index;
pub mod span;
