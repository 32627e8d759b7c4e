//! Integration tests of the share-link codec: the seed level's link length, manager
//! replies, links read against another ladder version, tampering, truncation,
//! random text and the limits.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/base64url.rs"]
mod base64url;

use rungs::fnv::hash32;
use rungs::ladder::import::{import_ladder, read_dir};
use rungs::ladder::{Ladder, Level, Text};
use rungs::progress::share::{
    decode, encode, link_warning, resolve, AssessmentId, Entry, ExpectationKey, ManagerSide,
    Origin, Place, ShareError, SharedAssessment, SharedCheckin, Side, ID_BYTES, LONG_LINK,
    MAX_BODY, MAX_LINK, MAX_TITLE,
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

/// A made-up random id, all bits used, so that deflate gets no help from it.
const ID: AssessmentId = AssessmentId([0x9f, 0x3c, 0xe1, 0x07, 0xb6]);
/// 2026-12-01T14:48:05Z, in milliseconds.
const MADE: u64 = 1_796_136_485_000;

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
        origin: Some(Origin { id: ID, made: None }),
        self_side: Side::from_progress(&progress, level),
        manager: None,
        checkin: None,
    }
}

/// The seed assessment with a name, notes and a manager's reply on every expectation.
#[track_caller]
fn seed_reply(ladder: &Ladder) -> SharedAssessment {
    let mut a = seed_assessment(ladder);
    a.name = Some("Ada Lovelace".to_owned());
    a.origin = Some(Origin {
        id: ID,
        made: Some(MADE),
    });
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
        comment: String::new(),
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
    println!(
        "seed L2, 12 ratings, no notes: {} characters of fragment",
        fragment.len()
    );
    assert!(
        fragment.len() < 200,
        "{} characters: {fragment}",
        fragment.len()
    );
    assert_eq!(decode(&link), Ok(a));
}

#[test]
fn the_budget_holds_whatever_the_random_id() {
    // Deflate may squeeze some ids a byte less than others: the longest counts.
    let a = seed_assessment(&shipped());
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let longest = (0..2000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut id = [0u8; ID_BYTES];
            id.copy_from_slice(&state.to_le_bytes()[..ID_BYTES]);
            let with_id = SharedAssessment {
                origin: Some(Origin {
                    id: AssessmentId(id),
                    made: None,
                }),
                ..a.clone()
            };
            rungs::route::Route::Shared(encode(&with_id))
                .to_fragment()
                .len()
        })
        .max();
    println!("seed L2, 2000 random ids: at most {longest:?} characters of fragment");
    assert!(longest.is_some_and(|n| n < 200), "{longest:?}");
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
        error.ends_with("; the link was changed, damaged or cut short"),
        "{error}"
    );
}

#[test]
fn a_link_cut_short_says_truncated_at_which_byte() {
    // Format 1 says where; format 2, with no length, fails the checksum and says
    // it may be cut short.
    let old = SharedAssessment {
        origin: None,
        ..seed_assessment(&shipped())
    };
    let new = encode(&seed_assessment(&shipped()));
    let new_bytes = base64url::base64url_decode(&new);
    let new_cut = base64url::base64url_encode(&new_bytes[..new_bytes.len() - 10]);
    assert!(
        error_text(&new_cut).ends_with("cut short"),
        "{}",
        error_text(&new_cut)
    );
    let link = encode(&old);
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
        error_text(&flip_byte(&link, 0, 0x01)),
        "unknown format version 3; this version of Rungs reads versions 1 to 2"
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
    a.origin = None; // format 1, whose header is easiest to put right here
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
    let sum = hash32(bytes[..3].iter().chain(&bytes[body_at..]));
    bytes[3..7].copy_from_slice(&sum.to_le_bytes());
    assert_eq!(
        error_text(&base64url::base64url_encode(&bytes)),
        format!("bad utf-8 in the name at byte {}", at - body_at)
    );
}

// ---------------------------------------------------------------- shared check-ins

