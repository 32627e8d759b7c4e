//! Bytes to text: BOM, invalid UTF-8, line endings and mojibake repair.
//!
//! - A UTF-8 BOM is dropped; a UTF-16 BOM makes the file decode as UTF-16.
//! - Valid UTF-8 is used as it is. A file that is not valid UTF-8 and holds no
//!   valid multi-byte UTF-8 sequence at all is an 8-bit legacy file and is
//!   decoded as Windows-1252; a file that mixes both is decoded lossily (bad
//!   bytes become U+FFFD). Both with one located warning.
//! - CRLF and lone CR become LF (line numbers do not change).
//! - Mojibake, UTF-8 text that was once read as Windows-1252 (Latin-1) or Mac
//!   Roman and saved again as UTF-8, is repaired with one warning per line.
//!   To stay clear of real accented text only 3- and 4-byte sequences are
//!   repaired (symbols, punctuation, emoji, CJK; never a Latin letter), the
//!   damaged characters must re-encode to exactly one valid UTF-8 character,
//!   and private-use results are refused.

use std::borrow::Cow;

use super::diagnostic::Problem;

/// Mac Roman bytes 0x80..=0xFF.
const MAC_ROMAN: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', //
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', //
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', //
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', //
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{a0}', 'À', 'Ã', 'Õ', 'Œ', 'œ', //
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ', //
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', //
    '\u{f8ff}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

/// Windows-1252 bytes 0x80..=0x9F; the five undefined bytes map to the C1
/// control with the same number, as Latin-1 decoders leave them.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
    '\u{8f}', //
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Legacy {
    Windows1252,
    MacRoman,
}

impl Legacy {
    fn name(self) -> &'static str {
        match self {
            Legacy::Windows1252 => "windows-1252",
            Legacy::MacRoman => "mac roman",
        }
    }

    /// The byte this character came from, if it can come from one.
    fn byte(self, c: char) -> Option<u8> {
        let u = c as u32;
        match self {
            Legacy::Windows1252 => {
                if (0x80..=0xff).contains(&u) {
                    // Latin-1 above 0x9F, and C1 controls as Latin-1 leaves them.
                    Some(u as u8)
                } else {
                    WINDOWS_1252
                        .iter()
                        .position(|&w| w == c)
                        .map(|i| 0x80 + i as u8)
                }
            }
            Legacy::MacRoman => match c {
                '¤' => Some(0xdb),
                '\u{2126}' => Some(0xbd),
                '\u{394}' => Some(0xc6),
                '\u{3bc}' => Some(0xb5),
                _ => MAC_ROMAN
                    .iter()
                    .position(|&m| m == c)
                    .map(|i| 0x80 + i as u8),
            },
        }
    }
}

/// Decoded text and the problems found on the way, with their lines.
pub(crate) struct Decoded<'a> {
    /// Borrowed from the bytes when they are clean UTF-8 (nearly always).
    pub text: Cow<'a, str>,
    pub problems: Vec<(usize, Problem)>,
}

/// Turn a file's bytes into clean text (see the module docs).
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    let mut problems = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        utf8_or_fallback(rest, &mut problems)
    } else if let Some(text) = utf16(bytes) {
        problems.push((1, Problem::DecodedUtf16));
        Cow::Owned(text)
    } else {
        utf8_or_fallback(bytes, &mut problems)
    };
    let text = normalize_newlines(text);
    let text = repair(text, &mut problems);
    Decoded { text, problems }
}

fn utf8_or_fallback<'a>(bytes: &'a [u8], problems: &mut Vec<(usize, Problem)>) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(e) => {
            let first_line = line_of(bytes, e.valid_up_to());
            let has_multibyte = bytes.utf8_chunks().any(|c| !c.valid().is_ascii());
            if has_multibyte {
                let bad_lines = bytes
                    .split(|&b| b == b'\n')
                    .filter(|line| std::str::from_utf8(line).is_err())
                    .count();
                problems.push((first_line, Problem::InvalidUtf8 { lines: bad_lines }));
                Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
            } else {
                problems.push((first_line, Problem::DecodedAsWindows1252));
                Cow::Owned(bytes.iter().map(|&b| windows_1252_char(b)).collect())
            }
        }
    }
}

