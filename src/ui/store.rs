//! The one progress store in context: ratings, evidence and quiz state, kept in step
//! with localStorage and with other tabs.

use leptos::ev;
use leptos::prelude::*;

use crate::progress::{Backup, BeforeSave, Progress, Rating, Saved, Stored, Trouble, Troubles};
use crate::storage::{self, Loaded, SaveError};

/// The progress store, shared through context.
#[derive(Clone, Copy)]
pub struct ProgressStore {
    progress: RwSignal<Progress>,
    trouble: RwSignal<Troubles>,
}

/// Milliseconds since the epoch, as the browser tells it.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

impl ProgressStore {
    /// Loads progress, follows other tabs, and provides the store.
    pub fn provide() -> ProgressStore {
        let (progress, trouble) = match storage::load(now()) {
            Loaded::Ok { progress, full } => (
                progress,
                if full {
                    vec![Trouble::Full]
                } else {
                    Vec::new()
                },
            ),
            Loaded::Damaged {
                raw,
                error,
                kept_as,
            } => (
                Progress::default(),
                vec![Trouble::Damaged {
                    raw,
                    error,
                    kept_as,
                    at_start: true,
                }],
            ),
            Loaded::Newer { schema } => (Progress::default(), vec![Trouble::Newer { schema }]),
            Loaded::Unavailable => (Progress::default(), vec![Trouble::Unavailable]),
        };
        let store = ProgressStore {
            progress: RwSignal::new(progress),
            trouble: RwSignal::new(Troubles(trouble)),
        };
        // Another tab saved: take its answers in (per-answer stamps and the reset
        // decide), or note that it is damaged or newer.
        let listener = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            if storage::is_progress_event(&e) {
                if let Some((stored, raw)) = storage::read_changed(now()) {
                    match stored {
                        Stored::Readable(theirs) => {
                            store.progress.update(|mine| mine.merge(&theirs))
                        }
                        other => store.unreadable(other, raw),
                    }
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
        self.progress
            .with(|p| p.answer(id).map(|a| a.evidence.clone()).unwrap_or_default())
    }

    /// Storage trouble to show, untracked.
    pub fn trouble_untracked(&self) -> Vec<Trouble> {
        self.trouble.with_untracked(|t| t.0.clone())
    }

    /// Storage trouble to show, tracked.
    pub fn trouble(&self) -> Vec<Trouble> {
        self.trouble.with(|t| t.0.clone())
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
            super::persistent_storage::ask();
        }
    }

    /// Dismisses a trouble notice. A damaged value stays under its backup key; one
    /// that could not be copied aside may be saved over once the person dismissed it.
    pub fn dismiss(&self, t: &Trouble) {
        if let Trouble::Damaged { raw, .. } = t {
            storage::seen(raw.clone());
        }
        self.trouble.update(|list| list.dismiss(t));
    }

    /// Whether this tab has stopped saving because a newer version stored progress.
    pub fn outdated(&self) -> bool {
        self.trouble.with_untracked(Troubles::outdated)
    }

    /// Everything kept for the person, as a backup.
    pub fn backup(&self) -> Backup {
        Backup {
            progress: self.progress.get_untracked(),
            kept: storage::backup_values(),
            imported_ladder: storage::imported_raw(),
        }
    }

    /// Notes a stored value this tab cannot read: a newer one stops saving; a damaged
    /// one is copied aside (once) and reported.
    fn unreadable(&self, stored: Stored, raw: String) {
        let trouble = match stored {
            Stored::Newer { schema } => Trouble::Newer { schema },
            Stored::Damaged(error) => {
                let kept_as = storage::copy_aside(&raw, now());
                if kept_as.is_some() {
                    storage::seen(raw.clone());
                }
                Trouble::Damaged {
                    raw,
                    error: error.to_string(),
                    kept_as,
                    at_start: false,
                }
            }
            Stored::Absent | Stored::Readable(_) => return,
        };
        self.note(|t| t.note(trouble));
    }

    /// Applies `change` to the trouble list, and redraws the banners only when the
    /// list changed: a redraw between a press and its release (a note losing focus
    /// saves, and a full storage fails again) would swallow a click on a banner.
    fn note(&self, change: impl FnOnce(&mut Troubles)) {
        let mut list = self.trouble.get_untracked();
        change(&mut list);
        if self.trouble.with_untracked(|t| *t != list) {
            self.trouble.set(list);
        }
    }

    /// Whether this tab must not write (see `Troubles::holding`).
    fn holding(&self) -> bool {
        self.trouble.with_untracked(Troubles::holding)
    }

    /// Writes to storage, first taking in what another tab stored since (see
    /// `Progress::before_save`), so answers made in both tabs are all kept and a
    /// value this tab cannot read is never written over.
    fn persist(&self) {
        if self.holding() {
            return;
        }
        if let Some((stored, raw)) = storage::read_changed(now()) {
            let mut merged = self.progress.get_untracked();
            match merged.before_save(&stored) {
                BeforeSave::Save => {
                    if self.progress.with_untracked(|p| *p != merged) {
                        self.progress.set(merged);
                    }
                }
                BeforeSave::CopyAside(_) | BeforeSave::Hold { .. } => {
                    self.unreadable(stored, raw);
                    if self.holding() {
                        return;
                    }
                }
            }
        }
        let saved = match self.progress.with_untracked(storage::save) {
            Ok(()) => Saved::Done,
            Err(SaveError::Full) => Saved::Full,
            Err(SaveError::Unavailable) => Saved::Unavailable,
        };
        self.note(|t| t.saved(saved));
    }
}
