//! Markdown to a small block tree, with line numbers.
//!
//! pulldown-cmark does the markdown; this keeps only what the importer reads:
//! headings, paragraphs, lists, quotes, code, raw HTML, tables and rules.
//! Containers nested deeper than [`MAX_DEPTH`] are flattened into their
//! parent so hostile input cannot exhaust the stack.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::inline::InlineBuilder;
use crate::ladder::model::Text;

const MAX_DEPTH: usize = 32;

/// One block of a file's markdown as parsed, before the importer reads it (a
/// guide's blocks are the model's [`Block`](crate::ladder::Block)).
#[derive(Debug)]
pub(crate) struct MarkdownBlock {
    /// 1-based line where the block starts.
    pub line: usize,
    pub kind: Kind,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Heading {
        depth: u8,
        text: Text,
    },
    Paragraph(Text),
    List(Vec<Item>),
    Quote(Vec<MarkdownBlock>),
    Code(String),
    Html(String),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<Text>>),
    Rule,
    FrontMatter,
}

#[derive(Debug)]
pub(crate) struct Item {
    pub line: usize,
    pub blocks: Vec<MarkdownBlock>,
}

/// The blocks of a text and the images met in it (line, description).
pub(crate) struct Parsed {
    pub blocks: Vec<MarkdownBlock>,
    pub images: Vec<(usize, String)>,
}

/// Line numbers of byte offsets.
pub(crate) struct Lines {
    starts: Vec<usize>,
    first: usize,
    /// Index of the line last looked up: offsets mostly come in order.
    cursor: std::cell::Cell<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str, first: usize) -> Self {
        // Blocks of 16 bytes without a newline (most) are skipped with one
        // vectorised test; cheaper than a searcher call per (short) line.
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        for (n, chunk) in text.as_bytes().chunks(16).enumerate() {
            if chunk.iter().fold(false, |nl, &b| nl | (b == b'\n')) {
                for (j, &b) in chunk.iter().enumerate() {
                    if b == b'\n' {
                        starts.push(n * 16 + j + 1);
                    }
                }
            }
        }
        Lines {
            starts,
            first,
            cursor: std::cell::Cell::new(0),
        }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        let starts = &self.starts;
        let at = self.cursor.get();
        let on =
            |i: usize| starts[i] <= offset && starts.get(i + 1).is_none_or(|&next| offset < next);
        // The line last asked for or the next one; otherwise search.
        let index = if on(at) {
            at
        } else if at + 1 < starts.len() && on(at + 1) {
            at + 1
        } else {
            starts.partition_point(|&s| s <= offset).saturating_sub(1)
        };
        self.cursor.set(index);
        self.first + index
    }
}

enum InlineKind {
    Paragraph,
    Heading(u8),
    Cell,
}

enum RawKind {
    Code,
    Html,
    FrontMatter,
}

enum Frame {
    Blocks {
        line: usize,
        quote: bool,
        blocks: Vec<MarkdownBlock>,
    },
    List {
        line: usize,
        items: Vec<Item>,
    },
    Inline {
        line: usize,
        kind: InlineKind,
        text: InlineBuilder,
        implicit: bool,
    },
    Raw {
        line: usize,
        kind: RawKind,
        text: String,
    },
    Table {
        line: usize,
        rows: Vec<Vec<Text>>,
        row: Vec<Text>,
    },
}

/// Parse `src`, whose first line is line `first_line` of its file.
pub(crate) fn parse_blocks(src: &str, first_line: usize) -> Parsed {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let lines = Lines::new(src, first_line);
    let mut b = Builder {
        stack: vec![Frame::Blocks {
            line: first_line,
            quote: false,
            blocks: Vec::new(),
        }],
        suppressed: 0,
        images: Vec::new(),
        image_urls: Vec::new(),
    };
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        b.event(event, lines.line(range.start));
    }
    while b.stack.len() > 1 {
        b.pop_and_attach();
    }
    let blocks = match b.stack.pop() {
        Some(Frame::Blocks { blocks, .. }) => blocks,
        _ => Vec::new(),
    };
    Parsed {
        blocks,
        images: b.images,
    }
}

