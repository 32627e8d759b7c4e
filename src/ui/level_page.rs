//! A level page: title, summary, attributes, and each dimension with its expectations
//! and examples.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{add, el, focus, rich, text};
use super::lazy::{KnowPage, ShareButton};
use super::quiz_page::QuizPage;
use super::rating;
use super::store::ProgressStore;
use super::summary_page::SummaryPage;
use super::LadderState;
use crate::ladder::{Dimension, Level, Role};
use crate::route::{Route, View};

/// The level `level` of role `role`, scrolled to `focus` when given.
#[component]
pub fn LevelPage(
    /// Role id, `track/role`.
    role: String,
    /// Level id within the role, e.g. `l2`.
    level: String,
    /// Which view of the level.
    view: View,
    /// Element id to scroll to and highlight, e.g. `e-<expectation id>`.
    focus: Option<String>,
) -> impl IntoView {
    let state = LadderState::expect();
    let Some(r) = state.ladder.role(&role).cloned() else {
        return view! {
            <h1>"Role not found"</h1>
            <p>{format!("This ladder has no role “{role}”.")}</p>
            <p><a href="#/">"See all roles"</a></p>
        }
        .into_any();
    };
    let Some(index) = r.levels.iter().position(|l| l.id == level) else {
        let first = r
            .levels
            .first()
            .map(|l| Route::level(&r.id, &l.id).to_fragment());
        return view! {
            <h1>"Level not found"</h1>
            <p>{format!("{} has no level “{level}”.", r.name)}</p>
            {first.map(|href| view! { <p><a href=href>{format!("Open {}’s first level", r.name)}</a></p> })}
        }
        .into_any();
    };
    if let Some(target) = focus {
        request_animation_frame(move || reveal(&target));
    }
    let tabs = view_tabs(&r, &r.levels[index], view);
    let share = view! { <ShareButton role=r.id.clone() level=r.levels[index].id.clone() /> };
    let body = match view {
        View::Read => view! { <LevelView role=r index=index /> }.into_any(),
        View::Summary => view! { <SummaryPage role=r index=index /> }.into_any(),
        View::Check => view! { <QuizPage role=r index=index /> }.into_any(),
        View::Know => {
            let heading = format!("Know your ladder: {}", r.levels[index].heading());
            view! { <KnowPage role=r.id.clone() level=r.levels[index].id.clone() heading=heading /> }
                .into_any()
        }
        View::Checkins => super::lazy::checkins_page(r.id, level),
    };
    view! { {tabs} {share} {body} }.into_any()
}

/// Links between the views of one level; the current one is marked for screen readers.
fn view_tabs(role: &Role, level: &Level, current: View) -> impl IntoView {
    let links = View::ALL
        .into_iter()
        .map(|(v, _, name)| {
            let href = Route::level_view(&role.id, &level.id, v).to_fragment();
            let here = (v == current).then_some("page");
            view! { <li><a href=href aria-current=here>{name}</a></li> }
        })
        .collect_view();
    // A role with one level has nothing to compare it with by default: no dead end.
    let compare = (role.levels.len() > 1).then(|| {
        let href = Route::Compare {
            a: (role.id.clone(), level.id.clone()),
            b: None,
        }
        .to_fragment();
        view! { <li><a href=href>"Compare levels"</a></li> }
    });
    view! {
        <nav class="views" aria-label=format!("Views of {}", level.heading())>
            <ul>{links}{compare}</ul>
        </nav>
    }
}

/// The content of one level, with links to its neighbours, built with plain DOM calls
/// (see `dom.rs`): static ladder text, and a rating control per expectation served by
/// one listener per kind of event.
#[component]
fn LevelView(
    /// The role the level belongs to.
    role: Role,
    /// Index of the level in `role.levels`.
    index: usize,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| build(&host, &role, index));
    // The controls follow the progress: this tab's changes, another tab's, a reset;
    // and so does "5 of 12 rated".
    Effect::new(move |_| {
        store.with(|p| {
            if let Some(host) = host.get() {
                rating::sync(&host, p);
            }
        })
    });
    let on_event = move |e: web_sys::Event| {
        rating::handle(&e, store);
    };
    let on_click = move |e: web_sys::MouseEvent| {
        rating::handle(&e, store);
    };
    view! { <div class="level-view" node_ref=host on:change=on_event on:input=on_event on:click=on_click></div> }
}

