//! Asking the browser to keep Rungs' storage (`navigator.storage.persist()`) after the
//! first answer, and saying whether it agreed: without it a browser may clear
//! localStorage when space runs low.

use wasm_bindgen::JsValue;

use super::dom::say;

/// The element the answer is shown in, in the footer.
pub const STATE_ID: &str = "storage-state";

/// Asks to keep storage, once the person has something worth keeping.
pub fn ask() {
    let Ok(manager) =
        js_sys::Reflect::get(&leptos::prelude::window().navigator(), &"storage".into())
    else {
        return;
    };
    if manager.is_undefined() {
        say(
            STATE_ID,
            "This browser cannot promise to keep your progress: download a backup now and then.",
        );
        return;
    }
    let promise = web_sys::StorageManager::from(manager).persist();
    let Ok(promise) = promise else { return };
    // Firefox first asks the person, and the promise waits for their answer, which may
    // never come: say at once that the app asked; an answer replaces this.
    say(
        STATE_ID,
        "Asked this browser to keep your progress; until it agrees, download a backup now and then.",
    );
    super::files::settle(promise, |granted| {
        say(STATE_ID, match granted.as_ref().and_then(JsValue::as_bool) {
            Some(true) => "This browser will keep your progress (persistent storage granted).",
            _ => "This browser may clear your progress if space runs low (persistent storage not granted): download a backup now and then.",
        });
    });
}
