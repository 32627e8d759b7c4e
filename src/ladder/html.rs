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
pub(crate) fn pieces(raw: &str, first_line: usize) -> Vec<Piece<'_>> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut line = first_line;
    let mut text_start = 0;
    let mut text_line = first_line;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            if bytes[i] == b'\n' {
                line += 1;
            }
            i += 1;
            continue;
        }
        let end = if raw[i..].starts_with("<!--") {
            raw[i + 4..]
                .find("-->")
                .map_or(raw.len(), |e| i + 4 + e + 3)
        } else {
            match tag_end(bytes, i) {
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
            let name_len = bytes[name_start..]
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

/// End (exclusive) of a tag starting at `start`, if one starts there.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let close = bytes[i..].iter().position(|&b| b == b'>')?;
    Some(i + close + 1)
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

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(pieces("a < b", 1), vec![Piece::Text("a < b", 1)]);
        assert_eq!(pieces("<unclosed", 1), vec![Piece::Text("<unclosed", 1)]);
    }
}
