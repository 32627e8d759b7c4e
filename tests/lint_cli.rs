//! The `ladder` command: output and exit codes on the seed, the fixture
//! ladder, a broken ladder and bad usage.

#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

use rungs::ladder::import::{import_ladder, read_dir};
use rungs::ladder::Ladder;

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

#[test]
fn check_on_the_all_layouts_fixture_prints_0_errors_and_only_the_guesses() {
    let out = ladder(&["check", "tests/fixtures/layouts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert!(
        lines.iter().all(|l| l.contains(": warning: ")),
        "{lines:#?}"
    );
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert_eq!(
        stderr(&out),
        "ladder: 13 level(s) in 5 role(s): 0 error(s), 6 warning(s)\n"
    );
}

#[test]
fn check_explain_says_how_each_file_was_read() {
    let out = ladder(&["check", "--explain", "tests/fixtures/layouts"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let dir = "tests/fixtures/layouts";
    for expected in [
        format!("{dir}/Product/Product-Roles.md: 3 levels of Product / Product Roles (role `product/product-roles`), in file order:\n  - Associate Product Manager (id `associate-product-manager`): 1 dimension, 2 expectations, 3 examples\n  - Product Manager (id `product-manager`): 1 dimension, 3 expectations, 4 examples\n  - Senior Product Manager (id `senior-product-manager`): 1 dimension, 2 expectations, 2 examples\n"),
        format!("{dir}/Engineering/Data-Engineering/L2-Data-Engineer.md: one level of Engineering / Data Engineering (role `engineering/data-engineering`): L2: Data Engineer (id `l2`): 2 dimensions, 4 expectations, 3 examples\n"),
        format!("{dir}/Engineering/Support/L3-Support-Manager.md: one level of Engineering / Support Manager (role `engineering/support-manager`): L3: Support Manager (id `l3`): 2 dimensions, 4 expectations, 0 examples\n"),
        format!("{dir}/Everyone.md: expectations for everyone in every track (id `everyone`): 1 dimension, 2 expectations, 2 examples\n"),
        format!("{dir}/Engineering/Rating-Scale.md: guide page \"Rating scale\" listed with Engineering (id `engineering/rating-scale`, explains the rating scale): 4 blocks\n"),
        format!("{dir}/README-layouts.md: project file (README, LICENSE and the like); skipped\n"),
    ] {
        assert!(text.contains(&expected), "missing:\n{expected}\nin:\n{text}");
    }
    // The explanation comes first, then the problems, as `check` prints them.
    let check = ladder(&["check", "tests/fixtures/layouts"]);
    assert!(text.ends_with(&stdout(&check)), "{text}");
    let after = ladder(&["check", "tests/fixtures/layouts", "--explain"]);
    assert_eq!(stdout(&after), text);
}

#[test]
fn check_explain_still_fails_on_errors() {
    let out = ladder(&["check", "--explain", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(
        "tests/fixtures/broken/Engineering/Broken/L1-Empty.md: not read (see its problems)\n"
    ));
}
