//! base64url without padding (RFC 4648 §5): the text of a share link.
//!
//! Decoding is strict: no padding, no whitespace, and the unused low bits of the last
//! character must be zero, so every byte string has exactly one text.

use super::error::ShareError;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The base64url text of `bytes`, without padding.
pub(super) fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, &b)| {
            group | (u32::from(b) << (16 - 8 * i))
        });
        // n bytes fill n + 1 six-bit characters.
        for i in 0..=chunk.len() {
            let six = (group >> (18 - 6 * i)) & 63;
            out.push(char::from(ALPHABET[six as usize]));
        }
    }
    out
}

/// The bytes of base64url `text` (no padding).
pub(super) fn decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let (mut bits, mut pending) = (0u32, 0u32);
    let mut last = None;
    for (at, found) in text.chars().enumerate() {
        let six = u8::try_from(found)
            .ok()
            .and_then(value)
            .ok_or(ShareError::NotBase64 { at, found })?;
        bits = (bits << 6) | u32::from(six);
        pending += 6;
        if pending >= 8 {
            pending -= 8;
            out.push((bits >> pending) as u8);
            bits &= (1 << pending) - 1;
        }
        last = Some((at, found));
    }
    // A lone last character (6 bits) ends no byte; leftover bits must be zero.
    match last {
        Some((at, found)) if pending == 6 || bits != 0 => Err(ShareError::Base64End { at, found }),
        _ => Ok(out),
    }
}

/// The six-bit value of a base64url character.
fn value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_the_rfc_4648_vectors_without_padding() {
        let texts: Vec<String> = ["", "f", "fo", "foo", "foob", "fooba", "foobar"]
            .iter()
            .map(|s| encode(s.as_bytes()))
            .collect();
        assert_eq!(
            texts,
            ["", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"]
        );
    }

    #[test]
    fn uses_dash_and_underscore_instead_of_plus_and_slash() {
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "-_-_");
        assert_eq!(decode("-_-_"), Ok(vec![0xfb, 0xff, 0xbf]));
    }

    #[test]
    fn every_byte_string_round_trips() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..len])), Ok(bytes[..len].to_vec()));
        }
    }

    #[test]
    fn rejects_padding_plus_slash_and_non_ascii_by_position() {
        assert_eq!(
            decode("Zg=="),
            Err(ShareError::NotBase64 { at: 2, found: '=' })
        );
        assert_eq!(
            decode("a+b"),
            Err(ShareError::NotBase64 { at: 1, found: '+' })
        );
        assert_eq!(
            decode("ab/"),
            Err(ShareError::NotBase64 { at: 2, found: '/' })
        );
        assert_eq!(
            decode("éa"),
            Err(ShareError::NotBase64 { at: 0, found: 'é' })
        );
    }

    #[test]
    fn rejects_a_lone_last_character() {
        assert_eq!(
            decode("Zm9vY"),
            Err(ShareError::Base64End { at: 4, found: 'Y' })
        );
    }

    #[test]
    fn rejects_stray_bits_in_the_last_character() {
        // "Zg" is "f"; "Zh" carries the same byte plus a set unused bit.
        assert_eq!(decode("Zg"), Ok(b"f".to_vec()));
        assert_eq!(
            decode("Zh"),
            Err(ShareError::Base64End { at: 1, found: 'h' })
        );
    }
}
