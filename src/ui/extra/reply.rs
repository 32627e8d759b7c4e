//! A manager's reply: both sides side by side, per dimension, every expectation rated
//! differently marked with its distance in words (two steps or more the strongest
//! mark), the manager's overall comment; and keeping it with your progress, under the
//! id of the self-check it answers (replacing another reply to it only when asked).

use web_sys::Element;

use super::fields::listen;
use super::rated;
use super::share_storage::Local;
use super::shared::{checkin_line, dimension_section, versions, who};
use crate::ladder::{Level, Role};
use crate::progress::share::keep::{
    keep, keeping, kept_key, own_id_if_any, Keeping, KeptReply, Store,
};
use crate::progress::share::{
    apart, apart_counts, apart_line, apart_words, Entry, Resolved, SharedAssessment, MARK_APART,
};
use crate::ui::dom::{actions, add, button, el, markup, rich, say, show as show_el, text};
use crate::ui::store::now;

actions! {
    /// What a click on a reply asks for.
    enum Act {
        Keep = "keep",
        Unkeep = "unkeep",
    }
}

/// A reply: per dimension a table of expectations with both sides' marks, each one
/// rated differently marked in words; and keeping it.
pub(super) fn show(
    host: &Element,
    shared: &SharedAssessment,
    resolved: &Resolved,
    role: &Role,
    level: &Level,
    link: &str,
) {
    let manager = shared.manager.clone().unwrap_or_default();
    let own_name = match shared.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}’s"),
        None => "Your".to_owned(),
    };
    let manager_name = who(&manager.name, "your manager");
    let managers = match manager.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}’s"),
        None => "your manager’s".to_owned(),
    };
    add(host, &text("h1", &[], "Manager’s reply"));
    add(
        host,
        &text(
            "p",
            &[("class", "lead")],
            &format!(
                "{own_name} self-check and {managers} ratings of {}, {}, side by side. Read-only until you keep it.",
                level.heading(),
                role.name
            ),
        ),
    );
    checkin_line(host, shared);
    let summary = apart_line(apart_counts(resolved));
    add(host, &text("p", &[("class", "differ-count")], &summary));
    if !manager.comment.is_empty() {
        let said = markup! {
            div(class = "overall") [
                h2 { format!("Overall comment from {manager_name}") }
                p(class = "note") { manager.comment }
            ]
        };
        add(host, &said);
    }
    about(host, shared);
    versions(host, shared, resolved);
    let own_head = match shared.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n} (self)"),
        None => "Your self-check".to_owned(),
    };
    let manager_head = match manager.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n} (manager)"),
        None => "Your manager".to_owned(),
    };
    for (i, d) in level.dimensions.iter().enumerate() {
        let rows = d.expectations.iter().map(|x| {
            let m = resolved.marks(&x.id);
            let (own, mgr) = (m.and_then(|m| m.own), m.and_then(|m| m.manager));
            let steps = apart(own, mgr).unwrap_or(0);
            let class = match steps {
                0 => "",
                n if n >= MARK_APART => "differ",
                _ => "differ near",
            };
            let th = markup! { th(scope = "row") [] };
            rich(&th, &x.text);
            if let Some(words) = apart_words(steps) {
                add(
                    &th,
                    &markup! { span(class = "mark") { format!(" {words}") } },
                );
            }
            // Each cell names its side, for the narrow layout (a card a row).
            markup! {
                tr(class = class) [
                    (th)
                    (cell(own, "Evidence", &own_head))
                    (cell(mgr, "Comment", &manager_head))
                ]
            }
        });
        let table = markup! {
            table(class = "sides") [
                thead [ tr [
                    th(scope = "col") { "Expectation" }
                    th(scope = "col") { own_head }
                    th(scope = "col") { manager_head }
                ] ]
                tbody [ ..(rows) ]
            ]
        };
        add(&dimension_section(host, d, i), &table);
    }

    let part = markup! {
        section(class = "share-keep", "aria-labelledby" = "keep-h") [
            h2(id = "keep-h") { "Keep this reply" }
            p(id = "keep-said", role = "status") { "" }
            (button("Keep this reply with my progress", Act::Keep.name(), &[("id", "keep")]))
            (button("Remove the kept reply", Act::Unkeep.name(), &[("id", "unkeep")]))
            p [ (super::open_level(role, level)) ]
        ]
    };
    add(host, &part);

    let key = kept_key(shared);
    let link = link.trim().to_owned();
    let state = keeping(&Local, &key, &link);
    show_kept(&state, None, false);
    let shared = shared.clone();
    listen(host, move |e: web_sys::Event| {
        if e.type_() != "click" {
            return;
        }
        match Act::of(&e).map(|(act, _)| act) {
            Some(Act::Keep) => {
                let before = keeping(&Local, &key, &link);
                let reply = KeptReply::new(&link, &shared, now());
                if !keep(&mut Local, &key, &reply, now()) {
                    say("keep-said", "This reply could not be kept: this browser’s storage is full or turned off.");
                    return;
                }
                let said = match before {
                    Keeping::Replaces(old) => format!(
                        "Kept with your progress, in place of the reply from {}. Find it under Share progress on this level.",
                        replaced(&old)
                    ),
                    _ => "Kept with your progress. Find it under Share progress on this level.".to_owned(),
                };
                show_kept(&Keeping::Kept, Some(&said), true);
            }
            Some(Act::Unkeep) => {
                Local.remove(&key);
                show_kept(&Keeping::New, Some("The kept reply was removed."), true);
            }
            _ => {}
        }
    });
}

/// When the reply was made, and a word when it answers another self-check than the
/// one this browser shares for the level.
fn about(host: &Element, shared: &SharedAssessment) {
    let own = own_id_if_any(&Local, &shared.role, &shared.level);
    if let (Some(own), Some(origin)) = (own, shared.origin) {
        if own != origin.id {
            add(
                host,
                &text(
                    "p",
                    &[("class", "notice")],
                    "This reply answers another self-check than the one this browser shares for this level: another person’s, or one from another device.",
                ),
            );
        }
    }
}

/// "Grace": who made the reply a new one replaces.
fn replaced(old: &KeptReply) -> String {
    let from = old.manager.as_deref().filter(|m| !m.is_empty());
    from.unwrap_or("your manager").to_owned()
}

/// The keep buttons and what they say for `state`: `said`, or what `state` means.
fn show_kept(state: &Keeping, said: Option<&str>, focus: bool) {
    let kept = matches!(state, Keeping::Kept);
    show_el("keep", !kept);
    show_el("unkeep", kept);
    let label = match state {
        Keeping::Replaces(_) => "Replace the kept reply with this one",
        _ => "Keep this reply with my progress",
    };
    if let Some(b) = leptos::prelude::document().get_element_by_id("keep") {
        b.set_text_content(Some(label));
    }
    let default = match state {
        Keeping::New => String::new(),
        Keeping::Kept => "This reply is kept with your progress.".to_owned(),
        Keeping::Replaces(old) => format!(
            "You keep another reply to this self-check, from {}. Keeping this one replaces it.",
            replaced(old)
        ),
        Keeping::Unreadable(e) => format!(
            "What is kept for this self-check cannot be read ({e}); keeping this reply copies it aside first."
        ),
    };
    say("keep-said", said.unwrap_or(&default));
    if focus {
        crate::ui::dom::focus(if kept { "unkeep" } else { "keep" });
    }
}

/// One side's mark in a table cell labelled `side`: the rating, then the note.
fn cell(entry: Option<&Entry>, note: &str, side: &str) -> Element {
    let td = el("td", &[("data-label", side)]);
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
