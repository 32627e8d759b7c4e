//! Merging two progresses: another tab's, or an imported backup.
//!
//! The merge keeps every answer present on either side and, per expectation, the
//! newest. It is commutative, associative and idempotent, so tabs that merge in
//! any order agree.

use super::answers::{Answer, Progress};
use super::ladder_quiz::LadderQuiz;
use std::cmp::Ordering;
use std::collections::btree_map::Entry;

impl Progress {
    /// Merge `other` into `self`.
    ///
    /// - Answers: every id of either side is kept; for an id on both sides the answer
    ///   with the later `updated` wins. On equal stamps the greater answer wins by
    ///   (rating, evidence, text), rated above not rated, so both orders agree.
    /// - Quiz positions: the larger position for each key (positions carry no stamp;
    ///   the further one is where a person most likely wants to resume).
    /// - Ladder quiz: see [`LadderQuiz::merge`].
    pub fn merge(&mut self, other: &Progress) {
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
        for (key, &position) in &other.quiz {
            let mine = self.quiz.entry(key.clone()).or_insert(position);
            *mine = (*mine).max(position);
        }
        self.ladder_quiz.merge(&other.ladder_quiz);
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
fn newer(a: &Answer, b: &Answer) -> Ordering {
    (a.updated, a.rating, &a.evidence, &a.text).cmp(&(b.updated, b.rating, &b.evidence, &b.text))
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
        let positions: Vec<(&str, usize)> = a.quiz.iter().map(|(k, v)| (k.as_str(), *v)).collect();
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
}