fn windows_1252_char(b: u8) -> char {
    match b {
        0x80..=0x9f => WINDOWS_1252[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xff, 0xfe, ..] => true,
        [0xfe, 0xff, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|pair| match pair {
        [a, b] if little => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xfffd,
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect(),
    )
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    let has_cr = text
        .as_bytes()
        .chunks(64)
        .any(|c| c.iter().fold(false, |r, &b| r | (b == b'\r')));
    if !has_cr {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Repair mojibake line by line, one warning per repaired line. Text with
/// nothing to repair (nearly all of it) is returned as it is.
fn repair<'a>(text: Cow<'a, str>, problems: &mut Vec<(usize, Problem)>) -> Cow<'a, str> {
    // Quick scan: only non-ASCII lines, and only at bytes that can start a
    // candidate lead character (U+00B7..U+00F4, ‡ ‚ „ ‰, U+F8FF).
    // A newline never maps to a legacy byte, so a candidate never spans two
    // lines and the whole text can be scanned at once.
    // Blocks of 16 ASCII bytes, nearly all of them, are skipped whole.
    let damaged = !text.is_ascii()
        && text.as_bytes().chunks(16).enumerate().any(|(n, chunk)| {
            chunk.iter().fold(0, |a, &b| a | b) >= 0x80
                && chunk.iter().enumerate().any(|(j, &b)| {
                    matches!(b, 0xc2 | 0xc3 | 0xe2 | 0xef)
                        && repair_at(&text[n * 16 + j..]).is_some()
                })
        });
    if !damaged {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if line.is_ascii() {
            out.push_str(line);
            continue;
        }
        let repairs = repair_line(line, &mut out);
        if !repairs.is_empty() {
            problems.push((index + 1, Problem::RepairedEncoding { repairs }));
        }
    }
    Cow::Owned(out)
}

/// Append the repaired `line` to `out` and return what was repaired.
fn repair_line(line: &str, out: &mut String) -> Vec<(String, String, &'static str)> {
    let mut repairs: Vec<(String, String, &'static str)> = Vec::new();
    // End of the previous repair in `line`, to merge adjacent repairs into one.
    let mut last_end = usize::MAX;
    let mut i = 0;
    while i < line.len() {
        let rest = &line[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if let Some((len, fixed, legacy)) = repair_at(rest) {
            let damaged = &rest[..len];
            match repairs.last_mut() {
                Some(last) if last_end == i && last.2 == legacy.name() => {
                    last.0.push_str(damaged);
                    last.1.push(fixed);
                }
                _ => repairs.push((damaged.to_owned(), fixed.to_string(), legacy.name())),
            }
            out.push(fixed);
            i += len;
            last_end = i;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    repairs
}

/// If `s` starts with one mis-decoded 3- or 4-byte UTF-8 character, its
/// length in `s`, the character and the encoding it was read as.
fn repair_at(s: &str) -> Option<(usize, char, Legacy)> {
    let first = s.chars().next()?;
    // Only these characters can stand for a lead byte 0xE0..=0xF4 in either encoding.
    if !matches!(
        first,
        '\u{b7}'..='\u{f4}' | '‡' | '‚' | '„' | '‰' | '\u{f8ff}'
    ) {
        return None;
    }
    [Legacy::Windows1252, Legacy::MacRoman]
        .into_iter()
        .find_map(|legacy| {
            let lead = legacy.byte(first)?;
            let need = match lead {
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => return None,
            };
            let mut bytes = [0u8; 4];
            let mut len = 0;
            for (n, c) in s.chars().take(need).enumerate() {
                bytes[n] = legacy.byte(c)?;
                len += c.len_utf8();
                if n == need - 1 {
                    let fixed = std::str::from_utf8(&bytes[..need]).ok()?.chars().next()?;
                    let private = matches!(fixed as u32, 0xe000..=0xf8ff | 0xf0000..);
                    return (!private).then_some((len, fixed, legacy));
                }
            }
            None
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(bytes: &[u8]) -> String {
        decode(bytes).text.into_owned()
    }

    #[test]
    fn mac_roman_mojibake_is_repaired_with_a_warning() {
        let d = decode("## \u{f8ff}ü¶â Domain expertise\n".as_bytes());
        assert_eq!(d.text, "## 🦉 Domain expertise\n");
        assert_eq!(d.problems.len(), 1);
        assert_eq!(d.problems[0].0, 1);
        assert_eq!(
            d.problems[0].1.to_string(),
            "repaired encoding: `\u{f8ff}ü¶â` → `🦉` (utf-8 misread as mac roman)"
        );
    }

    #[test]
    fn windows_1252_mojibake_is_repaired() {
        assert_eq!(clean("ðŸ¦‰ Domain".as_bytes()), "🦉 Domain");
        assert_eq!(clean("It\u{e2}\u{20ac}\u{2122}s".as_bytes()), "It’s");
    }

    #[test]
    fn latin1_c1_controls_count_as_windows_1252_bytes() {
        // 🏆 is F0 9F 8F 86; 0x8F is undefined in Windows-1252.
        assert_eq!(clean("ðŸ\u{8f}† Customer".as_bytes()), "🏆 Customer");
    }

    #[test]
    fn emoji_sequences_are_repaired_whole() {
        let damaged: String = "❤️".bytes().map(windows_1252_char).collect();
        let bytes = format!("{damaged} Care");
        let d = decode(bytes.as_bytes());
        assert_eq!(d.text, "❤️ Care");
        assert_eq!(d.problems.len(), 1);
    }

    #[test]
    fn real_accented_text_is_never_touched() {
        for s in [
            "Café für Ärzte",
            "“École” – naïve façade",
            "Ã© stays",
            "€ 5 ± 2 ≤ 3 ß",
        ] {
            let d = decode(s.as_bytes());
            assert_eq!(d.text, s);
            assert!(d.problems.is_empty(), "{s}");
        }
    }

    #[test]
    fn bom_is_dropped_and_crlf_becomes_lf() {
        assert_eq!(clean(b"\xef\xbb\xbf# L2\r\n\r\n- a\rb"), "# L2\n\n- a\nb");
    }

    #[test]
    fn legacy_8bit_file_is_decoded_as_windows_1252() {
        let d = decode(b"# L2\n\n- caf\xe9 \x93quoted\x94\n");
        assert_eq!(d.text, "# L2\n\n- café “quoted”\n");
        assert_eq!(d.problems, vec![(3, Problem::DecodedAsWindows1252)]);
    }

    #[test]
    fn mixed_invalid_utf8_is_replaced_and_located() {
        let bytes: Vec<u8> = "ok é\nbad \u{1}"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xff, b'\n', 0xfe])
            .collect();
        let d = decode(&bytes);
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.problems, vec![(2, Problem::InvalidUtf8 { lines: 2 })]);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "# L2 ✓".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.text, "# L2 ✓");
        assert_eq!(d.problems, vec![(1, Problem::DecodedUtf16)]);
    }
}
