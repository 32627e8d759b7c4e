//! The Save check-in panel: a title and Save, under a level's views. When the
//! check-in would bring storage near its limit, the panel says so before it is saved;
//! a save the browser refuses says so and changes nothing.

use web_sys::Element;

use super::super::fields::listen;
use super::usage::used;
use super::{find, input_value, now, redraw};
use crate::modules::LevelId;
use crate::progress::checkin::{format, Checkin, StorageUse};
use crate::progress::json;
use crate::progress::kept::{ID_PREFIX, KEPT_PREFIX};
use crate::progress::{from_json, Progress};
use crate::storage;
use crate::ui::dom::{actions, add, button, focus_later, markup, say};

actions! {
    /// What a click in the Save check-in panel asks for.
    enum Act {
        Save = "save",
    }
}

/// The link text of the manager's reply kept for the level, if any.
fn kept_reply(role: &str, level: &str) -> Option<String> {
    let id = storage::get(&format!("{ID_PREFIX}{role}/{level}"))?;
    let value = json::parse(&storage::get(&format!("{KEPT_PREFIX}{}", id.trim()))?).ok()?;
    match value.as_object()?.iter().find(|(k, _)| k == "link")? {
        (_, json::Value::String(link)) => Some(link.clone()),
        _ => None,
    }
}

/// Fills the Save check-in panel that the app has just opened (a title and Save) for
/// level `level` of `role`, with the progress as it was when it opened
/// (`modules::Checkins::Save`).
pub fn panel(panel: Element, (role, level): LevelId, progress: Progress) {
    panel.set_text_content(None);
    // Said before saving when this check-in (taken now, untitled) would bring storage
    // near its limit.
    let room = take(&role, &level, &progress, "").and_then(|c| room_for(&c));
    let title = markup! {
        input(id = "checkin-title", type = "text", placeholder = "Q3 review with Sam") []
    };
    add(
        &panel,
        &markup! { label(for = "checkin-title") { "Title (optional)" } },
    );
    add(&panel, &title);
    if let Some(warning) = room {
        add(&panel, &markup! { p(role = "alert") { warning } });
    }
    add(&panel, &button("Save", Act::Save.name(), &[]));
    add(
        &panel,
        &markup! { p(role = "status", id = "checkin-said") { "" } },
    );
    focus_later("checkin-title");
    listen(&panel, move |e: web_sys::Event| {
        if e.type_() != "click" || Act::of(&e).is_none_or(|(a, _)| a != Act::Save) {
            return;
        }
        let title = input_value("checkin-title");
        // The progress as saved now (the panel may have stayed open while ratings
        // changed); the one it opened with if storage holds none it can read.
        let now = storage::get(storage::KEY).and_then(|s| from_json(&s).ok());
        let said = save(&role, &level, now.as_ref().unwrap_or(&progress), &title);
        say("checkin-said", &said);
    });
}

/// A check-in of level `level_id` of `role` from `progress` titled `title`, made now;
/// `None` when the ladder has no such level.
fn take(role: &str, level_id: &str, progress: &Progress, title: &str) -> Option<Checkin> {
    let found = find(role, level_id)?;
    let at = now();
    let id = format!(
        "{at:x}-{:08x}",
        (js_sys::Math::random() * 4_294_967_295.0) as u64
    );
    Some(Checkin::take(
        progress,
        (role, found.level()),
        &found.ladder.version,
        title,
        (&id, at),
        kept_reply(role, level_id),
    ))
}

/// What to say before saving `c`, if saving it brings storage near its limit.
fn room_for(c: &Checkin) -> Option<String> {
    // Bytes, a character or more each: never less than the characters counted.
    let size = c.key().len() + format::to_json(c).len();
    let after = StorageUse::of(used()).adding(size as u64);
    after
        .warns()
        .then(|| format!("With this check-in saved, {}", after.words()))
}

/// Saves a check-in of the level from `progress` titled `title`; what to say.
fn save(role: &str, level_id: &str, progress: &Progress, title: &str) -> String {
    let Some(c) = take(role, level_id, progress, title) else {
        return "This level is not in the ladder any more: nothing was saved.".to_owned();
    };
    if !storage::set(&c.key(), &format::to_json(&c)) {
        return "This browser refused to store the check-in (storage full or blocked): nothing was saved and nothing lost. Delete old check-ins to make room.".to_owned();
    }
    redraw();
    format!(
        "Saved the check-in of {}. See it under Check-ins.",
        c.name()
    )
}
