//! What changed between two check-ins: per expectation in words, the evidence
//! written since, and per dimension how many moved up and down.

use super::{Checkin, Item};
use crate::progress::rating::Rating;

/// One expectation that changed between two check-ins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The expectation id.
    pub id: String,
    /// Its dimension, in the newer check-in (or the older, if gone since).
    pub dimension: String,
    /// Its text, in the newer check-in (or the older, if gone since).
    pub text: String,
    /// The rating at the older check-in.
    pub before: Option<Rating>,
    /// The rating at the newer one.
    pub after: Option<Rating>,
    /// Evidence written since: what was added to the note, or the whole new note
    /// when it was rewritten. `None` when the note did not change or was emptied.
    pub evidence: Option<String>,
    /// The newer check-in no longer has the expectation.
    pub gone: bool,
}

impl Change {
    /// The change of rating in words: `Maturing → Performing`, `newly rated
    /// Performing`, `cleared (was Maturing)`, `still Performing`, `not rated`.
    pub fn words(&self) -> String {
        if self.gone {
            return "no longer in the level".to_owned();
        }
        match (self.before, self.after) {
            (Some(b), Some(a)) if a == b => format!("still {}", a.label()),
            (Some(b), Some(a)) => format!("{} → {}", b.label(), a.label()),
            (None, Some(a)) => format!("newly rated {}", a.label()),
            (Some(b), None) => format!("cleared (was {})", b.label()),
            (None, None) => "not rated".to_owned(),
        }
    }

    /// Up the scale (+1), down it (-1), or neither (0: same, newly rated, cleared).
    pub fn direction(&self) -> i8 {
        match (self.before, self.after) {
            (Some(b), Some(a)) if a > b => 1,
            (Some(b), Some(a)) if a < b => -1,
            _ => 0,
        }
    }
}

/// How many expectations of one dimension moved up and down the scale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DimensionMoves {
    /// The dimension's name.
    pub name: String,
    /// Rated higher than before.
    pub up: usize,
    /// Rated lower than before.
    pub down: usize,
}

impl DimensionMoves {
    /// `Craft: 2 up, 1 down`, or `Craft: no rating moved`.
    pub fn words(&self) -> String {
        if self.up + self.down == 0 {
            format!("{}: no rating moved", self.name)
        } else {
            format!("{}: {} up, {} down", self.name, self.up, self.down)
        }
    }
}

/// What changed from one check-in to a newer one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Since {
    /// The expectations whose rating or evidence changed, or that the newer check-in
    /// has no more, in the newer check-in's order then the gone ones.
    pub changes: Vec<Change>,
    /// Per dimension of the newer check-in, the moves up and down.
    pub dimensions: Vec<DimensionMoves>,
    /// How many expectations of the newer check-in did not change.
    pub unchanged: usize,
}

/// What changed from `older` to `newer` (either may be the progress now, taken as a
/// check-in). An expectation only the newer has counts as not rated before.
pub fn compare(older: &Checkin, newer: &Checkin) -> Since {
    let mut since = Since::default();
    for d in &newer.dimensions {
        let mut moves = DimensionMoves {
            name: d.name.clone(),
            ..DimensionMoves::default()
        };
        for item in &d.items {
            let before = older.items().find(|(_, i)| i.id == item.id).map(|(_, i)| i);
            let change = change(before, item, &d.name);
            match change.direction() {
                1 => moves.up += 1,
                -1 => moves.down += 1,
                _ => {}
            }
            let old_note = before.map_or("", |b| b.evidence.trim());
            if change.before != change.after || old_note != item.evidence.trim() {
                since.changes.push(change);
            } else {
                since.unchanged += 1;
            }
        }
        since.dimensions.push(moves);
    }
    for (dimension, item) in older.items() {
        let answered = item.rating.is_some() || !item.evidence.trim().is_empty();
        if answered && !newer.items().any(|(_, i)| i.id == item.id) {
            since.changes.push(Change {
                id: item.id.clone(),
                dimension: dimension.to_owned(),
                text: item.text.clone(),
                before: item.rating,
                after: None,
                evidence: None,
                gone: true,
            });
        }
    }
    since
}

