//! Getting text in and out of the browser: downloads, the clipboard, picked files.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a download named `name`; false when the browser refuses.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let doc = leptos::prelude::document();
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Offers everything kept for the person (see `progress::Backup`) as the JSON backup
/// file, named with the day: `rungs-backup-2026-12-01.json`.
pub fn download_backup(store: super::store::ProgressStore, ladder_version: &str) {
    let text = store.backup().to_json(ladder_version, super::store::now());
    download(
        &format!("rungs-backup-{}.json", today()),
        "application/json",
        &text,
    );
}

/// Today's date in UTC, `2026-12-01`.
pub fn today() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    iso.get(..10).unwrap_or_default().to_owned()
}

/// The largest backup file read, in bytes: far above any real progress.
pub const MAX_BACKUP: u32 = 5_000_000;

/// Copies `text` to the clipboard; `done` hears whether the browser allowed it.
pub fn copy(text: String, done: impl FnOnce(bool) + 'static) {
    let promise = leptos::prelude::window()
        .navigator()
        .clipboard()
        .write_text(&text);
    settle(promise, move |v| done(v.is_some()));
}

/// Reads `file` as UTF-8 text; `done` gets `None` when it cannot be read.
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    settle(file.text(), move |v| done(v.and_then(|v| v.as_string())));
}

/// Calls `done` once `promise` settles: with its value, or `None` if it was rejected.
/// Plain callbacks rather than a future: cheaper in the wasm.
pub fn settle(promise: js_sys::Promise, done: impl FnOnce(Option<JsValue>) + 'static) {
    let done = Rc::new(Cell::new(Some(done)));
    let rejected = done.clone();
    let ok = Closure::once(move |v: JsValue| {
        if let Some(f) = done.take() {
            f(Some(v));
        }
    });
    let err = Closure::once(move |_: JsValue| {
        if let Some(f) = rejected.take() {
            f(None);
        }
    });
    let _ = promise.then2(&ok, &err);
    // Exactly one of the two runs; both are small and live as long as the page.
    ok.forget();
    err.forget();
}
