//! A ladder as text for the browser's storage, and back: what the in-browser importer
//! (the import module, `ui::importer`) keeps, the form in which the app ships the
//! ladder embedded at build time (`build.rs` writes it, split by the page with
//! [`split_stored`]: an index and a file per level and guide page), and what the app and its on-demand modules read back with a few lines of code
//! instead of a markdown parser ([`read_stored`], or [`read_stored_levels`] without the
//! guide pages; the import page lists the roles alone with [`stored_roles`]). It keeps
//! every part of the model: `build.rs` stops when the embedded ladder would read back
//! as another.
//!
//! The first line is `rungs-ladder 1`. Then one line per item, its kind, a tab, and
//! its fields separated by tabs:
//!
//! | kind | fields | what |
//! |------|--------|------|
//! | `V`  | version | the ladder's content hash |
//! | `R`  | id, track, name | a role; the levels that follow are its own |
//! | `L`  | id, number (empty for none), label, title, source path | a level |
//! | `S`  | text | the level's summary |
//! | `A`  | name, text | an attribute of the level |
//! | `D`  | emoji (empty for none), name | a dimension of the level |
//! | `E`  | id, text | an expectation of the dimension |
//! | `X`  | text | an example of the dimension |
//! | `T`  | text | a detail paragraph of the expectation before |
//! | `Y`  | text | an example of the expectation before |
//! | `W`  | id, track (empty for every track) | expectations for everyone; the `L` line and the lines after it up to the next `R`, `W` or `G` are its level |
//! | `G`  | id, track, role id (empty for none), title, source path, `1` when it explains the rating scale | a guide page |
//! | `h`, `p`, `b` | text | a heading, paragraph or bullet of the guide before |
//! | `F`  | file name | in an index ([`split_stored`]): the lines of the level or guide before, in that file |
//!
//! Fields escape `\` as `\\`, tab as `\t`, newline as `\n`, carriage return as `\r`,
//! the unit separator (U+001F) as `\u` and the record separator (U+001E) as `\l`.
//! Rich text is its spans joined by U+001F, each a style digit (1 emphasis + 2 strong +
//! 4 code + 8 link) and the span's text; a link span carries its target, then U+001E,
//! then its text. Reading skips what it does not know, so a newer writer's extra kinds
//! are ignored.

use crate::ladder::model::{
    Attribute, Block, Dimension, Everyone, Expectation, Guide, Ladder, Level, Role, Span, Style,
    Text,
};

const HEADER: &str = "rungs-ladder 1";
const SPANS: char = '\u{1f}';
const LINK: char = '\u{1e}';

/// Where the level lines being read belong.
enum Target {
    Roles,
    Everyone,
    Guide,
}

/// `ladder` as stored text.
pub fn write_stored(ladder: &Ladder) -> String {
    let mut out = format!("{HEADER}\n");
    line(&mut out, 'V', &[&ladder.version], None);
    for role in &ladder.roles {
        line(&mut out, 'R', &[&role.id, &role.track, &role.name], None);
        for level in &role.levels {
            write_level(&mut out, level);
        }
    }
    for e in &ladder.everyone {
        let track = e.track.as_deref().unwrap_or_default();
        line(&mut out, 'W', &[&e.id, track], None);
        write_level(&mut out, &e.level);
    }
    for g in &ladder.guides {
        let role = g.role.as_deref().unwrap_or_default();
        let rating_scale = if g.rating_scale { "1" } else { "0" };
        let fields: [&str; 6] = [&g.id, &g.track, role, &g.title, &g.source, rating_scale];
        line(&mut out, 'G', &fields, None);
        for b in &g.blocks {
            let (kind, text) = match b {
                Block::Heading(t) => ('h', t),
                Block::Paragraph(t) => ('p', t),
                Block::Bullet(t) => ('b', t),
            };
            line(&mut out, kind, &[], Some(text));
        }
    }
    out
}

