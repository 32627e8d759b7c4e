//! The ladder's own rating scale, from Improvement needed to Exceeding.

use std::fmt;

/// How well someone meets one expectation, on the ladder's four-step scale.
///
/// Ordered from lowest to highest. Stored as its [`code`](Rating::code), a short
/// lower-case string that never changes: `improvement-needed`, `maturing`,
/// `performing`, `exceeding`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    ImprovementNeeded,
    Maturing,
    Performing,
    Exceeding,
}

impl Rating {
    /// Every rating, lowest first: the order of the radios and the summary columns.
    pub const ALL: [Rating; 4] = [
        Rating::ImprovementNeeded,
        Rating::Maturing,
        Rating::Performing,
        Rating::Exceeding,
    ];

    /// The words people see, e.g. `Improvement needed`; also the radio's accessible name.
    pub fn label(self) -> &'static str {
        match self {
            Rating::ImprovementNeeded => "Improvement needed",
            Rating::Maturing => "Maturing",
            Rating::Performing => "Performing",
            Rating::Exceeding => "Exceeding",
        }
    }

    /// The stored form, e.g. `improvement-needed`.
    pub fn code(self) -> &'static str {
        match self {
            Rating::ImprovementNeeded => "improvement-needed",
            Rating::Maturing => "maturing",
            Rating::Performing => "performing",
            Rating::Exceeding => "exceeding",
        }
    }

    /// The rating stored as `code`, if it is one.
    pub fn from_code(code: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The rating for a number key in quiz mode: 1 is Improvement needed, 4 is Exceeding.
    pub fn from_key(key: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(key.checked_sub(1)?)).copied()
    }

    /// The number key that picks this rating in quiz mode, 1 to 4.
    pub fn key(self) -> u8 {
        self.step() + 1
    }

    /// Position on the scale, 0 (Improvement needed) to 3 (Exceeding).
    pub fn step(self) -> u8 {
        match self {
            Rating::ImprovementNeeded => 0,
            Rating::Maturing => 1,
            Rating::Performing => 2,
            Rating::Exceeding => 3,
        }
    }

    /// Performing or Exceeding: meets the level.
    pub fn is_performing_or_better(self) -> bool {
        self >= Rating::Performing
    }

    /// Improvement needed or Maturing: a focus area.
    pub fn needs_focus(self) -> bool {
        !self.is_performing_or_better()
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_ladder_words_lowest_first() {
        let labels: Vec<&str> = Rating::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(
            labels,
            ["Improvement needed", "Maturing", "Performing", "Exceeding"]
        );
    }

    #[test]
    fn keys_one_to_four_pick_the_ratings_in_order() {
        let picked: Vec<Option<Rating>> = (0..=5).map(Rating::from_key).collect();
        assert_eq!(
            picked,
            [
                None,
                Some(Rating::ImprovementNeeded),
                Some(Rating::Maturing),
                Some(Rating::Performing),
                Some(Rating::Exceeding),
                None
            ]
        );
        assert!(Rating::ALL
            .iter()
            .all(|r| Rating::from_key(r.key()) == Some(*r)));
    }

    #[test]
    fn steps_count_up_from_zero() {
        let steps: Vec<u8> = Rating::ALL.iter().map(|r| r.step()).collect();
        assert_eq!(steps, [0, 1, 2, 3]);
    }

    #[test]
    fn codes_read_back_and_are_case_sensitive() {
        for rating in Rating::ALL {
            assert_eq!(Rating::from_code(rating.code()), Some(rating));
        }
        assert_eq!(Rating::from_code("Performing"), None);
    }

    #[test]
    fn performing_and_exceeding_meet_the_level_the_others_are_focus_areas() {
        let meets: Vec<bool> = Rating::ALL
            .iter()
            .map(|r| r.is_performing_or_better())
            .collect();
        assert_eq!(meets, [false, false, true, true]);
        assert!(Rating::ALL
            .iter()
            .all(|r| r.needs_focus() != r.is_performing_or_better()));
    }
}
