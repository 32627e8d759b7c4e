//! Levels gathered into roles: a role per folder (or per file of several
//! levels), folders holding two tracks split in two, each role's levels
//! ordered and given ids.

use super::diagnostic::{Diagnostic, Problem};
use super::index::Index;
use super::label::order_key;
use super::tracks::{role_name, same_role_or_variant};
use super::Drafted;
use crate::ladder::id::slug;
use crate::ladder::model::{Level, Role};

/// Per level: whether it came from a role folder, and its file order.
type Meta = (bool, (String, usize));

/// A role being built: its levels with their file order.
struct Building {
    role: Role,
    /// Per level: whether it came from a role folder, and its file order.
    meta: Vec<Meta>,
}

/// Gather levels into roles (splitting folders that hold two tracks), order each
/// role's levels and give them ids; roles sorted by track, then name.
pub(crate) fn build_roles(levels: Vec<Drafted>, diagnostics: &mut Vec<Diagnostic>) -> Vec<Role> {
    let mut building: Vec<Building> = Vec::new();
    let mut index = Index::default();
    for drafted in levels {
        let id = role_id(&drafted.track, &drafted.role);
        let at = *index.entry(&id, building.len());
        if at == building.len() {
            building.push(Building {
                role: Role {
                    id,
                    track: drafted.track.clone(),
                    name: drafted.role.clone(),
                    levels: Vec::new(),
                },
                meta: Vec::new(),
            });
        }
        let b = &mut building[at];
        if b.role.name != drafted.role || b.role.track != drafted.track {
            let problem = Problem::RoleIdClash {
                name: format!("{} / {}", drafted.track, drafted.role),
                id: b.role.id.clone(),
                other: format!("{} / {}", b.role.track, b.role.name),
            };
            diagnostics.push(Diagnostic::new(&drafted.level.source, 1, problem));
        }
        b.role.levels.push(drafted.level);
        b.meta.push((drafted.folder, drafted.order));
    }
    let mut split: Vec<Building> = Vec::new();
    let mut split_index = Index::default();
    for b in building {
        for part in split_tracks(b, diagnostics) {
            let at = *split_index.entry(&part.role.id, split.len());
            if at == split.len() {
                split.push(part);
            } else {
                split[at].role.levels.extend(part.role.levels);
                split[at].meta.extend(part.meta);
            }
        }
    }
    let mut roles: Vec<Role> = split
        .into_iter()
        .map(|mut b| {
            order_levels(&mut b, diagnostics);
            b.role
        })
        .collect();
    // By track, then name (ignoring case), then id.
    let order = {
        let keys: Vec<_> = (roles.iter())
            .map(|r| (r.track.to_lowercase(), r.name.to_lowercase(), r.id.as_str()))
            .collect();
        crate::ladder::order::sorted(keys.len(), &|x, y| keys[x].cmp(&keys[y]))
    };
    crate::ladder::order::reorder(&mut roles, order);
    roles
}

/// The id of role (or page) `name` in track `track`: their slugs joined by `/`,
/// `engineering/backend`.
pub(crate) fn role_id(track: &str, name: &str) -> String {
    let mut id = slug(track);
    id.push('/');
    id.push_str(&slug(name));
    id
}

/// The sort key of a level: by number (decimals after the whole number),
/// unnumbered last in their file's order, then by title and path.
fn level_key<'a>(
    level: &'a Level,
    order: &'a (String, usize),
) -> (bool, (u32, u32), &'a str, usize, String, &'a str) {
    let number = level.number.map(|n| order_key(n, &level.label));
    let (file, index) = match number {
        Some(_) => ("", 0),
        None => (order.0.as_str(), order.1),
    };
    (
        number.is_none(),
        number.unwrap_or_default(),
        file,
        index,
        level.title.to_lowercase(),
        &level.source,
    )
}

/// The indices of `levels` in level order (see [`level_key`]); `meta` is theirs.
fn level_order(levels: &[Level], meta: &[Meta]) -> Vec<usize> {
    let keys: Vec<_> = (levels.iter().zip(meta))
        .map(|(level, (_, order))| level_key(level, order))
        .collect();
    crate::ladder::order::sorted(keys.len(), &|x, y| keys[x].cmp(&keys[y]))
}

