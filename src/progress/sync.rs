//! What a tab does with the stored value it finds: at start-up, when another tab
//! saved, and just before it saves. The storage module only reads and writes; the
//! decisions are here.
//!
//! - A readable value (of this schema or an older one) is taken in, its stamps
//!   clamped (another tab may hold a value from a backup or a link).
//! - An unreadable value is never written over until it has been copied aside.
//! - A value of a newer schema (an updated Rungs in another tab) stops this tab from
//!   saving at all: it cannot read it, so anything it wrote would lose it.

use super::answers::Progress;
use super::error::ProgressError;
use super::schema::from_json;

/// The stored progress, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    /// Nothing is stored yet.
    Absent,
    /// A value this version reads (migrated from an older schema if need be), with
    /// its stamps clamped.
    Readable(Progress),
    /// A value that cannot be read (broken JSON, a wrong shape).
    Damaged(ProgressError),
    /// A value of a newer schema than this version reads.
    Newer { schema: u64 },
}

impl Stored {
    /// Reads the stored text `raw` (`None` when nothing is stored) as of `now`.
    pub fn read(raw: Option<&str>, now: u64) -> Stored {
        let Some(raw) = raw else {
            return Stored::Absent;
        };
        match from_json(raw) {
            Ok(mut progress) => {
                progress.clamp_times(now);
                Stored::Readable(progress)
            }
            Err(ProgressError::NewerSchema { schema }) => Stored::Newer { schema },
            Err(error) => Stored::Damaged(error),
        }
    }
}

/// What a tab must do before it saves, given what is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BeforeSave {
    /// Save (after taking in the stored progress, if any, with
    /// [`Progress::merge_before_save`]).
    Save,
    /// Copy the stored value aside first, tell the person, and save only if the
    /// copy succeeded.
    CopyAside(ProgressError),
    /// Do not save: the stored value is newer than this version.
    Hold { schema: u64 },
}

impl Progress {
    /// Takes in `stored` before saving and says whether saving may go ahead.
    pub fn before_save(&mut self, stored: &Stored) -> BeforeSave {
        match stored {
            Stored::Absent => BeforeSave::Save,
            Stored::Readable(theirs) => {
                self.merge_before_save(theirs);
                BeforeSave::Save
            }
            Stored::Damaged(error) => BeforeSave::CopyAside(error.clone()),
            Stored::Newer { schema } => BeforeSave::Hold { schema: *schema },
        }
    }
}

/// Trouble with storage that the person should know about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The stored progress was unreadable; it is kept and offered as a download.
    /// `at_start`: found when the tab started (it started empty); otherwise another
    /// tab wrote it, and this tab keeps its answers and saves them in its place.
    Damaged {
        raw: String,
        error: String,
        kept_as: Option<String>,
        at_start: bool,
    },
    /// No localStorage: progress lives in this tab only.
    Unavailable,
    /// localStorage is full: the last changes live in this tab only.
    Full,
    /// Another tab (a newer version of Rungs) stored progress of a newer schema:
    /// this tab no longer saves, and asks for a reload.
    Newer { schema: u64 },
}

/// What a save came to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Done,
    /// The browser refused: no space left.
    Full,
    /// No usable localStorage.
    Unavailable,
}

/// The storage troubles a tab shows, each once, and what they decide: whether the
/// tab may write at all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Troubles(pub Vec<Trouble>);

impl Troubles {
    /// Notes `trouble`, unless it is noted already.
    pub fn note(&mut self, trouble: Trouble) {
        if !self.0.contains(&trouble) {
            self.0.push(trouble);
        }
    }

    /// Notes what a save came to: one that worked clears Full; a full or missing
    /// storage is noted.
    pub fn saved(&mut self, saved: Saved) {
        match saved {
            Saved::Done => self.0.retain(|t| *t != Trouble::Full),
            Saved::Full => self.note(Trouble::Full),
            Saved::Unavailable => self.note(Trouble::Unavailable),
        }
    }

    /// Forgets `trouble`, once the person dismissed its notice.
    pub fn dismiss(&mut self, trouble: &Trouble) {
        self.0.retain(|t| t != trouble);
    }

    /// Whether the tab stopped saving because a newer version stored progress.
    pub fn outdated(&self) -> bool {
        self.0.iter().any(|t| matches!(t, Trouble::Newer { .. }))
    }

