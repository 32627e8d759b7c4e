//! Inline markdown to [`Text`]: styles, whitespace and the canonical form.
//!
//! Emphasis, strong and code become span styles; links keep their text and,
//! when the target is `http:`, `https:`, `mailto:` or relative, their target;
//! strikethrough keeps its text unstyled; raw inline HTML is kept as literal
//! text; soft and hard line breaks become a space. Whitespace runs collapse
//! to one space and the text is trimmed. A space between two differently
//! styled spans carries only the styles both sides share, so the same words
//! always give the same spans (and `level_to_markdown` can write them back).

use crate::ladder::model::{Span, Style, Text};

/// Collects inline events of one paragraph, heading or cell, collapsing
/// whitespace as it goes.
pub(crate) struct InlineBuilder {
    spans: Vec<Span>,
    emphasis: u32,
    strong: u32,
    /// Inside an image: its alt text goes to `alt`, not to the text.
    image: u32,
    alt: String,
    /// Whether the text so far ends in a space (or is empty).
    last_space: bool,
    /// Target of the link being read, when it is one worth keeping.
    link: Option<String>,
    /// Depth of links (markdown does not nest them, HTML might).
    links: u32,
}

impl Default for InlineBuilder {
    fn default() -> Self {
        InlineBuilder {
            spans: Vec::new(),
            emphasis: 0,
            strong: 0,
            image: 0,
            alt: String::new(),
            last_space: true,
            link: None,
            links: 0,
        }
    }
}

impl InlineBuilder {
    pub(crate) fn text(&mut self, s: &str) {
        self.push(s, false);
    }

    pub(crate) fn code(&mut self, s: &str) {
        self.push(s, true);
    }

    fn push(&mut self, s: &str, code: bool) {
        if self.image > 0 {
            self.alt.push_str(s);
            return;
        }
        let style = Style {
            emphasis: self.emphasis > 0,
            strong: self.strong > 0,
            code,
        };
        if self
            .spans
            .last()
            .is_none_or(|last| last.style != style || last.link != self.link)
        {
            // Room for the usual bullet, so the text events of one paragraph rarely reallocate.
            self.spans.push(Span {
                link: self.link.clone(),
                text: String::with_capacity((s.len() + 32).max(64)),
                style,
            });
        }
        if let Some(last) = self.spans.last_mut() {
            append_collapsed(&mut last.text, s, &mut self.last_space);
        }
    }

    pub(crate) fn emphasis(&mut self, open: bool) {
        self.emphasis = step(self.emphasis, open);
    }

    pub(crate) fn strong(&mut self, open: bool) {
        self.strong = step(self.strong, open);
    }

    /// A link to `target` starts: its text carries the target when it is safe to follow.
    pub(crate) fn start_link(&mut self, target: &str) {
        self.links += 1;
        if self.links == 1 {
            self.link = safe_link(target);
        }
    }

    pub(crate) fn end_link(&mut self) {
        self.links = self.links.saturating_sub(1);
        if self.links == 0 {
            self.link = None;
        }
    }

    pub(crate) fn start_image(&mut self) {
        self.image += 1;
    }

    /// Ends an image and returns its alt text once the outermost one ends.
    pub(crate) fn end_image(&mut self) -> Option<String> {
        self.image = self.image.saturating_sub(1);
        (self.image == 0).then(|| std::mem::take(&mut self.alt))
    }

    pub(crate) fn finish(self) -> Text {
        boundaries(self.spans)
    }
}

/// `target` when it is `http:`, `https:`, `mailto:` or relative (no scheme); `None`
/// for any other scheme (`javascript:`, `data:`, ...) and for an empty target.
pub(crate) fn safe_link(target: &str) -> Option<String> {
    let target = target.trim();
    if target.is_empty() || target.chars().any(char::is_control) {
        return None;
    }
    let scheme_end = target.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if target[i..].starts_with(':') => {
            let scheme = target[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto").then(|| target.to_owned())
        }
        _ => Some(target.to_owned()),
    }
}

fn step(depth: u32, open: bool) -> u32 {
    if open {
        depth + 1
    } else {
        depth.saturating_sub(1)
    }
}

