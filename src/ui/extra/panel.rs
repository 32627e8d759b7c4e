//! "Share progress": the link to one level's ratings, with evidence notes only when
//! asked for, and the managers' replies kept for that level; and "Share this
//! check-in", the link to a saved check-in's ratings with its date and title.
//!
//! The link carries this person's assessment id for the level (`share_storage::own_id`), so
//! that their manager's answers and their kept replies are found by it, not by name.
//! It is made again on every change, and once more when it is copied.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::fields::{
    copy_link, link_field, listen, name_field, put_link, remember_name, send_link, LinkAct,
};
use super::share_storage::{self, Local};
use crate::modules::{LevelId, SentCheckin};
use crate::progress::share::keep::kept_for;
use crate::progress::share::{
    encode, share_words, Entry, ExpectationKey, Origin, SharedAssessment, SharedCheckin, Side,
};
use crate::progress::Progress;
use crate::route::Route;
use crate::ui::dom::{add, markup};

/// Shows the share panel for level `level` of role `role` in `host`, with a link made
/// from `progress` (the app's progress).
pub fn show(host: Element, (role, level): LevelId, progress: Progress) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let found = (ladder.role(&role))
        .and_then(|r| Some(crate::everyone::with_everyone(&ladder, r, r.level(&level)?)));
    let Some(found) = found else {
        return alert(
            &host,
            "This level is not in the ladder, so there is nothing to share.",
        );
    };
    let self_side = Side::from_progress(&progress, &found);
    let shared = assessment(&ladder.version, &role, &level, self_side, None);
    let title = format!("My self-check: {}", found.heading());
    draw(&host, "share", "Anyone with this link can see your ratings for this level. They travel inside the link, after the #: no server ever sees them.", shared, title);
    replies(&host, &role, &level);
    close_on_escape(&host);
}

/// Shows in `host` the share panel of a saved check-in (the Check-ins view's Share
/// this check-in): its ratings and notes as they were saved, its date and title with
/// them (`modules::Share::Checkin`).
pub fn show_checkin(host: Element, checkin: SentCheckin) {
    host.set_text_content(None);
    let mut self_side = Side::default();
    for (id, rating, note) in checkin.items {
        let key = ExpectationKey::parse(&id);
        if let (Some(key), true) = (key, rating.is_some() || !note.is_empty()) {
            self_side.entries.insert(key, Entry { rating, note });
        }
    }
    let saved = SharedCheckin::new(checkin.saved, &checkin.title);
    let title = saved.words();
    let (role, level) = &checkin.level;
    let shared = assessment(&checkin.ladder_version, role, level, self_side, Some(saved));
    draw(&host, "checkin-share", "Anyone with this link can see this check-in: your ratings as you saved them, its date and title. They travel inside the link, after the #: no server ever sees them.", shared, title);
}

fn alert(host: &Element, words: &str) {
    add(host, &markup! { p(role = "alert") { words } });
}

/// The panel's fields in `host`, their ids starting `id`: `intro`, your name,
/// Include evidence notes, and the link to `shared`, signed and with notes as the
/// fields say, made again on every change; `title` for the system share sheet.
fn draw(host: &Element, id: &'static str, intro: &str, shared: SharedAssessment, title: String) {
    // The box stays as it was last ticked, here or in an earlier visit.
    let notes_ticked = share_storage::get(share_storage::NOTES).as_deref() == Some("1");
    add(host, &markup! { p { intro } });
    let (name_id, notes_id) = (format!("{id}-name"), format!("{id}-notes"));
    name_field(host, &name_id);
    let notes = markup! {
        label(class = "check") [
            input(type = "checkbox", id = notes_id) []
            span { "Include evidence notes" }
        ]
    };
    add(host, &notes);
    if let Some(c) = field(&notes_id) {
        c.set_checked(notes_ticked);
    }
    let label = if shared.checkin.is_some() {
        "Check-in link"
    } else {
        "Share link"
    };
    link_field(host, id, label);
    let make = move || {
        let with_notes = field(&notes_id).is_some_and(|c| c.checked());
        let mut shared = shared.clone();
        shared.name = field(&name_id)
            .map(|i| i.value().trim().to_owned())
            .filter(|n| !n.is_empty());
        if !with_notes {
            shared.self_side.entries.retain(|_, e| {
                e.note.clear();
                e.rating.is_some()
            });
        }
        put_link(id, &encode(&shared), &share_words(&shared, with_notes));
        with_notes
    };
    make();
    listen(host, move |e: web_sys::Event| {
        remember_name(&e);
        let with_notes = make();
        share_storage::set(share_storage::NOTES, if with_notes { "1" } else { "0" });
        match LinkAct::of(&e).filter(|_| e.type_() == "click") {
            Some((LinkAct::Copy, _)) => copy_link(id),
            Some((LinkAct::Send, _)) => {
                send_link(id, &title, "My ratings in Rungs, to talk them over:");
            }
            None => {}
        }
    });
}

/// The self-assessment a link carries: `self_side` of `level` of `role` (with the
/// expectations for everyone) on ladder `version`, under this person's id for the level, and the check-in it shares, if
/// any. The name and the notes are the panel's to set.
fn assessment(
    version: &str,
    role: &str,
    level: &str,
    self_side: Side,
    checkin: Option<SharedCheckin>,
) -> SharedAssessment {
    SharedAssessment {
        ladder_version: version.to_owned(),
        role: role.to_owned(),
        level: level.to_owned(),
        name: None,
        // No time: the full link of a level must stay under 200 characters.
        origin: Some(Origin {
            id: share_storage::own_id(role, level),
            made: None,
        }),
        self_side,
        manager: None,
        checkin,
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
    let items = kept.into_iter().map(|(_, reply)| {
        let href = crate::ui::address::at_root(&Route::shared_fragment(&reply.link));
        let from = reply.manager.filter(|m| !m.is_empty());
        let label = format!("Reply from {}", from.as_deref().unwrap_or("your manager"));
        markup! { li [ a(href = href) { label } ] }
    });
    add(host, &markup! { h3 { "Replies you kept" } });
    add(host, &markup! { ul [ ..(items) ] });
}