/// The seed assessment with evidence notes, sharing the check-in saved at [`MADE`]
/// titled `title` (as given: not cut to the limit).
#[track_caller]
fn seed_checkin(title: &str) -> SharedAssessment {
    let mut a = seed_assessment(&shipped());
    for entry in a.self_side.entries.values_mut() {
        entry.note = "Ran the incident review for the queue outage in March.".to_owned();
    }
    a.checkin = Some(SharedCheckin {
        saved: MADE,
        title: title.to_owned(),
    });
    a
}

#[test]
fn a_checkin_travels_in_the_link_with_its_date_and_title() {
    let a = seed_checkin("Q3 review with Sam");
    let link = encode(&a);
    println!(
        "seed L2 check-in, notes on all 12, a title: {} characters",
        link.len()
    );
    assert_eq!(link_warning(link.len()), None);
    let read = decode(&link).expect("a check-in link reads");
    assert_eq!(
        read.checkin.as_ref().map(SharedCheckin::words).as_deref(),
        Some("Check-in of 1 December 2026: Q3 review with Sam")
    );
    assert_eq!(read, a);
    // Untitled, and a reply to it, carry the date all the same.
    let untitled = seed_checkin("");
    assert_eq!(decode(&encode(&untitled)), Ok(untitled.clone()));
    let reply = SharedAssessment {
        manager: Some(ManagerSide {
            name: Some("Grace".to_owned()),
            ..ManagerSide::default()
        }),
        ..untitled
    };
    assert_eq!(decode(&encode(&reply)), Ok(reply));
}

/// A format 2 link as Rungs wrote them before check-ins (flag bit 5), built byte by
/// byte from the format table, and what it holds: a stored body (too short and
/// varied for deflate to shorten), named, two ratings.
fn link_before_checkins() -> (String, SharedAssessment) {
    let (first, second) = (
        [0x12, 0x34, 0x56, 0x78, 0x9a],
        [0xab, 0xcd, 0xef, 0x01, 0x23],
    );
    let mut body = vec![(8 << 1) | 1, 0x86, 0x15, 0xd1, 0x9f, 0x4e, 0x86, 0xc5, 0xc0];
    body.extend_from_slice(&[5, b'e', b'/', b's', b'r', b'e', 2, b'l', b'2']);
    body.extend_from_slice(&ID.0);
    body.extend_from_slice(&[1, 3, b'A', b'd', b'a']); // flags: name; the name
    body.push(2);
    body.extend_from_slice(&first);
    body.push(1 | (Rating::Maturing.key() << 1));
    body.extend_from_slice(&second);
    body.push(1 | (Rating::Exceeding.key() << 1));
    let head = [2u8]; // format 2, stored
    let sum = hash32(head.iter().chain(&body));
    let mut bytes = head.to_vec();
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes.extend_from_slice(&body);
    let mut self_side = Side::default();
    for (id, rating) in [(first, Rating::Maturing), (second, Rating::Exceeding)] {
        let entry = Entry {
            rating: Some(rating),
            note: String::new(),
        };
        self_side.entries.insert(ExpectationKey(id), entry);
    }
    let a = SharedAssessment {
        ladder_version: "8615d19f4e86c5c0".to_owned(),
        role: "e/sre".to_owned(),
        level: "l2".to_owned(),
        name: Some("Ada".to_owned()),
        origin: Some(Origin { id: ID, made: None }),
        self_side,
        manager: None,
        checkin: None,
    };
    (base64url::base64url_encode(&bytes), a)
}

#[test]
fn a_link_made_before_checkins_reads_as_before_and_is_written_byte_for_byte_the_same() {
    let (old, a) = link_before_checkins();
    assert_eq!(decode(&old), Ok(a.clone()));
    assert_eq!(encode(&a), old);
}

