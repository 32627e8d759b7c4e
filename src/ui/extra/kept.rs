//! What the extra module keeps in localStorage, each under its own key and never the
//! person's own progress (`storage::KEY`), which it only reads:
//!
//! - `rungs:share:name`: the name you sign links and replies with;
//! - `rungs:reply:<role>/<level>:<their name>`: your answers, as a manager, to someone's
//!   shared link, in the format of `progress::to_json`; apart from your own self-check;
//! - `rungs:kept:<role>/<level>:<manager name>`: a manager's reply you kept, as its
//!   link text.

use crate::progress::{from_json, to_json, Progress};

pub const NAME: &str = "rungs:share:name";
const REPLY: &str = "rungs:reply:";
const KEPT: &str = "rungs:kept:";

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when the browser refuses (no storage, or full).
pub fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Where a manager's answers to the link of `name` for `role`/`level` are kept.
pub fn reply_key(role: &str, level: &str, name: &str) -> String {
    format!("{REPLY}{role}/{level}:{name}")
}

/// The manager's answers kept under `key`; empty when there are none or they cannot
/// be read (a damaged value is left where it is, not overwritten, until the next answer).
pub fn answers(key: &str) -> Progress {
    get(key)
        .and_then(|raw| from_json(&raw).ok())
        .unwrap_or_default()
}

pub fn save_answers(key: &str, answers: &Progress) -> bool {
    set(key, &to_json(answers))
}

/// Where a reply from `manager` about `role`/`level` is kept.
pub fn kept_key(role: &str, level: &str, manager: &str) -> String {
    format!("{KEPT}{role}/{level}:{manager}")
}

/// The replies kept for `role`/`level`: (manager name, link text), by name.
pub fn kept(role: &str, level: &str) -> Vec<(String, String)> {
    let prefix = kept_key(role, level, "");
    let Some(s) = storage() else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            let name = k.strip_prefix(&prefix)?.to_owned();
            Some((name, s.get_item(&k).ok().flatten()?))
        })
        .collect();
    out.sort();
    out
}
