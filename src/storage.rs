//! The only module that touches localStorage (through gloo-storage): the progress, the
//! imported ladder, and the plain values other modules keep under keys of their own.
//!
//! Progress lives under one key in the format of `progress::to_json`. Damaged data is
//! never overwritten: it is copied under a backup key first. When storage is missing,
//! disabled or full, callers keep working in memory and say so.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::progress::kept::{BACKUP_PREFIXES, KEPT_PREFIXES};
use crate::progress::{to_json, Progress, Stored};

/// Where progress is kept.
pub const KEY: &str = "rungs:progress";
/// Prefix of the keys that keep damaged values, followed by the time they were found.
pub const DAMAGED_PREFIX: &str = "rungs:progress:damaged:";

/// What loading found.
pub enum Loaded {
    /// Progress as stored (empty when nothing was stored yet). `full` when the
    /// browser refused the start-up write probe for lack of space: saved progress is
    /// still read, but new changes may not be kept.
    Ok { progress: Progress, full: bool },
    /// The stored value could not be read. It is kept under `kept_as` (when storage
    /// allowed the copy) and offered as a download.
    Damaged {
        raw: String,
        error: String,
        kept_as: Option<String>,
    },
    /// The stored value comes from a newer version of Rungs: this tab must not save.
    Newer { schema: u64 },
    /// No usable localStorage (disabled, private mode, blocked).
    Unavailable,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused: quota exceeded.
    Full,
    /// No usable localStorage.
    Unavailable,
}

/// Whether a failed write was the browser running out of space.
fn is_quota(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| {
            d.name() == "QuotaExceededError"
                || d.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || d.code() == 22
        })
        .unwrap_or(false)
}

/// What the start-up write probe found.
enum Probe {
    Writable,
    /// Readable, but the browser is out of space.
    Full,
    Unavailable,
}

fn probe() -> Probe {
    let Some(window) = web_sys::window() else {
        return Probe::Unavailable;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return Probe::Unavailable;
    };
    let key = "rungs:probe";
    match storage.set_item(key, "1") {
        Ok(()) => {
            let _ = storage.remove_item(key);
            Probe::Writable
        }
        // A browser that stores nothing at all (an old private mode with a quota of
        // zero) is no storage; one that is merely full still holds progress to read.
        Err(e) if is_quota(&e) && storage.length().is_ok_and(|n| n > 0) => Probe::Full,
        Err(_) => Probe::Unavailable,
    }
}

/// Reads the stored progress; a damaged value is copied aside (a key of its own,
/// stamped `now`) before anything else can write.
pub fn load(now: u64) -> Loaded {
    let full = match probe() {
        Probe::Writable => false,
        Probe::Full => true,
        Probe::Unavailable => return Loaded::Unavailable,
    };
    let Ok(raw) = LocalStorage::raw().get_item(KEY) else {
        return Loaded::Unavailable;
    };
    match Stored::read(raw.as_deref(), now) {
        Stored::Absent => Loaded::Ok {
            progress: Progress::default(),
            full,
        },
        Stored::Readable(progress) => {
            LAST.set(raw);
            Loaded::Ok { progress, full }
        }
        Stored::Newer { schema } => {
            LAST.set(raw);
            Loaded::Newer { schema }
        }
        Stored::Damaged(e) => {
            let raw = raw.unwrap_or_default();
            let kept_as = copy_aside(&raw, now);
            Loaded::Damaged {
                raw,
                error: e.to_string(),
                kept_as,
            }
        }
    }
}

/// Copies a damaged stored value under a key of its own; the key, or `None` when the
/// browser refused (full). A value already copied is not copied twice.
pub fn copy_aside(raw: &str, now: u64) -> Option<String> {
    if let Some(key) = keys(DAMAGED_PREFIX)
        .into_iter()
        .find(|k| get(k).as_deref() == Some(raw))
    {
        return Some(key);
    }
    let key = format!("{DAMAGED_PREFIX}{now}");
    LocalStorage::raw()
        .set_item(&key, raw)
        .is_ok()
        .then_some(key)
}

/// True when the browser hands out localStorage at all (without the write probe of
/// `load`).
fn present() -> bool {
    matches!(
        web_sys::window().map(|w| w.local_storage()),
        Some(Ok(Some(_)))
    )
}

