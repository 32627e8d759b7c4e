//! The ladder in context, behind a typed accessor.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ladder::Ladder;

/// The imported ladder and what the import reported, shared by every page.
#[derive(Clone)]
pub struct LadderState {
    pub ladder: Arc<Ladder>,
    /// Import errors, one `path:line: error: message` line each.
    pub problems: Arc<Vec<String>>,
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