fn common(a: Style, b: Style) -> Style {
    Style {
        emphasis: a.emphasis && b.emphasis,
        strong: a.strong && b.strong,
        code: a.code && b.code,
    }
}

/// The canonical form of some spans (see the module docs).
pub(crate) fn canonical(spans: Vec<Span>) -> Text {
    let mut last_space = true;
    let collapsed = spans
        .into_iter()
        .map(|span| {
            let leading = last_space && span.text.starts_with(' ');
            if !leading && is_printable_single_spaced(span.text.as_bytes()) {
                // Already collapsed (what `append_collapsed` would copy as it is).
                if !span.text.is_empty() {
                    last_space = span.text.ends_with(' ');
                }
                return span;
            }
            let mut text = String::with_capacity(span.text.len());
            append_collapsed(&mut text, &span.text, &mut last_space);
            Span {
                text,
                style: span.style,
                link: span.link,
            }
        })
        .collect();
    boundaries(collapsed)
}

/// Spans with whitespace already collapsed to their canonical form: drop
/// empty spans and the trailing space, then give each space at a style
/// boundary the styles both neighbours share.
fn boundaries(mut pieces: Vec<Span>) -> Text {
    pieces.retain(|s| !s.text.is_empty());
    if let Some(last) = pieces.last_mut() {
        if last.text.ends_with(' ') {
            last.text.pop();
        }
        if last.text.is_empty() {
            pieces.pop();
        }
    }
    if pieces.len() <= 1 || pieces.windows(2).all(|w| settled(&w[0], &w[1])) {
        return Text(pieces);
    }
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    let next_keys: Vec<Option<(Style, Option<String>)>> = (0..pieces.len())
        .map(|i| pieces.get(i + 1).map(|s| (s.style, s.link.clone())))
        .collect();
    for (mut span, next_key) in pieces.into_iter().zip(next_keys) {
        let prev_key = out.last().map(|s: &Span| (s.style, s.link.clone()));
        let key = (span.style, span.link.clone());
        let mut lead = None;
        let mut trail = None;
        if let Some(prev) = prev_key.filter(|p| *p != key) {
            if span.text.starts_with(' ') {
                span.text.remove(0);
                let mut space = boundary_space(&prev, &key);
                // A span that was only this space sits at both of its boundaries.
                if let Some(next) = next_key.as_ref().filter(|_| span.text.is_empty()) {
                    space = boundary_space(&space, next);
                }
                lead = Some(space);
            }
        }
        if let Some(next) = next_key.filter(|n| *n != key) {
            if span.text.ends_with(' ') {
                span.text.pop();
                trail = Some(boundary_space(&key, &next));
            }
        }
        if let Some((style, link)) = lead {
            push_merged(&mut out, String::from(" "), style, link);
        }
        if !span.text.is_empty() {
            push_merged(&mut out, span.text, span.style, span.link);
        }
        if let Some((style, link)) = trail {
            push_merged(&mut out, String::from(" "), style, link);
        }
    }
    Text(out)
}

/// The style and link of a space between two differently styled or linked
/// spans: the styles both share inside one link, plain text at a link's edge.
fn boundary_space(
    a: &(Style, Option<String>),
    b: &(Style, Option<String>),
) -> (Style, Option<String>) {
    if a.1 == b.1 {
        (common(a.0, b.0), a.1.clone())
    } else {
        (Style::default(), None)
    }
}

/// Whether two neighbouring spans are already canonical at their boundary.
fn settled(a: &Span, b: &Span) -> bool {
    if a.style == b.style && a.link == b.link {
        return false;
    }
    let (shared, link) = boundary_space(&(a.style, a.link.clone()), &(b.style, b.link.clone()));
    (!a.text.ends_with(' ') || (a.style == shared && a.link == link))
        && (!b.text.starts_with(' ') || (b.style == shared && b.link == link))
}

/// Byte length of the whitespace character starting at `i`, or 0.
pub(crate) fn whitespace_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        // Lead bytes of the non-ASCII whitespace characters.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => match s[i..].chars().next() {
            Some(c) if c.is_whitespace() => c.len_utf8(),
            _ => 0,
        },
        _ => 0,
    }
}

