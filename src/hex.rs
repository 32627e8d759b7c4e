//! Hex digits, as ids and links write them: lower-case out; in, either case where
//! the text comes from outside (percent escapes, JSON `\u` escapes) and lower-case
//! only where an id must have one spelling.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// The lower-case hex digits of `bytes`, two a byte.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(2 * bytes.len());
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// The first `count` (at most 16) lower-case hex digits of `value`: an id's digits of
/// its hash. Straight from the number: through [`encode`] of its bytes the import
/// module was 64 bytes (gzipped) larger.
pub fn leading(value: u64, count: usize) -> String {
    let mut out = String::with_capacity(count);
    for n in 0..count.min(16) {
        out.push(char::from(DIGITS[((value >> (60 - 4 * n)) & 0xf) as usize]));
    }
    out
}

/// The value of the hex digit `d`, upper- or lower-case.
pub fn digit(d: u8) -> Option<u8> {
    match d {
        b'0'..=b'9' => Some(d - b'0'),
        b'a'..=b'f' => Some(d - b'a' + 10),
        b'A'..=b'F' => Some(d - b'A' + 10),
        _ => None,
    }
}

/// The bytes that lower-case hex `digits` spell, two digits a byte; `None` for an odd
/// number of digits or any other character (an upper-case digit too: ids and
/// versions have one spelling).
pub fn decode_lower(digits: &[u8]) -> Option<Vec<u8>> {
    if !digits.len().is_multiple_of(2) {
        return None;
    }
    let lower = |d: u8| digit(d).filter(|_| !d.is_ascii_uppercase());
    digits
        .chunks(2)
        .map(|pair| Some(lower(pair[0])? << 4 | lower(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_encode_as_two_lower_case_digits_each() {
        assert_eq!(encode(&[0x00, 0x1f, 0xab, 0xff]), "001fabff");
        assert_eq!(encode(&[]), "");
    }

    #[test]
    fn leading_digits_are_the_big_end_of_the_number() {
        assert_eq!(leading(0x0123_4567_89ab_cdef, 12), "0123456789ab");
        assert_eq!(
            leading(0x0123_4567_89ab_cdef, 16),
            encode(&0x0123_4567_89ab_cdef_u64.to_be_bytes())
        );
        assert_eq!(leading(u64::MAX, 20), "ffffffffffffffff");
    }

    #[test]
    fn every_byte_decodes_back() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode_lower(encode(&all).as_bytes()), Some(all));
    }

    #[test]
    fn digits_read_either_case_but_decode_lower_only_lower_case() {
        assert_eq!(digit(b'F'), Some(15));
        assert_eq!(digit(b'f'), Some(15));
        assert_eq!(digit(b'g'), None);
        assert_eq!(decode_lower(b"0aff"), Some(vec![0x0a, 0xff]));
        for bad in [&b"0aFF"[..], b"0af", b"0a f", b"0g"] {
            assert_eq!(decode_lower(bad), None, "{bad:?}");
        }
    }
}
