//! "Share progress": the link to one level's ratings, with evidence notes only when
//! asked for, and the managers' replies kept for that level.
//!
//! The link carries this person's assessment id for the level (`kept::own_id`), so
//! that their manager's answers and their kept replies are found by it, not by name.
//! It is made again on every change, and once more when it is copied.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::fields::{
    copy_link, link_field, listen, name_field, put_link, remember_name, send_link,
};
use super::share_storage::{self as kept, Local};
use crate::ladder::Level;
use crate::progress::share::keep::kept_for;
use crate::progress::share::{encode, share_words, Origin, SharedAssessment, Side};
use crate::progress::{from_json, Progress};
use crate::route::Route;
use crate::ui::dom::{action, add, el, text};

/// Shows the share panel for level `level` of role `role` in `host`, with a link made
/// from `progress` (the app's progress, as `progress::to_json` writes it).
pub fn show(host: Element, role: String, level: String, progress: String) {
    // Drawn again on every change of progress, and each time the panel opens: the
    // box stays as it was last ticked, here or in an earlier visit.
    let notes_ticked = kept::get(kept::NOTES).as_deref() == Some("1");
    host.set_text_content(None);
    let ladder = super::ladder();
    let found = (ladder.role(&role))
        .and_then(|r| Some(crate::everyone::with_everyone(&ladder, r, r.level(&level)?)));
    let Some(found) = found else {
        add(
            &host,
            &text(
                "p",
                &[("role", "alert")],
                "This level is not in the ladder, so there is nothing to share.",
            ),
        );
        return;
    };
    let progress = match from_json(&progress) {
        Ok(p) => p,
        Err(e) => {
            add(
                &host,
                &text(
                    "p",
                    &[("role", "alert")],
                    &format!("Your progress could not be read to share it: {e}."),
                ),
            );
            return;
        }
    };
    add(
        &host,
        &text(
            "p",
            &[],
            "Anyone with this link can see your ratings for this level. They travel inside the link, after the #: no server ever sees them.",
        ),
    );
    name_field(&host, "share-name");
    let notes = el("label", &[("class", "check")]);
    add(
        &notes,
        &el(
            "input",
            &[
                ("type", "checkbox"),
                ("id", "share-notes"),
                ("data-act", "notes"),
            ],
        ),
    );
    add(&notes, &text("span", &[], "Include evidence notes"));
    add(&host, &notes);
    if let Some(c) = field("share-notes") {
        c.set_checked(notes_ticked);
    }
    link_field(&host, "share", "Share link");
    replies(&host, &role, &level);

    let make = {
        let (version, role, level, found) = (
            ladder.version.clone(),
            role.clone(),
            level.clone(),
            found.clone(),
        );
        let progress = Rc::new(progress);
        move || {
            let with_notes = field("share-notes").is_some_and(|c| c.checked());
            let shared = assessment(&version, &role, &level, &found, &progress);
            put_link("share", &encode(&shared), &share_words(&shared, with_notes))
        }
    };
    make();
    close_on_escape(&host);
    let title = format!("My self-check: {}", found.heading());
    listen(&host, move |e: web_sys::Event| {
        remember_name(&e);
        if let Some(c) = field("share-notes") {
            kept::set(kept::NOTES, if c.checked() { "1" } else { "0" });
        }
        match (
            e.type_().as_str(),
            action(&e).map(|(act, _)| act).as_deref(),
        ) {
            ("click", Some("copy-share")) => {
                make();
                copy_link("share");
            }
            ("click", Some("send-share")) => {
                make();
                send_link("share", &title, "My ratings in Rungs, to talk them over:");
            }
            ("input" | "change", _) => make(),
            _ => {}
        }
    });
}

/// The self-assessment the link carries: every answer on `level` (with the
/// expectations for everyone), notes only when the box is ticked, signed with the
/// name field's text.
fn assessment(
    version: &str,
    role: &str,
    level: &str,
    found: &Level,
    progress: &Progress,
) -> SharedAssessment {
    let with_notes = field("share-notes").is_some_and(|c| c.checked());
    let name = field("share-name")
        .map(|i| i.value().trim().to_owned())
        .filter(|n| !n.is_empty());
    let mut self_side = Side::from_progress(progress, found);
    if !with_notes {
        self_side.entries.retain(|_, e| {
            e.note.clear();
            e.rating.is_some()
        });
    }
    SharedAssessment {
        ladder_version: version.to_owned(),
        role: role.to_owned(),
        level: level.to_owned(),
        name,
        // No time: the full link of a level must stay under 200 characters.
        origin: Some(Origin {
            id: kept::own_id(role, level),
            made: None,
        }),
        self_side,
        manager: None,
        checkin: None,
    }
}

/// Escape inside the panel closes it, through its Share progress button (the app's
/// toggle), and puts the focus back on that button.
fn close_on_escape(host: &Element) {
    let f = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
        |e: web_sys::KeyboardEvent| {
            if e.key() != "Escape" {
                return;
            }
            let toggle = leptos::prelude::document()
                .query_selector("[aria-controls=share-panel]")
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = toggle {
                e.prevent_default();
                b.click();
                let _ = b.focus();
            }
        },
    )
    .into_js_value();
    if let Some(h) = host.dyn_ref::<web_sys::HtmlElement>() {
        h.set_onkeydown(Some(f.unchecked_ref()));
    }
}

/// The input `id` (the notes box or the name field), if it is on the page.
fn field(id: &str) -> Option<HtmlInputElement> {
    leptos::prelude::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

/// Links to the replies kept for this level, if any, newest first.
fn replies(host: &Element, role: &str, level: &str) {
    let kept = kept_for(&Local, role, level, crate::ui::store::now());
    if kept.is_empty() {
        return;
    }
    add(host, &text("h3", &[], "Replies you kept"));
    let list = el("ul", &[]);
    for (_, reply) in kept {
        let li = el("li", &[]);
        let href = Route::Shared(reply.link).to_fragment();
        let from = reply.manager.filter(|m| !m.is_empty());
        let label = format!("Reply from {}", from.as_deref().unwrap_or("your manager"));
        add(&li, &text("a", &[("href", &href)], &label));
        add(&list, &li);
    }
    add(host, &list);
}
