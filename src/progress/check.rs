//! Check yourself (`#/<role>/<level>/check`, `View::Check`, `ui::check_page`): one
//! expectation at a time, resuming where you left off.

use super::answers::Progress;
use super::Rating;
use crate::ladder::Level;

/// The key quiz positions are stored under: `role_id/level_id`.
pub fn check_position_key(role_id: &str, level_id: &str) -> String {
    format!("{role_id}/{level_id}")
}

/// The expectations of `level` in the order quiz mode asks them, page order, as
/// (dimension index, expectation index within the dimension).
pub fn check_order(level: &Level) -> Vec<(usize, usize)> {
    level
        .dimensions
        .iter()
        .enumerate()
        .flat_map(|(d, dimension)| (0..dimension.expectations.len()).map(move |e| (d, e)))
        .collect()
}

/// Where quiz mode for `key` resumes on `level`: the remembered position, clamped to
/// the last expectation (the ladder may have shrunk); 0 when nothing is remembered or
/// the level has no expectations.
pub fn resume_position(progress: &Progress, key: &str, level: &Level) -> usize {
    let last = level.expectation_count().saturating_sub(1);
    progress
        .check_positions
        .get(key)
        .map_or(0, |&p| p.min(last))
}

/// The progress line quiz mode shows and announces, e.g. `7 of 14` for position 6.
pub fn check_step_line(position: usize, total: usize) -> String {
    format!("{} of {total}", position.saturating_add(1).min(total))
}

/// How much of `level` is rated, `5 of 12 rated`: what Check yourself shows above its
/// card (the level page counts its own rating controls, `ui::rating::sync`).
pub fn rated_line(progress: &Progress, level: &Level) -> String {
    let all = level.dimensions.iter().flat_map(|d| &d.expectations);
    let rated = all.filter(|x| progress.rating(&x.id).is_some()).count();
    format!("{rated} of {} rated", level.expectation_count())
}

/// Where the person stands at the end of a round of quiz mode on `level`: how many
/// expectations they rated and how many at each rating, lowest first, e.g.
/// `You rated 3 of 4 expectations: 1 Maturing, 2 Performing.`
pub fn check_end_line(progress: &Progress, level: &Level) -> String {
    let mut counts = [0usize; 4];
    let mut total = 0;
    for x in level.dimensions.iter().flat_map(|d| &d.expectations) {
        total += 1;
        if let Some(r) = progress.rating(&x.id) {
            counts[usize::from(r.key() - 1)] += 1;
        }
    }
    let rated: usize = counts.iter().sum();
    if rated == 0 {
        return format!("You rated none of the {total} expectations yet.");
    }
    let mut line = format!("You rated {rated} of {total} expectations:");
    for (r, n) in Rating::ALL.into_iter().zip(counts).filter(|&(_, n)| n > 0) {
        line += &format!(" {n} {},", r.label());
    }
    line.pop();
    line + "."
}

/// What a key or a button does in Check yourself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckAction {
    /// Rates the expectation on the card (keys 1 to 4, or its rating control).
    Rate(Rating),
    /// On to the next expectation, or to the end of the round after the last one
    /// (→ or N, Next or Finish).
    Next,
    /// Back to the previous expectation (← or P, Previous).
    Previous,
    /// Back to the first expectation (Start again, at the end of a round).
    StartAgain,
    /// Into the evidence note (E).
    Evidence,
    /// Out of the evidence note, back to the card (Escape while typing in it).
    LeaveNote,
}

/// What pressing `key` (as `KeyboardEvent.key` names it) does in Check yourself;
/// `typing` when focus is in a text field, where only Escape acts, so a note takes
/// every letter and digit. `None`: the key is left to the browser.
pub fn check_key_action(key: &str, typing: bool) -> Option<CheckAction> {
    if typing {
        return (key == "Escape").then_some(CheckAction::LeaveNote);
    }
    Some(match key {
        "1" | "2" | "3" | "4" => CheckAction::Rate(Rating::from_key(key.parse().ok()?)?),
        "ArrowRight" | "n" | "N" => CheckAction::Next,
        "ArrowLeft" | "p" | "P" => CheckAction::Previous,
        "e" | "E" => CheckAction::Evidence,
        _ => return None,
    })
}

impl CheckAction {
    /// Where a round of `total` expectations goes from `position` on this action
    /// (`total` itself is the end of the round); `None` when it stays: Previous on the
    /// first, Next at the end, or an action that does not move.
    pub fn moves_to(self, position: usize, total: usize) -> Option<usize> {
        let to = match self {
            CheckAction::Next => position.saturating_add(1),
            CheckAction::Previous => position.saturating_sub(1),
            CheckAction::StartAgain => 0,
            CheckAction::Rate(_) | CheckAction::Evidence | CheckAction::LeaveNote => return None,
        };
        (to <= total && to != position).then_some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Dimension, Expectation, Text};

