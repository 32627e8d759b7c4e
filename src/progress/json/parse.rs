//! The JSON reader: strict RFC 8259, with serde_json's error messages and positions.

use super::{Number, Value};
use std::collections::BTreeMap;

/// Deeper nesting is an error, so that hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 128;

/// Broken JSON, located like serde_json does: a 1-based line and the byte column.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} at line {line} column {column}")]
pub struct ParseError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

/// Read one JSON value, with nothing but whitespace around it.
pub fn parse(input: &str) -> Result<Value, ParseError> {
    let mut parser = Parser {
        input,
        index: 0,
        depth: 0,
    };
    let value = parser.value()?;
    match parser.whitespace() {
        Some(_) => Err(parser.peek_error("trailing characters")),
        None => Ok(value),
    }
}

struct Parser<'a> {
    input: &'a str,
    /// Byte offset of the next byte to read.
    index: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.input.as_bytes().get(self.index).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.index += 1;
        Some(byte)
    }

    /// Skip whitespace; the next byte, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.index += 1;
        }
        self.peek()
    }

    /// An error about what was read last.
    fn error(&self, message: &'static str) -> ParseError {
        self.error_at(self.index, message)
    }

    /// An error about the next byte, not yet read.
    fn peek_error(&self, message: &'static str) -> ParseError {
        self.error_at((self.index + 1).min(self.input.len()), message)
    }

    fn error_at(&self, index: usize, message: &'static str) -> ParseError {
        let before = &self.input.as_bytes()[..index];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let newlines = before[..line_start].iter().filter(|&&b| b == b'\n').count();
        ParseError {
            message,
            line: 1 + newlines,
            column: index - line_start,
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        let Some(byte) = self.whitespace() else {
            return Err(self.peek_error("EOF while parsing a value"));
        };
        match byte {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.index += 1;
                self.string().map(Value::String)
            }
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => Err(self.peek_error("expected value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, ParseError> {
        self.index += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(byte) if byte != expected => return Err(self.error("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, ParseError>,
    ) -> Result<Value, ParseError> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_error("recursion limit exceeded"));
        }
        self.index += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// After `[`.
    fn array(&mut self) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        loop {
            let Some(byte) = self.whitespace() else {
                return Err(self.peek_error("EOF while parsing a list"));
            };
            if byte == b']' {
                self.index += 1;
                return Ok(Value::Array(items));
            }
            if !items.is_empty() {
                if byte != b',' {
                    return Err(self.peek_error("expected `,` or `]`"));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error("trailing comma")),
                    None => return Err(self.peek_error("EOF while parsing a value")),
                    Some(_) => {}
                }
            }
            items.push(self.value()?);
        }
    }

    /// After `{`.
    fn object(&mut self) -> Result<Value, ParseError> {
        let mut members = BTreeMap::new();
        let mut first = true;
        loop {
            let Some(byte) = self.whitespace() else {
                return Err(self.peek_error("EOF while parsing an object"));
            };
            if byte == b'}' {
                self.index += 1;
                return Ok(Value::Object(members.into_iter().collect()));
            }
            if !first {
                if byte != b',' {
                    return Err(self.peek_error("expected `,` or `}`"));
                }
                self.index += 1;
                match self.whitespace() {
                    Some(b'}') => return Err(self.peek_error("trailing comma")),
                    None => return Err(self.peek_error("EOF while parsing a value")),
                    Some(_) => {}
                }
            }
            first = false;
            if self.peek() != Some(b'"') {
                return Err(self.peek_error("key must be a string"));
            }
            self.index += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.index += 1,
                Some(_) => return Err(self.peek_error("expected `:`")),
                None => return Err(self.peek_error("EOF while parsing an object")),
            }
            members.insert(key, self.value()?);
        }
    }

    /// After `"`.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut out = String::new();
        let mut start = self.index;
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    out.push_str(&self.input[start..self.index]);
                    self.index += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.input[start..self.index]);
                    self.index += 1;
                    out.push(self.escape()?);
                    start = self.index;
                }
                Some(0..=0x1f) => {
                    self.index += 1;
                    let message =
                        "control character (\\u0000-\\u001F) found while parsing a string";
                    return Err(self.error(message));
                }
                Some(_) => self.index += 1,
            }
        }
    }

    /// After `\`.
    fn escape(&mut self) -> Result<char, ParseError> {
        Ok(match self.next() {
            None => return Err(self.error("EOF while parsing a string")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\x08',
            Some(b'f') => '\x0c',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            Some(_) => return Err(self.error("invalid escape")),
        })
    }

    /// After `\u`: one code point, or a UTF-16 surrogate pair of two escapes.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let high = self.hex4()?;
        let code = match high {
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error("EOF while parsing a string")),
                        Some(b) if b != expected => {
                            return Err(self.error("unexpected end of hex escape"))
                        }
                        Some(_) => {}
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x1_0000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            _ => high,
        };
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let input = self.input.as_bytes();
        let Some(digits) = input.get(self.index..self.index + 4) else {
            self.index = input.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.index += 4;
        let value = digits
            .iter()
            .try_fold(0, |n, &b| Some(n * 16 + u32::from(crate::hex::digit(b)?)));
        value.ok_or_else(|| self.error("invalid escape"))
    }

    /// At `-` or a digit.
    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.index;
        if self.peek() == Some(b'-') {
            self.index += 1;
        }
        if self.peek() == Some(b'0') {
            self.index += 1;
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.peek_error("invalid number"));
            }
        } else {
            self.digits()?;
        }
        if self.peek() == Some(b'.') {
            self.index += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.index += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.index += 1;
            }
            self.digits()?;
        }
        let text = &self.input[start..self.index];
        Number::finite(text).ok_or_else(|| self.error("number out of range"))
    }

    /// One or more digits.
    fn digits(&mut self) -> Result<(), ParseError> {
        match self.next() {
            Some(b'0'..=b'9') => {}
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error("invalid number")),
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.index += 1;
        }
        Ok(())
    }
}
