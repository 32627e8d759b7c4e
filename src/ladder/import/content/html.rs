//! HTML blocks in a level: `<details>`/`<summary>` structure (in any of the
//! shapes people write it), comments, and markup whose text is kept.
//!
//! The markdown between the tags of one HTML block (when the author left no
//! blank lines, everything up to `</details>` is one block) is parsed again
//! and routed like the rest of the file, with its real line numbers.

use super::Reader;
use crate::ladder::import::blocks::parse_blocks;
use crate::ladder::import::conventions::is_examples_label;
use crate::ladder::import::diagnostic::Problem;
use crate::ladder::import::html_tags::{pieces, Name, Piece};
use crate::ladder::import::inline::canonical;
use crate::ladder::model::{Span, Style};

/// HTML nested in HTML is parsed again at most this deep.
const MAX_HTML_DEPTH: usize = 4;

impl Reader {
    /// An HTML block: `<details>`/`<summary>` structure, comments, or markup
    /// whose text is kept.
    pub(super) fn html(&mut self, raw: &str, line: usize, depth: usize) {
        let pieces = pieces(raw, line);
        let structural = pieces
            .iter()
            .any(|p| matches!(p, Piece::Tag { name, .. } if *name != Name::Other));
        if !structural || depth >= MAX_HTML_DEPTH {
            let mut text = String::new();
            let mut tag = None;
            for piece in &pieces {
                match piece {
                    Piece::Text(t, _) => text.push_str(t),
                    Piece::Tag { raw, .. } if tag.is_none() => tag = Some(*raw),
                    _ => {}
                }
            }
            let what = format!("html block `{}`", tag.unwrap_or("").trim());
            return self.placed(
                canonical(vec![Span {
                    link: None,
                    text,
                    style: Style::default(),
                }]),
                line,
                &what,
            );
        }
        let mut buffer = String::new();
        let mut buffer_line = line;
        let mut summary: Option<String> = None;
        for piece in pieces {
            match piece {
                Piece::Text(t, at) => match summary.as_mut() {
                    Some(s) => {
                        s.push_str(t);
                        if !buffer.is_empty() {
                            buffer.extend(std::iter::repeat_n('\n', t.matches('\n').count()));
                        }
                    }
                    None => {
                        if buffer.trim().is_empty() {
                            buffer.clear();
                            buffer_line = at;
                        }
                        buffer.push_str(t);
                    }
                },
                Piece::Tag {
                    name,
                    closing,
                    raw,
                    line: at,
                } => {
                    if name == Name::Other {
                        if summary.is_none() {
                            buffer.push_str(raw);
                        }
                        continue;
                    }
                    if name == Name::Details {
                        self.flush(&mut buffer, buffer_line, depth);
                        if closing {
                            self.details.pop();
                        } else {
                            self.details.push(at);
                        }
                    } else {
                        match (closing, summary.take()) {
                            (true, Some(title)) => self.summary_title(title.trim(), at),
                            (false, _) => summary = Some(String::new()),
                            (true, None) => {}
                        }
                    }
                    if !buffer.is_empty() {
                        buffer.extend(std::iter::repeat_n('\n', raw.matches('\n').count()));
                    }
                }
                Piece::Comment(raw) => {
                    if !buffer.is_empty() {
                        buffer.extend(std::iter::repeat_n('\n', raw.matches('\n').count()));
                    }
                }
            }
        }
        if let Some(title) = summary {
            self.summary_title(title.trim(), line);
        }
        self.flush(&mut buffer, buffer_line, depth);
    }

    fn summary_title(&mut self, title: &str, line: usize) {
        if !title.is_empty() && !is_examples_label(title) {
            self.warn(
                line,
                Problem::DetailsNotExamples {
                    summary: title.to_owned(),
                },
            );
        }
    }

    /// Markdown found inside an HTML block: parse it and route its blocks.
    fn flush(&mut self, buffer: &mut String, line: usize, depth: usize) {
        let text = std::mem::take(buffer);
        if text.trim().is_empty() {
            return;
        }
        let parsed = parse_blocks(&text, line);
        for (at, what) in parsed.images {
            self.warn(at, Problem::Ignored { what });
        }
        for block in parsed.blocks {
            self.block(block, depth + 1);
        }
    }
}
