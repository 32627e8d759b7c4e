//! The small JSON module of the progress format: what it reads, what it rejects and
//! where, and what it writes.

use rungs::progress::json::{parse, Number, ParseError, Value};

/// The error for `input`, checked to be serde_json's word for word.
#[track_caller]
fn error(input: &str) -> String {
    let ours = parse(input).expect_err("input is not json").to_string();
    let theirs = serde_json::from_str::<serde_json::Value>(input).expect_err("not json");
    assert_eq!(ours, theirs.to_string(), "input: {input:?}");
    ours
}

fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}

#[test]
fn every_kind_of_value_reads() {
    let value = parse(" {\"a\": [null, true, false, 0, -12, 2.5e-3, \"x\"], \"b\": {}}\n")
        .expect("valid json");
    let numbers = ["0", "-12", "2.5e-3"].map(|n| match parse(n) {
        Ok(Value::Number(n)) => Value::Number(n),
        other => panic!("{n} reads as {other:?}"),
    });
    let [zero, minus, small] = numbers;
    let items = vec![
        Value::Null,
        Value::Bool(true),
        Value::Bool(false),
        zero,
        minus,
        small,
        string("x"),
    ];
    assert_eq!(
        value,
        Value::Object(vec![
            ("a".to_owned(), Value::Array(items)),
            ("b".to_owned(), Value::Object(vec![])),
        ])
    );
}

#[test]
fn numbers_keep_their_text_and_only_whole_u64s_are_u64() {
    let number = |text: &str| match parse(text) {
        Ok(Value::Number(n)) => n,
        other => panic!("{text} reads as {other:?}"),
    };
    assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
    for text in ["18446744073709551616", "-0", "-1", "1.0", "1e2", "2.50"] {
        assert_eq!(number(text).as_u64(), None, "{text}");
        assert_eq!(number(text).as_str(), text);
    }
    assert_eq!(Number::from(7u64), number("7"));
    assert_eq!(Number::from(-7i64), number("-7"));
}

#[test]
fn numbers_up_to_the_largest_f64_read() {
    for text in [
        "1.7976931348623157e308",
        "1797693134862315807e289",
        "1e-400",
        "0e999999999999999999999",
        &"9".repeat(308),
    ] {
        assert!(parse(text).is_ok(), "{text}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_ok(),
            "{text}"
        );
    }
}

#[test]
fn objects_read_sorted_with_the_last_duplicate_winning() {
    assert_eq!(
        parse(r#"{"b":1,"a":2,"b":"last"}"#),
        Ok(Value::Object(vec![
            ("a".to_owned(), Value::Number(2u64.into())),
            ("b".to_owned(), string("last")),
        ]))
    );
}

#[test]
fn escapes_and_surrogate_pairs_decode() {
    assert_eq!(
        parse(r#""\" \\ \/ \b \f \n \r \t \u00e9 \ud83e\udd89 é""#),
        Ok(string("\" \\ / \u{8} \u{c} \n \r \t é 🦉 é"))
    );
}

#[test]
fn errors_say_what_and_where_like_serde_json() {
    let cases = [
        ("", "EOF while parsing a value at line 1 column 0"),
        (
            "{\"schema\": 2,",
            "EOF while parsing a value at line 1 column 13",
        ),
        (
            "{\n  \"a\": {\n",
            "EOF while parsing an object at line 3 column 0",
        ),
        ("[1, 2", "EOF while parsing a list at line 1 column 5"),
        ("\"abc", "EOF while parsing a string at line 1 column 4"),
        ("not json", "expected ident at line 1 column 2"),
        ("[1 2]", "expected `,` or `]` at line 1 column 4"),
        ("{\"a\" 1}", "expected `:` at line 1 column 6"),
        (
            "{\"a\":1 \"b\":2}",
            "expected `,` or `}` at line 1 column 8",
        ),
        ("{1:2}", "key must be a string at line 1 column 2"),
        ("[1,]", "trailing comma at line 1 column 4"),
        ("{\"a\":1,}", "trailing comma at line 1 column 8"),
        ("1 2", "trailing characters at line 1 column 3"),
        ("+1", "expected value at line 1 column 1"),
        ("01", "invalid number at line 1 column 2"),
        ("1.", "EOF while parsing a value at line 1 column 2"),
        ("1.e3", "invalid number at line 1 column 3"),
        ("-", "EOF while parsing a value at line 1 column 1"),
        ("1e400", "number out of range at line 1 column 5"),
        ("-1.8e308", "number out of range at line 1 column 8"),
        (
            "1797693134862315808e290",
            "number out of range at line 1 column 23",
        ),
        ("\"\\x\"", "invalid escape at line 1 column 3"),
        ("\"\\u12g4\"", "invalid escape at line 1 column 7"),
        (
            "\"\\udc00\"",
            "lone leading surrogate in hex escape at line 1 column 7",
        ),
        (
            "\"\\ud83e\"",
            "unexpected end of hex escape at line 1 column 8",
        ),
        (
            "\"\\ud83e\\u0041\"",
            "lone leading surrogate in hex escape at line 1 column 13",
        ),
        (
            "\"a\nb\"",
            "control character (\\u0000-\\u001F) found while parsing a string at line 2 column 0",
        ),
    ];
    for (input, message) in cases {
        assert_eq!(error(input), message, "input: {input:?}");
    }
}

#[test]
fn nesting_past_127_levels_is_an_error_not_a_crash() {
    let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert!(parse(&ok).is_ok());
    let deep = "{\"a\":".repeat(100_000);
    assert_eq!(
        error(&deep),
        "recursion limit exceeded at line 1 column 636"
    );
    assert_eq!(
        parse(&deep),
        Err(ParseError {
            message: "recursion limit exceeded",
            line: 1,
            column: 128 * 5 - 4,
        })
    );
}

#[test]
fn strings_are_written_escaped_like_serde_json() {
    let text = "\" \\ / \u{0} \u{8} \u{c} \n \r \t \u{1f} \u{7f} é 🦉";
    assert_eq!(
        string(text).to_string(),
        serde_json::to_string(text).expect("a string")
    );
    assert_eq!(
        string(text).to_string(),
        "\"\\\" \\\\ / \\u0000 \\b \\f \\n \\r \\t \\u001f \u{7f} é 🦉\""
    );
}

#[test]
fn pretty_output_indents_by_two_and_keeps_empty_containers_short() {
    let value = parse(r#"{"a":[1,{"b":[]}],"c":{},"d":"x"}"#).expect("valid json");
    assert_eq!(
        format!("{value:#}"),
        "{\n  \"a\": [\n    1,\n    {\n      \"b\": []\n    }\n  ],\n  \"c\": {},\n  \"d\": \"x\"\n}"
    );
    assert_eq!(value.to_string(), r#"{"a":[1,{"b":[]}],"c":{},"d":"x"}"#);
}
