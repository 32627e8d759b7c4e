//! Integration tests of the progress core: rating, evidence, the summary of the seed
//! level and of hand-made levels, merge, orphaned answers, the stored format with its
//! migration and corrupt inputs, backups, the Markdown export and the quizzes.

#![cfg(not(target_arch = "wasm32"))]

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use rungs::ladder::import::import_ladder;
use rungs::ladder::{Dimension, Expectation, Ladder, Level, Role, Text};
use rungs::progress::{
    backup_json, check_order, check_position_key, from_json, ladder_quiz_items, level_markdown,
    read_backup, resume_position, sheet_markdown, to_json, Answer, DimensionSummary, FocusArea,
    Fraction, LadderQuiz, ManagerView, Progress, ProgressError, Rating, RatingCounts, Sheet,
    Summary,
};

const SEED: &str =
    "ladders/Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md";
const SEED_ROLE: &str = "engineering/site-reliability-engineering";

// ---------------------------------------------------------------- helpers

#[track_caller]
fn seed() -> (Ladder, Role, Level) {
    let ladder = rungs::embedded::ladder();
    let role = ladder.role(SEED_ROLE).expect("seed role").clone();
    let level = role.level("l2").expect("seed level").clone();
    (ladder, role, level)
}

/// The id and plain text of expectation `e` of dimension `d`.
#[track_caller]
fn exp(level: &Level, d: usize, e: usize) -> (String, String) {
    let x = &level.dimensions[d].expectations[e];
    (x.id.clone(), x.text.to_plain())
}

#[track_caller]
fn rate(p: &mut Progress, level: &Level, d: usize, e: usize, rating: Rating, now: u64) {
    let (id, text) = exp(level, d, e);
    p.rate(&id, &text, Some(rating), now);
}

fn answer(rating: Option<Rating>, evidence: &str, text: &str, updated: u64) -> Answer {
    Answer {
        rating,
        evidence: evidence.to_owned(),
        text: text.to_owned(),
        updated,
        goal: None,
    }
}

/// A level whose dimensions are named by `dims`, each with its expectations' words.
fn hand_level(id: &str, dims: &[(&str, &[&str])]) -> Level {
    Level {
        id: id.to_owned(),
        label: "L1".to_owned(),
        title: "Developer".to_owned(),
        dimensions: dims
            .iter()
            .map(|(name, words)| Dimension {
                name: (*name).to_owned(),
                expectations: words
                    .iter()
                    .map(|w| Expectation {
                        details: Vec::new(),
                        examples: Vec::new(),
                        id: rungs::ladder::expectation_id(w),
                        text: Text::plain(*w),
                    })
                    .collect(),
                ..Dimension::default()
            })
            .collect(),
        ..Level::default()
    }
}

fn hand_ladder(level: Level) -> (Ladder, Role) {
    let role = Role {
        id: "eng/dev".to_owned(),
        track: "Eng".to_owned(),
        name: "Dev".to_owned(),
        levels: vec![level],
    };
    let ladder = Ladder {
        guides: Vec::new(),
        everyone: Vec::new(),
        version: "v1".to_owned(),
        roles: vec![role.clone()],
    };
    (ladder, role)
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

#[track_caller]
fn stored_error(input: &str) -> String {
    from_json(input).expect_err("input is corrupt").to_string()
}

// ---------------------------------------------------------------- rating and evidence

#[test]
fn rating_an_expectation_keeps_its_text_and_time() {
    let (_, _, level) = seed();
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Performing, 1_000);
    assert_eq!(
        p.answer("fcdf388f260a"),
        Some(&answer(
            Some(Rating::Performing),
            "",
            "I am competent in my domain.",
            1_000
        ))
    );
}

#[test]
fn clearing_a_rating_leaves_a_newer_blank_answer_that_wins_a_merge() {
    let (_, _, level) = seed();
    let (id, text) = exp(&level, 0, 0);
    let mut p = Progress::default();
    p.rate(&id, &text, Some(Rating::Maturing), 1_000);
    let other_tab = p.clone();
    p.rate(&id, &text, None, 2_000);
    assert_eq!(p.answer(&id), Some(&answer(None, "", &text, 2_000)));
    assert_eq!(merged(&other_tab, &p).rating(&id), None);
    assert_eq!(p.summary(&level).rated, 0);
}

