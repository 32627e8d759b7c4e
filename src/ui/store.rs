//! The one progress store in context: ratings, evidence and quiz state, kept in step
//! with localStorage and with other tabs.

use leptos::ev;
use leptos::prelude::*;

use crate::progress::{Progress, Rating};
use crate::storage::{self, Loaded, SaveError};

/// Trouble with storage that the person should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The stored progress was unreadable; it is kept and offered as a download.
    Damaged { raw: String, error: String, kept_as: Option<String> },
    /// No localStorage: progress lives in this tab only.
    Unavailable,
    /// localStorage is full: the last changes live in this tab only.
    Full,
}

/// The progress store, shared through context.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    trouble: RwSignal<Vec<Trouble>>,
}

/// Milliseconds since the epoch, as the browser tells it.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl ProgressStore {
    /// Loads progress, follows other tabs, and provides the store.
    pub fn provide() -> ProgressStore {
        let (progress, trouble) = match storage::load(now()) {
            Loaded::Ok(p) => (p, Vec::new()),
            Loaded::Damaged { raw, error, kept_as } => {
                (Progress::default(), vec![Trouble::Damaged { raw, error, kept_as }])
            }
            Loaded::Unavailable => (Progress::default(), vec![Trouble::Unavailable]),
        };
        let store = ProgressStore {
            progress: RwSignal::new(progress),
            trouble: RwSignal::new(trouble),
        };
        // Another tab saved: take its answers in; per-answer timestamps decide.
        let listener = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if storage::is_progress_event(&e) {
                if let Some(theirs) = storage::read_changed() {
                    store.progress.update(|mine| mine.merge(&theirs));
                }
            }
        });
        on_cleanup(move || listener.remove());
        provide_context(store);
        store
    }

    /// The store provided by `App`.
    pub fn expect() -> ProgressStore {
        expect_context::<ProgressStore>()
    }

    /// Reads the progress without cloning it, tracked.
    pub fn with<T>(&self, f: impl FnOnce(&Progress) -> T) -> T {
        self.progress.with(f)
    }

    /// Reads the progress without cloning it or tracking it.
    pub fn with_untracked<T>(&self, f: impl FnOnce(&Progress) -> T) -> T {
        self.progress.with_untracked(f)
    }

    pub fn rating(&self, id: &str) -> Option<Rating> {
        self.progress.with(|p| p.rating(id))
    }

    pub fn evidence(&self, id: &str) -> String {
        self.progress.with(|p| p.answer(id).map(|a| a.evidence.clone()).unwrap_or_default())
    }

    /// Storage trouble to show, untracked.
    pub fn trouble_untracked(&self) -> Vec<Trouble> {
        self.trouble.get_untracked()
    }

    /// Storage trouble to show, tracked.
    pub fn trouble(&self) -> Vec<Trouble> {
        self.trouble.get()
    }

    /// Rates expectation `id` (plain text `text`), or clears it with `None`, and saves.
    pub fn rate(&self, id: &str, text: &str, rating: Option<Rating>) {
        self.change(|p| p.rate(id, text, rating, now()));
    }

    /// Sets the evidence note of expectation `id` and saves.
    pub fn set_evidence(&self, id: &str, text: &str, evidence: &str) {
        self.change(|p| p.set_evidence(id, text, evidence, now()));
    }

    /// Applies `f` and saves. After the first answer ever, asks the browser to keep
    /// its storage.
    pub fn change(&self, f: impl FnOnce(&mut Progress)) {
        let first = self.progress.with_untracked(|p| p.answers.is_empty());
        self.progress.update(f);
        self.persist();
        if first && self.progress.with_untracked(|p| !p.answers.is_empty()) {
            super::keep::ask();
        }
    }

    /// Dismisses a trouble notice. A damaged value stays under its backup key.
    pub fn dismiss(&self, t: &Trouble) {
        self.trouble.update(|list| list.retain(|x| x != t));
    }

    /// Writes to storage, first taking in what another tab stored since, so answers
    /// made in both tabs are all kept.
    fn persist(&self) {
        // No storage, or damaged data that could not be copied aside: saving would
        // overwrite it, so keep to memory until the person has dismissed the banner.
        let hold = self.trouble.with_untracked(|t| {
            t.iter().any(|x| matches!(x, Trouble::Unavailable | Trouble::Damaged { kept_as: None, .. }))
        });
        if hold {
            return;
        }
        if let Some(stored) = storage::read_changed() {
            let differs = self.progress.with_untracked(|p| {
                let mut merged = p.clone();
                merged.merge(&stored);
                // This tab made the latest change: its quiz positions and ladder quiz
                // stand (a merge would keep a position it moved back from, or a missed
                // item it has just answered right).
                merged.quiz.extend(p.quiz.iter().map(|(k, v)| (k.clone(), *v)));
                merged.ladder_quiz = p.ladder_quiz.clone();
                (merged != *p).then_some(merged)
            });
            if let Some(merged) = differs {
                self.progress.set(merged);
            }
        }
        let result = self.progress.with_untracked(storage::save);
        self.trouble.update(|t| match result {
            Ok(()) => t.retain(|x| *x != Trouble::Full),
            Err(SaveError::Full) if !t.contains(&Trouble::Full) => t.push(Trouble::Full),
            Err(SaveError::Unavailable) if !t.contains(&Trouble::Unavailable) => t.push(Trouble::Unavailable),
            Err(_) => {}
        });
    }
}
