//! Reset all progress, and undo it: the decisions the summary page's Your progress
//! data section only wires up.
//!
//! A reset does not simply empty the progress: another tab, or the stored value it
//! merges with before saving, would bring every answer back. Instead the progress
//! records when it was reset ([`Progress::reset`] the field); every answer stamped
//! at or before that is blank, in this tab and in every merge (see
//! [`merge`](Progress::merge)), and quiz state from before it loses. Undo stamps the
//! old answers after the reset.
//!
//! Beside the progress, a reset clears the values other parts keep for a person
//! under the [`kept`](super::kept) prefixes (kept replies, a manager's own answers);
//! [`Undo`] holds them too. It keeps the imported ladder and copies of damaged data,
//! and [`ResetScope::question`] says so before anything is cleared.

use super::answers::Progress;
use super::kept::{restore_kept, KeptKind, KeptRestore};
use super::ladder_quiz::LadderQuiz;
use super::words::{count, data_parts, list};

impl Progress {
    /// Clears everything as of `now`: each answer blanked (rating and evidence gone,
    /// goal unset, the expectation's text kept) and stamped with the reset, every quiz position
    /// forgotten, the ladder quiz's score and missed items forgotten. Returns what was
    /// there, for [`restore`](Progress::restore).
    ///
    /// The reset's stamp is `now` (never later: an answer another tab gives before it
    /// hears of the reset is stamped with that tab's clock, and must not be blanked by
    /// a reset stamped ahead of it). An answer stamped after `now` (a clamped stamp
    /// from outside) is blanked with a stamp just after its own, like any edit.
    pub fn reset(&mut self, now: u64) -> Progress {
        let before = self.clone();
        let at = now.max(self.reset.saturating_add(1));
        for answer in self.answers.values_mut() {
            answer.rating = None;
            answer.evidence.clear();
            answer.goal = None;
            answer.updated = at.max(answer.updated.saturating_add(1));
        }
        self.reset = at;
        self.check_positions.clear();
        self.ladder_quiz = LadderQuiz::default();
        before
    }

    /// Undoes a [`reset`](Progress::reset) that returned `before`, as of `now`.
    ///
    /// Every answer of `before` that is still bare (blank, no goal) comes back, stamped after the
    /// reset so it wins a merge against the clearing; an answer made since the reset
    /// is kept. Quiz positions and the ladder quiz come back as they were.
    pub fn restore(&mut self, before: &Progress, now: u64) {
        for (id, old) in &before.answers {
            let bare = self.answers.get(id).is_none_or(|a| a.is_bare());
            if bare && !old.is_bare() {
                self.edit(id, &old.text, now, |a| {
                    a.rating = old.rating;
                    a.evidence.clone_from(&old.evidence);
                    a.goal.clone_from(&old.goal);
                });
            }
        }
        for (key, &position) in &before.check_positions {
            self.check_positions.entry(key.clone()).or_insert(position);
        }
        self.ladder_quiz.merge(&before.ladder_quiz);
    }
}

/// What Undo reset needs: the progress before the reset and the kept values it
/// removed (full key and stored value).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Undo {
    pub progress: Progress,
    pub kept: Vec<(String, String)>,
}

impl Undo {
    /// Resets `progress` as of `now`, with `kept` the values under the kept prefixes
    /// that the caller is about to remove, and returns what undoes it.
    pub fn reset(progress: &mut Progress, kept: Vec<(String, String)>, now: u64) -> Undo {
        Undo {
            progress: progress.reset(now),
            kept,
        }
    }

    /// Whether undoing would bring anything back into `current` (the progress now)
    /// or into `kept_here` (the kept values stored now): Undo reset is offered
    /// exactly as long as this holds.
    pub fn can_work(&self, current: &Progress, kept_here: &[(String, String)]) -> bool {
        let mut undone = current.clone();
        undone.restore(&self.progress, current.reset);
        undone != *current || !restore_kept(&self.kept, kept_here, 0).writes.is_empty()
    }

    /// Undoes the reset in `current` as of `now`; returns the kept values to write
    /// back (those not written again since), for the caller to store.
    pub fn apply(
        &self,
        current: &mut Progress,
        kept_here: &[(String, String)],
        now: u64,
    ) -> KeptRestore {
        current.restore(&self.progress, now);
        restore_kept(&self.kept, kept_here, now)
    }
}