#[test]
fn evidence_is_kept_beside_the_rating_and_survives_clearing_it() {
    let (_, _, level) = seed();
    let (id, text) = exp(&level, 1, 1);
    let mut p = Progress::default();
    p.set_evidence(&id, &text, "Buddy for Ann, March.", 10);
    p.rate(&id, &text, Some(Rating::Exceeding), 20);
    p.set_evidence(&id, &text, "Buddy for Ann and Bo, March.", 30);
    assert_eq!(
        p.answer(&id),
        Some(&answer(
            Some(Rating::Exceeding),
            "Buddy for Ann and Bo, March.",
            &text,
            30
        ))
    );
    p.rate(&id, &text, None, 40);
    assert_eq!(
        p.answer(&id),
        Some(&answer(None, "Buddy for Ann and Bo, March.", &text, 40))
    );
}

// ---------------------------------------------------------------- summary

#[test]
fn seed_level_summary_counts_per_dimension_and_lists_focus_areas_improvement_needed_first() {
    let (_, _, level) = seed();
    let mut p = Progress::default();
    rate(&mut p, &level, 2, 0, Rating::ImprovementNeeded, 1);
    rate(&mut p, &level, 0, 0, Rating::Performing, 2);
    rate(&mut p, &level, 0, 1, Rating::Maturing, 3);
    rate(&mut p, &level, 1, 0, Rating::Exceeding, 4);
    rate(&mut p, &level, 2, 1, Rating::Performing, 5);
    rate(&mut p, &level, 2, 2, Rating::Performing, 6);
    let (maturing_id, maturing_text) = exp(&level, 0, 1);
    p.set_evidence(&maturing_id, &maturing_text, "Needed help twice.", 7);
    p.rate("not-on-this-level", "Elsewhere.", Some(Rating::Maturing), 8);

    let dim = |emoji: &str, name: &str, total, counts| DimensionSummary {
        emoji: Some(emoji.to_owned()),
        name: name.to_owned(),
        total,
        counts: RatingCounts::new(counts),
    };
    let summary = p.summary(&level);
    assert_eq!(
        summary,
        Summary {
            rated: 6,
            total: 12,
            dimensions: vec![
                dim("🦉", "Domain expertise", 3, [0, 1, 1, 0]),
                dim("🌱", "Teaching and Mentoring", 2, [0, 0, 0, 1]),
                dim("🧭", "Culture and Leadership", 5, [1, 0, 2, 0]),
                dim("🏆", "Customer Success", 2, [0, 0, 0, 0]),
            ],
            // Improvement needed first, then Maturing; page order within each.
            focus_areas: vec![
                FocusArea {
                    dimension: 2,
                    id: "0924ec0e343b".to_owned(),
                    text: "I identify quality and reliability issues in systems that my team maintains."
                        .to_owned(),
                    rating: Rating::ImprovementNeeded,
                    evidence: String::new(),
                },
                FocusArea {
                    dimension: 0,
                    id: maturing_id,
                    text: maturing_text,
                    rating: Rating::Maturing,
                    evidence: "Needed help twice.".to_owned(),
                },
            ],
        }
    );
    assert_eq!(summary.rated_line(), "6 of 12 rated");
    assert_eq!(summary.counts(), RatingCounts::new([1, 1, 3, 1]));
    assert_eq!(summary.performing_or_better(), Fraction { count: 4, of: 6 });
    assert_eq!(summary.performing_or_better().percent(), Some(67));
    assert_eq!(
        summary.performing_or_better_of_total(),
        Fraction { count: 4, of: 12 }
    );
    assert_eq!(summary.performing_or_better_of_total().percent(), Some(33));
    assert_eq!(summary.dimensions[2].not_rated(), 2);
    assert_eq!(summary.dimensions[0].heading(), "🦉 Domain expertise");
}

#[test]
fn nothing_rated_is_zero_of_total_with_no_percentage() {
    let (_, _, level) = seed();
    let summary = Progress::default().summary(&level);
    assert_eq!(summary.rated_line(), "0 of 12 rated");
    assert_eq!(summary.performing_or_better().percent(), None);
    assert_eq!(summary.performing_or_better_of_total().percent(), Some(0));
    assert_eq!(summary.focus_areas, []);
}

#[test]
fn hand_made_level_summary_rounds_half_up_and_handles_empty_dimensions() {
    let level = hand_level(
        "l1",
        &[
            ("Craft", &["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H."]),
            ("Empty", &[]),
        ],
    );
    let mut p = Progress::default();
    for (e, rating) in [
        Rating::Exceeding,
        Rating::Maturing,
        Rating::Maturing,
        Rating::Maturing,
    ]
    .into_iter()
    .enumerate()
    {
        rate(&mut p, &level, 0, e, rating, 1);
    }
    for e in 4..8 {
        rate(&mut p, &level, 0, e, Rating::ImprovementNeeded, 1);
    }
    let summary = p.summary(&level);
    assert_eq!(summary.rated_line(), "8 of 8 rated");
    assert_eq!(summary.performing_or_better(), Fraction { count: 1, of: 8 });
    assert_eq!(summary.performing_or_better().percent(), Some(13));
    assert_eq!(summary.focus_areas.len(), 7);
    assert_eq!(
        summary.dimensions[1],
        DimensionSummary {
            emoji: None,
            name: "Empty".to_owned(),
            total: 0,
            counts: RatingCounts::default(),
        }
    );
    let empty = Level::default();
    assert_eq!(p.summary(&empty).rated_line(), "0 of 0 rated");
}

