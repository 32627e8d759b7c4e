//! Integration tests of the ladder importer: the seed, the fixture ladder,
//! every variant the format allows, ids and diagnostics.

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::import::diagnostic::{Diagnostic, Problem, Severity};
use rungs::ladder::import::{import_ladder, read_dir, Import};
use rungs::ladder::{expectation_id, Level, Span, Style, Text};
use std::path::Path;

const SEED: &str =
    "ladders/Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md";

#[track_caller]
fn import_dir(dir: &str) -> Import {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("readable dir");
    import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}

#[track_caller]
fn import_files(files: &[(&str, &str)]) -> Import {
    import_ladder(files.iter().map(|(p, s)| (*p, s.as_bytes())))
}

/// Import one file at `path` and return its only level and the diagnostics as text.
#[track_caller]
fn level_at(path: &str, md: &str) -> (Level, Vec<String>) {
    level_bytes(path, md.as_bytes())
}

#[track_caller]
fn level_bytes(path: &str, bytes: &[u8]) -> (Level, Vec<String>) {
    let import = import_ladder([(path, bytes)]);
    let diagnostics = import.diagnostics.iter().map(ToString::to_string).collect();
    let mut levels: Vec<Level> = import
        .ladder
        .roles
        .into_iter()
        .flat_map(|r| r.levels)
        .collect();
    assert_eq!(
        levels.len(),
        1,
        "one level expected; diagnostics: {diagnostics:?}"
    );
    (levels.remove(0), diagnostics)
}

#[track_caller]
fn level(md: &str) -> (Level, Vec<String>) {
    level_at("Eng/Dev/L2-Developer.md", md)
}

/// (emoji, name, expectations, examples) of a dimension, as plain text.
type Shape = (Option<String>, String, Vec<String>, Vec<String>);

fn shape(level: &Level) -> Vec<Shape> {
    level
        .dimensions
        .iter()
        .map(|d| {
            (
                d.emoji.clone(),
                d.name.clone(),
                d.expectations.iter().map(|e| e.text.to_plain()).collect(),
                d.examples.iter().map(Text::to_plain).collect(),
            )
        })
        .collect()
}

fn dim(emoji: Option<&str>, name: &str, expectations: &[&str], examples: &[&str]) -> Shape {
    (
        emoji.map(str::to_owned),
        name.to_owned(),
        expectations.iter().map(|s| s.to_string()).collect(),
        examples.iter().map(|s| s.to_string()).collect(),
    )
}

fn span(text: &str, emphasis: bool, strong: bool, code: bool) -> Span {
    Span {
        link: None,
        text: text.into(),
        style: Style {
            emphasis,
            strong,
            code,
        },
    }
}

const BASIC: &str = "# L2: Developer\n\n> _I build things._\n\n- **Planning horizon**: This cycle\n\n## 🔧 Craft\n\n- I write code.\n- I test code.\n\n<details>\n<summary>Examples</summary>\n\n- I shipped a thing.\n\n</details>\n";

// ---------------------------------------------------------------- the seed

fn seed() -> (Import, Level) {
    let import = import_dir("ladders");
    let level = import.ladder.roles[0].levels[0].clone();
    (import, level)
}

#[test]
fn seed_has_four_dimensions_with_their_expectations_and_examples() {
    let (import, level) = seed();
    assert_eq!(import.ladder.roles.len(), 1);
    let counts: Vec<(usize, usize)> = level
        .dimensions
        .iter()
        .map(|d| (d.expectations.len(), d.examples.len()))
        .collect();
    assert_eq!(counts, vec![(3, 1), (2, 2), (5, 5), (2, 2)]);
    assert_eq!(level.expectation_count(), 12);
    let names: Vec<(Option<&str>, &str)> = level
        .dimensions
        .iter()
        .map(|d| (d.emoji.as_deref(), d.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (Some("🦉"), "Domain expertise"),
            (Some("🌱"), "Teaching and Mentoring"),
            (Some("🧭"), "Culture and Leadership"),
            (Some("🏆"), "Customer Success"),
        ]
    );
}

