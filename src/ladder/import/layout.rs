//! How a file is laid out: one level, several levels, expectations for
//! everyone, or a page that is not a level (a guide).
//!
//! - **Several levels in one file**: a `#` title with no level label (in the
//!   heading or the file name), then at least two sections at the next depth
//!   whose headings read as level titles: a level label (`## L3: ...`), a
//!   seniority word first (`## Senior Product Manager`) or a role noun last
//!   (`## Product Manager`). More than half of the sections must read so.
//!   Each section is then a level; text before the first section is the role
//!   family's introduction.
//! - **Expectations for everyone**: the file's name or title is `Everyone`,
//!   `Expected of everyone`, `Expectations for everyone` and the like, or its
//!   front matter says `everyone: true`.
//! - **A rating scale page**: a guide whose title or name speaks of a rating
//!   scale (`Rating scale`, `How we rate`, `Ratings`), or whose front matter
//!   says `rating_scale: true`.

use std::ops::Range;

use crate::ladder::words::words;

use super::blocks::{Item, Kind, MarkdownBlock};
use super::conventions::{is_examples_label, is_statement};
use super::label::split_label;
use crate::ladder::model::{Block, Span, Style, Text};

/// Words that say how senior a title is; set aside to find the role a title names.
pub(crate) const SENIORITY: [&str; 22] = [
    "junior",
    "jr",
    "associate",
    "graduate",
    "grad",
    "intern",
    "apprentice",
    "entry",
    "mid",
    "intermediate",
    "senior",
    "sr",
    "lead",
    "staff",
    "principal",
    "distinguished",
    "fellow",
    "chief",
    "head",
    "group",
    "senior-staff",
    "founding",
];

/// Last words of a title that name a role (`Product Manager`, `Data Engineer`).
const ROLE_NOUNS: [&str; 40] = [
    "engineer",
    "engineers",
    "manager",
    "managers",
    "designer",
    "designers",
    "developer",
    "analyst",
    "scientist",
    "researcher",
    "architect",
    "director",
    "lead",
    "specialist",
    "consultant",
    "administrator",
    "writer",
    "editor",
    "officer",
    "executive",
    "coordinator",
    "owner",
    "head",
    "president",
    "vp",
    "fellow",
    "intern",
    "apprentice",
    "associate",
    "technician",
    "strategist",
    "marketer",
    "recruiter",
    "partner",
    "representative",
    "agent",
    "advocate",
    "producer",
    "tester",
    "programmer",
];

/// Whether a heading reads as the title of a level.
fn is_level_title(plain: &str) -> bool {
    if is_statement(plain) || is_examples_label(plain) {
        return false;
    }
    let (label, title) = split_label(plain);
    if label.is_some() {
        return true;
    }
    let words = words(&title);
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => {
            SENIORITY.contains(&first.as_str()) || ROLE_NOUNS.contains(&last.as_str())
        }
        _ => false,
    }
}

/// The sections of a file of several levels: the title heading's index, the
/// introduction's block range and each level's block range (its heading first).
pub(crate) struct Sections {
    pub title: usize,
    pub intro: Range<usize>,
    pub levels: Vec<Range<usize>>,
}

/// The level sections of `blocks` when the file holds several levels (see the
/// module docs); `stem` is the file name without its extension.
pub(crate) fn level_sections(blocks: &[MarkdownBlock], stem: &str) -> Option<Sections> {
    if split_label(stem).0.is_some() {
        return None;
    }
    let heads: Vec<(usize, u8, String)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match &b.kind {
            Kind::Heading { depth, text } => Some((i, *depth, text.to_plain())),
            _ => None,
        })
        .collect();
    let (title, title_depth, title_text) = heads.first()?;
    if blocks[..*title].iter().any(substantive) || split_label(title_text).0.is_some() {
        return None;
    }
    let rest = &heads[1..];
    if rest.iter().any(|(_, d, _)| d <= title_depth) {
        return None;
    }
    let depth = rest.iter().map(|(_, d, _)| *d).min()?;
    let starts: Vec<&(usize, u8, String)> = rest.iter().filter(|(_, d, _)| *d == depth).collect();
    let level_like = starts.iter().filter(|(_, _, t)| is_level_title(t)).count();
    if level_like < 2 || level_like * 2 <= starts.len() {
        return None;
    }
    let levels = starts
        .iter()
        .enumerate()
        .map(|(n, (i, _, _))| *i..starts.get(n + 1).map_or(blocks.len(), |next| next.0))
        .collect();
    Some(Sections {
        title: *title,
        intro: title + 1..starts[0].0,
        levels,
    })
}

/// Whether a block carries anything a reader would see.
pub(crate) fn substantive(block: &MarkdownBlock) -> bool {
    match &block.kind {
        Kind::Rule | Kind::FrontMatter => false,
        Kind::Paragraph(text) => !text.is_empty(),
        Kind::Html(raw) => !strip_html(raw).trim().is_empty(),
        _ => true,
    }
}

/// The `key: value` lines of the file's front matter (`---` ... `---` at the top).
pub(crate) fn front_matter(text: &str) -> Vec<(String, String)> {
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in lines.take(64) {
        if matches!(line.trim_end(), "---" | "...") {
            return out;
        }
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).to_lowercase();
            out.push((key.trim().to_lowercase().replace('-', "_"), value));
        }
    }
    Vec::new()
}

