//! Merging two progresses: another tab's, or an imported backup.
//!
//! The merge keeps every answer present on either side and, per expectation, the
//! newest. It is commutative, associative and idempotent, so tabs that merge in
//! any order agree. A reset wins it: the later reset of the two sides applies to the
//! merged answers, and the quiz state of a side that has not seen it is dropped.
//!
//! [`Progress::merge_before_save`] is the rule between two tabs: the tab that saves
//! made the latest change, so its quiz state stands unless the stored value holds a
//! later reset.

use super::answers::{Answer, Progress};
use super::ladder_quiz::LadderQuiz;
use std::cmp::Ordering;
use std::collections::btree_map::Entry;

impl Progress {
    /// Merge `other` into `self`.
    ///
    /// - Reset: the later of the two. Every answer stamped at or before it is blanked
    ///   (an answer the resetting tab never saw does not come back).
    /// - Answers (a goal is part of its answer): every id of either side is kept; for
    ///   an id on both sides the answer with the later `updated` wins. On equal stamps
    ///   the greater answer wins by (text, rating, evidence, goal), rated above not
    ///   rated, so both orders agree.
    /// - Quiz positions and the ladder quiz: those of the side with the later reset;
    ///   on the same reset, the larger position for each key (positions carry no
    ///   stamp; the further one is where a person most likely wants to resume), and
    ///   for the ladder quiz see [`LadderQuiz::merge`].
    pub fn merge(&mut self, other: &Progress) {
        match other.reset.cmp(&self.reset) {
            Ordering::Greater => {
                self.reset = other.reset;
                self.check_positions.clone_from(&other.check_positions);
                self.ladder_quiz.clone_from(&other.ladder_quiz);
            }
            Ordering::Equal => {
                for (key, &position) in &other.check_positions {
                    let mine = self.check_positions.entry(key.clone()).or_insert(position);
                    *mine = (*mine).max(position);
                }
                self.ladder_quiz.merge(&other.ladder_quiz);
            }
            Ordering::Less => {}
        }
        self.merge_answers(other);
    }

    /// Merge `stored` (what another tab saved) into this tab's progress just before
    /// this tab saves: as [`merge`](Progress::merge), except that on the same reset
    /// this tab's quiz positions and ladder quiz stand, since this tab made the latest
    /// change (a merge would keep a position it moved back from, or a missed item it
    /// has just answered right). A later reset in `stored` still wins.
    pub fn merge_before_save(&mut self, stored: &Progress) {
        if stored.reset > self.reset {
            self.merge(stored);
        } else {
            self.merge_answers(stored);
        }
    }

    /// The answers part of [`merge`](Progress::merge), and the reset applied to them.
    fn merge_answers(&mut self, other: &Progress) {
        for (id, theirs) in &other.answers {
            match self.answers.entry(id.clone()) {
                Entry::Vacant(slot) => {
                    slot.insert(theirs.clone());
                }
                Entry::Occupied(mut slot) => {
                    if newer(theirs, slot.get()) == Ordering::Greater {
                        slot.insert(theirs.clone());
                    }
                }
            }
        }
        if self.reset > 0 {
            let reset = self.reset;
            for answer in self.answers.values_mut() {
                if answer.updated <= reset && !answer.is_bare() {
                    answer.rating = None;
                    answer.evidence.clear();
                    answer.goal = None;
                }
            }
        }
    }
}

impl LadderQuiz {
    /// Merge `other` into `self`: the missed items of both (an item missed in either
    /// tab is asked again), and the score of the side that asked more (on a tie, the
    /// one with more right), so the two counts always come from one side.
    pub fn merge(&mut self, other: &LadderQuiz) {
        self.missed.extend(other.missed.iter().cloned());
        if (other.asked, other.right) > (self.asked, self.right) {
            self.asked = other.asked;
            self.right = other.right;
        }
    }
}

