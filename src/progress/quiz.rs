//! Quiz mode ("Check yourself"): one expectation at a time, resuming where you left off.

use super::answers::Progress;
use super::Rating;
use crate::ladder::Level;

/// The key quiz positions are stored under: `role_id/level_id`.
pub fn quiz_key(role_id: &str, level_id: &str) -> String {
    format!("{role_id}/{level_id}")
}

/// The expectations of `level` in the order quiz mode asks them, page order, as
/// (dimension index, expectation index within the dimension).
pub fn quiz_order(level: &Level) -> Vec<(usize, usize)> {
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
    progress.quiz.get(key).map_or(0, |&p| p.min(last))
}

/// The progress line quiz mode shows and announces, e.g. `7 of 14` for position 6.
pub fn quiz_step_line(position: usize, total: usize) -> String {
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
pub fn quiz_end_line(progress: &Progress, level: &Level) -> String {
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
        assert_eq!(quiz_order(&level(&[2, 0, 1])), [(0, 0), (0, 1), (2, 0)]);
    }

    #[test]
    fn resume_is_clamped_to_the_last_expectation() {
        let mut p = Progress::default();
        let key = quiz_key("e/r", "l1");
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
            quiz_end_line(&p, &l),
            "You rated none of the 3 expectations yet."
        );
        p.rate("e2", "E2.", Some(Rating::Performing), 1);
        p.rate("e0", "E0.", Some(Rating::Maturing), 1);
        assert_eq!(
            quiz_end_line(&p, &l),
            "You rated 2 of 3 expectations: 1 Maturing, 1 Performing."
        );
        p.rate("e2", "E2.", None, 2);
        assert_eq!(
            quiz_end_line(&p, &l),
            "You rated 1 of 3 expectations: 1 Maturing."
        );
    }

    #[test]
    fn step_line_counts_from_one() {
        assert_eq!(quiz_step_line(6, 14), "7 of 14");
        assert_eq!(quiz_step_line(20, 14), "14 of 14");
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
}
