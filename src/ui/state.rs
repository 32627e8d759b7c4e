//! The ladder in context, behind a typed accessor.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ladder::Ladder;
use crate::page_note::BuildError;

/// The imported ladder and what the import reported, shared by every page.
#[derive(Clone)]
pub struct LadderState {
    pub ladder: Arc<Ladder>,
    /// Errors of the build-time import: a short note on each page they touch.
    pub problems: Arc<Vec<BuildError>>,
}

impl LadderState {
    pub fn provide(self) {
        provide_context(self);
    }

    /// The ladder state provided by `App`.
    pub fn expect() -> LadderState {
        expect_context::<LadderState>()
    }
}
