//! How far apart a reply's two sides rate: per expectation in steps of the scale
//! (Improvement needed to Exceeding is three), and counted over a level, in the words
//! a reply shows. Two steps or more is the strongest mark ([`MARK_APART`]).

use super::{Entry, Resolved};

/// Ratings this many steps apart or more get the strongest mark in a reply.
pub const MARK_APART: u8 = 2;

/// How many steps apart the two sides rated, when both did.
pub fn apart(own: Option<&Entry>, manager: Option<&Entry>) -> Option<u8> {
    let (a, b) = (own?.rating?, manager?.rating?);
    Some(a.step().abs_diff(b.step()))
}

/// `One step apart`, `Two steps apart`, `Three steps apart`; `None` for the same
/// rating.
pub fn apart_words(steps: u8) -> Option<&'static str> {
    match steps {
        0 => None,
        1 => Some("One step apart"),
        2 => Some("Two steps apart"),
        _ => Some("Three steps apart"),
    }
}

/// [`apart_words`] within a sentence: `one step apart`. Spelled out rather than
/// lower-cased, which would link Unicode's case tables into the wasm.
pub fn apart_phrase(steps: u8) -> Option<&'static str> {
    match steps {
        0 => None,
        1 => Some("one step apart"),
        2 => Some("two steps apart"),
        _ => Some("three steps apart"),
    }
}

/// Expectations both sides rated, counted by how many steps apart (index 0: rated
/// alike).
pub fn apart_counts(resolved: &Resolved) -> [usize; 4] {
    let mut out = [0; 4];
    for m in &resolved.matched {
        if let Some(n) = apart(m.marks.own, m.marks.manager) {
            out[usize::from(n.min(3))] += 1;
        }
    }
    out
}

/// The line at the top of a reply: how many expectations are rated differently, the
/// ones [`MARK_APART`] or more first.
pub fn apart_line(counts: [usize; 4]) -> String {
    let far: usize = counts[usize::from(MARK_APART)..].iter().sum();
    let near = counts[1];
    let both = counts.iter().sum::<usize>();
    let differ = far + near;
    if differ == 0 {
        return if both == 0 {
            "No expectation is rated by both of you yet.".to_owned()
        } else {
            format!("You rate all {both} expectations that you both rated alike.")
        };
    }
    let (what, verb, each) = if differ == 1 {
        ("1 expectation".to_owned(), "differs", "It is")
    } else {
        (format!("{differ} expectations"), "differ", "Each is")
    };
    format!(
        "{what} of {both} rated by both of you {verb}: {far} two steps or more apart, {near} one step apart. {each} marked below."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    fn rated(r: Rating) -> Entry {
        Entry {
            rating: Some(r),
            note: String::new(),
        }
    }

    #[test]
    fn steps_apart_need_both_ratings() {
        let (low, high) = (rated(Rating::ImprovementNeeded), rated(Rating::Exceeding));
        assert_eq!(apart(Some(&low), Some(&high)), Some(3));
        assert_eq!(apart(Some(&high), Some(&high)), Some(0));
        assert_eq!(apart(Some(&low), None), None);
        assert_eq!(apart(Some(&Entry::default()), Some(&high)), None);
        assert_eq!(apart_words(1), Some("One step apart"));
        assert_eq!(apart_words(0), None);
        assert_eq!(apart_phrase(2), Some("two steps apart"));
    }

    #[test]
    fn the_line_counts_every_difference_far_ones_first() {
        assert_eq!(
            apart_line([16, 4, 1, 0]),
            "5 expectations of 21 rated by both of you differ: 1 two steps or more apart, 4 one step apart. Each is marked below."
        );
        assert_eq!(
            apart_line([2, 1, 0, 0]),
            "1 expectation of 3 rated by both of you differs: 0 two steps or more apart, 1 one step apart. It is marked below."
        );
        assert_eq!(
            apart_line([3, 0, 0, 0]),
            "You rate all 3 expectations that you both rated alike."
        );
        assert_eq!(
            apart_line([0; 4]),
            "No expectation is rated by both of you yet."
        );
    }
}
