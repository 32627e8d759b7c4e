//! The frame around the body: format version, body encoding, length, checksum, and
//! the deflate step (see the module docs of `share` for the layout).

use super::bytes::{put_varint, Area, Reader};
use super::error::ShareError;
use super::MAX_BODY;
use miniz_oxide::inflate::TINFLStatus;

const STORED: u8 = 0;
const DEFLATE: u8 = 1;
/// miniz's best ordinary level; the bodies are small, so speed does not matter.
const LEVEL: u8 = 9;

/// The link bytes of format `format` for `body`: deflated when that is shorter,
/// stored otherwise.
pub(super) fn wrap(format: u8, body: &[u8]) -> Vec<u8> {
    let deflated = miniz_oxide::deflate::compress_to_vec(body, LEVEL);
    let (encoding, stored) = if deflated.len() < body.len() {
        (DEFLATE, deflated.as_slice())
    } else {
        (STORED, body)
    };
    frame(format, encoding, stored)
}

/// Version, `encoding`, length (format 1) and checksum, then `stored` as it is.
/// Format 2 puts the encoding in the high half of the version byte and leaves the
/// length out: the body runs to the end, and the checksum catches a cut link.
fn frame(format: u8, encoding: u8, stored: &[u8]) -> Vec<u8> {
    let head = if format == 1 {
        let mut head = vec![format, encoding];
        put_varint(&mut head, stored.len());
        head
    } else {
        vec![format | (encoding << 4)]
    };
    let sum = checksum(&head, stored);
    let mut out = head;
    out.extend_from_slice(&sum.to_le_bytes());
    out.extend_from_slice(stored);
    out
}

/// The format version and the body in link bytes written by [`wrap`], checked and
/// inflated.
pub(super) fn unwrap(link: &[u8]) -> Result<(u8, Vec<u8>), ShareError> {
    let mut r = Reader::new(link, Area::Link);
    let first = r.byte("format version")?;
    let version = first & 0x0f;
    let (encoding, len) = match (version, first >> 4) {
        (1, 0) => (r.byte("body encoding")?, Some(r.varint("body length")?)),
        (2, encoding) => (encoding, None),
        _ => return Err(ShareError::UnknownVersion { version }),
    };
    let head = &link[..r.at()];
    let stored_sum = u32::from_le_bytes(r.array("checksum")?);
    let body_at = r.at();
    let stored = match len {
        Some(len) => r.take(len, "body")?,
        None => r.rest(),
    };
    if len.is_some() && !r.rest().is_empty() {
        return Err(ShareError::Trailing {
            area: "link",
            at: body_at + stored.len(),
        });
    }
    let computed = checksum(head, stored);
    if computed != stored_sum {
        return Err(ShareError::Checksum {
            stored: stored_sum,
            computed,
        });
    }
    let body = match encoding {
        STORED => stored.to_vec(),
        DEFLATE => inflate(stored)?,
        code => return Err(ShareError::UnknownEncoding { code }),
    };
    Ok((version, body))
}

/// Raw inflate, refusing to grow past [`MAX_BODY`].
fn inflate(stored: &[u8]) -> Result<Vec<u8>, ShareError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(stored, MAX_BODY).map_err(|e| {
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                ShareError::BadDeflate {
                    reason: "the deflate stream stops early",
                }
            }
            _ => ShareError::BadDeflate {
                reason: "not valid deflate data",
            },
        }
    })
}