fn write_level(out: &mut String, level: &Level) {
    let number = level.number.map(|n| n.to_string()).unwrap_or_default();
    let fields: [&str; 5] = [
        &level.id,
        &number,
        &level.label,
        &level.title,
        &level.source,
    ];
    line(out, 'L', &fields, None);
    line(out, 'S', &[], Some(&level.summary));
    for a in &level.attributes {
        line(out, 'A', &[&a.name], Some(&a.value));
    }
    for d in &level.dimensions {
        let emoji = d.emoji.as_deref().unwrap_or_default();
        line(out, 'D', &[emoji, &d.name], None);
        for x in &d.expectations {
            line(out, 'E', &[&x.id], Some(&x.text));
            for t in &x.details {
                line(out, 'T', &[], Some(t));
            }
            for t in &x.examples {
                line(out, 'Y', &[], Some(t));
            }
        }
        for x in &d.examples {
            line(out, 'X', &[], Some(x));
        }
    }
}

/// The ladder in `text` written by [`write_stored`]; `None` when it is not that format.
pub fn read_stored(text: &str) -> Option<Ladder> {
    read(text, true)
}

/// [`read_stored`] without the guide pages: for the on-demand modules that show
/// none, whose wasm each holds a reader (0.3 KB gzipped less without the pages').
pub fn read_stored_levels(text: &str) -> Option<Ladder> {
    read(text, false)
}

/// [`read_stored`], with or without the guide pages.
fn read(text: &str, guides: bool) -> Option<Ladder> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut ladder = Ladder::default();
    let mut target = Target::Roles;
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        let raw = |i: usize| f.get(i).copied().unwrap_or_default();
        let get = |i: usize| unesc(raw(i));
        match raw(0) {
            "V" => ladder.version = get(1),
            "R" => {
                target = Target::Roles;
                ladder.roles.push(Role {
                    id: get(1),
                    track: get(2),
                    name: get(3),
                    levels: Vec::new(),
                });
            }
            "W" => {
                target = Target::Everyone;
                ladder.everyone.push(Everyone {
                    id: get(1),
                    track: Some(get(2)).filter(|t| !t.is_empty()),
                    level: Level::default(),
                });
            }
            "G" if guides => {
                target = Target::Guide;
                ladder.guides.push(Guide {
                    id: get(1),
                    track: get(2),
                    role: Some(get(3)).filter(|r| !r.is_empty()),
                    title: get(4),
                    source: get(5),
                    rating_scale: raw(6) == "1",
                    blocks: Vec::new(),
                });
            }
            "G" => target = Target::Guide,
            kind @ ("h" | "p" | "b") if guides => {
                if let (Target::Guide, Some(g)) = (&target, ladder.guides.last_mut()) {
                    let text = spans(raw(1));
                    g.blocks.push(match kind {
                        "h" => Block::Heading(text),
                        "p" => Block::Paragraph(text),
                        _ => Block::Bullet(text),
                    });
                }
            }
            "L" => {
                let level = Level {
                    id: get(1),
                    number: raw(2).parse().ok(),
                    label: get(3),
                    title: get(4),
                    source: get(5),
                    ..Level::default()
                };
                match target {
                    Target::Roles => {
                        if let Some(role) = ladder.roles.last_mut() {
                            role.levels.push(level);
                        }
                    }
                    Target::Everyone => {
                        if let Some(e) = ladder.everyone.last_mut() {
                            e.level = level;
                        }
                    }
                    Target::Guide => {}
                }
            }
            kind => {
                let level = match target {
                    Target::Roles => ladder.roles.last_mut().and_then(|r| r.levels.last_mut()),
                    Target::Everyone => ladder.everyone.last_mut().map(|e| &mut e.level),
                    Target::Guide => None,
                };
                if let Some(level) = level {
                    read_level_line(level, kind, &f);
                }
            }
        }
    }
    Some(ladder)
}

