//! Shared by tests/share.rs and tests/proptest_share.rs.

/// base64url without padding, decoded the slow, obvious way: a reference for the
/// tests, independent of the codec's own decoder.
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
