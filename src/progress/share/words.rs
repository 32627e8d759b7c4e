//! What a link holds, in the plain words the share panel and the reply box show.

use super::SharedAssessment;

/// `n` things: `1 rating`, `12 ratings`.
fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What the share link of `a` holds: "Your 12 ratings, without notes." or "Your 3
/// ratings and 2 evidence notes, signed “Ada”."; the manager's side of a reply is
/// [`reply_words`].
pub fn share_words(a: &SharedAssessment, with_notes: bool) -> String {
    let entries = a.self_side.entries.values();
    let rated = entries.clone().filter(|e| e.rating.is_some()).count();
    let notes = entries.filter(|e| !e.note.is_empty()).count();
    if rated == 0 && notes == 0 {
        return "Nothing rated yet: the link shows an empty self-check.".to_owned();
    }
    let mut out = format!("Your {}", counted(rated, "rating", "ratings"));
    match (with_notes, notes) {
        (false, _) => out.push_str(", without notes"),
        (true, 0) => out.push_str(", no evidence notes written yet"),
        (true, n) => out += &format!(" and {}", counted(n, "evidence note", "evidence notes")),
    }
    if let Some(name) = a.name.as_deref().filter(|n| !n.is_empty()) {
        out += &format!(", signed “{name}”");
    }
    out.push('.');
    out
}

/// What the manager's side of reply `a` holds: "Your 12 ratings, 2 comments and an
/// overall comment."
pub fn reply_words(a: &SharedAssessment) -> String {
    let Some(m) = &a.manager else {
        return share_words(a, true);
    };
    let entries = m.side.entries.values();
    let rated = entries.clone().filter(|e| e.rating.is_some()).count();
    let notes = entries.filter(|e| !e.note.is_empty()).count();
    let mut parts = vec![
        counted(rated, "rating", "ratings"),
        counted(notes, "comment", "comments"),
    ];
    if !m.comment.is_empty() {
        parts.push("an overall comment".to_owned());
    }
    let last = parts.pop().unwrap_or_default();
    format!("Your {} and {last}.", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::share::{Entry, ExpectationKey, ManagerSide, Side};
    use crate::progress::Rating;

    fn side(marks: &[(u8, Option<Rating>, &str)]) -> Side {
        let entries = marks.iter().map(|(k, rating, note)| {
            let entry = Entry {
                rating: *rating,
                note: (*note).to_owned(),
            };
            (ExpectationKey([*k; 5]), entry)
        });
        Side {
            entries: entries.collect(),
        }
    }

    #[test]
    fn the_share_words_say_how_many_ratings_and_whether_notes_travel() {
        let mut a = SharedAssessment {
            self_side: side(&[
                (1, Some(Rating::Performing), "Led the drill."),
                (2, Some(Rating::Maturing), ""),
            ]),
            ..SharedAssessment::default()
        };
        assert_eq!(share_words(&a, false), "Your 2 ratings, without notes.");
        a.name = Some("Ada".to_owned());
        assert_eq!(
            share_words(&a, true),
            "Your 2 ratings and 1 evidence note, signed “Ada”."
        );
        a.self_side = Side::default();
        assert_eq!(
            share_words(&a, false),
            "Nothing rated yet: the link shows an empty self-check."
        );
    }

    #[test]
    fn the_reply_words_count_the_managers_side() {
        let a = SharedAssessment {
            manager: Some(ManagerSide {
                name: None,
                side: side(&[
                    (1, Some(Rating::Performing), "Agreed."),
                    (2, Some(Rating::Exceeding), ""),
                ]),
                comment: "Good year.".to_owned(),
            }),
            ..SharedAssessment::default()
        };
        assert_eq!(
            reply_words(&a),
            "Your 2 ratings, 1 comment and an overall comment."
        );
    }
}
