//! A small JSON reader and writer (RFC 8259) for the stored progress format, so the
//! app does not link a general serialisation framework for one file format.
//!
//! [`parse`] is strict and reads what `serde_json::from_str` reads into a
//! `serde_json::Value`, with the same error messages: objects come back sorted by key
//! with the last of duplicate keys winning, nesting stops at depth 128, and a number
//! too large for an `f64` is an error. Numbers keep the text they were written as.
//! [`Value`]'s `Display` writes compact JSON, `{:#}` pretty JSON with a two-space
//! indent, escaped like serde_json.

mod number;
mod parse;

pub use number::Number;
pub use parse::{parse, ParseError};
use std::fmt::{self, Write as _};

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    /// Members in the order written; [`parse`] gives them sorted and without repeats.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The members of an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let indent = f.alternate().then_some(0);
        write_value(f, self, indent)
    }
}

/// `value` compact, or pretty when `indent` is the current depth.
fn write_value(out: &mut fmt::Formatter, value: &Value, indent: Option<usize>) -> fmt::Result {
    match value {
        Value::Null => out.write_str("null"),
        Value::Bool(b) => write!(out, "{b}"),
        Value::Number(n) => out.write_str(n.as_str()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => write_list(out, ('[', ']'), items, indent, |out, item, inner| {
            write_value(out, item, inner)
        }),
        Value::Object(members) => {
            write_list(out, ('{', '}'), members, indent, |out, (k, v), inner| {
                write_string(out, k)?;
                out.write_str(if inner.is_some() { ": " } else { ":" })?;
                write_value(out, v, inner)
            })
        }
    }
}

/// Items between `open` and `close`, each on its own line when pretty.
fn write_list<T>(
    out: &mut fmt::Formatter,
    (open, close): (char, char),
    items: &[T],
    indent: Option<usize>,
    mut write_item: impl FnMut(&mut fmt::Formatter, &T, Option<usize>) -> fmt::Result,
) -> fmt::Result {
    out.write_char(open)?;
    let inner = indent.map(|depth| depth + 1);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.write_char(',')?;
        }
        newline(out, inner)?;
        write_item(out, item, inner)?;
    }
    if !items.is_empty() {
        newline(out, indent)?;
    }
    out.write_char(close)
}

fn newline(out: &mut fmt::Formatter, indent: Option<usize>) -> fmt::Result {
    match indent {
        Some(depth) => write!(out, "\n{:1$}", "", depth * 2),
        None => Ok(()),
    }
}

/// `s` in quotes, escaped as serde_json does: `\"`, `\\`, the short control escapes,
/// `\u00xx` for other control characters, everything else as it is.
fn write_string(out: &mut fmt::Formatter, s: &str) -> fmt::Result {
    out.write_char('"')?;
    let mut start = 0;
    for (i, byte) in s.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        match escape {
            "" => write!(out, "\\u{byte:04x}")?,
            _ => out.write_str(escape)?,
        }
        start = i + 1;
    }
    out.write_str(&s[start..])?;
    out.write_char('"')
}
