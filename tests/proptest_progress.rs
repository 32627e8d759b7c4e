//! Property tests of the progress core: any progress survives storage and backups,
//! no input makes the readers panic, merging behaves like a set union with the
//! newest answer winning, and no evidence can change the export's structure.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use pulldown_cmark::{Event, Options, Parser, Tag};
use rungs::ladder::{expectation_id, Dimension, Expectation, Ladder, Level, Role, Text};
use rungs::progress::checkin::{checkin_markdown, format, Checkin, CheckinDimension, Item};
use rungs::progress::{
    backup_json, from_json, level_markdown, read_backup, to_json, Answer, LadderQuiz, Progress,
    Rating,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop::option::of(prop::sample::select(Rating::ALL.to_vec()))
}

/// Text a person might type, with markdown, JSON and Unicode awkwardness mixed in.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => prop::collection::vec(
            prop::sample::select(vec![
                "I", "shipped", "\n", "\n\n", " ", "\t", "#", "- ", "1. ", "|", "*", "_", "`", "```",
                "<b>", "</b>", "[x](y)", "&amp;", "\\", "\"", "'", "🦉", "é", "\u{0}", "\r\n", "> ", "===",
            ]),
            0..12,
        )
        .prop_map(|w| w.concat()),
    ]
}

fn answer(updated: impl Strategy<Value = u64>) -> impl Strategy<Value = Answer> {
    let goal = prop::option::of(typed());
    (rating(), typed(), typed(), updated, goal).prop_map(
        |(rating, evidence, text, updated, goal)| Answer {
            rating,
            evidence,
            text,
            updated,
            goal,
        },
    )
}

fn ladder_quiz() -> impl Strategy<Value = LadderQuiz> {
    (
        prop::collection::btree_set(typed(), 0..4),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(missed, right, asked)| LadderQuiz {
            missed,
            right,
            asked,
        })
}

/// Any check-in at all.
fn checkin() -> impl Strategy<Value = Checkin> {
    let item =
        (typed(), typed(), rating(), typed()).prop_map(|(id, text, rating, evidence)| Item {
            id,
            text,
            rating,
            evidence,
        });
    let dimension = (typed(), prop::collection::vec(item, 0..4))
        .prop_map(|(name, items)| CheckinDimension { name, items });
    (
        (typed(), typed(), typed(), typed()),
        (any::<u64>(), typed()),
        prop::collection::vec(dimension, 0..3),
        prop::option::of(typed()),
    )
        .prop_map(
            |((id, role, level, title), (updated, ladder_version), dimensions, reply)| Checkin {
                id,
                role,
                level,
                title,
                updated,
                ladder_version,
                dimensions,
                reply,
            },
        )
}

/// Any progress at all.
fn progress() -> impl Strategy<Value = Progress> {
    (
        prop::collection::btree_map(typed(), answer(any::<u64>()), 0..8),
        prop::collection::btree_map(typed(), any::<usize>(), 0..4),
        ladder_quiz(),
        any::<u64>(),
    )
        .prop_map(|(answers, check_positions, ladder_quiz, reset)| Progress {
            answers,
            check_positions,
            ladder_quiz,
            reset,
        })
}

/// Progress over a few ids and stamps, so that merged sides overlap and tie; as
/// every progress the app holds, its answers stamped at or before its reset are
/// blank (merging with nothing applies the reset).
fn overlapping() -> impl Strategy<Value = Progress> {
    let id = prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(str::to_owned);
    let key = prop::sample::select(vec!["e/r/l1", "e/r/l2"]).prop_map(str::to_owned);
    let missed = prop::sample::select(vec!["l1:x", "l1:y", "l2:z"]).prop_map(str::to_owned);
    (
        prop::collection::btree_map(id, answer(0..4u64), 0..4),
        prop::collection::btree_map(key, 0..20usize, 0..2),
        (prop::collection::btree_set(missed, 0..3), 0..5u32, 0..5u32),
        prop_oneof![2 => Just(0u64), 1 => 1..4u64],
    )
        .prop_map(
            |(answers, check_positions, (missed, right, asked), reset)| {
                let mut p = Progress {
                    answers,
                    check_positions,
                    ladder_quiz: LadderQuiz {
                        missed,
                        right,
                        asked,
                    },
                    reset,
                };
                p.merge(&Progress::default());
                p
            },
        )
}

