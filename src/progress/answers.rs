//! A person's progress: one answer per expectation id, quiz positions, the ladder quiz.

use super::ladder_quiz::LadderQuiz;
use super::rating::Rating;
use crate::ladder::Ladder;
use std::collections::{BTreeMap, BTreeSet};

/// What someone said about one expectation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// `None` when not rated, or put back to not rated.
    pub rating: Option<Rating>,
    /// The evidence note: what I did, when, with whom.
    pub evidence: String,
    /// The expectation's plain text when it was last answered, kept for when the
    /// ladder no longer has it. Empty for answers migrated from schema 1.
    pub text: String,
    /// When the answer last changed, in milliseconds since the Unix epoch.
    pub updated: u64,
    /// The level (`role_id/level_id`) whose expectation this is, when the person
    /// marked it as a goal on Compare levels (see [`goals`](super::goals)).
    pub goal: Option<String>,
}

impl Answer {
    /// Neither rated nor with evidence: what clearing leaves behind.
    ///
    /// A blank answer is kept (its timestamp makes the clearing win a merge against
    /// an older rating) but it has nothing to show.
    pub fn is_blank(&self) -> bool {
        self.rating.is_none() && self.evidence.trim().is_empty()
    }

    /// Blank and not a goal: nothing kept at all. What a reset leaves, and what Undo
    /// and a backup's import do not bring back.
    pub fn is_bare(&self) -> bool {
        self.is_blank() && self.goal.is_none()
    }
}

/// Everything a person has recorded; what storage keeps and backups carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Answers by expectation id. Never dropped, even when the ladder loses the expectation.
    pub answers: BTreeMap<String, Answer>,
    /// Check yourself: the position to resume at, by
    /// [`check_position_key`](super::check_position_key) (`role_id/level_id`). Stored
    /// as `quiz`, its name before the feature had one name.
    pub check_positions: BTreeMap<String, usize>,
    /// Know your ladder: the missed items and the score.
    pub ladder_quiz: LadderQuiz,
    /// When everything was last reset (milliseconds since the Unix epoch), 0 if never.
    /// Every answer stamped at or before it is blank, in this progress and in any
    /// progress merged into it, and the quiz state of a progress that has not seen
    /// the reset loses to this one's (see [`merge`](Progress::merge)).
    pub reset: u64,
}

impl Progress {
    /// Rate expectation `id` (whose plain text is `text`), or clear its rating with `None`.
    ///
    /// Keeps the evidence. Clearing keeps the answer, so the clearing wins a merge
    /// against the older rating in another tab.
    pub fn rate(&mut self, id: &str, text: &str, rating: Option<Rating>, now: u64) {
        self.edit(id, text, now, |answer| answer.rating = rating);
    }

    /// Set the evidence note for expectation `id` (whose plain text is `text`). Keeps the rating.
    pub fn set_evidence(&mut self, id: &str, text: &str, evidence: &str, now: u64) {
        self.edit(id, text, now, |answer| {
            evidence.clone_into(&mut answer.evidence)
        });
    }

    /// The answer for expectation `id`, if there is one (it may be [blank](Answer::is_blank)).
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// The rating of expectation `id`, if it is rated.
    pub fn rating(&self, id: &str) -> Option<Rating> {
        self.answer(id).and_then(|a| a.rating)
    }

    /// Nothing recorded at all: no answers (not even cleared ones), no quiz
    /// positions, no ladder quiz. The same as `Progress::default()`.
    pub fn is_empty(&self) -> bool {
        *self == Progress::default()
    }

    /// Remember where Check yourself is for `key` (see
    /// [`check_position_key`](super::check_position_key)).
    pub fn remember_position(&mut self, key: &str, position: usize) {
        self.check_positions.insert(key.to_owned(), position);
    }

    /// Answers whose expectation is in no level of `ladder`, to show under
    /// "No longer in this ladder". Blank answers are left out (there is nothing to
    /// show); nothing is removed. Sorted by the answered text, then id.
    pub fn orphans(&self, ladder: &Ladder) -> Vec<(&str, &Answer)> {
        // Inserted one by one: collecting into the set would sort the ids first, with a
        // sort routine of its own (3 KB of wasm).
        let mut known: BTreeSet<&str> = BTreeSet::new();
        let expectations = (ladder.roles.iter())
            .flat_map(|r| &r.levels)
            .flat_map(|l| &l.dimensions)
            .flat_map(|d| &d.expectations);
        for e in expectations {
            known.insert(e.id.as_str());
        }
        let mut out: Vec<(&str, &Answer)> = self
            .answers
            .iter()
            .filter(|(id, a)| !known.contains(id.as_str()) && !a.is_blank())
            .map(|(id, a)| (id.as_str(), a))
            .collect();
        super::goals::by_text(&mut out);
        out
    }

