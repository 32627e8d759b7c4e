//! Recognisers for the little conventions inside ladder text: the
//! "Examples" label, a heading's leading emoji and `**Key**: value` attributes.

use super::inline::canonical;
use crate::ladder::model::{Attribute, Span, Style, Text};

const EXAMPLE_LABELS: [&str; 6] = [
    "examples",
    "example",
    "for example",
    "some examples",
    "e.g",
    "eg",
];

/// Whether a heading or paragraph is an "Examples" label: `Examples`,
/// `Examples:`, `📝 Example`, `For example:` and the like, in any case.
pub(crate) fn is_examples_label(plain: &str) -> bool {
    if plain.len() > 40 {
        return false;
    }
    let (_, rest) = emoji_prefix(plain);
    let bare = rest.trim().trim_end_matches([':', '.', ' ']);
    if bare.is_ascii() {
        return EXAMPLE_LABELS.iter().any(|l| l.eq_ignore_ascii_case(bare));
    }
    EXAMPLE_LABELS.contains(&bare.to_lowercase().as_str())
}

/// For `Examples: I did x`, the byte length of `Examples: ` in the plain text.
pub(crate) fn examples_prefix(plain: &str) -> Option<usize> {
    let head = plain.get(..12).unwrap_or(plain);
    let lower = head.to_ascii_lowercase();
    ["examples:", "example:", "for example:", "e.g.:"]
        .iter()
        .find(|label| lower.starts_with(*label))
        .map(|label| {
            label.len() + (plain.len() - label.len() - plain[label.len()..].trim_start().len())
        })
}

/// Whether a text is an "Examples" label, without copying long texts.
pub(crate) fn is_examples_text(text: &Text) -> bool {
    let len: usize = text.0.iter().map(|s| s.text.len()).sum();
    len <= 40 && is_examples_label(&text.to_plain())
}

/// The text without its first `bytes` bytes of plain text.
pub(crate) fn drop_prefix(text: &Text, mut bytes: usize) -> Text {
    let mut spans = Vec::with_capacity(text.0.len());
    for span in &text.0 {
        if bytes >= span.text.len() {
            bytes -= span.text.len();
            continue;
        }
        let mut cut = bytes;
        while !span.text.is_char_boundary(cut) {
            cut += 1;
        }
        spans.push(Span {
            link: None,
            text: span.text[cut..].to_owned(),
            style: span.style,
        });
        bytes = 0;
    }
    canonical(spans)
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1f000..=0x1faff | 0x2600..=0x27bf | 0x2300..=0x23ff | 0x2b00..=0x2bff | 0x2190..=0x21ff
        | 0x25a0..=0x25ff | 0x2900..=0x297f | 0x3030 | 0x303d | 0x3297 | 0x3299 | 0xa9 | 0xae
        | 0x203c | 0x2049 | 0x2122 | 0x2139 | 0x24c2)
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(
        c as u32,
        0xfe0e | 0xfe0f | 0x200d | 0x20e3 | 0xe0020..=0xe007f
    )
}

/// A heading's leading emoji (with variation selectors, skin tones, ZWJ
/// sequences and keycaps) and the rest of the heading.
pub(crate) fn split_emoji(heading: &str) -> (Option<String>, String) {
    let (emoji, rest) = emoji_prefix(heading);
    (emoji.map(str::to_owned), rest.to_owned())
}

/// [`split_emoji`] without copying.
fn emoji_prefix(heading: &str) -> (Option<&str>, &str) {
    let s = heading.trim_start();
    let mut chars = s.char_indices().peekable();
    let mut end = 0;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let keycap =
            matches!(c, '0'..='9' | '#' | '*') && matches!(next, Some('\u{fe0f}' | '\u{20e3}'));
        let continues = end > 0 && is_emoji_modifier(c);
        if is_emoji(c) || keycap || continues {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end == 0 {
        (None, s.trim())
    } else {
        (Some(&s[..end]), s[end..].trim())
    }
}

/// Whether a heading is an expectation written as a heading: a first-person
/// statement (`I deliver ...`, `I'm ...`), after any leading emoji or numbering.
pub(crate) fn is_statement(plain: &str) -> bool {
    const FIRST: [&str; 9] = [
        "I", "I'm", "I’m", "I've", "I’ve", "I'll", "I’ll", "I'd", "I’d",
    ];
    let (_, rest) = emoji_prefix(plain);
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')'))
        .trim_start();
    let mut words = rest.split_whitespace();
    words.next().is_some_and(|w| FIRST.contains(&w)) && words.next().is_some()
}