#[test]
fn a_checkin_title_over_the_limit_is_refused_with_its_length() {
    let too_long = "x".repeat(MAX_TITLE + 1);
    let said = error_text(&encode(&seed_checkin(&too_long)));
    assert!(
        said.starts_with("check-in title too long at byte "),
        "{said}"
    );
    assert!(
        said.ends_with(": 121 characters, over the 120 a title may have"),
        "{said}"
    );
    // What the share view sends is cut to the limit first, so it opens.
    let cut = SharedCheckin::new(MADE, &too_long);
    assert_eq!(cut.title.chars().count(), MAX_TITLE);
}

#[test]
fn a_tampered_checkin_title_is_named() {
    // As for the name: a stored body, the title's bytes broken, the checksum put right.
    let mut a = seed_assessment(&shipped());
    a.origin = None;
    a.self_side.entries.clear();
    a.checkin = Some(SharedCheckin::new(MADE, "Zoë"));
    let link = encode(&a);
    let mut bytes = base64url::base64url_decode(&link);
    assert_eq!(bytes[1], 0, "stored body");
    let at = bytes
        .windows(2)
        .position(|w| w == "ë".as_bytes())
        .expect("title bytes");
    bytes[at + 1] = 0xff;
    let body_at = 7;
    let sum = hash32(bytes[..3].iter().chain(&bytes[body_at..]));
    bytes[3..7].copy_from_slice(&sum.to_le_bytes());
    assert_eq!(
        error_text(&base64url::base64url_encode(&bytes)),
        format!("bad utf-8 in the check-in title at byte {}", at - body_at)
    );
    // Changed without the checksum put right, it is a damaged link.
    assert!(error_text(&flip_byte(&link, at + 1, 1)).starts_with("checksum mismatch"));
}

// ---------------------------------------------------------------- assessment ids and what is kept

use rungs::progress::share::keep::{
    self, keeping, kept_for, kept_key, load_answers, load_kept, own_id, own_id_if_any,
    reply_content, reply_key, Keeping, KeptReply, Loaded, ManagerAnswers, ReplyContent,
};
use std::collections::BTreeMap;

const NOW: u64 = 1_796_136_485_000;

/// The seed assessment of someone whose self-check has the id `id`, unnamed.
#[track_caller]
fn someone(ladder: &Ladder, id: u8) -> SharedAssessment {
    SharedAssessment {
        origin: Some(Origin {
            id: AssessmentId([id; ID_BYTES]),
            made: None,
        }),
        ..seed_assessment(ladder)
    }
}

/// `a` with the manager's side: `rating` on every expectation `a` rated, signed `name`.
fn answered(
    a: &SharedAssessment,
    name: &str,
    rating: Option<Rating>,
    made: u64,
) -> SharedAssessment {
    let entries = a.self_side.entries.keys().map(|k| {
        let entry = Entry {
            rating,
            note: String::new(),
        };
        (*k, entry)
    });
    SharedAssessment {
        origin: a.origin.map(|o| Origin {
            made: Some(made),
            ..o
        }),
        manager: Some(ManagerSide {
            name: Some(name.to_owned()),
            side: Side {
                entries: entries.collect(),
            },
            comment: String::new(),
        }),
        ..a.clone()
    }
}

/// A manager's answers to `a`, a link for the seed level: `rating` on its first
/// expectation.
fn answers_to(a: &SharedAssessment, rating: Rating) -> ManagerAnswers {
    let ladder = shipped();
    let first = &seed_level(&ladder).dimensions[0].expectations[0];
    let mut answers = ManagerAnswers::for_link(a);
    answers
        .answers
        .rate(&first.id, &first.text.to_plain(), Some(rating), NOW);
    answers.updated = NOW;
    answers
}

/// A format 1 link, as Rungs wrote them before links carried an id: stored body, no
/// names, `entries` (id prefix, rating key) rated on the seed level.
fn old_link(entries: &[([u8; 5], u8)]) -> String {
    let ladder = shipped();
    let mut body = vec![(8 << 1) | 1];
    for pair in ladder.version.as_bytes().chunks(2) {
        let digits = std::str::from_utf8(pair).expect("hex");
        body.push(u8::from_str_radix(digits, 16).expect("hex"));
    }
    for text in [SEED_ROLE, "l2"] {
        body.push(text.len() as u8);
        body.extend_from_slice(text.as_bytes());
    }
    body.push(0); // no names, no manager
    body.push(entries.len() as u8);
    for (id, key) in entries {
        body.extend_from_slice(id);
        body.push(1 | (key << 1));
    }
    let head = [1u8, 0, body.len() as u8];
    let sum = hash32(head.iter().chain(&body));
    let mut bytes = head.to_vec();
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes.extend_from_slice(&body);
    base64url::base64url_encode(&bytes)
}

