//! A level page: title, summary, attributes, and each dimension with its expectations
//! and examples.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::rating::RatingControl;
use super::rich_text::RichText;
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
        let first = r.levels.first().map(|l| Route::level(&r.id, &l.id).to_fragment());
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
    let body = match view {
        View::Read => view! { <LevelView role=r index=index /> }.into_any(),
        View::Summary => view! { <SummaryPage role=r index=index /> }.into_any(),
    };
    view! { {tabs} {body} }.into_any()
}

/// Links between the views of one level; the current one is marked for screen readers.
fn view_tabs(role: &Role, level: &Level, current: View) -> impl IntoView {
    let links = [(View::Read, "Read and rate"), (View::Summary, "Summary")]
        .into_iter()
        .map(|(v, name)| {
            let href = Route::level_view(&role.id, &level.id, v).to_fragment();
            let here = (v == current).then_some("page");
            view! { <li><a href=href aria-current=here>{name}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="views" aria-label=format!("Views of {}", level.heading())>
            <ul>{links}</ul>
        </nav>
    }
}

/// The content of one level, with links to its neighbours.
#[component]
fn LevelView(
    /// The role the level belongs to.
    role: Role,
    /// Index of the level in `role.levels`.
    index: usize,
) -> impl IntoView {
    let level: Level = role.levels[index].clone();
    let prev = index.checked_sub(1).and_then(|i| role.levels.get(i));
    let next = role.levels.get(index + 1);
    let neighbour = |l: Option<&Level>, rel: &'static str, word: &'static str| {
        l.map(|l| {
            let href = Route::level(&role.id, &l.id).to_fragment();
            view! { <a href=href rel=rel>{format!("{word}: {}", l.heading())}</a> }
        })
    };
    let attributes = (!level.attributes.is_empty()).then(|| {
        let items = level
            .attributes
            .iter()
            .map(|a| view! { <div><dt>{a.name.clone()}</dt><dd><RichText text=a.value.clone() /></dd></div> })
            .collect_view();
        view! { <dl class="attributes">{items}</dl> }
    });
    let summary = (!level.summary.is_empty()).then(|| {
        view! { <blockquote class="summary"><p><RichText text=level.summary.clone() /></p></blockquote> }
    });
    let dimensions = level
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| view! { <DimensionView dimension=d.clone() index=i /> })
        .collect_view();
    view! {
        <nav class="crumbs" aria-label="Breadcrumb">
            <ol>
                <li><a href="#/">"All roles"</a></li>
                <li>{role.track.clone()}</li>
                <li>{role.name.clone()}</li>
            </ol>
        </nav>
        <article class="level">
            <h1>{level.heading()}</h1>
            {summary}
            {attributes}
            {dimensions}
        </article>
        <nav class="neighbours" aria-label="Other levels">
            {neighbour(prev, "prev", "Previous level")}
            {neighbour(next, "next", "Next level")}
        </nav>
    }
}

/// One dimension: heading with emoji, expectations, examples in a disclosure.
#[component]
fn DimensionView(
    /// The dimension to show.
    dimension: Dimension,
    /// Its position on the page, for element ids.
    index: usize,
) -> impl IntoView {
    let heading_id = format!("d-{index}");
    let title = match &dimension.emoji {
        Some(e) => format!("{e} {}", dimension.name),
        None => dimension.name.clone(),
    };
    let expectations = dimension
        .expectations
        .iter()
        .map(|e| {
            view! {
                <li class="expectation" id=format!("e-{}", e.id) tabindex="-1">
                    <p class="expectation-text"><RichText text=e.text.clone() /></p>
                    <RatingControl id=e.id.clone() text=e.text.to_plain() />
                </li>
            }
        })
        .collect_view();
    let count = dimension.examples.len();
    let examples = (count > 0).then(|| {
        let items = dimension
            .examples
            .iter()
            .enumerate()
            .map(|(j, x)| view! { <li id=format!("x-{index}-{j}") tabindex="-1"><RichText text=x.clone() /></li> })
            .collect_view();
        view! {
            <details class="examples" open=true>
                <summary>{format!("Examples ({count})")}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    let empty = dimension.expectations.is_empty().then(|| view! { <p class="muted">"No expectations listed."</p> });
    let labelled_by = heading_id.clone();
    view! {
        <section class="dimension" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <div class="dimension-body">
                <div>
                    <ul class="expectations">{expectations}</ul>
                    {empty}
                </div>
                {examples}
            </div>
        </section>
    }
}

/// Opens the disclosure around `id`, scrolls it into view, focuses and marks it.
fn reveal(id: &str) {
    let doc = document();
    let Some(el) = doc.get_element_by_id(id) else { return };
    if let Ok(Some(details)) = el.closest("details") {
        if let Ok(details) = details.dyn_into::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
    }
    let _ = el.class_list().add_1("target");
    el.scroll_into_view();
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
