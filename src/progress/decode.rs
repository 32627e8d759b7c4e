//! Reading JSON values by hand, so that every error names the path it is at.

use super::error::ProgressError;
use super::json::{self, Value};

/// Parse `input` as JSON: an empty value and broken JSON are located errors.
pub(super) fn parse(input: &str) -> Result<Value, ProgressError> {
    if input.trim().is_empty() {
        return Err(ProgressError::Empty);
    }
    json::parse(input).map_err(|e| ProgressError::NotJson {
        line: e.line,
        column: e.column,
        message: e.message.to_owned(),
    })
}

/// A JSON value and the path that leads to it.
pub(super) struct Node<'a> {
    value: &'a Value,
    path: String,
}

/// A JSON object and the path that leads to it.
pub(super) struct Object<'a> {
    members: &'a [(String, Value)],
    path: String,
}

impl<'a> Node<'a> {
    pub(super) fn root(value: &'a Value) -> Self {
        Node {
            value,
            path: String::new(),
        }
    }

    /// The error for a value that is not `expected`.
    pub(super) fn wrong(&self, expected: &'static str) -> ProgressError {
        ProgressError::WrongShape {
            path: self.path.clone(),
            expected,
            found: describe(self.value),
        }
    }

    /// What the value is, e.g. `the string "x"`, for an error message.
    pub(super) fn found(&self) -> String {
        describe(self.value)
    }

    /// The JSON value itself.
    pub(super) fn value(&self) -> &'a Value {
        self.value
    }

    pub(super) fn is_null(&self) -> bool {
        *self.value == Value::Null
    }

    /// An object whose fields are all in `allowed`.
    pub(super) fn object(&self, allowed: &[&str]) -> Result<Object<'a>, ProgressError> {
        let object = self.object_any()?;
        let keys = object.members.iter().map(|(k, _)| k);
        let unknown = keys.filter(|k| !allowed.contains(&k.as_str()));
        if let Some(field) = unknown.min() {
            return Err(ProgressError::UnknownField {
                path: self.path.clone(),
                field: shorten(field),
            });
        }
        Ok(object)
    }

    /// An object, whatever its fields.
    pub(super) fn object_any(&self) -> Result<Object<'a>, ProgressError> {
        let members = self
            .value
            .as_object()
            .ok_or_else(|| self.wrong("an object"))?;
        Ok(Object {
            members,
            path: self.path.clone(),
        })
    }

    /// An object used as a map: its keys, and its values with their paths.
    pub(super) fn entries(&self) -> Result<Vec<(&'a str, Node<'a>)>, ProgressError> {
        let members = self
            .value
            .as_object()
            .ok_or_else(|| self.wrong("an object"))?;
        Ok(members
            .iter()
            .map(|(k, value)| {
                let path = join(&self.path, k);
                (k.as_str(), Node { value, path })
            })
            .collect())
    }

    /// The items of an array with their paths.
    pub(super) fn items(&self) -> Result<Vec<Node<'a>>, ProgressError> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong("an array"));
        };
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                value,
                path: format!("{}[{i}]", self.path),
            })
            .collect())
    }

    pub(super) fn string(&self) -> Result<&'a str, ProgressError> {
        match self.value {
            Value::String(s) => Ok(s),
            _ => Err(self.wrong("a string")),
        }
    }

    pub(super) fn u64(&self) -> Result<u64, ProgressError> {
        match self.value {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
        .ok_or_else(|| self.wrong("a whole number"))
    }

    pub(super) fn u32(&self) -> Result<u32, ProgressError> {
        let n = self.u64()?;
        u32::try_from(n).map_err(|_| self.wrong("a whole number below 2^32"))
    }

    pub(super) fn usize(&self) -> Result<usize, ProgressError> {
        let n = self.u64()?;
        usize::try_from(n).map_err(|_| self.wrong("a smaller whole number"))
    }
}

impl<'a> Object<'a> {
    /// Field `name`, if present.
    pub(super) fn get(&self, name: &str) -> Option<Node<'a>> {
        let (_, value) = self.members.iter().rev().find(|(k, _)| k == name)?;
        Some(Node {
            value,
            path: join(&self.path, name),
        })
    }

    /// Field `name`, which must be present.
    pub(super) fn require(
        &self,
        name: &str,
        expected: &'static str,
    ) -> Result<Node<'a>, ProgressError> {
        self.get(name).ok_or_else(|| ProgressError::WrongShape {
            path: join(&self.path, name),
            expected,
            found: "nothing".to_owned(),
        })
    }
}

/// `path.key`, with the key in JSON quotes and brackets when it is not a plain word.
fn join(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/'));
    let key = if plain {
        shorten(key)
    } else {
        format!("[{}]", Value::String(shorten(key)))
    };
    match (path.is_empty(), plain) {
        (true, _) => key,
        (false, true) => format!("{path}.{key}"),
        (false, false) => format!("{path}{key}"),
    }
}

/// What a value is, for an error message: `null`, `the number 3`, `the string "x"`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {}", shorten(n.as_str())),
        Value::String(s) => format!("the string {}", Value::String(shorten(s))),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// At most 40 characters of `s`, with `…` when cut.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        None => s.to_owned(),
        Some((cut, _)) => format!("{}…", &s[..cut]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_quote_keys_that_are_not_plain_words() {
        assert_eq!(join("", "answers"), "answers");
        assert_eq!(join("quiz", "e/r/l2"), "quiz.e/r/l2");
        assert_eq!(join("answers", "a.b"), "answers[\"a.b\"]");
        assert_eq!(join("answers", ""), "answers[\"\"]");
    }

    #[test]
    fn long_strings_are_shortened_on_a_character_boundary() {
        let long = "é".repeat(50);
        assert_eq!(shorten(&long), format!("{}…", "é".repeat(40)));
        assert_eq!(
            describe(&Value::String("\"hi\"".into())),
            "the string \"\\\"hi\\\"\""
        );
    }

    #[test]
    fn broken_json_is_located_without_repeating_the_location() {
        assert_eq!(
            parse("{\"schema\": 2,").map_err(|e| e.to_string()),
            Err("not json: EOF while parsing a value at line 1, column 13".to_owned())
        );
    }
}
