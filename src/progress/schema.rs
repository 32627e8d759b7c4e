//! The stored format of progress, its schemas and the migrations between them.
//!
//! Schema 4 (current), what [`to_json`] writes:
//!
//! ```json
//! {"schema":4,
//!  "answers":{"3f9a0c1b2d4e":{"rating":"performing","evidence":"Led the March upgrade.",
//!                             "text":"I am competent in my domain.","updated":1767225600000,
//!                             "goal":null},
//!             "8c2e41d07a9f":{"rating":null,"evidence":"","text":"I mentor others.",
//!                             "updated":1767225700000,
//!                             "goal":"engineering/site-reliability-engineering/l3"}},
//!  "quiz":{"engineering/site-reliability-engineering/l2":4},
//!  "ladder_quiz":{"missed":["l2:5d1c0e9a7b21"],"right":3,"asked":4},
//!  "reset":1767225500000}
//! ```
//!
//! `rating` is `null` or one of `improvement-needed`, `maturing`, `performing`,
//! `exceeding`; `updated` and `reset` (the last reset, 0 if never) are milliseconds
//! since the Unix epoch; `goal` is `null`, or the level (`role/level`) when the
//! expectation is marked as a goal (see [`goals`](super::goals)). When reading, a missing field other than `schema` takes its
//! empty value (no rating, empty text, stamp 0); an unknown field or a value of the
//! wrong type is an error. A schema newer than [`CURRENT`] is
//! [`ProgressError::NewerSchema`]: the app then stops saving rather than overwrite it.
//!
//! Schema 3 is schema 4 without an answer's `goal` (the reader takes one in any
//! schema); migration 3 → 4: no goals.
//!
//! Schema 2 is schema 3 without `reset`. Migration 2 → 3: `reset` is 0 (the
//! answers an older version reset are blank answers with the reset's stamp).
//!
//! Schema 1 (the first cut kept ratings only):
//!
//! ```json
//! {"schema":1,"ratings":{"3f9a0c1b2d4e":"performing"}}
//! ```
//!
//! Migration 1 → 2: each rating becomes an answer with no evidence, empty text
//! (schema 1 kept none) and stamp 0, so any answer made since wins a merge.
//! A new schema adds a `read_vN` for the old shape and a `migrate_N_to_M` step.

use super::answers::{Answer, Progress};
use super::decode::{parse, Node};
use super::error::ProgressError;
use super::json::Value;
use super::ladder_quiz::LadderQuiz;
use super::rating::Rating;
use std::collections::BTreeMap;

/// The schema [`to_json`] writes; [`from_json`] reads this and every older one.
pub const CURRENT: u64 = 4;

const FIELDS_V1: [&str; 2] = ["schema", "ratings"];
const FIELDS_V2: [&str; 4] = ["schema", "answers", "quiz", "ladder_quiz"];
const FIELDS_V3: [&str; 5] = ["schema", "answers", "quiz", "ladder_quiz", "reset"];
const EXPECTED_RATING: &str = "a rating (improvement-needed, maturing, performing or exceeding)";

/// The current schema's fields, in the order they are written: `envelope` (a
/// backup's) and then `schema`, `answers`, `quiz`, `ladder_quiz`, `reset`.
pub(super) fn stored(progress: &Progress, envelope: Vec<(String, Value)>) -> Value {
    let answers = progress.answers.iter().map(|(id, a)| {
        let rating = a.rating.map_or(Value::Null, |r| text(r.code()));
        let fields = [
            ("rating", rating),
            ("evidence", text(&a.evidence)),
            ("text", text(&a.text)),
            ("updated", number(a.updated)),
            ("goal", a.goal.as_deref().map_or(Value::Null, text)),
        ];
        (id.clone(), object(fields))
    });
    let quiz = progress
        .check_positions
        .iter()
        .map(|(key, &at)| (key.clone(), number(at as u64)));
    let ladder_quiz = &progress.ladder_quiz;
    let missed = ladder_quiz.missed.iter().map(|key| text(key)).collect();
    let ladder_quiz = object([
        ("missed", Value::Array(missed)),
        ("right", number(ladder_quiz.right.into())),
        ("asked", number(ladder_quiz.asked.into())),
    ]);
    let mut fields = envelope;
    fields.extend([
        ("schema".to_owned(), number(CURRENT)),
        ("answers".to_owned(), Value::Object(answers.collect())),
        ("quiz".to_owned(), Value::Object(quiz.collect())),
        ("ladder_quiz".to_owned(), ladder_quiz),
        ("reset".to_owned(), number(progress.reset)),
    ]);
    Value::Object(fields)
}

