//! Two levels side by side: what changes from one to the other.
//!
//! [`compare_levels`] takes any two levels, A (usually the lower) and B
//! (usually the higher), possibly of different roles:
//! - attributes are matched by name, ignoring case and spacing, in A's
//!   order followed by those only in B;
//! - dimensions are matched by name, ignoring their emoji, case,
//!   punctuation and spacing (`🦉 Domain expertise` and `Domain Expertise:`);
//!   the first free one of A with that name goes with each of B in turn;
//! - within a matched dimension the expectations are matched as
//!   `matching` describes (same, reworded with a word diff, only in A,
//!   only in B); a dimension only in A or only in B lists all of its
//!   expectations as only there;
//! - dimensions and expectations read in B's order, with what is only in A
//!   placed right after the nearest thing before it in A that B also has.
//!
//! [`default_pair`] is the level to compare a level with when nothing is chosen
//! yet.

pub mod attributes;
pub mod matching;
pub mod similar;

use std::rc::Rc;

use crate::ladder::model::{Dimension, Expectation, Ladder, Level};
use crate::ladder::words::words;
use attributes::{attribute_rows, AttributeRow};
use matching::{match_expectations, reading_order, ByKey, Partner, Slot};
use similar::{word_diff, Segment};

/// What changes from level A to level B.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub attributes: Vec<AttributeRow>,
    pub dimensions: Vec<DimensionRows>,
}

/// Which of the two levels have a dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Both,
    OnlyInA,
    OnlyInB,
}

/// One dimension and its expectations across the two levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DimensionRows {
    /// B's emoji, or A's when B lacks the dimension.
    pub emoji: Option<String>,
    /// B's name, or A's when B lacks the dimension.
    pub name: String,
    pub side: Presence,
    pub rows: Vec<Row>,
    /// Rewordings were not looked for: the dimension is past the matching caps
    /// (`matching`), so what is not the same shows as only in one level.
    pub rewordings_skipped: bool,
}

/// One expectation, or one matched pair, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// The same words (or the same id) in both.
    Same {
        a: Expectation,
        b: Expectation,
    },
    /// Similar words; `diff` marks the words removed from A and added in B.
    Reworded {
        a: Expectation,
        b: Expectation,
        diff: Vec<Segment>,
    },
    OnlyInA(Expectation),
    OnlyInB(Expectation),
}

/// Compare level `a` with level `b` (see the module docs).
pub fn compare_levels(a: &Level, b: &Level) -> Comparison {
    Comparison {
        attributes: attribute_rows(a, b),
        dimensions: dimension_rows(&a.dimensions, &b.dimensions),
    }
}

/// The comparison of the pair of levels last asked for, kept while that pair is
/// asked for again: a view that redraws on every change of progress compares its
/// levels once, not on every redraw.
#[derive(Debug, Default)]
pub struct CompareMemo {
    last: Option<(String, String, Rc<Comparison>)>,
    computed: usize,
}

impl CompareMemo {
    /// `compare_levels(a, b)`, computed only when `a_key` or `b_key` (names unique
    /// in the ladder, such as `role/level`) differ from the last call's.
    pub fn get(
        &mut self,
        (a_key, a): (&str, &Level),
        (b_key, b): (&str, &Level),
    ) -> Rc<Comparison> {
        match &self.last {
            Some((ka, kb, cmp)) if ka == a_key && kb == b_key => Rc::clone(cmp),
            _ => {
                let cmp = Rc::new(compare_levels(a, b));
                self.computed += 1;
                self.last = Some((a_key.to_owned(), b_key.to_owned(), Rc::clone(&cmp)));
                cmp
            }
        }
    }

    /// How many comparisons were computed.
    pub fn computed(&self) -> usize {
        self.computed
    }
}

/// The level to compare a level with by default: the next level of its role,
/// or the previous one for the role's last level; `None` when the role has
/// one level or the ids are unknown. Returns `(role id, level id)`.
///
/// Levels are in the role's order: by number, unnumbered ones last.
pub fn default_pair<'a>(
    ladder: &'a Ladder,
    role_id: &str,
    level_id: &str,
) -> Option<(&'a str, &'a str)> {
    let role = ladder.role(role_id)?;
    let at = role.levels.iter().position(|l| l.id == level_id)?;
    let other = if at + 1 < role.levels.len() {
        at + 1
    } else {
        at.checked_sub(1)?
    };
    Some((&role.id, &role.levels[other].id))
}