struct Builder {
    stack: Vec<Frame>,
    /// Containers past `MAX_DEPTH` whose start was ignored.
    suppressed: usize,
    images: Vec<(usize, String)>,
    image_urls: Vec<String>,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(s) => match self.stack.last_mut() {
                Some(Frame::Raw { text, .. }) => text.push_str(&s),
                _ => self.inline(line).text(&s),
            },
            Event::Code(s) => self.inline(line).code(&s),
            Event::Html(s) | Event::InlineHtml(s) => match self.stack.last_mut() {
                Some(Frame::Raw { text, .. }) => text.push_str(&s),
                _ => self.inline(line).text(&s),
            },
            Event::InlineMath(s) | Event::DisplayMath(s) => self.inline(line).text(&s),
            Event::FootnoteReference(s) => self.inline(line).text(&format!("[^{s}]")),
            Event::SoftBreak | Event::HardBreak => match self.stack.last_mut() {
                Some(Frame::Raw { text, .. }) => text.push('\n'),
                _ => self.inline(line).text(" "),
            },
            Event::Rule => {
                self.close_implicit();
                self.attach(MarkdownBlock {
                    line,
                    kind: Kind::Rule,
                });
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => self.push(Frame::Inline {
                line,
                kind: InlineKind::Paragraph,
                text: InlineBuilder::default(),
                implicit: false,
            }),
            Tag::Heading { level, .. } => self.push(Frame::Inline {
                line,
                kind: InlineKind::Heading(level as u8),
                text: InlineBuilder::default(),
                implicit: false,
            }),
            Tag::TableCell => self.push(Frame::Inline {
                line,
                kind: InlineKind::Cell,
                text: InlineBuilder::default(),
                implicit: false,
            }),
            Tag::BlockQuote(_) => self.push_container(Frame::Blocks {
                line,
                quote: true,
                blocks: Vec::new(),
            }),
            Tag::Item => self.push_container(Frame::Blocks {
                line,
                quote: false,
                blocks: Vec::new(),
            }),
            Tag::List(_) => self.push_container(Frame::List {
                line,
                items: Vec::new(),
            }),
            Tag::CodeBlock(_) => self.push(Frame::Raw {
                line,
                kind: RawKind::Code,
                text: String::new(),
            }),
            Tag::HtmlBlock => self.push(Frame::Raw {
                line,
                kind: RawKind::Html,
                text: String::new(),
            }),
            Tag::MetadataBlock(_) => self.push(Frame::Raw {
                line,
                kind: RawKind::FrontMatter,
                text: String::new(),
            }),
            Tag::Table(_) => self.push(Frame::Table {
                line,
                rows: Vec::new(),
                row: Vec::new(),
            }),
            Tag::Link { dest_url, .. } => self.inline(line).start_link(&dest_url),
            Tag::Emphasis => self.inline(line).emphasis(true),
            Tag::Strong => self.inline(line).strong(true),
            Tag::Image { dest_url, .. } => {
                self.image_urls.push(dest_url.to_string());
                self.inline(line).start_image();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, line: usize) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => {
                if matches!(
                    self.stack.last(),
                    Some(Frame::Inline {
                        kind: InlineKind::Paragraph | InlineKind::Heading(_),
                        ..
                    })
                ) {
                    self.pop_and_attach();
                }
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.close_implicit();
                if matches!(self.stack.last(), Some(Frame::Raw { .. })) {
                    self.pop_and_attach();
                }
            }
            TagEnd::Table => {
                self.close_implicit();
                if matches!(self.stack.last(), Some(Frame::Table { .. })) {
                    self.pop_and_attach();
                }
            }
            TagEnd::TableCell => {
                if matches!(
                    self.stack.last(),
                    Some(Frame::Inline {
                        kind: InlineKind::Cell,
                        ..
                    })
                ) {
                    if let Some(Frame::Inline { text, .. }) = self.stack.pop() {
                        let cell = text.finish();
                        if let Some(Frame::Table { row, .. }) = self.stack.last_mut() {
                            row.push(cell);
                        }
                    }
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(Frame::Table { rows, row, .. }) = self.stack.last_mut() {
                    rows.push(std::mem::take(row));
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                self.close_implicit();
                if self.suppressed > 0 {
                    self.suppressed -= 1;
                } else if self.stack.len() > 1 {
                    self.pop_and_attach();
                }
            }
            TagEnd::Emphasis => self.inline(line).emphasis(false),
            TagEnd::Strong => self.inline(line).strong(false),
            TagEnd::Link => self.inline(line).end_link(),
            TagEnd::Image => {
                if let Some(alt) = self.inline(line).end_image() {
                    let url = self.image_urls.pop().unwrap_or_default();
                    self.images
                        .push((line, format!("image `{}` ({url})", alt.trim())));
                }
            }
            _ => {}
        }
    }

    fn push(&mut self, frame: Frame) {
        if !matches!(
            frame,
            Frame::Inline {
                kind: InlineKind::Cell,
                ..
            }
        ) {
            self.close_implicit();
        }
        self.stack.push(frame);
    }

    fn push_container(&mut self, frame: Frame) {
        self.close_implicit();
        let depth = self
            .stack
            .iter()
            .filter(|f| matches!(f, Frame::Blocks { .. } | Frame::List { .. }))
            .count();
        if self.suppressed > 0 || depth >= MAX_DEPTH {
            self.suppressed += 1;
        } else {
            self.stack.push(frame);
        }
    }

    /// The inline frame on top, opening an implicit paragraph if needed.
    fn inline(&mut self, line: usize) -> &mut InlineBuilder {
        if !matches!(self.stack.last(), Some(Frame::Inline { .. })) {
            self.stack.push(Frame::Inline {
                line,
                kind: InlineKind::Paragraph,
                text: InlineBuilder::default(),
                implicit: true,
            });
        }
        match self.stack.last_mut() {
            Some(Frame::Inline { text, .. }) => text,
            _ => unreachable!("an inline frame was just pushed"),
        }
    }

    fn close_implicit(&mut self) {
        if matches!(
            self.stack.last(),
            Some(Frame::Inline { implicit: true, .. })
        ) {
            self.pop_and_attach();
        }
    }

    fn pop_and_attach(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let block = match frame {
            Frame::Blocks {
                line,
                quote: true,
                blocks,
            } => MarkdownBlock {
                line,
                kind: Kind::Quote(blocks),
            },
            Frame::Blocks {
                line,
                quote: false,
                blocks,
            } => return self.attach_item(Item { line, blocks }),
            Frame::List { line, items } => MarkdownBlock {
                line,
                kind: Kind::List(items),
            },
            Frame::Inline {
                line, kind, text, ..
            } => {
                let text = text.finish();
                match kind {
                    InlineKind::Heading(depth) => MarkdownBlock {
                        line,
                        kind: Kind::Heading { depth, text },
                    },
                    InlineKind::Paragraph | InlineKind::Cell => MarkdownBlock {
                        line,
                        kind: Kind::Paragraph(text),
                    },
                }
            }
            Frame::Raw { line, kind, text } => MarkdownBlock {
                line,
                kind: match kind {
                    RawKind::Code => Kind::Code(text),
                    RawKind::Html => Kind::Html(text),
                    RawKind::FrontMatter => Kind::FrontMatter,
                },
            },
            Frame::Table {
                line,
                mut rows,
                row,
            } => {
                if !row.is_empty() {
                    rows.push(row);
                }
                MarkdownBlock {
                    line,
                    kind: Kind::Table(rows),
                }
            }
        };
        self.attach(block);
    }

    fn attach_item(&mut self, item: Item) {
        match self.stack.last_mut() {
            Some(Frame::List { items, .. }) => items.push(item),
            // An item outside a list cannot come from the parser; keep its blocks.
            _ => {
                for block in item.blocks {
                    self.attach(block);
                }
            }
        }
    }

    /// Add a finished block to the nearest frame that holds blocks.
    fn attach(&mut self, block: MarkdownBlock) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Blocks { blocks, .. } => return blocks.push(block),
                Frame::List { items, .. } => {
                    match items.last_mut() {
                        Some(item) => item.blocks.push(block),
                        None => items.push(Item {
                            line: block.line,
                            blocks: vec![block],
                        }),
                    }
                    return;
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<String> {
        parse_blocks(src, 1)
            .blocks
            .iter()
            .map(|b| {
                let name = match &b.kind {
                    Kind::Heading { depth, text } => format!("h{depth} {}", text.to_plain()),
                    Kind::Paragraph(t) => format!("p {}", t.to_plain()),
                    Kind::List(items) => format!("list {}", items.len()),
                    Kind::Quote(blocks) => format!("quote {}", blocks.len()),
                    Kind::Code(c) => format!("code {}", c.trim()),
                    Kind::Html(h) => format!("html {}", h.trim()),
                    Kind::Table(rows) => format!("table {}", rows.len()),
                    Kind::Rule => "rule".into(),
                    Kind::FrontMatter => "front matter".into(),
                };
                format!("{}: {name}", b.line)
            })
            .collect()
    }

    #[test]
    fn blocks_carry_their_start_line() {
        let src = "# T\n\n> quote\n\n- a\n- b\n\n```\nx\n```\n\n<details>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n";
        assert_eq!(
            kinds(src),
            vec![
                "1: h1 T",
                "3: quote 1",
                "5: list 2",
                "8: code x",
                "12: html <details>",
                "14: table 2",
                "18: rule"
            ]
        );
    }

    #[test]
    fn soft_breaks_join_lines_with_one_space() {
        assert_eq!(
            kinds("- relying on my own knowledge and \noccasionally reaching out"),
            vec!["1: list 1"]
        );
        let parsed = parse_blocks("one and \ntwo", 1);
        match &parsed.blocks[0].kind {
            Kind::Paragraph(t) => assert_eq!(t.to_plain(), "one and two"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tight_item_text_becomes_a_paragraph() {
        let parsed = parse_blocks("- **Key**: value\n  - nested", 1);
        let Kind::List(items) = &parsed.blocks[0].kind else {
            panic!()
        };
        assert!(matches!(items[0].blocks[0].kind, Kind::Paragraph(_)));
        assert!(matches!(items[0].blocks[1].kind, Kind::List(_)));
    }

    #[test]
    fn lines_are_found_in_any_order() {
        let lines = Lines::new("a\nbb\n\nc", 1);
        let offsets = [0, 2, 3, 5, 6, 7, 0, 6, 100, 1];
        let found: Vec<usize> = offsets.iter().map(|&o| lines.line(o)).collect();
        assert_eq!(found, vec![1, 2, 2, 3, 4, 4, 1, 4, 4, 1]);
    }

    #[test]
    fn first_line_offsets_line_numbers() {
        assert_eq!(parse_blocks("\n\ntext", 10).blocks[0].line, 12);
    }

    #[test]
    fn images_are_reported_not_kept() {
        let parsed = parse_blocks("See ![the diagram](d.png) here", 1);
        assert_eq!(
            parsed.images,
            vec![(1, "image `the diagram` (d.png)".to_owned())]
        );
        let Kind::Paragraph(t) = &parsed.blocks[0].kind else {
            panic!()
        };
        assert_eq!(t.to_plain(), "See here");
    }

    #[test]
    fn deep_nesting_is_flattened_not_overflowing() {
        let src = ">".repeat(5000) + " deep";
        let parsed = parse_blocks(&src, 1);
        assert_eq!(parsed.blocks.len(), 1);
        let list = "- ".repeat(3000) + "x";
        assert_eq!(parse_blocks(&list, 1).blocks.len(), 1);
    }

    #[test]
    fn front_matter_is_recognised() {
        assert_eq!(
            kinds("---\ntitle: x\n---\n# T"),
            vec!["1: front matter", "4: h1 T"]
        );
    }
}
