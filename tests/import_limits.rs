//! The browser's import path: files held in memory, screened by the import
//! limits, give the same ladder and diagnostics as the linter reading the
//! same folder from disk.

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::{import_checked, import_ladder, read_dir, Import, Skip, Verdict};
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
fn in_memory(files: &[(String, Vec<u8>)]) -> rungs::ladder::Checked {
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
