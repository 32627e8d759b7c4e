//! A level back to markdown, in the canonical format `ladders/README.md`
//! describes. Importing the result gives the same level again. Expectations
//! with details or examples are written as `### I ...` headings with their
//! text under them.

use crate::ladder::model::{Level, Span, Style, Text};

/// Write a level as canonical ladder markdown.
pub fn level_to_markdown(level: &Level) -> String {
    let mut out = String::new();
    let heading = match (level.label.is_empty(), level.title.is_empty()) {
        (false, false) => format!(
            "{}: {}",
            escape_span(&level.label, true),
            escape_span(&level.title, false)
        ),
        (false, true) => escape_span(&level.label, true),
        (true, false) => escape_span(&level.title, true),
        (true, true) => String::new(),
    };
    if !heading.is_empty() {
        out.push_str("# ");
        out.push_str(&heading);
        out.push_str("\n\n");
    }
    if !level.summary.is_empty() {
        let paragraphs: Vec<String> = paragraphs(&level.summary)
            .iter()
            .map(|p| format!("> {}\n", text(p)))
            .collect();
        out.push_str(&paragraphs.join(">\n"));
        out.push('\n');
    }
    if !level.attributes.is_empty() {
        for attribute in &level.attributes {
            let value = text(&attribute.value);
            let sep = if value.is_empty() { "" } else { " " };
            let name = escape_span(&attribute.name, false);
            // The importer drops a key's trailing colons, so a name that ends in one
            // keeps it only with a space and the separating colon inside the key.
            if attribute.name.ends_with(':') {
                out.push_str(&format!("- **{name} :**{sep}{value}\n"));
            } else {
                out.push_str(&format!("- **{name}**:{sep}{value}\n"));
            }
        }
        out.push('\n');
    }
    for dimension in &level.dimensions {
        out.push_str("##");
        if let Some(emoji) = &dimension.emoji {
            out.push(' ');
            out.push_str(emoji);
        }
        if !dimension.name.is_empty() {
            out.push(' ');
            out.push_str(&escape_span(&dimension.name, dimension.emoji.is_none()));
        }
        out.push_str("\n\n");
        // Expectations with details or examples are written as headings, with
        // their text under them; the ones before the first such are bullets.
        let first_heading = dimension
            .expectations
            .iter()
            .position(|e| !e.details.is_empty() || !e.examples.is_empty())
            .unwrap_or(dimension.expectations.len());
        let (bullets, headings) = dimension.expectations.split_at(first_heading);
        for expectation in bullets {
            out.push_str(&format!("- {}\n", text(&expectation.text)));
        }
        if !bullets.is_empty() {
            out.push('\n');
        }
        if !dimension.examples.is_empty() {
            out.push_str("<details>\n<summary>Examples</summary>\n\n");
            for example in &dimension.examples {
                out.push_str(&format!("- {}\n", text(example)));
            }
            out.push_str("\n</details>\n\n");
        }
        for expectation in headings {
            out.push_str(&format!("### {}\n\n", text(&expectation.text)));
            for detail in &expectation.details {
                out.push_str(&format!("{}\n\n", text(detail)));
            }
            for example in &expectation.examples {
                out.push_str(&format!("- {}\n", text(example)));
            }
            if !expectation.examples.is_empty() {
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Split a summary at its blank-line paragraph breaks.
fn paragraphs(summary: &Text) -> Vec<Text> {
    let mut out = vec![Text::default()];
    for span in &summary.0 {
        for (n, part) in span.text.split("\n\n").enumerate() {
            if n > 0 {
                out.push(Text::default());
            }
            if !part.is_empty() {
                if let Some(last) = out.last_mut() {
                    last.0.push(Span {
                        link: span.link.clone(),
                        text: part.to_owned(),
                        style: span.style,
                    });
                }
            }
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Delim {
    Strong,
    Emphasis,
}

impl Delim {
    fn marker(self) -> &'static str {
        match self {
            Delim::Strong => "**",
            Delim::Emphasis => "*",
        }
    }

    fn on(self, style: Style) -> bool {
        match self {
            Delim::Strong => style.strong,
            Delim::Emphasis => style.emphasis,
        }
    }
}

/// Inline markdown for a text: `**`, `*`, backticks and `[text](target)` links,
/// everything else escaped.
fn text(text: &Text) -> String {
    let spans = &text.0;
    let mut out = String::new();
    let mut open: Vec<Delim> = Vec::new();
    // How far (exclusive span index) a style runs from span `i`.
    let run_end = |i: usize, d: Delim| {
        (i..spans.len())
            .find(|&j| !d.on(spans[j].style))
            .unwrap_or(spans.len())
    };
    let mut link: Option<&str> = None;
    for (i, span) in spans.iter().enumerate() {
        if span.link.as_deref() != link {
            // Styles nest inside a link: close them, then the link, then open the next.
            while let Some(d) = open.pop() {
                out.push_str(d.marker());
            }
            if let Some(target) = link {
                close_link(target, &mut out);
            }
            link = span.link.as_deref();
            if link.is_some() {
                out.push('[');
            }
        }
        // Close what ends here, reopening what was above it and goes on.
        if let Some(pos) = open.iter().position(|d| !d.on(span.style)) {
            let mut reopen = Vec::new();
            while open.len() > pos {
                let d = open.pop().unwrap_or(Delim::Strong);
                out.push_str(d.marker());
                if d.on(span.style) {
                    reopen.push(d);
                }
            }
            reopen.sort_by_key(|&d| std::cmp::Reverse(run_end(i, d)));
            for d in reopen {
                out.push_str(d.marker());
                open.push(d);
            }
        }
        // Open what starts here, the longest run outermost.
        let mut starting: Vec<Delim> = [Delim::Strong, Delim::Emphasis]
            .into_iter()
            .filter(|d| d.on(span.style) && !open.contains(d))
            .collect();
        starting.sort_by_key(|&d| std::cmp::Reverse(run_end(i, d)));
        for d in starting {
            out.push_str(d.marker());
            open.push(d);
        }
        if span.style.code {
            code(&span.text, &mut out);
        } else {
            out.push_str(&escape_span(&span.text, i == 0 && open.is_empty()));
        }
    }
    while let Some(d) = open.pop() {
        out.push_str(d.marker());
    }
    if let Some(target) = link {
        close_link(target, &mut out);
    }
    out
}

/// `](target)`, with the characters that would end or split the target encoded.
fn close_link(target: &str, out: &mut String) {
    out.push_str("](");
    for c in target.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out.push(')');
}

fn code(s: &str, out: &mut String) {
    let s = s.replace('\n', " ");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let all_spaces = s.chars().all(|c| c == ' ');
    let pad = s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && !all_spaces);
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&s);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// Escape markdown punctuation in one span of a text, written without knowing the
/// span after it: so also every `&` (the next span could finish an entity) and `!`
/// (the next could be a link, making an image). At the start of a block also the
/// characters that would start a list, quote, heading or break. Whole texts that
/// people read as plain words too (summaries, exports) use `progress::escape`, which
/// can leave those two alone.
fn escape_span(s: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) || (at_start && i == 0 && matches!(c, '-' | '+' | '='))
            || (at_start && digits > 0 && i == digits && matches!(c, '.' | ')'));
        if special {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(t: &str, emphasis: bool, strong: bool, code: bool) -> Span {
        Span {
            link: None,
            text: t.into(),
            style: Style {
                emphasis,
                strong,
                code,
            },
        }
    }

    #[test]
    fn styles_become_delimiters() {
        let t = Text(vec![
            span("I ", false, false, false),
            span("learn", true, false, false),
            span(" from ", false, false, false),
            span("x", false, true, true),
        ]);
        assert_eq!(text(&t), "I *learn* from **`x`**");
    }

    #[test]
    fn nested_styles_nest() {
        let t = Text(vec![
            span("a ", false, true, false),
            span("b", true, true, false),
            span(" c", false, true, false),
        ]);
        assert_eq!(text(&t), "**a *b* c**");
    }

    /// The one level `doc` imports to (a file with no expectations is a guide, not a level), after checking it reads back the same once written.
    #[track_caller]
    fn round_trip(doc: &str) -> Level {
        let import = |text: &str| {
            let mut ladder =
                crate::ladder::import::import_ladder([("E/R/L2-Dev.md", text.as_bytes())]).ladder;
            ladder.roles.remove(0).levels.remove(0)
        };
        let level = import(doc);
        let written = level_to_markdown(&level);
        assert_eq!(import(&written), level, "{written}");
        level
    }

    #[test]
    fn an_attribute_named_with_a_trailing_colon_reads_back_the_same() {
        let level = round_trip("# L2: Dev\n\n- **: :**: \n\n## Craft\n\n- I ship.\n");
        assert_eq!(level.attributes[0].name, ":");
    }

    #[test]
    fn a_summary_in_code_type_that_reads_examples_stays_the_summary() {
        let level = round_trip("```\nExamples: \n```\n\n## Craft\n\n- I ship.\n");
        assert_eq!(level.summary.to_plain(), "Examples:");
    }

    #[test]
    fn a_lone_space_between_emphasis_and_an_emphasised_link_reads_back_the_same() {
        let level =
            round_trip("# L2: Dev\n\n *`` a`b `` <https://x.example>*\n\n## Craft\n\n- I ship.\n");
        assert_eq!(level.summary.to_plain(), "a`b https://x.example");
    }

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(
            escape_span("1. *not* a list", true),
            "1\\. \\*not\\* a list"
        );
        assert_eq!(escape_span("- x <b>", true), "\\- x \\<b\\>");
        assert_eq!(escape_span("a-b", true), "a-b");
    }

    #[test]
    fn code_spans_use_a_long_enough_fence() {
        let mut out = String::new();
        code("a `b`", &mut out);
        assert_eq!(out, "`` a `b` ``");
        out.clear();
        code(" a ", &mut out);
        assert_eq!(out, "`  a  `");
    }
}
