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
use crate::ui::dom::{add, button, markup, section};

/// The id of the panel under the check-in being shared.
pub(super) const SHARE_PANEL: &str = "checkin-share-panel";

/// Every check-in, newest first, with Open, Share this check-in, Download Markdown,
/// Print and Delete; under the one `sharing`, the panel the share module fills.
pub(super) fn list(all: &[Checkin], asking: Option<&str>, sharing: Option<&str>) -> Element {
    let s = section("checkins-list", "all-checkins", "Your check-ins");
    if all.is_empty() {
        add(
            &s,
            &markup! { p(class = "muted") { "None saved for this level." } },
        );
        return s;
    }
    let items = all.iter().map(|c| {
        let name = c.name();
        let buttons = [
            ("Open", Act::Open.name(), "Open the check-in of"),
            (
                "Download Markdown",
                Act::Markdown.name(),
                "Download Markdown of the check-in of",
            ),
            ("Print", Act::Print.name(), "Print the check-in of"),
            ("Delete…", Act::AskDelete.name(), "Delete… the check-in of"),
        ]
        .into_iter()
        .map(|(label, act, what)| {
            let aria = format!("{what} {name}");
            button(label, act, &[("data-id", &c.id), ("aria-label", &aria)])
        });
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
        let share = button("Share this check-in", Act::Share.name(), &share);
        let li = markup! {
            li [
                p { name }
                p(class = "actions") [ ..(buttons) (share) ]
            ]
        };
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
        li
    });
    add(&s, &markup! { ol [ ..(items) ] });
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
        let reply = markup! {
            p [ a(href = crate::ui::address::at_root(&Route::shared_fragment(link))) { "The manager's reply kept with this check-in" } ]
        };
        add(&s, &reply);
    }
    if let Some(previous) = previous {
        let since = format!("Since the check-in of {}", previous.name());
        add(&s, &markup! { h3 { since } });
        changes(&s, &compare(previous, c));
    }
    let mut marks = c.against(Some(level)).into_iter().map(|(_, now)| now);
    for d in &c.dimensions {
        let items = d.items.iter().map(|item| {
            let rated = item.rating.map_or("Not rated", Rating::label);
            let li = markup! {
                li [
                    p { item.text }
                    p(class = "change") { rated }
                ]
            };
            if !item.evidence.trim().is_empty() {
                add(&li, &markup! { p(class = "note") { item.evidence } });
            }
            match marks.next() {
                Some(Now::Changed(today)) => {
                    let said = "Changed since you rated it. The ladder now reads:";
                    add(&li, &markup! { p(class = "mark") { said } });
                    add(&li, &marked(&word_diff(&item.text, &today)));
                }
                Some(Now::Gone) => {
                    let said = "No longer in the ladder: kept here with this check-in.";
                    add(&li, &markup! { p(class = "mark") { said } });
                }
                _ => {}
            }
            li
        });
        add(&s, &markup! { h3 { d.name } });
        add(&s, &markup! { ul(class = "checkin-items") [ ..(items) ] });
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
