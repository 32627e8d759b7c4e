//! FNV-1a, the one hash behind expectation ids, slugs, the ladder's content hash,
//! old share-link ids, the share link's checksum and the quiz's shuffle.
//!
//! Small and fast on short text, and stable across machines and versions, which is
//! all an id or a checksum needs; none of them is a defence against an attacker.

/// The 64-bit FNV offset basis: the hash of no bytes.
pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// The 64-bit FNV prime.
pub const PRIME: u64 = 0x0000_0100_0000_01b3;

/// One step of 64-bit FNV-1a: `hash` with `byte` fed in.
#[inline(always)]
pub const fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ byte as u64).wrapping_mul(PRIME)
}

/// 64-bit FNV-1a of `bytes`.
pub fn hash64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(OFFSET, |hash, &b| step(hash, b))
}

/// 32-bit FNV-1a of `bytes`.
pub fn hash32<'a>(bytes: impl IntoIterator<Item = &'a u8>) -> u32 {
    bytes.into_iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_test_vectors_hold() {
        assert_eq!(hash64(b""), OFFSET);
        assert_eq!(hash64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(hash32(b""), 0x811c_9dc5);
        assert_eq!(hash32(b"a"), 0xe40c_292c);
        assert_eq!(hash32(b"foobar"), 0xbf9c_f968);
    }
}
