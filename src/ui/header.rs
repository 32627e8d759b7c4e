//! The header on every page: home link, Role and Level pickers, search box.
//!
//! On narrow screens (`style/main.css`) the header is one line: the brand, one button
//! naming the current role and level that opens the pickers (`#ladder-nav`), and a
//! Search button that opens the search box (`#search-form`); `public/phone.js` adds
//! those two buttons, which only narrow screens show.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use web_sys::Element;

use super::dom::{add, markup, typing};
use super::{LadderState, Router};
use crate::ladder::Ladder;
use crate::route::Route;

/// Brand, pickers and search.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="top">
            <a class="brand" href=crate::ui::address::home()>
                "Rungs"
            </a>
            <Pickers />
            <SearchBox />
        </header>
    }
}

/// The "Role" and "Level" pickers; changing one opens that level. Their options are
/// built with plain DOM calls (see `dom.rs`) and follow the route.
#[component]
fn Pickers() -> impl IntoView {
    let state = LadderState::expect();
    let router = Router::expect();
    let current = move || match router.route() {
        // Compare keeps them on its first level.
        Route::Level { role, level, .. }
        | Route::Compare {
            a: (role, level), ..
        } => (role, level),
        _ => (String::new(), String::new()),
    };
    let ladder = state.ladder();
    let on_role = move |ev: ev::Event| {
        let role_id = event_target_value(&ev);
        if let Some(level) = level_for_role(&ladder, &role_id, &current().1) {
            router.go(Route::level(&role_id, &level), false);
        }
    };
    let on_level = move |ev: ev::Event| {
        let level = event_target_value(&ev);
        let role = current().0;
        if !role.is_empty() && !level.is_empty() {
            router.go(Route::level(&role, &level), false);
        }
    };
    let roles = NodeRef::<html::Select>::new();
    let levels = NodeRef::<html::Select>::new();
    let ladder = state.ladder();
    roles.on_load(move |select| role_options(&select, &ladder));
    let ladder = state.ladder();
    Effect::new(move |_| {
        let (role_id, level_id) = current();
        if let (Some(roles), Some(levels)) = (roles.get(), levels.get()) {
            roles.set_value(&role_id);
            level_options(&levels, &ladder, &role_id);
            levels.set_value(&level_id);
            levels.set_disabled(role_id.is_empty());
        }
    });
    view! {
        <nav class="pickers" id="ladder-nav" aria-label="Ladder navigation">
            <div class="field">
                <label for="role-picker">"Role"</label>
                <select id="role-picker" node_ref=roles on:change=on_role></select>
            </div>
            <div class="field">
                <label for="level-picker">"Level"</label>
                <select id="level-picker" node_ref=levels on:change=on_level></select>
            </div>
        </nav>
    }
}

/// "Choose a role…", then each track's roles in an option group.
fn role_options(select: &Element, ladder: &Ladder) {
    select.set_text_content(None);
    let choose = markup! { option(value = "", disabled = "") { "Choose a role…" } };
    add(select, &choose);
    for track in ladder.tracks() {
        let group = markup! {
            optgroup(label = track) [
                for r in (&ladder.roles) [
                    if (r.track == track) [ option(value = r.id) { r.name } ]
                ]
            ]
        };
        add(select, &group);
    }
}

/// The levels of role `role_id`, or "Choose a role first".
fn level_options(select: &Element, ladder: &Ladder, role_id: &str) {
    select.set_text_content(None);
    match ladder.role(role_id) {
        Some(role) => {
            for l in &role.levels {
                add(select, &markup! { option(value = l.id) { l.heading() } });
            }
        }
        None => add(
            select,
            &markup! { option(value = "") { "Choose a role first" } },
        ),
    }
}

/// The level to open when the role changes: the same level id if the role has it, else its first.
fn level_for_role(ladder: &Ladder, role_id: &str, level_id: &str) -> Option<String> {
    let role = ladder.role(role_id)?;
    role.level(level_id)
        .or(role.levels.first())
        .map(|l| l.id.clone())
}

/// One search box, focused by `/`, whose results page follows every keystroke.
#[component]
fn SearchBox() -> impl IntoView {
    let router = Router::expect();
    let input = NodeRef::<html::Input>::new();
    let query = move || match router.route() {
        Route::Search { query } => query,
        _ => String::new(),
    };
    let on_input = move |ev: ev::Event| {
        let q = event_target_value(&ev);
        let on_search = matches!(router.route_untracked(), Route::Search { .. });
        router.go(Route::Search { query: q }, on_search);
    };
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get().map(|i| i.value()).unwrap_or_default();
        let on_search = matches!(router.route_untracked(), Route::Search { .. });
        router.go(Route::Search { query: q }, on_search);
    };
    let slash = window_event_listener(ev::keydown, move |ev: ev::KeyboardEvent| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        if let Some(i) = input.get() {
            ev.prevent_default();
            let _ = i.focus();
            i.select();
        }
    });
    on_cleanup(move || slash.remove());
    view! {
        <form class="search" id="search-form" role="search" on:submit=on_submit>
            <label for="search-box">"Search"</label>
            <input
                id="search-box"
                type="search"
                node_ref=input
                placeholder="Expectations and examples"
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                prop:value=query
                on:input=on_input
            />
            <kbd class="hint" aria-hidden="true">
                "/"
            </kbd>
        </form>
    }
}
