//! How alike two texts are, and which words changed between them.
//!
//! - **Words** (`ladder::words`) are the maximal runs of letters and digits, lower-cased
//!   (Unicode): punctuation, case, spacing and formatting do not count.
//!   Two texts with the same words in the same order are *the same*.
//! - **Similarity** is the Dice coefficient of the two sets of distinct words,
//!   `2·|A∩B| / (|A| + |B|)`, kept as an exact fraction so ties compare
//!   exactly. Texts are *similar* (a rewording) when it is at least
//!   [`SIMILAR`] = 1/2: "I own small projects" and "I own medium projects"
//!   share 3 of 4 words each (0.75); a rewritten sentence that only keeps
//!   "I" and one verb does not reach it.
//! - The **word diff** is a longest common subsequence over the
//!   whitespace-separated words as written, compared lower-cased (so a
//!   changed punctuation mark shows as a changed word). The words both texts
//!   start and end with are kept as they are; the table for the rest has
//!   (words left in A + 1) × (words left in B + 1) cells, at most
//!   [`MAX_DIFF_CELLS`]. Past that, the middle of A is shown as removed and the
//!   middle of B as added, in linear time: a rewording that long reads as
//!   rewritten (two 500-word texts that differ at start and end still get the
//!   fine diff).

use std::cmp::Ordering;

/// The similarity threshold, as a fraction `(numerator, denominator)`: 1/2.
pub const SIMILAR: (usize, usize) = (1, 2);

/// The most cells the word diff's table may have (4 bytes each, so 1 MB):
/// past it the changed middle is shown as removed then added (module docs).
pub const MAX_DIFF_CELLS: usize = 251_001;

/// The distinct words of `text`, sorted.
#[cfg(test)]
pub(crate) fn word_set(text: &str) -> Vec<String> {
    let mut set = crate::ladder::words::words(text);
    set.sort_unstable();
    set.dedup();
    set
}

/// Dice similarity of two word sets as an exact fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Similarity {
    /// Twice the number of shared words.
    shared: usize,
    /// The sizes of both sets added.
    total: usize,
}

impl Similarity {
    /// The similarity of two sorted, distinct word sets, in
    /// `a.len() + b.len()` steps.
    pub(crate) fn of<T: Ord>(a: &[T], b: &[T]) -> Self {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        Similarity {
            shared: 2 * shared,
            total: a.len() + b.len(),
        }
    }

    /// At least [`SIMILAR`]; never for two empty texts.
    pub(crate) fn is_similar(self) -> bool {
        self.total > 0 && self.shared * SIMILAR.1 >= self.total * SIMILAR.0
    }
}

impl Ord for Similarity {
    fn cmp(&self, other: &Self) -> Ordering {
        // shared/total against other.shared/other.total, without division.
        (self.shared * other.total.max(1)).cmp(&(other.shared * self.total.max(1)))
    }
}

impl PartialOrd for Similarity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One run of a word diff. Each holds one or more words joined by single
/// spaces; render consecutive segments with one space between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Words in both texts, as the second text writes them.
    Kept(String),
    /// Words only in the first text.
    Removed(String),
    /// Words only in the second text.
    Added(String),
}

/// The words of `a` and `b` as kept, removed and added runs. Within one
/// change the removed words come first, then the added ones. Bounded by
/// [`MAX_DIFF_CELLS`] (see the module docs).
pub fn word_diff(a: &str, b: &str) -> Vec<Segment> {
    diff(a, b).0
}