// ---------------------------------------------------------------- merge

#[test]
fn merge_keeps_the_newest_answer_per_expectation() {
    let mut a = Progress::default();
    a.rate("x", "X.", Some(Rating::Maturing), 100);
    a.rate("y", "Y.", Some(Rating::Exceeding), 300);
    let mut b = Progress::default();
    b.rate("x", "X.", Some(Rating::Performing), 200);
    b.set_evidence("y", "Y.", "Older note.", 250);
    let ab = merged(&a, &b);
    assert_eq!(
        ab.answer("x"),
        Some(&answer(Some(Rating::Performing), "", "X.", 200))
    );
    assert_eq!(
        ab.answer("y"),
        Some(&answer(Some(Rating::Exceeding), "", "Y.", 300))
    );
    assert_eq!(ab, merged(&b, &a));
}

#[test]
fn merge_keeps_answers_from_both_sides() {
    let mut a = Progress::default();
    a.rate("only-a", "A.", Some(Rating::Maturing), 1);
    a.remember_position("eng/dev/l1", 2);
    let mut b = Progress::default();
    b.set_evidence("only-b", "B.", "Note.", 2);
    b.ladder_quiz.record("l1:k", false);
    let ab = merged(&a, &b);
    assert_eq!(
        ab.answers.into_iter().collect::<Vec<_>>(),
        vec![
            (
                "only-a".to_owned(),
                answer(Some(Rating::Maturing), "", "A.", 1)
            ),
            ("only-b".to_owned(), answer(None, "Note.", "B.", 2)),
        ]
    );
    assert_eq!(ab.check_positions.get("eng/dev/l1"), Some(&2));
    assert_eq!(
        ab.ladder_quiz,
        LadderQuiz {
            missed: ["l1:k".to_owned()].into(),
            right: 0,
            asked: 1
        }
    );
}

#[test]
fn merge_is_idempotent_and_commutative_on_disjoint_answers() {
    let (_, _, level) = seed();
    let mut a = Progress::default();
    rate(&mut a, &level, 0, 0, Rating::Performing, 5);
    rate(&mut a, &level, 3, 1, Rating::Maturing, 6);
    let mut b = Progress::default();
    rate(&mut b, &level, 2, 4, Rating::Exceeding, 7);
    assert_eq!(merged(&a, &a), a);
    assert_eq!(merged(&merged(&a, &b), &b), merged(&a, &b));
    assert_eq!(merged(&a, &b), merged(&b, &a));
    assert_eq!(merged(&a, &b).summary(&level).rated, 3);
}

#[test]
fn a_migrated_rating_loses_to_any_answer_made_since() {
    let old = from_json(r#"{"schema":1,"ratings":{"x":"exceeding"}}"#).expect("schema 1 reads");
    let mut new = Progress::default();
    new.rate("x", "X.", Some(Rating::Maturing), 1);
    assert_eq!(merged(&old, &new).answer("x"), new.answer("x"));
    assert_eq!(merged(&new, &old).answer("x"), new.answer("x"));
}

// ---------------------------------------------------------------- orphans

#[test]
fn answers_for_reworded_expectations_are_kept_as_orphans() {
    let (ladder, _, level) = seed();
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Performing, 1);
    rate(&mut p, &level, 1, 0, Rating::Maturing, 2);
    let (gone, gone_text) = exp(&level, 0, 0);
    p.set_evidence(&gone, &gone_text, "Ran the upgrade.", 3);
    assert_eq!(p.orphans(&ladder), []);

    let md = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED))
        .expect("seed file");
    let reworded = md.replace(
        "I am competent in my domain.",
        "I am competent and curious in my domain.",
    );
    let changed =
        import_ladder([(SEED.trim_start_matches("ladders/"), reworded.as_bytes())]).ladder;

    assert_eq!(
        p.orphans(&changed),
        vec![(
            gone.as_str(),
            &answer(Some(Rating::Performing), "Ran the upgrade.", &gone_text, 3)
        )]
    );
    assert_eq!(p.answers.len(), 2);
    let changed_level = changed
        .role(SEED_ROLE)
        .and_then(|r| r.level("l2"))
        .expect("level");
    assert_eq!(p.summary(changed_level).rated_line(), "1 of 12 rated");
    let back = from_json(&to_json(&p)).expect("round trip");
    assert_eq!(back.orphans(&changed).len(), 1);
}

