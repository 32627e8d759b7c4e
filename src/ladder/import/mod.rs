//! A folder of ladder files to one [`Ladder`], with located diagnostics.
//!
//! Each file is read as one of the layouts in `layout.rs`: one level, several
//! levels (`# Role family`, `## Level` sections), expectations for everyone, or
//! a guide (a page with no expectations). Levels are then gathered into roles
//! by folder (or by the `#` title of a file of several levels); a role folder
//! with two levels of one number is split into tracks or given a variant (see
//! `tracks.rs`), and each role's levels are ordered and given ids.

pub mod diagnostic;
pub mod explain;
pub mod limits;
pub mod paths;
pub mod tracks;

mod blocks;
mod bullets;
mod content;
mod conventions;
mod encoding;
mod html_tags;
mod index;
pub(crate) mod inline;
mod label;
mod layout;
mod level;
mod roles;

use crate::ladder::id::{content_hash, slug};
use crate::ladder::model::{Everyone, Guide, Ladder, Level};
use blocks::{parse_blocks, Kind, MarkdownBlock};
use diagnostic::{Diagnostic, Problem};
use encoding::decode;
use index::Index;
use label::{split_label, LevelLabel};
use layout::{
    front_matter, guide_blocks, is_everyone, is_rating_scale, level_sections, substantive,
};
use level::{read_level, Draft};
use paths::{display_name, place, Place, GENERAL};
use roles::{build_roles, role_id};

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

/// A level read from a file, before it has a role and an id.
pub(crate) struct Drafted {
    pub level: Level,
    pub track: String,
    /// The role family's display name.
    pub role: String,
    /// Whether the role is the file's folder (such a role may be split into tracks).
    pub folder: bool,
    /// Unnumbered levels keep their file's order: the file's first level title
    /// (lower case) and the level's index in the file.
    pub order: (String, usize),
}

/// Everything read from the files so far.
#[derive(Default)]
struct Reading {
    levels: Vec<Drafted>,
    guides: Vec<Guide>,
    /// Guides' role ids as their folders give them: checked once the roles are known.
    guide_roles: Vec<Option<String>>,
    everyone: Vec<Everyone>,
    diagnostics: Vec<Diagnostic>,
}

/// Import every ladder file among `files`: `(path, bytes)` pairs whose paths
/// are relative to the ladder folder, with `/` separators. Files that are not
/// ladder files (README, LICENSE, hidden, binary, other extensions) are skipped.
/// Never panics, whatever the bytes.
pub fn import_ladder<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Import {
    let mut placed: Vec<(&str, &[u8], Place)> = files
        .into_iter()
        .filter_map(|(path, bytes)| place(path, bytes).map(|p| (path, bytes, p)))
        .collect();
    crate::ladder::order::sort_by(&mut placed, |a, b| a.0.cmp(b.0));
    let hashed: Vec<(&str, &[u8])> = placed
        .iter()
        .map(|(path, bytes, _)| (*path, *bytes))
        .collect();
    let version = content_hash(&hashed);

    let mut reading = Reading::default();
    for (path, bytes, place) in placed {
        read_file(path, bytes, &place, &mut reading);
    }
    let Reading {
        levels,
        mut guides,
        guide_roles,
        mut everyone,
        mut diagnostics,
    } = reading;
    let roles = build_roles(levels, &mut diagnostics);
    for (guide, role) in guides.iter_mut().zip(guide_roles) {
        if let Some(role) = role.and_then(|id| roles.iter().find(|r| r.id == id)) {
            guide.role = Some(role.id.clone());
            guide.track = role.track.clone();
        }
    }
    unique_ids(&mut guides.iter_mut().map(|g| &mut g.id));
    unique_ids(&mut everyone.iter_mut().map(|e| &mut e.id));
    crate::ladder::order::sort_by(&mut diagnostics, |a, b| {
        (&a.path, a.line).cmp(&(&b.path, b.line))
    });
    Import {
        ladder: Ladder {
            version,
            roles,
            guides,
            everyone,
        },
        diagnostics,
    }
}

/// `-2`, `-3`, ... after ids already taken, in order.
fn unique_ids(ids: &mut dyn Iterator<Item = &mut String>) {
    let mut taken = Index::default();
    let mut next = Index::default();
    for id in ids {
        let base = id.clone();
        if taken.contains(id) {
            // Continue from the last suffix given to this base: linear, however many clash.
            let n = next.entry(&base, 2);
            while taken.contains(id) {
                *id = format!("{base}-{n}");
                *n += 1;
            }
        }
        taken.insert(id, 0);
    }
}

/// The display name of the first folder of `path`, when it has one.
fn first_folder(path: &str) -> Option<String> {
    let mut segments = path.split('/').filter(|s| !s.is_empty() && *s != ".");
    let first = segments.next()?;
    segments.next().map(|_| display_name(first))
}

