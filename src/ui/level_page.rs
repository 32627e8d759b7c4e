//! A level page: title, summary, attributes, and each dimension with its expectations
//! and examples.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::check_page::CheckPage;
use super::dom::{add, el, focus, markup, rich_linked};
use super::lazy::{KnowPage, ShareButton};
use super::rating;
use super::store::ProgressStore;
use super::summary_page::SummaryPage;
use super::LadderState;
use crate::ladder::{Dimension, Everyone, Expectation, Ladder, Level, Role, Text};
use crate::modules::{self, Extra};
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
    let Some(r) = state.ladder().role(&role).cloned() else {
        return view! {
            <h1>"Role not found"</h1>
            <p>{format!("This ladder has no role “{role}”.")}</p>
            <p>
                <a href=crate::ui::address::home()>"See all roles"</a>
            </p>
        }
        .into_any();
    };
    let Some(index) = r.levels.iter().position(|l| l.id == level) else {
        let first = r
            .levels
            .first()
            .map(|l| crate::ui::address::href(&Route::level(&r.id, &l.id)));
        return view! {
            <h1>"Level not found"</h1>
            <p>{format!("{} has no level “{level}”.", r.name)}</p>
            {first
                .map(|href| {
                    view! {
                        <p>
                            <a href=href>{format!("Open {}’s first level", r.name)}</a>
                        </p>
                    }
                })}
        }
        .into_any();
    };
    if let Some(target) = focus {
        request_animation_frame(move || reveal(&target));
    }
    let tabs = view_tabs(&r, &r.levels[index], view);
    let note = page_note(&state, &r.levels[index].source, true);
    let share = view! { <ShareButton role=r.id.clone() level=r.levels[index].id.clone() /> };
    let body = match view {
        View::Read => view! { <LevelView role=r index=index /> }.into_any(),
        View::Summary => view! { <SummaryPage role=r index=index /> }.into_any(),
        View::Check => view! { <CheckPage role=r index=index /> }.into_any(),
        View::Know => {
            let heading = format!("Know your ladder: {}", r.levels[index].heading());
            view! { <KnowPage role=r.id.clone() level=r.levels[index].id.clone() heading=heading /> }
                .into_any()
        }
        View::Checkins => super::lazy::checkins_page(r.id, level),
    };
    view! {
        {tabs}
        {share}
        {note}
        {body}
    }
    .into_any()
}

/// The short note on a page read from file `source` that a build error touched
/// (`page_note::note`), if any.
pub fn page_note(state: &LadderState, source: &str, level: bool) -> Option<impl IntoView> {
    crate::page_note::note(&state.problems, source, level).map(|words| {
        view! {
            <p class="page-note" role="note">
                {words}
            </p>
        }
    })
}