#[test]
fn seed_role_and_level_are_named_from_folders_and_heading() {
    let (import, level) = seed();
    let role = &import.ladder.roles[0];
    assert_eq!(
        (role.id.as_str(), role.track.as_str(), role.name.as_str()),
        (
            "engineering/site-reliability-engineering",
            "Engineering",
            "Site Reliability Engineering"
        )
    );
    assert_eq!(
        (level.id.as_str(), level.number, level.label.as_str()),
        ("l2", Some(2), "L2")
    );
    assert_eq!(level.title, "Site Reliability Engineer");
    assert_eq!(level.heading(), "L2: Site Reliability Engineer");
    assert_eq!(
        level.source,
        "Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md"
    );
    assert_eq!(import.ladder.version.len(), 16);
    assert!(import
        .ladder
        .version
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
}

#[test]
fn seed_summary_is_the_emphasised_blockquote() {
    let (_, level) = seed();
    assert_eq!(
        level.summary,
        Text(vec![span(
            "I am a valuable and enthusiastic member of an Octopus team. I can work independently on small projects, and am focused on learning with a trajectory of growth into the contribution of a Senior Site Reliability Engineer or beyond.",
            true,
            false,
            false
        )])
    );
}

#[test]
fn seed_attributes_are_the_four_key_value_bullets() {
    let (_, level) = seed();
    let attributes: Vec<(&str, String)> = level
        .attributes
        .iter()
        .map(|a| (a.name.as_str(), a.value.to_plain()))
        .collect();
    assert_eq!(
        attributes,
        vec![
            ("Planning horizon", "Current and next cycle".to_owned()),
            ("Impact radius", "Self plus some team mates".to_owned()),
            ("Evaluation", "Manager".to_owned()),
            (
                "Responsibility and direction needed",
                "Weekly supervision needed from their manager or more senior engineers.".to_owned()
            ),
        ]
    );
}

#[test]
fn seed_texts_are_exact() {
    let (_, level) = seed();
    let shape = shape(&level);
    assert_eq!(
        shape[0].2,
        vec![
            "I am competent in my domain.",
            "I am able to work independently on small projects.",
            "I identify and raise potential problems with my peers or lead before getting blocked.",
        ]
    );
    assert_eq!(
        shape[1].3,
        vec![
            "I acted as a buddy for a new person who joined my team, and helped them become productive with our tools.",
            "I gave feedback in a review that resulted in a teammate updating the work to reflect better practices.",
        ]
    );
    assert_eq!(
        shape[2].2[1],
        "I engage in learning from failure initiatives"
    );
    assert_eq!(
        level.dimensions[2].expectations[1].text,
        Text(vec![
            span("I engage in ", false, false, false),
            span("learning from failure", true, false, false),
            span(" initiatives", false, false, false)
        ])
    );
    assert_eq!(
        shape[3].2[1],
        "I respond to escalated customer issues and incidents in a proactive, timely fashion."
    );
    assert_eq!(shape[3].3[1], "A customer issue was escalated to my team and I was capable of addressing it, so I took it on immediately.");
}

#[test]
fn seed_wrapped_example_is_joined_with_one_space() {
    let (_, level) = seed();
    assert_eq!(
        level.dimensions[0].examples[0],
        Text::plain(
            "I completed maintenance work in a complex area of our systems, relying on my own knowledge and occasionally reaching out for help from my more senior teammates when I knew I would need it."
        )
    );
}

#[test]
fn seed_reports_exactly_the_four_repaired_emoji() {
    let (import, _) = seed();
    let lines: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
    let path = "Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md";
    assert_eq!(
        lines,
        vec![
            format!("{path}:10: warning: repaired encoding: `\u{f8ff}ü¶â` → `🦉` (utf-8 misread as mac roman)"),
            format!("{path}:24: warning: repaired encoding: `\u{f8ff}üå±` → `🌱` (utf-8 misread as mac roman)"),
            format!("{path}:37: warning: repaired encoding: `\u{f8ff}üß≠` → `🧭` (utf-8 misread as mac roman)"),
            format!("{path}:56: warning: repaired encoding: `\u{f8ff}üèÜ` → `🏆` (utf-8 misread as mac roman)"),
        ]
    );
    assert!(import
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
}

#[test]
fn seed_file_is_byte_for_byte_the_damaged_original() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    assert_eq!(bytes.len(), 2985);
    assert!(bytes
        .windows(8)
        .any(|w| w == [0xef, 0xa3, 0xbf, 0xc3, 0xbc, 0xc2, 0xb6, 0xc3]));
}

// ------------------------------------------------------- the fixture ladder

#[test]
fn fixture_ladder_is_clean() {
    let import = import_dir("tests/fixtures/ladders");
    assert_eq!(import.diagnostics, Vec::<Diagnostic>::new());
    let roles: Vec<(&str, &str, &str)> = import
        .ladder
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.track.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("design/product-design", "Design", "Product Design"),
            (
                "engineering/hardware-engineering",
                "Engineering",
                "Hardware Engineering"
            ),
            (
                "engineering/robotics-software-engineering",
                "Engineering",
                "Robotics Software Engineering"
            ),
        ]
    );
    assert_eq!(import.ladder.tracks(), vec!["Design", "Engineering"]);
}

