//! Markdown escaping for text people typed or the ladder holds, so that it reads as
//! the same words and never as structure (headings, lists, links, tables, HTML).
//!
//! These escape a whole text, whose every character they see: an `&` is escaped only
//! where it starts an entity and `!` never (a `[` after it is escaped already), so
//! what people read as plain text stays readable. The ladder writer escapes one span
//! of a text at a time without knowing the next, so its `escape_span`
//! (`ladder/write.rs`) escapes every `&` and `!`: two rules for two jobs.

/// Characters that mean something anywhere in a line.
const ANYWHERE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~'];

/// `s` on one line: whitespace runs (newlines too) become one space, and every
/// character that could start markdown structure is backslash-escaped.
pub(super) fn inline(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    line(&words.join(" "))
}

/// `s` over as many lines as it has: blank lines dropped, each line escaped like
/// [`inline`], joined by hard line breaks (`\` at the end of the line) with the
/// next line indented by `indent` so that it stays in its list item.
pub(super) fn block(s: &str, indent: &str) -> String {
    let lines: Vec<String> = s.lines().map(inline).filter(|l| !l.is_empty()).collect();
    lines.join(&format!("\\\n{indent}"))
}

/// Escape one trimmed line, including what only means something at its start.
fn line(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    if s.starts_with(['-', '+', '=']) {
        out.push('\\');
    }
    // `1.` or `1)` starts an ordered list.
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let list_mark = (digits > 0 && s[digits..].starts_with(['.', ')'])).then_some(digits);
    let mut rest = s.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        let entity = c == '&'
            && rest
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#');
        if ANYWHERE.contains(&c) || entity || list_mark == Some(i) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_characters_are_escaped() {
        assert_eq!(
            inline("**bold** _it_ `code` [a](b) <b> a|b ~~s~~ C# \\"),
            "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\[a\\](b) \\<b\\> a\\|b \\~\\~s\\~\\~ C\\# \\\\"
        );
    }

    #[test]
    fn line_starts_that_make_lists_or_headings_are_escaped() {
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("+ item"), "\\+ item");
        assert_eq!(inline("==="), "\\===");
        assert_eq!(inline("12. item"), "12\\. item");
        assert_eq!(inline("3) item"), "3\\) item");
        assert_eq!(inline("in 2024. Done - ok"), "in 2024. Done - ok");
    }

    #[test]
    fn only_entity_like_ampersands_are_escaped() {
        assert_eq!(inline("R & D &amp; &#42;"), "R & D \\&amp; \\&\\#42;");
    }

    #[test]
    fn newlines_fold_inline_and_break_in_blocks() {
        assert_eq!(inline("one\n\n  two\tthree "), "one two three");
        assert_eq!(
            block("one\n\n# two\n  - three", "    "),
            "one\\\n    \\# two\\\n    \\- three"
        );
        assert_eq!(block(" \n ", "  "), "");
    }
}