// ---------------------------------------------------------------- stored format

#[test]
fn current_schema_is_written_compact_with_every_field() {
    let mut p = Progress::default();
    p.rate("a1", "I ship.", Some(Rating::ImprovementNeeded), 7);
    p.set_evidence("b2", "I \"teach\".", "Line 1\nLine 2", 8);
    p.remember_position(&check_position_key(SEED_ROLE, "l2"), 4);
    p.ladder_quiz.record("l2:abc", false);
    p.mark_goal(
        "c3",
        &check_position_key(SEED_ROLE, "l3"),
        "I mentor.",
        true,
        9,
    );
    let json = to_json(&p);
    assert_eq!(
        json,
        concat!(
            r#"{"schema":4,"answers":{"#,
            r#""a1":{"rating":"improvement-needed","evidence":"","text":"I ship.","updated":7,"goal":null},"#,
            r#""b2":{"rating":null,"evidence":"Line 1\nLine 2","text":"I \"teach\".","updated":8,"goal":null},"#,
            r#""c3":{"rating":null,"evidence":"","text":"I mentor.","updated":9,"goal":"engineering/site-reliability-engineering/l3"}},"#,
            r#""quiz":{"engineering/site-reliability-engineering/l2":4},"#,
            r#""ladder_quiz":{"missed":["l2:abc"],"right":0,"asked":1},"reset":0}"#
        )
    );
    assert_eq!(from_json(&json), Ok(p));
}

#[test]
fn schema_1_is_migrated_to_answers_without_evidence() {
    let p = from_json(
        r#"{"schema":1,"ratings":{"fcdf388f260a":"performing","zz":"improvement-needed"}}"#,
    )
    .expect("schema 1 reads");
    assert_eq!(
        p,
        Progress {
            answers: [
                (
                    "fcdf388f260a".to_owned(),
                    answer(Some(Rating::Performing), "", "", 0)
                ),
                (
                    "zz".to_owned(),
                    answer(Some(Rating::ImprovementNeeded), "", "", 0)
                ),
            ]
            .into(),
            ..Progress::default()
        }
    );
    let (ladder, role, level) = seed();
    assert_eq!(p.summary(&level).rated_line(), "1 of 12 rated");
    let md = level_markdown(&p, &ladder, &role, &level, None);
    assert!(
        md.ends_with("- **Improvement needed**: Expectation zz (its words were not kept)\n"),
        "{md}"
    );
}

#[test]
fn schema_1_errors_are_located_too() {
    assert_eq!(
        stored_error(r#"{"schema":1,"ratings":{"a":"great"}}"#),
        "wrong shape at `ratings.a`: expected a rating (improvement-needed, maturing, performing or exceeding), found the string \"great\""
    );
    assert_eq!(
        stored_error(r#"{"schema":1,"answers":{}}"#),
        "unknown field `answers` at the top level"
    );
}

#[test]
fn empty_and_blank_values_say_they_are_empty() {
    assert_eq!(from_json(""), Err(ProgressError::Empty));
    assert_eq!(stored_error(" \n"), "no progress data: the value is empty");
    assert_eq!(read_backup(""), Err(ProgressError::Empty));
}

#[test]
fn null_and_other_non_objects_are_the_wrong_shape_at_the_top_level() {
    assert_eq!(
        stored_error("null"),
        "wrong shape at the top level: expected an object, found null"
    );
    assert_eq!(
        stored_error("[1, 2]"),
        "wrong shape at the top level: expected an object, found an array"
    );
    assert_eq!(
        stored_error("\"progress\""),
        "wrong shape at the top level: expected an object, found the string \"progress\""
    );
}

#[test]
fn truncated_json_is_located_by_line_and_column() {
    let json = to_json(&{
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Performing), 7);
        p
    });
    assert_eq!(
        from_json(&json[..30]),
        Err(ProgressError::NotJson {
            line: 1,
            column: 30,
            message: "EOF while parsing a string".to_owned()
        })
    );
    assert_eq!(
        stored_error("{\n  \"schema\": 2,\n  \"answers\": {\n"),
        "not json: EOF while parsing an object at line 4, column 0"
    );
    assert_eq!(
        stored_error("not json"),
        "not json: expected ident at line 1, column 2"
    );
}

