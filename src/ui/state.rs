//! The ladder in context, behind a typed accessor.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use crate::ladder::Ladder;
use crate::page_note::BuildError;

thread_local! {
    /// The ladder as far as the page has loaded it, and the length of the text it was
    /// read from (`ui::ladder_files`): a page that needs a level's file loads it, then
    /// reads the ladder again if the text grew ([`LadderState::read_again`]) before it
    /// draws. (One cell for the one app a page runs, not a reactive store: nothing
    /// redraws on it, and a `StoredValue` of it cost 0.6 KB of wasm.)
    static LADDER: RefCell<(usize, Arc<Ladder>)> = RefCell::default();
}

/// The ladder and what the build's import reported, shared by every page.
#[derive(Clone)]
pub struct LadderState {
    /// Errors of the build-time import: a short note on each page they touch.
    pub problems: Arc<Vec<BuildError>>,
}

impl LadderState {
    /// Provides `ladder` and the `problems` its import reported to every page.
    pub fn provide(ladder: Ladder, problems: Vec<BuildError>) {
        let read_from = super::ladder_files::text().len();
        LADDER.with(|l| *l.borrow_mut() = (read_from, Arc::new(ladder)));
        provide_context(LadderState {
            problems: Arc::new(problems),
        });
    }

    /// The ladder state provided by `App`.
    pub fn expect() -> LadderState {
        expect_context::<LadderState>()
    }

    /// The ladder, as far as the page has loaded it.
    pub fn ladder(&self) -> Arc<Ladder> {
        LADDER.with(|l| Arc::clone(&l.borrow().1))
    }

    /// Reads the ladder again if the page has loaded more of it since
    /// (`ui::ladder_files`).
    pub fn read_again() {
        let now = super::ladder_files::text().len();
        LADDER.with(|l| {
            if l.borrow().0 != now {
                *l.borrow_mut() = (now, Arc::new(super::ladder()));
            }
        });
    }
}
