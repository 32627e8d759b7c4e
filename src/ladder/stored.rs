//! A ladder as text for the browser's storage, and back: what the in-browser importer
//! (the extra module) keeps, and what the app reads at start-up with a few lines of
//! code instead of a markdown parser.
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
//!
//! Fields escape `\` as `\\`, tab as `\t`, newline as `\n`, carriage return as `\r`
//! and the unit separator (U+001F) as `\u`. Rich text is its spans joined by U+001F,
//! each a style digit (1 emphasis + 2 strong + 4 code) and the span's text. Reading
//! skips what it does not know, so a newer writer's extra kinds are ignored.

use super::model::{Attribute, Dimension, Expectation, Ladder, Level, Role, Span, Style, Text};

const HEADER: &str = "rungs-ladder 1";
const SPANS: char = '\u{1f}';

/// `ladder` as stored text.
pub fn write_stored(ladder: &Ladder) -> String {
    let mut out = format!("{HEADER}\n");
    line(&mut out, 'V', &[&esc(&ladder.version)]);
    for role in &ladder.roles {
        line(
            &mut out,
            'R',
            &[&esc(&role.id), &esc(&role.track), &esc(&role.name)],
        );
        for level in &role.levels {
            let number = level.number.map(|n| n.to_string()).unwrap_or_default();
            let fields = [
                esc(&level.id),
                number,
                esc(&level.label),
                esc(&level.title),
                esc(&level.source),
            ];
            line(
                &mut out,
                'L',
                &fields.iter().map(String::as_str).collect::<Vec<_>>(),
            );
            line(&mut out, 'S', &[&rich(&level.summary)]);
            for a in &level.attributes {
                line(&mut out, 'A', &[&esc(&a.name), &rich(&a.value)]);
            }
            for d in &level.dimensions {
                line(
                    &mut out,
                    'D',
                    &[&esc(d.emoji.as_deref().unwrap_or_default()), &esc(&d.name)],
                );
                for x in &d.expectations {
                    line(&mut out, 'E', &[&esc(&x.id), &rich(&x.text)]);
                }
                for x in &d.examples {
                    line(&mut out, 'X', &[&rich(x)]);
                }
            }
        }
    }
    out
}

/// The ladder in `text` written by [`write_stored`]; `None` when it is not that format.
pub fn read_stored(text: &str) -> Option<Ladder> {
    let mut lines = text.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let mut ladder = Ladder::default();
    for l in lines {
        let f: Vec<&str> = l.split('\t').collect();
        let raw = |i: usize| f.get(i).copied().unwrap_or_default();
        let get = |i: usize| unesc(raw(i));
        let level = ladder.roles.last_mut().and_then(|r| r.levels.last_mut());
        match (raw(0), level) {
            ("V", _) => ladder.version = get(1),
            ("R", _) => ladder.roles.push(Role {
                id: get(1),
                track: get(2),
                name: get(3),
                levels: Vec::new(),
            }),
            ("L", _) => {
                if let Some(role) = ladder.roles.last_mut() {
                    let (id, number) = (get(1), raw(2).parse().ok());
                    let (label, title, source) = (get(3), get(4), get(5));
                    role.levels.push(Level {
                        id,
                        number,
                        label,
                        title,
                        source,
                        ..Level::default()
                    });
                }
            }
            ("S", Some(level)) => level.summary = spans(raw(1)),
            ("A", Some(level)) => level.attributes.push(Attribute {
                name: get(1),
                value: spans(raw(2)),
            }),
            ("D", Some(level)) => {
                let emoji = Some(get(1)).filter(|e| !e.is_empty());
                level.dimensions.push(Dimension {
                    emoji,
                    name: get(2),
                    ..Dimension::default()
                });
            }
            ("E", Some(level)) => {
                if let Some(d) = level.dimensions.last_mut() {
                    d.expectations.push(Expectation {
                        id: get(1),
                        text: spans(raw(2)),
                    });
                }
            }
            ("X", Some(level)) => {
                if let Some(d) = level.dimensions.last_mut() {
                    d.examples.push(spans(raw(1)));
                }
            }
            _ => {}
        }
    }
    Some(ladder)
}

fn line(out: &mut String, kind: char, fields: &[&str]) {
    out.push(kind);
    for f in fields {
        out.push('\t');
        out.push_str(f);
    }
    out.push('\n');
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            SPANS => out.push_str("\\u"),
            c => out.push(c),
        }
    }
    out
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
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Rich text as a field: spans joined by U+001F, each a style digit and its text.
fn rich(t: &Text) -> String {
    let spans: Vec<String> =
        t.0.iter()
            .map(|s| {
                let style = u8::from(s.style.emphasis)
                    | u8::from(s.style.strong) << 1
                    | u8::from(s.style.code) << 2;
                format!("{style}{}", esc(&s.text))
            })
            .collect();
    spans.join(&SPANS.to_string())
}

/// A field written by [`rich`], as stored (each span is unescaped on its own).
fn spans(field: &str) -> Text {
    if field.is_empty() {
        return Text::default();
    }
    Text(
        field
            .split(SPANS)
            .map(|s| {
                let style = s.bytes().next().map_or(0, |b| b.wrapping_sub(b'0'));
                let text = unesc(s.get(1..).unwrap_or_default());
                let style = Style {
                    emphasis: style & 1 != 0,
                    strong: style & 2 != 0,
                    code: style & 4 != 0,
                };
                Span { text, style }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_shipped_ladder_round_trips() {
        let files =
            crate::ladder::read_dir(std::path::Path::new("ladders")).expect("ladders/ reads");
        let import =
            crate::ladder::import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
        let stored = write_stored(&import.ladder);
        assert!(stored.starts_with("rungs-ladder 1\nV\t"));
        assert_eq!(read_stored(&stored), Some(import.ladder));
    }

    #[test]
    fn awkward_text_and_every_style_round_trip() {
        let styled = |code| Span {
            text: "a\tb\\c\nd\u{1f}e\r".into(),
            style: Style {
                emphasis: code & 1 != 0,
                strong: code & 2 != 0,
                code: code & 4 != 0,
            },
        };
        let text = Text((0..8).map(styled).collect());
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
                    expectations: vec![Expectation {
                        id: "0123456789ab".into(),
                        text: text.clone(),
                    }],
                    examples: vec![text],
                },
            ],
            source: "T/R/L1.md".into(),
        };
        let ladder = Ladder {
            version: "v".into(),
            roles: vec![Role {
                id: "t/r".into(),
                track: "T".into(),
                name: "R".into(),
                levels: vec![level, Level::default()],
            }],
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
                roles: vec![]
            }
        );
    }
}
