//! One bullet to one text: nested bullets, paragraphs, code and HTML inside
//! a list item are joined into it, and examples inside it are set apart.
//!
//! Nested bullets join their parent so that nothing is lost and the parent
//! keeps its context: `I am fluent in:` over `Rust` and `SQL` gives
//! `I am fluent in: Rust; SQL`. After `:` `;` `.` `,` `!` `?` only a space
//! is added; otherwise `: ` before the first child and `; ` between children.

use super::blocks::{Item, Kind};
use super::conventions::is_examples_text;
use super::html_tags::{pieces, Name, Piece};
use super::inline::{canonical, join, last_char};
use crate::ladder::model::{Span, Style, Text};

/// One bullet's text, with nested bullets joined in, and the examples it holds
/// (children of an `Examples:` bullet, or after a `<details>` inside it).
pub(crate) fn flatten(item: Item) -> (Text, Vec<(Text, usize)>) {
    let mut text = Text::default();
    let mut examples = Vec::new();
    let mut in_examples = false;
    for block in item.blocks {
        let line = block.line;
        let piece = match block.kind {
            Kind::Paragraph(t) | Kind::Heading { text: t, .. } => {
                if text.is_empty() && !in_examples && is_examples_text(&t) {
                    in_examples = true;
                    continue;
                }
                t
            }
            Kind::List(items) => {
                let mut first = true;
                for sub in items {
                    let sub_line = sub.line;
                    let (t, mut more) = flatten(sub);
                    examples.append(&mut more);
                    if in_examples {
                        examples.push((t, sub_line));
                    } else if !t.is_empty() {
                        let sep = match (last_char(&text), first) {
                            (Some(':' | ';' | '.' | ',' | '!' | '?') | None, _) => " ",
                            (_, true) => ": ",
                            (_, false) => "; ",
                        };
                        text = join(text, sep, t);
                        first = false;
                    }
                }
                continue;
            }
            Kind::Quote(blocks) => flatten(Item { line, blocks }).0,
            Kind::Code(code) => canonical(vec![Span {
                link: None,
                text: code,
                style: Style {
                    code: true,
                    ..Style::default()
                },
            }]),
            Kind::Html(raw) => {
                let mut plain = String::new();
                let mut in_summary = false;
                for piece in pieces(&raw, line) {
                    match piece {
                        Piece::Text(t, _) if !in_summary => plain.push_str(t),
                        Piece::Tag {
                            name: Name::Summary,
                            closing,
                            ..
                        } => in_summary = !closing,
                        Piece::Tag {
                            name: Name::Details,
                            closing: false,
                            ..
                        } => {
                            if !in_examples {
                                let before = Span {
                                    link: None,
                                    text: std::mem::take(&mut plain),
                                    style: Style::default(),
                                };
                                text = join(text, " ", canonical(vec![before]));
                            }
                            in_examples = true;
                        }
                        _ => {}
                    }
                }
                canonical(vec![Span {
                    link: None,
                    text: plain,
                    style: Style::default(),
                }])
            }
            Kind::Table(rows) => {
                let cells: Vec<Text> = rows.into_iter().flatten().collect();
                cells
                    .into_iter()
                    .fold(Text::default(), |acc, cell| join(acc, " ", cell))
            }
            Kind::Rule | Kind::FrontMatter => continue,
        };
        if in_examples {
            examples.push((piece, line));
        } else {
            text = join(text, " ", piece);
        }
    }
    (
        text,
        examples
            .into_iter()
            .filter(|(t, _)| !t.is_empty())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::import::blocks::parse_blocks;

    fn first_item(src: &str) -> Item {
        match parse_blocks(src, 1)
            .blocks
            .into_iter()
            .next()
            .map(|b| b.kind)
        {
            Some(Kind::List(items)) => items.into_iter().next().expect("an item"),
            other => panic!("not a list: {other:?}"),
        }
    }

    fn flat(src: &str) -> (String, Vec<String>) {
        let (text, examples) = flatten(first_item(src));
        (
            text.to_plain(),
            examples.iter().map(|(t, _)| t.to_plain()).collect(),
        )
    }

    #[test]
    fn nested_bullets_join_their_parent() {
        assert_eq!(
            flat("- I know:\n  - Rust\n  - SQL"),
            ("I know: Rust; SQL".into(), vec![])
        );
        assert_eq!(
            flat("- I test\n  - units\n    - deeply\n  - flows"),
            ("I test: units: deeply; flows".into(), vec![])
        );
        assert_eq!(flat("- Done.\n  - really"), ("Done. really".into(), vec![]));
    }

    #[test]
    fn paragraphs_and_code_of_a_bullet_are_joined() {
        assert_eq!(
            flat("- one\n\n  two\n\n      code\n"),
            ("one two code".into(), vec![])
        );
    }

    #[test]
    fn examples_inside_a_bullet_are_set_apart() {
        assert_eq!(
            flat("- Examples:\n  - e1\n  - e2"),
            (String::new(), vec!["e1".into(), "e2".into()])
        );
        assert_eq!(
            flat("- I help\n  <details><summary>Examples</summary>\n\n  - e1\n  </details>"),
            ("I help".into(), vec!["e1".into()])
        );
    }

    #[test]
    fn many_children_join_in_linear_time() {
        let src = format!("- parent\n{}", "  - child\n".repeat(20_000));
        let (text, _) = flatten(first_item(&src));
        assert_eq!(text.to_plain().matches("child").count(), 20_000);
    }
}