#[test]
fn two_unnamed_links_for_the_same_level_keep_the_managers_answers_apart() {
    let ladder = shipped();
    let (ada, bob) = (someone(&ladder, 1), someone(&ladder, 2));
    assert_eq!(
        (ada.name.as_deref(), ada.role.as_str(), ada.level.as_str()),
        (bob.name.as_deref(), bob.role.as_str(), bob.level.as_str()),
        "the same typed name (none), role and level"
    );
    let mut store = BTreeMap::new();
    let to_ada = answers_to(&ada, Rating::Exceeding);
    assert!(store.insert(reply_key(&ada), to_ada.to_json()).is_none());
    assert_eq!(reply_key(&ada), "rungs:reply:0101010101");
    // Opening Bob's link finds nothing of what was said about Ada.
    assert_eq!(
        load_answers(&mut store, &reply_key(&bob), NOW),
        Loaded::Nothing
    );
    // Ada's next link (same self-check, new ratings) finds them again.
    let mut later = ada.clone();
    later.self_side.entries.clear();
    assert_eq!(
        load_answers(&mut store, &reply_key(&later), NOW),
        Loaded::Found(to_ada)
    );
}

#[test]
fn a_reply_comes_back_under_the_id_of_the_link_it_answers() {
    let ladder = shipped();
    let (ada, bob) = (someone(&ladder, 1), someone(&ladder, 2));
    let to_ada = decode(&encode(&answered(
        &ada,
        "Grace",
        Some(Rating::Maturing),
        NOW,
    )))
    .expect("a reply reads");
    let to_bob = decode(&encode(&answered(
        &bob,
        "Grace",
        Some(Rating::Exceeding),
        NOW,
    )))
    .expect("a reply reads");
    assert_eq!(kept_key(&to_ada), "rungs:kept:0101010101");
    assert_eq!(kept_key(&to_bob), "rungs:kept:0202020202");
    assert_eq!(reply_key(&to_ada), reply_key(&ada));
}

#[test]
fn old_links_without_an_id_still_open_and_keep_answers_to_themselves() {
    let ladder = shipped();
    let level = seed_level(&ladder);
    let ids: Vec<[u8; 5]> = level
        .dimensions
        .iter()
        .flat_map(|d| &d.expectations)
        .map(|x| key(&x.id).0)
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let first = old_link(&[(sorted[0], 3)]);
    let second = old_link(&[(sorted[0], 1), (sorted[1], 2)]);
    assert!(first.starts_with("AQ"), "format 1: {first}");
    let (first, second) = (
        decode(&first).expect("an old link opens"),
        decode(&second).expect("an old link opens"),
    );
    assert_eq!(first.origin, None);
    assert_eq!(resolve(&first, &ladder).matched.len(), 1);
    let (a, b) = (reply_key(&first), reply_key(&second));
    assert!(a.starts_with("rungs:reply:v1-"), "{a}");
    assert_ne!(a, b, "two unnamed old links do not share answers");
    // A reply to an old link is an old link too, and is known by the link it answers.
    let reply = answered(&first, "Grace", Some(Rating::Performing), NOW);
    let text = encode(&reply);
    assert!(text.starts_with("AQ"), "format 1: {text}");
    let read = decode(&text).expect("reads");
    assert_eq!(kept_key(&read), format!("rungs:kept:{}", first.key_id()));
    assert_eq!(read.made_at(NOW), None);
}