fn dimension_key(dimension: &Dimension) -> Vec<String> {
    words(&dimension.name)
}

/// A's dimensions looked up by name ([`ByKey`]), not scanned for each of B's.
fn dimension_rows(a: &[Dimension], b: &[Dimension]) -> Vec<DimensionRows> {
    let mut partner: Vec<Option<usize>> = vec![None; a.len()];
    let a_keys: Vec<Vec<String>> = a.iter().map(dimension_key).collect();
    let mut by_name = ByKey::new(&a_keys);
    for (j, theirs) in b.iter().enumerate() {
        if let Some(i) = by_name.first(&dimension_key(theirs), |i| partner[i].is_none()) {
            partner[i] = Some(j);
        }
    }
    reading_order(&partner, b.len())
        .into_iter()
        .map(|slot| match slot {
            Slot::Both(i, j) => {
                let (rows, rewordings_skipped) =
                    expectation_rows(&a[i].expectations, &b[j].expectations);
                DimensionRows {
                    emoji: b[j].emoji.clone(),
                    name: b[j].name.clone(),
                    side: Presence::Both,
                    rows,
                    rewordings_skipped,
                }
            }
            Slot::OnlyInA(i) => one_side(&a[i], Presence::OnlyInA, Row::OnlyInA),
            Slot::OnlyInB(j) => one_side(&b[j], Presence::OnlyInB, Row::OnlyInB),
        })
        .collect()
}

fn one_side(dimension: &Dimension, side: Presence, row: fn(Expectation) -> Row) -> DimensionRows {
    DimensionRows {
        emoji: dimension.emoji.clone(),
        name: dimension.name.clone(),
        side,
        rows: dimension.expectations.iter().cloned().map(row).collect(),
        rewordings_skipped: false,
    }
}