/// Undo reset as a page offers it, from its first reset until it is left: the state
/// Your progress data keeps between Reset everything and Undo reset.
///
/// A reset holds its undo, in place of any earlier one: after a second reset, Undo
/// brings back what the second cleared. Undo reset takes the undo, so pressing it
/// again brings nothing back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum UndoReset {
    /// No reset on this page yet, or its undo was used.
    #[default]
    Empty,
    /// What undoes the last reset.
    Held(Undo),
}

impl UndoReset {
    /// Resets `progress` as of `now`, with `kept` the values under the kept prefixes
    /// that the caller removes, and holds what undoes it.
    pub fn reset(&mut self, progress: &mut Progress, kept: Vec<(String, String)>, now: u64) {
        *self = UndoReset::Held(Undo::reset(progress, kept, now));
    }

    /// Whether Undo reset is offered: an undo is held and would bring something back
    /// into `current` or `kept_here` (see [`Undo::can_work`]).
    pub fn offered(&self, current: &Progress, kept_here: &[(String, String)]) -> bool {
        matches!(self, UndoReset::Held(undo) if undo.can_work(current, kept_here))
    }

    /// Undo reset pressed: undoes the held reset in `current` as of `now`, if that
    /// brings anything back, and returns the kept values to write back; `None` when
    /// nothing was undone. Nothing is held afterwards.
    pub fn undo(
        &mut self,
        current: &mut Progress,
        kept_here: &[(String, String)],
        now: u64,
    ) -> Option<KeptRestore> {
        match std::mem::take(self) {
            UndoReset::Held(undo) if undo.can_work(current, kept_here) => {
                Some(undo.apply(current, kept_here, now))
            }
            _ => None,
        }
    }
}

/// What a reset clears and what it keeps, counted from what is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResetScope {
    /// Answers with a rating or an evidence note.
    pub answers: usize,
    /// Goals set.
    pub goals: usize,
    /// Levels with a quiz position.
    pub quiz_levels: usize,
    /// Whether the know-your-ladder quiz has a score or missed items.
    pub ladder_quiz: bool,
    /// A manager's own answers to other people's links.
    pub replies: usize,
    /// Replies the person kept.
    pub kept_replies: usize,
    /// Check-ins saved.
    pub checkins: usize,
    /// Whether a ladder imported in the browser is kept (a reset keeps it).
    pub imported_ladder: bool,
    /// Copies of damaged data (a reset keeps them).
    pub damaged: usize,
    /// Whether a name to sign links with is kept (a reset keeps it).
    pub name: bool,
    /// Whether assessment ids of share links are kept (a reset keeps them).
    pub ids: bool,
}

impl ResetScope {
    /// The scope of resetting `progress` with `kept_keys` (full keys under the kept
    /// prefixes), whether a ladder is imported, and `damaged` copies held.
    pub fn of(
        progress: &Progress,
        kept_keys: &[String],
        imported_ladder: bool,
        damaged: usize,
    ) -> Self {
        let kinds = kept_keys.iter().filter_map(|k| KeptKind::of(k));
        ResetScope {
            answers: progress.answers.values().filter(|a| !a.is_blank()).count(),
            goals: progress
                .answers
                .values()
                .filter(|a| a.goal.is_some())
                .count(),
            quiz_levels: progress.check_positions.len(),
            ladder_quiz: progress.ladder_quiz != LadderQuiz::default(),
            replies: kinds.clone().filter(|k| *k == KeptKind::Reply).count(),
            kept_replies: kinds.clone().filter(|k| *k == KeptKind::Kept).count(),
            checkins: kinds.filter(|k| *k == KeptKind::Checkin).count(),
            imported_ladder,
            damaged,
            name: false,
            ids: false,
        }
    }

    /// What it clears, as a list ("3 answers, quiz positions on 1 level and 2 kept
    /// replies"), or `None` when there is nothing to clear.
    pub fn cleared(&self) -> Option<String> {
        let answers = (self.answers > 0).then(|| {
            format!(
                "{} (ratings and evidence notes)",
                count(self.answers, "answer", "answers")
            )
        });
        let mut parts = data_parts(
            answers,
            self.goals,
            self.quiz_levels,
            self.ladder_quiz,
            self.kept_replies,
            self.replies,
        );
        if self.checkins > 0 {
            parts.push(count(self.checkins, "check-in", "check-ins"));
        }
        list(&parts)
    }