/// Whether `bytes` are printable ASCII (a space and up) with no two spaces
/// in a row. Folded in fixed-size blocks, which vectorise.
pub(crate) fn is_printable_single_spaced(bytes: &[u8]) -> bool {
    let odd = |b: u8| !(b' '..0x7f).contains(&b);
    let Some(&first) = bytes.first() else {
        return true;
    };
    if odd(first) {
        return false;
    }
    // Each pair of neighbours (x, y): y is checked alone, and the pair for two spaces.
    let (xs, ys) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    let mut x_blocks = xs.chunks_exact(16);
    let mut y_blocks = ys.chunks_exact(16);
    for (x, y) in (&mut x_blocks).zip(&mut y_blocks) {
        let bad = x.iter().zip(y).fold(false, |bad, (&x, &y)| {
            bad | odd(y) | ((x == b' ') & (y == b' '))
        });
        if bad {
            return false;
        }
    }
    !x_blocks
        .remainder()
        .iter()
        .zip(y_blocks.remainder())
        .any(|(&x, &y)| odd(y) | ((x == b' ') & (y == b' ')))
}

/// Append `s` to `out` with whitespace runs collapsed to one space, and no
/// space at all right after a space (`last_space` carries that across calls).
fn append_collapsed(out: &mut String, s: &str, last_space: &mut bool) {
    // Most text already has single spaces only: copy it in one go.
    // Printable ASCII, no space after a space (or after the space the text
    // so far ends in).
    let leading = *last_space && s.as_bytes().first() == Some(&b' ');
    if !leading && is_printable_single_spaced(s.as_bytes()) {
        out.push_str(s);
        if !s.is_empty() {
            *last_space = s.ends_with(' ');
        }
        return;
    }
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    let mut space = *last_space;
    while i < bytes.len() {
        // Skip to the next byte that can start a whitespace character.
        match bytes[i..]
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3))
        {
            Some(0) => {}
            Some(skip) => {
                space = false;
                i += skip;
            }
            None => {
                space = false;
                break;
            }
        }
        if bytes[i] == b' ' && !space {
            // A single space after a word stays as it is.
            space = true;
            i += 1;
            continue;
        }
        let ws = whitespace_at(s, i);
        if ws == 0 {
            space = false;
            i += 1;
            continue;
        }
        out.push_str(&s[copied..i]);
        if !space {
            out.push(' ');
            space = true;
        }
        i += ws;
        copied = i;
    }
    out.push_str(&s[copied..]);
    *last_space = space;
}

fn push_merged(out: &mut Vec<Span>, text: String, style: Style, link: Option<String>) {
    match out.last_mut() {
        Some(last) if last.style == style && last.link == link => last.text.push_str(&text),
        _ => out.push(Span { text, style, link }),
    }
}

/// `a` followed by `b`, with `sep` (which ends in a space) between them when
/// both have words. Both must be canonical; so is the result. Linear in the
/// length of `b`, so joining many pieces one by one stays linear.
pub(crate) fn join(a: Text, sep: &str, b: Text) -> Text {
    if a.0.is_empty() {
        return b;
    }
    if b.0.is_empty() {
        return a;
    }
    let mut spans = a.0;
    push_merged(&mut spans, sep.to_owned(), Style::default(), None);
    for span in b.0 {
        push_merged(&mut spans, span.text, span.style, span.link);
    }
    Text(spans)
}

