//! One level file's blocks to the parts of a [`Level`](crate::ladder::model::Level):
//! which heading is the title, which are dimensions, and the walk that
//! routes every block.
//!
//! - The title is the first heading when nothing but front matter, rules or
//!   comments comes before it and it has a level label (`L2`), or every later
//!   heading is deeper, or it matches the file name's title, or no plain
//!   bullets sit under it. Otherwise the level has no title heading.
//! - An "Examples" heading, at any depth, holds examples of the dimension
//!   before it until the next heading at its depth or above; headings deeper
//!   than it are read as examples too.
//! - A heading that is a first-person statement (`### I deliver ...`) is an
//!   expectation of the dimension it sits in (or of the empty dimension
//!   heading right before it at its depth; else of `General`): paragraphs under it are its
//!   details, bullets its examples, deeper headings part of its details
//!   (an "Examples" heading still holds examples).
//! - Every other heading is a dimension, except a heading with no content of
//!   its own whose sub-headings are dimensions: that one only groups them.

use super::blocks::{Kind, MarkdownBlock};
use super::content::Reader;
use super::conventions::{has_attributes, is_examples_label, is_statement, split_emoji};
use super::diagnostic::Problem;
use super::label::{split_label, LevelLabel};
use crate::ladder::model::{Attribute, Dimension, Span, Style, Text};

/// The parts of a level read from its blocks.
pub(crate) struct Draft {
    /// The title heading's label and title, when there is a title heading.
    pub heading: Option<(Option<LevelLabel>, String)>,
    pub title_line: usize,
    pub summary: Text,
    pub attributes: Vec<Attribute>,
    pub dimensions: Vec<Dimension>,
    pub problems: Vec<(usize, Problem)>,
}

impl Draft {
    /// How many expectations the level has.
    pub fn expectation_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.expectations.len()).sum()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    Title,
    Dimension,
    Group,
    Examples,
    InExamples,
    Expectation,
    /// An expectation heading not inside a dimension (beside `## Impact`): of `General`.
    LooseExpectation,
    InExpectation,
}

struct Heading {
    index: usize,
    depth: u8,
    plain: String,
}

/// Read a level from its top-level blocks; `file_title` is the title the file
/// name gives (may be empty).
pub(crate) fn read_level(blocks: Vec<MarkdownBlock>, file_title: &str) -> Draft {
    let heads: Vec<Heading> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, b)| match &b.kind {
            Kind::Heading { depth, text } => Some(Heading {
                index,
                depth: *depth,
                plain: text.to_plain(),
            }),
            _ => None,
        })
        .collect();
    let uses = classify(&blocks, &heads, file_title);
    let mut reader = Reader::default();
    let mut heading = None;
    let mut title_line = 1;
    let mut next_head = 0;
    for (index, block) in blocks.into_iter().enumerate() {
        let Some(head) = heads.get(next_head).filter(|h| h.index == index) else {
            reader.block(block, 0);
            continue;
        };
        let use_ = uses[next_head];
        next_head += 1;
        let line = block.line;
        match use_ {
            Use::Title => {
                heading = Some(split_label(&head.plain));
                title_line = line;
            }
            Use::Dimension => {
                let (emoji, name) = split_emoji(&head.plain);
                reader.start_dimension(emoji, name, line);
            }
            Use::Group => reader.group_heading(head.plain.clone(), line),
            Use::Examples => reader.examples_heading(head.depth),
            Use::InExamples => reader.block(block, 0),
            Use::Expectation | Use::LooseExpectation | Use::InExpectation => {
                let Kind::Heading { text, .. } = block.kind else {
                    continue;
                };
                match use_ {
                    Use::InExpectation => reader.detail_heading(text),
                    _ => reader.expectation_heading(text, line, use_ == Use::Expectation),
                }
            }
        }
    }
    reader.finish();
    for (dimension, &line) in reader.dimensions.iter().zip(&reader.dimension_lines) {
        if dimension.expectations.is_empty() {
            reader.problems.push((
                line,
                Problem::EmptyDimension {
                    name: dimension.name.clone(),
                },
            ));
        }
    }
    Draft {
        heading,
        title_line,
        summary: join_paragraphs(std::mem::take(&mut reader.summary)),
        attributes: std::mem::take(&mut reader.attributes),
        dimensions: std::mem::take(&mut reader.dimensions),
        problems: std::mem::take(&mut reader.problems),
    }
}