/// Breadcrumbs, the level's text with a rating control per expectation, neighbours.
///
/// Leptos may keep the container when one level page replaces another, so whatever it
/// held goes first.
fn build(host: &Element, role: &Role, index: usize) {
    host.set_text_content(None);
    let level = &role.levels[index];
    let crumbs = el("nav", &[("class", "crumbs"), ("aria-label", "Breadcrumb")]);
    let list = el("ol", &[]);
    let home = el("li", &[]);
    add(&home, &text("a", &[("href", "#/")], "All roles"));
    add(&list, &home);
    add(&list, &text("li", &[], &role.track));
    add(&list, &text("li", &[], &role.name));
    add(&crumbs, &list);
    add(host, &crumbs);

    let article = el("article", &[("class", "level")]);
    add(&article, &text("h1", &[], &level.heading()));
    add(&article, &el("p", &[("class", "rated-count")]));
    // A kept reply's ratings, beside the person's own: drawn by the extra module.
    if !crate::storage::keys("rungs:kept:").is_empty() {
        let beside = el("div", &[("class", "kept-beside")]);
        add(&article, &beside);
        let args = js_sys::Array::of3(
            &role.id.as_str().into(),
            &level.id.as_str().into(),
            &"".into(),
        );
        super::lazy::call_in("extra", beside, "beside", args);
    }
    if !level.summary.is_empty() {
        let quote = el("blockquote", &[("class", "summary")]);
        let p = el("p", &[]);
        rich(&p, &level.summary);
        add(&quote, &p);
        add(&article, &quote);
    }
    if !level.attributes.is_empty() {
        let dl = el("dl", &[("class", "attributes")]);
        for a in &level.attributes {
            let row = el("div", &[]);
            add(&row, &text("dt", &[], &a.name));
            let dd = el("dd", &[]);
            rich(&dd, &a.value);
            add(&row, &dd);
            add(&dl, &row);
        }
        add(&article, &dl);
    }
    for (i, d) in level.dimensions.iter().enumerate() {
        add(&article, &dimension(d, i));
    }
    add(host, &article);

    let neighbours = el(
        "nav",
        &[("class", "neighbours"), ("aria-label", "Other levels")],
    );
    let prev = index.checked_sub(1).and_then(|i| role.levels.get(i));
    for (l, rel, word) in [
        (prev, "prev", "Previous level"),
        (role.levels.get(index + 1), "next", "Next level"),
    ] {
        if let Some(l) = l {
            let href = Route::level(&role.id, &l.id).to_fragment();
            add(
                &neighbours,
                &text(
                    "a",
                    &[("href", &href), ("rel", rel)],
                    &format!("{word}: {}", l.heading()),
                ),
            );
        }
    }
    add(host, &neighbours);
}

/// One dimension: heading with emoji, expectations, examples in a disclosure.
fn dimension(d: &Dimension, index: usize) -> Element {
    let heading_id = format!("d-{index}");
    let section = super::dom::section(
        "dimension",
        &heading_id,
        &super::dom::dimension_title(d.emoji.as_deref(), &d.name),
    );
    let body = el("div", &[("class", "dimension-body")]);
    let left = el("div", &[]);
    let list = el("ul", &[("class", "expectations")]);
    for x in &d.expectations {
        let li = el(
            "li",
            &[
                ("class", "expectation"),
                ("id", &format!("e-{}", x.id)),
                ("tabindex", "-1"),
            ],
        );
        let p = el("p", &[("class", "expectation-text")]);
        rich(&p, &x.text);
        add(&li, &p);
        add(&li, &rating::control(&x.id, &x.text.to_plain(), None));
        add(&list, &li);
    }
    add(&left, &list);
    if d.expectations.is_empty() {
        add(
            &left,
            &text("p", &[("class", "muted")], "No expectations listed."),
        );
    }
    add(&body, &left);
    if !d.examples.is_empty() {
        let details = el("details", &[("class", "examples"), ("open", "")]);
        add(
            &details,
            &text("summary", &[], &format!("Examples ({})", d.examples.len())),
        );
        let list = el("ul", &[]);
        for (j, x) in d.examples.iter().enumerate() {
            let li = el(
                "li",
                &[("id", &format!("x-{index}-{j}")), ("tabindex", "-1")],
            );
            rich(&li, x);
            add(&list, &li);
        }
        add(&details, &list);
        add(&body, &details);
    }
    add(&section, &body);
    section
}

/// Opens the disclosure around `id`, scrolls it into view, focuses and marks it.
fn reveal(id: &str) {
    let doc = document();
    let Some(el) = doc.get_element_by_id(id) else {
        return;
    };
    if let Ok(Some(details)) = el.closest("details") {
        if let Ok(details) = details.dyn_into::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
    }
    let _ = el.class_list().add_1("target");
    el.scroll_into_view();
    focus(id);
}