thread_local! {
    /// The stored value as this tab last wrote or read it.
    static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The stored progress if it has changed since this tab last wrote or read it
/// (another tab saved), read as of `now`; `None` when it has not changed (one string
/// compare, not a parse) or is gone. The raw text comes with it, for a copy aside.
pub fn read_changed(now: u64) -> Option<(Stored, String)> {
    if !present() {
        return None;
    }
    let raw = LocalStorage::raw().get_item(KEY).ok()??;
    if LAST.with_borrow(|last| last.as_deref() == Some(raw.as_str())) {
        return None;
    }
    let stored = Stored::read(Some(&raw), now);
    // Remember a value once taken in, so it is not taken in again; a damaged one is
    // remembered only once the caller has copied it aside (`seen`).
    if !matches!(stored, Stored::Damaged(_)) {
        LAST.set(Some(raw.clone()));
    }
    Some((stored, raw))
}

/// Remembers `raw` as the stored value this tab has dealt with.
pub fn seen(raw: String) {
    LAST.set(Some(raw));
}

/// Writes `progress`, replacing what is stored.
pub fn save(progress: &Progress) -> Result<(), SaveError> {
    if !present() {
        return Err(SaveError::Unavailable);
    }
    let json = to_json(progress);
    LocalStorage::raw().set_item(KEY, &json).map_err(|e| {
        if is_quota(&e) {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    })?;
    LAST.set(Some(json));
    Ok(())
}

/// Where a ladder imported in the browser is kept, as `ladder::format::stored::write_stored` writes it.
pub const IMPORTED: &str = "rungs:imported";

/// The ladder imported in the browser as `read` reads it (`ladder::format::stored::read_stored`, or
/// `read_stored_levels` without its guide pages), if one is kept and readable.
pub fn imported_ladder(
    read: fn(&str) -> Option<crate::ladder::Ladder>,
) -> Option<crate::ladder::Ladder> {
    if !present() {
        return None;
    }
    read(&LocalStorage::raw().get_item(IMPORTED).ok()??)
}

/// Keeps `stored` (a `ladder::format::stored::write_stored` text) as the imported ladder, replacing one
/// kept before; the error says why the browser refused.
pub fn save_imported(stored: &str) -> Result<(), SaveError> {
    if !present() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw()
        .set_item(IMPORTED, stored)
        .map_err(|_| SaveError::Full)
}

/// Forgets the imported ladder. Answers given on its levels stay in the progress.
pub fn remove_imported() {
    if present() {
        let _ = LocalStorage::raw().remove_item(IMPORTED);
    }
}

/// The value kept under another key of the app's (the extra module's, say), if any.
pub fn get(key: &str) -> Option<String> {
    if !present() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok()?
}

/// Keeps `value` under `key`; false when the browser refuses (no storage, or full).
pub fn set(key: &str, value: &str) -> bool {
    present() && LocalStorage::raw().set_item(key, value).is_ok()
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if present() {
        let _ = LocalStorage::raw().remove_item(key);
    }
}

/// Every key that starts with `prefix`.
pub fn keys(prefix: &str) -> Vec<String> {
    if !present() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// The raw stored text of the imported ladder, for a backup.
pub fn imported_raw() -> Option<String> {
    get(IMPORTED)
}

/// Every value under the kept prefixes (kept replies, a manager's own answers), by
/// full key, in storage order: what a reset removes (and Undo writes back).
pub fn kept_values() -> Vec<(String, String)> {
    values_under(&KEPT_PREFIXES)
}

/// The kept values and the person's assessment ids: what a backup carries.
pub fn backup_values() -> Vec<(String, String)> {
    values_under(&BACKUP_PREFIXES)
}

fn values_under(prefixes: &[&str]) -> Vec<(String, String)> {
    prefixes
        .iter()
        .flat_map(|prefix| keys(prefix))
        .filter_map(|key| get(&key).map(|value| (key, value)))
        .collect()
}

/// Whether a `storage` event is about the progress key.
pub fn is_progress_event(ev: &web_sys::StorageEvent) -> bool {
    ev.key().as_deref() == Some(KEY)
}
