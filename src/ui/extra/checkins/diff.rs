//! What changed between two check-ins, said in words, and the word diff of an
//! expectation the ladder reworded since.

use web_sys::Element;

use super::Act;
use crate::ladder::compare::similar::Segment;
use crate::progress::checkin::{compare, Change, Checkin, Since};
use crate::ui::dom::{add, button, el, section, text};

/// The changes of `since`: per dimension the moves, then each changed expectation.
pub(super) fn changes(parent: &Element, since: &Since) {
    let moves = el("ul", &[("class", "moves")]);
    for d in &since.dimensions {
        add(&moves, &text("li", &[], &d.words()));
    }
    add(parent, &moves);
    if since.changes.is_empty() {
        add(parent, &text("p", &[], "No rating or evidence changed."));
        return;
    }
    let list = el("ul", &[("class", "changes")]);
    for c in &since.changes {
        add(&list, &change(c));
    }
    add(parent, &list);
    add(
        parent,
        &text(
            "p",
            &[("class", "muted")],
            &format!("{} other expectations did not change.", since.unchanged),
        ),
    );
}

fn change(c: &Change) -> Element {
    let li = el("li", &[]);
    add(&li, &text("p", &[], &c.text));
    add(&li, &text("p", &[("class", "change")], &c.words()));
    if let Some(evidence) = &c.evidence {
        add(
            &li,
            &text(
                "p",
                &[("class", "note")],
                &format!("Evidence written since: {evidence}"),
            ),
        );
    }
    li
}

/// The text of today from a word diff: kept words, removed ones struck through and
/// added ones marked, each said in words too.
pub(super) fn marked(diff: &[Segment]) -> Element {
    let p = el("p", &[("class", "reworded")]);
    for (i, segment) in diff.iter().enumerate() {
        if i > 0 {
            let _ = p.append_with_str_1(" ");
        }
        let (tag, said, words) = match segment {
            Segment::Kept(w) => {
                let _ = p.append_with_str_1(w);
                continue;
            }
            Segment::Removed(w) => ("del", "removed: ", w),
            Segment::Added(w) => ("ins", "added: ", w),
        };
        let mark = el(tag, &[]);
        add(&mark, &text("span", &[("class", "visually-hidden")], said));
        let _ = mark.append_with_str_1(words);
        add(&p, &mark);
    }
    p
}

/// Compare any two check-ins: two pickers and Compare, then the changes.
pub(super) fn comparing(all: &[Checkin], pair: Option<&(String, String)>) -> Element {
    let s = section(
        "checkins-compare",
        "compare-checkins",
        "Compare two check-ins",
    );
    let pickers = el("div", &[("class", "compare-pickers")]);
    for (id, label, default) in [
        ("checkin-from", "From", all.get(1).map(|c| c.id.as_str())),
        ("checkin-to", "To", all.first().map(|c| c.id.as_str())),
    ] {
        let field = el("div", &[("class", "field")]);
        add(&field, &text("label", &[("for", id)], label));
        let select = el("select", &[("id", id)]);
        let chosen = pair
            .map(|(a, b)| {
                if id == "checkin-from" {
                    a.as_str()
                } else {
                    b.as_str()
                }
            })
            .or(default);
        for c in all {
            let mut attrs = vec![("value", c.id.as_str())];
            if chosen == Some(c.id.as_str()) {
                attrs.push(("selected", ""));
            }
            add(&select, &text("option", &attrs, &c.name()));
        }
        add(&field, &select);
        add(&pickers, &field);
    }
    add(&pickers, &button("Compare", Act::Compare.name(), &[]));
    add(&s, &pickers);
    if let Some((a, b)) = pair {
        let find = |id: &str| all.iter().find(|c| c.id == id);
        if let (Some(a), Some(b)) = (find(a), find(b)) {
            let (older, newer) = if a.updated <= b.updated {
                (a, b)
            } else {
                (b, a)
            };
            add(
                &s,
                &text(
                    "p",
                    &[("class", "muted")],
                    &format!(
                        "From the check-in of {} to that of {}.",
                        older.name(),
                        newer.name()
                    ),
                ),
            );
            changes(&s, &compare(older, newer));
        }
    }
    s
}
