//! Reset all progress, and undo it.
//!
//! A reset does not simply empty the progress: another tab, or the stored value it
//! merges with before saving, would bring every answer back. Instead each answer is
//! cleared with a newer stamp, and clearing wins the merge. Undo stamps the old
//! answers newer still.

use super::answers::Progress;
use super::ladder_quiz::LadderQuiz;

impl Progress {
    /// Clears everything as of `now`: each answer blanked (rating and evidence gone,
    /// the expectation's text kept), every quiz back to its first expectation, the
    /// ladder quiz's score and missed items forgotten. Returns what was there, for
    /// [`restore`](Progress::restore).
    pub fn reset(&mut self, now: u64) -> Progress {
        let before = self.clone();
        let ids: Vec<String> = self.answers.keys().cloned().collect();
        for id in ids {
            if let Some(text) = self.answers.get(&id).map(|a| a.text.clone()) {
                self.edit(&id, &text, now, |a| {
                    a.rating = None;
                    a.evidence.clear();
                });
            }
        }
        for position in self.quiz.values_mut() {
            *position = 0;
        }
        self.ladder_quiz = LadderQuiz::default();
        before
    }

    /// Undoes a [`reset`](Progress::reset) that returned `before`, as of `now`.
    ///
    /// Every answer of `before` that is still blank comes back, stamped `now` so it
    /// wins a merge against the clearing; an answer made since the reset is kept.
    /// Quiz positions and the ladder quiz come back as they were.
    pub fn restore(&mut self, before: &Progress, now: u64) {
        for (id, old) in &before.answers {
            let blank = self.answers.get(id).is_none_or(|a| a.is_blank());
            if blank && !old.is_blank() {
                self.edit(id, &old.text, now, |a| {
                    a.rating = old.rating;
                    a.evidence.clone_from(&old.evidence);
                });
            }
        }
        for (key, &position) in &before.quiz {
            self.quiz.insert(key.clone(), position);
        }
        self.ladder_quiz.merge(&before.ladder_quiz);
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
        assert_eq!(p.quiz.get("sre/l2"), Some(&0));
        assert_eq!(p.ladder_quiz, LadderQuiz::default());
    }

    #[test]
    fn reset_wins_a_merge_with_the_stored_value() {
        let stored = rated();
        let mut p = rated();
        p.reset(100);
        p.merge(&stored);
        assert!(p.answers.values().all(|a| a.is_blank()));
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
        assert_eq!(p.quiz.get("sre/l2"), Some(&5));
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
}