    fn level(sizes: &[usize]) -> Level {
        Level {
            id: "l1".into(),
            dimensions: sizes
                .iter()
                .map(|&n| Dimension {
                    expectations: (0..n)
                        .map(|i| Expectation {
                            details: Vec::new(),
                            examples: Vec::new(),
                            id: format!("e{i}"),
                            text: Text::plain(format!("E{i}.")),
                        })
                        .collect(),
                    ..Dimension::default()
                })
                .collect(),
            ..Level::default()
        }
    }

    #[test]
    fn order_walks_dimensions_then_expectations_skipping_empty_dimensions() {
        assert_eq!(check_order(&level(&[2, 0, 1])), [(0, 0), (0, 1), (2, 0)]);
    }

    #[test]
    fn resume_is_clamped_to_the_last_expectation() {
        let mut p = Progress::default();
        let key = check_position_key("e/r", "l1");
        assert_eq!(key, "e/r/l1");
        assert_eq!(resume_position(&p, &key, &level(&[2, 1])), 0);
        p.remember_position(&key, 2);
        assert_eq!(resume_position(&p, &key, &level(&[2, 1])), 2);
        p.remember_position(&key, 9);
        assert_eq!(resume_position(&p, &key, &level(&[2, 1])), 2);
        assert_eq!(resume_position(&p, &key, &level(&[])), 0);
    }

    #[test]
    fn end_line_says_how_many_were_rated_and_how_each_lowest_first() {
        let l = level(&[3]);
        let mut p = Progress::default();
        assert_eq!(
            check_end_line(&p, &l),
            "You rated none of the 3 expectations yet."
        );
        p.rate("e2", "E2.", Some(Rating::Performing), 1);
        p.rate("e0", "E0.", Some(Rating::Maturing), 1);
        assert_eq!(
            check_end_line(&p, &l),
            "You rated 2 of 3 expectations: 1 Maturing, 1 Performing."
        );
        p.rate("e2", "E2.", None, 2);
        assert_eq!(
            check_end_line(&p, &l),
            "You rated 1 of 3 expectations: 1 Maturing."
        );
    }

    #[test]
    fn step_line_counts_from_one() {
        assert_eq!(check_step_line(6, 14), "7 of 14");
        assert_eq!(check_step_line(20, 14), "14 of 14");
    }

    #[test]
    fn the_rated_line_counts_the_rated_expectations_of_the_level() {
        let level = level(&[3]);
        let mut p = Progress::default();
        assert_eq!(rated_line(&p, &level), "0 of 3 rated");
        p.rate("e0", "E0.", Some(Rating::Maturing), 1);
        p.rate("elsewhere", "X.", Some(Rating::Maturing), 2);
        p.set_evidence("e1", "E1.", "Notes only.", 3);
        assert_eq!(rated_line(&p, &level), "1 of 3 rated");
    }

    #[test]
    fn number_keys_rate_one_to_four_from_improvement_needed_to_exceeding() {
        let rated = |key| check_key_action(key, false);
        assert_eq!(rated("3"), Some(CheckAction::Rate(Rating::Performing)));
        assert_eq!(
            rated("1"),
            Some(CheckAction::Rate(Rating::ImprovementNeeded))
        );
        assert_eq!(rated("4"), Some(CheckAction::Rate(Rating::Exceeding)));
        assert_eq!(rated("5"), None);
        assert_eq!(rated("0"), None);
    }

    #[test]
    fn arrows_and_n_and_p_move_and_e_opens_the_note() {
        for key in ["ArrowRight", "n", "N"] {
            assert_eq!(
                check_key_action(key, false),
                Some(CheckAction::Next),
                "{key}"
            );
        }
        for key in ["ArrowLeft", "p", "P"] {
            assert_eq!(
                check_key_action(key, false),
                Some(CheckAction::Previous),
                "{key}"
            );
        }
        assert_eq!(check_key_action("E", false), Some(CheckAction::Evidence));
        assert_eq!(check_key_action("Tab", false), None);
        assert_eq!(check_key_action("Escape", false), None);
    }

    #[test]
    fn while_typing_a_note_only_escape_acts_and_it_leaves_the_note() {
        for key in ["3", "n", "ArrowLeft", "e"] {
            assert_eq!(check_key_action(key, true), None, "{key}");
        }
        assert_eq!(
            check_key_action("Escape", true),
            Some(CheckAction::LeaveNote)
        );
    }

    #[test]
    fn next_after_the_last_ends_the_round_and_nothing_moves_past_either_end() {
        let (next, prev) = (CheckAction::Next, CheckAction::Previous);
        assert_eq!(next.moves_to(0, 3), Some(1));
        assert_eq!(next.moves_to(2, 3), Some(3), "Finish ends the round");
        assert_eq!(next.moves_to(3, 3), None);
        assert_eq!(prev.moves_to(0, 3), None);
        assert_eq!(prev.moves_to(3, 3), Some(2));
        assert_eq!(CheckAction::StartAgain.moves_to(3, 3), Some(0));
        assert_eq!(CheckAction::StartAgain.moves_to(0, 3), None);
        assert_eq!(CheckAction::Rate(Rating::Maturing).moves_to(1, 3), None);
    }
}
