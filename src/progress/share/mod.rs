//! The share-link codec: an assessment (or a manager's reply to one) as the text
//! after `#` in a link, and back. Pure: the UI builds the link and reads it.
//!
//! [`encode`] writes a [`SharedAssessment`]; [`decode`] reads one or says, with a
//! [`ShareError`], which part of the link is wrong. [`resolve`] lines the decoded
//! ratings up with the local ladder, which may be another version than the sender's.
//! [`link_warning`] is what to tell someone whose link is long. [`keep`] is what Rungs
//! stores about links (a manager's answers, kept replies), keyed by the assessment id
//! a link carries ([`SharedAssessment::key_id`]), never by a typed name.
//!
//! # Format (versions 2 and 1)
//!
//! The text is base64url without padding of these bytes:
//!
//! | bytes  | what |
//! |--------|------|
//! | 1      | format version: [`FORMAT`] (2) since links carry an assessment id, 1 before; in format 2 the high 4 bits hold the body encoding |
//! | 1      | format 1 only: body encoding: 0 stored, 1 raw deflate (only when that is shorter) |
//! | varint | format 1 only: length of the body as stored (format 2 runs to the end: a cut link fails the checksum) |
//! | 4      | checksum: 32-bit FNV-1a, little-endian, of every other byte of the link |
//! | rest   | the body as stored |
//!
//! The body, once inflated (strings are a varint length and UTF-8 bytes):
//!
//! | field | what |
//! |-------|------|
//! | ladder version | varint `len << 1 \| hex`, then `len` bytes: with `hex` set they are the value of a lower-case hex string (16 hex digits in 8 bytes), else UTF-8 |
//! | role id, level id | strings |
//! | assessment id | format 2 only: 5 random bytes (40 bits) ([`AssessmentId`]), the same in every link of one person's self-check of one level and in the replies to it |
//! | flags | bit 0 name, bit 1 manager side, bit 2 manager name, bit 3 made (format 2 only), bit 4 the manager's overall comment (only with bit 1), bit 5 a check-in ([`SharedCheckin`]) |
//! | made | when flagged: varint, the second (Unix time) the link was made; replies carry it, share links leave it out to stay short; read back it is clamped ([`SharedAssessment::made_at`]) |
//! | check-in date | with bit 5: varint, the second (Unix time) the check-in was saved |
//! | name, manager name, overall comment | strings, when flagged |
//! | check-in title | with bit 5: a string of at most [`MAX_TITLE`] characters, possibly empty |
//! | count | varint: expectations marked by either side |
//! | entries | `count` × (5-byte id: the first 40 bits of the expectation id, own byte, manager byte if a manager side), ids ascending |
//! | notes | per entry in order: own note, then manager comment, each when flagged |
//!
//! A side byte is 0 when the side has no entry; else bit 0 is set, bits 1–3 hold the
//! rating ([`Rating::key`], 0 for none) and bit 4 says a note follows.
//!
//! Bit 5 came after the first links: a link without a check-in has the same bytes as
//! before it, and links made before it read as they did (a version of Rungs older
//! than bit 5 refuses a check-in's link as bad flags).
//!
//! A varint is LEB128 of at most 32 bits. Notes sit after the fixed-size entries so
//! that deflate finds the text together.
//!
//! Format 1 links (made before the assessment id) still open: they decode with
//! `origin: None`, and [`SharedAssessment::key_id`] gives each its own id from its
//! content, so a manager's answers to one old link are never shown on another.
//! [`encode`] writes format 1 only for an assessment without an [`Origin`]: a reply
//! to an old link.

mod apart;
mod base64;
mod body;
mod bytes;
mod error;
mod frame;
mod id;
pub mod keep;
mod key;
mod model;
mod resolve;
mod words;

pub use apart::{apart, apart_counts, apart_line, apart_phrase, apart_words, MARK_APART};
pub use error::ShareError;
pub use id::{AssessmentId, Origin, ID_BYTES, OLD_ID_PREFIX};
pub use key::ExpectationKey;
pub use model::{Entry, ManagerSide, SharedAssessment, SharedCheckin, Side, MAX_TITLE};
pub use resolve::{resolve, Marks, Matched, Place, Resolved};
pub use words::{reply_words, share_words};

use super::Rating;

/// The format version this code writes (for an assessment with an [`Origin`]); it
/// reads this one and every one back to [`OLDEST_FORMAT`].
pub const FORMAT: u8 = 2;
/// The first format version, without an assessment id: still read.
pub const OLDEST_FORMAT: u8 = 1;
/// The longest link text [`decode`] reads, in characters: 64 KiB.
pub const MAX_LINK: usize = 64 * 1024;
/// The largest body [`decode`] inflates, in bytes: 256 KiB. Bigger is refused as a
/// decompression bomb.
pub const MAX_BODY: usize = 256 * 1024;
/// Links longer than this many characters get a [`link_warning`]: some chat and mail
/// apps cut or refuse them.
pub const LONG_LINK: usize = 8000;

