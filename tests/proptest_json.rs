//! Property tests of the small JSON module: what it writes reads back, no input makes
//! it panic, and it reads, rejects and writes exactly as serde_json does.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rungs::progress::json::{parse, Value};

/// A number as serde_json writes it, read by our parser.
fn number(text: &str) -> Value {
    match parse(text) {
        Ok(n @ Value::Number(_)) => n,
        other => panic!("{text} reads as {other:?}"),
    }
}

/// Any value [`parse`] can return: objects sorted by key, without repeats.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(|n| Value::Number(n.into())),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| number(&serde_json::to_string(&f).expect("finite"))),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Any serde_json value.
fn serde_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<u64>().prop_map(J::from),
        any::<i64>().prop_map(J::from),
        any::<f64>().prop_map(J::from),
        any::<String>().prop_map(J::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(J::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|m| J::Object(m.into_iter().collect())),
        ]
    })
}

/// Text made of JSON's own characters, so that most of it is nearly JSON.
fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83e", "dd89", "00e9", " ", "\n",
            "0", "1", "-", ".", "e", "E", "+", "9", "null", "true", "fals", "\"a\"", "\u{1}", "é",
        ]),
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// 2^1024 - 2^970: numbers from this up round to infinity as an `f64`.
const HALF_PAST_MAX: &str = "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Numbers near the largest `f64`: a prefix of [`HALF_PAST_MAX`], its last digit
/// nudged, more digits after, written with the point in one of two places.
fn near_max() -> impl Strategy<Value = String> {
    (1..=309usize, -1i8..=1, "[0-9]{0,3}", any::<bool>()).prop_map(|(len, nudge, tail, shifted)| {
        let mut digits: Vec<u8> = HALF_PAST_MAX.as_bytes()[..len].to_vec();
        let last = digits.last_mut().expect("at least one digit");
        *last = (*last as i8 + nudge).clamp(b'0' as i8, b'9' as i8) as u8;
        let digits = String::from_utf8(digits).expect("digits") + &tail;
        if shifted {
            format!("{}.{}e308", &digits[..1], &digits[1..]).replace(".e", "e")
        } else {
            format!("0.{digits}e309")
        }
    })
}

/// Our value as serde_json's, its numbers read by serde_json from their text.
fn to_serde(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(n) => serde_json::from_str(n.as_str()).expect("a valid number"),
        Value::String(s) => J::String(s.clone()),
        Value::Array(items) => J::Array(items.iter().map(to_serde).collect()),
        Value::Object(members) => J::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/proptest_json.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn written_values_read_back(value in value()) {
        prop_assert_eq!(parse(&value.to_string()), Ok(value.clone()));
        prop_assert_eq!(parse(&format!("{value:#}")), Ok(value));
    }

    #[test]
    fn arbitrary_strings_never_panic(input in ".{0,300}") {
        let _ = parse(&input);
    }

    #[test]
    fn serde_json_output_reads_the_same_and_writes_back_byte_for_byte(value in serde_value()) {
        for text in [
            serde_json::to_string(&value).expect("serialises"),
            serde_json::to_string_pretty(&value).expect("serialises"),
        ] {
            let ours = parse(&text).expect("serde_json writes valid json");
            // Not `value`: serde_json's float parsing may not round-trip its own output.
            let theirs: serde_json::Value = serde_json::from_str(&text).expect("reads");
            prop_assert_eq!(to_serde(&ours), theirs);
            prop_assert_eq!(ours.to_string(), serde_json::to_string(&value).expect("serialises"));
            prop_assert_eq!(format!("{ours:#}"), serde_json::to_string_pretty(&value).expect("serialises"));
        }
    }

    #[test]
    fn numbers_are_out_of_range_exactly_when_not_finite(
        text in prop_oneof![near_max(), "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,4})?"]
    ) {
        let finite = text.parse::<f64>().expect("a valid number").is_finite();
        prop_assert_eq!(parse(&text).is_ok(), finite, "{}", text);
    }

    #[test]
    fn near_json_is_accepted_and_rejected_like_serde_json(input in jsonish()) {
        let ours = parse(&input);
        let theirs = serde_json::from_str::<serde_json::Value>(&input);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert_eq!(&to_serde(ours), theirs),
            (Err(ours), Err(theirs)) => prop_assert_eq!(ours.to_string(), theirs.to_string()),
            _ => prop_assert!(false, "ours {:?}, serde_json {:?}", ours, theirs),
        }
    }
}