/// A `**Key** value` line with no colon, read as an attribute: a strong or
/// emphasised key of at most five words, then a short value (at most eight words,
/// not a sentence). `None` for anything else.
pub(crate) fn loose_attribute(text: &Text) -> Option<Attribute> {
    let first = text.0.first()?;
    let key = first.text.trim();
    if !is_key_style(first.style)
        || key.is_empty()
        || key.ends_with(':')
        || key.split_whitespace().count() > 5
        || is_statement(key)
    {
        return None;
    }
    let value = canonical(text.0[1..].to_vec());
    let plain = value.to_plain();
    let words = plain.split_whitespace().count();
    if words == 0
        || words > 8
        || plain.trim_start().starts_with(':')
        || plain.trim_end().ends_with('.')
    {
        return None;
    }
    Some(Attribute {
        name: key.to_owned(),
        value,
    })
}

fn is_key_style(style: Style) -> bool {
    (style.strong || style.emphasis) && !style.code
}

/// Whether span `k` starts a `**Key**: value` attribute.
fn starts_attribute(spans: &[Span], k: usize) -> bool {
    let span = &spans[k];
    if !is_key_style(span.style) || span.text.trim().trim_end_matches(':').trim().is_empty() {
        return false;
    }
    let own_colon = span.text.trim_end().ends_with(':');
    let next_colon = spans
        .get(k + 1)
        .is_some_and(|n| !is_key_style(n.style) && n.text.trim_start().starts_with(':'));
    own_colon || next_colon
}

/// The attributes in a text made only of `**Key**: value` pairs (strong or
/// emphasised keys; the colon inside or after the key).
///
/// A bullet (`bullet`) holds one attribute, whatever its value looks like,
/// and may also be `Key: value` with a short unformatted key (at most six
/// words, no sentence punctuation). A paragraph may hold several, one a line.
pub(crate) fn attributes_of(text: &Text, bullet: bool) -> Option<Vec<Attribute>> {
    let spans = &text.0;
    if let Shape::Keyed = shape(text, bullet)? {
        let starts: Vec<usize> = if bullet {
            vec![0]
        } else {
            (0..spans.len())
                .filter(|&k| starts_attribute(spans, k))
                .collect()
        };
        let mut out = Vec::with_capacity(starts.len());
        for (n, &k) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(spans.len());
            let raw_key = spans[k].text.trim();
            let key = raw_key.trim_end_matches(':').trim().to_owned();
            let mut value: Vec<Span> = spans[k + 1..end].to_vec();
            if !raw_key.ends_with(':') {
                if let Some(first) = value.first_mut() {
                    let trimmed = first.text.trim_start();
                    first.text = trimmed.strip_prefix(':').unwrap_or(trimmed).to_owned();
                }
            }
            out.push(Attribute {
                name: key,
                value: canonical(value),
            });
        }
        return Some(out);
    }
    let first = &spans[0];
    let colon = first.text.find(':')?;
    let key = first.text[..colon].trim();
    let mut value = spans.to_vec();
    value[0].text = first.text[colon + 1..].to_owned();
    let value = canonical(value);
    if value.is_empty() {
        return None;
    }
    Some(vec![Attribute {
        name: key.to_owned(),
        value,
    }])
}

/// How a text holds attributes, if it does.
enum Shape {
    /// `**Key**: value` pairs.
    Keyed,
    /// One `Key: value` with a plain key (bullets only).
    Plain,
}

/// Whether [`attributes_of`] finds attributes in the text, without building them.
pub(crate) fn has_attributes(text: &Text, bullet: bool) -> bool {
    shape(text, bullet).is_some()
}

