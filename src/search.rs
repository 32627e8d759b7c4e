//! Full-text search over every role and level: expectations, examples, dimensions.
//!
//! Linear in the ladder's text: a query reads at most its first
//! [`MAX_QUERY_BYTES`] bytes and [`MAX_QUERY_WORDS`] distinct words, and each word is
//! found in each text by a linear substring search, so a search costs at most
//! about `MAX_QUERY_WORDS` passes over the ladder, however long the query pasted.

use crate::ladder::{Ladder, Text};

/// What kind of ladder text a hit is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    Expectation,
    Example,
    Summary,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Expectation => "Expectation",
            HitKind::Example => "Example",
            HitKind::Summary => "Summary",
        }
    }
}

/// One place where every word of the query occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    pub role_id: String,
    pub level_id: String,
    /// Where the hit lives, e.g. `Engineering › Site Reliability Engineering › L2 › 🦉 Domain expertise`.
    pub location: String,
    /// The matched text, plain.
    pub text: String,
    /// Byte ranges of `text` that match a query word, sorted and disjoint.
    pub marks: Vec<(usize, usize)>,
    /// Id of the page element that shows the hit (`e-<expectation id>`, `x-<dim>-<example>`).
    pub anchor: Option<String>,
    score: u32,
}

/// The most bytes of a query read (cut at a character boundary).
pub const MAX_QUERY_BYTES: usize = 256;

/// The most distinct words of a query looked for; later ones are left out.
pub const MAX_QUERY_WORDS: usize = 12;

/// The distinct lower-cased words of `query` looked for, and the phrase they
/// make (all its words, repeats too), both within the caps.
fn query_words(query: &str) -> (Vec<String>, String) {
    let mut end = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    let all: Vec<String> = query[..end]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut words: Vec<String> = Vec::new();
    for w in &all {
        if words.len() < MAX_QUERY_WORDS && !words.contains(w) {
            words.push(w.clone());
        }
    }
    (words, all.join(" "))
}

/// The hits for `query` (all words must occur, in any case), best first.
pub fn search(ladder: &Ladder, query: &str) -> Vec<Hit> {
    let (words, phrase) = query_words(query);
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for role in &ladder.roles {
        for level in &role.levels {
            let at = |rest: &str| {
                let head = format!("{} › {} › {}", role.track, role.name, level.heading());
                if rest.is_empty() {
                    head
                } else {
                    format!("{head} › {rest}")
                }
            };
            let mut push =
                |kind: HitKind, text: &Text, location: String, anchor: Option<String>| {
                    let plain = text.to_plain();
                    if let Some((marks, score)) = matches(&plain, &words, &phrase) {
                        hits.push(Hit {
                            kind,
                            role_id: role.id.clone(),
                            level_id: level.id.clone(),
                            location,
                            text: plain,
                            marks,
                            anchor,
                            score: score + if kind == HitKind::Expectation { 1 } else { 0 },
                        });
                    }
                };
            push(HitKind::Summary, &level.summary, at(""), None);
            for (di, d) in level.dimensions.iter().enumerate() {
                let dim = match &d.emoji {
                    Some(e) => format!("{e} {}", d.name),
                    None => d.name.clone(),
                };
                for e in &d.expectations {
                    push(
                        HitKind::Expectation,
                        &e.text,
                        at(&dim),
                        Some(format!("e-{}", e.id)),
                    );
                }
                for (j, x) in d.examples.iter().enumerate() {
                    push(HitKind::Example, x, at(&dim), Some(format!("x-{di}-{j}")));
                }
            }
        }
    }
    // Best first, ties in ladder order: (rank, position) pairs sorted with the same
    // routine as the marks in `matches`, so the wasm holds one sort, not two.
    let mut order: Vec<(usize, usize)> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| ((u32::MAX - h.score) as usize, i))
        .collect();
    order.sort_unstable();
    let mut hits: Vec<Option<Hit>> = hits.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, i)| hits.get_mut(i)?.take())
        .collect()
}

/// Marks of every query word in `text` and a score, or None when a word is missing.
fn matches(text: &str, words: &[String], phrase: &str) -> Option<(Vec<(usize, usize)>, u32)> {
    let (folded, origin) = fold(text);
    let mut marks = Vec::new();
    let mut score = 0;
    for w in words {
        let mut found = false;
        let mut from = 0;
        while let Some(pos) = folded[from..].find(w.as_str()) {
            let start = from + pos;
            let end = start + w.len();
            found = true;
            if start == 0 || !folded[..start].ends_with(char::is_alphanumeric) {
                score += 2;
            }
            marks.push((
                origin[start],
                origin.get(end).copied().unwrap_or(text.len()),
            ));
            from = end;
        }
        if !found {
            return None;
        }
    }
    if words.len() > 1 && folded.contains(phrase) {
        score += 10;
    }
    marks.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in marks {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    Some((merged, score))
}

/// Lower-cases `text`, mapping each byte of the result to the byte in `text` it came from.
/// The map has one extra entry for the end.
fn fold(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            folded.push(l);
            origin.extend(std::iter::repeat_n(i, l.len_utf8()));
        }
    }
    origin.push(text.len());
    (folded, origin)
}

/// Splits `text` into (piece, is_mark) runs along `marks`, for rendering.
pub fn split_marks<'a>(text: &'a str, marks: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in marks {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push((&text[at..s], false));
        }
        out.push((&text[s..e], true));
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_maps_back_to_original_bytes() {
        let (f, o) = fold("ÄB");
        assert_eq!(f, "äb");
        assert_eq!(o, vec![0, 0, 2, 3]);
    }

    #[test]
    fn every_word_must_match_in_any_case() {
        let words = vec!["slo".to_string(), "trending".to_string()];
        assert!(matches("I noticed an SLO trending badly", &words, "slo trending").is_some());
        assert!(matches("I noticed an SLO", &words, "slo trending").is_none());
    }

    #[test]
    fn marks_cover_each_occurrence() {
        let words = vec!["team".to_string()];
        let (marks, _) = matches("Team and teammates", &words, "team").unwrap();
        assert_eq!(marks, vec![(0, 4), (9, 13)]);
        assert_eq!(
            split_marks("Team and teammates", &marks),
            vec![
                ("Team", true),
                (" and ", false),
                ("team", true),
                ("mates", false)
            ]
        );
    }

    #[test]
    fn a_pasted_query_is_read_within_the_caps() {
        let query = "Own the on-call rota ".repeat(25_000) + "x";
        let (words, phrase) = query_words(&query);
        assert_eq!(words, ["own", "the", "on-call", "rota"]);
        assert!(phrase.len() <= MAX_QUERY_BYTES);
        let many: String = (0..10_000).map(|i| format!("w{i} ")).collect();
        let (words, phrase) = query_words(&many);
        assert_eq!(words.len(), MAX_QUERY_WORDS);
        assert_eq!(words[MAX_QUERY_WORDS - 1], "w11");
        assert!(phrase.len() <= MAX_QUERY_BYTES);
        // Cut at a character boundary.
        let (words, _) = query_words(&"é".repeat(1_000));
        assert_eq!(words, ["é".repeat(MAX_QUERY_BYTES / 2)]);
    }

    #[test]
    fn phrase_outranks_scattered_words() {
        let words = vec!["learning".to_string(), "from".to_string()];
        let (_, phrase) = matches("learning from failure", &words, "learning from").unwrap();
        let (_, scattered) =
            matches("from time to time learning", &words, "learning from").unwrap();
        assert!(phrase > scattered);
    }
}