/// A JSON string.
pub(super) fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// A JSON whole number.
pub(super) fn number(n: u64) -> Value {
    Value::Number(n.into())
}

/// A JSON object with `fields` in this order.
fn object<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(fields.map(|(k, v)| (k.to_owned(), v)).into())
}

/// `progress` in the current schema, compact: the value storage keeps.
pub fn to_json(progress: &Progress) -> String {
    stored(progress, Vec::new()).to_string()
}

/// Progress from a stored value of any known schema, migrated to the current one.
pub fn from_json(input: &str) -> Result<Progress, ProgressError> {
    let value = parse(input)?;
    decode(&Node::root(&value), &[])
}

/// Read a stored value of any known schema; `extra` names top-level fields allowed
/// besides the schema's own (a backup's envelope).
pub(super) fn decode(root: &Node, extra: &[&str]) -> Result<Progress, ProgressError> {
    let schema = root
        .object_any()?
        .require("schema", "a schema number")?
        .u64()?;
    match schema {
        1 => read_v1(root, extra).map(migrate_1_to_2),
        2 => read_v2(root, &allowed(&FIELDS_V2, extra)),
        3 | 4 => read_v3(root, &allowed(&FIELDS_V3, extra)),
        _ if schema > CURRENT => Err(ProgressError::NewerSchema { schema }),
        _ => Err(ProgressError::UnknownSchema { schema }),
    }
}

/// Schema 1: ratings only.
struct V1 {
    ratings: BTreeMap<String, Rating>,
}

fn read_v1(root: &Node, extra: &[&str]) -> Result<V1, ProgressError> {
    let top = root.object(&allowed(&FIELDS_V1, extra))?;
    let mut ratings = BTreeMap::new();
    if let Some(node) = top.get("ratings") {
        for (id, value) in node.entries()? {
            ratings.insert(id.to_owned(), rating(&value)?);
        }
    }
    Ok(V1 { ratings })
}

fn migrate_1_to_2(v1: V1) -> Progress {
    // Inserted one by one rather than collected: collecting a map sorts, and that
    // sort would be one more routine in the wasm.
    let mut progress = Progress::default();
    for (id, rating) in v1.ratings {
        let answer = Answer {
            rating: Some(rating),
            ..Answer::default()
        };
        progress.answers.insert(id, answer);
    }
    progress
}

/// Schema 3 (schema 2 and the time of the last reset) or 4 (an answer may be a goal),
/// whose top-level fields are `fields`; the migration 3 → 4 is no goals.
fn read_v3(root: &Node, fields: &[&str]) -> Result<Progress, ProgressError> {
    let mut progress = read_v2(root, fields)?;
    let top = root.object_any()?;
    if let Some(value) = top.get("reset") {
        progress.reset = value.u64()?;
    }
    Ok(progress)
}

/// Schema 2 (answers, quiz, ladder quiz), whose top-level fields are `fields`; its
/// migration to schema 3 is the empty `reset` this leaves.
fn read_v2(root: &Node, fields: &[&str]) -> Result<Progress, ProgressError> {
    let top = root.object(fields)?;
    let mut progress = Progress::default();
    if let Some(node) = top.get("answers") {
        for (id, value) in node.entries()? {
            progress.answers.insert(id.to_owned(), answer(&value)?);
        }
    }
    if let Some(node) = top.get("quiz") {
        for (key, value) in node.entries()? {
            progress
                .check_positions
                .insert(key.to_owned(), value.usize()?);
        }
    }
    if let Some(node) = top.get("ladder_quiz") {
        progress.ladder_quiz = ladder_quiz(&node)?;
    }
    Ok(progress)
}

