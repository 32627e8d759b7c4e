//! The stored form of a check-in, one JSON object under its own key:
//!
//! ```json
//! {"format":1,"id":"19ad5e3c2f0-3f9a0c1b","role":"engineering/sre","level":"l2",
//!  "title":"Q3 review with Sam","updated":1767225600000,"ladder_version":"0123456789abcdef",
//!  "reply":null,
//!  "dimensions":[{"name":"Craft","items":[
//!    {"id":"3f9a0c1b2d4e","text":"I ship.","rating":"maturing","evidence":"Shipped X."}]}]}
//! ```
//!
//! `updated` is when it was saved (the top-level stamp every kept value has, see
//! [`kept`](crate::progress::kept)); `reply` is `null` or the link text of the
//! manager's reply kept then; `rating` is `null` or a rating code. A missing field
//! reads as empty; an unknown field, a value of the wrong type or a `format` newer
//! than [`FORMAT`] is an error that says where.

use super::{Checkin, CheckinDimension, Item};
use crate::progress::decode::{parse, Node};
use crate::progress::json::Value;
use crate::progress::rating::Rating;
use crate::progress::schema::{number, text};
use crate::progress::ProgressError;

/// The format [`to_json`] writes.
pub const FORMAT: u64 = 1;

const FIELDS: [&str; 9] = [
    "format",
    "id",
    "role",
    "level",
    "title",
    "updated",
    "ladder_version",
    "reply",
    "dimensions",
];

/// Why a stored check-in could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckinError {
    #[error("{0}")]
    Stored(#[from] ProgressError),
    #[error(
        "the check-in comes from a newer version of Rungs (format {format}; this version \
         reads format {FORMAT}); open it with the newer version"
    )]
    Newer { format: u64 },
    #[error("not a date: “{input}” (expected a date such as 2027-03-01)")]
    NotDay { input: String },
}

/// `checkin` as its stored value.
pub fn to_json(checkin: &Checkin) -> String {
    let item = |i: &Item| {
        Value::Object(vec![
            ("id".into(), text(&i.id)),
            ("text".into(), text(&i.text)),
            (
                "rating".into(),
                i.rating.map_or(Value::Null, |r| text(r.code())),
            ),
            ("evidence".into(), text(&i.evidence)),
        ])
    };
    let dimensions = checkin.dimensions.iter().map(|d| {
        Value::Object(vec![
            ("name".into(), text(&d.name)),
            (
                "items".into(),
                Value::Array(d.items.iter().map(item).collect()),
            ),
        ])
    });
    Value::Object(vec![
        ("format".into(), number(FORMAT)),
        ("id".into(), text(&checkin.id)),
        ("role".into(), text(&checkin.role)),
        ("level".into(), text(&checkin.level)),
        ("title".into(), text(&checkin.title)),
        ("updated".into(), number(checkin.updated)),
        ("ladder_version".into(), text(&checkin.ladder_version)),
        (
            "reply".into(),
            checkin.reply.as_deref().map_or(Value::Null, text),
        ),
        ("dimensions".into(), Value::Array(dimensions.collect())),
    ])
    .to_string()
}