/// Any JSON value, a few levels deep, with the field names the readers look for.
fn json() -> impl Strategy<Value = Value> {
    let name = prop::sample::select(vec![
        "schema",
        "answers",
        "ratings",
        "quiz",
        "ladder_quiz",
        "rating",
        "evidence",
        "text",
        "updated",
        "missed",
        "right",
        "asked",
        "kind",
        "exported",
        "ladder_version",
        "reset",
        "format",
        "kept",
        "imported_ladder",
        "goal",
        "a1",
    ])
    .prop_map(str::to_owned);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (0u64..4).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec!["performing", "great", "rungs-progress-backup", ""])
            .prop_map(Value::from),
        typed().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(name.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The stored value as serde_json wrote it before the format had its own writer:
/// these are the serde derives the progress types had, field for field.
#[derive(Serialize)]
struct SerdeStored<'a> {
    schema: u64,
    answers: BTreeMap<&'a str, SerdeAnswer<'a>>,
    quiz: &'a BTreeMap<String, usize>,
    ladder_quiz: SerdeLadderQuiz<'a>,
    reset: u64,
}

#[derive(Serialize)]
struct SerdeAnswer<'a> {
    rating: Option<&'static str>,
    evidence: &'a str,
    text: &'a str,
    updated: u64,
    goal: Option<&'a str>,
}

#[derive(Serialize)]
struct SerdeLadderQuiz<'a> {
    missed: &'a BTreeSet<String>,
    right: u32,
    asked: u32,
}

#[derive(Serialize)]
struct SerdeBackup<'a> {
    kind: &'static str,
    format: u64,
    ladder_version: &'a str,
    exported: u64,
    #[serde(flatten)]
    stored: SerdeStored<'a>,
    kept: BTreeMap<String, Value>,
}

fn serde_stored(p: &Progress) -> SerdeStored<'_> {
    let answers = p.answers.iter().map(|(id, a)| {
        let answer = SerdeAnswer {
            rating: a.rating.map(Rating::code),
            evidence: &a.evidence,
            text: &a.text,
            updated: a.updated,
            goal: a.goal.as_deref(),
        };
        (id.as_str(), answer)
    });
    SerdeStored {
        schema: 4,
        answers: answers.collect(),
        quiz: &p.check_positions,
        ladder_quiz: SerdeLadderQuiz {
            missed: &p.ladder_quiz.missed,
            right: p.ladder_quiz.right,
            asked: p.ladder_quiz.asked,
        },
        reset: p.reset,
    }
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

