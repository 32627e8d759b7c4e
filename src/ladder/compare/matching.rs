//! One-to-one matching of two lists, and the order to read the result in.
//!
//! **Matching** expectations, deterministic and one-to-one:
//! 1. *Same*: in B's order, each expectation of B takes the first free one of
//!    A with the same id or the same words (see `similar`: case, spacing,
//!    punctuation and formatting do not count).
//! 2. *Reworded*: of the pairs still free whose word sets are similar (Dice
//!    ≥ 1/2), the most similar pair is taken first; ties go to the earlier
//!    expectation of B, then of A. So when one expectation is split in two,
//!    the closer half is the rewording and the other is new.
//! 3. Everything left is only in A or only in B.
//!
//! **Bounds.** Step 1 sorts A by id and by words once and looks each of B up
//! (`ByKey`: O((n + m) log n)). Step 2 compares
//! every free pair's word sets: it runs only when a dimension has at most
//! [`MAX_REWORD_PAIRS`] free pairs (200 × 200, the most expectations a level may
//! hold, see `import::limits`) and comparing them takes at most [`MAX_REWORD_WORDS`] word
//! steps (200 × 200 expectations of 200 words each). Past either, rewordings are
//! not looked for in that dimension: what step 1 left is only in A or only in B.
//!
//! **Reading order** follows B (the higher level): every item of B in its
//! order, a matched item of A beside its partner, and an item only in A right
//! after the partner of the nearest matched item before it in A (at the very
//! start when none before it is matched), several such keeping A's order.
//! So a removed item sits where it stood, before what replaced it.

use crate::ladder::order::sorted;

use super::similar::Similarity;
use crate::ladder::model::Expectation;
use crate::ladder::words::words;

/// The most free pairs of one dimension compared for rewordings: 200 × 200.
pub const MAX_REWORD_PAIRS: usize = 40_000;

/// The most word steps spent comparing one dimension's free pairs: each pair
/// costs its two word-set sizes, so 200 × 200 pairs of 200-word sets.
pub const MAX_REWORD_WORDS: usize = 16_000_000;

/// How an expectation of A was matched in B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Partner {
    Same(usize),
    Reworded(usize),
}

impl Partner {
    pub(crate) fn index(self) -> usize {
        match self {
            Partner::Same(j) | Partner::Reworded(j) => j,
        }
    }
}

/// For each expectation of `a`, its partner in `b`, if any; and whether
/// rewordings were not looked for, the dimension being past the caps.
pub(crate) fn match_expectations(
    a: &[Expectation],
    b: &[Expectation],
) -> (Vec<Option<Partner>>, bool) {
    let (partner, work) = match_counted(a, b);
    (partner, work.skipped)
}

/// What looking for rewordings cost: pairs compared and word steps taken,
/// none when past the caps (`skipped`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Work {
    pairs: usize,
    words: usize,
    skipped: bool,
}

/// [`match_expectations`], and the work its step 2 did.
fn match_counted(a: &[Expectation], b: &[Expectation]) -> (Vec<Option<Partner>>, Work) {
    let a_words: Vec<Vec<String>> = a.iter().map(|e| words(&e.text.to_plain())).collect();
    let b_words: Vec<Vec<String>> = b.iter().map(|e| words(&e.text.to_plain())).collect();
    match_words(a, b, &a_words, &b_words)
}

