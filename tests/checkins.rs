//! Integration tests of check-ins: taking one of the seed level, what the ladder
//! changed since, their storage as kept values in a backup (merged by id, never
//! twice), a reset and its undo, and the size of a full check-in of the seed level.

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::{expectation_id, Expectation, Level, Role, Text};
use rungs::progress::checkin::{self, compare, format, Checkin, Now};
use rungs::progress::kept::CHECKIN_PREFIX;
use rungs::progress::{restore_kept, Backup, Progress, Rating, ResetScope, Restored, Undo};

const SEED_ROLE: &str = "engineering/site-reliability-engineering";

#[track_caller]
fn seed() -> (Role, Level) {
    let ladder = rungs::embedded::ladder();
    let role = ladder.role(SEED_ROLE).expect("seed role").clone();
    let level = role.level("l2").expect("seed level").clone();
    (role, level)
}

/// Rates every expectation of `level` `rating`, with an evidence note of a typical
/// length (about 200 characters) on each.
fn everything_rated(level: &Level, rating: Rating, now: u64) -> Progress {
    let mut p = Progress::default();
    for (i, x) in level
        .dimensions
        .iter()
        .flat_map(|d| &d.expectations)
        .enumerate()
    {
        let text = x.text.to_plain();
        p.rate(&x.id, &text, Some(rating), now);
        let note = format!(
            "In March I led the upgrade of the payments cluster ({i}), wrote the runbook with \
             Sam, and ran the game day that found two gaps in our alerting; both are fixed."
        );
        p.set_evidence(&x.id, &text, &note, now);
    }
    p
}

fn take(p: &Progress, level: &Level, id: &str, now: u64) -> Checkin {
    Checkin::take(
        p,
        (SEED_ROLE, level),
        "v1",
        " Q3 review with Sam ",
        (id, now),
        None,
    )
}

#[test]
fn a_checkin_holds_every_expectation_of_the_level_with_its_answer() {
    let (_, level) = seed();
    let mut p = Progress::default();
    let first = &level.dimensions[0].expectations[0];
    p.rate(&first.id, &first.text.to_plain(), Some(Rating::Maturing), 5);
    p.set_evidence(&first.id, &first.text.to_plain(), "Did it.", 6);
    let c = take(&p, &level, "a", 100);
    assert_eq!(c.items().count(), level.expectation_count());
    assert_eq!(c.title, "Q3 review with Sam");
    assert_eq!(c.key(), format!("{CHECKIN_PREFIX}{SEED_ROLE}/l2/a"));
    let (dimension, item) = c.items().next().expect("an item");
    assert_eq!(dimension, level.dimensions[0].name);
    assert_eq!(
        (item.rating, item.evidence.as_str()),
        (Some(Rating::Maturing), "Did it.")
    );
    assert!(c
        .items()
        .skip(1)
        .all(|(_, i)| i.rating.is_none() && i.evidence.is_empty()));
    assert_eq!(c.name(), "1 January 1970: Q3 review with Sam");
}

#[test]
fn since_the_last_checkin_says_maturing_to_performing() {
    let (_, level) = seed();
    let old = take(
        &everything_rated(&level, Rating::Maturing, 1),
        &level,
        "a",
        10,
    );
    let mut p = everything_rated(&level, Rating::Maturing, 1);
    let x = &level.dimensions[1].expectations[0];
    p.rate(&x.id, &x.text.to_plain(), Some(Rating::Performing), 20);
    let now = take(&p, &level, "now", 30);
    let since = compare(&old, &now);
    assert_eq!(since.changes.len(), 1);
    assert_eq!(since.changes[0].words(), "Maturing → Performing");
    assert_eq!(since.changes[0].text, x.text.to_plain());
    assert_eq!(
        since.dimensions[1].words(),
        format!("{}: 1 up, 0 down", level.dimensions[1].name)
    );
}