/// `stored`, as [`write_stored`] wrote it, split for the web by the page: an index,
/// and the files it names, each `(name, text)`. In the index, each level of a role and
/// each guide page keeps its own line (`L` or `G`) and, in place of the lines of its
/// content, one `F` line that names the file holding them; everything else (the
/// roles, the pages of expectations for everyone) stays. A file's name is a hash of
/// its text, so a cache may keep it for good.
///
/// Putting a file back replaces its line `F\t<name>\n` with its text
/// (`public/lazy.js` does so as the page loads them); with every file back, the index
/// is `stored` again. A level not yet back reads as a level with no content.
pub fn split_stored(stored: &str) -> (String, Vec<(String, String)>) {
    let mut index = String::new();
    let mut files = Vec::new();
    // The lines of the level or guide page being gathered into a file.
    let mut part = String::new();
    let (mut in_role, mut gather) = (false, false);
    for line in stored.split_inclusive('\n') {
        let kind = line.split('\t').next().unwrap_or_default();
        if matches!(kind, "R" | "W" | "G" | "L") {
            to_file(std::mem::take(&mut part), &mut index, &mut files);
            in_role = kind == "R" || (kind == "L" && in_role);
            gather = kind == "G" || (kind == "L" && in_role);
            index.push_str(line);
        } else if gather {
            part.push_str(line);
        } else {
            index.push_str(line);
        }
    }
    to_file(part, &mut index, &mut files);
    (index, files)
}

/// Moves `text`, the content of the level or guide page whose line ends `index`, to a
/// file of `files` named by its hash, and names it in an `F` line; nothing when empty.
fn to_file(text: String, index: &mut String, files: &mut Vec<(String, String)>) {
    if !text.is_empty() {
        let hash = crate::fnv::hash64(text.as_bytes());
        let name = format!("{}.txt", crate::hex::leading(hash, 16));
        index.push_str(&format!("F\t{name}\n"));
        files.push((name, text));
    }
}

/// A role of a stored ladder as the import page lists it: no level content read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRole {
    /// The role's id.
    pub id: String,
    /// The role's track.
    pub track: String,
    /// The role's name.
    pub name: String,
    /// The id of the role's first level, when it has one.
    pub first_level: Option<String>,
    /// How many levels the role has.
    pub levels: usize,
}

/// The roles of the ladder in `text` written by [`write_stored`], as [`read_stored`]
/// would read them but skipping every level's content (the import page lists only
/// the roles, and the whole reader was 4 KB more wasm there); `None` when `text` is
/// not that format.
pub fn stored_roles(text: &str) -> Option<Vec<StoredRole>> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut roles: Vec<StoredRole> = Vec::new();
    // Level lines after a `W` or `G` line are not a role's.
    let mut in_role = false;
    for l in lines {
        let mut f = l.split('\t');
        let kind = f.next();
        let mut get = || unesc(f.next().unwrap_or_default());
        match kind {
            Some("R") => {
                in_role = true;
                roles.push(StoredRole {
                    id: get(),
                    track: get(),
                    name: get(),
                    first_level: None,
                    levels: 0,
                });
            }
            Some("W" | "G") => in_role = false,
            Some("L") if in_role => {
                if let Some(role) = roles.last_mut() {
                    role.levels += 1;
                    if role.first_level.is_none() {
                        role.first_level = Some(get());
                    }
                }
            }
            _ => {}
        }
    }
    Some(roles)
}

/// One line of a level's content (`S`, `A`, `D`, `E`, `T`, `Y`, `X`); others are skipped.
fn read_level_line(level: &mut Level, kind: &str, f: &[&str]) {
    let raw = |i: usize| f.get(i).copied().unwrap_or_default();
    let get = |i: usize| unesc(raw(i));
    fn expectation(level: &mut Level) -> Option<&mut Expectation> {
        level
            .dimensions
            .last_mut()
            .and_then(|d| d.expectations.last_mut())
    }
    match kind {
        "S" => level.summary = spans(raw(1)),
        "A" => level.attributes.push(Attribute {
            name: get(1),
            value: spans(raw(2)),
        }),
        "D" => {
            let emoji = Some(get(1)).filter(|e| !e.is_empty());
            level.dimensions.push(Dimension {
                emoji,
                name: get(2),
                ..Dimension::default()
            });
        }
        "E" => {
            if let Some(d) = level.dimensions.last_mut() {
                d.expectations.push(Expectation {
                    id: get(1),
                    text: spans(raw(2)),
                    ..Expectation::default()
                });
            }
        }
        "T" => {
            if let Some(x) = expectation(level) {
                x.details.push(spans(raw(1)));
            }
        }
        "Y" => {
            if let Some(x) = expectation(level) {
                x.examples.push(spans(raw(1)));
            }
        }
        "X" => {
            if let Some(d) = level.dimensions.last_mut() {
                d.examples.push(spans(raw(1)));
            }
        }
        _ => {}
    }
}