    /// Apply `change` to the answer for `id`, refresh its text and stamp it.
    ///
    /// The stamp is `now`, or one more than the answer's previous stamp or the last
    /// reset if the clock went back (or a stamp from outside is ahead of it): an edit
    /// is always newer than what it replaces and than the reset, so a merge keeps it.
    pub(super) fn edit(
        &mut self,
        id: &str,
        text: &str,
        now: u64,
        change: impl FnOnce(&mut Answer),
    ) {
        let after_reset = if self.reset > 0 {
            self.reset.saturating_add(1)
        } else {
            0
        };
        let answer = self.answers.entry(id.to_owned()).or_default();
        change(answer);
        text.clone_into(&mut answer.text);
        answer.updated = now.max(answer.updated.saturating_add(1)).max(after_reset);
    }

    /// Whether `answer` was blanked by the last reset: stamped at or before it.
    pub(super) fn cleared_by_reset(&self, answer: &Answer) -> bool {
        self.reset > 0 && answer.updated <= self.reset
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Dimension, Expectation, Level, Role, Text};

    fn answer(rating: Option<Rating>, evidence: &str, text: &str, updated: u64) -> Answer {
        Answer {
            rating,
            evidence: evidence.to_owned(),
            text: text.to_owned(),
            updated,
            goal: None,
        }
    }

    #[test]
    fn rating_records_the_rating_text_and_time() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Performing), 100);
        assert_eq!(
            p.answer("a1"),
            Some(&answer(Some(Rating::Performing), "", "I ship.", 100))
        );
    }

    #[test]
    fn clearing_a_rating_keeps_the_evidence_and_a_newer_stamp() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Maturing), 100);
        p.set_evidence("a1", "I ship.", "Shipped X.", 200);
        p.rate("a1", "I ship.", None, 300);
        assert_eq!(
            p.answer("a1"),
            Some(&answer(None, "Shipped X.", "I ship.", 300))
        );
        assert_eq!(p.rating("a1"), None);
    }

    #[test]
    fn evidence_keeps_the_rating() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Exceeding), 100);
        p.set_evidence("a1", "I ship.", "Led the launch.", 150);
        assert_eq!(
            p.answer("a1"),
            Some(&answer(
                Some(Rating::Exceeding),
                "Led the launch.",
                "I ship.",
                150
            ))
        );
    }

    #[test]
    fn an_edit_with_a_clock_gone_back_is_still_newer() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Maturing), 1_000);
        p.rate("a1", "I ship.", Some(Rating::Performing), 400);
        assert_eq!(p.answer("a1").map(|a| a.updated), Some(1_001));
    }

    #[test]
    fn a_cleared_answer_is_blank_but_progress_is_not_empty() {
        let mut p = Progress::default();
        assert!(p.is_empty());
        p.rate("a1", "I ship.", Some(Rating::Maturing), 1);
        p.rate("a1", "I ship.", None, 2);
        assert!(p.answer("a1").is_some_and(Answer::is_blank));
        assert!(!p.is_empty());
    }

    #[test]
    fn orphans_are_answers_the_ladder_no_longer_has_sorted_by_text() {
        let level = Level {
            id: "l1".into(),
            dimensions: vec![Dimension {
                name: "Craft".into(),
                expectations: vec![Expectation {
                    id: "kept".into(),
                    text: Text::plain("Kept."),
                    ..Expectation::default()
                }],
                ..Dimension::default()
            }],
            ..Level::default()
        };
        let ladder = Ladder {
            version: "v".into(),
            roles: vec![Role {
                id: "e/r".into(),
                levels: vec![level],
                ..Role::default()
            }],
            ..Ladder::default()
        };
        let mut p = Progress::default();
        p.rate("kept", "Kept.", Some(Rating::Performing), 1);
        p.rate("zz", "Also gone.", Some(Rating::Maturing), 2);
        p.set_evidence("aa", "Gone.", "Did it.", 3);
        p.rate("blank", "Cleared.", None, 4);
        let orphans = p.orphans(&ladder);
        assert_eq!(
            orphans,
            vec![
                ("zz", &answer(Some(Rating::Maturing), "", "Also gone.", 2)),
                ("aa", &answer(None, "Did it.", "Gone.", 3)),
            ]
        );
        assert_eq!(p.answers.len(), 4);
    }
}
