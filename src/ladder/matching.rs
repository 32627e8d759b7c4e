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
//! **Reading order** follows B (the higher level): every item of B in its
//! order, a matched item of A beside its partner, and an item only in A right
//! after the partner of the nearest matched item before it in A (at the very
//! start when none before it is matched), several such keeping A's order.
//! So a removed item sits where it stood, before what replaced it.

use super::model::Expectation;
use super::similar::{word_set, words, Similarity};

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

/// For each expectation of `a`, its partner in `b`, if any.
pub(crate) fn match_expectations(a: &[Expectation], b: &[Expectation]) -> Vec<Option<Partner>> {
    let mut partner: Vec<Option<Partner>> = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    let a_words: Vec<Vec<String>> = a.iter().map(|e| words(&e.text.to_plain())).collect();
    let b_words: Vec<Vec<String>> = b.iter().map(|e| words(&e.text.to_plain())).collect();
    for (j, theirs) in b.iter().enumerate() {
        let same = (0..a.len())
            .find(|&i| partner[i].is_none() && (a[i].id == theirs.id || a_words[i] == b_words[j]));
        if let Some(i) = same {
            partner[i] = Some(Partner::Same(j));
            taken[j] = true;
        }
    }
    let a_sets: Vec<Vec<String>> = a.iter().map(|e| word_set(&e.text.to_plain())).collect();
    let b_sets: Vec<Vec<String>> = b.iter().map(|e| word_set(&e.text.to_plain())).collect();
    let mut candidates: Vec<(Similarity, usize, usize)> = Vec::new();
    for (j, b_set) in b_sets.iter().enumerate().filter(|(j, _)| !taken[*j]) {
        for (i, a_set) in a_sets
            .iter()
            .enumerate()
            .filter(|(i, _)| partner[*i].is_none())
        {
            let similarity = Similarity::of(a_set, b_set);
            if similarity.is_similar() {
                candidates.push((similarity, j, i));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, j, i) in candidates {
        if partner[i].is_none() && !taken[j] {
            partner[i] = Some(Partner::Reworded(j));
            taken[j] = true;
        }
    }
    partner
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
                id: expectation_id(t),
                text: Text::plain(*t),
            })
            .collect()
    }

    fn matched(a: &[&str], b: &[&str]) -> Vec<Option<Partner>> {
        match_expectations(&list(a), &list(b))
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
        assert_eq!(match_expectations(&a, &b), [Some(Same(0))]);
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
