//! Integration tests of the level compare on realistic rewordings between
//! two levels, imported from markdown, and on the Acme fixture ladder.

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::compare::attributes::AttributeRow;
use rungs::ladder::compare::similar::Segment;
use rungs::ladder::compare::{compare_levels, default_pair, Comparison, Presence, Row};
use rungs::ladder::import::{import_ladder, read_dir};
use rungs::ladder::{expectation_id, Expectation, Level, Text};
use std::path::Path;

/// The only level of a one-file ladder whose one dimension `Craft` holds `bullets`.
#[track_caller]
fn level(bullets: &[&str]) -> Level {
    let md: String = bullets.iter().map(|b| format!("- {b}\n")).collect();
    let md = format!("# L2: Engineer\n\n## 🔧 Craft\n\n{md}");
    let import = import_ladder([("Eng/Dev/L2.md", md.as_bytes())]);
    assert_eq!(import.diagnostics, []);
    import.ladder.roles[0].levels[0].clone()
}

/// The expectation rows of `Craft` from `a` to `b`.
#[track_caller]
fn rows(a: &[&str], b: &[&str]) -> Vec<Row> {
    let comparison = compare_levels(&level(a), &level(b));
    assert_eq!(comparison.dimensions.len(), 1);
    assert_eq!(comparison.dimensions[0].side, Presence::Both);
    comparison.dimensions[0].rows.clone()
}

fn e(text: &str) -> Expectation {
    Expectation {
        details: Vec::new(),
        examples: Vec::new(),
        id: expectation_id(text),
        text: Text::plain(text),
    }
}

fn same(a: &str, b: &str) -> Row {
    Row::Same { a: e(a), b: e(b) }
}

fn reworded(a: &str, b: &str, diff: &[Segment]) -> Row {
    Row::Reworded {
        a: e(a),
        b: e(b),
        diff: diff.to_vec(),
    }
}

fn kept(s: &str) -> Segment {
    Segment::Kept(s.into())
}

fn removed(s: &str) -> Segment {
    Segment::Removed(s.into())
}

fn added(s: &str) -> Segment {
    Segment::Added(s.into())
}

#[test]
fn reordered_bullets_are_the_same_in_the_new_order() {
    let a = ["I write tests.", "I review code.", "I fix bugs."];
    let b = ["I fix bugs.", "I write tests.", "I review code."];
    assert_eq!(
        rows(&a, &b),
        [
            same("I fix bugs.", "I fix bugs."),
            same("I write tests.", "I write tests."),
            same("I review code.", "I review code.")
        ]
    );
}

#[test]
fn a_changed_word_is_a_rewording_with_its_diff() {
    assert_eq!(
        rows(&["I own small projects"], &["I own medium projects"]),
        [reworded(
            "I own small projects",
            "I own medium projects",
            &[
                kept("I own"),
                removed("small"),
                added("medium"),
                kept("projects")
            ]
        )]
    );
}

#[test]
fn punctuation_and_case_changes_are_the_same() {
    let a = "I keep the code I touch easier to read than I found it.";
    let b = "I keep the code I touch easier to read than I found it";
    let c = "i keep the code, I touch, easier to read than I found it!";
    assert_eq!(rows(&[a], &[b]), [same(a, b)]);
    assert_eq!(rows(&[a], &[c]), [same(a, c)]);
}

#[test]
fn a_split_keeps_the_closer_half_as_the_rewording() {
    let a = "I write and review tests for the motor drivers.";
    let b1 = "I review tests written by my teammates.";
    let b2 = "I write tests for the motor drivers.";
    assert_eq!(
        rows(&[a], &[b1, b2]),
        [
            Row::OnlyInB(e(b1)),
            reworded(
                a,
                b2,
                &[
                    kept("I write"),
                    removed("and review"),
                    kept("tests for the motor drivers.")
                ]
            )
        ]
    );
}