/// [`match_counted`], given the words of each expectation.
fn match_words(
    a: &[Expectation],
    b: &[Expectation],
    a_words: &[Vec<String>],
    b_words: &[Vec<String>],
) -> (Vec<Option<Partner>>, Work) {
    let mut partner: Vec<Option<Partner>> = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    // Step 1: A's indices by id and by words.
    let a_ids: Vec<&str> = a.iter().map(|e| e.id.as_str()).collect();
    let mut by_id = ByKey::new(&a_ids);
    let mut by_words = ByKey::new(a_words);
    for (j, theirs) in b.iter().enumerate() {
        let free = |i: usize| partner[i].is_none();
        let by_id = by_id.first(&theirs.id.as_str(), free);
        let by_words = by_words.first(&b_words[j], free);
        let same = match (by_id, by_words) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        if let Some(i) = same {
            partner[i] = Some(Partner::Same(j));
            taken[j] = true;
        }
    }
    // Step 2, on sorted sets of distinct words.
    fn set(w: &[String]) -> Vec<&str> {
        let order = sorted(w.len(), &|x, y| w[x].cmp(&w[y]));
        let mut set: Vec<&str> = order.iter().map(|&i| w[i].as_str()).collect();
        set.dedup();
        set
    }
    let a_sets: Vec<(usize, Vec<&str>)> = (0..a.len())
        .filter(|&i| partner[i].is_none())
        .map(|i| (i, set(&a_words[i])))
        .collect();
    let b_sets: Vec<(usize, Vec<&str>)> = (0..b.len())
        .filter(|&j| !taken[j])
        .map(|j| (j, set(&b_words[j])))
        .collect();
    let size = |sets: &[(usize, Vec<&str>)]| sets.iter().map(|(_, s)| s.len()).sum::<usize>();
    let work = Work {
        pairs: a_sets.len().saturating_mul(b_sets.len()),
        words: b_sets
            .len()
            .saturating_mul(size(&a_sets))
            .saturating_add(a_sets.len().saturating_mul(size(&b_sets))),
        skipped: false,
    };
    if work.pairs > MAX_REWORD_PAIRS || work.words > MAX_REWORD_WORDS {
        let skipped = Work {
            skipped: true,
            ..Work::default()
        };
        return (partner, skipped);
    }
    let mut candidates: Vec<(Similarity, usize, usize)> = Vec::new();
    for (j, b_set) in &b_sets {
        for (i, a_set) in &a_sets {
            let similarity = Similarity::of(a_set, b_set);
            if similarity.is_similar() {
                candidates.push((similarity, *j, *i));
            }
        }
    }
    // With the one sort routine (`order`): the standard library's stable sort would be
    // a routine of its own in Compare's module (3 KB of wasm).
    crate::ladder::order::sort_by(&mut candidates, |x, y| {
        y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
    for (_, j, i) in candidates {
        if partner[i].is_none() && !taken[j] {
            partner[i] = Some(Partner::Reworded(j));
            taken[j] = true;
        }
    }
    (partner, work)
}

/// Items of one list looked up by key, in their order: sorted once, so that
/// pairing every item of another list costs O((n + m) log n), not O(n · m).
pub(crate) struct ByKey<'k, K> {
    keys: &'k [K],
    /// Indices into `keys`, sorted by key, then index.
    order: Vec<usize>,
    /// For the first position of each run of equal keys in `order`: where to
    /// start looking next (the positions before it are taken for good).
    cursor: Vec<usize>,
}

impl<'k, K: Ord> ByKey<'k, K> {
    pub(crate) fn new(keys: &'k [K]) -> Self {
        let order = sorted(keys.len(), &|x, y| keys[x].cmp(&keys[y]));
        let cursor = (0..keys.len()).collect();
        ByKey {
            keys,
            order,
            cursor,
        }
    }

    /// The first index (in the list's order) whose key is `key` and that is
    /// still `free`. An index found not free is never looked at again, so
    /// `free` must stay false once it is.
    pub(crate) fn first(&mut self, key: &K, free: impl Fn(usize) -> bool) -> Option<usize> {
        let (keys, order) = (self.keys, &self.order);
        let run = order.partition_point(|&i| keys[i] < *key);
        let mut at = *self.cursor.get(run)?;
        while at < order.len() && keys[order[at]] == *key && !free(order[at]) {
            at += 1;
        }
        self.cursor[run] = at;
        (at < order.len() && keys[order[at]] == *key).then(|| order[at])
    }
}

/// One place in reading order: indices into A and B.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    Both(usize, usize),
    OnlyInA(usize),
    OnlyInB(usize),
}

