//! Where each route lives: the app's root and a route's address below it
//! (`route::address`), for the app and the on-demand modules alike.

use std::cell::OnceCell;

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

use crate::route::Route;

thread_local! {
    static ROOT: OnceCell<String> = const { OnceCell::new() };
}

/// Whether the build wrote pages for what a page is of (`route::PageOf`): the embedded
/// ladder's, whose index (`ui::ladder_files`) names each role, guide and expectations
/// for everyone at the start of a line of its own. A search of that text where it is
/// kept, not the model read from it, so that no module carries a reader only for this.
fn built(kind: char, id: &str) -> bool {
    super::ladder_files::holds(&format!("\n{kind}\t{id}\t"))
}

/// The app's root path, e.g. `/` or `/rungs/`: what `<meta name="rungs-root">` says,
/// relative to the page the app started on. The app writes it back as this absolute
/// path at its start ([`fix_root`]), so a module loaded after the address changed
/// still reads the same root.
pub fn root() -> String {
    ROOT.with(|root| {
        root.get_or_init(|| {
            let meta = document()
                .query_selector("meta[name=rungs-root]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"))
                .unwrap_or_else(|| "./".to_string());
            let here = window().location().href().unwrap_or_default();
            web_sys::Url::new_with_base(&meta, &here)
                .map(|u| u.pathname())
                .unwrap_or_else(|_| "/".to_string())
        })
        .clone()
    })
}

/// Writes the root into `<meta name="rungs-root">` as an absolute path (see [`root`]),
/// and the addresses of the page's icons, which the browser asks for again after each
/// change of address, as absolute addresses: a page in a folder of its own names them
/// relative to itself, which the app's next address is not. (Only the icons: a
/// stylesheet or preload whose address is set again is fetched again.)
pub fn fix_root() {
    let root = root();
    if let Ok(Some(meta)) = document().query_selector("meta[name=rungs-root]") {
        let _ = meta.set_attribute("content", &root);
    }
    let here = window().location().href().unwrap_or_default();
    let Ok(links) = document().query_selector_all("head link[rel$=icon]") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if let Ok(url) = web_sys::Url::new_with_base(&href, &here) {
            let _ = link.set_attribute("href", &url.href());
        }
    }
}

/// The address of `route`: its page's path when the build wrote one, else the root's
/// fragment (`route::address`).
pub fn href(route: &Route) -> String {
    href_of(&route.to_fragment())
}

/// The home page's address.
pub fn home() -> String {
    href_of("#/")
}

/// The address of a route that has no page of its own, a shared link's above all: the
/// root and `fragment` (no need to ask [`href_of`]).
pub fn at_root(fragment: &str) -> String {
    format!("{}{fragment}", root())
}

/// The address of the route at `fragment` (`#/...`), as [`href`] gives it: for the
/// modules that link one and need no other route (see `Route::level_fragment`).
pub fn href_of(fragment: &str) -> String {
    crate::route::address(&root(), fragment, built)
}

/// The route at the current address: its path below the root, its query and its
/// fragment (`Route::at`).
pub fn current() -> Route {
    let loc = window().location();
    let path = loc.pathname().unwrap_or_default();
    let root = root();
    match path
        .strip_prefix(&root)
        .or_else(|| (path == root.trim_end_matches('/')).then_some(""))
    {
        Some(below) => Route::at(
            below,
            &loc.search().unwrap_or_default(),
            &loc.hash().unwrap_or_default(),
        ),
        None => Route::NotFound(path),
    }
}

/// Goes to `route`: a new history entry (or the current one replaced, when `replace`),
/// then [`changed`].
pub fn go(route: &Route, replace: bool) {
    set_address(&href(route), replace);
    changed();
}

/// Says that the address changed in place, as the back button does: a `popstate`
/// event, which the app's router and `public/phone.js` follow.
pub fn changed() {
    if let Ok(event) = web_sys::Event::new("popstate") {
        let _ = window().dispatch_event(&event);
    }
}

/// Sets the address bar to `url` without loading it.
pub fn set_address(url: &str, replace: bool) {
    if let Ok(history) = window().history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if replace {
            history.replace_state_with_url(&null, "", Some(url))
        } else {
            history.push_state_with_url(&null, "", Some(url))
        };
    }
}
