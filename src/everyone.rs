//! Expectations for everyone on a level: the level as it is checked and summed up, with
//! the statements that apply to every role of its track added as their own dimension
//! group, named "Expected of everyone" (`Expected of everyone: <dimension>` when the
//! page has several dimensions).
//!
//! Answers are keyed by expectation id, so an expectation for everyone rated on one
//! level is rated on every level: it is rated once, and counted in each level's
//! summary and Check yourself.

use crate::ladder::{Dimension, Ladder, Level, Role};

/// The name of the dimension group that holds the expectations for everyone.
pub const GROUP: &str = "Expected of everyone";

/// `level` of `role` with the ladder's expectations for everyone that apply to the role
/// appended as dimensions named after [`GROUP`]; `level` as it is when none apply.
pub fn with_everyone(ladder: &Ladder, role: &Role, level: &Level) -> Level {
    let mut out = level.clone();
    out.dimensions.extend(everyone_dimensions(ladder, role));
    out
}

/// The dimensions for everyone that apply to `role`, named after [`GROUP`]; only those
/// with expectations.
pub fn everyone_dimensions(ladder: &Ladder, role: &Role) -> Vec<Dimension> {
    let Some(everyone) = ladder.everyone_for(role) else {
        return Vec::new();
    };
    let dims: Vec<&Dimension> = everyone
        .level
        .dimensions
        .iter()
        .filter(|d| !d.expectations.is_empty())
        .collect();
    let one = dims.len() == 1;
    dims.into_iter()
        .map(|d| Dimension {
            emoji: None,
            name: if one || d.name.is_empty() {
                GROUP.to_string()
            } else {
                format!("{GROUP}: {}", d.name)
            },
            expectations: d.expectations.clone(),
            examples: d.examples.clone(),
        })
        .collect()
}

/// Whether expectation `id` is one of the ladder's expectations for everyone.
pub fn is_everyones(ladder: &Ladder, id: &str) -> bool {
    ladder
        .everyone
        .iter()
        .flat_map(|e| &e.level.dimensions)
        .flat_map(|d| &d.expectations)
        .any(|x| x.id == id)
}