#[test]
fn fixture_levels_are_in_numeric_order() {
    let import = import_dir("tests/fixtures/ladders");
    let role = import
        .ladder
        .role("engineering/robotics-software-engineering")
        .unwrap();
    let ids: Vec<&str> = role.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, vec!["l1", "l2", "l3", "l4", "l10"]);
    assert_eq!(role.level("l10").unwrap().title, "Distinguished Engineer");
    for level in &role.levels {
        assert!(
            level.dimensions.iter().any(|d| d.emoji.is_none()),
            "{}",
            level.id
        );
        assert!(
            level.dimensions.iter().all(|d| !d.examples.is_empty()),
            "{}",
            level.id
        );
        assert!((2..=4).contains(&level.attributes.len()), "{}", level.id);
        assert!(level.summary.to_plain().starts_with("I "), "{}", level.id);
    }
}

// -------------------------------------------------------------- level names

#[test]
fn level_number_may_be_only_in_the_file_name() {
    for (path, number) in [
        ("E/D/L3-Foo.md", 3),
        ("E/D/Foo L3.md", 3),
        ("E/D/level-3.md", 3),
        ("E/D/Level_10", 10),
    ] {
        let (level, diagnostics) = level_at(path, "# Foo\n\n## Craft\n\n- I do things.\n");
        assert_eq!(
            (level.number, level.label.clone(), level.title.as_str()),
            (Some(number), format!("L{number}"), "Foo"),
            "{path}"
        );
        assert_eq!(level.id, format!("l{number}"));
        assert_eq!(diagnostics, Vec::<String>::new(), "{path}");
    }
}

