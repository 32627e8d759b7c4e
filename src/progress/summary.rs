//! The summary of a level: how much is rated, counts per rating, focus areas.

use super::answers::Progress;
use super::rating::Rating;
use crate::ladder::Level;

/// How many expectations have each rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RatingCounts([usize; 4]);

impl RatingCounts {
    /// Counts in [`Rating::ALL`] order: Improvement needed, Maturing, Performing, Exceeding.
    pub fn new(counts: [usize; 4]) -> Self {
        RatingCounts(counts)
    }

    /// How many have `rating`.
    pub fn get(&self, rating: Rating) -> usize {
        self.0[usize::from(rating.step())]
    }

    /// Each rating with its count, lowest rating first.
    pub fn iter(&self) -> impl Iterator<Item = (Rating, usize)> + '_ {
        Rating::ALL.into_iter().map(|r| (r, self.get(r)))
    }

    /// How many are rated at all.
    pub fn rated(&self) -> usize {
        self.0.iter().sum()
    }

    /// How many are Performing or Exceeding.
    pub fn performing_or_better(&self) -> usize {
        self.get(Rating::Performing) + self.get(Rating::Exceeding)
    }

    fn add(&mut self, rating: Rating) {
        self.0[usize::from(rating.step())] += 1;
    }
}

/// A part of a whole, e.g. 3 of 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    pub count: usize,
    pub of: usize,
}

impl Fraction {
    /// The fraction as a whole percentage, rounded half up (1 of 8 is 13);
    /// `None` when the whole is zero.
    pub fn percent(self) -> Option<usize> {
        (self.of > 0).then(|| (self.count * 200 + self.of) / (2 * self.of))
    }
}

/// One dimension's part of the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionSummary {
    pub emoji: Option<String>,
    pub name: String,
    /// Expectations in the dimension.
    pub total: usize,
    pub counts: RatingCounts,
}

impl DimensionSummary {
    /// `🦉 Domain expertise`, or the name alone.
    pub fn heading(&self) -> String {
        match &self.emoji {
            Some(emoji) => format!("{emoji} {}", self.name),
            None => self.name.clone(),
        }
    }

    /// Expectations not rated.
    pub fn not_rated(&self) -> usize {
        self.total - self.counts.rated()
    }
}

/// An expectation rated Improvement needed or Maturing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusArea {
    /// Index of the dimension in the level.
    pub dimension: usize,
    pub id: String,
    /// The expectation's plain text as the ladder has it now.
    pub text: String,
    pub rating: Rating,
    pub evidence: String,
}

/// The summary of one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Expectations with a rating.
    pub rated: usize,
    /// Expectations in the level.
    pub total: usize,
    /// Per dimension, in page order.
    pub dimensions: Vec<DimensionSummary>,
    /// Improvement needed first, then Maturing; in page order within each.
    pub focus_areas: Vec<FocusArea>,
}

impl Summary {
    /// `5 of 12 rated`.
    pub fn rated_line(&self) -> String {
        format!("{} of {} rated", self.rated, self.total)
    }

    /// Counts per rating over the whole level.
    pub fn counts(&self) -> RatingCounts {
        let mut all = [0; 4];
        for d in &self.dimensions {
            for (rating, n) in d.counts.iter() {
                all[usize::from(rating.step())] += n;
            }
        }
        RatingCounts(all)
    }

    /// Performing or better, as a share of the RATED expectations: what the person
    /// has judged so far, unaffected by what is still to rate.
    pub fn performing_or_better(&self) -> Fraction {
        Fraction {
            count: self.counts().performing_or_better(),
            of: self.rated,
        }
    }

    /// Performing or better, as a share of ALL the level's expectations.
    pub fn performing_or_better_of_total(&self) -> Fraction {
        Fraction {
            count: self.counts().performing_or_better(),
            of: self.total,
        }
    }
}

impl Progress {
    /// The summary of `level` from these answers.
    pub fn summary(&self, level: &Level) -> Summary {
        let mut dimensions = Vec::with_capacity(level.dimensions.len());
        let mut focus_areas = Vec::new();
        for (index, dimension) in level.dimensions.iter().enumerate() {
            let mut counts = RatingCounts::default();
            for expectation in &dimension.expectations {
                let Some(answer) = self.answer(&expectation.id) else {
                    continue;
                };
                let Some(rating) = answer.rating else {
                    continue;
                };
                counts.add(rating);
                if rating.needs_focus() {
                    focus_areas.push(FocusArea {
                        dimension: index,
                        id: expectation.id.clone(),
                        text: expectation.text.to_plain(),
                        rating,
                        evidence: answer.evidence.clone(),
                    });
                }
            }
            dimensions.push(DimensionSummary {
                emoji: dimension.emoji.clone(),
                name: dimension.name.clone(),
                total: dimension.expectations.len(),
                counts,
            });
        }
        // Improvement needed first, page order kept within each (no sort linked in).
        let (mut first, then): (Vec<FocusArea>, Vec<FocusArea>) = focus_areas
            .into_iter()
            .partition(|f| f.rating == Rating::ImprovementNeeded);
        first.extend(then);
        let focus_areas = first;
        Summary {
            rated: dimensions.iter().map(|d| d.counts.rated()).sum(),
            total: level.expectation_count(),
            dimensions,
            focus_areas,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_half_up_and_is_none_of_nothing() {
        let percent = |count, of| Fraction { count, of }.percent();
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(5, 5), Some(100));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn counts_sum_to_rated_and_split_at_performing() {
        let counts = RatingCounts::new([1, 2, 3, 4]);
        assert_eq!(counts.rated(), 10);
        assert_eq!(counts.performing_or_better(), 7);
        assert_eq!(counts.get(Rating::Maturing), 2);
    }
}
