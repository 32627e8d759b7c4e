//! Level labels such as `L2` in headings and file names.
//!
//! Understood: `L2` / `l2` anywhere, `Level 2`, `Level-2`, `level_2`,
//! `level2` anywhere, and `IC3`, `E5`, `P2`, `M1` as the first word. Leading
//! zeros are dropped (`L02` is `L2`). A decimal label (`L1.0`, `L2.5`) is a
//! level of its own: its label keeps the decimals and it sorts after the whole
//! number (`L1` < `L1.0` < `L1.5` < `L2`); see [`order_key`].

/// A level number and the label that shows it, e.g. 2 and `L2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LevelLabel {
    pub number: u32,
    pub label: String,
}

/// Other ladder schemes accepted as the first word.
const PREFIXES: [&str; 4] = ["IC", "E", "P", "M"];

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '-'
            | '–'
            | '—'
            | '|'
            | '·'
            | '•'
            | ','
            | '.'
            | '/'
            | '('
            | ')'
            | '['
            | ']'
            | '#'
            | '_'
            | '~'
            | '='
    )
}

/// Whitespace, at most one run of one separator character, whitespace.
fn trim_one_separator_start(s: &str) -> &str {
    let s = s.trim_start();
    match s.chars().next() {
        Some(c) if is_separator(c) => s.trim_start_matches(c).trim_start(),
        _ => s,
    }
}

fn trim_one_separator_end(s: &str) -> &str {
    let s = s.trim_end();
    match s.chars().next_back() {
        Some(c) if is_separator(c) => s.trim_end_matches(c).trim_end(),
        _ => s,
    }
}

/// Split `text` into its level label, if any, and the rest: the title.
pub(crate) fn split_label(text: &str) -> (Option<LevelLabel>, String) {
    let tokens = tokens(text);
    for (index, &(start, end)) in tokens.iter().enumerate() {
        let token = &text[start..end];
        let found = label_token(token, index == 0)
            .map(|l| (l, end))
            .or_else(|| {
                // `Level 2`, `Level-2`, `level #2`.
                let &(next_start, next_end) = tokens.get(index + 1)?;
                let gap_ok = text[end..next_start]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '-' | '_' | '#' | ':' | '.'));
                if token.eq_ignore_ascii_case("level") && gap_ok {
                    let number = digits(&text[next_start..next_end])?;
                    Some((
                        LevelLabel {
                            number,
                            label: format!("L{number}"),
                        },
                        next_end,
                    ))
                } else {
                    None
                }
            });
        if let Some((mut label, mut end)) = found {
            // `L1.0`, `L2.5`: the decimals belong to the label.
            let rest = &text[end..];
            if let Some(after_dot) = rest.strip_prefix('.') {
                let decimals = after_dot.len()
                    - after_dot
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .len();
                let next = after_dot[decimals..].chars().next();
                if (1..=3).contains(&decimals) && !next.is_some_and(char::is_alphanumeric) {
                    label.label = format!("{}.{}", label.label, &after_dot[..decimals]);
                    end += 1 + decimals;
                }
            }
            let before = trim_one_separator_end(&text[..start]);
            let after = trim_one_separator_start(&text[end..]);
            let title = match (before.is_empty(), after.is_empty()) {
                (false, false) => format!("{before} {after}"),
                _ => format!("{before}{after}"),
            };
            return (Some(label), title.trim().to_owned());
        }
    }
    (None, text.trim().to_owned())
}

