//! Search results across every role and level.

use leptos::prelude::*;

use super::LadderState;
use crate::route::{Route, View};
use crate::search::{search, split_marks, Hit};

const SHOWN: usize = 100;

/// The hits for `query`, each saying where it lives and linking there.
#[component]
pub fn SearchPage(
    /// What was searched for.
    query: String,
) -> impl IntoView {
    let state = LadderState::expect();
    let hits = search(&state.ladder, &query);
    let total = hits.len();
    let status = match (query.trim().is_empty(), total) {
        (true, _) => "Type in the search box to find expectations and examples in every role and level.".to_string(),
        (false, 0) => format!("No results for “{}”.", query.trim()),
        (false, 1) => format!("1 result for “{}”.", query.trim()),
        (false, n) if n > SHOWN => format!("{n} results for “{}”; showing the first {SHOWN}.", query.trim()),
        (false, n) => format!("{n} results for “{}”.", query.trim()),
    };
    let items = hits.into_iter().take(SHOWN).map(hit_view).collect_view();
    view! {
        <h1>"Search"</h1>
        <p class="status" role="status">{status}</p>
        <ol class="hits">{items}</ol>
    }
}

fn hit_view(hit: Hit) -> impl IntoView {
    let href = Route::Level {
        role: hit.role_id.clone(),
        level: hit.level_id.clone(),
        view: View::Read,
        focus: hit.anchor.clone(),
    }
    .to_fragment();
    let pieces = split_marks(&hit.text, &hit.marks)
        .into_iter()
        .map(|(t, marked)| {
            let t = t.to_string();
            if marked { view! { <mark>{t}</mark> }.into_any() } else { t.into_any() }
        })
        .collect_view();
    view! {
        <li class="hit">
            <a href=href>
                <span class="hit-text">{pieces}</span>
                <span class="hit-where">{format!("{} · {}", hit.kind.label(), hit.location)}</span>
            </a>
        </li>
    }
}
