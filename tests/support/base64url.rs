//! A second, deliberately naive base64url (strings of bits) for the share tests,
//! independent of the codec's own; shared by tests/share.rs and tests/proptest_share.rs.

/// base64url without padding, decoded the slow, obvious way: a reference for the
/// tests, independent of the codec's own decoder.
#[allow(dead_code)] // not every test file uses both directions
pub fn base64url_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: String = text
        .chars()
        .map(|c| format!("{:06b}", ALPHABET.find(c).expect("base64url")))
        .collect();
    bits.as_bytes()
        .chunks_exact(8)
        .map(|eight| {
            u8::from_str_radix(std::str::from_utf8(eight).expect("ascii"), 2).expect("bits")
        })
        .collect()
}

/// base64url without padding, encoded the same slow, obvious way.
#[allow(dead_code)] // not every test file uses both directions
pub fn base64url_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bits: String = bytes.iter().map(|b| format!("{b:08b}")).collect();
    bits.as_bytes()
        .chunks(6)
        .map(|six| {
            let six = format!("{:0<6}", String::from_utf8_lossy(six));
            char::from(ALPHABET[usize::from_str_radix(&six, 2).expect("bits")])
        })
        .collect()
}