fn answer(node: &Node) -> Result<Answer, ProgressError> {
    let fields = node.object(&["rating", "evidence", "text", "updated", "goal"])?;
    let mut answer = Answer::default();
    if let Some(value) = fields.get("rating") {
        if !value.is_null() {
            answer.rating = Some(rating(&value)?);
        }
    }
    if let Some(value) = fields.get("evidence") {
        value.string()?.clone_into(&mut answer.evidence);
    }
    if let Some(value) = fields.get("text") {
        value.string()?.clone_into(&mut answer.text);
    }
    if let Some(value) = fields.get("updated") {
        answer.updated = value.u64()?;
    }
    if let Some(value) = fields.get("goal").filter(|v| !v.is_null()) {
        answer.goal = Some(value.string()?.to_owned());
    }
    Ok(answer)
}

fn rating(node: &Node) -> Result<Rating, ProgressError> {
    node.string()
        .ok()
        .and_then(Rating::from_code)
        .ok_or_else(|| node.wrong(EXPECTED_RATING))
}

fn ladder_quiz(node: &Node) -> Result<LadderQuiz, ProgressError> {
    let fields = node.object(&["missed", "right", "asked"])?;
    let mut quiz = LadderQuiz::default();
    if let Some(value) = fields.get("missed") {
        for item in value.items()? {
            quiz.missed.insert(item.string()?.to_owned());
        }
    }
    if let Some(value) = fields.get("right") {
        quiz.right = value.u32()?;
    }
    if let Some(value) = fields.get("asked") {
        quiz.asked = value.u32()?;
    }
    Ok(quiz)
}

fn allowed<'a>(own: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    own.iter().chain(extra).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_progress_writes_the_schema_and_empty_parts() {
        assert_eq!(
            to_json(&Progress::default()),
            r#"{"schema":4,"answers":{},"quiz":{},"ladder_quiz":{"missed":[],"right":0,"asked":0},"reset":0}"#
        );
    }

    #[test]
    fn missing_parts_read_as_empty() {
        assert_eq!(from_json(r#"{"schema":4}"#), Ok(Progress::default()));
        assert_eq!(from_json(r#"{"schema":3}"#), Ok(Progress::default()));
        assert_eq!(from_json(r#"{"schema":2}"#), Ok(Progress::default()));
        assert_eq!(from_json(r#"{"schema":1}"#), Ok(Progress::default()));
    }

    #[test]
    fn schema_1_ratings_become_answers_without_text_or_stamp() {
        let p = from_json(r#"{"schema":1,"ratings":{"a1":"maturing"}}"#).expect("reads");
        assert_eq!(
            to_json(&p),
            r#"{"schema":4,"answers":{"a1":{"rating":"maturing","evidence":"","text":"","updated":0,"goal":null}},"quiz":{},"ladder_quiz":{"missed":[],"right":0,"asked":0},"reset":0}"#
        );
    }

    #[test]
    fn schema_2_reads_without_a_reset_and_refuses_one() {
        let p = from_json(r#"{"schema":2,"answers":{"a1":{"rating":"maturing","updated":4}},"quiz":{"e/r/l1":2}}"#).expect("reads");
        assert_eq!(
            (p.reset, p.rating("a1"), p.check_positions.get("e/r/l1")),
            (0, Some(Rating::Maturing), Some(&2))
        );
        assert_eq!(
            from_json(r#"{"schema":2,"reset":5}"#).map_err(|e| e.to_string()),
            Err("unknown field `reset` at the top level".to_owned())
        );
    }

    #[test]
    fn goals_round_trip_in_their_answers_and_a_wrong_one_is_located() {
        let mut p = Progress::default();
        p.mark_goal("x", "e/r/l4", "Mentors \"others\".", true, 7);
        p.mark_goal("y", "e/r/l4", "Leads.", false, 8);
        assert_eq!(from_json(&to_json(&p)), Ok(p));
        assert_eq!(
            from_json(r#"{"schema":4,"answers":{"x":{"goal":true}}}"#).map_err(|e| e.to_string()),
            Err("wrong shape at `answers.x.goal`: expected a string, found true".to_owned())
        );
    }

    #[test]
    fn a_newer_schema_is_named_as_newer() {
        assert_eq!(
            from_json(r#"{"schema":5,"answers":{},"whatever":1}"#),
            Err(ProgressError::NewerSchema { schema: 5 })
        );
    }

    #[test]
    fn schema_0_is_unknown_not_newer() {
        assert_eq!(
            from_json(r#"{"schema":0}"#),
            Err(ProgressError::UnknownSchema { schema: 0 })
        );
    }
}
