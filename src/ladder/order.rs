//! Stable sorting through one sort routine.
//!
//! Each `sort_by` on a new element type adds its own copy of the standard
//! library's stable sort (about 3 KB of wasm each). The importer sorts paths,
//! levels, roles and diagnostics, so it sorts indices instead, always with the
//! one non-generic [`sorted`], and moves the items into that order. [`sorted`]
//! is a merge sort written here: the standard library's `sort_unstable_by`,
//! even on indices, is 7 KB of wasm (3 KB gzipped), a merge sort a few hundred
//! bytes, with the same O(n log n) comparisons.

use std::cmp::Ordering;

/// `0..n` sorted by `cmp`, then by index (so equal items keep their order).
pub(crate) fn sorted(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    // Merge runs of `width` sorted indices, pair by pair, until one run is left.
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            for slot in &mut merged[start..end] {
                // The right run's item goes first only when it is smaller: stable.
                let take_right = right < end
                    && (left == middle || cmp(order[right], order[left]) == Ordering::Less);
                if take_right {
                    *slot = order[right];
                    right += 1;
                } else {
                    *slot = order[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Sorts `items` stably by `cmp`, like `slice::sort_by`, with [`sorted`].
pub(crate) fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted(items.len(), &|x, y| cmp(&items[x], &items[y]));
    reorder(items, order);
}

/// Puts `items` in `order`, a permutation of their indices (as [`sorted`] gives):
/// the item at `order[i]` moves to `i`. In place, one cycle of swaps at a time, so
/// each element type adds only a few swaps of code.
pub(crate) fn reorder<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut i = start;
        while order[i] != DONE {
            let from = std::mem::replace(&mut order[i], DONE);
            if from == start {
                break;
            }
            items.swap(i, from);
            i = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_items_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn reorder_moves_each_item_to_its_place_for_every_permutation_of_four() {
        // Every order of four indices: the 256 choices of four, less those that repeat one.
        for p in 0..256usize {
            let order: Vec<usize> = (0..4).map(|k| (p >> (2 * k)) & 3).collect();
            if (0..4).any(|i| !order.contains(&i)) {
                continue;
            }
            let mut items = ['a', 'b', 'c', 'd'];
            reorder(&mut items, order.clone());
            let expected: Vec<char> = order.iter().map(|&i| ['a', 'b', 'c', 'd'][i]).collect();
            assert_eq!(items.to_vec(), expected, "order {order:?}");
        }
    }

    #[test]
    fn indices_come_sorted_like_the_standard_sort_at_every_length() {
        for n in 0..40 {
            let keys: Vec<usize> = (0..n).map(|i| (i * 7 + 3) % 5).collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| keys[i]);
            assert_eq!(
                sorted(n, &|x, y| keys[x].cmp(&keys[y])),
                expected,
                "{n} items"
            );
        }
    }
}
