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
}
