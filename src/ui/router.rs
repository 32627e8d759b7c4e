//! The address as a signal: links, the back button and the pickers all go through it.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{address, ladder_files, LadderState};
use crate::route::Route;

/// The current route, kept in step with the address (`ui::address`).
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

impl Router {
    /// Reads the current address and follows every later change of it. An old fragment
    /// address of a page the build wrote (`#/engineering/sre/l2`) becomes that page's
    /// address. A click on a link to one of the app's own addresses changes the address
    /// in place, without loading a page.
    pub fn provide() -> Router {
        address::fix_root();
        let first = address::current();
        let canonical = address::href(&first);
        if window().location().hash().unwrap_or_default().len() > 1 && !canonical.contains('#') {
            address::set_address(&canonical, true);
        }
        let router = Router {
            route: RwSignal::new(first),
        };
        let sync = move || router.show(address::current());
        let on_hash = window_event_listener(ev::hashchange, move |_| sync());
        let on_pop = window_event_listener(ev::popstate, move |_| sync());
        let on_click = window_event_listener(ev::click, move |e| {
            if let Some(url) = own_link(&e) {
                e.prevent_default();
                address::set_address(&url, false);
                address::changed();
            }
        });
        on_cleanup(move || {
            on_hash.remove();
            on_pop.remove();
            on_click.remove();
        });
        provide_context(router);
        router
    }

    /// The router provided by `App`.
    pub fn expect() -> Router {
        expect_context::<Router>()
    }

    pub fn route(&self) -> Route {
        self.route.get()
    }

    pub fn route_untracked(&self) -> Route {
        self.route.get_untracked()
    }

    /// Goes to `to`, adding a history entry, or replacing the current one when `replace`.
    pub fn go(&self, to: Route, replace: bool) {
        address::go(&to, replace);
        self.show(to);
    }

    /// Shows `next`: at once, or, for a level, once the page has loaded its file
    /// (`ui::ladder_files`; in the same task when it had), if the address still names
    /// it then. When the file cannot load, the page shown stays, and says so
    /// (`public/lazy.js`).
    fn show(self, next: Route) {
        if self.route.get_untracked() == next {
            return;
        }
        let Route::Level { role, level, .. } = &next else {
            return self.route.set(next);
        };
        let level = Some((role.clone(), level.clone()));
        let then = move |loaded: bool| {
            LadderState::read_again();
            if loaded && address::current() == next {
                self.route.set(next);
            }
        };
        ladder_files::load_level(level, Box::new(then));
    }
}

/// The address a plain click on a link to one of the app's pages goes to: not a click
/// with a modifier or another button, nor on a link that opens elsewhere or downloads.
fn own_link(e: &web_sys::MouseEvent) -> Option<String> {
    if e.default_prevented()
        || e.button() != 0
        || e.ctrl_key()
        || e.meta_key()
        || e.shift_key()
        || e.alt_key()
    {
        return None;
    }
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let a = target
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let hash = a.hash();
    if !a.target().is_empty()
        || a.has_attribute("download")
        || (hash.len() > 1 && !hash.starts_with("#/"))
    {
        return None;
    }
    let here = window().location();
    let below = a.pathname().strip_prefix(&address::root())?.to_string();
    let page = below.is_empty() || below.ends_with('/') || below == "index.html";
    (a.origin() == here.origin().ok()? && page).then(|| a.href())
}
