//! A tiny scanner for the raw HTML ladders contain: it only needs to find
//! tags (by name), comments and the text between them.

/// The tags the importer tells apart, by name in any case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Name {
    Details,
    Summary,
    Other,
}

/// One piece of raw HTML, with the line it starts on.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str, usize),
    Tag {
        name: Name,
        closing: bool,
        raw: &'a str,
        line: usize,
    },
    Comment(&'a str),
}

/// Split raw HTML, whose first line is `first_line`, into pieces.
///
/// Linear in the length of `raw`: every byte is looked at a bounded number of
/// times, whatever the input (see [`Scanner`]).
pub(crate) fn pieces(raw: &str, first_line: usize) -> Vec<Piece<'_>> {
    Scanner::new(raw).pieces(first_line)
}

/// The scan behind [`pieces`], counting the bytes it looks at.
///
/// A tag is `<` or `</`, a letter, then anything up to the next `>`. The next
/// `>` is searched for once and remembered until the scan passes it, so a run
/// of `<a` with no `>` after them costs one search to the end, not one each.
struct Scanner<'a> {
    raw: &'a str,
    /// No `>` lies in `searched..gt`; `gt` is the first one at or after
    /// `searched`, or the end of `raw` when there is none.
    searched: usize,
    gt: usize,
    /// Bytes looked at so far: the main loop's, and the searches'.
    steps: usize,
}

impl<'a> Scanner<'a> {
    fn new(raw: &'a str) -> Self {
        Scanner {
            raw,
            searched: 0,
            gt: 0,
            steps: 0,
        }
    }

    fn pieces(&mut self, first_line: usize) -> Vec<Piece<'a>> {
        let raw = self.raw;
        let bytes = raw.as_bytes();
        let mut out = Vec::new();
        let mut line = first_line;
        let mut text_start = 0;
        let mut text_line = first_line;
        let mut i = 0;
        while i < bytes.len() {
            self.steps += 1;
            if bytes[i] != b'<' {
                if bytes[i] == b'\n' {
                    line += 1;
                }
                i += 1;
                continue;
            }
            let end = if raw[i..].starts_with("<!--") {
                let found = raw[i + 4..].find("-->");
                let end = found.map_or(raw.len(), |e| i + 4 + e + 3);
                // The search stops at the end of the comment, which the scan then skips.
                self.steps += end - i;
                end
            } else {
                match self.tag_end(i) {
                    Some(end) => end,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            };
            if text_start < i {
                out.push(Piece::Text(&raw[text_start..i], text_line));
            }
            let piece_raw = &raw[i..end];
            if piece_raw.starts_with("<!--") {
                out.push(Piece::Comment(piece_raw));
            } else {
                let closing = bytes.get(i + 1) == Some(&b'/');
                let name_start = i + 1 + usize::from(closing);
                let name_len = bytes[name_start..end]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                    .count();
                let name = &raw[name_start..name_start + name_len];
                let name = if name.eq_ignore_ascii_case("details") {
                    Name::Details
                } else if name.eq_ignore_ascii_case("summary") {
                    Name::Summary
                } else {
                    Name::Other
                };
                out.push(Piece::Tag {
                    name,
                    closing,
                    raw: piece_raw,
                    line,
                });
            }
            let newlines = piece_raw.bytes().filter(|&b| b == b'\n').count();
            self.steps += piece_raw.len();
            line += newlines;
            i = end;
            text_start = end;
            text_line = line;
        }
        if text_start < raw.len() {
            out.push(Piece::Text(&raw[text_start..], text_line));
        }
        out
    }

    /// End (exclusive) of a tag starting at `start`, if one starts there.
    /// Calls come with `start` never decreasing.
    fn tag_end(&mut self, start: usize) -> Option<usize> {
        let bytes = self.raw.as_bytes();
        let mut i = start + 1;
        if bytes.get(i) == Some(&b'/') {
            i += 1;
        }
        if !bytes.get(i)?.is_ascii_alphabetic() {
            return None;
        }
        Some(self.next_gt(i)? + 1)
    }