#[test]
fn title_may_come_from_the_file_name() {
    let (level, diagnostics) = level_at(
        "E/D/L2-Site-Reliability-Engineer.md",
        "# L2\n\n## Craft\n\n- I do things.\n",
    );
    assert_eq!(level.title, "Site Reliability Engineer");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn numbers_that_disagree_are_reported_and_the_heading_wins() {
    let (level, diagnostics) =
        level_at("E/D/L3-Foo.md", "# L2: Foo\n\n## Craft\n\n- I do things.\n");
    assert_eq!(level.number, Some(2));
    assert_eq!(
        diagnostics,
        vec!["E/D/L3-Foo.md:1: warning: level number L2 in the heading differs from L3 in the file name; using L2"]
    );
}

#[test]
fn decorated_headings_are_read() {
    for heading in [
        "# **L2** — Developer",
        "# L2: Developer ##",
        "# L2 - Developer",
        "# Developer (L2)",
        "# Level 2: Developer",
        "L2: Developer\n=============",
    ] {
        let md = format!("{heading}\n\n## Craft\n\n- I do things.\n");
        let (level, diagnostics) = level(&md);
        assert_eq!(
            (level.label.as_str(), level.title.as_str()),
            ("L2", "Developer"),
            "{heading}"
        );
        assert_eq!(
            shape(&level),
            vec![dim(None, "Craft", &["I do things."], &[])],
            "{heading}"
        );
        assert!(diagnostics.is_empty(), "{heading}: {diagnostics:?}");
    }
}

#[test]
fn headings_at_other_depths_are_read() {
    let expected = vec![
        dim(Some("🔧"), "Craft", &["I do things."], &[]),
        dim(None, "Care", &["I care."], &[]),
    ];
    for md in [
        "## L2: Developer\n\n### 🔧 Craft\n\n- I do things.\n\n### Care\n\n- I care.\n",
        "# L2: Developer\n\n# 🔧 Craft\n\n- I do things.\n\n# Care\n\n- I care.\n",
        "# L2: Developer\n\n### 🔧 Craft\n\n- I do things.\n\n### Care\n\n- I care.\n",
        "L2: Developer\n===\n\n🔧 Craft\n---\n\n- I do things.\n\nCare\n----\n\n- I care.\n",
    ] {
        let (level, diagnostics) = level(md);
        assert_eq!(level.title, "Developer", "{md}");
        assert_eq!(shape(&level), expected, "{md}");
        assert!(diagnostics.is_empty(), "{md}: {diagnostics:?}");
    }
}

#[test]
fn title_heading_without_label_is_recognised_by_its_depth_or_file_name() {
    let (level, d) = level("# Developer\n\n## Craft\n\n- I do things.\n");
    assert_eq!(
        (level.title.as_str(), level.label.as_str()),
        ("Developer", "L2")
    );
    assert!(d.is_empty(), "{d:?}");
    let (level, d) = level_at(
        "E/D/L2-Developer.md",
        "## Developer\n\n## Craft\n\n- I do things.\n",
    );
    assert_eq!(level.title, "Developer");
    assert_eq!(shape(&level).len(), 1);
    assert!(d.is_empty(), "{d:?}");
}

// ------------------------------------------------------------------- bullets

#[test]
fn bullets_may_use_any_marker_or_be_numbered() {
    for list in [
        "- a\n- b\n- c",
        "* a\n* b\n* c",
        "+ a\n+ b\n+ c",
        "1. a\n2. b\n3. c",
        "1) a\n1) b\n1) c",
        "- a\n\n- b\n\n- c",
    ] {
        let (level, d) = level(&format!("# L2: Dev\n\n## Craft\n\n{list}\n"));
        assert_eq!(
            shape(&level),
            vec![dim(None, "Craft", &["a", "b", "c"], &[])],
            "{list}"
        );
        assert!(d.is_empty(), "{d:?}");
    }
}

#[test]
fn nested_bullets_are_joined_into_their_parent() {
    let md = "# L2: Dev\n\n## Craft\n\n- I am fluent in:\n  - Rust\n  - SQL\n- I write tests\n  - unit tests\n  - integration tests\n- Done.\n  - really\n";
    let (level, d) = level(md);
    assert_eq!(
        shape(&level)[0].2,
        vec![
            "I am fluent in: Rust; SQL",
            "I write tests: unit tests; integration tests",
            "Done. really"
        ]
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn task_list_boxes_are_dropped() {
    let (level, _) = level("# L2: Dev\n\n## Craft\n\n- [ ] I plan.\n- [x] I ship.\n");
    assert_eq!(shape(&level)[0].2, vec!["I plan.", "I ship."]);
}

// ------------------------------------------------------------------ examples

#[test]
fn examples_may_sit_under_an_examples_heading_at_any_depth() {
    for examples in [
        "### Examples",
        "#### Examples",
        "## Examples",
        "### 📝 Examples:",
        "**Examples:**",
        "Examples:",
        "*For example*",
    ] {
        let md = format!("# L2: Dev\n\n## Craft\n\n- I do things.\n\n{examples}\n\n- I did a thing.\n- I did another.\n\n## Care\n\n- I care.\n");
        let (level, d) = level(&md);
        assert_eq!(
            shape(&level),
            vec![
                dim(
                    None,
                    "Craft",
                    &["I do things."],
                    &["I did a thing.", "I did another."]
                ),
                dim(None, "Care", &["I care."], &[])
            ],
            "{examples}"
        );
        assert!(d.is_empty(), "{examples}: {d:?}");
    }
}

#[test]
fn example_text_may_follow_the_label_on_its_line() {
    let (level, d) =
        level("# L2: Dev\n\n## Craft\n\n- I do things.\n\n**Examples:** I did a *thing*.\n");
    assert_eq!(
        level.dimensions[0].examples,
        vec![Text(vec![
            span("I did a ", false, false, false),
            span("thing", true, false, false),
            span(".", false, false, false)
        ])]
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn details_blocks_in_every_usual_shape_hold_examples() {
    for details in [
        "<details>\n<summary>Examples</summary>\n\n- e1\n- e2\n\n</details>",
        "<details>\n<summary>Examples</summary>\n- e1\n- e2\n</details>",
        "<details><summary>Examples</summary>\n\n- e1\n- e2\n\n</details>",
        "<details open>\n<summary><b>Examples</b></summary>\n\n- e1\n- e2\n</details>",
        "<details>\n<summary>\nExample\n</summary>\n\n* e1\n* e2\n\n</details>",
        "<details>\n\n- e1\n- e2\n\n</details>",
        "<DETAILS>\n<SUMMARY>Examples:</SUMMARY>\n\ne1\n\ne2\n</DETAILS>",
    ] {
        let md = format!(
            "# L2: Dev\n\n## Craft\n\n- I do things.\n\n{details}\n\n## Care\n\n- I care.\n"
        );
        let (level, d) = level(&md);
        assert_eq!(
            shape(&level),
            vec![
                dim(None, "Craft", &["I do things."], &["e1", "e2"]),
                dim(None, "Care", &["I care."], &[])
            ],
            "{details}"
        );
        assert!(d.is_empty(), "{details}: {d:?}");
    }
}

#[test]
fn details_with_another_title_are_read_as_examples_with_a_warning() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n- I do things.\n\n<details>\n<summary>Notes</summary>\n\n- a note\n\n</details>\n");
    assert_eq!(shape(&level)[0].3, vec!["a note"]);
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:8: warning: `<details>` titled `Notes` read as examples"]
    );
}

#[test]
fn unclosed_details_are_reported_and_end_at_the_next_heading() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n- I do things.\n\n<details>\n<summary>Examples</summary>\n\n- e1\n\n## Care\n\n- I care.\n");
    assert_eq!(
        shape(&level),
        vec![
            dim(None, "Craft", &["I do things."], &["e1"]),
            dim(None, "Care", &["I care."], &[])
        ]
    );
    assert_eq!(
        d,
        vec![
            "Eng/Dev/L2-Developer.md:7: warning: `<details>` is not closed before the next heading"
        ]
    );
}

#[test]
fn examples_bullet_with_nested_examples() {
    let (level, d) =
        level("# L2: Dev\n\n## Craft\n\n- I do things.\n- Examples:\n  - e1\n  - e2\n");
    assert_eq!(
        shape(&level),
        vec![dim(None, "Craft", &["I do things."], &["e1", "e2"])]
    );
    assert!(d.is_empty(), "{d:?}");
}

// ---------------------------------------------------------------- dimensions

#[test]
fn emoji_with_variation_selectors_and_zwj_sequences_are_split_off() {
    let (level, _) = level("# L2: Dev\n\n## ❤️ Care\n\n- a\n\n## 👩‍💻 Craft\n\n- b\n\n## 👍🏽 Kindness\n\n- c\n\n## Plain\n\n- d\n");
    let names: Vec<(Option<&str>, &str)> = level
        .dimensions
        .iter()
        .map(|d| (d.emoji.as_deref(), d.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (Some("❤️"), "Care"),
            (Some("👩‍💻"), "Craft"),
            (Some("👍🏽"), "Kindness"),
            (None, "Plain")
        ]
    );
}

#[test]
fn empty_dimension_is_kept_with_a_warning() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n## Care\n\n- I care.\n");
    assert_eq!(
        shape(&level),
        vec![
            dim(None, "Craft", &[], &[]),
            dim(None, "Care", &["I care."], &[])
        ]
    );
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:3: warning: dimension `Craft` has no expectations"]
    );
}