fn classify(blocks: &[MarkdownBlock], heads: &[Heading], file_title: &str) -> Vec<Use> {
    let mut uses = vec![Use::Dimension; heads.len()];
    let start = usize::from(is_title(blocks, heads, file_title));
    if start == 1 {
        uses[0] = Use::Title;
    }
    let mut examples_depth = None;
    for i in start..heads.len() {
        if let Some(depth) = examples_depth {
            if heads[i].depth > depth {
                uses[i] = Use::InExamples;
                continue;
            }
            examples_depth = None;
        }
        if is_examples_label(&heads[i].plain) {
            uses[i] = Use::Examples;
            examples_depth = Some(heads[i].depth);
        }
    }
    let mut statement_depth = None;
    // The latest heading at each depth, and the latest that is no expectation:
    // linear, however many headings.
    let mut latest: [Option<usize>; 7] = [None; 7];
    let mut latest_other: [Option<usize>; 7] = [None; 7];
    let depth_of = |i: usize| usize::from(heads[i].depth).min(6);
    let mut checked: Option<(usize, bool)> = None;
    for i in start..heads.len() {
        if i > start {
            let previous = i - 1;
            latest[depth_of(previous)] = Some(previous);
            if uses[previous] != Use::Expectation {
                latest_other[depth_of(previous)] = Some(previous);
            }
        }
        if let Some(depth) = statement_depth {
            if heads[i].depth > depth {
                if uses[i] == Use::Dimension {
                    uses[i] = Use::InExpectation;
                }
                continue;
            }
            statement_depth = None;
        }
        if uses[i] == Use::Dimension && is_statement(&heads[i].plain) {
            // Inside the dimension whose heading is its nearest shallower one; or,
            // written flat, right after an empty dimension heading at its own depth
            // (`### Craft`, `### I test my code`, `### I review code`).
            let depth = depth_of(i);
            let parent = latest[..depth].iter().flatten().max().copied();
            let flat = latest_other[depth]
                .filter(|&j| parent.is_none_or(|p| j > p))
                .filter(|&j| uses[j] == Use::Dimension)
                .filter(|&j| {
                    // Asked once per heading, however many statements follow it.
                    let has = match checked {
                        Some((k, has)) if k == j => has,
                        _ => {
                            let has = has_content(blocks, heads, j);
                            checked = Some((j, has));
                            has
                        }
                    };
                    !has
                });
            uses[i] = match parent {
                _ if flat.is_some() => Use::Expectation,
                Some(j) if uses[j] == Use::Dimension => Use::Expectation,
                _ => Use::LooseExpectation,
            };
            statement_depth = Some(heads[i].depth);
        }
    }
    for i in start..heads.len() {
        if uses[i] != Use::Dimension {
            continue;
        }
        let next = heads.get(i + 1).map_or(blocks.len(), |h| h.index);
        let direct = blocks[heads[i].index + 1..next].iter().any(beyond_comments);
        let has_child = heads[i + 1..]
            .iter()
            .zip(&uses[i + 1..])
            .take_while(|(h, _)| h.depth > heads[i].depth)
            .any(|(_, u)| *u == Use::Dimension);
        if !direct && has_child {
            uses[i] = Use::Group;
        }
    }
    uses
}

/// Whether heading `i` has blocks a reader would see before the next heading.
fn has_content(blocks: &[MarkdownBlock], heads: &[Heading], i: usize) -> bool {
    let next = heads.get(i + 1).map_or(blocks.len(), |h| h.index);
    blocks[heads[i].index + 1..next].iter().any(beyond_comments)
}

fn is_title(blocks: &[MarkdownBlock], heads: &[Heading], file_title: &str) -> bool {
    let Some(first) = heads.first() else {
        return false;
    };
    if blocks[..first.index].iter().any(beyond_comments) {
        return false;
    }
    let (label, rest) = split_label(&first.plain);
    if label.is_some() || (heads.len() > 1 && heads[1..].iter().all(|h| h.depth > first.depth)) {
        return true;
    }
    if !file_title.is_empty() && squash(&rest) == squash(file_title) {
        return true;
    }
    let end = heads.get(1).map_or(blocks.len(), |h| h.index);
    !blocks[first.index + 1..end].iter().any(|b| match &b.kind {
        Kind::List(items) => items
            .iter()
            .any(|item| match item.blocks.first().map(|b| &b.kind) {
                Some(Kind::Paragraph(text)) => !has_attributes(text, true),
                _ => true,
            }),
        _ => false,
    })
}

/// Letters and digits only, lower-cased: for comparing titles loosely.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a block holds anything but HTML comments. Stricter than
/// `layout::substantive`, which also passes over HTML without text: here a bare tag
/// (`<br>`, `<img …>`) counts, as under a heading it may show.
fn beyond_comments(block: &MarkdownBlock) -> bool {
    match &block.kind {
        Kind::Rule | Kind::FrontMatter => false,
        Kind::Paragraph(text) => !text.is_empty(),
        Kind::Html(raw) => {
            let mut rest = raw.as_str();
            while let Some(start) = rest.find("<!--") {
                if !rest[..start].trim().is_empty() {
                    return true;
                }
                rest = rest[start..]
                    .find("-->")
                    .map_or("", |end| &rest[start + end + 3..]);
            }
            !rest.trim().is_empty()
        }
        _ => true,
    }
}

/// Summary paragraphs joined by a blank line (`\n\n`).
fn join_paragraphs(paragraphs: Vec<Text>) -> Text {
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |span: Span| match spans.last_mut() {
        Some(last) if last.style == span.style && last.link == span.link => {
            last.text.push_str(&span.text)
        }
        _ => spans.push(span),
    };
    let mut first = true;
    for paragraph in paragraphs.into_iter().filter(|p| !p.is_empty()) {
        if !first {
            push(Span {
                link: None,
                text: "\n\n".into(),
                style: Style::default(),
            });
        }
        first = false;
        paragraph.0.into_iter().for_each(&mut push);
    }
    Text(spans)
}
