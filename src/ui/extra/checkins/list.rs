//! Every check-in of a level, newest first, and one opened read-only.

use web_sys::Element;

use super::diff::{changes, marked};
use crate::ladder::compare::similar::word_diff;
use crate::ladder::Level;
use crate::progress::checkin::{compare, Checkin, Now};
use crate::progress::Rating;
use crate::route::Route;
use crate::ui::dom::{add, button, el, section, text};

/// Every check-in, newest first, with Open, Download Markdown, Print and Delete.
pub(super) fn list(all: &[Checkin], asking: Option<&str>) -> Element {
    let s = section("checkins-list", "all-checkins", "Your check-ins");
    if all.is_empty() {
        add(
            &s,
            &text("p", &[("class", "muted")], "None saved for this level."),
        );
        return s;
    }
    let ol = el("ol", &[]);
    for c in all {
        let li = el("li", &[]);
        let name = c.name();
        add(&li, &text("p", &[], &name));
        let actions = el("p", &[("class", "actions")]);
        for (label, act, what) in [
            ("Open", "open", "Open the check-in of"),
            (
                "Download Markdown",
                "markdown",
                "Download Markdown of the check-in of",
            ),
            ("Print", "print", "Print the check-in of"),
            ("Delete…", "ask-delete", "Delete… the check-in of"),
        ] {
            let aria = format!("{what} {name}");
            add(
                &actions,
                &button(label, act, &[("data-id", &c.id), ("aria-label", &aria)]),
            );
        }
        add(&li, &actions);
        if asking == Some(c.id.as_str()) {
            let confirm = el(
                "div",
                &[
                    ("class", "confirm"),
                    ("role", "group"),
                    ("aria-labelledby", "delete-q"),
                ],
            );
            add(
                &confirm,
                &text(
                    "p",
                    &[("id", "delete-q")],
                    &format!(
                        "Delete the check-in of {name}? You can undo it until you leave this page."
                    ),
                ),
            );
            let choose = el("p", &[("class", "actions")]);
            add(
                &choose,
                &button("Delete check-in", "delete", &[("class", "danger")]),
            );
            add(
                &choose,
                &button("Keep it", "keep", &[("id", "delete-keep")]),
            );
            add(&confirm, &choose);
            add(&li, &confirm);
        }
        add(&ol, &li);
    }
    add(&s, &ol);
    s
}

/// One check-in read-only: each expectation with its rating and evidence then, marked
/// where the ladder changed it since, and what changed since the one before.
pub(super) fn opened(c: &Checkin, previous: Option<&Checkin>, level: &Level) -> Element {
    let s = section(
        "checkin-open",
        "open-checkin",
        &format!("Check-in of {}", c.name()),
    );
    add(
        &s,
        &text("p", &[("class", "muted")], "Read-only: as it was saved."),
    );
    let actions = el("p", &[("class", "actions")]);
    add(
        &actions,
        &button("Close", "close", &[("id", "checkin-close")]),
    );
    add(&s, &actions);
    if let Some(link) = &c.reply {
        let p = el("p", &[]);
        let href = Route::shared_fragment(link);
        add(
            &p,
            &text(
                "a",
                &[("href", &href)],
                "The manager's reply kept with this check-in",
            ),
        );
        add(&s, &p);
    }
    if let Some(previous) = previous {
        add(
            &s,
            &text(
                "h3",
                &[],
                &format!("Since the check-in of {}", previous.name()),
            ),
        );
        changes(&s, &compare(previous, c));
    }
    let marks = c.against(Some(level));
    let mut at = 0;
    for d in &c.dimensions {
        add(&s, &text("h3", &[], &d.name));
        let ul = el("ul", &[("class", "checkin-items")]);
        for item in &d.items {
            let li = el("li", &[]);
            add(&li, &text("p", &[], &item.text));
            add(
                &li,
                &text(
                    "p",
                    &[("class", "change")],
                    item.rating.map_or("Not rated", Rating::label),
                ),
            );
            if !item.evidence.trim().is_empty() {
                add(&li, &text("p", &[("class", "note")], &item.evidence));
            }
            match marks.get(at).map(|(_, n)| n) {
                Some(Now::Changed(today)) => {
                    add(
                        &li,
                        &text(
                            "p",
                            &[("class", "mark")],
                            "Changed since you rated it. The ladder now reads:",
                        ),
                    );
                    add(&li, &marked(&word_diff(&item.text, today)));
                }
                Some(Now::Gone) => {
                    add(
                        &li,
                        &text(
                            "p",
                            &[("class", "mark")],
                            "No longer in the ladder: kept here with this check-in.",
                        ),
                    );
                }
                _ => {}
            }
            at += 1;
            add(&ul, &li);
        }
        add(&s, &ul);
    }
    s
}