/// A check-in from its stored value.
pub fn from_json(input: &str) -> Result<Checkin, CheckinError> {
    let value = parse(input)?;
    let root = Node::root(&value);
    // A newer format is said as such, before any field it may have added.
    if let Some(format) = root.object_any()?.get("format") {
        let format = format.u64()?;
        if format > FORMAT {
            return Err(CheckinError::Newer { format });
        }
    }
    let top = root.object(&FIELDS)?;
    let string = |name: &str| -> Result<String, ProgressError> {
        top.get(name)
            .map_or(Ok(String::new()), |v| v.string().map(str::to_owned))
    };
    let mut checkin = Checkin {
        id: string("id")?,
        role: string("role")?,
        level: string("level")?,
        title: string("title")?,
        ladder_version: string("ladder_version")?,
        ..Checkin::default()
    };
    if let Some(updated) = top.get("updated") {
        checkin.updated = updated.u64()?;
    }
    if let Some(reply) = top.get("reply").filter(|r| !r.is_null()) {
        checkin.reply = Some(reply.string()?.to_owned());
    }
    if let Some(dimensions) = top.get("dimensions") {
        for d in dimensions.items()? {
            let fields = d.object(&["name", "items"])?;
            let mut dimension = CheckinDimension::default();
            if let Some(name) = fields.get("name") {
                name.string()?.clone_into(&mut dimension.name);
            }
            if let Some(items) = fields.get("items") {
                for i in items.items()? {
                    dimension.items.push(item(&i)?);
                }
            }
            checkin.dimensions.push(dimension);
        }
    }
    Ok(checkin)
}

fn item(node: &Node) -> Result<Item, ProgressError> {
    let fields = node.object(&["id", "text", "rating", "evidence"])?;
    let mut item = Item::default();
    for (name, into) in [
        ("id", &mut item.id),
        ("text", &mut item.text),
        ("evidence", &mut item.evidence),
    ] {
        if let Some(value) = fields.get(name) {
            value.string()?.clone_into(into);
        }
    }
    if let Some(rating) = fields.get("rating").filter(|r| !r.is_null()) {
        item.rating = Some(
            rating
                .string()
                .ok()
                .and_then(Rating::from_code)
                .ok_or_else(|| {
                    rating.wrong("a rating (improvement-needed, maturing, performing or exceeding)")
                })?,
        );
    }
    Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Checkin {
        Checkin {
            id: "1-a".into(),
            role: "e/sre".into(),
            level: "l2".into(),
            title: "Q3 review with Sam".into(),
            updated: 1_767_225_600_000,
            ladder_version: "v1".into(),
            dimensions: vec![CheckinDimension {
                name: "Craft".into(),
                items: vec![
                    Item {
                        id: "x1".into(),
                        text: "I ship.".into(),
                        rating: Some(Rating::Maturing),
                        evidence: "Shipped X.\nWith Sam.".into(),
                    },
                    Item {
                        id: "x2".into(),
                        text: "I review.".into(),
                        ..Item::default()
                    },
                ],
            }],
            reply: Some("AbC".into()),
        }
    }

    #[test]
    fn a_checkin_is_stored_compact_and_reads_back() {
        let json = to_json(&sample());
        assert!(json.starts_with(r#"{"format":1,"id":"1-a","role":"e/sre","level":"l2","title":"Q3 review with Sam","updated":1767225600000,"#), "{json}");
        assert_eq!(from_json(&json), Ok(sample()));
    }

    #[test]
    fn missing_fields_read_as_empty() {
        assert_eq!(
            from_json(r#"{"updated":5}"#),
            Ok(Checkin {
                updated: 5,
                ..Checkin::default()
            })
        );
    }

    #[test]
    fn a_wrong_rating_is_located() {
        let json = r#"{"dimensions":[{"name":"Craft","items":[{"id":"x","rating":"great"}]}]}"#;
        assert_eq!(
            from_json(json).map_err(|e| e.to_string()),
            Err("wrong shape at `dimensions[0].items[0].rating`: expected a rating (improvement-needed, maturing, performing or exceeding), found the string \"great\"".to_owned())
        );
    }

    #[test]
    fn a_newer_format_is_refused_with_a_reason() {
        assert_eq!(
            from_json(r#"{"format":2,"whatever":1}"#).map_err(|e| e.to_string()),
            Err("the check-in comes from a newer version of Rungs (format 2; this version reads format 1); open it with the newer version".to_owned())
        );
        assert_eq!(
            from_json(r#"{"format":1,"whatever":1}"#).map_err(|e| e.to_string()),
            Err("unknown field `whatever` at the top level".to_owned())
        );
    }
}
