//! The Save check-in panel: a title and Save, under a level's views.

use web_sys::Element;

use super::super::fields::listen;
use super::{find, input_value, now, redraw};
use crate::progress::checkin::{format, Checkin};
use crate::progress::from_json;
use crate::progress::json;
use crate::progress::kept::{ID_PREFIX, KEPT_PREFIX};
use crate::route::Route;
use crate::storage;
use crate::ui::dom::{action, add, button, el, focus_later, say, text};

/// The link text of the manager's reply kept for the level, if any.
fn kept_reply(role: &str, level: &str) -> Option<String> {
    let id = storage::get(&format!("{ID_PREFIX}{role}/{level}"))?;
    let value = json::parse(&storage::get(&format!("{KEPT_PREFIX}{}", id.trim()))?).ok()?;
    match value.as_object()?.iter().find(|(k, _)| k == "link")? {
        (_, json::Value::String(link)) => Some(link.clone()),
        _ => None,
    }
}

/// Entry point `checkin(panel, progress_json)`: fills the Save check-in panel that the
/// app has just opened (a title and Save) for the level in the address.
pub fn panel(panel: Element, progress: String) {
    let hash = leptos::prelude::window()
        .location()
        .hash()
        .unwrap_or_default();
    let Route::Level { role, level, .. } = Route::parse(&hash) else {
        return;
    };
    panel.set_text_content(None);
    add(
        &panel,
        &text("label", &[("for", "checkin-title")], "Title (optional)"),
    );
    add(
        &panel,
        &el(
            "input",
            &[
                ("id", "checkin-title"),
                ("type", "text"),
                ("placeholder", "Q3 review with Sam"),
            ],
        ),
    );
    add(&panel, &button("Save", "save", &[]));
    add(
        &panel,
        &text("p", &[("role", "status"), ("id", "checkin-said")], ""),
    );
    focus_later("checkin-title");
    listen(&panel, move |e: web_sys::Event| {
        if e.type_() != "click" || action(&e).is_none_or(|(a, _)| a != "save") {
            return;
        }
        let title = input_value("checkin-title");
        // The progress as saved now (the panel may have stayed open while ratings
        // changed); the one it opened with if storage holds none it can read.
        let now = storage::get(storage::KEY).filter(|s| from_json(s).is_ok());
        let said = save(&role, &level, now.as_deref().unwrap_or(&progress), &title);
        say("checkin-said", &said);
    });
}

/// Saves a check-in of the level from `progress` titled `title`; what to say.
fn save(role: &str, level_id: &str, progress: &str, title: &str) -> String {
    let (Some((_, level)), Ok(progress)) = (find(role, level_id), from_json(progress)) else {
        return "This level is not in the ladder any more: nothing was saved.".to_owned();
    };
    let at = now();
    let id = format!(
        "{at:x}-{:08x}",
        (js_sys::Math::random() * 4_294_967_295.0) as u64
    );
    let version = super::super::ladder().version.clone();
    let c = Checkin::take(
        &progress,
        (role, &level),
        &version,
        title,
        (&id, at),
        kept_reply(role, level_id),
    );
    if !storage::set(&c.key(), &format::to_json(&c)) {
        return "This browser refused to store the check-in (storage full or blocked). Download a backup, then delete old check-ins.".to_owned();
    }
    redraw();
    format!(
        "Saved the check-in of {}. See it under Check-ins.",
        c.name()
    )
}
