//! Integration tests of the share-link codec: the seed level's link length, manager
//! replies, links read against another ladder version, tampering, truncation,
//! random text and the limits.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/base64url.rs"]
mod base64url;

use rungs::ladder::{import_ladder, read_dir, Ladder, Level, Text};
use rungs::progress::share::{
    decode, encode, link_warning, resolve, Entry, ExpectationKey, ManagerSide, Place, ShareError,
    SharedAssessment, Side, LONG_LINK, MAX_BODY, MAX_LINK,
};
use rungs::progress::{Progress, Rating};
use std::path::Path;

const SEED_ROLE: &str = "engineering/site-reliability-engineering";

// ---------------------------------------------------------------- helpers

/// The shipped ladder, imported from `ladders/` the way the linter reads it.
#[track_caller]
fn shipped() -> Ladder {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("ladders");
    let files = read_dir(&dir).expect("readable ladders/");
    import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).ladder
}

#[track_caller]
fn seed_level(ladder: &Ladder) -> &Level {
    let role = ladder.role(SEED_ROLE).expect("seed role");
    role.level("l2").expect("seed level")
}

#[track_caller]
fn key(id: &str) -> ExpectationKey {
    ExpectationKey::parse(id).expect("12 hex digits")
}

/// The seed level, every expectation rated (cycling through the scale), no notes.
#[track_caller]
fn seed_assessment(ladder: &Ladder) -> SharedAssessment {
    let level = seed_level(ladder);
    let mut progress = Progress::default();
    let expectations = level.dimensions.iter().flat_map(|d| &d.expectations);
    for (i, x) in expectations.enumerate() {
        let rating = Rating::ALL[i % Rating::ALL.len()];
        progress.rate(&x.id, &x.text.to_plain(), Some(rating), 1);
    }
    SharedAssessment {
        ladder_version: ladder.version.clone(),
        role: SEED_ROLE.to_owned(),
        level: level.id.clone(),
        name: None,
        self_side: Side::from_progress(&progress, level),
        manager: None,
    }
}

/// The seed assessment with a name, notes and a manager's reply on every expectation.
#[track_caller]
fn seed_reply(ladder: &Ladder) -> SharedAssessment {
    let mut a = seed_assessment(ladder);
    a.name = Some("Ada Lovelace".to_owned());
    for entry in a.self_side.entries.values_mut() {
        entry.note = "Ran the incident review for the queue outage in March.".to_owned();
    }
    let entries = a.self_side.entries.keys().map(|id| {
        let comment = "Agreed; next, lead one without me in the room.".to_owned();
        let entry = Entry {
            rating: Some(Rating::Performing),
            note: comment,
        };
        (*id, entry)
    });
    a.manager = Some(ManagerSide {
        name: Some("Grace Hopper".to_owned()),
        side: Side {
            entries: entries.collect(),
        },
    });
    a
}

/// The link with the byte at `index` of its decoded bytes changed by `xor`.
fn flip_byte(link: &str, index: usize, xor: u8) -> String {
    let mut bytes = base64url::base64url_decode(link);
    bytes[index] ^= xor;
    base64url::base64url_encode(&bytes)
}



