//! A manager's reply: both sides side by side, per dimension, where they differ by two
//! steps or more marked in words; and keeping it with your progress.

use web_sys::Element;

use super::fields::listen;
use super::shared::{dimension_section, versions, who};
use super::{apart, kept, rated};
use crate::ladder::{Level, Role};
use crate::progress::share::{Entry, Resolved, SharedAssessment};
use crate::ui::dom::{action, add, button, el, rich, say, section, show as show_el, text};

/// Ratings this many steps apart or more are marked in a reply.
const MARK_APART: u8 = 2;

/// A reply: per dimension a table of expectations with both sides' marks, where they
/// differ by [`MARK_APART`] steps or more marked in words; and keeping it.
pub(super) fn show(
    host: &Element,
    shared: &SharedAssessment,
    resolved: &Resolved,
    role: &Role,
    level: &Level,
    link: &str,
) {
    let manager = shared
        .manager
        .as_ref()
        .map(|m| &m.name)
        .cloned()
        .unwrap_or_default();
    let own_name = who(&shared.name, "Self");
    let manager_name = who(&manager, "Manager");
    add(host, &text("h1", &[], "Manager’s reply"));
    add(
        host,
        &text(
            "p",
            &[("class", "lead")],
            &format!(
                "{own_name}’s self-check and {manager_name}’s ratings of {}, {}, side by side. Read-only until you keep it.",
                level.heading(),
                role.name
            ),
        ),
    );
    let differ = resolved
        .matched
        .iter()
        .filter(|m| apart(m.marks.own, m.marks.manager).is_some_and(|n| n >= MARK_APART))
        .count();
    let summary = match differ {
        0 => "No expectation is rated two steps or more apart.".to_owned(),
        1 => "One expectation is rated two steps or more apart: it is marked below.".to_owned(),
        n => format!("{n} expectations are rated two steps or more apart: they are marked below."),
    };
    add(host, &text("p", &[("class", "differ-count")], &summary));
    versions(host, shared, resolved);
    for (i, d) in level.dimensions.iter().enumerate() {
        let section = dimension_section(host, d, i);
        let table = el("table", &[("class", "sides")]);
        let head = el("thead", &[]);
        let row = el("tr", &[]);
        for h in [
            "Expectation",
            &format!("{own_name} (self)"),
            &format!("{manager_name} (manager)"),
        ] {
            add(&row, &text("th", &[("scope", "col")], h));
        }
        add(&head, &row);
        add(&table, &head);
        let body = el("tbody", &[]);
        for x in &d.expectations {
            let m = resolved.marks(&x.id);
            let (own, mgr) = (m.and_then(|m| m.own), m.and_then(|m| m.manager));
            let steps = apart(own, mgr).filter(|n| *n >= MARK_APART);
            let tr = el(
                "tr",
                &[("class", if steps.is_some() { "differ" } else { "" })],
            );
            let th = el("th", &[("scope", "row")]);
            rich(&th, &x.text);
            if let Some(n) = steps {
                add(
                    &th,
                    &text(
                        "span",
                        &[("class", "mark")],
                        &format!(" Differs by {n} steps"),
                    ),
                );
            }
            add(&tr, &th);
            add(&tr, &cell(own, "Evidence"));
            add(&tr, &cell(mgr, "Comment"));
            add(&body, &tr);
        }
        add(&table, &body);
        add(&section, &table);
    }

    let part = section("share-keep", "keep-h", "Keep this reply");
    add(
        &part,
        &text("p", &[("id", "keep-said"), ("role", "status")], ""),
    );
    add(
        &part,
        &button(
            "Keep this reply with my progress",
            "keep",
            &[("id", "keep")],
        ),
    );
    add(
        &part,
        &button("Remove the kept reply", "unkeep", &[("id", "unkeep")]),
    );
    let p = el("p", &[]);
    add(&p, &super::open_level(role, level));
    add(&part, &p);
    add(host, &part);

    let key = kept::kept_key(&shared.role, &shared.level, who(&manager, ""));
    let is_kept = kept::get(&key).is_some_and(|l| l == link);
    show_kept(is_kept, "", false);
    let link = link.to_owned();
    listen(host, move |e: web_sys::Event| {
        if e.type_() != "click" {
            return;
        }
        match action(&e).map(|(act, _)| act).as_deref() {
            Some("keep") => {
                if kept::set(&key, &link) {
                    show_kept(
                        true,
                        "Kept with your progress. Find it under Share progress on this level.",
                        true,
                    );
                } else {
                    say("keep-said", "This reply could not be kept: this browser’s storage is full or turned off.");
                }
            }
            Some("unkeep") => {
                kept::remove(&key);
                show_kept(false, "The kept reply was removed.", true);
            }
            _ => {}
        }
    });
}

fn show_kept(kept: bool, said: &str, focus: bool) {
    show_el("keep", !kept);
    show_el("unkeep", kept);
    say(
        "keep-said",
        if said.is_empty() && kept {
            "This reply is kept with your progress."
        } else {
            said
        },
    );
    if focus {
        crate::ui::dom::focus(if kept { "unkeep" } else { "keep" });
    }
}

/// One side's mark in a table cell: the rating, then the note.
fn cell(entry: Option<&Entry>, note: &str) -> Element {
    let td = el("td", &[]);
    let class = if entry.and_then(|e| e.rating).is_some() {
        "rated"
    } else {
        "rated none"
    };
    add(&td, &text("span", &[("class", class)], rated(entry)));
    if let Some(e) = entry.filter(|e| !e.note.is_empty()) {
        add(
            &td,
            &text("p", &[("class", "note")], &format!("{note}: {}", e.note)),
        );
    }
    td
}
