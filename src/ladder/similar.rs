//! How alike two texts are, and which words changed between them.
//!
//! - **Words** are the maximal runs of letters and digits, lower-cased
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
//!   changed punctuation mark shows as a changed word).

use std::cmp::Ordering;

/// The similarity threshold, as a fraction `(numerator, denominator)`: 1/2.
pub const SIMILAR: (usize, usize) = (1, 2);

/// The lower-cased words of `text`, in order (see the module docs).
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The distinct words of `text`, sorted.
pub(crate) fn word_set(text: &str) -> Vec<String> {
    let mut set = words(text);
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
    /// The similarity of two sorted, distinct word sets.
    pub(crate) fn of(a: &[String], b: &[String]) -> Self {
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
/// change the removed words come first, then the added ones.
pub fn word_diff(a: &str, b: &str) -> Vec<Segment> {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let (la, lb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| w.to_lowercase()).collect(),
        b.iter().map(|w| w.to_lowercase()).collect(),
    );
    // lcs[i][j]: length of the longest common subsequence of la[i..] and lb[j..].
    let mut lcs = vec![vec![0usize; lb.len() + 1]; la.len() + 1];
    for i in (0..la.len()).rev() {
        for j in (0..lb.len()).rev() {
            lcs[i][j] = if la[i] == lb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && la[i] == lb[j] {
            flush(&mut out, &mut removed, &mut added);
            push(&mut out, Segment::Kept(b[j].to_owned()));
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            removed.push(a[i]);
            i += 1;
        } else {
            added.push(b[j]);
            j += 1;
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
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
    fn words_ignore_case_punctuation_and_spacing() {
        assert_eq!(
            words("  I *own*  Small, projects."),
            ["i", "own", "small", "projects"]
        );
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

    #[test]
    fn diff_of_empty_texts_is_empty() {
        assert_eq!(word_diff("", "  "), []);
        assert_eq!(word_diff("", "new"), [Added("new".into())]);
    }
}
