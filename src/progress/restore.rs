//! Importing a backup: each part merged into what is here, and a message that
//! counts what actually changed.
//!
//! An import is the person's explicit wish to have the backup's answers back, so it
//! differs from a merge between tabs:
//!
//! - an answer in the backup replaces a blank that a reset stamped (a reset is not a
//!   newer answer), an answer absent here, and an older answer here; an answer given
//!   here after the backup's (including a clear after the reset) is kept and counted
//!   as newer here;
//! - a cleared (blank) answer in the backup never clears one here: importing only
//!   brings things back;
//! - a restored answer is stamped after the last reset, so other tabs keep it too;
//! - stamps in the backup are capped at the moment of the import: a backup was made
//!   before it is imported (see [`clamp_time`](super::clamp_time) for why stamps from
//!   outside are bounded at all); an answer stamped beyond the allowance (a device
//!   with a clock far ahead) has no time to trust, so it only fills a gap (an answer
//!   absent here or blanked by a reset) and never replaces anything given here.

use super::answers::Progress;
use super::kept::KeptRestore;
use super::ladder_quiz::LadderQuiz;
use super::time::ALLOWANCE;
use super::words::{count, data_parts, list, were};

/// What importing a backup changed, for its message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// Answers written from the backup with a rating or evidence.
    pub answers: usize,
    /// Answers of the backup that differ here and were kept as they are here.
    pub newer_here: usize,
    /// Answers written from the backup that are goals.
    pub goals: usize,
    /// Levels whose quiz position came back.
    pub quiz_levels: usize,
    /// Whether the know-your-ladder score changed.
    pub ladder_quiz: bool,
    /// The kept values written (see [`restore_kept`](super::restore_kept)).
    pub kept: KeptRestore,
    /// What happened to the backup's imported ladder.
    pub ladder: LadderRestore,
}

/// What importing a backup does with the imported ladder it carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LadderRestore {
    /// The backup has none, or the same one as here.
    #[default]
    Nothing,
    /// None is imported here: the backup's is stored (it applies after a reload).
    Stored,
    /// Another one is imported here, and kept.
    KeptHere,
}

impl LadderRestore {
    /// What to do with the backup's ladder text `theirs`, given the one stored `here`.
    pub fn decide(theirs: Option<&str>, here: Option<&str>) -> LadderRestore {
        match (theirs, here) {
            (Some(_), None) => LadderRestore::Stored,
            (Some(t), Some(h)) if t != h => LadderRestore::KeptHere,
            _ => LadderRestore::Nothing,
        }
    }
}

impl Progress {
    /// Imports the progress of a backup as of `now` (see the module docs) and counts
    /// what changed; the kept values and the ladder are the caller's to add.
    pub fn restore_backup(&mut self, backup: &Progress, now: u64) -> Restored {
        let mut out = Restored::default();
        let after_reset = if self.reset > 0 {
            self.reset.saturating_add(1)
        } else {
            0
        };
        let trusted = now.saturating_add(ALLOWANCE);
        for (id, t) in &backup.answers {
            if t.is_bare() {
                continue;
            }
            let mut t = t.clone();
            let suspect = t.updated > trusted;
            t.updated = t.updated.min(now);
            let here = self.answers.get(id);
            let replace = match here {
                None => true,
                Some(h) if h.rating == t.rating && h.evidence == t.evidence && h.goal == t.goal => {
                    false
                }
                Some(h) if self.cleared_by_reset(h) || (!suspect && h.updated < t.updated) => true,
                Some(_) => {
                    out.newer_here += 1;
                    false
                }
            };
            if replace {
                let stamp = here.map_or(0, |h| h.updated.saturating_add(1));
                let mut answer = t.clone();
                answer.updated = t.updated.max(stamp).max(after_reset);
                out.answers += usize::from(!answer.is_blank());
                out.goals += usize::from(answer.goal.is_some());
                self.answers.insert(id.clone(), answer);
            }
        }
        for (key, &position) in &backup.check_positions {
            if !self.check_positions.contains_key(key) {
                self.check_positions.insert(key.clone(), position);
                out.quiz_levels += 1;
            }
        }
        let before = self.ladder_quiz.clone();
        if before == LadderQuiz::default() {
            self.ladder_quiz.clone_from(&backup.ladder_quiz);
        } else {
            self.ladder_quiz.merge(&backup.ladder_quiz);
        }
        out.ladder_quiz = self.ladder_quiz != before;
        out
    }
}