/// The rows of two dimensions' expectations, and whether rewordings were skipped.
fn expectation_rows(a: &[Expectation], b: &[Expectation]) -> (Vec<Row>, bool) {
    let (partner, skipped) = match_expectations(a, b);
    let indices: Vec<Option<usize>> = partner.iter().map(|p| p.map(Partner::index)).collect();
    let rows = reading_order(&indices, b.len())
        .into_iter()
        .map(|slot| match slot {
            Slot::Both(i, j) => {
                let (ours, theirs) = (a[i].clone(), b[j].clone());
                match partner[i] {
                    Some(Partner::Reworded(_)) => Row::Reworded {
                        diff: word_diff(&ours.text.to_plain(), &theirs.text.to_plain()),
                        a: ours,
                        b: theirs,
                    },
                    _ => Row::Same { a: ours, b: theirs },
                }
            }
            Slot::OnlyInA(i) => Row::OnlyInA(a[i].clone()),
            Slot::OnlyInB(j) => Row::OnlyInB(b[j].clone()),
        })
        .collect();
    (rows, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{expectation_id, Role, Text};

    fn expectation(text: &str) -> Expectation {
        Expectation {
            details: Vec::new(),
            examples: Vec::new(),
            id: expectation_id(text),
            text: Text::plain(text),
        }
    }

    fn dimension(emoji: Option<&str>, name: &str, texts: &[&str]) -> Dimension {
        Dimension {
            emoji: emoji.map(str::to_owned),
            name: name.to_owned(),
            expectations: texts.iter().map(|t| expectation(t)).collect(),
            examples: Vec::new(),
        }
    }

    fn with_dimensions(dimensions: Vec<Dimension>) -> Level {
        Level {
            dimensions,
            ..Level::default()
        }
    }

    #[test]
    fn dimensions_match_ignoring_emoji_and_case() {
        let a = with_dimensions(vec![dimension(
            Some("🦉"),
            "Domain expertise",
            &["I know it."],
        )]);
        let b = with_dimensions(vec![dimension(None, "domain Expertise:", &["I know it"])]);
        assert_eq!(
            compare_levels(&a, &b).dimensions,
            [DimensionRows {
                emoji: None,
                name: "domain Expertise:".into(),
                side: Presence::Both,
                rows: vec![Row::Same {
                    a: expectation("I know it."),
                    b: expectation("I know it")
                }],
                rewordings_skipped: false,
            }]
        );
    }

    #[test]
    fn dimensions_in_one_level_only_list_all_their_expectations() {
        let a = with_dimensions(vec![
            dimension(None, "Craft", &["x y"]),
            dimension(None, "Safety", &["s"]),
        ]);
        let b = with_dimensions(vec![
            dimension(None, "Mentoring", &["m"]),
            dimension(None, "Craft", &["x y"]),
        ]);
        let dims = compare_levels(&a, &b).dimensions;
        let shape: Vec<(&str, Presence, &[Row])> = dims
            .iter()
            .map(|d| (d.name.as_str(), d.side, d.rows.as_slice()))
            .collect();
        assert_eq!(
            shape,
            [
                (
                    "Mentoring",
                    Presence::OnlyInB,
                    &[Row::OnlyInB(expectation("m"))][..]
                ),
                (
                    "Craft",
                    Presence::Both,
                    &[Row::Same {
                        a: expectation("x y"),
                        b: expectation("x y")
                    }][..]
                ),
                (
                    "Safety",
                    Presence::OnlyInA,
                    &[Row::OnlyInA(expectation("s"))][..]
                ),
            ]
        );
    }

    #[test]
    fn the_memo_compares_a_pair_once_however_often_it_is_drawn() {
        let a = with_dimensions(vec![dimension(None, "Craft", &["I own small projects"])]);
        let b = with_dimensions(vec![dimension(None, "Craft", &["I own medium projects"])]);
        let mut memo = CompareMemo::default();
        let first = memo.get(("r/l1", &a), ("r/l2", &b));
        for _ in 0..10 {
            assert!(Rc::ptr_eq(&memo.get(("r/l1", &a), ("r/l2", &b)), &first));
        }
        assert_eq!(memo.computed(), 1);
        assert_eq!(*first, compare_levels(&a, &b));
        // Another pair, or the same swapped, is compared anew.
        let swapped = memo.get(("r/l2", &b), ("r/l1", &a));
        assert_eq!(*swapped, compare_levels(&b, &a));
        assert_eq!(memo.computed(), 2);
    }

    #[test]
    fn dimensions_with_the_same_name_pair_in_order() {
        // 20,000 dimensions named alike: paired by one look-up each, in order.
        let names: Vec<String> = (0..20_000).map(|i| format!("D{}", i % 3)).collect();
        let level =
            |x: &str| with_dimensions(names.iter().map(|n| dimension(None, n, &[x])).collect());
        let dims = compare_levels(&level("a"), &level("a")).dimensions;
        assert_eq!(dims.len(), 20_000);
        assert!(dims.iter().all(|d| d.side == Presence::Both));
        assert!(dims.iter().zip(&names).all(|(d, n)| d.name == *n));
    }

    #[test]
    fn a_reworded_expectation_carries_its_word_diff() {
        let a = with_dimensions(vec![dimension(None, "Craft", &["I own small projects"])]);
        let b = with_dimensions(vec![dimension(None, "Craft", &["I own medium projects"])]);
        assert_eq!(
            compare_levels(&a, &b).dimensions[0].rows,
            [Row::Reworded {
                a: expectation("I own small projects"),
                b: expectation("I own medium projects"),
                diff: vec![
                    Segment::Kept("I own".into()),
                    Segment::Removed("small".into()),
                    Segment::Added("medium".into()),
                    Segment::Kept("projects".into()),
                ],
            }]
        );
    }

    fn ladder(levels: &[&str]) -> Ladder {
        let levels = levels
            .iter()
            .map(|id| Level {
                id: (*id).into(),
                ..Level::default()
            })
            .collect();
        Ladder {
            guides: Vec::new(),
            everyone: Vec::new(),
            version: String::new(),
            roles: vec![Role {
                id: "eng/dev".into(),
                levels,
                ..Role::default()
            }],
        }
    }

    #[test]
    fn default_pair_is_the_next_level() {
        assert_eq!(
            default_pair(&ladder(&["l1", "l2", "l3"]), "eng/dev", "l2"),
            Some(("eng/dev", "l3"))
        );
    }

    #[test]
    fn default_pair_of_the_last_level_is_the_one_before() {
        assert_eq!(
            default_pair(&ladder(&["l1", "l2", "l3"]), "eng/dev", "l3"),
            Some(("eng/dev", "l2"))
        );
    }

    #[test]
    fn default_pair_needs_two_levels_and_known_ids() {
        assert_eq!(default_pair(&ladder(&["l1"]), "eng/dev", "l1"), None);
        assert_eq!(default_pair(&ladder(&["l1", "l2"]), "eng/dev", "l9"), None);
        assert_eq!(default_pair(&ladder(&["l1", "l2"]), "other", "l1"), None);
    }
}