#[test]
fn heading_that_only_groups_others_is_not_a_dimension() {
    let (level, d) = level("# L2: Dev\n\n## Competencies\n\n### Craft\n\n- a\n\n### Care\n\n- b\n");
    assert_eq!(
        shape(&level),
        vec![
            dim(None, "Craft", &["a"], &[]),
            dim(None, "Care", &["b"], &[])
        ]
    );
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:3: warning: heading `Competencies` has no content of its own; its sub-headings are read as dimensions"]
    );
}

#[test]
fn bullets_before_any_dimension_go_to_general() {
    let (level, d) = level("# L2: Dev\n\n- **Impact**: Team\n- I write code.\n- I test code.\n");
    assert_eq!(level.attributes.len(), 1);
    assert_eq!(
        shape(&level),
        vec![dim(
            None,
            "General",
            &["I write code.", "I test code."],
            &[]
        )]
    );
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:4: warning: bullets before the first dimension heading read as expectations of `General`"]
    );
}

// ------------------------------------------------------ summary & attributes

#[test]
fn summary_may_be_plain_paragraphs_and_keeps_paragraph_breaks() {
    let (level, d) = level("# L2: Dev\n\nI build things.\n\nI learn *fast*.\n\n## Craft\n\n- a\n");
    assert_eq!(
        level.summary,
        Text(vec![
            span("I build things.\n\nI learn ", false, false, false),
            span("fast", true, false, false),
            span(".", false, false, false)
        ])
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn attributes_in_their_usual_shapes() {
    let md = "# L2: Dev\n\n* **Planning horizon:** A cycle\n+ *Impact*: Team\n- Evaluation: Manager\n\n**Scope**: Small\n**Autonomy**: Some\n\n| Attribute | Value |\n|---|---|\n| Reach | Wide |\n\n## Craft\n\n- a\n";
    let (level, d) = level(md);
    let attributes: Vec<(&str, String)> = level
        .attributes
        .iter()
        .map(|a| (a.name.as_str(), a.value.to_plain()))
        .collect();
    assert_eq!(
        attributes,
        vec![
            ("Planning horizon", "A cycle".to_owned()),
            ("Impact", "Team".to_owned()),
            ("Evaluation", "Manager".to_owned()),
            ("Scope", "Small".to_owned()),
            ("Autonomy", "Some".to_owned()),
            ("Reach", "Wide".to_owned()),
        ]
    );
    assert!(d.is_empty(), "{d:?}");
}

// ----------------------------------------------------------- inline content

#[test]
fn inline_formatting_becomes_spans_links_keep_their_target_and_html_stays_literal() {
    let (level, _) = level("# L2: Dev\n\n## Craft\n\n- I *own* **my** `code`, see [the guide](https://x.example) and <b>this</b>.\n");
    assert_eq!(
        level.dimensions[0].expectations[0].text,
        Text(vec![
            span("I ", false, false, false),
            span("own", true, false, false),
            span(" ", false, false, false),
            span("my", false, true, false),
            span(" ", false, false, false),
            span("code", false, false, true),
            span(", see ", false, false, false),
            Span {
                link: Some("https://x.example".into()),
                ..span("the guide", false, false, false)
            },
            span(" and <b>this</b>.", false, false, false),
        ])
    );
}

#[test]
fn unsafe_link_targets_keep_only_their_text() {
    let (level, _) = level(
        "# L2: Dev

## Craft

- I read [this](javascript:alert(1)) and [that](../Guide.md).
",
    );
    let text = &level.dimensions[0].expectations[0].text;
    assert_eq!(text.to_plain(), "I read this and that.");
    let links: Vec<Option<&str>> = text.0.iter().map(|s| s.link.as_deref()).collect();
    assert_eq!(links, vec![None, Some("../Guide.md"), None]);
}

// -------------------------------------------------- structure that is odd

#[test]
fn paragraph_in_a_dimension_is_an_expectation_with_a_warning() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\nI write code every day.\n\n- I test code.\n");
    assert_eq!(
        shape(&level)[0].2,
        vec!["I write code every day.", "I test code."]
    );
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:5: warning: paragraph read as an expectation"]
    );
}

