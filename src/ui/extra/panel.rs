//! "Share progress": the link to one level's ratings, with evidence notes only when
//! asked for, and the managers' replies kept for that level.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::fields::{copy_link, link_field, listen, name_field, put_link, remember_name};
use super::kept;
use crate::ladder::Level;
use crate::progress::share::{encode, SharedAssessment, Side};
use crate::progress::{from_json, Progress};
use crate::route::Route;
use crate::ui::dom::{action, add, el, text};

/// Shows the share panel for level `level` of role `role` in `host`, with a link made
/// from `progress` (the app's progress, as `progress::to_json` writes it).
pub fn show(host: Element, role: String, level: String, progress: String) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let Some(found) = ladder.role(&role).and_then(|r| r.level(&level)) else {
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
            put_link(
                "share",
                &encode(&assessment(&version, &role, &level, &found, &progress)),
            )
        }
    };
    make();
    listen(&host, move |e: web_sys::Event| {
        remember_name(&e);
        match (
            e.type_().as_str(),
            action(&e).map(|(act, _)| act).as_deref(),
        ) {
            ("click", Some("copy-share")) => copy_link("share"),
            ("input" | "change", _) => make(),
            _ => {}
        }
    });
}

/// The self-assessment the link carries: every answer on `level`, notes only when
/// the box is ticked, signed with the name field's text.
fn assessment(
    version: &str,
    role: &str,
    level: &str,
    found: &Level,
    progress: &Progress,
) -> SharedAssessment {
    let doc = leptos::prelude::document();
    let field = |id: &str| {
        doc.get_element_by_id(id)
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    };
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
        self_side,
        manager: None,
    }
}

/// Links to the replies kept for this level, if any.
fn replies(host: &Element, role: &str, level: &str) {
    let kept = kept::kept(role, level);
    if kept.is_empty() {
        return;
    }
    add(host, &text("h3", &[], "Replies you kept"));
    let list = el("ul", &[]);
    for (manager, link) in kept {
        let li = el("li", &[]);
        let href = Route::Shared(link).to_fragment();
        let from = if manager.is_empty() {
            "your manager".to_owned()
        } else {
            manager
        };
        add(
            &li,
            &text("a", &[("href", &href)], &format!("Reply from {from}")),
        );
        add(&list, &li);
    }
    add(host, &list);
}
