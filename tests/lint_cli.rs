//! The `ladder` command: output and exit codes on the seed, the fixture
//! ladder, a broken ladder and bad usage.

#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

use rungs::ladder::{import_ladder, read_dir, Ladder};

#[track_caller]
fn ladder(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("ladder runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn check_on_the_seed_reports_only_the_repaired_encoding() {
    let out = ladder(&["check", "ladders/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let path = "ladders/Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md";
    let expected = [
        format!("{path}:10: warning: repaired encoding: `\u{f8ff}ü¶â` → `🦉` (utf-8 misread as mac roman)"),
        format!("{path}:24: warning: repaired encoding: `\u{f8ff}üå±` → `🌱` (utf-8 misread as mac roman)"),
        format!("{path}:37: warning: repaired encoding: `\u{f8ff}üß≠` → `🧭` (utf-8 misread as mac roman)"),
        format!("{path}:56: warning: repaired encoding: `\u{f8ff}üèÜ` → `🏆` (utf-8 misread as mac roman)"),
    ];
    assert_eq!(stdout(&out), expected.join("\n") + "\n");
    assert_eq!(
        stderr(&out),
        "ladder: 1 level(s) in 1 role(s): 0 error(s), 4 warning(s)\n"
    );
}

#[test]
fn check_paths_are_joined_to_the_directory_as_given() {
    let out = ladder(&["check", "ladders"]);
    assert!(
        stdout(&out).starts_with("ladders/Engineering/"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_on_a_clean_ladder_prints_nothing_and_exits_0() {
    let out = ladder(&["check", "tests/fixtures/ladders"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "ladder: 9 level(s) in 3 role(s): 0 error(s), 0 warning(s)\n"
    );
}

#[test]
fn check_on_a_broken_ladder_lists_every_problem_and_exits_1() {
    let out = ladder(&["check", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(1));
    let dir = "tests/fixtures/broken/Engineering/Broken";
    assert_eq!(
        stdout(&out),
        format!(
            "{dir}/L1-Empty.md:1: error: file is empty\n\
             {dir}/L2-Duplicate.md:9: error: duplicate expectation `I write tests.` (first at line 7); kept the first\n\
             {dir}/L2-Duplicate.md:11: warning: dimension `Collaboration` has no expectations\n\
             {dir}/L3-Latin1-Engineer.md:5: warning: file is not utf-8; decoded as windows-1252\n\
             {dir}/Unnumbered-Engineer.md:1: warning: no level number in the heading or file name (e.g. `L2`); level sorted last\n"
        )
    );
    assert_eq!(
        stderr(&out),
        "ladder: 3 level(s) in 1 role(s): 2 error(s), 3 warning(s)\n"
    );
}

#[test]
fn bad_usage_exits_2_with_the_usage() {
    for args in [
        &[][..],
        &["lint", "ladders"],
        &["check"],
        &["check", "a", "b"],
        &["export"],
    ] {
        let out = ladder(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("usage: ladder check DIR"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "", "{args:?}");
    }
}

#[test]
fn missing_directory_exits_2_and_says_why() {
    let out = ladder(&["check", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("ladder: cannot read no/such/dir: "),
        "{}",
        stderr(&out)
    );
    let file = ladder(&["check", "Cargo.toml"]);
    assert_eq!(file.status.code(), Some(2));
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    let out = ladder(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("usage: ladder check DIR"));
}

#[test]
fn export_prints_the_ladder_as_json() {
    let out = ladder(&["export", "ladders"]);
    assert_eq!(out.status.code(), Some(0));
    let exported: Ladder = serde_json::from_slice(&out.stdout).expect("valid ladder json");
    let files =
        read_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ladders")).unwrap();
    let imported = import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).ladder;
    assert_eq!(exported, imported);
    assert!(
        stderr(&out).contains("repaired encoding"),
        "diagnostics go to stderr"
    );
}

#[test]
fn export_of_a_broken_ladder_still_prints_json_but_exits_1() {
    let out = ladder(&["export", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(1));
    let exported: Ladder = serde_json::from_slice(&out.stdout).expect("valid ladder json");
    assert_eq!(exported.roles[0].levels.len(), 3);
    assert!(stderr(&out).contains("error: file is empty"));
}

#[test]
fn empty_directory_is_an_error() {
    let dir = std::env::temp_dir().join(format!("rungs-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("README.md"), "# not a level").unwrap();
    let out = ladder(&["check", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no ladder files found"));
}
