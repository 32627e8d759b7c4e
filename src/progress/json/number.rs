//! JSON numbers: kept as written, checked to be finite, read as a `u64` on demand.

/// A JSON number, kept as its text: always valid JSON and finite as an `f64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// `text`, which must be a valid JSON number, if it is finite as an `f64`.
    pub(super) fn finite(text: &str) -> Option<Number> {
        rounds_to_finite(text).then(|| Number(text.to_owned()))
    }

    /// The number if it is written as a whole number that fits a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The number as written, e.g. `2.50` or `1e3`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<u64> for Number {
    fn from(n: u64) -> Self {
        Number(n.to_string())
    }
}

impl From<i64> for Number {
    fn from(n: i64) -> Self {
        Number(n.to_string())
    }
}

/// 2^1024 - 2^970, halfway between `f64::MAX` and the next power of two, as
/// `0.HALF_PAST_MAX × 10^309`: a number at least this large rounds to infinity.
const HALF_PAST_MAX: &str = "17976931348623158079372897140530341507993413271003782693617377898044\
    49682927647509466490179775872070963302864166928879109465555478519404026306574886715058206819\
    08902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719\
    074168444365510704342711559699508093042880177904174497792";

/// Whether the valid JSON number `text` is finite as an `f64`, decided on its digits
/// so that the app links no float parser (and its tables) just for this check.
fn rounds_to_finite(text: &str) -> bool {
    if text.len() < 300 && !text.contains(['e', 'E']) {
        return true;
    }
    let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let mantissa = mantissa.trim_start_matches('-');
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int = int.trim_start_matches('0');
    let digits: String = int.chars().chain(frac.chars()).collect();
    let significant = digits.trim_start_matches('0');
    let leading_zeros = digits.len() - significant.len();
    let significant = significant.trim_end_matches('0');
    if significant.is_empty() {
        return true;
    }
    let huge = if exponent.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    };
    let exponent = exponent.parse::<i64>().unwrap_or(huge / 2);
    // The number is 0.significant × 10^scale.
    let scale = (int.len() as i64 - leading_zeros as i64).saturating_add(exponent);
    scale < 309 || (scale == 309 && significant < HALF_PAST_MAX)
}