fn shape(text: &Text, bullet: bool) -> Option<Shape> {
    let spans = &text.0;
    if spans.is_empty() {
        return None;
    }
    if starts_attribute(spans, 0) {
        return Some(Shape::Keyed);
    }
    let first = &spans[0];
    if !bullet || !first.style.is_plain() {
        return None;
    }
    let colon = first.text.find(':')?;
    let key = first.text[..colon].trim();
    let words = key.split_whitespace().count();
    if words == 0 || words > 6 || key.contains(['.', '!', '?', ';', ',']) {
        return None;
    }
    // The value in canonical form is empty exactly when it is all whitespace.
    let blank = first.text[colon + 1..].trim().is_empty()
        && spans[1..].iter().all(|s| s.text.trim().is_empty());
    (!blank).then_some(Shape::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strong(s: &str) -> Span {
        Span {
            link: None,
            text: s.into(),
            style: Style {
                strong: true,
                ..Style::default()
            },
        }
    }

    fn plain(s: &str) -> Span {
        Span {
            link: None,
            text: s.into(),
            style: Style::default(),
        }
    }

    #[test]
    fn examples_labels_in_their_usual_shapes() {
        for s in [
            "Examples",
            "examples:",
            "📝 Example",
            "For example:",
            "EXAMPLES.",
        ] {
            assert!(is_examples_label(s), "{s}");
        }
        for s in ["Examples of impact", "Leading by example", ""] {
            assert!(!is_examples_label(s), "{s}");
        }
    }

    #[test]
    fn examples_prefix_covers_the_label_and_its_space() {
        assert_eq!(examples_prefix("Examples: I did x"), Some(10));
        assert_eq!(examples_prefix("Example:I did x"), Some(8));
        assert_eq!(examples_prefix("I did x"), None);
        let t = Text(vec![strong("Examples:"), plain(" I did "), strong("x")]);
        assert_eq!(
            drop_prefix(&t, 10),
            Text(vec![plain("I did "), strong("x")])
        );
    }

    #[test]
    fn leading_emoji_is_split_from_the_name() {
        assert_eq!(
            split_emoji("🦉 Domain expertise"),
            (Some("🦉".into()), "Domain expertise".into())
        );
        assert_eq!(split_emoji("❤️ Care"), (Some("❤️".into()), "Care".into()));
        assert_eq!(split_emoji("👩‍💻 Craft"), (Some("👩‍💻".into()), "Craft".into()));
        assert_eq!(
            split_emoji("👍🏽Kindness"),
            (Some("👍🏽".into()), "Kindness".into())
        );
        assert_eq!(split_emoji("1️⃣ First"), (Some("1️⃣".into()), "First".into()));
        assert_eq!(split_emoji("🇳🇿 Local"), (Some("🇳🇿".into()), "Local".into()));
        assert_eq!(
            split_emoji("Domain expertise"),
            (None, "Domain expertise".into())
        );
        assert_eq!(split_emoji("1 Domain"), (None, "1 Domain".into()));
        assert_eq!(split_emoji("🦉"), (Some("🦉".into()), String::new()));
    }

    #[test]
    fn attributes_need_a_bold_key_and_a_colon() {
        let t = Text(vec![
            strong("Planning horizon"),
            plain(": Current and next cycle"),
        ]);
        let attrs = attributes_of(&t, false).unwrap();
        assert_eq!(attrs[0].name, "Planning horizon");
        assert_eq!(attrs[0].value, Text::plain("Current and next cycle"));
        let inside = Text(vec![strong("Evaluation:"), plain(" Manager")]);
        assert_eq!(
            attributes_of(&inside, false).unwrap()[0].value,
            Text::plain("Manager")
        );
        let not = Text(vec![strong("Bold"), plain(" statement")]);
        assert_eq!(attributes_of(&not, true), None);
    }

    #[test]
    fn one_paragraph_may_hold_several_attributes() {
        let t = Text(vec![
            strong("A"),
            plain(": x "),
            strong("B"),
            plain(": y "),
            strong("and"),
            plain(" z"),
        ]);
        let attrs = attributes_of(&t, false).unwrap();
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[1].value.to_plain(), "y and z");
    }

    #[test]
    fn has_attributes_agrees_with_attributes_of() {
        let texts = [
            Text(vec![strong("Planning horizon"), plain(": next cycle")]),
            Text(vec![strong("Bold"), plain(" statement")]),
            Text::plain("Impact radius: my team"),
            Text::plain("Impact radius:   "),
            Text(vec![plain("Key: "), strong(" ")]),
            Text(vec![plain("Key:"), strong("x")]),
            Text::plain("I do this. Really: yes"),
            Text::plain("no colon"),
            Text::default(),
        ];
        for text in &texts {
            for bullet in [true, false] {
                assert_eq!(
                    has_attributes(text, bullet),
                    attributes_of(text, bullet).is_some(),
                    "{text:?} {bullet}"
                );
            }
        }
    }

    #[test]
    fn plain_keys_only_when_asked_and_short() {
        let t = Text::plain("Impact radius: my team");
        assert_eq!(attributes_of(&t, false), None);
        assert_eq!(attributes_of(&t, true).unwrap()[0].name, "Impact radius");
        assert_eq!(
            attributes_of(&Text::plain("I do this. Really: yes"), true),
            None
        );
    }
}