#[test]
fn a_reworded_expectation_is_marked_and_a_removed_one_stays_in_its_checkin() {
    let (_, level) = seed();
    let c = take(
        &everything_rated(&level, Rating::Performing, 1),
        &level,
        "a",
        10,
    );
    let mut today = level.clone();
    // Reworded as an imported ladder would have it: new words, so a new id.
    let first = &mut today.dimensions[0].expectations[0];
    let was = first.text.to_plain();
    let reworded = was.replacen(" in ", " and curious in ", 1);
    assert_ne!(
        reworded, was,
        "the seed's first expectation has an “in”: {was}"
    );
    *first = Expectation {
        id: expectation_id(&reworded),
        text: Text::plain(&reworded),
        ..Expectation::default()
    };
    let gone = today.dimensions[1].expectations.remove(0);
    // Replaced by words it shares nothing with: that one is gone, not reworded.
    let replaced = today.dimensions[2].expectations[0].id.clone();
    today.dimensions[2].expectations[0] = Expectation {
        id: expectation_id("Writes haiku."),
        text: Text::plain("Writes haiku."),
        ..Expectation::default()
    };
    let marks = c.against(Some(&today));
    assert_eq!(marks.len(), level.expectation_count());
    assert_eq!(marks[0].1, Now::Changed(reworded));
    for id in [&gone.id, &replaced] {
        let (item, now) = marks
            .iter()
            .find(|(i, _)| i.id == *id)
            .expect("still listed");
        assert_eq!((now, item.rating), (&Now::Gone, Some(Rating::Performing)));
    }
    assert_eq!(
        marks.iter().filter(|(_, n)| *n == Now::Same).count(),
        level.expectation_count() - 3
    );
}

#[test]
fn checkins_travel_in_a_backup_and_an_import_never_doubles_one() {
    let (_, level) = seed();
    let c = take(
        &everything_rated(&level, Rating::Performing, 1),
        &level,
        "a",
        10,
    );
    let kept = vec![(c.key(), format::to_json(&c))];
    let backup = Backup {
        kept: kept.clone(),
        ..Backup::default()
    };
    let read = Backup::read(&backup.to_json("v1", 20)).expect("reads");
    assert_eq!(read.kept.len(), 1);
    assert_eq!(format::from_json(&read.kept[0].1), Ok(c.clone()));
    // In a fresh browser it is written; where it is already, it is not written again.
    let fresh = restore_kept(&read.kept, &[], 30);
    assert_eq!((fresh.writes.len(), fresh.checkins), (1, 1));
    // Here it is stored as it was saved, not as the backup spells it: still the same.
    let again = restore_kept(&read.kept, &kept, 30);
    assert_eq!(
        (again.writes.len(), again.checkins, again.newer_here),
        (0, 0, 0)
    );
    let (all, unreadable) = checkin::read_all(&fresh.writes);
    assert_eq!((all, unreadable), (vec![c], vec![]));
    let said = |kept| {
        Restored {
            kept,
            ..Restored::default()
        }
        .message("rungs-backup.json")
    };
    assert_eq!(said(fresh), "Restored 1 check-in from “rungs-backup.json”.");
    assert_eq!(
        said(again),
        "Nothing to restore from “rungs-backup.json”: this browser already has everything in it."
    );
}

#[test]
fn a_reset_counts_and_clears_checkins_and_undo_brings_them_back() {
    let (_, level) = seed();
    let mut p = everything_rated(&level, Rating::Performing, 1);
    let c = take(&p, &level, "a", 10);
    let kept = vec![(c.key(), format::to_json(&c))];
    let keys: Vec<String> = kept.iter().map(|(k, _)| k.clone()).collect();
    let scope = ResetScope::of(&p, &keys, false, 0);
    assert!(
        scope
            .cleared()
            .is_some_and(|s| s.ends_with("and 1 check-in")),
        "{:?}",
        scope.cleared()
    );
    let undo = Undo::reset(&mut p, kept.clone(), 20);
    let back = undo.apply(&mut p, &[], 30);
    assert_eq!(back.writes, kept);
}

#[test]
fn checkins_are_listed_newest_first_and_an_unreadable_one_is_named() {
    let (_, level) = seed();
    let p = Progress::default();
    let (a, b) = (take(&p, &level, "a", 10), take(&p, &level, "b", 20));
    let values = vec![
        (a.key(), format::to_json(&a)),
        ("rungs:checkin:x/y/bad".to_owned(), "{".to_owned()),
        (b.key(), format::to_json(&b)),
    ];
    let (all, unreadable) = checkin::read_all(&values);
    assert_eq!(all, vec![b, a]);
    assert_eq!(unreadable, vec!["rungs:checkin:x/y/bad".to_owned()]);
}

/// Not a test of behaviour: prints the size README.md states, and keeps it honest
/// (a check-in of the seed level with evidence on every expectation).
#[test]
fn size_of_a_full_checkin_of_the_seed_level() {
    let (_, level) = seed();
    let c = take(
        &everything_rated(&level, Rating::Performing, 1),
        &level,
        "19ad5e3c2f0-3f9a0c1b",
        1_767_225_600_000,
    );
    let stored = c.key().len() + format::to_json(&c).len();
    println!(
        "a check-in of the seed level ({} expectations, evidence on each): {stored} characters stored",
        level.expectation_count()
    );
    assert!(stored < 20_000, "{stored}");
}
