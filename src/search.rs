//! Full-text search over every role and level: their titles, expectations, examples,
//! summaries.
//!
//! Linear in the ladder's text: a query reads at most its first
//! [`MAX_QUERY_BYTES`] bytes and [`MAX_QUERY_WORDS`] distinct words, and each word is
//! found in each text by a linear substring search, so a search costs at most
//! about `MAX_QUERY_WORDS` passes over the ladder, however long the query pasted.

use crate::ladder::{Block, Ladder};
use crate::route::{Route, View};

/// What kind of ladder text a hit is in: the label a reader sees beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitKind {
    /// A role family's name.
    Role,
    /// A level's label and title.
    Level,
    Expectation,
    /// A paragraph written under an expectation heading.
    Detail,
    Example,
    Summary,
    /// An expectation for everyone, on its own page.
    Everyone,
    /// A guide page's title or text: never labelled an expectation.
    Guide,
}

impl HitKind {
    pub fn label(self) -> &'static str {
        match self {
            HitKind::Role => "Role",
            HitKind::Level => "Level",
            HitKind::Expectation => "Expectation",
            HitKind::Detail => "Expectation detail",
            HitKind::Example => "Example",
            HitKind::Summary => "Summary",
            HitKind::Everyone => "Expected of everyone",
            HitKind::Guide => "Guide",
        }
    }

    /// Added to a hit's score: a title that matches is most likely the page wanted,
    /// then an expectation.
    fn bonus(self) -> u32 {
        match self {
            HitKind::Role | HitKind::Level => 4,
            HitKind::Expectation | HitKind::Everyone => 1,
            _ => 0,
        }
    }
}

/// One place where every word of the query occurs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    /// The page that shows the hit, focused on it when it is a part of the page
    /// (`e-<expectation id>`, `x-<dim>-<example>`).
    pub route: Route,
    /// Where the hit lives, e.g. `Engineering › Site Reliability Engineering › L2 › 🦉 Domain expertise`.
    pub location: String,
    /// The matched text, plain.
    pub text: String,
    /// Byte ranges of `text` that match a query word, sorted and disjoint.
    pub marks: Vec<(usize, usize)>,
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
    let mut push = |kind: HitKind, text: &str, location: String, route: Route| {
        if let Some((marks, score)) = matches(text, &words, &phrase) {
            hits.push(Hit {
                kind,
                route,
                location,
                text: text.to_string(),
                marks,
                score: score + kind.bonus(),
            });
        }
    };
    for role in &ladder.roles {
        let level_at = |level: &str, focus: Option<String>| Route::Level {
            role: role.id.clone(),
            level: level.to_string(),
            view: View::Read,
            focus,
        };
        if let Some(first) = role.levels.first() {
            push(
                HitKind::Role,
                &role.name,
                role.track.clone(),
                level_at(&first.id, None),
            );
        }
        for level in &role.levels {
            let head = format!("{} › {} › {}", role.track, role.name, level.heading());
            let at = |rest: &str| format!("{head} › {rest}");
            push(
                HitKind::Level,
                &level.heading(),
                format!("{} › {}", role.track, role.name),
                level_at(&level.id, None),
            );
            push(
                HitKind::Summary,
                &level.summary.to_plain(),
                head.clone(),
                level_at(&level.id, None),
            );
            for (di, d) in level.dimensions.iter().enumerate() {
                let dim = match &d.emoji {
                    Some(e) => format!("{e} {}", d.name),
                    None => d.name.clone(),
                };
                for e in &d.expectations {
                    let focus = Some(format!("e-{}", e.id));
                    push(
                        HitKind::Expectation,
                        &e.text.to_plain(),
                        at(&dim),
                        level_at(&level.id, focus.clone()),
                    );
                    for t in &e.details {
                        push(
                            HitKind::Detail,
                            &t.to_plain(),
                            at(&dim),
                            level_at(&level.id, focus.clone()),
                        );
                    }
                    for (j, x) in e.examples.iter().enumerate() {
                        let focus = Some(format!("xe-{}-{j}", e.id));
                        push(
                            HitKind::Example,
                            &x.to_plain(),
                            at(&dim),
                            level_at(&level.id, focus),
                        );
                    }
                }
                for (j, x) in d.examples.iter().enumerate() {
                    let focus = Some(format!("x-{di}-{j}"));
                    push(
                        HitKind::Example,
                        &x.to_plain(),
                        at(&dim),
                        level_at(&level.id, focus),
                    );
                }
            }
        }
    }
    for page in &ladder.everyone {
        let route = Route::Everyone(page.id.clone());
        let at = format!(
            "{} › {}",
            page.track.as_deref().unwrap_or("Every track"),
            page.level.heading()
        );
        for e in page.level.dimensions.iter().flat_map(|d| &d.expectations) {
            let texts = std::iter::once(&e.text)
                .chain(&e.details)
                .chain(&e.examples);
            for t in texts {
                push(HitKind::Everyone, &t.to_plain(), at.clone(), route.clone());
            }
        }
    }
    for guide in &ladder.guides {
        let route = Route::Guide(guide.id.clone());
        push(
            HitKind::Guide,
            &guide.title,
            guide.track.clone(),
            route.clone(),
        );
        for b in &guide.blocks {
            let (Block::Heading(t) | Block::Paragraph(t) | Block::Bullet(t)) = b;
            push(
                HitKind::Guide,
                &t.to_plain(),
                format!("{} › {}", guide.track, guide.title),
                route.clone(),
            );
        }
    }
    // Best first, ties in ladder order: (rank, position) pairs sorted with the same
    // routine as the marks in `matches`.
    let mut order: Vec<(usize, usize)> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| ((u32::MAX - h.score) as usize, i))
        .collect();
    sort_pairs(&mut order);
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
    sort_pairs(&mut marks);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in marks {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    Some((merged, score))
}

