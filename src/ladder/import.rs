//! A folder of level files to one [`Ladder`], with located diagnostics.

use std::collections::HashMap;

use super::blocks::parse_blocks;
use super::decode::decode;
use super::diagnostic::{Diagnostic, Problem};
use super::id::{content_hash, slug};
use super::label::split_label;
use super::level::read_level;
use super::model::{Ladder, Level, Role};
use super::paths::{display_name, place, Place, GENERAL};

/// The imported ladder and everything worth telling its authors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    pub ladder: Ladder,
    /// Sorted by path, then line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Import {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Import every level file among `files`: `(path, bytes)` pairs whose paths
/// are relative to the ladder folder, with `/` separators. Files that are not
/// levels (README, LICENSE, hidden, binary, other extensions) are skipped.
/// Never panics, whatever the bytes.
pub fn import_ladder<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Import {
    let mut levels: Vec<(&str, &[u8], Place)> = files
        .into_iter()
        .filter_map(|(path, bytes)| place(path, bytes).map(|p| (path, bytes, p)))
        .collect();
    levels.sort_by(|a, b| a.0.cmp(b.0));
    let hashed: Vec<(&str, &[u8])> = levels
        .iter()
        .map(|(path, bytes, _)| (*path, *bytes))
        .collect();
    let version = content_hash(&hashed);

    let mut diagnostics = Vec::new();
    let mut roles: Vec<Role> = Vec::new();
    let mut role_index: HashMap<String, usize> = HashMap::new();
    for (path, bytes, place) in levels {
        let Some(level) = import_level(path, bytes, &place, &mut diagnostics) else {
            continue;
        };
        let name = match place.role {
            Some(name) if !name.is_empty() => name,
            _ if !level.title.is_empty() => level.title.clone(),
            _ => GENERAL.to_owned(),
        };
        let track = if place.track.is_empty() {
            GENERAL.to_owned()
        } else {
            place.track
        };
        let id = format!("{}/{}", slug(&track), slug(&name));
        let index = *role_index.entry(id.clone()).or_insert_with(|| {
            roles.push(Role {
                id: id.clone(),
                track: track.clone(),
                name: name.clone(),
                levels: Vec::new(),
            });
            roles.len() - 1
        });
        let role = &mut roles[index];
        if role.name != name || role.track != track {
            let other = format!("{} / {}", role.track, role.name);
            let problem = Problem::RoleIdClash {
                name: format!("{track} / {name}"),
                id,
                other,
            };
            diagnostics.push(Diagnostic::new(path, 1, problem));
        }
        role.levels.push(level);
    }
    for role in &mut roles {
        order_levels(role, &mut diagnostics);
    }
    roles.sort_by(|a, b| {
        (a.track.to_lowercase(), a.name.to_lowercase(), &a.id).cmp(&(
            b.track.to_lowercase(),
            b.name.to_lowercase(),
            &b.id,
        ))
    });
    diagnostics.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    Import {
        ladder: Ladder { version, roles },
        diagnostics,
    }
}

/// One level file; `None` when it holds nothing (an error is recorded).
fn import_level(
    path: &str,
    bytes: &[u8],
    place: &Place,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Level> {
    let mut report =
        |line: usize, problem: Problem| diagnostics.push(Diagnostic::new(path, line, problem));
    let decoded = decode(bytes);
    for (line, problem) in decoded.problems {
        report(line, problem);
    }
    if decoded.text.trim().is_empty() {
        report(1, Problem::EmptyFile);
        return None;
    }
    let parsed = parse_blocks(&decoded.text, 1);
    for (line, what) in parsed.images {
        report(line, Problem::Ignored { what });
    }
    let (file_label, file_title) = split_label(&place.stem);
    let file_title = display_name(&file_title);
    let draft = read_level(parsed.blocks, &file_title);
    for (line, problem) in draft.problems {
        report(line, problem);
    }
    let title_line = draft.title_line;
    let (heading_label, heading_title) = match draft.heading {
        Some((label, title)) => (label, Some(title)),
        None => (None, None),
    };
    let label = match (heading_label, file_label) {
        (Some(heading), Some(file)) => {
            if heading.number != file.number {
                report(
                    title_line,
                    Problem::LevelNumberMismatch {
                        heading: heading.label.clone(),
                        file: file.label,
                    },
                );
            }
            Some(heading)
        }
        (heading, file) => heading.or(file),
    };
    let title = match heading_title {
        Some(title) if !title.is_empty() => title,
        Some(_) => file_title,
        None => {
            if !file_title.is_empty() {
                report(1, Problem::MissingTitleHeading);
            }
            file_title
        }
    };
    if title.is_empty() {
        report(title_line, Problem::MissingTitle);
    }
    if label.is_none() {
        report(title_line, Problem::MissingLevelNumber);
    }
    if draft.dimensions.is_empty() {
        report(1, Problem::NoExpectations);
    }
    let (number, label) = match label {
        Some(l) => (Some(l.number), l.label),
        None => (None, String::new()),
    };
    Some(Level {
        id: String::new(),
        number,
        label,
        title,
        summary: draft.summary,
        attributes: draft.attributes,
        dimensions: draft.dimensions,
        source: path.to_owned(),
    })
}

/// Sort a role's levels by number (unnumbered last) and give them unique ids.
fn order_levels(role: &mut Role, diagnostics: &mut Vec<Diagnostic>) {
    role.levels.sort_by(|a, b| {
        (
            a.number.is_none(),
            a.number,
            a.title.to_lowercase(),
            &a.source,
        )
            .cmp(&(
                b.number.is_none(),
                b.number,
                b.title.to_lowercase(),
                &b.source,
            ))
    });
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    for level in &mut role.levels {
        let mut base = slug(&level.label);
        if base.is_empty() {
            base = slug(&level.title);
        }
        if base.is_empty() {
            let stem = level.source.rsplit('/').next().unwrap_or_default();
            base = slug(stem.split('.').next().unwrap_or_default());
        }
        if base.is_empty() {
            base = "level".to_owned();
        }
        let mut id = base.clone();
        if taken.contains_key(&id) {
            // Continue from the last suffix given to this base: linear, however many clash.
            let n = next_suffix.entry(base.clone()).or_insert(2);
            while taken.contains_key(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
        }
        if id != base {
            let problem = Problem::DuplicateLevel {
                id: base.clone(),
                role: role.id.clone(),
                first: taken[&base].clone(),
                renamed: id.clone(),
            };
            diagnostics.push(Diagnostic::new(&level.source, 1, problem));
        }
        taken.insert(id.clone(), level.source.clone());
        level.id = id;
    }
}

/// Read every file under `dir` as `(relative path, bytes)`, sorted by path,
/// with `/` separators. Hidden files and folders are not read.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_dir(dir: &std::path::Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new(), 0usize)];
    while let Some((path, prefix, depth)) = pending.pop() {
        for entry in std::fs::read_dir(&path)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let relative = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            let meta = std::fs::metadata(entry.path())?;
            if meta.is_dir() {
                // Symlinked folders could loop; ladders are never this deep.
                if depth < 32 {
                    pending.push((entry.path(), relative, depth + 1));
                }
            } else if meta.is_file() {
                out.push((relative, std::fs::read(entry.path())?));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}
