//! Ids stay stable: saved progress is keyed on expectation ids, quiz positions and
//! links on role and level ids. This pins every id of the seed ladder and of each
//! fixture ladder as they were before the importer learned the layouts of issue 19,
//! so any change in how a one-level file is read that moves an id fails here.
//!
//! Levels with no expectation hold no progress and are not pinned (such a file is
//! now a guide page, not a level).

#![cfg(not(target_arch = "wasm32"))]

use rungs::ladder::import::{import_ladder, read_dir};
use rungs::ladder::Ladder;
use std::path::Path;

/// The ladder folders whose ids are pinned, relative to the crate.
const PINNED: [&str; 6] = [
    "ladders",
    "tests/fixtures/broken",
    "tests/fixtures/compare",
    "tests/fixtures/hostile",
    "tests/fixtures/import",
    "tests/fixtures/ladders",
];

fn import(dir: &str) -> Ladder {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("readable dir");
    import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).ladder
}

/// One line per level with expectations: folder, source, role id, level id, then its
/// expectation ids in file order.
fn id_lines(dir: &str, ladder: &Ladder) -> Vec<String> {
    let mut lines = Vec::new();
    for role in &ladder.roles {
        for level in &role.levels {
            let ids: Vec<&str> = level
                .dimensions
                .iter()
                .flat_map(|d| d.expectations.iter().map(|e| e.id.as_str()))
                .collect();
            if ids.is_empty() {
                continue;
            }
            lines.push(format!(
                "{dir} {} {} {} {}",
                level.source,
                role.id,
                level.id,
                ids.join(" ")
            ));
        }
    }
    lines.sort();
    lines
}

fn all_lines() -> String {
    let mut out = String::new();
    for dir in PINNED {
        for line in id_lines(dir, &import(dir)) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn ids_of_the_seed_and_every_fixture_ladder_are_pinned() {
    let pinned_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pinned_ids.txt");
    let now = all_lines();
    let pinned = std::fs::read_to_string(&pinned_path).expect("tests/pinned_ids.txt");
    let (pinned, now): (Vec<&str>, Vec<&str>) = (pinned.lines().collect(), now.lines().collect());
    let moved: Vec<&&str> = pinned.iter().filter(|l| !now.contains(l)).collect();
    assert!(
        moved.is_empty(),
        "ids moved (pinned line, no longer produced):\n{moved:#?}"
    );
    assert_eq!(pinned, now, "levels appeared or vanished");
}

mod added_files {
    //! Ids of one-level files never change when files of the other layouts are
    //! added beside them: guides, expectations for everyone, files of several
    //! levels, decimal levels and variants (a longer title of the same number).

    use proptest::prelude::*;
    use proptest::test_runner::FileFailurePersistence;
    use rungs::ladder::import::import_ladder;
    use rungs::ladder::Ladder;

    const TITLES: [&str; 3] = ["Data Engineer", "Product Designer", "Support Engineer"];
    const SENIORITY: [&str; 4] = ["", "Junior ", "Senior ", "Staff "];

    /// (track, role folder, level number, seniority) of a one-level file.
    fn base() -> impl Strategy<Value = Vec<(u8, u8, u8, u8)>> {
        prop::collection::vec((0u8..2, 0u8..3, 1u8..7, 0u8..4), 1..8)
    }

    /// (kind, track, role folder, level number, k) of an added file.
    fn extras() -> impl Strategy<Value = Vec<(u8, u8, u8, u8, u8)>> {
        prop::collection::vec((0u8..6, 0u8..2, 0u8..3, 1u8..7, 0u8..4), 0..8)
    }

    fn folder(t: u8, r: u8) -> String {
        format!("T{t}/R{r}")
    }

    fn level_file(t: u8, r: u8, n: u8, s: u8) -> (String, String) {
        let title = format!("{}{}", SENIORITY[s as usize], TITLES[r as usize]);
        let path = format!("{}/L{n}-{}.md", folder(t, r), title.replace(' ', "-"));
        let md = format!("# L{n}: {title}\n\n## Craft\n\n- I do the work of {title} L{n}.\n- I help others at L{n}.\n");
        (path, md)
    }

    fn extra_file(kind: u8, t: u8, r: u8, n: u8, k: u8) -> (String, String) {
        let title = TITLES[r as usize];
        match kind {
            0 => (
                format!("{}/How-It-Works-{k}.md", folder(t, r)),
                format!("# How it works {k}\n\nRead [the sheet](https://x.example/{k}).\n\n1. Rate yourself.\n2. Talk it over.\n"),
            ),
            1 => (
                if k.is_multiple_of(2) { "Everyone.md".to_owned() } else { format!("T{t}/Everyone.md") },
                "# Everyone\n\n## I am kind\n\n## I share what I learn\n".to_owned(),
            ),
            2 => (
                format!("T{t}/Family-{k}.md"),
                format!("# Family {k}\n\n## Associate Analyst\n\n### I learn {k}\n\n## Senior Analyst\n\n### I teach {k}\n"),
            ),
            3 => (
                format!("{}/L{n}.5-{}.md", folder(t, r), title.replace(' ', "-")),
                format!("# L{n}.5: {title}\n\n## Craft\n\n- I am half way at {n}.\n"),
            ),
            4 => (
                format!("{}/L{n}-{}-Mobile.md", folder(t, r), title.replace(' ', "-")),
                format!("# L{n}: {title}, Mobile\n\n## Craft\n\n- I build apps at {n}.\n"),
            ),
            _ => (
                format!("{}/Rating-Scale.md", folder(t, r)),
                "# Rating scale\n\n- **Performing**: you meet it.\n".to_owned(),
            ),
        }
    }

    /// (source, role id, level id, expectation ids) of every level from `sources`.
    fn ids(ladder: &Ladder, sources: &[String]) -> Vec<(String, String, String, Vec<String>)> {
        let mut out: Vec<_> = ladder
            .roles
            .iter()
            .flat_map(|r| r.levels.iter().map(move |l| (r, l)))
            .filter(|(_, l)| sources.contains(&l.source))
            .map(|(r, l)| {
                let expectations = l
                    .dimensions
                    .iter()
                    .flat_map(|d| d.expectations.iter().map(|e| e.id.clone()))
                    .collect();
                (l.source.clone(), r.id.clone(), l.id.clone(), expectations)
            })
            .collect();
        out.sort();
        out
    }

    fn import(files: &[(String, String)]) -> Ladder {
        import_ladder(files.iter().map(|(p, m)| (p.as_str(), m.as_bytes()))).ladder
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/ids.txt"))),
            ..ProptestConfig::default()
        })]

        #[test]
        fn ids_of_one_level_files_never_change_when_other_files_are_added(base in base(), extras in extras()) {
            let mut files: Vec<(String, String)> = Vec::new();
            let mut taken = std::collections::HashSet::new();
            for (t, r, n, s) in base {
                // One file per level number in a folder: two would be a variant or a track.
                if taken.insert((t, r, n)) {
                    files.push(level_file(t, r, n, s));
                }
            }
            let sources: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
            let before = ids(&import(&files), &sources);
            prop_assert_eq!(before.len(), sources.len());
            let mut all = files.clone();
            for (kind, t, r, n, k) in extras {
                let file = extra_file(kind, t, r, n, k);
                if !all.iter().any(|(p, _)| *p == file.0) {
                    all.push(file);
                }
            }
            let after = ids(&import(&all), &sources);
            prop_assert_eq!(before, after);
        }
    }
}
