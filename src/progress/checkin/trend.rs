//! The trend over check-ins: per dimension, the share of its expectations rated
//! Performing or better at each check-in.

use super::Checkin;

/// One dimension's trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendRow {
    /// The dimension's name.
    pub name: String,
    /// Per check-in, oldest first: (rated Performing or better, expectations), or
    /// `None` when that check-in has no dimension of this name.
    pub points: Vec<Option<(usize, usize)>>,
}

impl TrendRow {
    /// The share at check-in `i` as a whole percentage, if that check-in has the
    /// dimension and it has expectations.
    pub fn percent(&self, i: usize) -> Option<usize> {
        let (good, all) = (*self.points.get(i)?)?;
        (all > 0).then(|| (good * 100 + all / 2) / all)
    }
}

/// The trend of `checkins` (in any order; the points run oldest first): one row per
/// dimension, in the order of the newest check-in, then dimensions only older ones had.
pub fn trend(checkins: &[Checkin]) -> Vec<TrendRow> {
    // Placed in order, oldest first: no sort routine to link into the wasm for this.
    let mut order: Vec<&Checkin> = Vec::new();
    for c in checkins {
        let at = order
            .iter()
            .position(|o| (o.updated, &o.id) > (c.updated, &c.id))
            .unwrap_or(order.len());
        order.insert(at, c);
    }
    let mut names: Vec<&str> = Vec::new();
    for c in order.iter().rev() {
        for d in &c.dimensions {
            if !names.contains(&d.name.as_str()) {
                names.push(&d.name);
            }
        }
    }
    names
        .into_iter()
        .map(|name| TrendRow {
            name: name.to_owned(),
            points: order
                .iter()
                .map(|c| {
                    let d = c.dimensions.iter().find(|d| d.name == name)?;
                    let good = d
                        .items
                        .iter()
                        .filter(|i| i.rating.is_some_and(|r| r.is_performing_or_better()))
                        .count();
                    Some((good, d.items.len()))
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::checkin::{CheckinDimension, Item};
    use crate::progress::Rating;

    fn checkin(updated: u64, dims: &[(&str, &[Option<Rating>])]) -> Checkin {
        Checkin {
            id: updated.to_string(),
            updated,
            dimensions: dims
                .iter()
                .map(|(name, ratings)| CheckinDimension {
                    name: (*name).into(),
                    items: ratings
                        .iter()
                        .map(|&rating| Item {
                            rating,
                            ..Item::default()
                        })
                        .collect(),
                })
                .collect(),
            ..Checkin::default()
        }
    }

    #[test]
    fn each_dimension_shows_its_share_performing_or_better_oldest_first() {
        use Rating::*;
        let newest = checkin(
            30,
            &[
                ("Craft", &[Some(Performing), Some(Exceeding)]),
                ("Impact", &[None]),
            ],
        );
        let oldest = checkin(
            10,
            &[
                ("Craft", &[Some(Maturing), None]),
                ("Gone", &[Some(Performing)]),
            ],
        );
        let middle = checkin(20, &[("Craft", &[Some(Performing), Some(Maturing)])]);
        let rows = trend(&[newest, oldest, middle]);
        assert_eq!(
            rows,
            vec![
                TrendRow {
                    name: "Craft".into(),
                    points: vec![Some((0, 2)), Some((1, 2)), Some((2, 2))]
                },
                TrendRow {
                    name: "Impact".into(),
                    points: vec![None, None, Some((0, 1))]
                },
                TrendRow {
                    name: "Gone".into(),
                    points: vec![Some((1, 1)), None, None]
                },
            ]
        );
        assert_eq!(
            (rows[0].percent(0), rows[0].percent(1), rows[0].percent(2)),
            (Some(0), Some(50), Some(100))
        );
        assert_eq!(rows[1].percent(0), None);
    }
}