/// Read one file into `reading`: a level, several levels, expectations for
/// everyone or a guide.
fn read_file(path: &str, bytes: &[u8], place: &Place, reading: &mut Reading) {
    let diagnostics = &mut reading.diagnostics;
    let decoded = decode(bytes);
    for (line, problem) in decoded.problems {
        diagnostics.push(Diagnostic::new(path, line, problem));
    }
    if decoded.text.trim().is_empty() {
        diagnostics.push(Diagnostic::new(path, 1, Problem::EmptyFile));
        return;
    }
    let front = front_matter(&decoded.text);
    let parsed = parse_blocks(&decoded.text, 1);
    for (line, what) in parsed.images {
        diagnostics.push(Diagnostic::new(path, line, Problem::Ignored { what }));
    }
    let (file_label, file_title) = split_label(&place.stem);
    let file_title = display_name(&file_title);
    let heading = parsed.blocks.iter().find_map(|b| match &b.kind {
        Kind::Heading { text, .. } => Some(text.to_plain()),
        _ => None,
    });
    let names = [place.stem.as_str(), heading.as_deref().unwrap_or_default()];
    let keyed = front
        .iter()
        .any(|(k, _)| k == "everyone" || k == "rating_scale");
    let mut report = |line: usize, problem: Problem| {
        let front_matter_read =
            keyed && matches!(&problem, Problem::Ignored { what } if what == "front matter");
        if !front_matter_read {
            reading
                .diagnostics
                .push(Diagnostic::new(path, line, problem));
        }
    };
    if is_everyone(&front, &names) {
        let draft = read_level(parsed.blocks, &file_title);
        let mut level = level_of(path, draft, file_label, file_title, false, &mut report);
        level.id = "everyone".to_owned();
        let track = first_folder(path);
        let id = match &track {
            Some(track) => format!("{}/everyone", slug(track)),
            None => "everyone".to_owned(),
        };
        reading.everyone.push(Everyone { id, track, level });
        return;
    }
    if let Some(sections) = level_sections(&parsed.blocks, &place.stem) {
        return read_levels(path, parsed.blocks, sections, place, &front, reading);
    }
    let draft = read_level(parsed.blocks, &file_title);
    // No level number and no real dimension: its bullets are steps or links, not
    // expectations.
    let unnumbered = file_label.is_none()
        && draft
            .heading
            .as_ref()
            .is_none_or(|(label, _)| label.is_none());
    // Its only dimension is bullets before any heading, or its one heading
    // (no title: `# How reviews work` over a numbered list of steps).
    let only_guessed = draft.dimensions.len() == 1
        && (draft.heading.is_none()
            || draft
                .problems
                .iter()
                .any(|(_, p)| matches!(p, Problem::OutsideDimension)));
    if draft.expectation_count() == 0 || (unnumbered && only_guessed) {
        // A page that is not a level: read again for its text, all of it.
        report(1, Problem::Guide);
        let blocks = parse_blocks(&decoded.text, 1).blocks;
        let title = heading.clone().unwrap_or_else(|| file_title.clone());
        let skip = blocks
            .iter()
            .position(|b| matches!(b.kind, Kind::Heading { .. }))
            .filter(|&i| !blocks[..i].iter().any(substantive));
        let title = if skip.is_some() {
            title
        } else {
            file_title.clone()
        };
        let title = if title.is_empty() {
            display_name(&place.stem)
        } else {
            title
        };
        push_guide(
            reading,
            path,
            place,
            &front,
            title,
            guide_blocks(blocks, skip),
        );
        return;
    }
    let level = level_of(path, draft, file_label, file_title, true, &mut report);
    let role = match &place.role {
        Some(name) if !name.is_empty() => name.clone(),
        _ if !level.title.is_empty() => level.title.clone(),
        _ => GENERAL.to_owned(),
    };
    let order = (level.title.to_lowercase(), 0);
    reading.levels.push(Drafted {
        level,
        track: place.track.clone(),
        role,
        folder: place.role.is_some(),
        order,
    });
}

/// A guide page: listed with its track (and its role, when the file sits in a
/// role's folder).
fn push_guide(
    reading: &mut Reading,
    path: &str,
    place: &Place,
    front: &[(String, String)],
    title: String,
    blocks: Vec<crate::ladder::model::Block>,
) {
    let track = first_folder(path).unwrap_or_else(|| GENERAL.to_owned());
    let role = place.role.as_ref().map(|r| role_id(&place.track, r));
    let rating_scale = is_rating_scale(front, &[&title, &place.stem]);
    let stem_slug = slug(&place.stem);
    let file = if stem_slug.is_empty() {
        slug(&title)
    } else {
        stem_slug
    };
    reading.guides.push(Guide {
        id: format!("{}/{}", slug(&track), file),
        track,
        role: None,
        title,
        blocks,
        source: path.to_owned(),
        rating_scale,
    });
    reading.guide_roles.push(role);
}