#[track_caller]
fn assert_lower_case(error: &str) {
    assert!(
        error.starts_with(|c: char| c.is_ascii_lowercase()),
        "error does not start lower-case: {error}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/proptest_progress.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn stored_json_round_trips(p in progress()) {
        prop_assert_eq!(from_json(&to_json(&p)), Ok(p));
    }

    #[test]
    fn backups_round_trip(p in progress(), version in typed(), now in any::<u64>()) {
        prop_assert_eq!(read_backup(&backup_json(&p, &version, now)), Ok(p));
    }

    #[test]
    fn stored_json_is_what_serde_json_wrote(p in progress()) {
        let expected = serde_json::to_string(&serde_stored(&p)).expect("serialises");
        prop_assert_eq!(to_json(&p), expected);
    }

    #[test]
    fn backups_are_what_serde_json_wrote(p in progress(), version in typed(), now in any::<u64>()) {
        let backup = SerdeBackup {
            kind: "rungs-progress-backup",
            format: 2,
            ladder_version: &version,
            exported: now,
            stored: serde_stored(&p),
            kept: BTreeMap::new(),
        };
        let expected = serde_json::to_string_pretty(&backup).expect("serialises");
        prop_assert_eq!(backup_json(&p, &version, now), expected);
    }

    #[test]
    fn arbitrary_strings_never_panic(input in ".{0,300}") {
        for result in [from_json(&input), read_backup(&input)] {
            if let Err(e) = result {
                assert_lower_case(&e.to_string());
            }
        }
    }

    #[test]
    fn arbitrary_json_never_panics(value in json()) {
        let input = value.to_string();
        for result in [from_json(&input), read_backup(&input)] {
            if let Err(e) = result {
                assert_lower_case(&e.to_string());
            }
        }
    }

    #[test]
    fn damaged_stored_values_never_panic(p in progress(), cut in any::<prop::sample::Index>(), junk in ".{0,3}") {
        let json = to_json(&p);
        let mut at = cut.index(json.len() + 1);
        while !json.is_char_boundary(at) {
            at -= 1;
        }
        let inserted = format!("{}{junk}{}", &json[..at], &json[at..]);
        let dropped: String = json[..at].chars().chain(json[at..].chars().skip(1)).collect();
        for input in [&json[..at], inserted.as_str(), dropped.as_str()] {
            for result in [from_json(input), read_backup(input)] {
                if let Err(e) = result {
                    assert_lower_case(&e.to_string());
                }
            }
        }
    }

    #[test]
    fn merge_is_idempotent(a in overlapping()) {
        prop_assert_eq!(merged(&a, &a), a);
    }

    #[test]
    fn merge_is_commutative_and_associative(a in overlapping(), b in overlapping(), c in overlapping()) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn merge_keeps_every_id_with_the_newest_answer(a in overlapping(), b in overlapping()) {
        let m = merged(&a, &b);
        let ids: Vec<&String> = {
            let mut ids: Vec<&String> = a.answers.keys().chain(b.answers.keys()).collect();
            ids.sort();
            ids.dedup();
            ids
        };
        prop_assert_eq!(m.answers.keys().collect::<Vec<_>>(), ids);
        let reset = a.reset.max(b.reset);
        prop_assert_eq!(m.reset, reset);
        for (id, answer) in &m.answers {
            // Each side's answer, blanked (and its goal removed) when the later reset
            // is after it.
            let sides: Vec<Answer> = [a.answer(id), b.answer(id)].into_iter().flatten().map(|s| {
                let mut s = s.clone();
                if reset > 0 && s.updated <= reset && !s.is_bare() {
                    s.rating = None;
                    s.evidence.clear();
                    s.goal = None;
                }
                s
            }).collect();
            prop_assert!(sides.contains(answer), "{id}: {answer:?} is from neither side");
            let newest = sides.iter().map(|s| s.updated).max();
            prop_assert_eq!(Some(answer.updated), newest);
        }
    }

    #[test]
    fn no_evidence_changes_the_export_structure(evidence in typed(), text in typed(), name in typed()) {
        let words = ["I write tests.", "I ship."];
        let level = Level {
            id: "l1".to_owned(),
            label: "L1".to_owned(),
            title: "Dev".to_owned(),
            dimensions: words.iter().map(|w| Dimension {
                name: "Craft".to_owned(),
                expectations: vec![Expectation { details: Vec::new(), examples: Vec::new(), id: expectation_id(w), text: Text::plain(*w) }],
                ..Dimension::default()
            }).collect(),
            ..Level::default()
        };
        let role = Role { id: "e/r".to_owned(), track: "E".to_owned(), name: "R".to_owned(), levels: vec![level.clone()] };
        let ladder = Ladder { guides: Vec::new(), everyone: Vec::new(), version: "v".to_owned(), roles: vec![role.clone()] };
        let mut p = Progress::default();
        let id = expectation_id(words[1]);
        p.rate(&id, words[1], Some(Rating::Maturing), 1);
        p.set_evidence(&id, words[1], &evidence, 2);
        p.set_evidence("gone", &text, &evidence, 3);
        let md = level_markdown(&p, &ladder, &role, &level, Some(&name));
        let mut headings = 0;
        let mut markup = 0;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Event::Start(Tag::Heading { .. }) => headings += 1,
                Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => markup += 1,
                Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strikethrough | Tag::CodeBlock(_) | Tag::BlockQuote(_)) => markup += 1,
                _ => {}
            }
        }
        // Title, two dimensions, summary, focus areas, and the orphan section when shown.
        let orphan = usize::from(p.answer("gone").is_some_and(|a| !a.is_blank()));
        prop_assert_eq!(headings, 5 + orphan, "{}", md);
        prop_assert_eq!(markup, 0, "{}", md);
    }

    #[test]
    fn checkins_round_trip(c in checkin()) {
        prop_assert_eq!(format::from_json(&format::to_json(&c)), Ok(c));
    }

    #[test]
    fn arbitrary_checkin_values_never_panic(value in json(), input in ".{0,200}") {
        for input in [value.to_string(), input] {
            if let Err(e) = format::from_json(&input) {
                assert_lower_case(&e.to_string());
            }
        }
    }

    #[test]
    fn no_typed_text_changes_the_checkin_export_structure(a in checkin(), b in checkin(), heading in typed()) {
        let md = checkin_markdown(&b, Some(&a), &heading);
        let mut headings = 0;
        let mut markup = 0;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Event::Start(Tag::Heading { .. }) => headings += 1,
                Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => markup += 1,
                Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strikethrough | Tag::CodeBlock(_) | Tag::BlockQuote(_)) => markup += 1,
                _ => {}
            }
        }
        // The title, "Since the check-in of", and one per dimension.
        prop_assert_eq!(headings, 2 + b.dimensions.len(), "{}", md);
        prop_assert_eq!(markup, 0, "{}", md);
    }
}