fn flag(front: &[(String, String)], key: &str) -> bool {
    front
        .iter()
        .any(|(k, v)| k == key && matches!(v.as_str(), "true" | "yes" | "1"))
}

/// Whether a file holds expectations for everyone: its front matter says
/// `everyone: true`, or its title or file name is "Everyone", "Expected of
/// everyone", "Expectations for everyone", "For everyone" and the like.
pub(crate) fn is_everyone(front: &[(String, String)], names: &[&str]) -> bool {
    if flag(front, "everyone") {
        return true;
    }
    const FILLER: [&str; 10] = [
        "expected",
        "expectations",
        "expectation",
        "of",
        "for",
        "from",
        "all",
        "core",
        "shared",
        "common",
    ];
    names.iter().any(|name| {
        let (_, title) = split_label(name);
        let words = words(&title);
        words.iter().any(|w| w == "everyone")
            && words
                .iter()
                .all(|w| w == "everyone" || FILLER.contains(&w.as_str()))
    })
}

/// Whether a guide explains the ladder's rating scale: its front matter says
/// `rating_scale: true`, or its title or file name speaks of a rating scale.
pub(crate) fn is_rating_scale(front: &[(String, String)], names: &[&str]) -> bool {
    if flag(front, "rating_scale") {
        return true;
    }
    names.iter().any(|name| {
        let words = words(name);
        let has = |w: &str| words.iter().any(|x| x == w);
        let rating = has("rating") || has("ratings") || has("rate");
        let scale = has("scale") && (has("assessment") || has("performance"));
        (rating && (has("scale") || has("how") || words.len() <= 2)) || scale
    })
}

/// A guide page's text from its blocks, in file order (`skip`: the title heading).
pub(crate) fn guide_blocks(blocks: Vec<MarkdownBlock>, skip: Option<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        if Some(i) != skip {
            push_block(&mut out, block);
        }
    }
    out
}

fn push_block(out: &mut Vec<Block>, block: MarkdownBlock) {
    let mut paragraph = |text: Text| {
        if !text.is_empty() {
            out.push(Block::Paragraph(text));
        }
    };
    match block.kind {
        Kind::Heading { text, .. } => {
            if !text.is_empty() {
                out.push(Block::Heading(text));
            }
        }
        Kind::Paragraph(text) => paragraph(text),
        Kind::Code(code) => paragraph(styled_code(code)),
        Kind::Html(raw) => paragraph(Text::plain(strip_html(&raw).trim())),
        Kind::Table(rows) => {
            for row in rows {
                let cells: Vec<String> = row.iter().map(Text::to_plain).collect();
                paragraph(Text::plain(cells.join(" — ")));
            }
        }
        Kind::Quote(inner) => {
            for b in inner {
                push_block(out, b);
            }
        }
        Kind::List(items) => {
            for item in items {
                push_item(out, item);
            }
        }
        Kind::Rule | Kind::FrontMatter => {}
    }
}

fn push_item(out: &mut Vec<Block>, item: Item) {
    let mut first = true;
    for block in item.blocks {
        match block.kind {
            Kind::Paragraph(text) if first => {
                first = false;
                if !text.is_empty() {
                    out.push(Block::Bullet(text));
                }
            }
            _ => {
                first = false;
                push_block(out, block);
            }
        }
    }
}

fn styled_code(code: String) -> Text {
    Text(vec![Span {
        text: code.trim_end().to_owned(),
        style: Style {
            code: true,
            ..Style::default()
        },
        link: None,
    }])
}

/// Raw HTML without its tags and comments.
fn strip_html(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|e| e + 3)
        } else {
            tail.find('>').map(|e| e + 1)
        };
        match end {
            Some(end) => rest = &tail[end..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_titles_are_told_from_dimension_names() {
        for t in [
            "Product Manager",
            "Senior Product Manager",
            "L3: Anything",
            "Staff Engineer",
        ] {
            assert!(is_level_title(t), "{t}");
        }
        for t in [
            "Impact",
            "Domain expertise",
            "I lead projects",
            "Examples",
            "Communication",
        ] {
            assert!(!is_level_title(t), "{t}");
        }
    }

    #[test]
    fn everyone_files_are_known_by_name_or_front_matter() {
        assert!(is_everyone(&[], &["Everyone"]));
        assert!(is_everyone(&[], &["Expectations-for-everyone"]));
        assert!(is_everyone(&[], &["Expected of everyone"]));
        assert!(!is_everyone(&[], &["Everyone gets a laptop"]));
        assert!(!is_everyone(&[], &["L2 Engineer"]));
        let front = front_matter("---\neveryone: true\n---\n# Values\n");
        assert!(is_everyone(&front, &["Values"]));
        assert!(front_matter("---\neveryone: true\n").is_empty());
    }

    #[test]
    fn rating_scale_pages_are_known_by_name_or_front_matter() {
        assert!(is_rating_scale(&[], &["Rating scale"]));
        assert!(is_rating_scale(&[], &["How we rate"]));
        assert!(is_rating_scale(&[], &["Ratings"]));
        assert!(!is_rating_scale(&[], &["How reviews work"]));
        let front = front_matter("---\nrating-scale: yes\n---\n");
        assert!(is_rating_scale(&front, &["Levels explained"]));
    }

    #[test]
    fn html_tags_and_comments_are_stripped() {
        assert_eq!(
            strip_html("<p>See <b>the</b> <!-- x --> sheet</p>"),
            "See the sheet"
        );
        assert_eq!(strip_html("<details"), "");
    }
}