#[test]
fn wrong_types_name_the_path_and_what_was_found() {
    let cases = [
        (r#"{"answers":{}}"#, "wrong shape at `schema`: expected a schema number, found nothing"),
        (r#"{"schema":"2"}"#, "wrong shape at `schema`: expected a whole number, found the string \"2\""),
        (r#"{"schema":2.5}"#, "wrong shape at `schema`: expected a whole number, found the number 2.5"),
        (r#"{"schema":2,"answers":[]}"#, "wrong shape at `answers`: expected an object, found an array"),
        (r#"{"schema":2,"answers":{"a1":"performing"}}"#, "wrong shape at `answers.a1`: expected an object, found the string \"performing\""),
        (r#"{"schema":2,"answers":{"a1":{"rating":"great"}}}"#, "wrong shape at `answers.a1.rating`: expected a rating (improvement-needed, maturing, performing or exceeding), found the string \"great\""),
        (r#"{"schema":2,"answers":{"a.1":{"rating":4}}}"#, "wrong shape at `answers[\"a.1\"].rating`: expected a rating (improvement-needed, maturing, performing or exceeding), found the number 4"),
        (r#"{"schema":2,"answers":{"a1":{"evidence":null}}}"#, "wrong shape at `answers.a1.evidence`: expected a string, found null"),
        (r#"{"schema":2,"answers":{"a1":{"updated":-1}}}"#, "wrong shape at `answers.a1.updated`: expected a whole number, found the number -1"),
        (r#"{"schema":2,"answers":{"a1":{"rated":"maturing"}}}"#, "unknown field `rated` at `answers.a1`"),
        (r#"{"schema":2,"quiz":{"e/r/l2":true}}"#, "wrong shape at `quiz.e/r/l2`: expected a whole number, found true"),
        (r#"{"schema":2,"ladder_quiz":{"missed":"l2:a"}}"#, "wrong shape at `ladder_quiz.missed`: expected an array, found the string \"l2:a\""),
        (r#"{"schema":2,"ladder_quiz":{"missed":["l2:a",3]}}"#, "wrong shape at `ladder_quiz.missed[1]`: expected a string, found the number 3"),
        (r#"{"schema":2,"ladder_quiz":{"right":4294967296}}"#, "wrong shape at `ladder_quiz.right`: expected a whole number below 2^32, found the number 4294967296"),
        (r#"{"schema":2,"extra":1}"#, "unknown field `extra` at the top level"),
    ];
    for (input, error) in cases {
        assert_eq!(stored_error(input), error, "input: {input}");
    }
}

#[test]
fn a_newer_schema_says_it_comes_from_a_newer_version() {
    assert_eq!(
        from_json(r#"{"schema":99,"whatever":[]}"#),
        Err(ProgressError::NewerSchema { schema: 99 })
    );
    assert_eq!(
        stored_error(r#"{"schema":99}"#),
        "the data comes from a newer version of Rungs (schema 99; this version reads schemas up to 4); open it with the newer version"
    );
    assert_eq!(
        read_backup(r#"{"kind":"rungs-progress-backup","schema":5}"#),
        Err(ProgressError::NewerSchema { schema: 5 })
    );
    assert_eq!(
        stored_error(r#"{"schema":0}"#),
        "unknown schema 0; this version of Rungs reads schemas 1 to 4"
    );
}

#[test]
fn deep_nesting_and_huge_numbers_are_errors_not_crashes() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        stored_error(&deep),
        "not json: recursion limit exceeded at line 1, column 128"
    );
    assert_eq!(
        stored_error(r#"{"schema":1e400}"#),
        "not json: number out of range at line 1, column 15"
    );
    assert_eq!(
        stored_error(r#"{"schema":18446744073709551616}"#),
        "wrong shape at `schema`: expected a whole number, found the number 18446744073709551616"
    );
}

// ---------------------------------------------------------------- backup

#[test]
fn backup_round_trips_everything() {
    let (ladder, _, level) = seed();
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Performing, 1);
    let (id, text) = exp(&level, 2, 3);
    p.set_evidence(
        &id,
        &text,
        "Asked Kim & the DB team — \"twice\".\n\nThen again.",
        2,
    );
    p.rate("gone", "Old words.", Some(Rating::Maturing), 3);
    p.remember_position(&check_position_key(SEED_ROLE, "l2"), 5);
    p.ladder_quiz.record("l2:a", true);
    p.ladder_quiz.record("l2:b", false);
    p.mark_goal(&id, &check_position_key(SEED_ROLE, "l2"), &text, true, 4);
    let backup = backup_json(&p, &ladder.version, 1_767_225_600_000);
    assert!(backup.starts_with(&format!(
        "{{\n  \"kind\": \"rungs-progress-backup\",\n  \"format\": 2,\n  \"ladder_version\": \"{}\",\n  \"exported\": 1767225600000,\n  \"schema\": 4,\n",
        ladder.version
    )));
    assert_eq!(read_backup(&backup), Ok(p.clone()));
    assert_eq!(read_backup(&to_json(&p)), Ok(p));
}

#[test]
fn importing_a_backup_merges_by_id_with_the_newest_winning() {
    let mut here = Progress::default();
    here.rate("a", "A.", Some(Rating::Maturing), 10);
    here.rate("b", "B.", Some(Rating::Maturing), 30);
    let mut there = Progress::default();
    there.rate("a", "A.", Some(Rating::Performing), 20);
    there.rate("b", "B.", Some(Rating::Exceeding), 5);
    there.rate("c", "C.", Some(Rating::Exceeding), 5);
    let imported = read_backup(&backup_json(&there, "v", 40)).expect("backup reads");
    here.merge(&imported);
    let ratings: Vec<(&str, Option<Rating>)> = here
        .answers
        .iter()
        .map(|(id, a)| (id.as_str(), a.rating))
        .collect();
    assert_eq!(
        ratings,
        [
            ("a", Some(Rating::Performing)),
            ("b", Some(Rating::Maturing)),
            ("c", Some(Rating::Exceeding))
        ]
    );
}

#[test]
fn backup_errors_say_what_is_wrong() {
    assert_eq!(
        read_backup(r#"{"kind":"rungs-settings","schema":2}"#).map_err(|e| e.to_string()),
        Err("not a Rungs progress backup: `kind` is the string \"rungs-settings\"".to_owned())
    );
    assert_eq!(
        read_backup(r#"{"kind":"rungs-progress-backup","exported":"today","schema":2}"#)
            .map_err(|e| e.to_string()),
        Err(
            "wrong shape at `exported`: expected a whole number, found the string \"today\""
                .to_owned()
        )
    );
    assert_eq!(
        read_backup(r#"{"kind":"rungs-progress-backup"}"#).map_err(|e| e.to_string()),
        Err("wrong shape at `schema`: expected a schema number, found nothing".to_owned())
    );
    assert_eq!(
        read_backup("null").map_err(|e| e.to_string()),
        Err("wrong shape at the top level: expected an object, found null".to_owned())
    );
}

// ---------------------------------------------------------------- markdown export

#[test]
fn markdown_export_of_a_hand_made_level() {
    let level = hand_level(
        "l1",
        &[
            ("Craft", &["I write tests.", "I review code."]),
            ("Impact", &["I ship."]),
        ],
    );
    let (ladder, role) = hand_ladder(level.clone());
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Performing, 1);
    rate(&mut p, &level, 1, 0, Rating::Maturing, 2);
    let (id, text) = exp(&level, 1, 0);
    p.set_evidence(&id, &text, "Shipped the importer.\nLate by a week.", 3);
    p.rate("gone", "I used to do this.", Some(Rating::Exceeding), 4);
    p.mark_goal("g1", "eng/dev/l1", "I *lead* reviews.", true, 5);
    p.mark_goal("g2", "eng/dev/l9", "I plan.", true, 6);
    p.mark_goal("g3", "eng/dev/l1", "Removed.", false, 7);
    assert_eq!(
        level_markdown(&p, &ladder, &role, &level, Some("Sam")),
        "\
# Self-assessment: L1: Developer

- Role: Eng › Dev
- Name: Sam
- 2 of 3 rated

## Craft

- **Performing**: I write tests.
- **Not rated**: I review code.

## Impact

- **Maturing**: I ship.
  - Evidence: Shipped the importer.\\
    Late by a week.

## Summary

| Dimension | Improvement needed | Maturing | Performing | Exceeding | Not rated |
| --- | ---: | ---: | ---: | ---: | ---: |
| Craft | 0 | 0 | 1 | 0 | 1 |
| Impact | 0 | 1 | 0 | 0 | 0 |
| Total | 0 | 1 | 1 | 0 | 1 |

Performing or better: 50% of rated (1 of 2); 33% of all 3.

## Focus areas

- **Maturing** · Impact: I ship.
  - Evidence: Shipped the importer.\\
    Late by a week.

## Goals

- I \\*lead\\* reviews. · L1: Developer · Dev
- I plan. · eng/dev/l9

## No longer in this ladder

Answers kept for expectations the ladder no longer has.

- **Exceeding**: I used to do this.
"
    );
}

#[test]
fn markdown_export_of_the_seed_level_with_nothing_rated() {
    let (ladder, role, level) = seed();
    let md = level_markdown(&Progress::default(), &ladder, &role, &level, None);
    assert!(md.starts_with(
        "# Self-assessment: L2: Site Reliability Engineer\n\n- Role: Engineering › Site Reliability Engineering\n- 0 of 12 rated\n\n## 🦉 Domain expertise\n\n- **Not rated**: I am competent in my domain.\n"
    ), "{md}");
    assert!(md.contains("| 🏆 Customer Success | 0 | 0 | 0 | 0 | 2 |\n| Total | 0 | 0 | 0 | 0 | 12 |\n\nPerforming or better: nothing rated yet.\n"), "{md}");
    assert!(
        md.ends_with("## Focus areas\n\nNothing rated Improvement needed or Maturing.\n"),
        "{md}"
    );
}

/// Headings (level, text), list items opened, table cells and raw HTML of a document.
fn structure(
    md: &str,
) -> (
    Vec<(HeadingLevel, String)>,
    usize,
    usize,
    usize,
    Vec<String>,
) {
    let mut headings = Vec::new();
    let (mut items, mut cells, mut html) = (0, 0, 0);
    let mut texts = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Item) => items += 1,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::Html(_) | Event::InlineHtml(_) => html += 1,
            Event::Start(
                Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Emphasis
                | Tag::Strikethrough
                | Tag::CodeBlock(_),
            ) => html += 100,
            Event::Code(_) => html += 100,
            Event::Text(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                texts.push(t.to_string());
            }
            _ => {}
        }
    }
    (headings, items, cells, html, texts)
}

#[test]
fn evidence_and_names_cannot_break_the_markdown_structure() {
    let level = hand_level("l1", &[("Craft | *Tools*", &["I write `tests`."])]);
    let (ladder, role) = hand_ladder(level.clone());
    let evil = "# Not a heading\n- not an item\n1. nor this\n| a | b |\n| --- | --- |\n<script>alert(1)</script>\n[link](https://x.example) ![i](i.png)\n_em_ *em* ~~gone~~ `code`\n```\nfence\n    indented\n> quote\n===\nC# &amp; R&D \\";
    let mut p = Progress::default();
    let (id, text) = exp(&level, 0, 0);
    p.rate(&id, &text, Some(Rating::Maturing), 1);
    p.set_evidence(&id, &text, evil, 2);
    let md = level_markdown(&p, &ladder, &role, &level, Some("## Sam <b>"));
    let (headings, items, cells, html, texts) = structure(&md);
    let h2 = HeadingLevel::H2;
    assert_eq!(
        headings,
        [
            (
                HeadingLevel::H1,
                "Self-assessment: L1: Developer".to_owned()
            ),
            (h2, "Craft | *Tools*".to_owned()),
            (h2, "Summary".to_owned()),
            (h2, "Focus areas".to_owned()),
        ]
    );
    // Role, name, rated line; the expectation and its evidence; the focus area and its evidence.
    assert_eq!(items, 3 + 2 + 2);
    // Header, the one dimension, the total: six cells each.
    assert_eq!(cells, 6 * 3);
    assert_eq!(html, 0, "{md}");
    let text = texts.concat();
    assert!(text.contains("Name: ## Sam <b>"), "{text}");
    assert!(text.contains("I write `tests`."), "{text}");
    for line in evil.lines() {
        assert!(text.contains(line.trim()), "{line:?} missing from {text}");
    }
}

// ---------------------------------------------------------------- quizzes

#[test]
fn quiz_mode_walks_the_seed_level_in_page_order_and_resumes_clamped() {
    let (_, role, level) = seed();
    let order = check_order(&level);
    assert_eq!(order.len(), 12);
    assert_eq!(&order[..4], [(0, 0), (0, 1), (0, 2), (1, 0)]);
    assert_eq!(order[11], (3, 1));
    let key = check_position_key(&role.id, &level.id);
    let mut p = Progress::default();
    assert_eq!(resume_position(&p, &key, &level), 0);
    p.remember_position(&key, 6);
    assert_eq!(resume_position(&p, &key, &level), 6);
    p.remember_position(&key, 40);
    assert_eq!(resume_position(&p, &key, &level), 11);
}

#[test]
fn know_your_ladder_asks_every_seed_example_with_the_four_dimensions() {
    let (_, _, level) = seed();
    let items = ladder_quiz_items(&level);
    let answers: Vec<usize> = items.iter().map(|i| i.answer).collect();
    assert_eq!(answers, [0, 1, 1, 2, 2, 2, 2, 2, 3, 3]);
    assert!(items.iter().all(|i| i.choices
        == [
            "Domain expertise",
            "Teaching and Mentoring",
            "Culture and Leadership",
            "Customer Success"
        ]));
    assert!(items
        .iter()
        .all(|i| i.key.starts_with("l2:") && i.key.len() == 15));
    assert_eq!(
        items,
        ladder_quiz_items(&level),
        "keys and order are stable"
    );

    let mut quiz = LadderQuiz::default();
    quiz.record(&items[7].key, false);
    quiz.record(&items[3].key, false);
    quiz.record(&items[0].key, true);
    let next = quiz.next_items(items.clone(), 42);
    let mut first_two: Vec<&str> = next[..2].iter().map(|i| i.key.as_str()).collect();
    first_two.sort_unstable();
    let mut missed: Vec<&str> = quiz.missed.iter().map(String::as_str).collect();
    missed.sort_unstable();
    assert_eq!(first_two, missed);
    assert_eq!(next.len(), 10);
    quiz.record(&items[7].key, true);
    assert_eq!(quiz.missed, [items[3].key.clone()].into());
    assert_eq!((quiz.right, quiz.asked), (2, 4));
}

#[test]
fn the_one_to_one_sheet_carries_name_date_and_the_kept_reply_beside_each_rating() {
    let level = hand_level("l1", &[("Craft", &["I write tests.", "I review code."])]);
    let (ladder, role) = hand_ladder(level.clone());
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Exceeding, 1);
    let (id, text) = exp(&level, 0, 0);
    p.set_evidence(&id, &text, "Wrote the fuzz targets.", 2);
    rate(&mut p, &level, 0, 1, Rating::ImprovementNeeded, 3);
    let mut theirs = Progress::default();
    rate(&mut theirs, &level, 0, 0, Rating::Performing, 4);
    theirs.set_evidence(&id, &text, "Agreed, mostly.", 4);
    let sheet = Sheet {
        name: Some("Sam".to_owned()),
        date: Some("2026-12-01".to_owned()),
        manager: Some(ManagerView {
            name: None,
            made: 1_764_600_000_000,
            comment: "A good year.".to_owned(),
            answers: theirs,
        }),
    };
    let md = sheet_markdown(&p, &ladder, &role, &level, &sheet);
    let head = md.split("\n## Summary").next().unwrap_or_default();
    assert_eq!(
        head,
        "\
# Self-assessment: L1: Developer

- Role: Eng › Dev
- Name: Sam
- Date: 2026-12-01
- 2 of 2 rated
- Manager’s reply kept: Your manager, made 2025-12-01 14:40 UTC

## Overall comment from Your manager

A good year.

## Craft

- **Exceeding**: I write tests.
  - Evidence: Wrote the fuzz targets.
  - Your manager: **Performing**
  - Comment: Agreed, mostly.
- **Improvement needed**: I review code.
  - Your manager: **Not rated**
"
    );
}

#[test]
fn home_continues_at_the_level_answered_last_with_its_rated_count() {
    let (ladder, _, level) = seed();
    let mut p = Progress::default();
    assert_eq!(p.continue_at(&ladder), None);
    rate(&mut p, &level, 0, 0, Rating::Performing, 5);
    rate(&mut p, &level, 1, 0, Rating::Maturing, 7);
    let (id, text) = exp(&level, 0, 1);
    p.set_evidence(&id, &text, "Notes only.", 9);
    let at = p.continue_at(&ladder).expect("a level to continue");
    assert_eq!(at.level.id, "l2");
    assert_eq!(
        at.line(),
        "Continue: L2: Site Reliability Engineer, 2 of 12 rated"
    );
}

#[test]
fn focus_areas_put_improvement_needed_before_maturing_in_page_order_within_each() {
    let level = hand_level("l1", &[("Craft", &["A.", "B.", "C."])]);
    let mut p = Progress::default();
    rate(&mut p, &level, 0, 0, Rating::Maturing, 1);
    rate(&mut p, &level, 0, 1, Rating::ImprovementNeeded, 2);
    rate(&mut p, &level, 0, 2, Rating::Maturing, 3);
    let summary = p.summary(&level);
    let order: Vec<(&str, Rating)> = summary
        .focus_areas
        .iter()
        .map(|f| (f.text.as_str(), f.rating))
        .collect();
    assert_eq!(
        order,
        [
            ("B.", Rating::ImprovementNeeded),
            ("A.", Rating::Maturing),
            ("C.", Rating::Maturing)
        ]
    );
}