/// Byte ranges of the runs of letters and digits in `text`.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// The order of a level label: its number, then whether it has decimals, then
/// the decimals as thousandths (`L2` → (2, 0), `L2.0` → (2, 1), `L2.5` → (2, 501)).
pub(crate) fn order_key(number: u32, label: &str) -> (u32, u32) {
    let Some((_, decimals)) = label.rsplit_once('.') else {
        return (number, 0);
    };
    if decimals.is_empty() || decimals.len() > 3 || !decimals.bytes().all(|b| b.is_ascii_digit()) {
        return (number, 0);
    }
    let padded = format!("{decimals:0<3}");
    (number, 1 + padded.parse::<u32>().unwrap_or(0))
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn label_token(token: &str, first: bool) -> Option<LevelLabel> {
    let split = token.find(|c: char| c.is_ascii_digit())?;
    let (prefix, number) = token.split_at(split);
    let number = digits(number)?;
    if prefix.eq_ignore_ascii_case("l") || prefix.eq_ignore_ascii_case("level") {
        return Some(LevelLabel {
            number,
            label: format!("L{number}"),
        });
    }
    let known = PREFIXES.iter().find(|p| p.eq_ignore_ascii_case(prefix))?;
    first.then(|| LevelLabel {
        number,
        label: format!("{known}{number}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<(u32, String)>, String) {
        let (label, title) = split_label(text);
        (label.map(|l| (l.number, l.label)), title)
    }

    fn l(n: u32, title: &str) -> (Option<(u32, String)>, String) {
        (Some((n, format!("L{n}"))), title.to_owned())
    }

    #[test]
    fn label_and_title_are_split_in_every_usual_shape() {
        assert_eq!(
            split("L2: Site Reliability Engineer"),
            l(2, "Site Reliability Engineer")
        );
        assert_eq!(
            split("L2 — Site Reliability Engineer"),
            l(2, "Site Reliability Engineer")
        );
        assert_eq!(
            split("Site Reliability Engineer (L2)"),
            l(2, "Site Reliability Engineer")
        );
        assert_eq!(
            split("Site Reliability Engineer, Level 2"),
            l(2, "Site Reliability Engineer")
        );
        assert_eq!(split("Level-3 Designer"), l(3, "Designer"));
        assert_eq!(split("level3"), l(3, ""));
        assert_eq!(split("L02"), l(2, ""));
        assert_eq!(split("L2 -- Engineer"), l(2, "Engineer"));
    }

    #[test]
    fn file_stems_give_labels_too() {
        assert_eq!(split("L3-Foo"), l(3, "Foo"));
        assert_eq!(split("Foo L3"), l(3, "Foo"));
        assert_eq!(split("level-3"), l(3, ""));
        assert_eq!(split("l10_data_engineer"), l(10, "data_engineer"));
    }

    #[test]
    fn decimal_labels_keep_their_decimals_and_sort_after_the_whole_number() {
        assert_eq!(
            split("L1.0-Graduate-Engineer"),
            (Some((1, "L1.0".into())), "Graduate-Engineer".into())
        );
        assert_eq!(
            split("L2.5: Engineer"),
            (Some((2, "L2.5".into())), "Engineer".into())
        );
        assert_eq!(split("L2. Engineer"), l(2, "Engineer"));
        let mut keys = [
            order_key(2, "L2"),
            order_key(1, "L1.5"),
            order_key(1, "L1"),
            order_key(1, "L1.0"),
            order_key(1, "L1.25"),
        ];
        keys.sort();
        assert_eq!(keys, [(1, 0), (1, 1), (1, 251), (1, 501), (2, 0)]);
    }

    #[test]
    fn only_one_separator_is_taken_from_the_title() {
        assert_eq!(split("L2: ,"), l(2, ","));
        assert_eq!(split("L2: - x"), l(2, "- x"));
    }

    #[test]
    fn other_schemes_only_as_first_word() {
        assert_eq!(
            split("IC3 Engineer"),
            (Some((3, "IC3".to_owned())), "Engineer".to_owned())
        );
        assert_eq!(
            split("Apple M2 Engineer"),
            (None, "Apple M2 Engineer".to_owned())
        );
    }

    #[test]
    fn words_that_only_contain_digits_are_not_labels() {
        assert_eq!(
            split("HTML5 and CSS3 Designer"),
            (None, "HTML5 and CSS3 Designer".to_owned())
        );
        assert_eq!(split("Level up"), (None, "Level up".to_owned()));
        assert_eq!(
            split("L99999999999 Huge"),
            (None, "L99999999999 Huge".to_owned())
        );
    }
}
