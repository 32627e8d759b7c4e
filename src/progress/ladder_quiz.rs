//! Know your ladder: show an example, ask which dimension it illustrates.
//!
//! The ladder pairs examples with dimensions only (not with single expectations),
//! so every item asks for a dimension.

use crate::ladder::{expectation_id, Level};
use std::collections::BTreeSet;

/// One question: which of the level's dimensions does this example belong to?
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizItem {
    /// Stable key, `level_id:hash`, the hash being the [`expectation_id`] rule applied
    /// to the example's words: the same for the same words at the same level id.
    pub key: String,
    /// The example, plain.
    pub example: String,
    /// The choices: the level's dimension names, in page order.
    pub choices: Vec<String>,
    /// Index into `choices` (and the level's dimensions) of the right answer.
    pub answer: usize,
}

impl QuizItem {
    /// Whether `choice` (an index into `choices`) is the right answer.
    pub fn is_right(&self, choice: usize) -> bool {
        choice == self.answer
    }

    /// The right dimension's name, for explaining the answer.
    pub fn answer_name(&self) -> &str {
        self.choices.get(self.answer).map_or("", String::as_str)
    }
}

/// The state of the know-your-ladder quiz across sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LadderQuiz {
    /// Keys of the items answered wrongly and not yet answered right since.
    pub missed: BTreeSet<String>,
    /// Answers that were right.
    pub right: u32,
    /// Answers given.
    pub asked: u32,
}

impl LadderQuiz {
    /// Count an answer to item `key`. A wrong answer marks the item missed; a right
    /// answer to a missed item clears it.
    pub fn record(&mut self, key: &str, correct: bool) {
        self.asked = self.asked.saturating_add(1);
        if correct {
            self.right = self.right.saturating_add(1);
            self.missed.remove(key);
        } else {
            self.missed.insert(key.to_owned());
        }
    }

    /// The items of `round` still missed, once each and in the round's order: asked
    /// again before the round ends, as "Missed examples come back first" promises.
    pub fn still_missed(&self, round: &[QuizItem]) -> Vec<QuizItem> {
        let mut again: Vec<QuizItem> = Vec::new();
        for item in round {
            if self.missed.contains(&item.key) && !again.iter().any(|a| a.key == item.key) {
                again.push(item.clone());
            }
        }
        again
    }

    /// `items` in the order to ask them: the missed ones first, then the rest, each
    /// group shuffled by `seed` (the same seed gives the same order).
    pub fn next_items(&self, items: Vec<QuizItem>, seed: u64) -> Vec<QuizItem> {
        // (rank, position) pairs, the rank's top bit set for items not missed and its
        // low 31 bits the shuffle: sorted with the same routine as the search marks
        // (`search::matches`), so the wasm holds one sort, not two.
        let mut order: Vec<(usize, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let later = usize::from(!self.missed.contains(&item.key)) << 31;
                let shuffle = (mix(seed ^ crate::fnv::hash64(item.key.as_bytes())) >> 33) as usize;
                (later | shuffle, i)
            })
            .collect();
        order.sort_unstable();
        let mut items: Vec<Option<QuizItem>> = items.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter_map(|(_, i)| items.get_mut(i)?.take())
            .collect()
    }
}

/// Every example of `level` as a question, in page order; none when the level has
/// fewer than two dimensions (one choice is no question). An example that appears
/// twice is asked once, for its first dimension.
pub fn ladder_quiz_items(level: &Level) -> Vec<QuizItem> {
    if level.dimensions.len() < 2 {
        return Vec::new();
    }
    let choices: Vec<String> = level.dimensions.iter().map(|d| d.name.clone()).collect();
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for (answer, dimension) in level.dimensions.iter().enumerate() {
        for example in &dimension.examples {
            let example = example.to_plain();
            let key = format!("{}:{}", level.id, expectation_id(&example));
            if example.trim().is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            items.push(QuizItem {
                key,
                example: example.trim().to_owned(),
                choices: choices.clone(),
                answer,
            });
        }
    }
    items
}

