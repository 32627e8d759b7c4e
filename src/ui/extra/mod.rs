//! The views of the on-demand modules, wasm files that the app loads only on first use
//! (`crate::modules`, which says what each module can be asked and which view answers
//! it), so their code costs the first load nothing: the summary report, Your progress
//! data, Continue and a kept reply (the extra module); Save check-in and Check-ins
//! (checkins); Know your ladder and Compare levels (explore); the share panel and a
//! share link opened (share); search and guide pages (search).
//!
//! Everything here is built with plain DOM calls (`dom.rs`); text from links and
//! ladders goes in as text, never markup.
//!
//! The share views keep their own keys in localStorage (`share_storage.rs`,
//! `progress::share::keep`), by the assessment id a link carries. Opening a link never
//! changes the person's own progress: only Your progress data's import, reset and undo
//! (`data.rs`) do, through the app's store. Every link shown is made again from the
//! current state on each change and when it is copied.

pub mod bearings;
pub mod beside;
pub mod checkins;
pub mod compare;
pub mod data;
mod fields;
pub mod guide;
pub mod know;
pub mod panel;
mod reply;
pub mod search;
mod share_storage;
pub mod shared;
pub mod summary;

pub use data::DataAct;

use web_sys::Element;

use crate::progress::share::Entry;
use crate::progress::Rating;

type Cached = std::cell::RefCell<Option<std::rc::Rc<crate::ladder::Ladder>>>;

thread_local! {
    static LADDER: Cached = const { std::cell::RefCell::new(None) };
    static WITH_GUIDES: Cached = const { std::cell::RefCell::new(None) };
}

/// The ladder: the one embedded at build time, and one imported in this browser,
/// without their guide pages (`ui::ladder_without_guides`). Read once:
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
    let href = crate::ui::address::href_of(&crate::route::Route::level_fragment(
        &role.id,
        &level.id,
        crate::route::View::Read,
    ));
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

/// The app's root address with `fragment` (`#/...`) as its fragment: a link that works
/// from anywhere. (A fragment rather than a `Route`: `Route::to_fragment` brings every
/// route's code with it.)
fn address_of(fragment: &str) -> String {
    let origin = leptos::prelude::window()
        .location()
        .origin()
        .unwrap_or_default();
    format!("{origin}{}", crate::ui::address::at_root(fragment))
}
