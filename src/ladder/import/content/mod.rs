//! Where each block of a level goes: summary, attributes, expectations or
//! examples, and what is said about the blocks that do not fit.

mod html;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::blocks::{Item, Kind, MarkdownBlock};
use super::bullets::flatten;
use super::conventions::{
    attributes_of, drop_prefix, examples_prefix, is_examples_label, loose_attribute,
};
use super::diagnostic::Problem;
use super::inline::{canonical, join};
use crate::ladder::id::{hex12, text_hash};
use crate::ladder::model::{Attribute, Dimension, Expectation, Span, Style, Text};

/// Where the next block goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sink {
    /// Before the first dimension: summary and attributes.
    Preamble,
    /// Examples before the first dimension: nowhere to put them.
    Orphan,
    Expectations,
    Examples,
}

/// The parts of a level read so far.
#[derive(Default)]
pub(crate) struct Reader {
    pub summary: Vec<Text>,
    pub attributes: Vec<Attribute>,
    pub dimensions: Vec<Dimension>,
    /// Line of each dimension's heading.
    pub dimension_lines: Vec<usize>,
    pub problems: Vec<(usize, Problem)>,
    current: Option<usize>,
    general: Option<usize>,
    /// Lines of the `<details>` still open.
    pub(super) details: Vec<usize>,
    examples_heading: Option<u8>,
    examples_label: bool,
    /// The expectation (dimension, index) whose heading the blocks now read sit
    /// under: paragraphs are its details, bullets its examples.
    under_heading: Option<(usize, usize)>,
    /// The 48 bits of an expectation id → line of the first expectation with it.
    seen: HashMap<u64, usize, BuildHasherDefault<HashKey>>,
    /// Expectations kept so far in the level, for its cap.
    expectations: usize,
}

/// The keys of `seen` are already hashes: use them as they are.
#[derive(Default)]
struct HashKey(u64);

