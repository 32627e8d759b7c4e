//! The on-demand modules' views, wasm files that the app loads only on first use
//! (`ui::lazy`), so their code costs the first load nothing:
//!
//! - the extra module (bin `extra`, [`install`]): the summary report, comparing
//!   levels, and Your progress data's import, reset and undo;
//! - the checkins module (bin `checkins`, [`install_checkins`]): Save check-in and
//!   the Check-ins view;
//! - the explore module (bin `explore`, [`install_explore`]): Know your ladder and
//!   comparing levels;
//! - the share module (bin `share`, [`install_share`]): making a share link, and
//!   opening one (someone's progress, or a manager's reply to it), with the codec and
//!   deflate;
//! - the search module (bin `search`, [`install_search`]): search results and a
//!   ladder's guide pages, with the search index.
//!
//! Each publishes its entry points through `window.rungsModules.<name>`. Everything
//! here is built with plain DOM calls (`dom.rs`); text from links and ladders goes in
//! as text, never markup.
//!
//! The share views keep their own keys in localStorage (`share_storage.rs`,
//! `progress::share::keep`), by the assessment id a link carries. Opening a link never
//! changes the person's own progress: only Your progress data's import, reset and undo
//! (`data.rs`) do, through the app's store. Every link shown is made again from the
//! current state on each change and when it is copied.

mod bearings;
mod beside;
mod checkins;
mod compare;
mod data;
mod fields;
mod guide;
mod know;
mod panel;
mod reply;
mod search;
mod share_storage;
mod shared;
mod summary;

pub use data::DataAct;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::progress::share::Entry;
use crate::progress::Rating;

/// An entry point of the extra module that `ui::lazy` calls with a host, two strings,
/// the progress as JSON and the store's two doors (`read`, `write`, see
/// [`data::Doors`]); those that neither read nor change the progress are called with
/// fewer and ignore the rest. (One entry type for all: each more costs a module about
/// 1 KB of wasm.)
type EntryPoint = fn(Element, String, String, String, JsValue, JsValue);

/// Publishes `summary(host, role, level, progress_json, read, write)`,
/// `beside(host, role, level, "")` (a kept reply on Read and rate, see `beside.rs`),
/// `your_data(host, "", "", "")` (drawing Your progress data),
/// `bearings(host, "", "", progress_json)` (the home page's Continue),
/// `data(host, action, read, write, file)` (see `data.rs`) as `window.rungsModules.extra`.
pub fn install() {
    let api = js_sys::Object::new();
    for (name, entry) in [
        ("summary", summary::show as EntryPoint),
        ("beside", beside::show),
        ("your_data", data::draw),
        ("bearings", bearings::show),
    ] {
        let entry =
            Closure::<dyn Fn(Element, String, String, String, JsValue, JsValue)>::new(entry);
        let _ = js_sys::Reflect::set(&api, &name.into(), entry.as_ref());
        entry.forget();
    }
    let data = Closure::<dyn Fn(Element, String, js_sys::Function, js_sys::Function, JsValue)>::new(
        data::act,
    );
    let _ = js_sys::Reflect::set(&api, &"data".into(), data.as_ref());
    // They live as long as the page.
    data.forget();
    crate::ui::lazy::publish("extra", &api);
}

/// Publishes `know(host, role, level, read, write)` (Know your ladder, see `know.rs`)
/// and `compare(host, "role/level", "role/level" or "", read, write)` (one entry type:
/// each more costs the module about 1 KB of wasm) as `window.rungsModules.explore`.
pub fn install_explore() {
    let api = js_sys::Object::new();
    let compare =
        Closure::<dyn Fn(Element, String, String, js_sys::Function, js_sys::Function)>::new(
            compare::show,
        );
    let _ = js_sys::Reflect::set(&api, &"compare".into(), compare.as_ref());
    let know = Closure::<dyn Fn(Element, String, String, js_sys::Function, js_sys::Function)>::new(
        know::show,
    );
    let _ = js_sys::Reflect::set(&api, &"know".into(), know.as_ref());
    // They live as long as the page.
    compare.forget();
    know.forget();
    crate::ui::lazy::publish("explore", &api);
}

