//! What a share link carries: one level's self-assessment, and a manager's reply.

use super::id::Origin;
use super::key::ExpectationKey;
use crate::ladder::Level;
use crate::progress::{Progress, Rating};
use std::collections::BTreeMap;

/// A self-assessment of one level, or a manager's reply to one.
///
/// A person shares `manager: None`. Their manager opens the link, adds their own
/// ratings and comments, and sends back the same assessment with `manager` set, so
/// the reply carries both sides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedAssessment {
    /// [`Ladder::version`](crate::ladder::Ladder::version) of the sender's ladder.
    pub ladder_version: String,
    /// The role id, e.g. `engineering/site-reliability-engineering`.
    pub role: String,
    /// The level id within the role, e.g. `l2`.
    pub level: String,
    /// The person's display name, if they gave one. Only shown: nothing is stored
    /// by it (see [`SharedAssessment::key_id`]).
    pub name: Option<String>,
    /// Which self-check this is and when the link was made; `None` in a link of
    /// format 1, which carried neither.
    pub origin: Option<Origin>,
    /// The person's own ratings and evidence notes.
    pub self_side: Side,
    /// The manager's ratings and comments, in a reply.
    pub manager: Option<ManagerSide>,
    /// The check-in this link shares, when it shares a saved check-in rather than
    /// the answers as they are now.
    pub checkin: Option<SharedCheckin>,
}

/// Which check-in a link shares: when it was saved and what the person called it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SharedCheckin {
    /// When it was saved, in milliseconds since the Unix epoch. The link keeps whole
    /// seconds (up to the year 2106): [`encode`](super::encode) drops the rest.
    pub saved: u64,
    /// Its title ("Q3 review with Sam"); empty for none. At most [`MAX_TITLE`]
    /// characters: [`SharedCheckin::new`] cuts a longer one, and
    /// [`decode`](super::decode) refuses a link whose title is longer.
    pub title: String,
}

/// The most characters a check-in's title may have in a link.
pub const MAX_TITLE: usize = 120;

impl SharedCheckin {
    /// The check-in saved at `saved` (milliseconds) titled `title`, the title trimmed
    /// and cut to [`MAX_TITLE`] characters.
    pub fn new(saved: u64, title: &str) -> SharedCheckin {
        let title = title.trim();
        let title = match title.char_indices().nth(MAX_TITLE) {
            Some((cut, _)) => title[..cut].trim_end(),
            None => title,
        };
        SharedCheckin {
            saved,
            title: title.to_owned(),
        }
    }

    /// What the manager's page says of it: `Check-in of 1 December 2026: Q3 review
    /// with Sam`, or without the colon and title when it has none.
    pub fn words(&self) -> String {
        let date = crate::progress::checkin::export::long_date(self.saved);
        if self.title.is_empty() {
            format!("Check-in of {date}")
        } else {
            format!("Check-in of {date}: {}", self.title)
        }
    }
}

/// One side's marks, by expectation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Side {
    pub entries: BTreeMap<ExpectationKey, Entry>,
}

/// What one side says about one expectation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entry {
    /// `None` when this side did not rate it.
    pub rating: Option<Rating>,
    /// The evidence note (own side) or comment (manager); empty for none.
    pub note: String,
}

/// The manager's side of a reply.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManagerSide {
    /// The manager's display name, if they gave one.
    pub name: Option<String>,
    pub side: Side,
    /// The manager's overall comment on the whole self-check; empty for none.
    pub comment: String,
}

impl Side {
    /// The keys marked on this side or on `other`, in order, each once. Each side's
    /// keys come in order (a BTreeMap), so they are merged here without a sort: a
    /// sort routine of their own (collecting into a `BTreeSet` sorts) is 3 KB of wasm.
    pub fn keys_with(&self, other: Option<&Side>) -> Vec<ExpectationKey> {
        let mut keys: Vec<ExpectationKey> = self.entries.keys().copied().collect();
        for key in other.iter().flat_map(|side| side.entries.keys()) {
            if let Err(at) = keys.binary_search(key) {
                keys.insert(at, *key);
            }
        }
        keys
    }

    /// The answers in `progress` for the expectations of `level`: every rating and
    /// evidence note, leaving out blank answers (and ids that are not 12 hex digits,
    /// which the importer never makes).
    pub fn from_progress(progress: &Progress, level: &Level) -> Side {
        let mut side = Side::default();
        // Inserted one by one: collecting into the map would sort the pairs first,
        // with a sort routine of their own in the share module (3 KB of wasm).
        for x in level.dimensions.iter().flat_map(|d| &d.expectations) {
            let answer = progress.answer(&x.id).filter(|a| !a.is_blank());
            if let (Some(answer), Some(key)) = (answer, ExpectationKey::parse(&x.id)) {
                let entry = Entry {
                    rating: answer.rating,
                    note: answer.evidence.clone(),
                };
                side.entries.insert(key, entry);
            }
        }
        side
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{expectation_id, Dimension, Expectation, Text};

    #[test]
    fn a_shared_checkin_says_its_date_and_title() {
        // 2026-12-01T14:48:05Z.
        let c = SharedCheckin::new(1_796_136_485_000, "  Q3 review with Sam ");
        assert_eq!(c.words(), "Check-in of 1 December 2026: Q3 review with Sam");
        let untitled = SharedCheckin::new(1_796_136_485_000, " ");
        assert_eq!(untitled.words(), "Check-in of 1 December 2026");
    }

    #[test]
    fn a_long_title_is_cut_to_the_limit_in_characters() {
        let long = format!("{} tail", "é".repeat(MAX_TITLE - 1));
        let c = SharedCheckin::new(0, &long);
        assert_eq!(c.title, "é".repeat(MAX_TITLE - 1));
        let exact = "ß".repeat(MAX_TITLE);
        assert_eq!(SharedCheckin::new(0, &exact).title, exact);
    }

    fn key(words: &str) -> ExpectationKey {
        ExpectationKey::parse(&expectation_id(words)).expect("real ids parse")
    }

    #[test]
    fn from_progress_takes_the_level_answers_and_skips_blank_ones() {
        let words = ["I ship.", "I review.", "I mentor."];
        let level = Level {
            dimensions: vec![Dimension {
                expectations: words
                    .iter()
                    .map(|w| Expectation {
                        id: expectation_id(w),
                        text: Text::plain(*w),
                        ..Expectation::default()
                    })
                    .collect(),
                ..Dimension::default()
            }],
            ..Level::default()
        };
        let mut progress = Progress::default();
        progress.rate(
            &expectation_id("I ship."),
            "I ship.",
            Some(Rating::Maturing),
            1,
        );
        progress.set_evidence(&expectation_id("I review."), "I review.", "PR #4", 2);
        progress.rate(&expectation_id("I mentor."), "I mentor.", None, 3);
        progress.rate(
            &expectation_id("Not here."),
            "Not here.",
            Some(Rating::Exceeding),
            4,
        );
        let side = Side::from_progress(&progress, &level);
        let got: Vec<(ExpectationKey, Entry)> = side.entries.into_iter().collect();
        let mut want = vec![
            (
                key("I ship."),
                Entry {
                    rating: Some(Rating::Maturing),
                    note: String::new(),
                },
            ),
            (
                key("I review."),
                Entry {
                    rating: None,
                    note: "PR #4".to_owned(),
                },
            ),
        ];
        want.sort_by_key(|(k, _)| *k);
        assert_eq!(got, want);
    }
}