/// 32-bit FNV-1a of the header (without the checksum) and the stored body.
fn checksum(head: &[u8], stored: &[u8]) -> u32 {
    crate::fnv::hash32(head.iter().chain(stored))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::share::FORMAT;

    #[test]
    fn checksum_is_fnv1a_32() {
        // Published FNV-1a test vectors.
        assert_eq!(checksum(b"", b""), 0x811c_9dc5);
        assert_eq!(checksum(b"a", b""), 0xe40c_292c);
        assert_eq!(checksum(b"foo", b"bar"), 0xbf9c_f968);
    }

    #[test]
    fn a_body_that_does_not_shrink_is_stored() {
        let link = wrap(1, b"abc");
        assert_eq!(link[..3], [1, STORED, 3]);
        assert_eq!(unwrap(&link), Ok((1, b"abc".to_vec())));
        let link = wrap(FORMAT, b"abc");
        assert_eq!(link[0], FORMAT | (STORED << 4));
        assert_eq!(link.len(), 1 + 4 + 3, "no length in format 2");
        assert_eq!(unwrap(&link), Ok((FORMAT, b"abc".to_vec())));
    }

    #[test]
    fn a_repetitive_body_is_deflated() {
        let body = "I shipped it. ".repeat(50).into_bytes();
        let link = wrap(1, &body);
        assert_eq!(link[1], DEFLATE);
        assert_eq!(wrap(FORMAT, &body)[0], FORMAT | (DEFLATE << 4));
        assert!(link.len() < body.len() / 4, "{} bytes", link.len());
        assert_eq!(unwrap(&link), Ok((1, body)));
    }

    #[test]
    fn a_flipped_body_byte_fails_the_checksum() {
        let mut link = wrap(FORMAT, b"abcdef");
        let last = link.len() - 1;
        link[last] ^= 1;
        assert!(matches!(unwrap(&link), Err(ShareError::Checksum { .. })));
    }

    #[test]
    fn a_cut_link_says_where_it_ends_and_how_long_it_should_be() {
        let link = wrap(1, b"abcdef"); // 3 header bytes, 4 checksum, 6 body
        assert_eq!(
            unwrap(&link[..10]),
            Err(ShareError::Truncated { at: 10, needed: 13 })
        );
        assert_eq!(
            unwrap(&link[..5]),
            Err(ShareError::Truncated { at: 5, needed: 7 })
        );
    }

    #[test]
    fn the_format_version_is_read_first() {
        assert_eq!(
            unwrap(&[3, 0xff]),
            Err(ShareError::UnknownVersion { version: 3 })
        );
        assert_eq!(
            unwrap(&[0, 0xff]),
            Err(ShareError::UnknownVersion { version: 0 })
        );
    }

    #[test]
    fn bytes_after_the_body_are_refused() {
        let mut link = wrap(1, b"abc");
        link.push(0);
        assert_eq!(
            unwrap(&link),
            Err(ShareError::Trailing {
                area: "link",
                at: 10
            })
        );
    }

    /// A frame around `stored` with a correct checksum, whatever `encoding` says.
    fn framed(encoding: u8, stored: &[u8]) -> Vec<u8> {
        frame(FORMAT, encoding, stored)
    }

    #[test]
    fn an_unknown_encoding_is_named() {
        assert_eq!(
            unwrap(&framed(7, b"abc")),
            Err(ShareError::UnknownEncoding { code: 7 })
        );
    }

    #[test]
    fn a_body_inflating_past_the_limit_is_refused() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0; MAX_BODY + 1], LEVEL);
        assert!(bomb.len() < 1024, "{} bytes", bomb.len());
        assert_eq!(unwrap(&framed(DEFLATE, &bomb)), Err(ShareError::TooLarge));
        let fits = miniz_oxide::deflate::compress_to_vec(&vec![0; MAX_BODY], LEVEL);
        assert_eq!(
            unwrap(&framed(DEFLATE, &fits)),
            Ok((FORMAT, vec![0; MAX_BODY]))
        );
    }

    #[test]
    fn bad_deflate_data_is_named() {
        // Block type 3 does not exist.
        assert_eq!(
            unwrap(&framed(DEFLATE, &[0xff, 0xff])),
            Err(ShareError::BadDeflate {
                reason: "not valid deflate data"
            })
        );
        let whole = miniz_oxide::deflate::compress_to_vec(&[7; 100], LEVEL);
        assert_eq!(
            unwrap(&framed(DEFLATE, &whole[..whole.len() - 1])),
            Err(ShareError::BadDeflate {
                reason: "the deflate stream stops early"
            })
        );
    }
}