#[test]
fn table_rows_become_expectations_with_a_warning() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n| Skill | Level |\n|---|---|\n| Rust | fluent |\n| SQL | basic |\n");
    assert_eq!(shape(&level)[0].2, vec!["Rust — fluent", "SQL — basic"]);
    assert_eq!(d, vec!["Eng/Dev/L2-Developer.md:5: warning: table (header `Skill | Level` skipped) read as expectations, one per row"]);
}

#[test]
fn code_block_is_kept_as_code_text_with_a_warning() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n- I test.\n\n```\ncargo test\n```\n");
    assert_eq!(
        level.dimensions[0].expectations[1].text,
        Text(vec![span("cargo test", false, false, true)])
    );
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:7: warning: code block read as an expectation"]
    );
}

#[test]
fn images_are_reported_as_ignored() {
    let (level, d) = level("# L2: Dev\n\n## Craft\n\n- I draw ![a diagram](d.png) well.\n");
    assert_eq!(shape(&level)[0].2, vec!["I draw well."]);
    assert_eq!(d, vec!["Eng/Dev/L2-Developer.md:5: warning: unknown structure ignored: image `a diagram` (d.png)"]);
}

#[test]
fn html_blocks_keep_their_text_and_comments_vanish() {
    let (level, d) = level(
        "# L2: Dev\n\n<!-- reviewed 2024 -->\n\n## Craft\n\n- a\n\n<div>I mentor people.</div>\n",
    );
    assert_eq!(shape(&level)[0].2, vec!["a", "I mentor people."]);
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:9: warning: html block `<div>` read as an expectation"]
    );
}

#[test]
fn front_matter_is_reported_as_ignored() {
    let (level, d) = level("---\nowner: someone\n---\n# L2: Dev\n\n## Craft\n\n- a\n");
    assert_eq!(level.title, "Dev");
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:1: warning: unknown structure ignored: front matter"]
    );
}

#[test]
fn duplicate_expectation_is_an_error_and_the_first_is_kept() {
    let (level, d) = level(
        "# L2: Dev\n\n## Craft\n\n- I write code.\n\n## Care\n\n- I  WRITE *code*.\n- I care.\n",
    );
    assert_eq!(
        shape(&level),
        vec![
            dim(None, "Craft", &["I write code."], &[]),
            dim(None, "Care", &["I care."], &[])
        ]
    );
    assert_eq!(d, vec!["Eng/Dev/L2-Developer.md:9: error: duplicate expectation `I WRITE code.` (first at line 5); kept the first"]);
}

#[test]
fn missing_level_number_is_a_warning_and_sorts_last() {
    let import = import_files(&[
        (
            "E/D/Principal.md",
            "# Principal Developer\n\n## Craft\n\n- a\n",
        ),
        ("E/D/L10-Dev.md", "# L10: Dev\n\n## Craft\n\n- a\n"),
        ("E/D/L2-Dev.md", "# L2: Dev\n\n## Craft\n\n- a\n"),
    ]);
    let ids: Vec<&str> = import.ladder.roles[0]
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, vec!["l2", "l10", "principal-developer"]);
    let d: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(d, vec!["E/D/Principal.md:1: warning: no level number in the heading or file name (e.g. `L2`); level sorted last"]);
}

#[test]
fn missing_title_heading_is_a_warning() {
    let (level, d) = level_at("E/D/L2-Developer.md", "> I build.\n\n## Craft\n\n- a\n");
    assert_eq!(
        (level.title.as_str(), level.summary.to_plain()),
        ("Developer", "I build.".to_owned())
    );
    assert_eq!(
        d,
        vec!["E/D/L2-Developer.md:1: warning: no title heading; title taken from the file name"]
    );
    let (level, d) = level_at("E/D/L2.md", "# L2\n\n## Craft\n\n- a\n");
    assert_eq!(level.title, "");
    assert_eq!(d, vec!["E/D/L2.md:1: warning: level has no title"]);
}

