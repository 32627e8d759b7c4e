//! The browser's import path: files held in memory, screened by the import
//! limits, give the same ladder and diagnostics as the linter reading the
//! same folder from disk.

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::import::limits::{import_checked, Verdict};
use rungs::ladder::import::paths::Skip;
use rungs::ladder::import::{import_ladder, read_dir, Import};
use std::path::Path;

#[track_caller]
fn from_disk(dir: &str) -> (Vec<(String, Vec<u8>)>, Import) {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("readable dir");
    let import = import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    (files, import)
}

/// The files of `dir` as a browser folder picker gives them: with the hidden
/// files that `read_dir` leaves out.
fn picked(files: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    let mut picked = files.to_vec();
    picked.push((".DS_Store".into(), b"\0\0\0\x01Bud1\0\0".to_vec()));
    picked.push((
        "Engineering/.git/HEAD".into(),
        b"ref: refs/heads/main\n".to_vec(),
    ));
    picked
}

#[track_caller]
fn in_memory(files: &[(String, Vec<u8>)]) -> rungs::ladder::import::limits::Checked {
    import_checked(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}

fn lines(import: &Import) -> Vec<String> {
    import.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn in_memory_fixture_ladder_is_the_ladder_read_from_disk() {
    let (files, disk) = from_disk("tests/fixtures/ladders");
    let checked = in_memory(&picked(&files));
    assert_eq!(checked.import, disk);
    assert_eq!(checked.import.ladder.roles.len(), 3);
    assert!(!checked.has_refusals());
}

/// The lines `ladder check tests/fixtures/broken` prints, without the folder.
#[test]
fn in_memory_broken_ladder_has_the_linters_diagnostics() {
    let (files, disk) = from_disk("tests/fixtures/broken");
    let checked = in_memory(&picked(&files));
    assert_eq!(checked.import, disk);
    assert_eq!(lines(&checked.import), lines(&disk));
    assert_eq!(
        lines(&checked.import),
        [
            "Engineering/Broken/L1-Empty.md:1: error: file is empty",
            "Engineering/Broken/L2-Duplicate.md:9: error: duplicate expectation `I write tests.` (first at line 7); kept the first",
            "Engineering/Broken/L2-Duplicate.md:11: warning: dimension `Collaboration` has no expectations",
            "Engineering/Broken/L3-Latin1-Engineer.md:5: warning: file is not utf-8; decoded as windows-1252",
            "Engineering/Broken/Unnumbered-Engineer.md:1: warning: no level number in the heading or file name (e.g. `L2`); level sorted last",
        ]
    );
}

#[test]
fn every_picked_file_is_listed_with_its_verdict() {
    let (files, _) = from_disk("tests/fixtures/ladders");
    let checked = in_memory(&picked(&files));
    let listed: Vec<(&str, &Verdict)> = checked
        .files
        .iter()
        .map(|f| (f.path.as_str(), &f.verdict))
        .collect();
    let accepted = Verdict::Accepted;
    let hidden = Verdict::Skipped(Skip::Hidden);
    let project = Verdict::Skipped(Skip::ProjectFile);
    assert_eq!(
        listed,
        [
            (".DS_Store", &hidden),
            ("Design/Product-Design/L1-Product-Designer.md", &accepted),
            ("Design/Product-Design/L2-Product-Designer.md", &accepted),
            ("Engineering/.git/HEAD", &hidden),
            (
                "Engineering/Hardware-Engineering/L2-Hardware-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Hardware-Engineering/L3-Senior-Hardware-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Robotics-Software-Engineering/L1-Robotics-Software-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Robotics-Software-Engineering/L10-Distinguished-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Robotics-Software-Engineering/L2-Robotics-Software-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Robotics-Software-Engineering/L3-Senior-Robotics-Software-Engineer.md",
                &accepted
            ),
            (
                "Engineering/Robotics-Software-Engineering/L4-Staff-Robotics-Software-Engineer.md",
                &accepted
            ),
            ("README.md", &project),
        ]
    );
}

/// `body` after a title and one dimension, as the only file of a ladder.
fn import_level(body: &str) -> Import {
    let md = format!("# L2: Engineer\n\n## Craft\n\n{body}");
    import_ladder([("Eng/Dev/L2.md", md.as_bytes())])
}

/// 160,000 `<a` without a `>` in an HTML block used to take 6.8 s in a release
/// build (each `<a` rescanned to the end of the block); they are read in linear
/// time. The bound is generous, for a debug build on a busy machine: the scan
/// itself is proved linear by counting its steps (`ladder::html` tests); this
/// checks the importer around it, in each place raw HTML reaches it.
#[test]
fn unclosed_tags_import_in_linear_time() {
    let tags = "<a".repeat(160_000);
    for body in [
        format!("- I ship.\n\n<details>\n{tags}\n"),
        format!("- I ship.\n\n  <div>\n  {tags}\n"),
        format!("- I ship {tags}\n"),
    ] {
        let start = std::time::Instant::now();
        let import = import_level(&body);
        let took = start.elapsed();
        assert!(took.as_secs_f64() < 5.0, "took {took:?}");
        let level = &import.ladder.roles[0].levels[0];
        let all: String = level.dimensions[0]
            .expectations
            .iter()
            .map(|e| e.text.to_plain())
            .chain(level.dimensions[0].examples.iter().map(|x| x.to_plain()))
            .collect();
        // Not a tag: kept as text.
        assert!(all.contains("<a<a<a"), "{}", &all[..all.len().min(80)]);
    }
}

#[test]
fn an_expectation_over_the_words_cap_is_an_error_at_its_line_and_is_kept() {
    let long = vec!["word"; 250].join(" ");
    let import = import_level(&format!("- I ship.\n- {long}\n"));
    assert_eq!(
        lines(&import),
        ["Eng/Dev/L2.md:6: error: expectation has 250 words; at most 200 are allowed (kept; split it)"]
    );
    let kept = &import.ladder.roles[0].levels[0].dimensions[0].expectations[1];
    assert_eq!(kept.text.to_plain(), long);
    // At the cap: clean.
    let at_cap = vec!["word"; 200].join(" ");
    assert_eq!(
        lines(&import_level(&format!("- {at_cap}\n"))),
        Vec::<String>::new()
    );
}

#[test]
fn a_level_over_the_expectations_cap_is_one_error_at_the_first_past_it() {
    let bullets: String = (1..=250).map(|i| format!("- I do thing {i}.\n")).collect();
    let import = import_level(&bullets);
    // The first bullet is on line 5: the 201st on line 205.
    assert_eq!(
        lines(&import),
        ["Eng/Dev/L2.md:205: error: level has more than 200 expectations (this is number 201; all are kept); split the level"]
    );
    assert_eq!(import.ladder.roles[0].levels[0].expectation_count(), 250);
    let at_cap: String = (1..=200).map(|i| format!("- I do thing {i}.\n")).collect();
    assert_eq!(lines(&import_level(&at_cap)), Vec::<String>::new());
}

#[test]
fn the_shipped_ladder_and_the_fixtures_are_within_the_caps() {
    for dir in ["ladders", "tests/fixtures/ladders", "tests/fixtures/broken"] {
        let (_, import) = from_disk(dir);
        let over: Vec<String> = lines(&import)
            .into_iter()
            .filter(|l| l.contains("at most") || l.contains("more than"))
            .collect();
        assert_eq!(over, Vec::<String>::new(), "{dir}");
    }
}