/// [`word_diff`], and the number of table cells it used.
fn diff(a: &str, b: &str) -> (Vec<Segment>, usize) {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let (la, lb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| w.to_lowercase()).collect(),
        b.iter().map(|w| w.to_lowercase()).collect(),
    );
    // The common start and end are in every longest common subsequence.
    let start = la.iter().zip(&lb).take_while(|(x, y)| x == y).count();
    let end = la[start..]
        .iter()
        .rev()
        .zip(lb[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (start..a.len() - end, start..b.len() - end);
    let mut out = Vec::new();
    if start > 0 {
        out.push(Segment::Kept(b[..start].join(" ")));
    }
    let cells = (ma.len() + 1).saturating_mul(mb.len() + 1);
    let used = if cells <= MAX_DIFF_CELLS {
        middle(
            &mut out,
            (&a[ma.clone()], &la[ma]),
            (&b[mb.clone()], &lb[mb]),
        );
        cells
    } else {
        let (mut removed, mut added) = (a[ma].to_vec(), b[mb].to_vec());
        flush(&mut out, &mut removed, &mut added);
        0
    };
    if end > 0 {
        push(&mut out, Segment::Kept(b[b.len() - end..].join(" ")));
    }
    (out, used)
}

/// The diff of two word lists (as written, and lower-cased) by a longest common
/// subsequence table of `(a.len() + 1) × (b.len() + 1)` cells, appended to `out`.
fn middle(out: &mut Vec<Segment>, (a, la): (&[&str], &[String]), (b, lb): (&[&str], &[String])) {
    let width = lb.len() + 1;
    // lcs[i * width + j]: length of the longest common subsequence of la[i..] and lb[j..].
    let mut lcs = vec![0u32; (la.len() + 1) * width];
    for i in (0..la.len()).rev() {
        for j in (0..lb.len()).rev() {
            lcs[i * width + j] = if la[i] == lb[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && la[i] == lb[j] {
            flush(out, &mut removed, &mut added);
            push(out, Segment::Kept(b[j].to_owned()));
            i += 1;
            j += 1;
        } else if j == b.len()
            || (i < a.len() && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
        {
            removed.push(a[i]);
            i += 1;
        } else {
            added.push(b[j]);
            j += 1;
        }
    }
    flush(out, &mut removed, &mut added);
}

/// End a change: its removed words, then its added words.
fn flush(out: &mut Vec<Segment>, removed: &mut Vec<&str>, added: &mut Vec<&str>) {
    if !removed.is_empty() {
        out.push(Segment::Removed(removed.join(" ")));
        removed.clear();
    }
    if !added.is_empty() {
        out.push(Segment::Added(added.join(" ")));
        added.clear();
    }
}

/// Append, joining a kept word to the kept run before it.
fn push(out: &mut Vec<Segment>, segment: Segment) {
    if let (Some(Segment::Kept(last)), Segment::Kept(word)) = (out.last_mut(), &segment) {
        last.push(' ');
        last.push_str(word);
        return;
    }
    out.push(segment);
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::{Added, Kept, Removed};

    fn sim(a: &str, b: &str) -> Similarity {
        Similarity::of(&word_set(a), &word_set(b))
    }

    #[test]
    fn one_changed_word_of_four_is_similar() {
        let s = sim("I own small projects", "I own medium projects");
        assert_eq!(
            s,
            Similarity {
                shared: 6,
                total: 8
            }
        );
        assert!(s.is_similar());
    }

    #[test]
    fn half_the_words_shared_is_exactly_the_threshold() {
        assert!(sim("a b c d", "a b e f").is_similar());
        assert!(!sim("a b c d", "a e f g").is_similar());
    }

    #[test]
    fn empty_texts_are_never_similar() {
        assert!(!sim("", "").is_similar());
        assert!(!sim("...", "a").is_similar());
    }

    #[test]
    fn similarities_compare_as_fractions() {
        assert!(sim("a b", "a b") > sim("a b c d", "a b c e"));
        assert_eq!(
            sim("a b", "a c").cmp(&sim("a b c d", "a b e f")),
            Ordering::Equal
        );
    }

    #[test]
    fn diff_marks_a_changed_word() {
        assert_eq!(
            word_diff("I own small projects", "I own medium projects"),
            [
                Kept("I own".into()),
                Removed("small".into()),
                Added("medium".into()),
                Kept("projects".into())
            ]
        );
    }

    #[test]
    fn diff_groups_a_change_as_removed_then_added() {
        assert_eq!(
            word_diff("I fix bugs fast today", "I ship features fast"),
            [
                Kept("I".into()),
                Removed("fix bugs".into()),
                Added("ship features".into()),
                Kept("fast".into()),
                Removed("today".into())
            ]
        );
    }

    #[test]
    fn diff_keeps_the_second_texts_case() {
        assert_eq!(
            word_diff("i Lead", "I lead teams"),
            [Kept("I lead".into()), Added("teams".into())]
        );
    }

    /// `n` words; with `changed`, every other word differs.
    fn sentence(n: usize, changed: bool) -> String {
        let word = |i: usize| match (changed, i % 2) {
            (true, 1) => format!("v{i}"),
            _ => format!("w{i}"),
        };
        (0..n).map(word).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_long_rewording_is_shown_rewritten_within_the_cap() {
        // 100,000 words against 100,000: the full table would be 10^10 cells (40 GB).
        let (a, b) = (sentence(100_000, false), sentence(100_000, true));
        let (segments, cells) = diff(&a, &b);
        assert_eq!(cells, 0);
        assert_eq!(
            segments,
            [
                Kept("w0".into()),
                Removed(a["w0 ".len()..].to_owned()),
                Added(b["w0 ".len()..].to_owned()),
            ]
        );
    }

    #[test]
    fn the_common_start_and_end_are_set_aside_before_the_cap() {
        // 50,000 words each, changed only in the middle: a small table.
        let words = |middle: &str| {
            format!(
                "{} {middle} {}",
                sentence(25_000, false),
                sentence(25_000, false)
            )
        };
        let (segments, cells) = diff(
            &words("I own small projects"),
            &words("I own medium projects"),
        );
        assert_eq!(cells, 2 * 2);
        assert_eq!(segments.len(), 4);
        assert_eq!(segments[1], Removed("small".into()));
        assert_eq!(segments[2], Added("medium".into()));
    }

    #[test]
    fn a_diff_at_the_cap_is_fine_and_one_past_it_is_not() {
        // 500 words against 500, the first and last changed: 501 × 501 cells.
        let a: Vec<String> = (0..500).map(|i| format!("a{i}")).collect();
        let b: Vec<String> = (0..500)
            .map(|i| format!("{}{i}", if i % 2 == 0 && i > 0 { 'a' } else { 'b' }))
            .collect();
        let (a, b) = (a.join(" "), b.join(" "));
        let (segments, cells) = diff(&a, &b);
        assert_eq!(cells, MAX_DIFF_CELLS);
        // 249 kept words (a2, a4 … a498) between 250 changes of two segments each.
        assert_eq!(segments.len(), 249 + 2 * 250);
        assert_eq!(
            segments[..3],
            [
                Removed("a0 a1".into()),
                Added("b0 b1".into()),
                Kept("a2".into())
            ]
        );
        let (segments, cells) = diff(&format!("x {a}"), &b);
        assert_eq!((segments.len(), cells), (2, 0));
    }

    #[test]
    fn diff_of_empty_texts_is_empty() {
        assert_eq!(word_diff("", "  "), []);
        assert_eq!(word_diff("", "new"), [Added("new".into())]);
    }
}