/// Sorts `pairs` in ascending order: a heapsort written out, as std's sort (generic,
/// and tuned for speed on long lists) adds about 3.6 KB of wasm to the search module,
/// 1.4 KB gzipped, for lists this short: a search's hits, and the marks of one text.
fn sort_pairs(pairs: &mut [(usize, usize)]) {
    // Moves `pairs[root]` down the heap in `pairs[..end]` to where it belongs.
    let sift = |pairs: &mut [(usize, usize)], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && pairs[child] < pairs[child + 1] {
            child += 1;
        }
        if pairs[root] >= pairs[child] {
            break;
        }
        pairs.swap(root, child);
        root = child;
    };
    let len = pairs.len();
    for root in (0..len / 2).rev() {
        sift(pairs, root, len);
    }
    for end in (1..len).rev() {
        pairs.swap(0, end);
        sift(pairs, 0, end);
    }
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
    fn sort_pairs_sorts_as_std_does() {
        // Every length to 40, with repeats, from a fixed pseudo-random walk.
        let mut seed = 7usize;
        for len in 0..40 {
            let mut pairs: Vec<(usize, usize)> = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 33) % 5, (seed >> 40) % 7)
                })
                .collect();
            let mut expected = pairs.clone();
            expected.sort();
            sort_pairs(&mut pairs);
            assert_eq!(pairs, expected, "length {len}");
        }
    }

    fn ladder() -> Ladder {
        crate::ladder::import::import_ladder([
            ("Engineering/Software-Engineering/L2-Software-Engineer.md", b"# L2: Software Engineer\n\n## Craft\n\n- I review code with care.\n".as_slice()),
            (
                "Engineering/Software-Engineering/L3-Senior-Software-Engineer.md",
                b"# L3: Senior Software Engineer\n\n## Craft\n\n- I mentor a senior colleague on software design.\n".as_slice(),
            ),
            ("Design/Product-Design/L1-Product-Designer.md", b"# L1: Product Designer\n\n## Craft\n\n- I sketch.\n".as_slice()),
        ])
        .ladder
    }

    #[test]
    fn a_level_title_is_found_first_and_opens_the_level() {
        let hits = search(&ladder(), "senior software");
        let first = &hits[0];
        assert_eq!(first.kind, HitKind::Level);
        assert_eq!(first.text, "L3: Senior Software Engineer");
        assert_eq!(first.location, "Engineering › Software Engineering");
        assert_eq!(
            first.route,
            Route::level("engineering/software-engineering", "l3")
        );
        // The expectation that holds both words is found too, after the title.
        assert!(
            hits[1..].iter().any(|h| h.kind == HitKind::Expectation),
            "{hits:?}"
        );
    }

    #[test]
    fn a_role_name_is_found_and_opens_its_first_level() {
        let hits = search(&ladder(), "product design");
        let role = hits
            .iter()
            .find(|h| h.kind == HitKind::Role)
            .expect("the role");
        assert_eq!(role.text, "Product Design");
        assert_eq!(role.location, "Design");
        assert_eq!(role.route, Route::level("design/product-design", "l1"));
        assert_eq!(role.kind.label(), "Role");
    }

    #[test]
    fn an_expectation_hit_focuses_its_element() {
        let hits = search(&ladder(), "review code");
        assert_eq!(hits.len(), 1, "{hits:?}");
        let Route::Level {
            focus: Some(focus), ..
        } = &hits[0].route
        else {
            panic!("{hits:?}")
        };
        assert_eq!(
            *focus,
            format!(
                "e-{}",
                crate::ladder::expectation_id("I review code with care.")
            )
        );
        assert_eq!(hits[0].kind.label(), "Expectation");
    }

    #[test]
    fn text_under_an_expectation_heading_guides_and_everyone_are_found_and_labelled_by_what_they_are(
    ) {
        use crate::ladder::{Dimension, Everyone, Expectation, Guide, Level, Text};
        let mut l = ladder();
        let x = &mut l.roles[1].levels[1].dimensions[0].expectations[0];
        x.details
            .push(Text::plain("Pairing on the gnarly migration counts."));
        x.examples
            .push(Text::plain("I paired on the billing migration."));
        let id = x.id.clone();
        l.guides.push(Guide {
            id: "engineering/how-reviews-work".into(),
            track: "Engineering".into(),
            title: "How reviews work".into(),
            blocks: vec![Block::Paragraph(Text::plain(
                "Reviews happen twice a year, after a migration freeze.",
            ))],
            ..Guide::default()
        });
        l.everyone.push(Everyone {
            id: "everyone".into(),
            track: None,
            level: Level {
                title: "Everyone".into(),
                dimensions: vec![Dimension {
                    expectations: vec![Expectation {
                        id: "ev".into(),
                        text: Text::plain("I treat migration partners with respect."),
                        ..Expectation::default()
                    }],
                    ..Dimension::default()
                }],
                ..Level::default()
            },
        });
        let hits = search(&l, "migration");
        let kinds = |k: HitKind| hits.iter().filter(|h| h.kind == k).collect::<Vec<_>>();
        let detail = kinds(HitKind::Detail);
        assert_eq!(detail.len(), 1);
        assert_eq!(detail[0].kind.label(), "Expectation detail");
        assert_eq!(
            detail[0].route,
            Route::Level {
                role: "engineering/software-engineering".into(),
                level: "l3".into(),
                view: View::Read,
                focus: Some(format!("e-{id}"))
            }
        );
        let example = kinds(HitKind::Example);
        assert_eq!(
            example[0].route,
            Route::Level {
                role: "engineering/software-engineering".into(),
                level: "l3".into(),
                view: View::Read,
                focus: Some(format!("xe-{id}-0"))
            }
        );
        let guide = kinds(HitKind::Guide);
        assert_eq!(guide.len(), 1);
        assert_eq!(guide[0].kind.label(), "Guide");
        assert_eq!(
            guide[0].route,
            Route::Guide("engineering/how-reviews-work".into())
        );
        assert_eq!(guide[0].location, "Engineering › How reviews work");
        assert!(
            kinds(HitKind::Expectation).is_empty(),
            "guide prose and details are never labelled Expectation: {hits:?}"
        );
        let everyone = kinds(HitKind::Everyone);
        assert_eq!(everyone[0].route, Route::Everyone("everyone".into()));
        assert_eq!(everyone[0].location, "Every track › Everyone");
        // A guide is found by its title too.
        assert_eq!(
            search(&l, "how reviews")[0].route,
            Route::Guide("engineering/how-reviews-work".into())
        );
    }

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
