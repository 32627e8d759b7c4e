//! The share-link codec: an assessment (or a manager's reply to one) as the text
//! after `#` in a link, and back. Pure: the UI builds the link and reads it.
//!
//! [`encode`] writes a [`SharedAssessment`]; [`decode`] reads one or says, with a
//! [`ShareError`], which part of the link is wrong. [`resolve`] lines the decoded
//! ratings up with the local ladder, which may be another version than the sender's.
//! [`link_warning`] is what to tell someone whose link is long.
//!
//! # Format (version 1)
//!
//! The text is base64url without padding of these bytes:
//!
//! | bytes  | what |
//! |--------|------|
//! | 1      | format version, [`FORMAT`] |
//! | 1      | body encoding: 0 stored, 1 raw deflate (only when that is shorter) |
//! | varint | length of the body as stored |
//! | 4      | checksum: 32-bit FNV-1a, little-endian, of every other byte of the link |
//! | rest   | the body as stored |
//!
//! The body, once inflated (strings are a varint length and UTF-8 bytes):
//!
//! | field | what |
//! |-------|------|
//! | ladder version | varint `len << 1 \| hex`, then `len` bytes: with `hex` set they are the value of a lower-case hex string (16 hex digits in 8 bytes), else UTF-8 |
//! | role id, level id | strings |
//! | flags | bit 0 name, bit 1 manager side, bit 2 manager name |
//! | name, manager name | strings, when flagged |
//! | count | varint: expectations marked by either side |
//! | entries | `count` × (5-byte id: the first 40 bits of the expectation id, own byte, manager byte if a manager side), ids ascending |
//! | notes | per entry in order: own note, then manager comment, each when flagged |
//!
//! A side byte is 0 when the side has no entry; else bit 0 is set, bits 1–3 hold the
//! rating ([`Rating::key`], 0 for none) and bit 4 says a note follows.
//!
//! A varint is LEB128 of at most 32 bits. Notes sit after the fixed-size entries so
//! that deflate finds the text together.

mod base64;
mod body;
mod bytes;
mod error;
mod frame;
mod key;
mod model;
mod resolve;

pub use error::ShareError;
pub use key::ExpectationKey;
pub use model::{Entry, ManagerSide, SharedAssessment, Side};
pub use resolve::{resolve, Marks, Matched, Place, Resolved};

use super::Rating;

/// The format version this code writes and the only one it reads.
pub const FORMAT: u8 = 1;
/// The longest link text [`decode`] reads, in characters: 64 KiB.
pub const MAX_LINK: usize = 64 * 1024;
/// The largest body [`decode`] inflates, in bytes: 256 KiB. Bigger is refused as a
/// decompression bomb.
pub const MAX_BODY: usize = 256 * 1024;
/// Links longer than this many characters get a [`link_warning`]: some chat and mail
/// apps cut or refuse them.
pub const LONG_LINK: usize = 8000;

/// The link text for `assessment`: the part after `#`. Never fails; a link longer
/// than [`MAX_LINK`] (or whose body inflates past [`MAX_BODY`]) is written all the
/// same but [`decode`] refuses it; [`link_warning`] says so first.
pub fn encode(assessment: &SharedAssessment) -> String {
    base64::encode(&frame::wrap(&body::write(assessment)))
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
    body::read(&frame::unwrap(&base64::decode(text)?)?)
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
            self_side,
            manager: None,
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
        });
        assert_eq!(decode(&encode(&a)), Ok(a));
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
