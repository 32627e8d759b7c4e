//! Fuzz the share-link decoder three ways: the input as link text; the input as
//! link bytes (base64url-encoded first); and the input as a body framed with a valid
//! checksum, so it reaches the body reader. Whatever decodes must encode and decode
//! back to the same assessment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::progress::share::{decode, encode};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => base64url(rest),
        _ => base64url(&framed(mode / 9 % 2 + 1, mode / 3 % 3, rest)),
    };
    if let Ok(assessment) = decode(&text) {
        assert_eq!(decode(&encode(&assessment)), Ok(assessment));
    }
});

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |g, (i, &b)| g | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(group >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Link bytes of format `format` (1 or 2) around `body`, with `encoding` and a
/// correct checksum.
fn framed(format: u8, encoding: u8, body: &[u8]) -> Vec<u8> {
    let mut head = vec![format, encoding];
    let mut len = body.len();
    while len >= 0x80 {
        head.push((len & 0x7f) as u8 | 0x80);
        len >>= 7;
    }
    head.push(len as u8);
    let sum = head
        .iter()
        .chain(body)
        .fold(0x811c_9dc5u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    let mut out = head;
    out.extend_from_slice(&sum.to_le_bytes());
    out.extend_from_slice(body);
    out
}