#[test]
fn empty_file_is_an_error_and_adds_no_level() {
    for content in ["", "  \n\n\t\n", "\u{feff}"] {
        let import = import_files(&[("E/D/L1.md", content)]);
        assert!(import.ladder.roles.is_empty());
        let d: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(d, vec!["E/D/L1.md:1: error: file is empty"]);
    }
}

#[test]
fn file_without_expectations_is_a_guide_with_a_warning() {
    let import = import_files(&[(
        "Eng/Dev/L2-Developer.md",
        "# L2: Dev\n\n> Just a summary.\n",
    )]);
    assert!(import.ladder.roles.is_empty());
    let guide = &import.ladder.guides[0];
    assert_eq!(guide.title, "L2: Dev");
    assert_eq!(
        guide.blocks,
        vec![rungs::ladder::Block::Paragraph(Text::plain(
            "Just a summary."
        ))]
    );
    let d: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        d,
        vec!["Eng/Dev/L2-Developer.md:1: warning: no expectations: shown as a guide"]
    );
}

#[test]
fn the_same_level_twice_with_the_same_title_is_a_duplicate_error_and_both_are_kept() {
    let import = import_files(&[
        ("E/D/L2-A.md", "# L2: A\n\n## C\n\n- a\n"),
        ("E/D/L2-A-copy.md", "# L2: A\n\n## C\n\n- b\n"),
    ]);
    let ids: Vec<&str> = import.ladder.roles[0]
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(ids, vec!["l2", "l2-2"]);
    let d: Vec<String> = import.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(d, vec!["E/D/L2-A.md:1: error: duplicate level `l2` in role `e/d` (also in `E/D/L2-A-copy.md`); this one is `l2-2`"]);
}

// ------------------------------------------------------------ bytes & files

#[test]
fn crlf_line_endings_and_bom_are_handled() {
    let md = format!("\u{feff}{}", BASIC.replace('\n', "\r\n"));
    let (crlf, d) = level(&md);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(crlf, level(BASIC).0);
}

#[test]
fn windows_1252_mojibake_is_repaired() {
    let (level, d) = level("# L2: Dev\n\n## ðŸ¦‰ Craft\n\n- I write â€œgoodâ€\u{9d} code.\n");
    assert_eq!(level.dimensions[0].emoji.as_deref(), Some("🦉"));
    assert_eq!(shape(&level)[0].2, vec!["I write “good” code."]);
    assert_eq!(
        d,
        vec![
            "Eng/Dev/L2-Developer.md:3: warning: repaired encoding: `ðŸ¦‰` → `🦉` (utf-8 misread as windows-1252)",
            "Eng/Dev/L2-Developer.md:5: warning: repaired encoding: `â€œ` → `“` (utf-8 misread as windows-1252), `â€\u{9d}` → `”` (utf-8 misread as windows-1252)",
        ]
    );
}