#[test]
fn keeping_a_second_reply_to_the_same_self_check_says_what_it_replaces() {
    let ladder = shipped();
    let ada = someone(&ladder, 1);
    let first = encode(&answered(
        &ada,
        "Grace",
        Some(Rating::Maturing),
        NOW - 60_000,
    ));
    let second = encode(&answered(&ada, "Alan", Some(Rating::Exceeding), NOW));
    let reply = decode(&first).expect("reads");
    let key = kept_key(&reply);
    let mut store = BTreeMap::new();
    assert_eq!(keeping(&store, &key, &first), Keeping::New);
    let kept = KeptReply::new(&first, &reply, NOW);
    assert!(keep::keep(&mut store, &key, &kept, NOW));
    assert_eq!(keeping(&store, &key, &first), Keeping::Kept);
    assert_eq!(
        keeping(&store, &key, &second),
        Keeping::Replaces(kept.clone())
    );
    assert_eq!(kept.manager.as_deref(), Some("Grace"));
    assert_eq!(kept.made, NOW - 60_000);
    assert_eq!(kept_for(&store, SEED_ROLE, "l2", NOW), [(key, kept)]);
    assert_eq!(kept_for(&store, SEED_ROLE, "l3", NOW), []);
}

#[test]
fn a_reply_made_in_the_future_is_kept_as_made_no_later_than_now_and_the_allowance() {
    let ladder = shipped();
    let ada = someone(&ladder, 1);
    let text = encode(&answered(&ada, "Grace", None, u64::from(u32::MAX) * 1000));
    let reply = decode(&text).expect("reads");
    let kept = KeptReply::new(&text, &reply, NOW);
    assert_eq!(kept.made, NOW + rungs::progress::ALLOWANCE);
    assert_eq!(kept.updated, NOW);
}

#[test]
fn an_unreadable_value_is_copied_aside_before_anything_is_written_over_it() {
    let ladder = shipped();
    let ada = someone(&ladder, 1);
    let mut store = BTreeMap::new();
    let key = reply_key(&ada);
    store.insert(key.clone(), "{\"updated\":1,\"schema\":9".to_owned());
    let Loaded::Unreadable { error, kept_as } = load_answers(&mut store, &key, NOW) else {
        panic!("damaged answers read")
    };
    assert_eq!(
        error.to_string(),
        "not json: EOF while parsing an object at line 1 column 23"
    );
    let aside = format!("rungs:share:damaged:{key}:{NOW}");
    assert_eq!(kept_as.as_deref(), Some(aside.as_str()));
    assert_eq!(store[&aside], "{\"updated\":1,\"schema\":9");

    // A kept reply written by a newer version: named, and copied aside when replaced.
    let text = encode(&answered(&ada, "Grace", None, NOW));
    let reply = decode(&text).expect("reads");
    let kept = kept_key(&reply);
    let newer = "{\"updated\":1,\"made\":1,\"link\":\"x\",\"signed\":true}";
    store.insert(kept.clone(), newer.to_owned());
    let Keeping::Unreadable(why) = keeping(&store, &kept, &text) else {
        panic!("a newer value read")
    };
    assert_eq!(
        why.to_string(),
        "unknown field `signed`: it may come from a newer version of Rungs"
    );
    assert!(keep::keep(
        &mut store,
        &kept,
        &KeptReply::new(&text, &reply, NOW),
        NOW
    ));
    assert_eq!(store[&format!("rungs:share:damaged:{kept}:{NOW}")], newer);
    assert!(matches!(load_kept(&mut store, &kept, NOW), Loaded::Found(k) if k.link == text));
}