/// The last non-space character of the text.
pub(crate) fn last_char(text: &Text) -> Option<char> {
    text.0
        .iter()
        .rev()
        .find_map(|s| s.text.trim_end().chars().next_back())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_relative_link_targets_are_kept() {
        assert_eq!(
            safe_link("https://a.example/x"),
            Some("https://a.example/x".into())
        );
        assert_eq!(
            safe_link("HTTP://a.example"),
            Some("HTTP://a.example".into())
        );
        assert_eq!(
            safe_link("mailto:hr@a.example"),
            Some("mailto:hr@a.example".into())
        );
        assert_eq!(
            safe_link("../Guide.md#scale"),
            Some("../Guide.md#scale".into())
        );
        assert_eq!(safe_link("#top"), Some("#top".into()));
        assert_eq!(safe_link("javascript:alert(1)"), None);
        assert_eq!(safe_link(" JavaScript:alert(1)"), None);
        assert_eq!(safe_link("data:text/html,x"), None);
        assert_eq!(safe_link("java\nscript:x"), None);
        assert_eq!(safe_link(""), None);
    }

    fn span(text: &str, emphasis: bool, strong: bool, code: bool) -> Span {
        Span {
            link: None,
            text: text.into(),
            style: Style {
                emphasis,
                strong,
                code,
            },
        }
    }

    #[test]
    fn printable_single_spaced_is_found_at_any_offset() {
        // The plain rule, byte by byte, against the block-wise check, with the
        // odd byte at every position of texts longer and shorter than a block.
        let plain = |b: &[u8]| {
            b.iter().all(|&c| (b' '..=b'~').contains(&c)) && !b.windows(2).any(|w| w == b"  ")
        };
        let base = b"I keep our services reliable and our users happy, every day.";
        for len in 0..base.len() {
            let text = &base[..len];
            assert!(is_printable_single_spaced(text), "{len}");
            for at in 0..len {
                for odd in [b'\n', b'\t', 0x7f, 0xc3, 0] {
                    let mut t = text.to_vec();
                    t[at] = odd;
                    assert_eq!(
                        is_printable_single_spaced(&t),
                        plain(&t),
                        "{len} {at} {odd}"
                    );
                }
                let mut t = text.to_vec();
                t[at] = b' ';
                if at > 0 {
                    t[at - 1] = b' ';
                }
                assert_eq!(
                    is_printable_single_spaced(&t),
                    plain(&t),
                    "{len} {at} spaces"
                );
            }
        }
    }

    #[test]
    fn whitespace_collapses_across_spans_and_is_trimmed() {
        let t = canonical(vec![
            span("  a \n", false, false, false),
            span(" b  ", false, false, false),
        ]);
        assert_eq!(t, Text::plain("a b"));
    }

    #[test]
    fn boundary_space_takes_the_shared_style() {
        let t = canonical(vec![
            span("a ", false, true, false),
            span("b", true, false, false),
        ]);
        assert_eq!(
            t.0,
            vec![
                span("a", false, true, false),
                span(" ", false, false, false),
                span("b", true, false, false)
            ]
        );
        let nested = canonical(vec![
            span("a ", false, true, false),
            span("b", true, true, false),
            span(" c", false, true, false),
        ]);
        assert_eq!(
            nested.0,
            vec![
                span("a ", false, true, false),
                span("b", true, true, false),
                span(" c", false, true, false)
            ]
        );
    }

    #[test]
    fn canonical_form_is_stable() {
        let spans = vec![
            span(" x ", true, false, false),
            span(" ", false, false, true),
            span("y ", false, true, false),
        ];
        let once = canonical(spans);
        assert_eq!(canonical(once.0.clone()), once);
    }

    #[test]
    fn builder_tracks_styles_and_keeps_image_alt_apart() {
        let mut b = InlineBuilder::default();
        b.text("I ");
        b.emphasis(true);
        b.text("learn");
        b.emphasis(false);
        b.text(" ");
        b.start_image();
        b.text("diagram");
        assert_eq!(b.end_image(), Some("diagram".into()));
        b.code("x");
        let t = b.finish();
        assert_eq!(
            t.0,
            vec![
                span("I ", false, false, false),
                span("learn", true, false, false),
                span(" ", false, false, false),
                span("x", false, false, true)
            ]
        );
    }

    #[test]
    fn join_puts_the_separator_between_words_only() {
        assert_eq!(
            join(Text::plain("a"), ": ", Text::plain("b")),
            Text::plain("a: b")
        );
        assert_eq!(
            join(Text::default(), ": ", Text::plain("b")),
            Text::plain("b")
        );
        assert_eq!(last_char(&Text::plain("done.")), Some('.'));
    }
}
