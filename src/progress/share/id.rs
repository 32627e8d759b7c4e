//! Which self-check a link belongs to: the random id format 2 links carry, and the id
//! a format 1 link (which carries none) is known by.

use super::body;
use super::SharedAssessment;
use crate::hex;
use std::fmt;

/// How many random bytes an assessment id has.
pub const ID_BYTES: usize = 5;

/// The random id of one person's self-check of one level, made once from
/// `crypto.getRandomValues` in the browser and kept with their share settings.
///
/// Every link they share for that level carries it, and so does their manager's
/// reply: the manager's own answers and the replies the person keeps are stored under
/// it, so two people who give the same name (or none) never share them. 40 random bits
/// (a full L2 link must stay under 200 characters): among the thousand links a busy
/// manager might open, two ids collide by a chance of about 1 in 2 million.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AssessmentId(pub [u8; ID_BYTES]);

impl AssessmentId {
    /// The id of 10 lower-case hex digits, as [`Display`](fmt::Display) writes it.
    pub fn parse(text: &str) -> Option<AssessmentId> {
        let id = hex::decode_lower(text.as_bytes())?.try_into().ok()?;
        Some(AssessmentId(id))
    }
}

/// 10 lower-case hex digits.
impl fmt::Display for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(&self.0))
    }
}

impl fmt::Debug for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AssessmentId({self})")
    }
}

/// What a format 2 link adds to a format 1 link: whose self-check it is, and when the
/// link was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The self-check's id, the same in the person's links and in the replies to them.
    pub id: AssessmentId,
    /// When this link was made, in milliseconds since the Unix epoch, if it says:
    /// replies do, share links leave it out to stay short. The link keeps whole
    /// seconds (up to the year 2106): [`encode`](super::encode) drops the rest. It
    /// comes from another device: read it with [`SharedAssessment::made_at`], clamped.
    pub made: Option<u64>,
}

/// The prefix of the id of a link without one (format 1).
pub const OLD_ID_PREFIX: &str = "v1-";

impl SharedAssessment {
    /// The id the manager's answers to this link, and a kept reply to it, are stored
    /// under: the random id, as 10 hex digits, of a format 2 link; for a format 1 link,
    /// which has none, `v1-` and the 64-bit FNV-1a hash of its own side (ladder
    /// version, role, level, name, ratings and notes; the manager's side left out, so a
    /// reply has the id of the link it answers). Two old links share an id only when
    /// they carry the very same self-check.
    pub fn key_id(&self) -> String {
        match &self.origin {
            Some(origin) => origin.id.to_string(),
            None => {
                let sum = crate::fnv::hash64(&body::write_own(self));
                format!("{OLD_ID_PREFIX}{sum:016x}")
            }
        }
    }

    /// When the link was made, clamped with [`clamp_time`](crate::progress::clamp_time)
    /// to no later than `now` plus its allowance (a wrong clock on the sender's device
    /// must not make a link look newer than everything made here); `None` for a
    /// link that does not say.
    pub fn made_at(&self, now: u64) -> Option<u64> {
        let made = self.origin?.made?;
        Some(crate::progress::clamp_time(made, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::share::{Entry, ExpectationKey, ManagerSide, Side};

    fn old_link(name: Option<&str>) -> SharedAssessment {
        let mut side = Side::default();
        side.entries
            .insert(ExpectationKey([1, 2, 3, 4, 5]), Entry::default());
        SharedAssessment {
            ladder_version: "ab".to_owned(),
            role: "e/r".to_owned(),
            level: "l2".to_owned(),
            name: name.map(str::to_owned),
            self_side: side,
            ..SharedAssessment::default()
        }
    }

    #[test]
    fn an_id_prints_as_10_hex_digits_and_parses_back() {
        let id = AssessmentId([0, 1, 0xab, 0xcd, 0xef]);
        assert_eq!(id.to_string(), "0001abcdef");
        assert_eq!(AssessmentId::parse("0001abcdef"), Some(id));
        for bad in ["0001abcde", "0001ABCDEF", "0001abcdefa", "v1-0001abc"] {
            assert_eq!(AssessmentId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_new_link_is_known_by_its_random_id() {
        let id = AssessmentId([7; ID_BYTES]);
        let link = SharedAssessment {
            origin: Some(Origin {
                id,
                made: Some(5000),
            }),
            ..old_link(Some("Ada"))
        };
        assert_eq!(link.key_id(), "0707070707");
        assert_eq!(
            SharedAssessment {
                name: Some("Bob".to_owned()),
                ..link.clone()
            }
            .key_id(),
            link.key_id(),
            "the name plays no part"
        );
    }

    #[test]
    fn the_time_a_link_was_made_is_clamped_to_now_and_the_allowance() {
        use crate::progress::ALLOWANCE;
        let made = |made| SharedAssessment {
            origin: Some(Origin {
                id: AssessmentId([1; ID_BYTES]),
                made,
            }),
            ..SharedAssessment::default()
        };
        let now = 1_000_000;
        assert_eq!(made(Some(now - 5)).made_at(now), Some(now - 5));
        assert_eq!(made(Some(u64::MAX)).made_at(now), Some(now + ALLOWANCE));
        assert_eq!(made(None).made_at(now), None);
        assert_eq!(old_link(None).made_at(now), None);
    }

    #[test]
    fn old_links_are_known_by_their_own_side_and_a_reply_by_the_link_it_answers() {
        let ada = old_link(None);
        let id = ada.key_id();
        assert!(id.starts_with("v1-") && id.len() == 19, "{id}");
        let mut other = old_link(None);
        other.self_side.entries.insert(
            ExpectationKey([9; 5]),
            Entry {
                rating: None,
                note: "More.".to_owned(),
            },
        );
        assert_ne!(other.key_id(), id, "another self-check, though unnamed too");
        let reply = SharedAssessment {
            manager: Some(ManagerSide::default()),
            ..ada.clone()
        };
        assert_eq!(reply.key_id(), id);
    }
}
