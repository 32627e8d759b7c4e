//! Every check-in of a level, newest first, and one opened read-only; sharing one
//! (the share module fills its panel: [`fill_share`]).

use web_sys::Element;

use super::diff::{changes, marked};
use super::Act;
use crate::ladder::compare::similar::word_diff;
use crate::ladder::Level;
use crate::modules::{self, SentCheckin, Share};
use crate::progress::checkin::{compare, Checkin, Now};
use crate::progress::Rating;
use crate::route::Route;
use crate::ui::dom::{add, button, el, markup, section, text};

/// The id of the panel under the check-in being shared.
pub(super) const SHARE_PANEL: &str = "checkin-share-panel";

/// Every check-in, newest first, with Open, Share this check-in, Download Markdown,
/// Print and Delete; under the one `sharing`, the panel the share module fills.
pub(super) fn list(all: &[Checkin], asking: Option<&str>, sharing: Option<&str>) -> Element {
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
            ("Open", Act::Open.name(), "Open the check-in of"),
            (
                "Download Markdown",
                Act::Markdown.name(),
                "Download Markdown of the check-in of",
            ),
            ("Print", Act::Print.name(), "Print the check-in of"),
            ("Delete…", Act::AskDelete.name(), "Delete… the check-in of"),
        ] {
            let aria = format!("{what} {name}");
            add(
                &actions,
                &button(label, act, &[("data-id", &c.id), ("aria-label", &aria)]),
            );
        }
        let shared = sharing == Some(c.id.as_str());
        let aria = format!("Share this check-in: {name}");
        let expanded = if shared { "true" } else { "false" };
        let mut share = vec![
            ("data-id", c.id.as_str()),
            ("aria-label", &aria),
            ("aria-expanded", expanded),
        ];
        // It controls the panel only while the panel is there.
        if shared {
            share.push(("aria-controls", SHARE_PANEL));
        }
        add(
            &actions,
            &button("Share this check-in", Act::Share.name(), &share),
        );
        add(&li, &actions);
        if shared {
            let panel = markup! {
                div(id = SHARE_PANEL, class = "share-panel", role = "group", "aria-label" = aria, tabindex = "-1") []
            };
            add(&li, &panel);
        }
        if asking == Some(c.id.as_str()) {
            let question = format!(
                "Delete the check-in of {name}? You can undo it until you leave this page."
            );
            let confirm = markup! {
                div(class = "confirm", role = "group", "aria-labelledby" = "delete-q") [
                    p(id = "delete-q") { question }
                    p(class = "actions") [
                        (button("Delete check-in", Act::Delete.name(), &[("class", "danger")]))
                        (button("Keep it", Act::KeepIt.name(), &[("id", "delete-keep")]))
                    ]
                ]
            };
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
    let close = button("Close", Act::Close.name(), &[("id", "checkin-close")]);
    add(
        &s,
        &markup! { p(class = "muted") { "Read-only: as it was saved." } },
    );
    add(&s, &markup! { p(class = "actions") [ (close) ] });
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

/// Has the share module fill the panel under check-in `c` with its link
/// (`modules::Share::Checkin`).
#[inline(never)]
pub(super) fn fill_share(c: &Checkin) {
    let Some(host) = leptos::prelude::document().get_element_by_id(SHARE_PANEL) else {
        return;
    };
    let items = c
        .items()
        .map(|(_, i)| (i.id.clone(), i.rating, i.evidence.clone()));
    let checkin = SentCheckin {
        level: (c.role.clone(), c.level.clone()),
        ladder_version: c.ladder_version.clone(),
        title: c.title.clone(),
        saved: c.updated,
        items: items.collect(),
    };
    modules::call(Share::Checkin { host, checkin });
}
