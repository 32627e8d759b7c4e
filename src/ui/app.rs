//! The whole app: header with pickers and search, the page the route names, notices.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::banner::StorageBanner;
use super::header::Header;
use super::home::Home;
use super::lazy::{ComparePage, GuidePage, ImportPage, SearchPage, SharedPage};
use super::level_page::{EveryonePage, LevelPage};
use super::not_found::NotFound;
use super::{LadderState, ProgressStore, Router};
use crate::ladder::Ladder;
use crate::page_note::BuildError;
use crate::route::Route;

/// Rungs, showing `ladder`.
#[component]
pub fn App(
    /// The ladder to show.
    ladder: Ladder,
    /// Errors its import reported: each page they touch says so in a short note.
    #[prop(optional)]
    problems: Vec<BuildError>,
) -> impl IntoView {
    LadderState::provide(ladder, problems);
    let router = Router::provide();
    ProgressStore::provide();
    let state = LadderState::expect();

    // Keep the document title in step with the page.
    Effect::new(move |_| {
        let title = page_title(&state, &router.route());
        document().set_title(&title);
    });
    print_opens_examples();

    let page = move || match router.route() {
        Route::Home => view! { <Home /> }.into_any(),
        Route::Level {
            role,
            level,
            view,
            focus,
        } => view! { <LevelPage role=role level=level view=view focus=focus /> }.into_any(),
        Route::Search { query } => view! { <SearchPage query=query /> }.into_any(),
        Route::Shared(link) => view! { <SharedPage link=link /> }.into_any(),
        Route::Compare { a, b } => view! { <ComparePage a=a b=b /> }.into_any(),
        Route::Import => view! { <ImportPage /> }.into_any(),
        Route::Guide(id) => view! { <GuidePage id=id /> }.into_any(),
        Route::Everyone(id) => view! { <EveryonePage id=id /> }.into_any(),
        Route::NotFound(raw) => view! { <NotFound raw=raw /> }.into_any(),
    };

    view! {
        <a class="skip" href="#main" on:click=skip_to_main>
            "Skip to content"
        </a>
        <Header />
        <main id="main" tabindex="-1">
            <StorageBanner />
            {page}
        </main>
        <footer class="foot">
            <p>"Rungs runs in your browser; nothing you enter leaves it."</p>
            <p id=super::persistent_storage::STATE_ID role="status"></p>
        </footer>
    }
}

/// The skip link moves focus without touching the route fragment.
fn skip_to_main(ev: ev::MouseEvent) {
    ev.prevent_default();
    super::dom::focus("main");
}

fn page_title(state: &LadderState, route: &Route) -> String {
    let name = match route {
        Route::Home => return "Rungs: career ladders".to_string(),
        Route::Level {
            role, level, view, ..
        } => {
            let what = view.title_prefix();
            state
                .ladder()
                .role(role)
                .and_then(|r| {
                    r.level(level)
                        .map(|l| format!("{what}{} · {}", l.heading(), r.name))
                })
                .unwrap_or_else(|| "Level not found".to_string())
        }
        Route::Search { query } if query.is_empty() => "Search".to_string(),
        Route::Search { query } => format!("Search: {query}"),
        Route::Shared(_) => "Shared progress".to_string(),
        Route::Compare { .. } => "Compare levels".to_string(),
        Route::Import => "Import a ladder".to_string(),
        Route::Guide(id) => state
            .ladder()
            .guide(id)
            .map_or_else(|| "Page not found".to_string(), |g| g.title.clone()),
        Route::Everyone(id) => state.ladder().everyone_page(id).map_or_else(
            || "Page not found".to_string(),
            super::level_page::everyone_title,
        ),
        Route::NotFound(_) => "Page not found".to_string(),
    };
    format!("{name} · Rungs")
}

/// Printing shows every example: open closed disclosures before, close them again after.
fn print_opens_examples() {
    let before = window_event_listener(ev::beforeprint, |_| {
        for d in closed_details() {
            d.set_open(true);
            let _ = d.set_attribute("data-print-opened", "");
        }
    });
    let after = window_event_listener(ev::afterprint, |_| {
        if let Ok(list) = document().query_selector_all("details[data-print-opened]") {
            for i in 0..list.length() {
                if let Some(d) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                {
                    d.set_open(false);
                    let _ = d.remove_attribute("data-print-opened");
                }
            }
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

fn closed_details() -> Vec<web_sys::HtmlDetailsElement> {
    let mut out = Vec::new();
    if let Ok(list) = document().query_selector_all("details:not([open])") {
        for i in 0..list.length() {
            if let Some(d) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            {
                out.push(d);
            }
        }
    }
    out
}