/// Publishes `checkins(host, role, level, progress_json)` (the Check-ins view) and
/// `checkin(panel, role, level, progress_json)` (the Save check-in panel) as
/// `window.rungsModules.checkins` (see `checkins.rs`).
pub fn install_checkins() {
    let api = js_sys::Object::new();
    let show = Closure::<dyn Fn(Element, String, String, String)>::new(checkins::show);
    let panel = Closure::<dyn Fn(Element, String, String, String)>::new(checkins::panel);
    let _ = js_sys::Reflect::set(&api, &"checkins".into(), show.as_ref());
    let _ = js_sys::Reflect::set(&api, &"checkin".into(), panel.as_ref());
    // They live as long as the page.
    show.forget();
    panel.forget();
    crate::ui::lazy::publish("checkins", &api);
}

/// Publishes `panel(host, role, level, progress_json)`, `open(host, link_text)`,
/// `checkin(host, head, items)` (sharing a saved check-in, see `panel.rs`) and
/// `kept(role, level)` (see `beside.rs`) as `window.rungsModules.share`.
pub fn install_share() {
    let api = js_sys::Object::new();
    let panel = Closure::<dyn Fn(Element, String, String, String)>::new(panel::show);
    let kept = Closure::<dyn Fn(String, String) -> wasm_bindgen::JsValue>::new(beside::kept);
    let _ = js_sys::Reflect::set(&api, &"panel".into(), panel.as_ref());
    let _ = js_sys::Reflect::set(&api, &"kept".into(), kept.as_ref());
    let open = Closure::<dyn Fn(Element, String)>::new(shared::show);
    let _ = js_sys::Reflect::set(&api, &"open".into(), open.as_ref());
    let checkin =
        Closure::<dyn Fn(Element, js_sys::Array, js_sys::Array)>::new(panel::show_checkin);
    let _ = js_sys::Reflect::set(&api, &"checkin".into(), checkin.as_ref());
    // They live as long as the page.
    panel.forget();
    open.forget();
    checkin.forget();
    kept.forget();
    crate::ui::lazy::publish("share", &api);
}

/// Publishes `search(host, query)` and `guide(host, id)` as
/// `window.rungsModules.search`.
pub fn install_search() {
    let api = js_sys::Object::new();
    for (name, entry) in [
        ("search", search::show as fn(Element, String)),
        ("guide", guide::show),
    ] {
        let entry = Closure::<dyn Fn(Element, String)>::new(entry);
        let _ = js_sys::Reflect::set(&api, &name.into(), entry.as_ref());
        // It lives as long as the page.
        entry.forget();
    }
    crate::ui::lazy::publish("search", &api);
}

type Cached = std::cell::RefCell<Option<std::rc::Rc<crate::ladder::Ladder>>>;

thread_local! {
    static LADDER: Cached = const { std::cell::RefCell::new(None) };
    static WITH_GUIDES: Cached = const { std::cell::RefCell::new(None) };
}

/// The ladder: the one embedded at build time, and one imported in this browser,
/// without the imported one's guide pages (`ui::ladder_without_guides`). Read once:
/// views redraw on every change of progress, and an import or a removal reloads the
/// page.
fn ladder() -> std::rc::Rc<crate::ladder::Ladder> {
    LADDER.with(|l| cached(l, crate::ui::ladder_without_guides))
}

/// [`ladder`] with every guide page: for search and the guide pages.
fn ladder_with_guides() -> std::rc::Rc<crate::ladder::Ladder> {
    WITH_GUIDES.with(|l| cached(l, crate::ui::ladder))
}

/// The ladder in `cache`, read by `read` the first time.
fn cached(
    cache: &Cached,
    read: fn() -> crate::ladder::Ladder,
) -> std::rc::Rc<crate::ladder::Ladder> {
    std::rc::Rc::clone(
        cache
            .borrow_mut()
            .get_or_insert_with(|| std::rc::Rc::new(read())),
    )
}

/// Drops the ladder the modules read at first use, so that the next view reads it
/// again: how the wasm tests start a module afresh in one page, where the app reloads.
pub fn forget_ladder() {
    LADDER.with(|l| l.borrow_mut().take());
    WITH_GUIDES.with(|l| l.borrow_mut().take());
}

/// A side's rating in words: `Performing`, or `Not rated`.
fn rated(entry: Option<&Entry>) -> &'static str {
    entry
        .and_then(|e| e.rating)
        .map_or("Not rated", Rating::label)
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
    address_of(&crate::route::Route::shared_fragment(text))
}

/// The page address with `fragment` (`#/...`) as its fragment: a link that works from
/// anywhere. (A fragment rather than a `Route`: `Route::to_fragment` brings every
/// route's code with it.)
fn address_of(fragment: &str) -> String {
    let href = leptos::prelude::window()
        .location()
        .href()
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}