/// Links between the views of one level; the current one is marked for screen readers.
fn view_tabs(role: &Role, level: &Level, current: View) -> impl IntoView {
    let links = View::ALL
        .into_iter()
        .map(|(v, _, name)| {
            let href = crate::ui::address::href(&Route::level_view(&role.id, &level.id, v));
            let here = (v == current).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=here>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    // A role with one level has nothing to compare it with by default: no dead end.
    let compare = (role.levels.len() > 1).then(|| {
        let href = crate::ui::address::href(&Route::Compare {
            a: (role.id.clone(), level.id.clone()),
            b: None,
        });
        view! {
            <li>
                <a href=href>"Compare levels"</a>
            </li>
        }
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
    let ladder = LadderState::expect().ladder();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| build(&host, &ladder, &role, index));
    rated(host)
}

/// The container of a page with rating controls, `host`: its controls follow the
/// progress (this tab's changes, another tab's, a reset), and so does "5 of 12
/// rated"; they rate on change.
fn rated(host: NodeRef<html::Div>) -> impl IntoView {
    let store = ProgressStore::expect();
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
    view! {
        <div
            class="level-view"
            node_ref=host
            on:change=on_event
            on:input=on_event
            on:click=on_click
        ></div>
    }
}

/// The page of expectations for everyone `id`: its text, each expectation rated as on
/// the level pages.
#[component]
pub fn EveryonePage(
    /// `Everyone::id`, e.g. `everyone` or `support/everyone`.
    id: String,
) -> impl IntoView {
    let state = LadderState::expect();
    let Some(everyone) = state.ladder().everyone_page(&id).cloned() else {
        return view! {
            <h1>"Page not found"</h1>
            <p>"This ladder has no such page of expectations for everyone."</p>
            <p>
                <a href=crate::ui::address::home()>"See all roles"</a>
            </p>
        }
        .into_any();
    };
    let note = page_note(&state, &everyone.level.source, false);
    let ladder = state.ladder();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| build_everyone(&host, &ladder, &everyone));
    view! {
        {note}
        {rated(host)}
    }
    .into_any()
}

/// Breadcrumbs, the title, summary and each dimension of a page of expectations for
/// everyone, with a rating control per expectation.
fn build_everyone(host: &Element, ladder: &Ladder, everyone: &Everyone) {
    host.set_text_content(None);
    let level = &everyone.level;
    let href = |t: &str| crate::links::href(ladder, &level.source, t);
    add(
        host,
        &crumbs(&[everyone.track.as_deref().unwrap_or("Every track")]),
    );
    let article = markup! {
        article(class = "level") [
            h1 { everyone_title(everyone) }
            p(class = "lede") {
                "Asked of every role, at every level: rated once, counted on each level’s summary."
            }
            if (!level.summary.is_empty()) [
                (linked(markup! { p(class = "summary") [] }, &level.summary, &href))
            ]
            for (i, d) in (level.dimensions.iter().enumerate()) [
                (dimension(&group(d), i, &href))
            ]
        ]
    };
    add(host, &article);
}

/// Dimension `d`, named for everyone when the ladder gives it no name.
fn group(d: &Dimension) -> Dimension {
    let mut d = d.clone();
    if d.name.trim().is_empty() && d.emoji.is_none() {
        d.name = crate::everyone::GROUP.to_string();
    }
    d
}

/// `e` with ladder text `t` in it, its links sent through `href` (`dom::rich_linked`).
fn linked(e: Element, t: &Text, href: &dyn Fn(&str) -> Option<String>) -> Element {
    rich_linked(&e, t, href);
    e
}

/// Breadcrumbs: All roles, then `names`.
pub fn crumbs(names: &[&str]) -> Element {
    markup! {
        nav(class = "crumbs", "aria-label" = "Breadcrumb") [
            ol [
                li [ a(href = crate::ui::address::home()) { "All roles" } ]
                for n in (names) [ li { n } ]
            ]
        ]
    }
}

/// Breadcrumbs, the level's text with a rating control per expectation, neighbours.
///
/// Leptos may keep the container when one level page replaces another, so whatever it
/// held goes first.
fn build(host: &Element, ladder: &Ladder, role: &Role, index: usize) {
    host.set_text_content(None);
    let level = &role.levels[index];
    let href = |t: &str| crate::links::href(ladder, &level.source, t);
    add(host, &crumbs(&[&role.track, &role.name]));

    let article = markup! {
        article(class = "level") [
            h1 { level.heading() }
            p(class = "rated-count") []
        ]
    };
    // A kept reply's ratings, beside the person's own: drawn by the extra module.
    if !crate::storage::keys("rungs:kept:").is_empty() {
        let beside = el("div", &[("class", "kept-beside")]);
        add(&article, &beside);
        let level = (role.id.clone(), level.id.clone());
        modules::call(Extra::Beside {
            host: beside,
            level,
        });
    }
    if !level.summary.is_empty() {
        let quote = markup! {
            blockquote(class = "summary") [
                (linked(markup! { p [] }, &level.summary, &href))
            ]
        };
        add(&article, &quote);
    }
    if !level.attributes.is_empty() {
        let list = markup! {
            dl(class = "attributes") [
                for a in (&level.attributes) [
                    div [
                        dt { a.name }
                        (linked(markup! { dd [] }, &a.value, &href))
                    ]
                ]
            ]
        };
        add(&article, &list);
    }
    for (i, d) in level.dimensions.iter().enumerate() {
        add(&article, &dimension(d, i, &href));
    }
    if let Some(everyone) = ladder.everyone_for(role) {
        add(
            &article,
            &everyones(everyone, &|t: &str| {
                crate::links::href(ladder, &everyone.level.source, t)
            }),
        );
    }
    add(host, &article);

    let prev = index.checked_sub(1).and_then(|i| role.levels.get(i));
    let next = role.levels.get(index + 1);
    let sides = [
        (prev, "prev", "Previous level"),
        (next, "next", "Next level"),
    ];
    let neighbours = markup! {
        nav(class = "neighbours", "aria-label" = "Other levels") [
            for (l, rel, word) in (sides) [
                if let Some(l) = (l) [
                    a(href = crate::ui::address::href(&Route::level(&role.id, &l.id)), rel = rel) {
                        format!("{word}: {}", l.heading())
                    }
                ]
            ]
        ]
    };
    add(host, &neighbours);
}

/// One dimension: heading with emoji, expectations, examples in a disclosure.
fn dimension(d: &Dimension, index: usize, href: &dyn Fn(&str) -> Option<String>) -> Element {
    let heading_id = format!("d-{index}");
    let section = super::dom::section(
        "dimension",
        &heading_id,
        &super::dom::dimension_title(d.emoji.as_deref(), &d.name),
    );
    let body = markup! {
        div(class = "dimension-body") [
            div [
                ul(class = "expectations") [
                    for x in (&d.expectations) [ (expectation(x, href)) ]
                ]
                if (d.expectations.is_empty()) [
                    p(class = "muted") { "No expectations listed." }
                ]
            ]
            if (!d.examples.is_empty()) [
                (examples(&d.examples, &|j| format!("x-{index}-{j}"), true, href))
            ]
        ]
    };
    add(&section, &body);
    section
}

/// One expectation: its text, what its heading says of it, its rating control, its
/// examples in a closed disclosure.
fn expectation(x: &Expectation, href: &dyn Fn(&str) -> Option<String>) -> Element {
    markup! {
        li(class = "expectation", id = format!("e-{}", x.id), tabindex = "-1") [
            (linked(markup! { p(class = "expectation-text") [] }, &x.text, href))
            for detail in (&x.details) [
                (linked(markup! { p(class = "expectation-detail") [] }, detail, href))
            ]
            if (!x.examples.is_empty()) [
                (examples(&x.examples, &|j| format!("xe-{}-{j}", x.id), false, href))
            ]
            (rating::control(&x.id, &x.text.to_plain(), None))
        ]
    }
}

/// Examples in a disclosure, open or closed, item `j` with element id `id(j)`.
fn examples(
    list: &[Text],
    id: &dyn Fn(usize) -> String,
    open: bool,
    href: &dyn Fn(&str) -> Option<String>,
) -> Element {
    let details = markup! {
        details(class = "examples") [
            summary { format!("Examples ({})", list.len()) }
            ul [
                for (j, x) in (list.iter().enumerate()) [
                    (linked(markup! { li(id = id(j), tabindex = "-1") [] }, x, href))
                ]
            ]
        ]
    };
    if open {
        let _ = details.set_attribute("open", "");
    }
    details
}

/// The short "Expected of everyone" section of a level page: every expectation for
/// everyone that applies, rated here as on its own page (answers are keyed by id).
fn everyones(everyone: &Everyone, href: &dyn Fn(&str) -> Option<String>) -> Element {
    let section = super::dom::section("dimension everyone", "everyone-h", crate::everyone::GROUP);
    let page = crate::ui::address::href(&Route::Everyone(everyone.id.clone()));
    let lede = markup! {
        p(class = "muted") [
            "Asked of every role: rated once, counted on every level. "
            a(href = page) { format!("Open “{}”", everyone_title(everyone)) }
        ]
    };
    let list = markup! {
        ul(class = "expectations") [
            for d in (&everyone.level.dimensions) [
                for x in (&d.expectations) [ (expectation(x, href)) ]
            ]
        ]
    };
    add(&section, &lede);
    add(&section, &list);
    section
}

/// The title of a page of expectations for everyone.
pub fn everyone_title(everyone: &Everyone) -> String {
    match everyone.level.heading() {
        h if h.is_empty() => crate::everyone::GROUP.to_string(),
        h => h,
    }
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
