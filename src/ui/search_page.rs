//! Search results across every role and level, built with plain DOM calls (see
//! `dom.rs`): a list of links, each hit's words with the matches marked.

use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{add, el, text};
use super::LadderState;
use crate::ladder::Ladder;
use crate::route::{Route, View};
use crate::search::{search, split_marks};

const SHOWN: usize = 100;

/// The hits for `query`, each saying where it lives and linking there.
#[component]
pub fn SearchPage(
    /// What was searched for.
    query: String,
) -> impl IntoView {
    let state = LadderState::expect();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| build(&host, &state.ladder, &query));
    view! { <div class="search-page" node_ref=host></div> }
}

/// Leptos may keep the container from the previous search, so it is emptied first.
fn build(host: &Element, ladder: &Ladder, query: &str) {
    host.set_text_content(None);
    let hits = search(ladder, query);
    let q = query.trim();
    let status = match (q.is_empty(), hits.len()) {
        (true, _) => {
            "Type in the search box to find expectations and examples in every role and level."
                .to_string()
        }
        (false, 0) => format!("No results for “{q}”."),
        (false, 1) => format!("1 result for “{q}”."),
        (false, n) if n > SHOWN => format!("{n} results for “{q}”; showing the first {SHOWN}."),
        (false, n) => format!("{n} results for “{q}”."),
    };
    add(host, &text("h1", &[], "Search"));
    add(
        host,
        &text("p", &[("class", "status"), ("role", "status")], &status),
    );
    let list = el("ol", &[("class", "hits")]);
    for hit in hits.into_iter().take(SHOWN) {
        let href = Route::Level {
            role: hit.role_id.clone(),
            level: hit.level_id.clone(),
            view: View::Read,
            focus: hit.anchor.clone(),
        }
        .to_fragment();
        let li = el("li", &[("class", "hit")]);
        let a = el("a", &[("href", &href)]);
        let words = el("span", &[("class", "hit-text")]);
        for (piece, marked) in split_marks(&hit.text, &hit.marks) {
            if marked {
                add(&words, &text("mark", &[], piece));
            } else {
                let _ = words.append_with_str_1(piece);
            }
        }
        add(&a, &words);
        add(
            &a,
            &text(
                "span",
                &[("class", "hit-where")],
                &format!("{} · {}", hit.kind.label(), hit.location),
            ),
        );
        add(&li, &a);
        add(&list, &li);
    }
    add(host, &list);
}
