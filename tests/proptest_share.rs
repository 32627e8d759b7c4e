//! Property tests of the share-link codec: any assessment survives a link, and no
//! text or bytes make the decoder panic, even bytes framed with a valid checksum so
//! that they reach the body reader.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/base64url.rs"]
mod base64url;

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rungs::progress::share::keep::{KeptReply, ManagerAnswers};
use rungs::progress::share::{
    decode, encode, AssessmentId, Entry, ExpectationKey, ManagerSide, Origin, SharedAssessment,
    SharedCheckin, Side, ID_BYTES,
};
use rungs::progress::{Progress, Rating};

/// Text a person might type, Unicode and control characters included.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => prop::collection::vec(
            prop::sample::select(vec!["I", " ", "\n", "\u{0}", "🦉", "é", "#", "=", "\r\n", "ß"]),
            0..12,
        )
        .prop_map(|w| w.concat()),
    ]
}

fn version() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "[0-9a-f]{16}",
        1 => "[0-9a-fA-F]{0,20}",
        1 => any::<String>(),
    ]
}

fn side(max: usize) -> impl Strategy<Value = Side> {
    let entry = (
        prop::option::of(prop::sample::select(Rating::ALL.to_vec())),
        typed(),
    )
        .prop_map(|(rating, note)| Entry { rating, note });
    prop::collection::btree_map(any::<[u8; 5]>().prop_map(ExpectationKey), entry, 0..max)
        .prop_map(|entries| Side { entries })
}

/// No origin (a format 1 link), or an id with or without the (whole) second it was made.
fn origin() -> impl Strategy<Value = Option<Origin>> {
    let made = prop::option::of((0..=u64::from(u32::MAX)).prop_map(|s| s * 1000));
    prop::option::of(
        (any::<[u8; ID_BYTES]>(), made).prop_map(|(id, made)| Origin {
            id: AssessmentId(id),
            made,
        }),
    )
}

/// No check-in, or one saved at any whole second with any title the share view sends
/// (trimmed, at most `MAX_TITLE` characters).
fn checkin() -> impl Strategy<Value = Option<SharedCheckin>> {
    prop::option::of(
        (0..=u64::from(u32::MAX), typed())
            .prop_map(|(seconds, title)| SharedCheckin::new(seconds * 1000, &title)),
    )
}

/// Any assessment: a self-assessment or a reply, any names, notes and ids, of either
/// format, sharing a check-in or not.
fn assessment() -> impl Strategy<Value = SharedAssessment> {
    let manager = prop::option::of((prop::option::of(typed()), side(20), typed()).prop_map(
        |(name, side, comment)| ManagerSide {
            name,
            side,
            comment,
        },
    ));
    (
        version(),
        typed(),
        typed(),
        prop::option::of(typed()),
        origin(),
        prop_oneof![3 => side(20), 1 => side(300)],
        manager,
        checkin(),
    )
        .prop_map(
            |(ladder_version, role, level, name, origin, self_side, manager, checkin)| {
                SharedAssessment {
                    ladder_version,
                    role,
                    level,
                    name,
                    origin,
                    self_side,
                    manager,
                    checkin,
                }
            },
        )
}

/// Link bytes around `body` with a correct checksum: `format`, `encoding`, length.
fn framed(format: u8, encoding: u8, body: &[u8]) -> Vec<u8> {
    let mut head = vec![format, encoding];
    let mut len = body.len();
    while len >= 0x80 {
        head.push((len & 0x7f) as u8 | 0x80);
        len >>= 7;
    }
    head.push(len as u8);
    let sum = head.iter().chain(body).fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let mut out = head;
    out.extend_from_slice(&sum.to_le_bytes());
    out.extend_from_slice(body);
    out
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/proptest_share.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_assessment_round_trips(a in assessment()) {
        let link = encode(&a);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(decode(&link), Ok(a));
    }

    #[test]
    fn a_reply_is_known_by_the_id_of_the_link_it_answers(a in assessment(), side in side(20)) {
        let own = SharedAssessment { manager: None, ..a.clone() };
        let reply = SharedAssessment {
            manager: Some(ManagerSide { name: Some("Grace".to_owned()), side, comment: String::new() }),
            ..own.clone()
        };
        let read = decode(&encode(&reply)).expect("a reply reads");
        prop_assert_eq!(read.key_id(), own.key_id());
    }

    #[test]
    fn kept_values_round_trip(
        a in assessment(),
        updated in any::<u64>(),
        now in 0u64..=u64::from(u32::MAX) * 1000,
        rating in prop::option::of(prop::sample::select(Rating::ALL.to_vec())),
        note in typed(),
    ) {
        let mut answers = Progress::default();
        answers.rate("0123456789ab", &note, rating, updated);
        answers.set_evidence("ba9876543210", "x", &note, updated);
        let value = ManagerAnswers { updated, answers, ..ManagerAnswers::for_link(&a) };
        prop_assert_eq!(ManagerAnswers::from_json(&value.to_json()), Ok(value));
        let kept = KeptReply::new(&encode(&a), &a, now);
        prop_assert!(kept.made <= now + rungs::progress::ALLOWANCE);
        prop_assert_eq!(KeptReply::from_json(&kept.to_json()), Ok(kept));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = decode(&text);
    }

    #[test]
    fn arbitrary_base64url_text_never_panics(text in "[A-Za-z0-9_-]{0,400}") {
        let _ = decode(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = decode(&base64url::base64url_encode(&bytes));
    }

    #[test]
    fn arbitrary_checksummed_bodies_never_panic(
        format in 1u8..=2,
        encoding in 0u8..3,
        body in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let _ = decode(&base64url::base64url_encode(&framed(format, encoding, &body)));
    }

    #[test]
    fn a_real_body_with_a_changed_byte_never_panics(
        a in assessment(),
        index in any::<prop::sample::Index>(),
        xor in 1u8..=255,
    ) {
        // Re-frame the stored body so the change gets past the checksum.
        let link = encode(&a);
        let mut bytes: Vec<u8> = base64url::base64url_decode(&link);
        let (format, encoding) = (bytes[0], bytes[1]);
        let mut at = 2;
        while bytes[at] & 0x80 != 0 {
            at += 1;
        }
        let mut body = bytes.split_off(at + 5);
        let i = index.index(body.len().max(1));
        if let Some(b) = body.get_mut(i) {
            *b ^= xor;
        }
        let _ = decode(&base64url::base64url_encode(&framed(format, encoding, &body)));
    }
}
