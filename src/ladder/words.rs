//! The words of a text, as comparing levels and reading level titles count
//! them: the maximal runs of letters and digits, lower-cased (Unicode), so
//! punctuation, case, spacing and formatting do not count.

/// The lower-cased words of `text`, in order.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_case_punctuation_and_spacing() {
        assert_eq!(
            words("  I *own*  Small, projects."),
            ["i", "own", "small", "projects"]
        );
    }
}