#[track_caller]
fn error_text(link: &str) -> String {
    match decode(link) {
        Ok(a) => panic!("decoded {a:?}"),
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------- size

#[test]
fn a_full_seed_assessment_fits_in_under_200_characters_of_fragment() {
    let ladder = shipped();
    let a = seed_assessment(&ladder);
    assert_eq!(
        a.self_side.entries.len(),
        12,
        "every seed expectation rated"
    );
    assert_eq!(a.ladder_version.len(), 16);
    let link = encode(&a);
    let fragment = rungs::route::Route::Shared(link.clone()).to_fragment();
    println!("seed L2, 12 ratings, no notes: {} characters of fragment", fragment.len());
    assert!(fragment.len() < 200, "{} characters: {fragment}", fragment.len());
    assert_eq!(decode(&link), Ok(a));
}

#[test]
fn a_seed_reply_with_notes_round_trips_and_needs_no_warning() {
    let ladder = shipped();
    let a = seed_reply(&ladder);
    let link = encode(&a);
    println!(
        "seed L2 reply, notes and comments on all 12: {} characters",
        link.len()
    );
    assert_eq!(link_warning(link.len()), None);
    assert_eq!(decode(&link), Ok(a));
}

#[test]
fn the_embedded_ladder_gives_the_same_link_as_the_shipped_files() {
    let embedded = rungs::embedded::ladder();
    assert_eq!(
        encode(&seed_assessment(&embedded)),
        encode(&seed_assessment(&shipped()))
    );
}

// ---------------------------------------------------------------- version mismatch

#[test]
fn a_link_from_the_same_ladder_matches_every_expectation_in_order() {
    let ladder = shipped();
    let a = seed_assessment(&ladder);
    let resolved = resolve(&a, &ladder);
    assert!(resolved.same_version);
    assert!(matches!(resolved.place, Place::Found(r, l) if r.id == SEED_ROLE && l.id == "l2"));
    let level = seed_level(&ladder);
    let in_order: Vec<&str> = level
        .dimensions
        .iter()
        .flat_map(|d| &d.expectations)
        .map(|x| x.id.as_str())
        .collect();
    let matched: Vec<String> = resolved
        .matched
        .iter()
        .map(|m| m.expectation.id.clone())
        .collect();
    assert_eq!(matched, in_order);
    assert_eq!(resolved.unmatched, []);
}

#[test]
fn a_link_from_an_older_ladder_lists_the_marks_whose_words_changed() {
    let old = shipped();
    let a = seed_assessment(&old);
    let mut new = old.clone();
    new.version = "0000000000000001".to_owned();
    let level = &mut new.roles[0].levels[0];
    let changed = &mut level.dimensions[0].expectations[0];
    let old_id = changed.id.clone();
    changed.text = Text::plain("I am competent in my domain, and I teach it.");
    changed.id = rungs::ladder::expectation_id(&changed.text.to_plain());

    let resolved = resolve(&a, &new);
    assert!(!resolved.same_version);
    assert_eq!(resolved.matched.len(), 11);
    let unmatched: Vec<String> = resolved
        .unmatched
        .iter()
        .map(|m| m.id.to_string())
        .collect();
    assert_eq!(unmatched, [&old_id[..10]]);
    let mark = resolved.unmatched[0].own.expect("own mark kept");
    assert_eq!(Some(mark), a.self_side.entries.get(&key(&old_id)));
}

#[test]
fn a_link_for_a_level_the_ladder_lacks_says_which_is_missing() {
    let ladder = shipped();
    let mut a = seed_assessment(&ladder);
    a.level = "l7".to_owned();
    let resolved = resolve(&a, &ladder);
    assert!(matches!(resolved.place, Place::NoLevel(r) if r.id == SEED_ROLE));
    assert_eq!((resolved.matched.len(), resolved.unmatched.len()), (0, 12));
    a.role = "design/product-design".to_owned();
    assert_eq!(resolve(&a, &ladder).place, Place::NoRole);
}

// ---------------------------------------------------------------- tampering and damage

#[test]
fn flipping_any_byte_after_the_version_is_caught() {
    let link = encode(&seed_assessment(&shipped()));
    let len = base64url::base64url_decode(&link).len();
    for index in 1..len {
        let tampered = flip_byte(&link, index, 0x01);
        let error = decode(&tampered).expect_err("tampering is caught");
        assert!(
            matches!(
                error,
                ShareError::Checksum { .. }
                    | ShareError::Truncated { .. }
                    | ShareError::Trailing { .. }
            ),
            "byte {index}: {error}"
        );
    }
}

#[test]
fn a_flipped_body_byte_reads_as_a_checksum_mismatch() {
    let link = encode(&seed_assessment(&shipped()));
    let tampered = flip_byte(&link, 20, 0x40);
    let error = error_text(&tampered);
    assert!(
        error.starts_with("checksum mismatch: the link says "),
        "{error}"
    );
    assert!(
        error.ends_with("; the link was changed or damaged"),
        "{error}"
    );
}

#[test]
fn a_link_cut_short_says_truncated_at_which_byte() {
    let link = encode(&seed_assessment(&shipped()));
    let bytes = base64url::base64url_decode(&link);
    let cut = base64url::base64url_encode(&bytes[..bytes.len() - 10]);
    assert_eq!(
        decode(&cut),
        Err(ShareError::Truncated {
            at: bytes.len() - 10,
            needed: bytes.len()
        })
    );
    assert_eq!(
        error_text(&cut),
        format!(
            "truncated at byte {}: the link needs at least {} bytes; it was cut short",
            bytes.len() - 10,
            bytes.len()
        )
    );
}

#[test]
fn every_prefix_of_a_link_is_an_error_not_a_panic() {
    let link = encode(&seed_reply(&shipped()));
    for end in 0..link.len() {
        assert!(decode(&link[..end]).is_err(), "prefix of {end} characters");
    }
}

#[test]
fn a_newer_format_version_is_named() {
    let link = encode(&seed_assessment(&shipped()));
    assert_eq!(
        error_text(&flip_byte(&link, 0, 0x03)),
        "unknown format version 2; this version of Rungs reads version 1"
    );
}

#[test]
fn text_that_is_not_base64url_says_where() {
    assert_eq!(error_text("abc$def"), "not base64url: “$” at character 3");
    assert_eq!(error_text("Zg=="), "not base64url: “=” at character 2");
    assert_eq!(
        error_text("Zm9vY"),
        "not base64url: the text cannot end with “Y” at character 4: the link looks cut short"
    );
}

#[test]
fn random_text_is_an_error_with_a_lower_case_message() {
    let samples = [
        "hello",
        "AAAA",
        "____",
        "AQAAAAAA",
        "https://example.com/#share=abc",
        "🦉",
        "AQE",
        "AQEA",
        &"x".repeat(5000),
    ];
    for text in samples {
        let error = error_text(text);
        let first = error.chars().next().expect("a message");
        assert!(first.is_lowercase(), "{text:?}: {error}");
    }
}

// ---------------------------------------------------------------- limits

#[test]
fn links_over_64_kib_are_refused_by_length() {
    let text = "A".repeat(MAX_LINK + 3);
    assert_eq!(
        error_text(&text),
        "link too long: 65539 characters, over the 65536 a link may have"
    );
}

#[test]
fn long_notes_compress_and_warn_past_8000_characters() {
    let ladder = shipped();
    let mut a = seed_assessment(&ladder);
    // Varied text deflate cannot squeeze much: a counter in every line.
    for (i, entry) in a.self_side.entries.values_mut().enumerate() {
        entry.note = (0..120)
            .map(|n| format!("{i}.{n}: {:x} ", (i * 7919 + n * 104_729) % 65_521))
            .collect();
    }
    let link = encode(&a);
    println!("seed L2 with long notes: {} characters", link.len());
    assert!(link.len() > LONG_LINK, "{} characters", link.len());
    let warning = link_warning(link.len()).expect("a long link warns");
    assert!(
        warning.contains("Some chat and mail apps cut links"),
        "{warning}"
    );
    assert_eq!(decode(&link), Ok(a));
}

#[test]
fn a_body_that_would_inflate_past_256_kib_is_refused() {
    let mut a = seed_assessment(&shipped());
    a.name = Some("a".repeat(MAX_BODY));
    let link = encode(&a);
    assert!(link.len() < MAX_LINK, "{} characters", link.len());
    assert_eq!(
        error_text(&link),
        "inflated body over the limit of 262144 bytes"
    );
}

#[test]
fn bad_utf8_in_the_name_is_named() {
    // Stored (not deflated) body, so the name's bytes can be found and broken;
    // the checksum is then put right, as a careful forger would.
    let mut a = seed_assessment(&shipped());
    a.name = Some("Zoë".to_owned());
    a.self_side.entries.clear();
    let mut bytes = base64url::base64url_decode(&encode(&a));
    assert_eq!(bytes[1], 0, "stored body");
    let at = bytes
        .windows(2)
        .position(|w| w == "ë".as_bytes())
        .expect("name bytes");
    bytes[at + 1] = 0xff;
    let body_at = 7; // version, encoding, one length byte, four checksum bytes
    let sum = fnv1a(bytes[..3].iter().chain(&bytes[body_at..]));
    bytes[3..7].copy_from_slice(&sum.to_le_bytes());
    assert_eq!(
        error_text(&base64url::base64url_encode(&bytes)),
        format!("bad utf-8 in the name at byte {}", at - body_at)
    );
}

fn fnv1a<'a>(bytes: impl Iterator<Item = &'a u8>) -> u32 {
    bytes.fold(0x811c_9dc5, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}
