//! Attributes of two levels side by side: matched by name, ignoring case
//! and spacing, in the first level's order followed by those only in the
//! second.

use super::matching::ByKey;
use crate::ladder::model::{Level, Text};
use crate::ladder::words::words;

/// One attribute in both levels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeRow {
    /// The name as A writes it, or as B does when A lacks it.
    pub name: String,
    pub a: Option<Text>,
    pub b: Option<Text>,
    /// False only when both have it with the same words (case, spacing,
    /// punctuation and formatting aside).
    pub changed: bool,
}

/// Names are the same ignoring case and runs of whitespace.
fn attribute_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A row for each attribute of `a`, then for each only in `b`. B's attributes
/// are looked up by name ([`ByKey`]), not scanned for each of A's.
pub(crate) fn attribute_rows(a: &Level, b: &Level) -> Vec<AttributeRow> {
    let mut taken = vec![false; b.attributes.len()];
    let b_keys: Vec<String> = b
        .attributes
        .iter()
        .map(|x| attribute_key(&x.name))
        .collect();
    let mut by_name = ByKey::new(&b_keys);
    let mut rows = Vec::new();
    for ours in &a.attributes {
        let theirs = by_name.first(&attribute_key(&ours.name), |j| !taken[j]);
        if let Some(j) = theirs {
            taken[j] = true;
        }
        rows.push(attribute_row(
            &ours.name,
            Some(&ours.value),
            theirs.map(|j| &b.attributes[j].value),
        ));
    }
    for (theirs, _) in b
        .attributes
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
    {
        rows.push(attribute_row(&theirs.name, None, Some(&theirs.value)));
    }
    rows
}

fn attribute_row(name: &str, a: Option<&Text>, b: Option<&Text>) -> AttributeRow {
    let changed = match (a, b) {
        (Some(a), Some(b)) => words(&a.to_plain()) != words(&b.to_plain()),
        _ => true,
    };
    AttributeRow {
        name: name.to_owned(),
        a: a.cloned(),
        b: b.cloned(),
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::Attribute;

    fn with_attributes(pairs: &[(&str, &str)]) -> Level {
        Level {
            attributes: pairs
                .iter()
                .map(|(name, value)| Attribute {
                    name: (*name).into(),
                    value: Text::plain(*value),
                })
                .collect(),
            ..Level::default()
        }
    }

    fn row(name: &str, a: Option<&str>, b: Option<&str>, changed: bool) -> AttributeRow {
        AttributeRow {
            name: name.into(),
            a: a.map(Text::plain),
            b: b.map(Text::plain),
            changed,
        }
    }

    #[test]
    fn attributes_match_by_name_ignoring_case_and_spacing() {
        let a = with_attributes(&[("Planning horizon", "Next sprint"), ("Impact", "Me")]);
        let b = with_attributes(&[
            ("Scope", "Team"),
            ("impact", "My team"),
            ("planning  Horizon", "next sprint."),
        ]);
        assert_eq!(
            attribute_rows(&a, &b),
            [
                row(
                    "Planning horizon",
                    Some("Next sprint"),
                    Some("next sprint."),
                    false
                ),
                row("Impact", Some("Me"), Some("My team"), true),
                row("Scope", None, Some("Team"), true),
            ]
        );
    }

    #[test]
    fn an_attribute_only_in_a_has_changed() {
        let a = with_attributes(&[("Supervision", "Weekly")]);
        assert_eq!(
            attribute_rows(&a, &Level::default()),
            [row("Supervision", Some("Weekly"), None, true)]
        );
    }
}