/// The slots in reading order (see the module docs), given each A item's partner in B.
pub(crate) fn reading_order(partner: &[Option<usize>], b_len: usize) -> Vec<Slot> {
    let mut b_partner = vec![None; b_len];
    let mut leading = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); b_len];
    let mut anchor = None;
    for (i, p) in partner.iter().enumerate() {
        match (p, anchor) {
            (Some(j), _) => {
                b_partner[*j] = Some(i);
                anchor = Some(*j);
            }
            (None, Some(j)) => after[j].push(i),
            (None, None) => leading.push(i),
        }
    }
    let mut out: Vec<Slot> = leading.into_iter().map(Slot::OnlyInA).collect();
    for (j, only_a) in after.into_iter().enumerate() {
        out.push(match b_partner[j] {
            Some(i) => Slot::Both(i, j),
            None => Slot::OnlyInB(j),
        });
        out.extend(only_a.into_iter().map(Slot::OnlyInA));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{expectation_id, Text};
    use Partner::{Reworded, Same};
    use Slot::{Both, OnlyInA, OnlyInB};

    fn list(texts: &[&str]) -> Vec<Expectation> {
        texts
            .iter()
            .map(|t| Expectation {
                details: Vec::new(),
                examples: Vec::new(),
                id: expectation_id(t),
                text: Text::plain(*t),
            })
            .collect()
    }

    fn matched(a: &[&str], b: &[&str]) -> Vec<Option<Partner>> {
        match_expectations(&list(a), &list(b)).0
    }

    #[test]
    fn reordered_expectations_are_the_same() {
        assert_eq!(
            matched(&["a b", "c d"], &["c d", "a b"]),
            [Some(Same(1)), Some(Same(0))]
        );
    }

    #[test]
    fn punctuation_and_case_do_not_count() {
        assert_eq!(
            matched(&["I lead, calmly."], &["i lead calmly"]),
            [Some(Same(0))]
        );
    }

    #[test]
    fn the_same_id_is_the_same_whatever_the_text() {
        let a = list(&["old words"]);
        let mut b = list(&["new text entirely"]);
        b[0].id = a[0].id.clone();
        assert_eq!(match_expectations(&a, &b).0, [Some(Same(0))]);
    }

    #[test]
    fn the_closest_half_of_a_split_is_the_rewording() {
        let a = ["I write and review tests for the drivers"];
        let b = [
            "I review tests written by others",
            "I write tests for the drivers",
        ];
        assert_eq!(matched(&a, &b), [Some(Reworded(1))]);
    }

    #[test]
    fn the_best_pair_wins_over_an_earlier_one() {
        let a = ["I own small projects", "I own small team projects"];
        let b = ["I own small team projects well"];
        assert_eq!(matched(&a, &b), [None, Some(Reworded(0))]);
    }

    #[test]
    fn equally_similar_pairs_go_in_order() {
        assert_eq!(
            matched(&["a b x", "a b y"], &["a b z", "a b w"]),
            [Some(Reworded(0)), Some(Reworded(1))]
        );
    }

    #[test]
    fn a_rewritten_expectation_is_not_matched() {
        assert_eq!(
            matched(&["I fix bugs"], &["I mentor new engineers"]),
            [None]
        );
    }

    #[test]
    fn a_duplicate_text_matches_once() {
        assert_eq!(matched(&["a b"], &["a b.", "A b"]), [Some(Same(0))]);
    }

    /// `n` expectations `I own shared project k <tail>`: all similar to each other.
    fn similar_list(n: usize, tail: &str) -> Vec<Expectation> {
        let texts: Vec<String> = (0..n)
            .map(|k| format!("I own shared project {} {tail}", k % 7))
            .collect();
        list(&texts.iter().map(String::as_str).collect::<Vec<_>>())
    }

    #[test]
    fn rewordings_are_looked_for_up_to_the_cap() {
        let (a, b) = (similar_list(200, "then"), similar_list(200, "now"));
        let (partner, work) = match_counted(&a, &b);
        assert_eq!(work.pairs, MAX_REWORD_PAIRS);
        assert!(work.words <= MAX_REWORD_WORDS);
        assert!(partner.iter().all(|p| matches!(p, Some(Reworded(_)))));
    }

    #[test]
    fn past_the_cap_rewordings_are_not_looked_for() {
        // 2,000 × 2,000 similar expectations: 4,000,000 pairs, none compared.
        let (a, b) = (similar_list(2_000, "then"), similar_list(2_000, "now"));
        let (partner, work) = match_counted(&a, &b);
        assert_eq!(
            work,
            Work {
                skipped: true,
                ..Work::default()
            }
        );
        assert!(partner.iter().all(Option::is_none));
        // One pair of 100,000-word expectations is within both caps.
        let long = |tail: &str| {
            let words: Vec<String> = (0..100_000).map(|i| format!("w{i}")).collect();
            list(&[&format!("{} {tail}", words.join(" "))])
        };
        let (partner, work) = match_counted(&long("then"), &long("now"));
        assert_eq!(partner, [Some(Reworded(0))]);
        assert_eq!(
            work,
            Work {
                pairs: 1,
                words: 2 * 100_001,
                skipped: false
            }
        );
    }

    #[test]
    fn same_expectations_are_found_in_linear_time() {
        // 20,000 the same, in reverse order: each is found by a hash look-up.
        let texts: Vec<String> = (0..20_000).map(|k| format!("I do thing {k}")).collect();
        let a = list(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let b: Vec<Expectation> = a.iter().rev().cloned().collect();
        let (partner, work) = match_counted(&a, &b);
        assert_eq!(work, Work::default());
        assert!(partner
            .iter()
            .enumerate()
            .all(|(i, p)| *p == Some(Same(20_000 - 1 - i))));
    }

    #[test]
    fn reading_order_follows_b() {
        assert_eq!(
            reading_order(&[Some(1), Some(0)], 3),
            [Both(1, 0), Both(0, 1), OnlyInB(2)]
        );
    }

    #[test]
    fn an_item_only_in_a_follows_its_predecessors_partner() {
        // A: x y z, B: x w z; y was not matched.
        assert_eq!(
            reading_order(&[Some(0), None, Some(2)], 3),
            [Both(0, 0), OnlyInA(1), OnlyInB(1), Both(2, 2)]
        );
    }

    #[test]
    fn items_only_in_a_before_any_match_come_first() {
        assert_eq!(
            reading_order(&[None, None, Some(0)], 1),
            [OnlyInA(0), OnlyInA(1), Both(2, 0)]
        );
        assert_eq!(reading_order(&[None], 0), [OnlyInA(0)]);
    }
}
