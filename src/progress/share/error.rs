//! What can be wrong with a share link.

use super::key::ExpectationKey;
use super::{FORMAT, MAX_BODY, MAX_LINK, MAX_TITLE, OLDEST_FORMAT};

/// Why a share link could not be read. Messages are lower-case and say which part of
/// the link is wrong. Positions count characters of the text for base64 trouble, bytes
/// of the decoded link for the header, and bytes of the (inflated) body after that.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    #[error("empty link: it carries no assessment")]
    Empty,
    #[error("link too long: {len} characters, over the {MAX_LINK} a link may have")]
    TooLong { len: usize },
    #[error("not base64url: “{found}” at character {at}")]
    NotBase64 { at: usize, found: char },
    #[error("not base64url: the text cannot end with “{found}” at character {at}: the link looks cut short")]
    Base64End { at: usize, found: char },
    #[error("unknown format version {version}; this version of Rungs reads versions {OLDEST_FORMAT} to {FORMAT}")]
    UnknownVersion { version: u8 },
    #[error("truncated at byte {at}: the link needs at least {needed} bytes; it was cut short")]
    Truncated { at: usize, needed: usize },
    #[error("unexpected bytes after the end of the {area} at byte {at}")]
    Trailing { area: &'static str, at: usize },
    #[error(
        "checksum mismatch: the link says {stored:08x}, its content gives {computed:08x}; \
         the link was changed, damaged or cut short"
    )]
    Checksum { stored: u32, computed: u32 },
    #[error(
        "unknown body encoding {code}; this version of Rungs reads 0 (stored) and 1 (deflate)"
    )]
    UnknownEncoding { code: u8 },
    #[error("bad compressed body: {reason}")]
    BadDeflate { reason: &'static str },
    #[error("inflated body over the limit of {MAX_BODY} bytes")]
    TooLarge,
    #[error("bad body: the {part} at byte {at} runs past the end")]
    BodyEnds { part: String, at: usize },
    #[error("bad body: the length of the {part} at byte {at} is too large")]
    BadLength { part: String, at: usize },
    #[error("bad utf-8 in the {part} at byte {at}")]
    BadUtf8 { part: String, at: usize },
    #[error("rating code {code} out of range (0 to 4) for expectation {id} at byte {at}")]
    RatingOutOfRange {
        code: u8,
        id: ExpectationKey,
        at: usize,
    },
    #[error("bad flags {flags:#04x} in the {part} at byte {at}")]
    BadFlags { part: String, flags: u8, at: usize },
    #[error("check-in title too long at byte {at}: {len} characters, over the {MAX_TITLE} a title may have")]
    TitleTooLong { len: usize, at: usize },
    #[error("expectation {id} at byte {at} is out of order or repeated")]
    IdOrder { id: ExpectationKey, at: usize },
}