/// A file of several levels: each section a level of the role family named by
/// the `#` title; text before the first section a guide about the role family.
fn read_levels(
    path: &str,
    blocks: Vec<MarkdownBlock>,
    sections: layout::Sections,
    place: &Place,
    front: &[(String, String)],
    reading: &mut Reading,
) {
    let mut title = String::new();
    let mut intro = Vec::new();
    let mut parts: Vec<Vec<MarkdownBlock>> = sections.levels.iter().map(|_| Vec::new()).collect();
    let mut section = 0;
    for (i, block) in blocks.into_iter().enumerate() {
        if i == sections.title {
            if let Kind::Heading { text, .. } = &block.kind {
                title = text.to_plain();
            }
        } else if sections.intro.contains(&i) {
            intro.push(block);
        } else {
            // Sections are in order: move on to the one holding `i`.
            while section + 1 < sections.levels.len() && sections.levels[section].end <= i {
                section += 1;
            }
            if sections.levels[section].contains(&i) {
                parts[section].push(block);
            }
        }
    }
    let role = if title.trim().is_empty() {
        display_name(&place.stem)
    } else {
        title.trim().to_owned()
    };
    // The file is the role family: its first folder, if any, is the track.
    let track = first_folder(path).unwrap_or_else(|| GENERAL.to_owned());
    if intro.iter().any(substantive) {
        let blocks = guide_blocks(intro, None);
        push_guide(reading, path, place, front, role.clone(), blocks);
        if let Some(guide) = reading.guides.last_mut() {
            guide.rating_scale = false;
        }
        if let Some(last) = reading.guide_roles.last_mut() {
            *last = Some(role_id(&track, &role));
        }
    }
    let mut first_title: Option<String> = None;
    for (index, part) in parts.into_iter().enumerate() {
        let section_title = part
            .first()
            .and_then(|b| match &b.kind {
                Kind::Heading { text, .. } => Some(text.to_plain()),
                _ => None,
            })
            .unwrap_or_default();
        let line = part.first().map_or(1, |b| b.line);
        let (label, plain_title) = split_label(&section_title);
        let draft = read_level(part, &plain_title);
        if draft.expectation_count() == 0 {
            reading
                .diagnostics
                .push(Diagnostic::new(path, line, Problem::Guide));
            let blocks = draft_text(&draft);
            push_guide(reading, path, place, front, section_title.clone(), blocks);
            if let Some(guide) = reading.guides.last_mut() {
                guide.id = role_id(&guide.track, &section_title);
            }
            continue;
        }
        let diagnostics = &mut reading.diagnostics;
        let mut report = |line: usize, problem: Problem| {
            diagnostics.push(Diagnostic::new(path, line, problem));
        };
        let level = level_of(path, draft, label, String::new(), false, &mut report);
        let file_order = first_title
            .get_or_insert_with(|| level.title.to_lowercase())
            .clone();
        reading.levels.push(Drafted {
            level,
            track: track.clone(),
            role: role.clone(),
            folder: false,
            order: (file_order, index),
        });
    }
}

/// A section with no expectations, as guide text: its summary paragraphs and
/// attributes (dimension headings with nothing under them are its headings).
fn draft_text(draft: &Draft) -> Vec<crate::ladder::model::Block> {
    use crate::ladder::model::Block as G;
    let mut out = Vec::new();
    if !draft.summary.is_empty() {
        out.push(G::Paragraph(draft.summary.clone()));
    }
    for a in &draft.attributes {
        let mut text = crate::ladder::model::Text::plain(format!("{}: ", a.name));
        text.0.extend(a.value.0.iter().cloned());
        out.push(G::Bullet(text));
    }
    for d in &draft.dimensions {
        out.push(G::Heading(crate::ladder::model::Text::plain(
            d.name.clone(),
        )));
        out.extend(d.examples.iter().cloned().map(G::Bullet));
    }
    out
}

/// The level a draft reads as. `file_label` and `file_title` come from the file
/// name (for a file of one level); `one_level`: warn when it has no number.
fn level_of(
    path: &str,
    draft: Draft,
    file_label: Option<LevelLabel>,
    file_title: String,
    one_level: bool,
    report: &mut dyn FnMut(usize, Problem),
) -> Level {
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
    if title.is_empty() && one_level {
        report(title_line, Problem::MissingTitle);
    }
    if label.is_none() && one_level {
        report(title_line, Problem::MissingLevelNumber);
    }
    let (number, label) = match label {
        Some(l) => (Some(l.number), l.label),
        None => (None, String::new()),
    };
    Level {
        id: String::new(),
        number,
        label,
        title,
        summary: draft.summary,
        attributes: draft.attributes,
        dimensions: draft.dimensions,
        source: path.to_owned(),
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