    /// Whether the tab must not write: no storage, a newer version's value, or a
    /// damaged value that could not be copied aside (until the person dismisses it).
    pub fn holding(&self) -> bool {
        self.0.iter().any(|t| {
            matches!(
                t,
                Trouble::Unavailable
                    | Trouble::Newer { .. }
                    | Trouble::Damaged { kept_as: None, .. }
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{to_json, Rating, ALLOWANCE};

    #[test]
    fn stored_values_are_read_clamped_damaged_or_newer() {
        let mut p = Progress::default();
        p.rate("a", "A.", Some(Rating::Maturing), u64::MAX / 2);
        let Stored::Readable(read) = Stored::read(Some(&to_json(&p)), 5) else {
            panic!("readable")
        };
        assert_eq!(read.answer("a").map(|a| a.updated), Some(5 + ALLOWANCE));
        assert_eq!(Stored::read(None, 5), Stored::Absent);
        assert_eq!(
            Stored::read(Some(r#"{"schema":9,"x":[]}"#), 5),
            Stored::Newer { schema: 9 }
        );
        assert!(matches!(
            Stored::read(Some("{\"schema\":3,"), 5),
            Stored::Damaged(_)
        ));
    }

    #[test]
    fn nothing_is_saved_over_a_newer_or_unreadable_value() {
        let mut p = Progress::default();
        assert_eq!(
            p.before_save(&Stored::Newer { schema: 4 }),
            BeforeSave::Hold { schema: 4 }
        );
        assert!(matches!(
            p.before_save(&Stored::read(Some("garbage"), 1)),
            BeforeSave::CopyAside(_)
        ));
        let mut stored = Progress::default();
        stored.rate("b", "B.", Some(Rating::Exceeding), 3);
        assert_eq!(p.before_save(&Stored::Readable(stored)), BeforeSave::Save);
        assert_eq!(p.rating("b"), Some(Rating::Exceeding));
    }

    fn damaged(kept_as: Option<&str>) -> Trouble {
        Trouble::Damaged {
            raw: "{".to_owned(),
            error: "broken".to_owned(),
            kept_as: kept_as.map(str::to_owned),
            at_start: false,
        }
    }

    #[test]
    fn a_newer_version_in_another_tab_stops_this_tab_saving() {
        let mut t = Troubles::default();
        assert!(!t.holding() && !t.outdated());
        t.note(Trouble::Newer { schema: 9 });
        t.note(Trouble::Newer { schema: 9 });
        assert_eq!(t.0.len(), 1, "said once");
        assert!(t.holding() && t.outdated());
        t.saved(Saved::Done);
        assert!(t.holding(), "only a reload lifts it");
    }

    #[test]
    fn a_damaged_value_holds_saving_until_it_is_copied_aside_or_dismissed() {
        let mut t = Troubles::default();
        t.note(damaged(Some("rungs:damaged:1")));
        assert!(!t.holding(), "copied aside: saving over it loses nothing");
        let lost = damaged(None);
        t.note(lost.clone());
        assert!(t.holding());
        t.dismiss(&lost);
        assert!(!t.holding());
        assert_eq!(t.0, [damaged(Some("rungs:damaged:1"))]);
    }

    #[test]
    fn a_full_storage_is_said_once_and_cleared_by_a_save_that_works() {
        let mut t = Troubles::default();
        t.saved(Saved::Full);
        t.saved(Saved::Full);
        assert_eq!(t.0, [Trouble::Full]);
        assert!(!t.holding(), "a full storage still tries every save");
        t.saved(Saved::Done);
        assert_eq!(t, Troubles::default());
        t.saved(Saved::Unavailable);
        assert!(t.holding());
    }

    #[test]
    fn between_two_tabs_the_newer_edit_of_an_expectation_wins_and_every_answer_is_kept() {
        let mut older = Progress::default();
        older.rate("a", "A.", Some(Rating::Maturing), 10);
        older.rate("b", "B.", Some(Rating::Performing), 11);
        let mut newer = Progress::default();
        newer.rate("a", "A.", Some(Rating::Exceeding), 20);
        // The older tab saves after the newer one stored its value.
        let stored = Stored::read(Some(&to_json(&newer)), 30);
        assert_eq!(older.before_save(&stored), BeforeSave::Save);
        assert_eq!(older.rating("a"), Some(Rating::Exceeding));
        assert_eq!(older.rating("b"), Some(Rating::Performing));
        // The newer tab hears of that save: its answer still stands.
        newer.merge(&older);
        assert_eq!(newer.rating("a"), Some(Rating::Exceeding));
        assert_eq!(newer.rating("b"), Some(Rating::Performing));
    }
}