#[test]
fn an_addition_is_only_in_b_where_b_has_it() {
    let b = ["I write tests.", "I mentor one engineer.", "I fix bugs."];
    assert_eq!(
        rows(&["I write tests.", "I fix bugs."], &b),
        [same(b[0], b[0]), Row::OnlyInB(e(b[1])), same(b[2], b[2])]
    );
}

#[test]
fn a_removal_stays_after_what_came_before_it_in_a() {
    let a = [
        "I write tests.",
        "I run the simulator first.",
        "I fix bugs.",
    ];
    assert_eq!(
        rows(&a, &["I fix bugs.", "I write tests."]),
        [same(a[2], a[2]), same(a[0], a[0]), Row::OnlyInA(e(a[1]))]
    );
}

#[test]
fn a_rewritten_expectation_is_removed_and_added() {
    let a = "I ask for help when I have been stuck for more than half a day.";
    let b = "I unblock others before they need to ask.";
    assert_eq!(rows(&[a], &[b]), [Row::OnlyInA(e(a)), Row::OnlyInB(e(b))]);
}

#[track_caller]
fn acme(role: &str, a: &str, b: &str) -> Comparison {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders");
    let files = read_dir(&dir).expect("readable fixture");
    let import = import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    let role = import.ladder.role(role).expect("fixture role");
    compare_levels(
        role.level(a).expect("level a"),
        role.level(b).expect("level b"),
    )
}

/// A comparison's dimensions as `(name, side, rows)`, each row as a line.
fn shape(c: &Comparison) -> Vec<(String, Presence, Vec<String>)> {
    let line = |row: &Row| match row {
        Row::Same { b, .. } => format!("= {}", b.text.to_plain()),
        Row::Reworded { a, b, .. } => format!("~ {} → {}", a.text.to_plain(), b.text.to_plain()),
        Row::OnlyInA(a) => format!("- {}", a.text.to_plain()),
        Row::OnlyInB(b) => format!("+ {}", b.text.to_plain()),
    };
    c.dimensions
        .iter()
        .map(|d| (d.name.clone(), d.side, d.rows.iter().map(line).collect()))
        .collect()
}

fn attribute(name: &str, a: Option<&str>, b: Option<&str>, changed: bool) -> AttributeRow {
    AttributeRow {
        name: name.into(),
        a: a.map(Text::plain),
        b: b.map(Text::plain),
        changed,
    }
}

#[test]
fn acme_l1_to_l2_adds_delivery_and_replaces_every_expectation() {
    let c = acme("engineering/robotics-software-engineering", "l1", "l2");
    assert_eq!(
        c.attributes,
        [
            attribute(
                "Planning horizon",
                Some("Current sprint"),
                Some("Current and next sprint"),
                true
            ),
            attribute("Impact radius", Some("My own tasks"), Some("My team"), true),
            attribute(
                "Supervision",
                Some("Daily guidance from my mentor"),
                Some("Weekly check-ins with my lead"),
                true
            ),
        ]
    );
    let dimension = |name: &str, side, rows: &[&str]| {
        (
            name.to_owned(),
            side,
            rows.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        shape(&c),
        [
            dimension("Craft", Presence::Both, &[
                "- I write clear, tested code for well-defined tasks.",
                "- I run the simulator before I ask for a review.",
                "+ I design and build small features end to end.",
                "+ I write tests that cover the edge cases of the hardware I talk to.",
                "+ I keep the code I touch easier to read than I found it.",
            ]),
            dimension("Collaboration", Presence::Both, &[
                "- I ask for help when I have been stuck for more than half a day.",
                "- I respond to review comments promptly and kindly.",
                "+ I review my teammates' changes within a day.",
                "+ I explain my design choices in writing before I build them.",
            ]),
            dimension("Delivery", Presence::OnlyInB, &[
                "+ I break my work into steps that can ship independently.",
                "+ I tell my lead early when a task will take longer than planned.",
            ]),
            dimension("Safety", Presence::Both, &[
                "- I follow the lab safety checklist every time I run code on a physical robot.",
                "+ I add safety checks to every motion command I introduce.",
            ]),
        ]
    );
}

#[test]
fn acme_default_pairs_go_up_then_down_at_the_top() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders");
    let files = read_dir(&dir).expect("readable fixture");
    let ladder = import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).ladder;
    let role = "engineering/robotics-software-engineering";
    let pairs: Vec<_> = ["l1", "l2", "l3", "l4", "l10"]
        .iter()
        .map(|level| default_pair(&ladder, role, level))
        .collect();
    assert_eq!(
        pairs,
        [
            Some((role, "l2")),
            Some((role, "l3")),
            Some((role, "l4")),
            Some((role, "l10")),
            Some((role, "l4"))
        ]
    );
}