/// A line of `kind`: each field escaped after a tab, then `rich` text, if any.
fn line(out: &mut String, kind: char, fields: &[&str], rich: Option<&Text>) {
    out.push(kind);
    for f in fields {
        out.push('\t');
        esc(out, f);
    }
    if let Some(text) = rich {
        out.push('\t');
        write_rich(out, text);
    }
    out.push('\n');
}

/// Appends `s` to `out`, escaped.
fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            SPANS => out.push_str("\\u"),
            LINK => out.push_str("\\l"),
            c => out.push(c),
        }
    }
}

fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => out.push(SPANS),
            Some('l') => out.push(LINK),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Appends rich text as a field: spans joined by U+001F, each a style digit and
/// its text (a link's target, U+001E, then its text).
fn write_rich(out: &mut String, t: &Text) {
    for (i, s) in t.0.iter().enumerate() {
        if i > 0 {
            out.push(SPANS);
        }
        let style = u8::from(s.style.emphasis)
            | u8::from(s.style.strong) << 1
            | u8::from(s.style.code) << 2
            | u8::from(s.link.is_some()) << 3;
        out.push(char::from(b'0' + style));
        if let Some(link) = &s.link {
            esc(out, link);
            out.push(LINK);
        }
        esc(out, &s.text);
    }
}

