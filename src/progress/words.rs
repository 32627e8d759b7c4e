//! Counting words for messages: "1 answer", "2 answers", "a, b and c".

/// `n` and the noun that fits it: `count(1, "answer", "answers")` is `1 answer`.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `was` for one, `were` for more.
pub(super) fn were(n: usize) -> &'static str {
    if n == 1 {
        "was"
    } else {
        "were"
    }
}

/// The parts joined as English: `a`, `a and b`, `a, b and c`; `None` when empty.
/// The parts of a person's data that the reset and restore messages name, in the
/// order they name them: `answers` as the caller words it, then goals, quiz positions,
/// the know-your-ladder score, kept replies and a manager's answers to other people's
/// links.
pub(super) fn data_parts(
    answers: Option<String>,
    goals: usize,
    quiz_levels: usize,
    ladder_quiz: bool,
    kept_replies: usize,
    replies: usize,
) -> Vec<String> {
    let mut parts: Vec<String> = answers.into_iter().collect();
    if goals > 0 {
        parts.push(count(goals, "goal", "goals"));
    }
    if quiz_levels > 0 {
        parts.push(format!(
            "quiz positions on {}",
            count(quiz_levels, "level", "levels")
        ));
    }
    if ladder_quiz {
        parts.push("your know-your-ladder score".to_owned());
    }
    if kept_replies > 0 {
        parts.push(count(kept_replies, "kept reply", "kept replies"));
    }
    if replies > 0 {
        parts.push(format!(
            "your answers to {}",
            count(replies, "person's link", "people's links")
        ));
    }
    parts
}

pub(super) fn list(parts: &[String]) -> Option<String> {
    let (last, rest) = parts.split_last()?;
    Some(if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_as_english() {
        assert_eq!(count(1, "answer", "answers"), "1 answer");
        assert_eq!(count(0, "answer", "answers"), "0 answers");
        assert_eq!((were(1), were(3)), ("was", "were"));
        let parts = ["a", "b", "c"].map(str::to_owned);
        assert_eq!(list(&parts[..0]), None);
        assert_eq!(list(&parts[..1]).as_deref(), Some("a"));
        assert_eq!(list(&parts[..2]).as_deref(), Some("a and b"));
        assert_eq!(list(&parts).as_deref(), Some("a, b and c"));
    }
}
