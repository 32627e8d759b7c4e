//! Stable ids: expectation ids, url slugs and the ladder's content hash.
//!
//! The expectation id rule, which progress and share links rely on:
//! take the plain words of the expectation (no formatting), lower-case them
//! (Unicode), collapse every run of whitespace to one space and trim; hash the
//! UTF-8 bytes with 64-bit FNV-1a and keep the first 12 lower-case hex digits.

use super::import::inline::is_printable_single_spaced;
use super::model::Text;
use crate::fnv;

/// The stable id of an expectation with these words (see the module docs).
///
/// The same after reordering bullets or changing whitespace, case or inline
/// formatting; different as soon as the words change.
pub fn expectation_id(text: &str) -> String {
    let mut id = IdHasher::new();
    id.write(text);
    id.finish()
}

/// The hash behind a text's id: `hex12(text_hash(t))` is
/// `expectation_id(&t.to_plain())`, without building the plain string.
pub(crate) fn text_hash(text: &Text) -> u64 {
    if let Some(hash) = canonical_ascii_hash(text) {
        return hash;
    }
    let mut id = IdHasher::new();
    for span in &text.0 {
        id.write(&span.text);
    }
    id.hash
}

/// The id hash of text that needs no normalising but lower-casing: printable
/// ASCII, single spaces between words, none at either end. Imported text is
/// nearly always like that; `None` for anything else.
fn canonical_ascii_hash(text: &Text) -> Option<u64> {
    let mut h = fnv::OFFSET;
    // Whether the text so far ends in a space; at the start a space is leading.
    let mut space = true;
    for span in &text.0 {
        let bytes = span.text.as_bytes();
        let Some((&first, rest)) = bytes.split_first() else {
            continue;
        };
        if (space && first == b' ') || !is_printable_single_spaced(bytes) {
            return None;
        }
        // FNV-1a is one chain of multiplies; without a branch a byte is as
        // fast as that chain allows.
        h = fnv::step(h, ascii_lower(first));
        for &b in rest {
            h = fnv::step(h, ascii_lower(b));
        }
        space = bytes.last() == Some(&b' ');
    }
    (!space).then_some(h)
}

/// Feeds text to the id hash: lower-cased, whitespace runs as one space,
/// no leading or trailing space.
struct IdHasher {
    hash: u64,
    pending_space: bool,
    started: bool,
}

/// At the start of a word: hash the one space that stands for the whitespace before
/// it, if any, and note that words have started.
#[inline(always)]
fn word_start(h: u64, pending: &mut bool, started: &mut bool) -> u64 {
    *started = true;
    if std::mem::take(pending) {
        fnv::step(h, b' ')
    } else {
        h
    }
}

impl IdHasher {
    fn new() -> Self {
        IdHasher {
            hash: fnv::OFFSET,
            pending_space: false,
            started: false,
        }
    }

    fn write(&mut self, text: &str) {
        let (mut h, mut pending, mut started) = (self.hash, self.pending_space, self.started);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                i += 1;
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    pending = started;
                    continue;
                }
                h = word_start(h, &mut pending, &mut started);
                h = fnv::step(h, ascii_lower(b));
                // The rest of an ASCII word in a tight loop.
                while let Some(&b) = bytes.get(i) {
                    if b >= 0x80 || (b <= b' ' && matches!(b, b' ' | b'\t'..=b'\r')) {
                        break;
                    }
                    h = fnv::step(h, ascii_lower(b));
                    i += 1;
                }
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                pending = started;
                continue;
            }
            h = word_start(h, &mut pending, &mut started);
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                for &byte in l.encode_utf8(&mut buf).as_bytes() {
                    h = fnv::step(h, byte);
                }
            }
        }
        (self.hash, self.pending_space, self.started) = (h, pending, started);
    }

    fn finish(self) -> String {
        hex12(self.hash)
    }
}

/// `b.to_ascii_lowercase()` for an ASCII byte, without a branch.
#[inline]
fn ascii_lower(b: u8) -> u8 {
    b | (u8::from(b.wrapping_sub(b'A') < 26) << 5)
}

/// The first 12 lower-case hex digits of a 64-bit hash.
pub(crate) fn hex12(hash: u64) -> String {
    crate::hex::leading(hash, 12)
}

/// A url-safe slug: ASCII letters and digits lower-cased, every other run of
/// characters turned into one `-`, no leading or trailing `-`.
///
/// Names with no ASCII letter or digit at all get `x` and 8 hex digits of
/// their hash, so they still have a stable, distinct slug.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() && !name.trim().is_empty() {
        out = format!("x{:08x}", fnv::hash64(name.trim().as_bytes()) >> 32);
    }
    out
}