/// A field written by [`write_rich`], as stored (each span is unescaped on its own).
fn spans(field: &str) -> Text {
    if field.is_empty() {
        return Text::default();
    }
    Text(
        field
            .split(SPANS)
            .map(|s| {
                let style = s.bytes().next().map_or(0, |b| b.wrapping_sub(b'0'));
                let rest = s.get(1..).unwrap_or_default();
                let (link, text) = match rest.split_once(LINK) {
                    Some((link, text)) if style & 8 != 0 => (Some(unesc(link)), unesc(text)),
                    _ => (None, unesc(rest)),
                };
                let style = Style {
                    emphasis: style & 1 != 0,
                    strong: style & 2 != 0,
                    code: style & 4 != 0,
                };
                Span { text, style, link }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ladder folder of the repository: the shipped one and the test fixtures
    /// (hostile text, broken files, every layout the importer reads).
    #[cfg(not(target_arch = "wasm32"))]
    fn ladder_folders() -> Vec<std::path::PathBuf> {
        let mut dirs = vec![std::path::PathBuf::from("ladders")];
        for entry in std::fs::read_dir("tests/fixtures").expect("tests/fixtures reads") {
            let path = entry.expect("tests/fixtures lists").path();
            if path.is_dir() {
                dirs.push(path);
            }
        }
        dirs.sort();
        dirs
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_ladder_folder_round_trips() {
        let mut seen = (0, 0, 0);
        for dir in ladder_folders() {
            let files = crate::ladder::import::read_dir(&dir).expect("the folder reads");
            let import = crate::ladder::import::import_ladder(
                files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
            );
            let ladder = import.ladder;
            seen.0 += ladder.roles.len();
            seen.1 += ladder.guides.len();
            seen.2 += ladder.everyone.len();
            let stored = write_stored(&ladder);
            assert!(stored.starts_with("rungs-ladder 1\nV\t"));
            assert_eq!(
                read_stored(&stored).as_ref(),
                Some(&ladder),
                "{}",
                dir.display()
            );
        }
        let (roles, guides, everyone) = seen;
        assert!(roles > 5 && guides > 0 && everyone > 0, "{seen:?}");
    }

    /// `index` with every file of `files` back in place, as `public/lazy.js` puts them.
    #[cfg(not(target_arch = "wasm32"))]
    fn spliced(index: &str, files: &[(String, String)]) -> String {
        let mut text = index.to_string();
        for (name, part) in files {
            let line = format!("\nF\t{name}\n");
            assert!(text.contains(&line), "{name} is named in the index");
            text = text.replacen(&line, &format!("\n{part}"), 1);
        }
        text
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_ladder_folder_splits_into_an_index_and_files_that_make_it_again() {
        for dir in ladder_folders() {
            let files = crate::ladder::import::read_dir(&dir).expect("the folder reads");
            let ladder = crate::ladder::import::import_ladder(
                files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
            )
            .ladder;
            let stored = write_stored(&ladder);
            let (index, files) = split_stored(&stored);
            assert_eq!(spliced(&index, &files), stored, "{}", dir.display());
            let levels: usize = ladder.roles.iter().map(|r| r.levels.len()).sum();
            assert_eq!(
                files.len(),
                levels
                    + ladder
                        .guides
                        .iter()
                        .filter(|g| !g.blocks.is_empty())
                        .count()
            );
            // The index alone: every role, level, guide and page for everyone, with
            // no level's or guide's content.
            let bare = read_stored(&index).expect("the index reads");
            assert_eq!(bare.version, ladder.version);
            assert_eq!(bare.everyone, ladder.everyone);
            assert_eq!(bare.guides.len(), ladder.guides.len());
            for (role, full) in bare.roles.iter().zip(&ladder.roles) {
                assert_eq!((&role.id, &role.name), (&full.id, &full.name));
                for (level, whole) in role.levels.iter().zip(&full.levels) {
                    assert_eq!(level.heading(), whole.heading());
                    assert!(level.dimensions.is_empty() && level.summary.is_empty());
                    let file = level_file(&index, &role.id, &level.id).expect("named");
                    let (_, text) = files.iter().find(|(n, _)| n == file).expect("a file");
                    let one = spliced(&index, &[(file.to_string(), text.clone())]);
                    let read = read_stored(&one).expect("reads");
                    assert_eq!(
                        read.role(&role.id).and_then(|r| r.level(&level.id)),
                        Some(whole)
                    );
                    assert_eq!(level_file(&one, &role.id, &level.id), None);
                }
            }
            // The same text gives the same file names: a cache may keep them.
            assert_eq!(split_stored(&stored).1, files);
        }
    }

    /// The file that holds the content of level `level` of role `role` in `index`, while
    /// it is not back in place: what `public/lazy.js` loads for a page of that level.
    #[cfg(not(target_arch = "wasm32"))]
    fn level_file<'a>(index: &'a str, role: &str, level: &str) -> Option<&'a str> {
        let (mut in_role, mut in_level) = (false, false);
        for l in index.lines() {
            let mut f = l.split('\t');
            let kind = f.next();
            let id = f.next().map(unesc);
            match kind {
                Some("R" | "W" | "G") => {
                    in_role = kind == Some("R") && id.as_deref() == Some(role);
                    in_level = false;
                }
                Some("L") => in_level = in_role && id.as_deref() == Some(level),
                Some("F") if in_level => return l.get(2..),
                _ => {}
            }
        }
        None
    }

    /// The roles of `ladder` as [`stored_roles`] lists them.
    fn listed(ladder: &Ladder) -> Vec<StoredRole> {
        ladder
            .roles
            .iter()
            .map(|r| StoredRole {
                id: r.id.clone(),
                track: r.track.clone(),
                name: r.name.clone(),
                first_level: r.levels.first().map(|l| l.id.clone()),
                levels: r.levels.len(),
            })
            .collect()
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_roles_reader_lists_what_the_whole_reader_reads() {
        let files = crate::ladder::import::read_dir(std::path::Path::new("ladders"))
            .expect("ladders/ reads");
        let import = crate::ladder::import::import_ladder(
            files.iter().map(|(p, b)| (p.as_str(), b.as_slice())),
        );
        let mut ladder = import.ladder;
        ladder.roles.push(Role {
            id: "a\tb".into(),
            track: "t\\u".into(),
            name: "n\nm".into(),
            levels: ["x\ty", "z"]
                .map(|id| Level {
                    id: id.into(),
                    ..Level::default()
                })
                .to_vec(),
        });
        ladder.roles.push(Role::default());
        ladder.everyone.push(Everyone {
            id: "w".into(),
            track: None,
            level: Level {
                id: "everyone".into(),
                ..Level::default()
            },
        });
        ladder.guides.push(Guide {
            id: "g".into(),
            ..Guide::default()
        });
        let stored = write_stored(&ladder);
        let roles = stored_roles(&stored).expect("stored text lists roles");
        assert!(roles.iter().any(|r| r.levels > 1));
        assert_eq!(Some(roles), read_stored(&stored).map(|l| listed(&l)));
        assert_eq!(stored_roles("not stored"), None);
    }

    #[test]
    fn the_levels_reader_reads_all_but_the_guide_pages() {
        let level = |id: &str| Level {
            id: id.into(),
            summary: Text::plain("Summary."),
            ..Level::default()
        };
        let ladder = Ladder {
            version: "v".into(),
            roles: vec![Role {
                id: "r".into(),
                levels: vec![level("l1")],
                ..Role::default()
            }],
            guides: vec![Guide {
                id: "g".into(),
                blocks: vec![Block::Heading(Text::plain("How reviews work"))],
                ..Guide::default()
            }],
            everyone: vec![Everyone {
                id: "everyone".into(),
                track: None,
                level: level("everyone"),
            }],
        };
        let stored = write_stored(&ladder);
        assert_eq!(read_stored(&stored).as_ref(), Some(&ladder));
        let without = Ladder {
            guides: Vec::new(),
            ..ladder
        };
        assert_eq!(read_stored_levels(&stored), Some(without));
        assert_eq!(read_stored_levels("not stored"), None);
    }

    #[test]
    fn awkward_text_and_every_style_round_trip() {
        let styled = |code| Span {
            text: "a\tb\\c\nd\u{1f}e\u{1e}\r".into(),
            style: Style {
                emphasis: code & 1 != 0,
                strong: code & 2 != 0,
                code: code & 4 != 0,
            },
            link: (code & 8 != 0).then(|| "https://example.com/a\tb\u{1e}c".to_owned()),
        };
        let text = Text((0..16).map(styled).collect());
        let level = Level {
            id: "l1".into(),
            number: Some(1),
            label: "L1".into(),
            title: "Tab\there".into(),
            summary: text.clone(),
            attributes: vec![Attribute {
                name: "Key\\".into(),
                value: text.clone(),
            }],
            dimensions: vec![
                Dimension {
                    emoji: None,
                    name: String::new(),
                    expectations: vec![],
                    examples: vec![Text::default()],
                },
                Dimension {
                    emoji: Some("🦉".into()),
                    name: "D".into(),
                    expectations: vec![
                        Expectation {
                            id: "0123456789ab".into(),
                            text: text.clone(),
                            details: vec![text.clone(), Text::plain("second")],
                            examples: vec![Text::plain("an example")],
                        },
                        Expectation {
                            id: "ba9876543210".into(),
                            text: Text::plain("plain"),
                            ..Expectation::default()
                        },
                    ],
                    examples: vec![text.clone()],
                },
            ],
            source: "T/R/L1.md".into(),
        };
        let everyone = Level {
            title: "Everyone".into(),
            source: "T/Everyone.md".into(),
            ..level.clone()
        };
        let ladder = Ladder {
            version: "v".into(),
            roles: vec![Role {
                id: "t/r".into(),
                track: "T".into(),
                name: "R".into(),
                levels: vec![level, Level::default()],
            }],
            guides: vec![
                Guide {
                    id: "t/guide".into(),
                    track: "T".into(),
                    role: Some("t/r".into()),
                    title: "How\treviews work".into(),
                    blocks: vec![
                        Block::Heading(Text::plain("Steps")),
                        Block::Paragraph(text.clone()),
                        Block::Bullet(Text::plain("one")),
                    ],
                    source: "T/R/guide.md".into(),
                    rating_scale: true,
                },
                Guide::default(),
            ],
            everyone: vec![
                Everyone {
                    id: "t/everyone".into(),
                    track: Some("T".into()),
                    level: everyone,
                },
                Everyone {
                    id: "everyone".into(),
                    track: None,
                    level: Level::default(),
                },
            ],
        };
        assert_eq!(read_stored(&write_stored(&ladder)), Some(ladder));
    }

    #[test]
    fn other_text_is_not_a_stored_ladder_and_unknown_lines_are_skipped() {
        assert_eq!(read_stored(""), None);
        assert_eq!(read_stored("{\"roles\": []}"), None);
        let ladder =
            read_stored("rungs-ladder 1\nZ\tfuture\nE\torphan\tno level\nV\tv1\n").expect("reads");
        assert_eq!(
            ladder,
            Ladder {
                version: "v1".into(),
                ..Ladder::default()
            }
        );
    }
}