/// The splitmix64 finaliser: spreads nearby inputs over the whole range.
fn mix(x: u64) -> u64 {
    let x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Dimension, Text};

    fn dimension(name: &str, examples: &[&str]) -> Dimension {
        Dimension {
            name: name.into(),
            examples: examples.iter().map(|e| Text::plain(*e)).collect(),
            ..Dimension::default()
        }
    }

    fn level() -> Level {
        Level {
            id: "l2".into(),
            dimensions: vec![
                dimension("Craft", &["I fixed a bug.", "I wrote docs."]),
                dimension("Teaching", &[]),
                dimension("Impact", &["I led a launch.", "i  FIXED a bug."]),
            ],
            ..Level::default()
        }
    }

    #[test]
    fn missed_items_of_a_round_are_asked_again_once_each_until_right() {
        let item = |key: &str| QuizItem {
            key: key.to_owned(),
            example: key.to_owned(),
            choices: vec!["A".to_owned(), "B".to_owned()],
            answer: 0,
        };
        let round = vec![item("x"), item("y"), item("z")];
        let mut quiz = LadderQuiz::default();
        quiz.record("x", false);
        quiz.record("y", true);
        quiz.record("z", false);
        let again: Vec<String> = quiz
            .still_missed(&round)
            .into_iter()
            .map(|i| i.key)
            .collect();
        assert_eq!(again, ["x", "z"]);
        let mut longer = round.clone();
        longer.extend(quiz.still_missed(&round));
        quiz.record("x", true);
        let again: Vec<String> = quiz
            .still_missed(&longer)
            .into_iter()
            .map(|i| i.key)
            .collect();
        assert_eq!(again, ["z"]);
    }

    #[test]
    fn items_ask_each_example_once_with_every_dimension_as_a_choice() {
        let items = ladder_quiz_items(&level());
        let asked: Vec<(&str, usize, &str)> = items
            .iter()
            .map(|i| (i.example.as_str(), i.answer, i.answer_name()))
            .collect();
        assert_eq!(
            asked,
            [
                ("I fixed a bug.", 0, "Craft"),
                ("I wrote docs.", 0, "Craft"),
                ("I led a launch.", 2, "Impact"),
            ]
        );
        assert!(items
            .iter()
            .all(|i| i.choices == ["Craft", "Teaching", "Impact"]));
        assert_eq!(
            items[0].key,
            format!("l2:{}", expectation_id("I fixed a bug."))
        );
    }

    #[test]
    fn one_dimension_gives_no_questions() {
        let mut level = level();
        level.dimensions.truncate(1);
        assert_eq!(ladder_quiz_items(&level), []);
    }

    #[test]
    fn a_wrong_answer_marks_missed_and_a_right_one_clears_it() {
        let mut quiz = LadderQuiz::default();
        quiz.record("l2:a", false);
        quiz.record("l2:b", false);
        quiz.record("l2:a", true);
        let missed: Vec<&str> = quiz.missed.iter().map(String::as_str).collect();
        assert_eq!(missed, ["l2:b"]);
        assert_eq!((quiz.right, quiz.asked), (1, 3));
    }

    #[test]
    fn missed_items_come_first_and_the_seed_fixes_the_order() {
        let items = ladder_quiz_items(&level());
        let mut quiz = LadderQuiz::default();
        quiz.record(&items[2].key, false);
        let order = quiz.next_items(items.clone(), 7);
        assert_eq!(order[0], items[2]);
        assert_eq!(order, quiz.next_items(items.clone(), 7));
        let mut reversed = items.clone();
        reversed.reverse();
        assert_eq!(order, quiz.next_items(reversed, 7));
    }

    #[test]
    fn right_answer_is_the_dimension_index() {
        let item = &ladder_quiz_items(&level())[2];
        let right: Vec<bool> = (0..3).map(|c| item.is_right(c)).collect();
        assert_eq!(right, [false, false, true]);
    }
}