/// A role folder with two levels of one number whose titles name different roles
/// (`Lead Support Engineer`, `Support Manager`) holds two tracks: the levels of
/// the other roles move to roles of their own, named from their titles. The
/// folder's role keeps its id (and the levels of the track that starts lowest).
fn split_tracks(mut b: Building, diagnostics: &mut Vec<Diagnostic>) -> Vec<Building> {
    if !b.meta.iter().any(|(folder, _)| *folder) {
        return vec![b];
    }
    let names: Vec<String> = b.role.levels.iter().map(|l| role_name(&l.title)).collect();
    // Levels by label (lower case), in label order: the labels held by more than one.
    let mut by_label: Vec<(String, Vec<usize>)> = Vec::new();
    let mut labels = Index::default();
    for (i, level) in b.role.levels.iter().enumerate() {
        if !level.label.is_empty() {
            let label = level.label.to_lowercase();
            let at = *labels.entry(&label, by_label.len());
            if at == by_label.len() {
                by_label.push((label, Vec::new()));
            }
            by_label[at].1.push(i);
        }
    }
    let mut clashes: Vec<(String, Vec<usize>)> =
        by_label.into_iter().filter(|(_, v)| v.len() > 1).collect();
    crate::ladder::order::sort_by(&mut clashes, |a, b| a.cmp(b));
    let mut track_names: Vec<String> = Vec::new();
    for (_, members) in &clashes {
        let distinct = members.iter().all(|&i| {
            !names[i].is_empty()
                && members
                    .iter()
                    .filter(|&&j| j != i)
                    .all(|&j| !same_role_or_variant(&names[i], &names[j]))
        });
        if distinct {
            for &i in members {
                if !track_names
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(&names[i]))
                {
                    track_names.push(names[i].clone());
                }
            }
        }
    }
    if track_names.len() < 2 {
        return vec![b];
    }
    // The track that starts lowest keeps the folder's role.
    let primary = level_order(&b.role.levels, &b.meta)
        .iter()
        .map(|&i| &names[i])
        .find(|n| track_names.iter().any(|t| t.eq_ignore_ascii_case(n)))
        .cloned()
        .unwrap_or_default();
    let folder = b.role.name.clone();
    let track = b.role.track.clone();
    let label = clashes
        .first()
        .and_then(|(_, m)| m.first())
        .map(|&i| b.role.levels[i].label.clone())
        .unwrap_or_default();
    let mut out: Vec<Building> = Vec::new();
    let levels = std::mem::take(&mut b.role.levels);
    let meta = std::mem::take(&mut b.meta);
    for ((level, meta), name) in levels.into_iter().zip(meta).zip(names) {
        let other = track_names
            .iter()
            .find(|t| t.eq_ignore_ascii_case(&name) && !t.eq_ignore_ascii_case(&primary));
        let Some(other) = other else {
            b.role.levels.push(level);
            b.meta.push(meta);
            continue;
        };
        let id = role_id(&track, other);
        let at = match out.iter().position(|o| o.role.id == id) {
            Some(at) => at,
            None => {
                diagnostics.push(Diagnostic::new(
                    &level.source,
                    1,
                    Problem::Tracks {
                        label: label.clone(),
                        folder: folder.clone(),
                        first: primary.clone(),
                        second: other.clone(),
                    },
                ));
                out.push(Building {
                    role: Role {
                        id,
                        track: track.clone(),
                        name: other.clone(),
                        levels: Vec::new(),
                    },
                    meta: Vec::new(),
                });
                out.len() - 1
            }
        };
        out[at].role.levels.push(level);
        out[at].meta.push(meta);
    }
    b.role.name = primary;
    out.insert(0, b);
    out
}

/// Sort a role's levels and give them unique ids. A second level with the
/// same label and another title is a variant: its id adds the words its title
/// has beyond the first's (`l3-mobile`), with a warning; the title with fewer
/// words keeps the plain id. The same label and
/// title twice is a duplicate: `-2`, with an error.
fn order_levels(b: &mut Building, diagnostics: &mut Vec<Diagnostic>) {
    let order = level_order(&b.role.levels, &b.meta);
    let role = &mut b.role;
    crate::ladder::order::reorder(&mut role.levels, order);
    // id → index of the level holding it.
    let mut taken = Index::default();
    let mut next_suffix = Index::default();
    // Ids go first to the titles that name the role in the fewest words (seniority
    // words set aside), so a level keeps its id when a variant with a longer title
    // (`..., Mobile`) is added beside it.
    let words: Vec<(usize, usize)> = (role.levels.iter())
        .map(|level| {
            (
                crate::ladder::words::words(&role_name(&level.title)).len(),
                crate::ladder::words::words(&level.title).len(),
            )
        })
        .collect();
    let priority = crate::ladder::order::sorted(words.len(), &|x, y| words[x].cmp(&words[y]));
    for i in priority {
        let level = &role.levels[i];
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
        if let Some(holder) = taken.get(&id) {
            let first = &role.levels[holder];
            if !level.label.is_empty() && !first.title.eq_ignore_ascii_case(&level.title) {
                let theirs = crate::ladder::words::words(&first.title);
                let extra: Vec<String> = crate::ladder::words::words(&level.title)
                    .into_iter()
                    .filter(|w| !theirs.contains(w))
                    .collect();
                let words = if extra.is_empty() {
                    slug(&level.title)
                } else {
                    slug(&extra.join(" "))
                };
                let candidate = format!("{base}-{words}");
                if !words.is_empty() && !taken.contains(&candidate) {
                    diagnostics.push(Diagnostic::new(
                        &level.source,
                        1,
                        Problem::Variant {
                            level: level.heading(),
                            other: first.heading(),
                            id: candidate.clone(),
                        },
                    ));
                    taken.insert(&candidate, i);
                    role.levels[i].id = candidate;
                    continue;
                }
            }
            // Continue from the last suffix given to this base: linear, however many clash.
            let n = next_suffix.entry(&base, 2);
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                *n += 1;
            }
            let problem = Problem::DuplicateLevel {
                id: base.clone(),
                role: role.id.clone(),
                first: taken
                    .get(&base)
                    .map(|at| role.levels[at].source.clone())
                    .unwrap_or_default(),
                renamed: id.clone(),
            };
            diagnostics.push(Diagnostic::new(&level.source, 1, problem));
        }
        taken.insert(&id, i);
        role.levels[i].id = id;
    }
}