/// `n` words; with `changed`, every other one differs: similar, never the same.
fn words(n: usize, changed: bool) -> String {
    let word = |i: usize| match (changed, i % 2) {
        (true, 1) => format!("v{i}"),
        _ => format!("w{i}"),
    };
    (0..n).map(word).collect::<Vec<_>>().join(" ")
}

/// The level of a one-file ladder whose dimension `Craft` holds `bullets`, whatever
/// the import says about them (past the caps they are errors, and kept).
fn level_past_caps(bullets: &[String]) -> Level {
    let md: String = bullets.iter().map(|b| format!("- {b}\n")).collect();
    let md = format!("# L2: Engineer\n\n## 🔧 Craft\n\n{md}");
    import_ladder([("Eng/Dev/L2.md", md.as_bytes())])
        .ladder
        .roles[0]
        .levels[0]
        .clone()
}

/// One 100,000-word expectation paired as reworded used to ask the word diff for
/// 10^10 cells (40 GB) and abort; past the diff's cap its changed middle shows as
/// removed, then added. The time bound is generous (the cells are counted in the
/// `similar` unit tests).
#[test]
fn a_100000_word_rewording_compares_quickly_and_small() {
    let (a, b) = (words(100_000, false), words(100_000, true));
    let (la, lb) = (
        level_past_caps(std::slice::from_ref(&a)),
        level_past_caps(std::slice::from_ref(&b)),
    );
    let start = std::time::Instant::now();
    let rows = compare_levels(&la, &lb).dimensions[0].rows.clone();
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 5.0, "took {took:?}");
    assert_eq!(
        rows,
        [Row::Reworded {
            a: la.dimensions[0].expectations[0].clone(),
            b: lb.dimensions[0].expectations[0].clone(),
            diff: vec![kept("w0"), removed(&a[3..]), added(&b[3..])],
        }]
    );
}

/// 2,000 expectations against 2,000, all alike: 4,000,000 pairs is past the
/// matching cap, so no rewording is looked for and each shows on its side.
#[test]
fn thousands_of_similar_expectations_compare_without_looking_for_rewordings() {
    let texts = |tail: &str| -> Vec<String> {
        (0..2_000)
            .map(|k| format!("I own shared project {k} {tail}"))
            .collect()
    };
    let (la, lb) = (
        level_past_caps(&texts("then")),
        level_past_caps(&texts("now")),
    );
    let start = std::time::Instant::now();
    let craft = compare_levels(&la, &lb).dimensions[0].clone();
    let took = start.elapsed();
    assert!(took.as_secs_f64() < 5.0, "took {took:?}");
    assert!(craft.rewordings_skipped);
    let rows = craft.rows;
    assert_eq!(rows.len(), 4_000);
    assert!(rows
        .iter()
        .all(|r| matches!(r, Row::OnlyInA(_) | Row::OnlyInB(_))));
    // Within the caps (200 against 200) every one is paired as a rewording.
    let (la, lb) = (
        level_past_caps(&texts("then")[..200]),
        level_past_caps(&texts("now")[..200]),
    );
    let craft = compare_levels(&la, &lb).dimensions[0].clone();
    assert!(!craft.rewordings_skipped);
    let rows = craft.rows;
    assert_eq!(rows.len(), 200);
    assert!(rows.iter().all(|r| matches!(r, Row::Reworded { .. })));
}
