//! The embedded ladder, by the page: the build ships it beside the app as an index and
//! a file per level and guide page (`ladder::format::stored::split_stored`), and
//! `public/lazy.js` keeps what this page has loaded of it: the files a page the build
//! wrote holds, and those fetched since. The app and every on-demand module read it
//! there ([`text`]); the app loads a level's file before it shows the level
//! ([`load_level`]), and a module's call loads the rest first (`public/lazy.js`).
//! Finding a level's file in the index, fetching, and saying when a file cannot load
//! are `public/lazy.js`'s: fewer bytes as script than as wasm.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// `window.<name>`, a function of `public/lazy.js`, when the page has it.
fn lazy(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&leptos::prelude::window(), &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// The embedded ladder as far as this page has loaded it, in the stored form: empty
/// before its index has arrived, or in a page without `public/lazy.js`.
pub fn text() -> String {
    lazy("rungsLadder")
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// Whether the ladder as far as loaded holds `text`: asked for every link drawn
/// (`ui::address`), which [`text`] would copy the whole ladder for.
pub fn holds(text: &str) -> bool {
    lazy("rungsLadderHas")
        .and_then(|f| f.call1(&JsValue::NULL, &text.into()).ok())
        .is_some_and(|found| found.is_truthy())
}

/// Calls `then` once the ladder's index has arrived and, for `Some((role id, level
/// id))`, that level's file too: with `true`, or `false` when they could not load
/// (offline on a first visit, a host without them), which `public/lazy.js` has then
/// said at the top of the page. At once where the page has no `public/lazy.js`, with
/// what it has. (`then` is boxed, not generic, so that its two
/// callers share one copy of this code.)
pub fn load_level(level: Option<(String, String)>, then: Box<dyn FnOnce(bool)>) {
    let Some(load) = lazy("rungsLadderLevel") else {
        return then(true);
    };
    let (role, level) = level.unwrap_or_default();
    let done = Closure::once_into_js(then);
    let _ = load.call3(&JsValue::NULL, &role.into(), &level.into(), &done);
}