/// Content hash of a set of files, 16 lower-case hex digits.
///
/// The files are hashed in path order as path, a 0xff separator, the length
/// and the bytes, so moving, renaming or editing any file changes it.
/// Bytes are folded eight at a time (FNV-1a style over little-endian words)
/// to keep large ladders cheap.
pub(crate) fn content_hash(files: &[(&str, &[u8])]) -> String {
    let mut sorted: Vec<&(&str, &[u8])> = files.iter().collect();
    super::order::sort_by(&mut sorted, |a, b| a.0.cmp(b.0).then_with(|| a.1.cmp(b.1)));
    let mut h = fnv::OFFSET;
    let mut mix = |word: u64| {
        h ^= word;
        h = h.wrapping_mul(fnv::PRIME);
        h ^= h >> 29;
    };
    for (path, bytes) in sorted {
        for part in [
            path.as_bytes(),
            &[0xff],
            &(bytes.len() as u64).to_le_bytes(),
            bytes,
        ] {
            let mut chunks = part.chunks_exact(8);
            for chunk in &mut chunks {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                mix(u64::from_le_bytes(word));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                let mut word = [0u8; 8];
                word[..rest.len()].copy_from_slice(rest);
                mix(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
            }
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_twelve_lower_hex_digits() {
        let id = expectation_id("I am competent in my domain.");
        assert_eq!(id.len(), 12);
        assert!(id.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
    }

    #[test]
    fn id_ignores_case_and_whitespace() {
        let a = expectation_id("I am competent in my domain.");
        assert_eq!(a, expectation_id("  i AM   competent\tin my\n domain. "));
    }

    #[test]
    fn id_changes_with_the_words() {
        assert_ne!(
            expectation_id("I am competent in my domain."),
            expectation_id("I am competent in my team.")
        );
    }

    #[test]
    fn id_lowercases_unicode() {
        assert_eq!(expectation_id("ÜBER Ärger"), expectation_id("über ärger"));
    }

    #[test]
    fn id_of_known_text_is_fnv1a() {
        // FNV-1a 64 of "a" is af63dc4c8601ec8c.
        assert_eq!(expectation_id("A"), "af63dc4c8601");
    }

    #[test]
    fn text_hash_gives_the_id_of_the_plain_text() {
        let text = Text(vec![
            super::super::model::Span {
                link: None,
                text: "I  write ".into(),
                style: Default::default(),
            },
            super::super::model::Span {
                link: None,
                text: " Clean\tcode".into(),
                style: Default::default(),
            },
        ]);
        assert_eq!(hex12(text_hash(&text)), expectation_id(&text.to_plain()));
        assert_eq!(
            hex12(text_hash(&text)),
            expectation_id("i write clean code")
        );
    }

    #[test]
    fn ascii_fast_path_hashes_like_the_general_rule() {
        let general = |t: &Text| {
            let mut id = IdHasher::new();
            for span in &t.0 {
                id.write(&span.text);
            }
            id.hash
        };
        let spans = |parts: &[&str]| {
            Text(
                parts
                    .iter()
                    .map(|p| super::super::model::Span {
                        link: None,
                        text: (*p).into(),
                        style: Default::default(),
                    })
                    .collect(),
            )
        };
        for parts in [
            &["I Write CLEAN code, always."][..],
            &["I ", "", "write", " clean code"],
            &[
                "a long sentence that spans more than sixteen bytes ",
                "Twice",
            ],
            &[" leading"],
            &["trailing "],
            &["double  space"],
            &["split ", " double"],
            &["tab\there"],
            &["caf\u{e9} ok"],
            &["del \u{7f} and bell \u{7}"],
            &[""],
            &[],
        ] {
            let t = spans(parts);
            assert_eq!(text_hash(&t), general(&t), "{parts:?}");
        }
        assert!(canonical_ascii_hash(&spans(&["I ", "write"])).is_some());
        assert!(canonical_ascii_hash(&spans(&["I ", " write"])).is_none());
    }

    #[test]
    fn slug_turns_separators_into_dashes() {
        assert_eq!(
            slug("Site Reliability Engineering"),
            "site-reliability-engineering"
        );
        assert_eq!(slug("  R&D / Ops__"), "r-d-ops");
        assert_eq!(slug("L2"), "l2");
    }

    #[test]
    fn slug_of_non_ascii_name_is_hashed() {
        let s = slug("エンジニア");
        assert!(s.starts_with('x') && s.len() == 9, "{s}");
        assert_ne!(s, slug("デザイナー"));
        assert_eq!(slug(""), "");
    }

    #[test]
    fn content_hash_ignores_input_order_but_not_content() {
        let a: &[u8] = b"one";
        let b: &[u8] = b"two";
        let h1 = content_hash(&[("a.md", a), ("b.md", b)]);
        assert_eq!(h1.len(), 16);
        assert_eq!(h1, content_hash(&[("b.md", b), ("a.md", a)]));
        assert_ne!(h1, content_hash(&[("a.md", b), ("b.md", a)]));
        assert_ne!(h1, content_hash(&[("a.md", a), ("b.md", b"twO")]));
    }
}
