//! How each file of a ladder was read, for `ladder check --explain`: the role,
//! the levels, and each level's dimension, expectation and example counts, so a
//! maintainer sees the importer's reading at a glance.

use std::fmt::Write as _;

use super::paths::skipped_by_name;
use super::Import;
use crate::ladder::model::{Level, Role};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `2 dimensions, 5 expectations, 3 examples`.
fn counts(level: &Level) -> String {
    let examples: usize = level
        .dimensions
        .iter()
        .map(|d| {
            d.examples.len()
                + d.expectations
                    .iter()
                    .map(|e| e.examples.len())
                    .sum::<usize>()
        })
        .sum();
    format!(
        "{}, {}, {}",
        plural(level.dimensions.len(), "dimension", "dimensions"),
        plural(level.expectation_count(), "expectation", "expectations"),
        plural(examples, "example", "examples")
    )
}

fn level_line(level: &Level) -> String {
    format!("{} (id `{}`): {}", level.heading(), level.id, counts(level))
}

/// One paragraph per file of `paths` (the files given to the import, in order):
/// what the importer made of it.
pub fn explain(import: &Import, paths: &[&str]) -> String {
    let ladder = &import.ladder;
    let mut out = String::new();
    let mut sorted: Vec<&str> = paths.to_vec();
    sorted.sort_unstable();
    for path in sorted {
        let levels: Vec<(&Role, &Level)> = ladder
            .roles
            .iter()
            .flat_map(|r| r.levels.iter().map(move |l| (r, l)))
            .filter(|(_, l)| l.source == path)
            .collect();
        let guides: Vec<_> = ladder.guides.iter().filter(|g| g.source == path).collect();
        let everyone = ladder.everyone.iter().find(|e| e.level.source == path);
        let _ = write!(out, "{path}: ");
        if let Some(skip) = skipped_by_name(path) {
            let _ = writeln!(out, "{skip}");
            continue;
        }
        if let Some(e) = everyone {
            let applies = match &e.track {
                Some(track) => format!("track {track}"),
                None => "every track".to_owned(),
            };
            let _ = writeln!(
                out,
                "expectations for everyone in {applies} (id `{}`): {}",
                e.id,
                counts(&e.level)
            );
            continue;
        }
        match levels.as_slice() {
            [] => {}
            [(role, level)] => {
                let _ = writeln!(
                    out,
                    "one level of {} / {} (role `{}`): {}",
                    role.track,
                    role.name,
                    role.id,
                    level_line(level)
                );
            }
            [(role, _), ..] => {
                let _ = writeln!(
                    out,
                    "{} of {} / {} (role `{}`), in file order:",
                    plural(levels.len(), "level", "levels"),
                    role.track,
                    role.name,
                    role.id
                );
                for (_, level) in &levels {
                    let _ = writeln!(out, "  - {}", level_line(level));
                }
            }
        }
        for guide in &guides {
            let prefix = if levels.is_empty() { "" } else { "  - " };
            let scale = if guide.rating_scale {
                ", explains the rating scale"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{prefix}guide page \"{}\" listed with {} (id `{}`{scale}): {}",
                guide.title,
                guide.track,
                guide.id,
                plural(guide.blocks.len(), "block", "blocks")
            );
        }
        if levels.is_empty() && guides.is_empty() {
            let problems = import.diagnostics.iter().filter(|d| d.path == path).count();
            let _ = writeln!(
                out,
                "not read ({})",
                if problems > 0 {
                    "see its problems"
                } else {
                    "binary or not a ladder file"
                }
            );
        }
    }
    out
}
