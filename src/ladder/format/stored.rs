//! A ladder as text for the browser's storage, and back: what the in-browser importer
//! (the import module, `ui::importer`) keeps, the form in which the app ships the
//! ladder embedded at build time (`build.rs` writes it, `embedded::STORED` holds it),
//! and what the app and its on-demand modules read back with a few lines of code
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