/// The link text for `assessment`: the part after `#`, in format [`FORMAT`], or in
/// format 1 when it has no [`Origin`] (a reply to a format 1 link). Never fails; a
/// link longer than [`MAX_LINK`] (or whose body inflates past [`MAX_BODY`]) is
/// written all the same but [`decode`] refuses it; [`link_warning`] says so first.
pub fn encode(assessment: &SharedAssessment) -> String {
    let format = if assessment.origin.is_some() {
        FORMAT
    } else {
        OLDEST_FORMAT
    };
    base64::encode(&frame::wrap(format, &body::write(assessment)))
}

/// Read a link text written by [`encode`]. Surrounding whitespace is ignored.
pub fn decode(text: &str) -> Result<SharedAssessment, ShareError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    let len = text.chars().count();
    if len > MAX_LINK {
        return Err(ShareError::TooLong { len });
    }
    let (format, body) = frame::unwrap(&base64::decode(text)?)?;
    body::read(&body, format)
}

/// What to tell someone about a link of `len` characters, if anything: past
/// [`LONG_LINK`] some apps cut it, past [`MAX_LINK`] Rungs cannot open it.
pub fn link_warning(len: usize) -> Option<String> {
    if len > MAX_LINK {
        Some(format!(
            "This link is {len} characters long, more than the {MAX_LINK} Rungs can open. \
             Shorten the notes, or send a backup file instead."
        ))
    } else if len > LONG_LINK {
        Some(format!(
            "This link is {len} characters long. Some chat and mail apps cut links over \
             {LONG_LINK} characters: shorten the notes if it does not arrive whole."
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::expectation_id;

    fn key(words: &str) -> ExpectationKey {
        ExpectationKey::parse(&expectation_id(words)).expect("real ids parse")
    }

    fn assessment() -> SharedAssessment {
        let mut self_side = Side::default();
        self_side.entries.insert(
            key("I ship."),
            Entry {
                rating: Some(Rating::Performing),
                note: "Shipped the pager rota.".to_owned(),
            },
        );
        SharedAssessment {
            ladder_version: "8615d19f4e86c5c0".to_owned(),
            role: "engineering/site-reliability-engineering".to_owned(),
            level: "l2".to_owned(),
            name: Some("Ada".to_owned()),
            origin: Some(Origin {
                id: AssessmentId([0x5a; ID_BYTES]),
                made: Some(1_767_225_600_000),
            }),
            self_side,
            manager: None,
            checkin: None,
        }
    }

    #[test]
    fn an_assessment_round_trips() {
        let a = assessment();
        assert_eq!(decode(&encode(&a)), Ok(a));
    }

    #[test]
    fn a_manager_reply_round_trips_with_both_sides() {
        let mut a = assessment();
        let mut side = Side::default();
        side.entries.insert(
            key("I ship."),
            Entry {
                rating: Some(Rating::Exceeding),
                note: "Agreed, and more.".to_owned(),
            },
        );
        side.entries.insert(key("I review."), Entry::default());
        a.manager = Some(ManagerSide {
            name: Some("Grace".to_owned()),
            side,
            comment: "Good year.".to_owned(),
        });
        assert_eq!(decode(&encode(&a)), Ok(a));
    }

    #[test]
    fn a_link_without_an_origin_is_written_and_read_as_format_1() {
        let old = SharedAssessment {
            origin: None,
            ..assessment()
        };
        let link = encode(&old);
        assert!(link.starts_with("AQ"), "format byte 1: {link}");
        let new = encode(&assessment());
        assert!(!new.starts_with("AQ"), "format 2: {new}");
        assert_eq!(decode(&link), Ok(old));
    }

    #[test]
    fn the_link_is_url_safe_text() {
        let link = encode(&assessment());
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }

    #[test]
    fn surrounding_whitespace_is_ignored() {
        let a = assessment();
        assert_eq!(decode(&format!("  {}\n", encode(&a))), Ok(a));
    }

    #[test]
    fn an_empty_link_says_so() {
        assert_eq!(decode(" \n"), Err(ShareError::Empty));
    }

    #[test]
    fn a_link_over_the_limit_is_refused_before_decoding() {
        let long = "A".repeat(MAX_LINK + 1);
        assert_eq!(
            decode(&long),
            Err(ShareError::TooLong { len: MAX_LINK + 1 })
        );
    }

    #[test]
    fn warns_past_the_long_link_mark_and_again_past_the_limit() {
        assert_eq!(link_warning(LONG_LINK), None);
        let long = link_warning(LONG_LINK + 1).expect("long links warn");
        assert!(long.contains("8001 characters"), "{long}");
        let over = link_warning(MAX_LINK + 1).expect("over-long links warn");
        assert!(
            over.contains("more than the 65536 Rungs can open"),
            "{over}"
        );
    }
}
