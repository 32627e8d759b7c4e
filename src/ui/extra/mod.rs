//! The extra module: making a share link, and opening one (someone's progress, or a
//! manager's reply to it).
//!
//! It is built into its own wasm file (bin `share`, `src/bin/extra.rs`), which the app
//! loads only when someone shares or opens a link (`ui::lazy`): the codec and deflate
//! stay out of the first load. [`install`] hands the app two entry points through
//! `window.rungsModules.extra`. Everything here is built with plain DOM calls (`dom.rs`);
//! text from links and ladders goes in as text, never markup.
//!
//! It keeps its own keys in localStorage (`kept.rs`, `progress::share::keep`), by the
//! assessment id a link carries, and only ever reads the person's own progress:
//! opening a link never changes it. Every link it shows is made again from the
//! current state on each change and when it is copied.

mod compare;
mod fields;
mod kept;
mod panel;
mod reply;
mod shared;
mod summary;

use wasm_bindgen::closure::Closure;
use web_sys::Element;

use crate::progress::share::Entry;
use crate::progress::Rating;

/// Publishes `panel(host, role, level, progress_json)`, `open(host, link_text)` and
/// `compare(host, "role/level", "role/level" or "", progress_json)` and
/// `summary(host, role, level, progress_json)` as `window.rungsModules.extra`.
pub fn install() {
    let api = js_sys::Object::new();
    let panel = Closure::<dyn Fn(Element, String, String, String)>::new(panel::show);
    let open = Closure::<dyn Fn(Element, String)>::new(shared::show);
    for (name, entry) in [
        (
            "compare",
            compare::show as fn(Element, String, String, String),
        ),
        ("summary", summary::show),
    ] {
        let entry = Closure::<dyn Fn(Element, String, String, String)>::new(entry);
        let _ = js_sys::Reflect::set(&api, &name.into(), entry.as_ref());
        entry.forget();
    }
    let _ = js_sys::Reflect::set(&api, &"panel".into(), panel.as_ref());
    let _ = js_sys::Reflect::set(&api, &"open".into(), open.as_ref());
    // They live as long as the page.
    panel.forget();
    open.forget();
    crate::ui::lazy::publish("extra", &api);
}

thread_local! {
    static LADDER: std::rc::Rc<crate::ladder::Ladder> = std::rc::Rc::new(crate::ui::ladder());
}

/// The ladder: the one embedded at build time, and one imported in this browser. Built
/// once: views redraw on every change of progress, and an import or a removal reloads
/// the page.
fn ladder() -> std::rc::Rc<crate::ladder::Ladder> {
    LADDER.with(std::rc::Rc::clone)
}

/// A side's rating in words: `Performing`, or `Not rated`.
fn rated(entry: Option<&Entry>) -> &'static str {
    entry
        .and_then(|e| e.rating)
        .map_or("Not rated", Rating::label)
}

/// How many steps apart the two sides rated, when both did.
fn apart(own: Option<&Entry>, manager: Option<&Entry>) -> Option<u8> {
    let (a, b) = (own?.rating?, manager?.rating?);
    Some(a.step().abs_diff(b.step()))
}

/// A link to a level's own view: "Open L3: Senior Engineer".
fn open_level(role: &crate::ladder::Role, level: &crate::ladder::Level) -> Element {
    let href = crate::route::Route::level(&role.id, &level.id).to_fragment();
    crate::ui::dom::text(
        "a",
        &[("href", &href)],
        &format!("Open {}", level.heading()),
    )
}

/// The page address with `#/shared/<text>` as its fragment.
fn link_to(text: &str) -> String {
    let href = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!(
        "{base}{}",
        crate::route::Route::Shared(text.to_owned()).to_fragment()
    )
}