#[test]
fn accented_text_is_never_repaired() {
    let md = "# L2: Développeur\n\n## Über uns\n\n- Je suis à l’aise avec « naïve » façades, Ärger und Größe.\n";
    let (level, d) = level(md);
    assert_eq!(level.title, "Développeur");
    assert_eq!(
        shape(&level)[0].2,
        vec!["Je suis à l’aise avec « naïve » façades, Ärger und Größe."]
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn latin1_file_is_decoded_as_windows_1252() {
    let (level, d) = level_bytes(
        "E/D/L2-Dev.md",
        b"# L2: Dev\n\n## Craft\n\n- I write caf\xe9 code.\n",
    );
    assert_eq!(shape(&level)[0].2, vec!["I write café code."]);
    assert_eq!(
        d,
        vec!["E/D/L2-Dev.md:5: warning: file is not utf-8; decoded as windows-1252"]
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_located_warning() {
    let (level, d) = level_bytes(
        "E/D/L2-Dev.md",
        b"# L2: Dev \xc3\xa9\n\n## Craft\n\n- I write \xff code.\n",
    );
    assert_eq!(shape(&level)[0].2, vec!["I write \u{fffd} code."]);
    assert_eq!(d, vec!["E/D/L2-Dev.md:5: warning: invalid utf-8 on 1 line(s) replaced with U+FFFD (first here)"]);
}

#[test]
fn file_with_no_extension_is_a_level() {
    let (level, d) = level_at("Eng/Dev/L2-Developer", BASIC);
    assert_eq!(level.source, "Eng/Dev/L2-Developer");
    assert!(d.is_empty());
}

#[test]
fn non_level_files_are_skipped_silently() {
    let import = import_ladder([
        ("README.md", b"# Readme".as_slice()),
        ("README", b"text"),
        ("LICENSE", b"MIT"),
        ("Eng/Dev/CHANGELOG.md", b"# Changes"),
        (".github/workflows/ci.yml", b"on: push"),
        ("Eng/.hidden/L1.md", b"# L1"),
        ("Eng/Dev/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0"),
        ("Eng/Dev/data.json", b"{}"),
        ("Eng/Dev/L2-Developer.md", BASIC.as_bytes()),
    ]);
    assert!(import.diagnostics.is_empty(), "{:?}", import.diagnostics);
    assert_eq!(import.ladder.roles.len(), 1);
    assert_eq!(import.ladder.roles[0].levels.len(), 1);
}

#[test]
fn folder_depth_gives_track_and_role() {
    let import = import_files(&[
        ("L1-Generalist.md", "# L1: Generalist\n\n## C\n\n- a\n"),
        ("Data_Science/L1.md", "# L1: Analyst\n\n## C\n\n- a\n"),
        (
            "Engineering/Platform/SRE/L1.md",
            "# L1: SRE\n\n## C\n\n- a\n",
        ),
    ]);
    let roles: Vec<(&str, &str, &str)> = import
        .ladder
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.track.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(
        roles,
        vec![
            ("engineering/platform-sre", "Engineering", "Platform / SRE"),
            ("general/data-science", "General", "Data Science"),
            ("general/generalist", "General", "Generalist"),
        ]
    );
}

#[test]
fn version_depends_on_content_not_on_order() {
    let a = import_files(&[("E/D/L1.md", BASIC), ("E/D/L2.md", BASIC)])
        .ladder
        .version;
    let b = import_files(&[("E/D/L2.md", BASIC), ("E/D/L1.md", BASIC)])
        .ladder
        .version;
    let c = import_files(&[
        ("E/D/L1.md", BASIC),
        ("E/D/L2.md", &BASIC.replace("code", "docs")),
    ])
    .ladder
    .version;
    assert_eq!(a, b);
    assert_ne!(a, c);
    let skipped = import_files(&[
        ("E/D/L1.md", BASIC),
        ("E/D/L2.md", BASIC),
        ("README.md", "x"),
    ])
    .ladder
    .version;
    assert_eq!(a, skipped);
}

// ---------------------------------------------------------------------- ids

#[test]
fn ids_survive_reordering_whitespace_case_and_formatting() {
    let a = level("# L2: Dev\n\n## Craft\n\n- I write *clean* code.\n- I test code.\n").0;
    let b = level("# L2: Dev\n\n## Craft\n\n* I test   code.\n*   i WRITE clean\n    `code`.\n").0;
    let ids = |l: &Level| {
        let mut v: Vec<String> = l.dimensions[0]
            .expectations
            .iter()
            .map(|e| e.id.clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&a), ids(&b));
    assert_eq!(
        a.dimensions[0].expectations[0].id,
        expectation_id("I write clean code.")
    );
}

#[test]
fn ids_change_when_the_words_change() {
    let a = expectation_id("I write clean code.");
    for other in [
        "I write clean code",
        "I write cleaner code.",
        "I write clean docs.",
        "We write clean code.",
    ] {
        assert_ne!(a, expectation_id(other), "{other}");
    }
}

#[test]
fn ids_are_twelve_hex_digits_and_documented_value_holds() {
    let id = expectation_id("I am competent in my domain.");
    assert_eq!(id.len(), 12);
    assert!(id
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(expectation_id("a"), "af63dc4c8601");
}

// -------------------------------------------------------------- diagnostics

#[test]
fn diagnostics_carry_file_line_severity_and_problem() {
    let import = import_files(&[("E/D/L2-Dev.md", "# L2: Dev\n\n## Craft\n\n- a\n- a\n")]);
    assert_eq!(
        import.diagnostics,
        vec![Diagnostic {
            path: "E/D/L2-Dev.md".into(),
            line: 6,
            severity: Severity::Error,
            problem: Problem::DuplicateExpectation {
                text: "a".into(),
                first_line: 5
            },
        }]
    );
    assert!(import.has_errors());
    assert_eq!(
        import.diagnostics[0].to_string(),
        "E/D/L2-Dev.md:6: error: duplicate expectation `a` (first at line 5); kept the first"
    );
}

#[test]
fn read_dir_walks_sorted_relative_paths_and_skips_hidden_ones() {
    let dir = std::env::temp_dir().join(format!("rungs-read-dir-{}", std::process::id()));
    for (path, text) in [
        ("b/L1.md", "1"),
        ("a/x/L2", "2"),
        (".git/config", "x"),
        ("a/.draft.md", "x"),
        ("README.md", "r"),
    ] {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let files = read_dir(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, vec!["README.md", "a/x/L2", "b/L1.md"]);
    assert_eq!(files[1].1, b"2");
    assert!(read_dir(Path::new("/no/such/dir")).is_err());
}
