//! Expectations for everyone on a level: rated once (answers keyed by expectation id),
//! counted in every level's summary as their own "Expected of everyone" dimension
//! group, and asked in Check yourself after the level's own expectations.

use rungs::everyone::{everyone_dimensions, is_everyones, with_everyone, GROUP};
use rungs::ladder::{expectation_id, Dimension, Everyone, Expectation, Ladder, Level, Role, Text};
use rungs::progress::{check_order, Progress, Rating};

fn expectation(words: &str) -> Expectation {
    Expectation {
        id: expectation_id(words),
        text: Text::plain(words),
        ..Expectation::default()
    }
}

fn level(id: &str, words: &[&str]) -> Level {
    Level {
        id: id.into(),
        label: id.to_uppercase(),
        title: "Support Engineer".into(),
        dimensions: vec![Dimension {
            name: "Craft".into(),
            expectations: words.iter().map(|w| expectation(w)).collect(),
            ..Dimension::default()
        }],
        ..Level::default()
    }
}

const RESPECT: &str = "I treat everyone with respect.";
const OWN: &str = "I own my mistakes.";

fn ladder() -> Ladder {
    Ladder {
        roles: vec![
            Role {
                id: "support/support-engineering".into(),
                track: "Support".into(),
                name: "Support Engineering".into(),
                levels: vec![
                    level("l1", &["I answer tickets."]),
                    level("l2", &["I answer hard tickets.", "I coach."]),
                ],
            },
            Role {
                id: "design/product".into(),
                track: "Design".into(),
                name: "Product".into(),
                levels: vec![level("l1", &["I sketch."])],
            },
        ],
        everyone: vec![Everyone {
            id: "support/everyone".into(),
            track: Some("Support".into()),
            level: Level {
                title: "Everyone".into(),
                dimensions: vec![Dimension {
                    expectations: vec![expectation(RESPECT), expectation(OWN)],
                    ..Dimension::default()
                }],
                ..Level::default()
            },
        }],
        ..Ladder::default()
    }
}

#[test]
fn one_rating_of_an_expectation_for_everyone_counts_on_every_level_of_the_track() {
    let ladder = ladder();
    let role = &ladder.roles[0];
    let mut p = Progress::default();
    p.rate(&expectation_id(RESPECT), RESPECT, Some(Rating::Maturing), 1);
    p.rate(
        &expectation_id("I answer tickets."),
        "I answer tickets.",
        Some(Rating::Performing),
        2,
    );

    let l1 = p.summary(&with_everyone(&ladder, role, &role.levels[0]));
    assert_eq!(l1.rated_line(), "2 of 3 rated");
    let names: Vec<&str> = l1.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Craft", GROUP]);
    assert_eq!(
        (l1.dimensions[1].total, l1.dimensions[1].counts.rated()),
        (2, 1)
    );
    assert_eq!(l1.focus_areas.len(), 1);
    assert_eq!(l1.focus_areas[0].text, RESPECT);

    let l2 = p.summary(&with_everyone(&ladder, role, &role.levels[1]));
    assert_eq!(l2.rated_line(), "1 of 4 rated");
    assert_eq!(l2.dimensions[1].counts.get(Rating::Maturing), 1);
}

#[test]
fn a_track_without_expectations_for_everyone_keeps_its_levels_as_they_are() {
    let ladder = ladder();
    let design = &ladder.roles[1];
    assert_eq!(
        with_everyone(&ladder, design, &design.levels[0]),
        design.levels[0]
    );
    assert!(everyone_dimensions(&ladder, design).is_empty());
}

#[test]
fn check_yourself_asks_the_expectations_for_everyone_after_the_levels_own() {
    let ladder = ladder();
    let role = &ladder.roles[0];
    let combined = with_everyone(&ladder, role, &role.levels[1]);
    let asked: Vec<String> = check_order(&combined)
        .iter()
        .map(|&(d, e)| combined.dimensions[d].expectations[e].text.to_plain())
        .collect();
    assert_eq!(asked, ["I answer hard tickets.", "I coach.", RESPECT, OWN]);
}

#[test]
fn several_dimensions_for_everyone_are_named_after_the_group() {
    let mut ladder = ladder();
    ladder.everyone[0].level.dimensions = vec![
        Dimension {
            name: "Values".into(),
            expectations: vec![expectation(RESPECT)],
            ..Dimension::default()
        },
        Dimension {
            name: "Empty".into(),
            ..Dimension::default()
        },
        Dimension {
            name: "Safety".into(),
            expectations: vec![expectation(OWN)],
            ..Dimension::default()
        },
    ];
    let names: Vec<String> = everyone_dimensions(&ladder, &ladder.roles[0])
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(
        names,
        [format!("{GROUP}: Values"), format!("{GROUP}: Safety")]
    );
    assert!(is_everyones(&ladder, &expectation_id(OWN)));
    assert!(!is_everyones(&ladder, &expectation_id("I coach.")));
}