impl Restored {
    /// The message after importing the file `name`, e.g. `Restored 2 answers from
    /// “backup.json”; 3 were newer here and kept.`
    pub fn message(&self, name: &str) -> String {
        let answers = (self.answers > 0).then(|| count(self.answers, "answer", "answers"));
        let mut parts = data_parts(
            answers,
            self.goals,
            self.quiz_levels,
            self.ladder_quiz,
            self.kept.kept_replies,
            self.kept.replies,
        );
        if self.kept.ids > 0 {
            parts.push(format!(
                "the ids your share links carry on {}",
                count(self.kept.ids, "level", "levels")
            ));
        }
        if self.kept.checkins > 0 {
            parts.push(count(self.kept.checkins, "check-in", "check-ins"));
        }
        if self.ladder == LadderRestore::Stored {
            parts.push("the imported ladder (reload the page to use it)".to_owned());
        }
        let mut out = match list(&parts) {
            Some(restored) => format!("Restored {restored} from “{name}”"),
            None => format!("Nothing to restore from “{name}”"),
        };
        let newer = self.newer_here + self.kept.newer_here;
        if newer > 0 {
            let what = if self.kept.newer_here == 0 && self.answers > 0 && parts.len() == 1 {
                String::new()
            } else if self.kept.newer_here == 0 {
                format!(" {}", if newer == 1 { "answer" } else { "answers" })
            } else {
                format!(" {}", if newer == 1 { "item" } else { "items" })
            };
            out.push_str(&format!(
                "; {newer}{what} {} newer here and kept",
                were(newer)
            ));
        } else if parts.is_empty() {
            out.push_str(": this browser already has everything in it");
        }
        if self.ladder == LadderRestore::KeptHere {
            out.push_str("; it holds another imported ladder, and the one here is kept");
        }
        out.push('.');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    fn backup() -> Progress {
        let mut p = Progress::default();
        p.rate("a", "A.", Some(Rating::Performing), 10);
        p.set_evidence("b", "B.", "Did B.", 11);
        p.remember_position("e/r/l1", 3);
        p
    }

    #[test]
    fn a_backup_imported_after_a_reset_restores_the_answers() {
        let mut p = backup();
        p.reset(100);
        let restored = p.restore_backup(&backup(), 200);
        assert_eq!(p.rating("a"), Some(Rating::Performing));
        assert_eq!(p.answer("b").map(|a| a.evidence.as_str()), Some("Did B."));
        assert_eq!(p.check_positions.get("e/r/l1"), Some(&3));
        assert_eq!(
            restored.message("backup.json"),
            "Restored 2 answers and quiz positions on 1 level from “backup.json”."
        );
        // Another tab still holding the reset does not clear them again.
        let mut other_tab = backup();
        other_tab.reset(100);
        other_tab.merge(&p);
        assert_eq!(other_tab.rating("a"), Some(Rating::Performing));
        assert_eq!(other_tab.check_positions.get("e/r/l1"), Some(&3));
    }

    #[test]
    fn answers_given_after_the_reset_are_newer_and_kept() {
        let mut p = backup();
        p.reset(100);
        p.rate("a", "A.", Some(Rating::Maturing), 150);
        p.set_evidence("b", "B.", "Did B.", 151);
        p.set_evidence("b", "B.", "", 152);
        let restored = p.restore_backup(&backup(), 200);
        assert_eq!(p.rating("a"), Some(Rating::Maturing));
        assert!(p.answer("b").is_some_and(|a| a.is_blank()));
        assert_eq!(
            restored.message("b.json"),
            "Restored quiz positions on 1 level from “b.json”; 2 answers were newer here and kept."
        );
    }

    #[test]
    fn the_message_counts_what_changed_with_plurals() {
        let mut backup = backup();
        backup.rate("c", "C.", Some(Rating::Exceeding), 12);
        backup.rate("d", "D.", Some(Rating::Exceeding), 13);
        backup.rate("e", "E.", Some(Rating::Exceeding), 14);
        let mut p = Progress::default();
        for id in ["c", "d", "e"] {
            p.rate(id, "X.", Some(Rating::Maturing), 50);
        }
        p.remember_position("e/r/l1", 1);
        let restored = p.restore_backup(&backup, 200);
        assert_eq!(
            restored.message("x.json"),
            "Restored 2 answers from “x.json”; 3 were newer here and kept."
        );
        let mut one = Progress::default();
        one.rate("a", "A.", Some(Rating::Maturing), 50);
        let restored = one.restore_backup(&super::tests::backup(), 200);
        assert_eq!(restored.message("y.json"), "Restored 1 answer and quiz positions on 1 level from “y.json”; 1 answer was newer here and kept.");
        let restored = one.restore_backup(&super::tests::backup(), 300);
        assert_eq!(
            restored.message("y.json"),
            "Nothing to restore from “y.json”; 1 answer was newer here and kept."
        );
        let mut same = super::tests::backup();
        let restored = same.restore_backup(&super::tests::backup(), 300);
        assert_eq!(
            restored.message("z.json"),
            "Nothing to restore from “z.json”: this browser already has everything in it."
        );
    }

    #[test]
    fn a_blank_in_the_backup_clears_nothing_here() {
        let mut theirs = Progress::default();
        theirs.rate("a", "A.", None, 500);
        let mut p = backup();
        p.restore_backup(&theirs, 600);
        assert_eq!(p.rating("a"), Some(Rating::Performing));
    }

    #[test]
    fn a_far_future_backup_fills_gaps_but_never_reverts_a_clear() {
        let now = 1_000_000;
        let mut theirs = Progress::default();
        theirs.rate("a", "A.", Some(Rating::Exceeding), u64::MAX / 2);
        theirs.rate("b", "B.", Some(Rating::Exceeding), u64::MAX / 2);
        let mut p = Progress::default();
        p.rate("a", "A.", Some(Rating::Maturing), now - 10);
        p.rate("a", "A.", None, now - 5);
        let restored = p.restore_backup(&theirs, now);
        assert_eq!(
            (p.rating("a"), p.rating("b")),
            (None, Some(Rating::Exceeding))
        );
        assert_eq!((restored.answers, restored.newer_here), (1, 1));
    }

    #[test]
    fn a_far_future_backup_does_not_revert_a_later_clear() {
        let now = 1_000_000;
        let mut theirs = Progress::default();
        theirs.rate("a", "A.", Some(Rating::Exceeding), u64::MAX / 2);
        let mut p = Progress::default();
        p.restore_backup(&theirs, now);
        assert_eq!(p.answer("a").map(|a| a.updated), Some(now));
        // The person clears it a minute later; another tab still holding the
        // imported (clamped) value merges, long after the allowance.
        let imported = p.clone();
        p.rate("a", "A.", None, now + 60_000);
        p.merge(&imported);
        let mut later = imported.clone();
        later.clamp_times(now + 100 * super::ALLOWANCE);
        p.merge(&later);
        assert_eq!(p.rating("a"), None);
    }
}
