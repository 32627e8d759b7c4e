//! The only module that touches localStorage (through gloo-storage): the progress, the
//! imported ladder, and the plain values other modules keep under keys of their own.
//!
//! Progress lives under one key in the format of `progress::to_json`. Damaged data is
//! never overwritten: it is copied under a backup key first. When storage is missing,
//! disabled or full, callers keep working in memory and say so.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::progress::{from_json, to_json, Progress};

/// Where progress is kept.
pub const KEY: &str = "rungs:progress";
/// Prefix of the keys that keep damaged values, followed by the time they were found.
pub const DAMAGED_PREFIX: &str = "rungs:progress:damaged:";

/// What loading found.
pub enum Loaded {
    /// Progress as stored (empty when nothing was stored yet).
    Ok(Progress),
    /// The stored value could not be read. It is kept under `kept_as` (when storage
    /// allowed the copy) and offered as a download.
    Damaged { raw: String, error: String, kept_as: Option<String> },
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

/// True when localStorage can be read and written.
pub fn available() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(Some(storage)) = window.local_storage() else { return false };
    let probe = "rungs:probe";
    let ok = storage.set_item(probe, "1").is_ok();
    let _ = storage.remove_item(probe);
    ok
}

/// Reads the stored progress.
pub fn load(now: u64) -> Loaded {
    if !available() {
        return Loaded::Unavailable;
    }
    match LocalStorage::raw().get_item(KEY) {
        Ok(None) => Loaded::Ok(Progress::default()),
        Ok(Some(raw)) => match from_json(&raw) {
            Ok(p) => {
                LAST.set(Some(raw));
                Loaded::Ok(p)
            }
            Err(e) => {
                let key = format!("{DAMAGED_PREFIX}{now}");
                let kept_as = LocalStorage::raw().set_item(&key, &raw).is_ok().then_some(key);
                Loaded::Damaged { raw, error: e.to_string(), kept_as }
            }
        },
        Err(_) => Loaded::Unavailable,
    }
}

/// True when the browser hands out localStorage at all (without the write probe of
/// `available`, which `load` has already made).
fn present() -> bool {
    matches!(web_sys::window().map(|w| w.local_storage()), Some(Ok(Some(_))))
}

thread_local! {
    /// The stored value as this tab last wrote or read it.
    static LAST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The stored progress if another tab has changed it since this tab last wrote or
/// read it, and it is readable. Unchanged storage costs one string compare, not a parse.
pub fn read_changed() -> Option<Progress> {
    if !present() {
        return None;
    }
    let raw = LocalStorage::raw().get_item(KEY).ok()??;
    if LAST.with_borrow(|last| last.as_deref() == Some(raw.as_str())) {
        return None;
    }
    let progress = from_json(&raw).ok();
    LAST.set(Some(raw));
    progress
}

/// Writes `progress`, replacing what is stored.
pub fn save(progress: &Progress) -> Result<(), SaveError> {
    if !present() {
        return Err(SaveError::Unavailable);
    }
    let json = to_json(progress);
    LocalStorage::raw().set_item(KEY, &json).map_err(|e| {
        let quota = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name() == "QuotaExceededError" || d.code() == 22)
            .unwrap_or(true);
        if quota {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    })?;
    LAST.set(Some(json));
    Ok(())
}

/// Where a ladder imported in the browser is kept, as `ladder::write_stored` writes it.
pub const IMPORTED: &str = "rungs:imported";

/// The ladder imported in the browser, if one is kept and readable.
pub fn imported_ladder() -> Option<crate::ladder::Ladder> {
    if !present() {
        return None;
    }
    crate::ladder::read_stored(&LocalStorage::raw().get_item(IMPORTED).ok()??)
}

/// Keeps `stored` (a `ladder::write_stored` text) as the imported ladder, replacing one
/// kept before; the error says why the browser refused.
pub fn save_imported(stored: &str) -> Result<(), SaveError> {
    if !present() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(IMPORTED, stored).map_err(|_| SaveError::Full)
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

/// Whether a `storage` event is about the progress key.
pub fn is_progress_event(ev: &web_sys::StorageEvent) -> bool {
    ev.key().as_deref() == Some(KEY)
}
