//! What changed between two check-ins, said in words, and the word diff of an
//! expectation the ladder reworded since.

use web_sys::Element;

use super::Act;
use crate::ladder::compare::similar::Segment;
use crate::progress::checkin::{compare, Change, Checkin, Since};
use crate::ui::dom::{add, button, el, markup, section};

/// The changes of `since`: per dimension the moves, then each changed expectation.
pub(super) fn changes(parent: &Element, since: &Since) {
    let moves = since
        .dimensions
        .iter()
        .map(|d| markup! { li { d.words() } });
    add(parent, &markup! { ul(class = "moves") [ ..(moves) ] });
    if since.changes.is_empty() {
        add(parent, &markup! { p { "No rating or evidence changed." } });
        return;
    }
    let changed = since.changes.iter().map(change);
    add(parent, &markup! { ul(class = "changes") [ ..(changed) ] });
    let unchanged = format!("{} other expectations did not change.", since.unchanged);
    add(parent, &markup! { p(class = "muted") { unchanged } });
}

fn change(c: &Change) -> Element {
    let li = markup! {
        li [
            p { c.text }
            p(class = "change") { c.words() }
        ]
    };
    if let Some(evidence) = &c.evidence {
        let said = format!("Evidence written since: {evidence}");
        add(&li, &markup! { p(class = "note") { said } });
    }
    li
}

/// The text of today from a word diff: kept words, removed ones struck through and
/// added ones marked, each said in words too.
pub(super) fn marked(diff: &[Segment]) -> Element {
    let p = markup! { p(class = "reworded") [] };
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
        add(&mark, &markup! { span(class = "visually-hidden") { said } });
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
    let fields = [
        ("checkin-from", "From", all.get(1).map(|c| c.id.as_str())),
        ("checkin-to", "To", all.first().map(|c| c.id.as_str())),
    ]
    .into_iter()
    .map(|(id, label, default)| {
        let chosen = pair
            .map(|(a, b)| {
                if id == "checkin-from" {
                    a.as_str()
                } else {
                    b.as_str()
                }
            })
            .or(default);
        let options = all.iter().map(|c| {
            let option = markup! { option(value = c.id) { c.name() } };
            if chosen == Some(c.id.as_str()) {
                let _ = option.set_attribute("selected", "");
            }
            option
        });
        markup! {
            div(class = "field") [
                label(for = id) { label }
                select(id = id) [ ..(options) ]
            ]
        }
    });
    let pickers = markup! {
        div(class = "compare-pickers") [
            ..(fields)
            (button("Compare", Act::Compare.name(), &[]))
        ]
    };
    add(&s, &pickers);
    if let Some((a, b)) = pair {
        let find = |id: &str| all.iter().find(|c| c.id == id);
        if let (Some(a), Some(b)) = (find(a), find(b)) {
            let (older, newer) = if a.updated <= b.updated {
                (a, b)
            } else {
                (b, a)
            };
            let from = format!(
                "From the check-in of {} to that of {}.",
                older.name(),
                newer.name()
            );
            add(&s, &markup! { p(class = "muted") { from } });
            changes(&s, &compare(older, newer));
        }
    }
    s
}