impl Hasher for HashKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).rotate_left(5);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // The top 48 bits of an FNV hash; spread them over the whole word.
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Reader {
    fn sink(&self) -> Sink {
        let examples =
            !self.details.is_empty() || self.examples_heading.is_some() || self.examples_label;
        match (self.current, examples) {
            (None, false) => Sink::Preamble,
            (None, true) => Sink::Orphan,
            (Some(_), false) => Sink::Expectations,
            (Some(_), true) => Sink::Examples,
        }
    }

    pub(super) fn warn(&mut self, line: usize, problem: Problem) {
        self.problems.push((line, problem));
    }

    /// A heading ends `<details>` and example sections.
    fn end_sections(&mut self, before: &'static str) {
        if let Some(&line) = self.details.first() {
            self.warn(line, Problem::UnclosedDetails { before });
        }
        self.details.clear();
        self.examples_heading = None;
        self.examples_label = false;
        self.under_heading = None;
    }

    /// The `General` dimension, made (with a warning when `warn`) the first time.
    fn general(&mut self, line: usize, warn: bool) -> usize {
        if let Some(index) = self.general {
            return index;
        }
        if warn {
            self.warn(line, Problem::OutsideDimension);
        }
        self.dimensions.push(Dimension {
            name: "General".into(),
            ..Dimension::default()
        });
        self.dimension_lines.push(line);
        self.general = Some(self.dimensions.len() - 1);
        self.dimensions.len() - 1
    }

    /// An expectation written as a heading (`### I deliver ...`): an expectation of
    /// the dimension it sits in (`nested`), else of `General`; the paragraphs
    /// under it are its details, the bullets its examples.
    pub(crate) fn expectation_heading(&mut self, text: Text, line: usize, nested: bool) {
        self.end_sections("the next heading");
        let index = match self.current {
            Some(index) if nested => index,
            _ => self.general(line, false),
        };
        self.current = Some(index);
        if self.expectation(text, line) {
            let last = self.dimensions[index].expectations.len() - 1;
            self.under_heading = Some((index, last));
        }
    }

    /// A heading under an expectation heading that is not an "Examples" label:
    /// part of the expectation's details.
    pub(crate) fn detail_heading(&mut self, text: Text) {
        if let Some((d, e)) = self.under_heading {
            if !text.is_empty() {
                self.dimensions[d].expectations[e].details.push(text);
            }
        }
    }

    pub(crate) fn start_dimension(&mut self, emoji: Option<String>, name: String, line: usize) {
        self.end_sections("the next heading");
        self.dimensions.push(Dimension {
            emoji,
            name,
            ..Dimension::default()
        });
        self.dimension_lines.push(line);
        self.current = Some(self.dimensions.len() - 1);
    }

    pub(crate) fn group_heading(&mut self, name: String, line: usize) {
        self.end_sections("the next heading");
        self.current = None;
        self.warn(line, Problem::GroupHeading { name });
    }

    pub(crate) fn examples_heading(&mut self, depth: u8) {
        self.examples_label = false;
        self.examples_heading = Some(depth);
    }

    pub(crate) fn finish(&mut self) {
        self.end_sections("the end of the file");
    }

    /// Route one block to where it belongs.
    pub(crate) fn block(&mut self, block: MarkdownBlock, depth: usize) {
        let line = block.line;
        match block.kind {
            Kind::Heading { text, .. } | Kind::Paragraph(text) => {
                self.prose(text, line, "paragraph")
            }
            Kind::List(items) => {
                for item in items {
                    self.item(item);
                }
            }
            Kind::Quote(blocks) => {
                for inner in blocks {
                    self.block(inner, depth + 1);
                }
            }
            Kind::Code(code) => {
                let text = canonical(vec![Span {
                    link: None,
                    text: code,
                    style: Style {
                        code: true,
                        ..Style::default()
                    },
                }]);
                self.placed(text, line, "code block");
            }
            Kind::Html(raw) => self.html(&raw, line, depth),
            Kind::Table(rows) => self.table(rows, line),
            Kind::Rule => {}
            Kind::FrontMatter => self.warn(
                line,
                Problem::Ignored {
                    what: "front matter".into(),
                },
            ),
        }
    }

    /// A paragraph (or text that reads like one).
    fn prose(&mut self, text: Text, line: usize, what: &str) {
        if text.is_empty() {
            return;
        }
        let plain = text.to_plain();
        // Text in code type is literal: `Examples:` in backticks is not a label.
        let literal = text.0.iter().all(|span| span.style.code);
        if !literal && is_examples_label(&plain) {
            self.examples_label = true;
            return;
        }
        if let Some(len) = examples_prefix(&plain).filter(|_| !literal) {
            self.examples_label = true;
            return self.prose(drop_prefix(&text, len), line, what);
        }
        if let Some((d, e)) = self.under_heading {
            if self.sink() == Sink::Examples {
                return self.example(text, line);
            }
            return self.dimensions[d].expectations[e].details.push(text);
        }
        match self.sink() {
            Sink::Preamble => match attributes_of(&text, false) {
                Some(attributes) => self.attributes.extend(attributes),
                None if loose_attribute(&text).is_some() => self.loose_attribute(&text, line),
                None => {
                    if what != "paragraph" {
                        self.warn(
                            line,
                            Problem::ReadAs {
                                what: what.to_owned(),
                                read_as: "summary",
                            },
                        );
                    }
                    self.summary.push(text);
                }
            },
            Sink::Expectations => {
                self.warn(
                    line,
                    Problem::ReadAs {
                        what: what.to_owned(),
                        read_as: "an expectation",
                    },
                );
                self.expectation(text, line);
            }
            Sink::Examples => self.example(text, line),
            Sink::Orphan => self.orphan(&text, line),
        }
    }

    /// Text from a block that is neither a paragraph nor a bullet.
    pub(super) fn placed(&mut self, text: Text, line: usize, what: &str) {
        if text.is_empty() {
            return;
        }
        if let Some((d, e)) = self.under_heading {
            if self.sink() == Sink::Examples {
                return self.example(text, line);
            }
            return self.dimensions[d].expectations[e].details.push(text);
        }
        let read_as = match self.sink() {
            Sink::Preamble => "summary",
            Sink::Expectations => "an expectation",
            Sink::Examples => "an example",
            Sink::Orphan => return self.orphan(&text, line),
        };
        self.warn(
            line,
            Problem::ReadAs {
                what: what.to_owned(),
                read_as,
            },
        );
        match self.sink() {
            Sink::Preamble => self.summary.push(text),
            Sink::Expectations => {
                self.expectation(text, line);
            }
            _ => self.example(text, line),
        }
    }

    fn orphan(&mut self, text: &Text, line: usize) {
        let what = format!("example before the first dimension `{}`", text.to_plain());
        self.warn(line, Problem::Ignored { what });
    }

    fn item(&mut self, item: Item) {
        let line = item.line;
        let (text, examples) = flatten(item);
        let had_examples = !examples.is_empty();
        if self.under_heading.is_some() {
            // Bullets under an expectation heading are its examples.
            if !text.is_empty() {
                self.example(text, line);
            }
            for (example, line) in examples {
                self.example(example, line);
            }
            return;
        }
        match self.sink() {
            Sink::Preamble => match attributes_of(&text, true) {
                Some(attributes) => self.attributes.extend(attributes),
                None if text.is_empty() => {}
                None if loose_attribute(&text).is_some() => self.loose_attribute(&text, line),
                None => {
                    let index = self.general(line, true);
                    self.current = Some(index);
                    self.expectation(text, line);
                    self.current = None;
                }
            },
            Sink::Expectations if text.is_empty() && had_examples => {}
            Sink::Expectations => {
                self.expectation(text, line);
            }
            Sink::Examples => self.example(text, line),
            Sink::Orphan => self.orphan(&text, line),
        }
        for (example, line) in examples {
            match self.sink() {
                Sink::Expectations | Sink::Examples => self.example(example, line),
                _ => self.orphan(&example, line),
            }
        }
    }

    /// `**Key** value` without a colon: an attribute, with a warning.
    fn loose_attribute(&mut self, text: &Text, line: usize) {
        if let Some(attribute) = loose_attribute(text) {
            self.warn(
                line,
                Problem::AttributeWithoutColon {
                    name: attribute.name.clone(),
                },
            );
            self.attributes.push(attribute);
        }
    }

    /// Add an expectation to the current dimension; whether it was added.
    fn expectation(&mut self, text: Text, line: usize) -> bool {
        let Some(index) = self.current else {
            return false;
        };
        if text.is_empty() {
            self.warn(line, Problem::EmptyBullet);
            return false;
        }
        let hash = text_hash(&text);
        // The id keeps the top 48 bits of the hash: equal ids, equal keys.
        if let Some(&first_line) = self.seen.get(&(hash >> 16)) {
            let text = text.to_plain();
            self.warn(line, Problem::DuplicateExpectation { text, first_line });
            return false;
        }
        self.seen.insert(hash >> 16, line);
        self.expectations += 1;
        for problem in super::limits::expectation_caps(&text, self.expectations) {
            self.warn(line, problem);
        }
        let id = hex12(hash);
        self.dimensions[index].expectations.push(Expectation {
            details: Vec::new(),
            examples: Vec::new(),
            id,
            text,
        });
        true
    }

    fn example(&mut self, text: Text, line: usize) {
        let Some(index) = self.current else { return };
        if text.is_empty() {
            return self.warn(line, Problem::EmptyBullet);
        }
        if let Some((d, e)) = self.under_heading {
            return self.dimensions[d].expectations[e].examples.push(text);
        }
        self.dimensions[index].examples.push(text);
    }

    fn table(&mut self, rows: Vec<Vec<Text>>, line: usize) {
        let columns = rows.first().map_or(0, Vec::len);
        let header = rows
            .first()
            .map(|r| r.iter().map(Text::to_plain).collect::<Vec<_>>().join(" | "))
            .unwrap_or_default();
        if self.sink() == Sink::Preamble && columns == 2 {
            let header_is_names = rows[0].iter().all(|c| {
                matches!(
                    c.to_plain().trim().to_lowercase().as_str(),
                    "" | "attribute" | "attributes" | "name" | "key" | "value" | "field"
                )
            });
            let skip = usize::from(header_is_names);
            for row in rows.into_iter().skip(skip) {
                let mut cells = row.into_iter();
                let name = cells.next().unwrap_or_default().to_plain();
                let value = cells.next().unwrap_or_default();
                if !name.trim().is_empty() {
                    self.attributes.push(Attribute {
                        name: name.trim().to_owned(),
                        value,
                    });
                }
            }
            return;
        }
        let rows_are_expectations =
            self.sink() == Sink::Expectations && self.under_heading.is_none();
        let read_as = match self.sink() {
            Sink::Expectations if rows_are_expectations => "expectations, one per row",
            Sink::Expectations => "examples, one per row",
            Sink::Examples => "examples, one per row",
            Sink::Preamble | Sink::Orphan => {
                let what = format!("table with {columns} column(s) `{header}`");
                return self.warn(line, Problem::Ignored { what });
            }
        };
        self.warn(
            line,
            Problem::ReadAs {
                what: format!("table (header `{header}` skipped)"),
                read_as,
            },
        );
        for (n, row) in rows.into_iter().enumerate().skip(1) {
            let text = row
                .into_iter()
                .fold(Text::default(), |acc, cell| join(acc, " — ", cell));
            if rows_are_expectations {
                self.expectation(text, line + n + 1);
            } else {
                self.example(text, line + n + 1);
            }
        }
    }
}