#[test]
fn old_values_keyed_by_name_stay_readable_and_are_never_filled_in() {
    let ladder = shipped();
    let level = seed_level(&ladder);
    let first = &level.dimensions[0].expectations[0];
    let mut old = Progress::default();
    old.rate(
        &first.id,
        &first.text.to_plain(),
        Some(Rating::Exceeding),
        42,
    );
    let old_key = format!("rungs:reply:{SEED_ROLE}/l2:");
    let ada = someone(&ladder, 1);
    let old_reply = SharedAssessment {
        origin: None,
        ..answered(&ada, "Grace", Some(Rating::Maturing), NOW)
    };
    let old_reply_text = encode(&old_reply);
    let old_kept_key = format!("rungs:kept:{SEED_ROLE}/l2:Grace");
    let mut store = BTreeMap::from([
        (old_key.clone(), rungs::progress::to_json(&old)),
        (old_kept_key.clone(), old_reply_text.clone()),
        (
            "rungs:kept:elsewhere/l1:Bob".to_owned(),
            "not a link".to_owned(),
        ),
    ]);
    // A kept reply of the old keying is listed, from its link.
    let listed = kept_for(&store, SEED_ROLE, "l2", NOW);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].0, old_kept_key);
    assert_eq!(
        (listed[0].1.manager.as_deref(), listed[0].1.link.as_str()),
        (Some("Grace"), old_reply_text.as_str())
    );
    // The old unnamed answers are not found for an unnamed link.
    assert_eq!(
        load_answers(&mut store, &reply_key(&ada), NOW),
        Loaded::Nothing
    );
    assert_eq!(store.len(), 3, "nothing rewritten");
}

#[test]
fn a_persons_id_for_a_level_is_made_once_from_the_random_bytes_given() {
    let mut store = BTreeMap::new();
    assert_eq!(own_id_if_any(&store, SEED_ROLE, "l2"), None);
    let first = own_id(&mut store, SEED_ROLE, "l2", [1; ID_BYTES]);
    assert_eq!(first, AssessmentId([1; ID_BYTES]));
    assert_eq!(own_id(&mut store, SEED_ROLE, "l2", [2; ID_BYTES]), first);
    assert_eq!(own_id_if_any(&store, SEED_ROLE, "l2"), Some(first));
    assert_eq!(
        own_id(&mut store, SEED_ROLE, "l3", [3; ID_BYTES]),
        AssessmentId([3; ID_BYTES])
    );
    assert_eq!(
        store[&format!("rungs:share:id:{SEED_ROLE}/l2")],
        "0101010101"
    );
}

#[test]
fn a_reply_says_whether_it_rates_anything() {
    let ladder = shipped();
    let ada = someone(&ladder, 1);
    assert_eq!(
        reply_content(&answered(&ada, "G", None, NOW)),
        ReplyContent::Empty
    );
    assert_eq!(
        reply_content(&answered(&ada, "G", Some(Rating::Performing), NOW)),
        ReplyContent::Rated(12)
    );
    let mut comments = answered(&ada, "G", None, NOW);
    if let Some(m) = comments.manager.as_mut() {
        if let Some(e) = m.side.entries.values_mut().next() {
            e.note = "Let us talk.".to_owned();
        }
    }
    assert_eq!(reply_content(&comments), ReplyContent::CommentsOnly);
    assert_eq!(reply_content(&ada), ReplyContent::Empty);
}

#[test]
fn the_managers_overall_comment_travels_in_the_reply_and_is_kept_with_their_answers() {
    let ladder = shipped();
    let ada = someone(&ladder, 1);
    let mut reply = answered(&ada, "Grace", Some(Rating::Performing), NOW);
    if let Some(m) = reply.manager.as_mut() {
        m.comment = "A strong year; let us plan the next level.".to_owned();
    }
    let read = decode(&encode(&reply)).expect("the reply reads");
    assert_eq!(
        read.manager.map(|m| m.comment),
        Some("A strong year; let us plan the next level.".to_owned())
    );
    // A share link (no manager side) cannot say it carries one.
    assert_eq!(decode(&encode(&ada)).map(|a| a.manager), Ok(None));

    let mut answers = answers_to(&ada, Rating::Maturing);
    assert!(
        !answers.to_json().contains("comment"),
        "no comment, no field: older versions still read it"
    );
    answers.comment = "Talk about on-call.".to_owned();
    assert_eq!(ManagerAnswers::from_json(&answers.to_json()), Ok(answers));
}