/// Which answer is newer: by stamp, then by content for a total, symmetric order.
/// The text comes first so that blanking an answer (which keeps its text) never
/// changes which of two answers with one stamp wins.
fn newer(a: &Answer, b: &Answer) -> Ordering {
    (a.updated, &a.text, a.rating, &a.evidence, &a.goal).cmp(&(
        b.updated,
        &b.text,
        b.rating,
        &b.evidence,
        &b.goal,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    fn rated(id: &str, rating: Rating, updated: u64) -> Progress {
        let mut p = Progress::default();
        p.rate(id, "Text.", Some(rating), updated);
        p
    }

    #[test]
    fn the_newer_answer_wins_from_either_side() {
        let old = rated("a", Rating::Maturing, 10);
        let new = rated("a", Rating::Exceeding, 20);
        for (mut into, from) in [(old.clone(), new.clone()), (new.clone(), old.clone())] {
            into.merge(&from);
            assert_eq!(into, new);
        }
    }

    #[test]
    fn equal_stamps_pick_the_same_answer_in_both_orders() {
        let a = rated("a", Rating::Maturing, 10);
        let b = rated("a", Rating::Performing, 10);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, b);
        assert_eq!(ba, b);
    }

    #[test]
    fn quiz_positions_keep_the_further_one() {
        let mut a = Progress::default();
        a.remember_position("e/r/l1", 3);
        a.remember_position("e/r/l2", 1);
        let mut b = Progress::default();
        b.remember_position("e/r/l1", 7);
        b.remember_position("e/r/l3", 2);
        a.merge(&b);
        let positions: Vec<(&str, usize)> = a
            .check_positions
            .iter()
            .map(|(k, v)| (k.as_str(), *v))
            .collect();
        assert_eq!(positions, [("e/r/l1", 7), ("e/r/l2", 1), ("e/r/l3", 2)]);
    }

    #[test]
    fn ladder_quiz_keeps_all_missed_and_the_score_of_the_longer_run() {
        let mut a = LadderQuiz::default();
        a.record("x", false);
        a.record("y", true);
        let mut b = LadderQuiz::default();
        b.record("z", false);
        b.record("y", true);
        b.record("w", true);
        a.merge(&b);
        let missed: Vec<&str> = a.missed.iter().map(String::as_str).collect();
        assert_eq!(missed, ["x", "z"]);
        assert_eq!((a.right, a.asked), (2, 3));
    }

    fn quizzed() -> Progress {
        let mut p = rated("a", Rating::Maturing, 10);
        p.remember_position("e/r/l1", 5);
        p.ladder_quiz.record("x", false);
        p
    }

    #[test]
    fn a_reset_wins_the_merge_for_quiz_positions_from_either_side() {
        let other_tab = quizzed();
        let mut reset = quizzed();
        reset.reset(100);
        for (mut into, from) in [(reset.clone(), other_tab.clone()), (other_tab, reset)] {
            into.merge(&from);
            assert!(
                into.check_positions.is_empty(),
                "{:?}",
                into.check_positions
            );
            assert_eq!(into.ladder_quiz, LadderQuiz::default());
            assert!(into.answers.values().all(Answer::is_blank));
        }
    }

    #[test]
    fn a_tab_that_saves_after_another_reset_loses_its_quiz_positions() {
        let mut stale = quizzed();
        let mut stored = quizzed();
        stored.reset(100);
        stale.remember_position("e/r/l1", 6);
        stale.merge_before_save(&stored);
        assert!(stale.check_positions.is_empty());
        assert_eq!(stale.reset, 100);
    }

    #[test]
    fn the_saving_tab_keeps_its_own_quiz_positions_on_the_same_reset() {
        let mut mine = quizzed();
        mine.remember_position("e/r/l1", 2);
        let stored = quizzed();
        mine.merge_before_save(&stored);
        assert_eq!(mine.check_positions.get("e/r/l1"), Some(&2));
    }

    #[test]
    fn an_answer_the_resetting_tab_never_saw_does_not_come_back() {
        let mut reset = rated("a", Rating::Maturing, 10);
        reset.reset(100);
        let other_tab = rated("b", Rating::Exceeding, 50);
        reset.merge(&other_tab);
        assert!(reset.answer("b").is_some_and(Answer::is_blank));
        let later = rated("c", Rating::Exceeding, 150);
        reset.merge(&later);
        assert_eq!(reset.rating("c"), Some(Rating::Exceeding));
    }
}
