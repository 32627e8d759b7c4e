//! The header on every page: home link, Role and Level pickers, search box.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{LadderState, Router};
use crate::ladder::Ladder;
use crate::route::Route;

/// Brand, pickers and search.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="top">
            <a class="brand" href="#/">
                "Rungs"
            </a>
            <Pickers />
            <SearchBox />
        </header>
    }
}

/// The "Role" and "Level" pickers; changing one opens that level.
#[component]
fn Pickers() -> impl IntoView {
    let state = LadderState::expect();
    let router = Router::expect();
    let current = move || match router.route() {
        Route::Level { role, level, .. } => (role, level),
        _ => (String::new(), String::new()),
    };
    let ladder = state.ladder.clone();
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
    let ladder = state.ladder.clone();
    let role_options = ladder
        .tracks()
        .into_iter()
        .map(|track| {
            let roles = ladder
                .roles
                .iter()
                .filter(|r| r.track == track)
                .map(|r| {
                    let id = r.id.clone();
                    let selected = move || current().0 == id;
                    view! {
                        <option value=r.id.clone() selected=selected>
                            {r.name.clone()}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=track.to_string()>{roles}</optgroup> }
        })
        .collect_view();
    let ladder = state.ladder.clone();
    let level_options = move || {
        let (role_id, level_id) = current();
        match ladder.role(&role_id) {
            Some(role) => role
                .levels
                .iter()
                .map(|l| {
                    let text = l.heading();
                    view! {
                        <option value=l.id.clone() selected=l.id == level_id>
                            {text}
                        </option>
                    }
                })
                .collect_view()
                .into_any(),
            None => view! { <option value="">"Choose a role first"</option> }.into_any(),
        }
    };
    let no_role = move || current().0.is_empty();
    view! {
        <nav class="pickers" aria-label="Ladder navigation">
            <div class="field">
                <label for="role-picker">"Role"</label>
                <select id="role-picker" on:change=on_role prop:value=move || current().0>
                    <option value="" disabled=true selected=no_role>
                        "Choose a role…"
                    </option>
                    {role_options}
                </select>
            </div>
            <div class="field">
                <label for="level-picker">"Level"</label>
                <select id="level-picker" on:change=on_level disabled=no_role prop:value=move || current().1>
                    {level_options}
                </select>
            </div>
        </nav>
    }
}

/// The level to open when the role changes: the same level id if the role has it, else its first.
fn level_for_role(ladder: &Ladder, role_id: &str, level_id: &str) -> Option<String> {
    let role = ladder.role(role_id)?;
    role.level(level_id).or(role.levels.first()).map(|l| l.id.clone())
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
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_somewhere(&ev) {
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
        <form class="search" role="search" on:submit=on_submit>
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
            <kbd class="hint" aria-hidden="true">"/"</kbd>
        </form>
    }
}

/// True when the key went to a text field, a select or an editable element.
fn typing_somewhere(ev: &ev::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some()
}
