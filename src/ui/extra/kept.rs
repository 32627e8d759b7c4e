//! What the extra module keeps in localStorage (through `storage`), each under its own
//! key and never the person's own progress (`storage::KEY`), which it only reads:
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

pub use crate::storage::{get, remove, set};

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
    let mut out: Vec<(String, String)> = crate::storage::keys(&prefix)
        .into_iter()
        .filter_map(|k| Some((k.strip_prefix(&prefix)?.to_owned(), get(&k)?)))
        .collect();
    out.sort();
    out
}
