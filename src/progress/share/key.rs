//! Expectation ids in the five bytes a link stores them in.

use crate::hex;
use std::fmt;

/// An expectation id as a link carries it: the first 10 of the 12 lower-case hex
/// digits of [`expectation_id`](crate::ladder::expectation_id), as 5 raw bytes.
///
/// 40 bits keep a full L2 link under 200 characters. Two expectations of one level
/// share a key only by a 1-in-a-trillion chance (a level holding a thousand expectations:
/// about 1 in 2 million), and a level is all a link is matched against.
///
/// Ordered like the hex text, so a map keyed by it lists ids in the same order
/// as one keyed by the id strings.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExpectationKey(pub [u8; KEY_BYTES]);

/// How many bytes of an expectation id a link carries.
pub const KEY_BYTES: usize = 5;

impl ExpectationKey {
    /// The key of an expectation id, if `id` is exactly 12 lower-case hex digits.
    pub fn parse(id: &str) -> Option<ExpectationKey> {
        let bytes: [u8; 6] = hex::decode_lower(id.as_bytes())?.try_into().ok()?;
        let mut key = [0u8; KEY_BYTES];
        key.copy_from_slice(&bytes[..KEY_BYTES]);
        Some(ExpectationKey(key))
    }
}

/// The first 10 hex digits of the id, as the ladder writes them.
impl fmt::Display for ExpectationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(&self.0))
    }
}

impl fmt::Debug for ExpectationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExpectationKey({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::expectation_id;

    #[test]
    fn an_expectation_id_parses_and_prints_its_first_ten_digits() {
        let id = expectation_id("I am competent in my domain.");
        let key = ExpectationKey::parse(&id).expect("a real id parses");
        assert_eq!(key.to_string(), id[..10]);
    }

    #[test]
    fn only_twelve_lower_case_hex_digits_parse() {
        let parsed: Vec<bool> = [
            "0123456789ab",
            "0123456789AB",
            "0123456789a",
            "0123456789abc",
            "0123456789ag",
            "",
            "0123456789é",
        ]
        .iter()
        .map(|id| ExpectationKey::parse(id).is_some())
        .collect();
        assert_eq!(parsed, [true, false, false, false, false, false, false]);
    }

    #[test]
    fn keys_sort_like_their_hex_text() {
        let ids = [
            "00ff00000000",
            "0f0000000000",
            "a00000000000",
            "ffffffffffff",
        ];
        let mut keys: Vec<ExpectationKey> = ids
            .iter()
            .rev()
            .map(|id| ExpectationKey::parse(id).expect("hex"))
            .collect();
        keys.sort();
        let sorted: Vec<String> = keys.iter().map(ToString::to_string).collect();
        let prefixes: Vec<&str> = ids.iter().map(|id| &id[..10]).collect();
        assert_eq!(sorted, prefixes);
    }
}