    /// The first `>` at or after `from`, searching each byte at most once
    /// over the whole scan (as `from` never decreases).
    fn next_gt(&mut self, from: usize) -> Option<usize> {
        let bytes = self.raw.as_bytes();
        if from < self.searched || from > self.gt {
            let start = from.max(self.searched);
            let rest = &bytes[start..];
            let found = rest.iter().position(|&b| b == b'>');
            self.steps += found.map_or(rest.len(), |p| p + 1);
            self.searched = start;
            self.gt = found.map_or(bytes.len(), |p| start + p);
        }
        (self.gt < bytes.len()).then_some(self.gt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: Name, closing: bool, raw: &'static str, line: usize) -> Piece<'static> {
        Piece::Tag {
            name,
            closing,
            raw,
            line,
        }
    }

    #[test]
    fn tags_text_and_comments_are_split_with_lines() {
        let raw = "<details>\n<summary>Examples</summary>\n- a <!-- note -->\n</DETAILS>";
        assert_eq!(
            pieces(raw, 10),
            vec![
                tag(Name::Details, false, "<details>", 10),
                Piece::Text("\n", 10),
                tag(Name::Summary, false, "<summary>", 11),
                Piece::Text("Examples", 11),
                tag(Name::Summary, true, "</summary>", 11),
                Piece::Text("\n- a ", 11),
                Piece::Comment("<!-- note -->"),
                Piece::Text("\n", 12),
                tag(Name::Details, true, "</DETAILS>", 13),
            ]
        );
    }

    /// Bytes looked at to split `raw`.
    fn steps(raw: &str) -> usize {
        let mut scan = Scanner::new(raw);
        scan.pieces(1);
        scan.steps
    }

    #[test]
    fn unclosed_tags_are_scanned_in_linear_time() {
        // 160,000 `<a` without a `>`: each used to search to the end (6.8 s).
        let raw = "<a".repeat(160_000);
        assert_eq!(pieces(&raw, 1), vec![Piece::Text(&raw, 1)]);
        assert!(steps(&raw) <= 2 * raw.len(), "{} steps", steps(&raw));
        // The same after a tag, around real tags, and with `</a` and comments.
        for raw in [
            format!("<details>{}", "<a".repeat(100_000)),
            format!("{}<b>", "<a".repeat(100_000)),
            "</a <!-- x --> <a>".repeat(50_000),
            format!("<!--{}", "<a".repeat(100_000)),
        ] {
            assert!(
                steps(&raw) <= 3 * raw.len(),
                "{} of {}",
                steps(&raw),
                raw.len()
            );
        }
    }

    #[test]
    fn a_tag_ends_at_the_first_later_angle_bracket() {
        assert_eq!(
            pieces("<a <b x>y", 1),
            vec![tag(Name::Other, false, "<a <b x>", 1), Piece::Text("y", 1)]
        );
        assert_eq!(
            pieces("< <a\n>\n<summary", 3),
            vec![
                Piece::Text("< ", 3),
                tag(Name::Other, false, "<a\n>", 3),
                Piece::Text("\n<summary", 4),
            ]
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(pieces("a < b", 1), vec![Piece::Text("a < b", 1)]);
        assert_eq!(pieces("<unclosed", 1), vec![Piece::Text("<unclosed", 1)]);
    }

    /// The scanner as it was before it was made linear: the reference for what
    /// the pieces are.
    #[cfg(not(target_arch = "wasm32"))]
    fn quadratic_pieces(raw: &str, first_line: usize) -> Vec<Piece<'_>> {
        let bytes = raw.as_bytes();
        let tag_end = |start: usize| -> Option<usize> {
            let mut i = start + 1;
            if bytes.get(i) == Some(&b'/') {
                i += 1;
            }
            if !bytes.get(i)?.is_ascii_alphabetic() {
                return None;
            }
            let close = bytes[i..].iter().position(|&b| b == b'>')?;
            Some(i + close + 1)
        };
        let (mut out, mut line, mut text_start, mut text_line, mut i) =
            (Vec::new(), first_line, 0, first_line, 0);
        while i < bytes.len() {
            if bytes[i] != b'<' {
                line += usize::from(bytes[i] == b'\n');
                i += 1;
                continue;
            }
            let end = if raw[i..].starts_with("<!--") {
                raw[i + 4..]
                    .find("-->")
                    .map_or(raw.len(), |e| i + 4 + e + 3)
            } else {
                match tag_end(i) {
                    Some(end) => end,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            };
            if text_start < i {
                out.push(Piece::Text(&raw[text_start..i], text_line));
            }
            let piece_raw = &raw[i..end];
            if piece_raw.starts_with("<!--") {
                out.push(Piece::Comment(piece_raw));
            } else {
                let closing = bytes.get(i + 1) == Some(&b'/');
                let start = i + 1 + usize::from(closing);
                let len = bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                    .count();
                let name = match &raw[start..start + len] {
                    n if n.eq_ignore_ascii_case("details") => Name::Details,
                    n if n.eq_ignore_ascii_case("summary") => Name::Summary,
                    _ => Name::Other,
                };
                out.push(Piece::Tag {
                    name,
                    closing,
                    raw: piece_raw,
                    line,
                });
            }
            line += piece_raw.matches('\n').count();
            i = end;
            text_start = end;
            text_line = line;
        }
        if text_start < raw.len() {
            out.push(Piece::Text(&raw[text_start..], text_line));
        }
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn pieces_are_those_of_the_quadratic_scanner(
            raw in "(<|>|/|!|-|a|S|details|summary|\n| |é){0,60}"
        ) {
            proptest::prop_assert_eq!(pieces(&raw, 7), quadratic_pieces(&raw, 7));
        }
    }
}