/// The change of one expectation from `before` (absent: not in the older check-in).
fn change(before: Option<&Item>, after: &Item, dimension: &str) -> Change {
    let old = before.map_or("", |b| b.evidence.trim());
    let new = after.evidence.trim();
    let evidence = (new != old && !new.is_empty()).then(|| match new.strip_prefix(old) {
        Some(added) if !old.is_empty() => added.trim().to_owned(),
        _ => new.to_owned(),
    });
    Change {
        id: after.id.clone(),
        dimension: dimension.to_owned(),
        text: after.text.clone(),
        before: before.and_then(|b| b.rating),
        after: after.rating,
        evidence,
        gone: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::checkin::CheckinDimension;

    fn item(id: &str, rating: Option<Rating>, evidence: &str) -> Item {
        Item {
            id: id.into(),
            text: format!("Text {id}."),
            rating,
            evidence: evidence.into(),
        }
    }

    fn checkin(dimensions: Vec<(&str, Vec<Item>)>) -> Checkin {
        Checkin {
            dimensions: dimensions
                .into_iter()
                .map(|(name, items)| CheckinDimension {
                    name: name.into(),
                    items,
                })
                .collect(),
            ..Checkin::default()
        }
    }

    use Rating::{Exceeding, Maturing, Performing};

    #[test]
    fn each_change_is_said_in_words_and_counted_per_dimension() {
        let older = checkin(vec![
            (
                "Craft",
                vec![
                    item("a", Some(Maturing), ""),
                    item("b", Some(Performing), ""),
                    item("c", None, ""),
                ],
            ),
            (
                "Impact",
                vec![
                    item("d", Some(Exceeding), "Led X."),
                    item("e", Some(Performing), ""),
                ],
            ),
        ]);
        let newer = checkin(vec![
            (
                "Craft",
                vec![
                    item("a", Some(Performing), ""),
                    item("b", None, ""),
                    item("c", Some(Maturing), ""),
                ],
            ),
            (
                "Impact",
                vec![
                    item("d", Some(Performing), "Led X. Then led Y."),
                    item("e", Some(Performing), ""),
                ],
            ),
        ]);
        let since = compare(&older, &newer);
        let said: Vec<(String, String, Option<String>)> = since
            .changes
            .iter()
            .map(|c| (c.id.clone(), c.words(), c.evidence.clone()))
            .collect();
        assert_eq!(
            said,
            vec![
                ("a".into(), "Maturing → Performing".into(), None),
                ("b".into(), "cleared (was Performing)".into(), None),
                ("c".into(), "newly rated Maturing".into(), None),
                (
                    "d".into(),
                    "Exceeding → Performing".into(),
                    Some("Then led Y.".into())
                ),
            ]
        );
        let moves: Vec<String> = since.dimensions.iter().map(DimensionMoves::words).collect();
        assert_eq!(moves, ["Craft: 1 up, 0 down", "Impact: 0 up, 1 down"]);
        assert_eq!(since.unchanged, 1);
    }

    #[test]
    fn evidence_written_since_is_a_change_even_with_the_same_rating() {
        let older = checkin(vec![(
            "Craft",
            vec![item("a", Some(Maturing), "Old note.")],
        )]);
        let newer = checkin(vec![(
            "Craft",
            vec![item("a", Some(Maturing), "A new note.")],
        )]);
        let since = compare(&older, &newer);
        assert_eq!(since.changes.len(), 1);
        assert_eq!(since.changes[0].words(), "still Maturing");
        assert_eq!(since.changes[0].evidence.as_deref(), Some("A new note."));
    }

    #[test]
    fn an_answer_to_an_expectation_gone_since_stays_listed() {
        let older = checkin(vec![(
            "Craft",
            vec![
                item("a", Some(Maturing), ""),
                item("gone", Some(Performing), "Did it."),
            ],
        )]);
        let newer = checkin(vec![("Craft", vec![item("a", Some(Maturing), "")])]);
        let since = compare(&older, &newer);
        assert_eq!(since.changes.len(), 1);
        assert_eq!(
            (since.changes[0].id.as_str(), since.changes[0].words()),
            ("gone", "no longer in the level".to_owned())
        );
        assert_eq!(since.unchanged, 1);
    }

    #[test]
    fn comparing_a_checkin_with_itself_finds_nothing() {
        let c = checkin(vec![("Craft", vec![item("a", Some(Maturing), "Note.")])]);
        let since = compare(&c, &c);
        assert_eq!((since.changes.len(), since.unchanged), (0, 1));
    }
}
