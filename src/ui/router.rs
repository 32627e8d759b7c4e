//! The URL fragment as a signal: links, the back button and the pickers all go through it.

use leptos::ev;
use leptos::prelude::*;

use crate::route::Route;

/// The current route, kept in step with `location.hash`.
#[derive(Clone, Copy)]
pub struct Router {
    route: RwSignal<Route>,
}

impl Router {
    /// Reads the current fragment and follows every later change of it.
    pub fn provide() -> Router {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let sync = move || {
            let next = Route::parse(&current_hash());
            if route.get_untracked() != next {
                route.set(next);
            }
        };
        let on_hash = window_event_listener(ev::hashchange, move |_| sync());
        let on_pop = window_event_listener(ev::popstate, move |_| sync());
        on_cleanup(move || {
            on_hash.remove();
            on_pop.remove();
        });
        let router = Router { route };
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
        let fragment = to.to_fragment();
        if let Ok(history) = window().history() {
            let url = format!("{}{}", path_and_query(), fragment);
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        }
        self.route.set(to);
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

fn path_and_query() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}