    /// What it keeps, as a sentence.
    pub fn kept(&self) -> String {
        let mut parts = Vec::new();
        if self.imported_ladder {
            parts.push("the ladder you imported (remove it on the import page)".to_owned());
        }
        if self.name {
            parts.push("the name you sign links with".to_owned());
        }
        if self.ids {
            parts.push(
                "the ids your share links carry, so replies to them still find you".to_owned(),
            );
        }
        if self.damaged > 0 {
            parts.push(count(
                self.damaged,
                "copy of damaged data",
                "copies of damaged data",
            ));
        }
        match list(&parts) {
            Some(kept) => format!("It keeps {kept}."),
            None => "Nothing else is kept in this browser.".to_owned(),
        }
    }

    /// The question asked before a reset: exactly what it clears and what it keeps.
    pub fn question(&self) -> String {
        match self.cleared() {
            Some(cleared) => format!(
                "Reset clears {cleared}, on every level. {} You can undo it until you leave this page.",
                self.kept()
            ),
            None => format!("There is nothing to reset. {}", self.kept()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    fn rated() -> Progress {
        let mut p = Progress::default();
        p.rate("a", "I ship.", Some(Rating::Performing), 10);
        p.set_evidence("b", "I review.", "Reviewed the storage RFC", 11);
        p.remember_position("sre/l2", 5);
        p.ladder_quiz.record("l2:x", false);
        p
    }

    #[test]
    fn reset_blanks_every_answer_and_quiz() {
        let mut p = rated();
        p.reset(100);
        assert!(p.answers.values().all(|a| a.is_blank() && a.updated == 100));
        assert_eq!(p.answer("a").map(|a| a.text.as_str()), Some("I ship."));
        assert!(p.check_positions.is_empty());
        assert_eq!(p.ladder_quiz, LadderQuiz::default());
        assert_eq!(p.reset, 100);
    }

    #[test]
    fn a_reset_is_stamped_now_and_blanks_an_answer_stamped_ahead_after_it() {
        let mut p = rated();
        p.rate("a", "I ship.", Some(Rating::Exceeding), 500);
        p.reset(100);
        assert_eq!(p.reset, 100);
        assert!(p.answers.values().all(|a| a.is_blank()));
        assert_eq!(p.answer("a").map(|a| a.updated), Some(501));
        // Another tab that has not heard of the reset rates at 150: that is kept.
        let mut other = Progress::default();
        other.rate("b", "I review.", Some(Rating::Maturing), 150);
        p.merge(&other);
        assert_eq!(p.rating("b"), Some(Rating::Maturing));
    }

    #[test]
    fn reset_wins_a_merge_with_the_stored_value() {
        let stored = rated();
        let mut p = rated();
        p.reset(100);
        p.merge(&stored);
        assert!(p.answers.values().all(|a| a.is_blank()));
        assert!(p.check_positions.is_empty());
    }

    #[test]
    fn restore_brings_back_what_reset_cleared() {
        let mut p = rated();
        let before = p.reset(100);
        p.restore(&before, 200);
        assert_eq!(p.rating("a"), Some(Rating::Performing));
        assert_eq!(
            p.answer("b").map(|a| a.evidence.as_str()),
            Some("Reviewed the storage RFC")
        );
        assert_eq!(p.check_positions.get("sre/l2"), Some(&5));
        assert_eq!(p.ladder_quiz, before.ladder_quiz);
        // The restored answers are newer than the clearing another tab may hold.
        let mut cleared = rated();
        cleared.reset(100);
        p.merge(&cleared);
        assert_eq!(p.rating("a"), Some(Rating::Performing));
    }

    #[test]
    fn restore_keeps_answers_made_after_the_reset() {
        let mut p = rated();
        let before = p.reset(100);
        p.rate("a", "I ship.", Some(Rating::Exceeding), 150);
        p.restore(&before, 200);
        assert_eq!(p.rating("a"), Some(Rating::Exceeding));
    }

    #[test]
    fn undo_is_offered_while_it_would_bring_something_back() {
        let mut p = rated();
        let kept = vec![("rungs:kept:abc".to_owned(), r#"{"updated":5}"#.to_owned())];
        let undo = Undo::reset(&mut p, kept, 100);
        let none = Vec::new();
        assert!(undo.can_work(&p, &none));
        // Everything given again since (as a restored backup does): nothing to undo
        // but the kept reply.
        p.rate("a", "I ship.", Some(Rating::Performing), 150);
        p.set_evidence("b", "I review.", "Reviewed the storage RFC", 151);
        p.remember_position("sre/l2", 5);
        p.ladder_quiz.record("l2:x", false);
        assert!(undo.can_work(&p, &none));
        let here = undo.kept.clone();
        assert!(!undo.can_work(&p, &here));
    }

    #[test]
    fn undo_writes_back_the_kept_values_not_written_since() {
        let mut p = rated();
        let kept = vec![
            ("rungs:kept:a".to_owned(), r#"{"updated":5}"#.to_owned()),
            ("rungs:reply:b".to_owned(), r#"{"updated":6}"#.to_owned()),
        ];
        let undo = Undo::reset(&mut p, kept, 100);
        let here = vec![("rungs:reply:b".to_owned(), r#"{"updated":150}"#.to_owned())];
        let restored = undo.apply(&mut p, &here, 200);
        assert_eq!(
            restored.writes,
            [("rungs:kept:a".to_owned(), r#"{"updated":5}"#.to_owned())]
        );
        assert_eq!(p.rating("a"), Some(Rating::Performing));
    }

    #[test]
    fn the_question_says_what_is_cleared_and_what_is_kept() {
        let keys = [
            "rungs:kept:a",
            "rungs:reply:b",
            "rungs:reply:c",
            "rungs:progress",
        ]
        .map(str::to_owned);
        let mut scope = ResetScope::of(&rated(), &keys, true, 1);
        scope.name = true;
        assert_eq!(
            scope.question(),
            "Reset clears 2 answers (ratings and evidence notes), quiz positions on 1 level, \
             your know-your-ladder score, 1 kept reply and your answers to 2 people's links, \
             on every level. It keeps the ladder you imported (remove it on the import page), \
             the name you sign links with and 1 copy of damaged data. You can undo it until \
             you leave this page."
        );
        assert_eq!(
            ResetScope::of(&Progress::default(), &[], false, 0).question(),
            "There is nothing to reset. Nothing else is kept in this browser."
        );
    }

    #[test]
    fn a_reset_keeps_the_assessment_ids_and_says_so() {
        let keys = ["rungs:share:id:eng/sre/l2".to_owned()];
        let mut scope = ResetScope::of(&rated(), &keys, false, 0);
        assert_eq!((scope.replies, scope.kept_replies), (0, 0));
        scope.ids = true;
        assert_eq!(
            scope.kept(),
            "It keeps the ids your share links carry, so replies to them still find you."
        );
    }

    #[test]
    fn undo_after_a_reset_brings_back_every_answer_once() {
        let mut p = rated();
        let mut undo = UndoReset::default();
        assert!(!undo.offered(&p, &[]), "nothing is offered before a reset");
        undo.reset(&mut p, Vec::new(), 100);
        assert!(undo.offered(&p, &[]));
        assert_eq!(
            undo.undo(&mut p, &[], 200).map(|k| k.writes),
            Some(Vec::new())
        );
        assert_eq!(p.rating("a"), Some(Rating::Performing));
        assert_eq!(
            p.answer("b").map(|a| a.evidence.as_str()),
            Some("Reviewed the storage RFC")
        );
        assert_eq!(p.check_positions.get("sre/l2"), Some(&5));
        // A second Undo brings nothing back, and is no longer offered.
        assert!(!undo.offered(&p, &[]));
        let before = p.clone();
        assert_eq!(undo.undo(&mut p, &[], 300), None);
        assert_eq!(p, before);
    }

    #[test]
    fn a_second_reset_replaces_the_undo() {
        let mut p = rated();
        let mut undo = UndoReset::default();
        undo.reset(&mut p, Vec::new(), 100);
        p.rate("c", "I mentor.", Some(Rating::Exceeding), 150);
        undo.reset(&mut p, Vec::new(), 200);
        assert!(undo.undo(&mut p, &[], 300).is_some());
        assert_eq!(p.rating("c"), Some(Rating::Exceeding));
        assert_eq!(
            p.rating("a"),
            None,
            "the first reset's answers stay cleared"
        );
    }

    #[test]
    fn undo_is_not_offered_once_everything_is_back_and_then_undoes_nothing() {
        let mut p = rated();
        let mut undo = UndoReset::default();
        undo.reset(&mut p, Vec::new(), 100);
        // Everything given again since (as a restored backup does).
        p.rate("a", "I ship.", Some(Rating::Performing), 150);
        p.set_evidence("b", "I review.", "Reviewed the storage RFC", 151);
        p.remember_position("sre/l2", 5);
        p.ladder_quiz.record("l2:x", false);
        assert!(!undo.offered(&p, &[]));
        let before = p.clone();
        assert_eq!(undo.undo(&mut p, &[], 300), None);
        assert_eq!(p, before);
    }
}
