//! The app's door to the on-demand modules (`ui::extra`: the extra, share, explore,
//! checkins and search modules; `ui::importer`: the import module; each its own wasm
//! file): loaded on first use by `public/lazy.js`, so making and reading share links,
//! the summary report, check-ins, search, guide pages and the rest cost the first load
//! nothing. The pages here (a shared link, compare, know your ladder, search, guide,
//! import, check-ins), the share button and [`follow`] only give a module a host to
//! fill: they show a loading message until it has drawn, and an alert when it cannot
//! load.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom::{actions, add, button, el, text};
use super::files::settle;
use super::store::ProgressStore;

/// Loads on-demand module `module` (once) and calls its entry point `name` with `host`
/// and `args`. When it cannot load (offline before it was ever cached), `host` says so.
pub(super) fn call_in(
    module: &'static str,
    host: Element,
    name: &'static str,
    args: js_sys::Array,
) {
    let load = js_sys::Reflect::get(&window(), &"rungsModule".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&JsValue::NULL, &module.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(load) = load else {
        return failed(&host);
    };
    settle(load, move |api| {
        let entry = api
            .and_then(|api| js_sys::Reflect::get(&api, &name.into()).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        args.unshift(&host);
        if entry
            .and_then(|f| f.apply(&JsValue::NULL, &args).ok())
            .is_none()
        {
            failed(&host);
        }
    });
}

/// Makes `api` the entry points of on-demand module `module`, for [`call_in`]: called
/// by each module's start-up (`src/bin/extra.rs`, `src/bin/import.rs`).
pub fn publish(module: &str, api: &js_sys::Object) {
    let modules = js_sys::Reflect::get(&window(), &"rungsModules".into())
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| {
            let fresh = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window(), &"rungsModules".into(), &fresh);
            fresh
        });
    let _ = js_sys::Reflect::set(&modules, &module.into(), api);
}

/// What `host` shows until a module has drawn: the page's `heading`, if it has one, and
/// `loading` as a status, which [`failed`] replaces.
fn waiting(host: &Element, heading: Option<&str>, loading: &str) {
    if let Some(h) = heading {
        add(host, &text("h1", &[], h));
    }
    add(host, &text("p", &[("role", "status")], loading));
}

/// Replaces the loading message in `host` (or an earlier alert) with an alert.
fn failed(host: &Element) {
    while let Ok(Some(old)) = host.query_selector("[role=status], [role=alert]") {
        old.remove();
    }
    add(
        host,
        &text(
            "p",
            &[("role", "alert")],
            "This part of Rungs did not load. Check your connection and reload the page.",
        ),
    );
}

/// `#/shared/<link>`: the share module shows the link, or says what is wrong with it.
#[component]
pub fn SharedPage(
    /// The link text after `#/shared/`.
    link: String,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, Some("Shared progress"), "Opening the shared link…");
        call_in("share", host, "open", js_sys::Array::of1(&link.into()));
    });
    view! { <div class="shared" node_ref=host></div> }
}

actions! {
    /// The panels under a level's views, by the action of the button that opens them.
    enum Panel {
        Share = "share",
        Checkin = "checkin",
    }
}

impl Panel {
    /// The id of the panel.
    fn panel(self) -> &'static str {
        match self {
            Panel::Share => "share-panel",
            Panel::Checkin => "checkin-panel",
        }
    }
}

/// The "Share progress" and "Save check-in" buttons of a level, and the panels they
/// open below them: the share module fills the first (and, while it is open, follows
/// the progress), the checkins module the second (`ui::extra::checkins`).
#[component]
pub fn ShareButton(
    /// Role id.
    role: String,
    /// Level id.
    level: String,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let open = RwSignal::new(false);
    let host = NodeRef::<html::Div>::new();
    host.on_load(|host| {
        let host: Element = host.into();
        host.set_text_content(None);
        // On a phone the buttons show their short words (style/main.css), so that the
        // views, Share and Check-in fit one row; their names stay the long ones.
        for (label, short, act) in [
            ("Share progress", "Share", Panel::Share),
            ("Save check-in", "Check-in", Panel::Checkin),
        ] {
            let panel = act.panel();
            let attrs = [
                ("aria-expanded", "false"),
                ("aria-controls", panel),
                ("aria-label", label),
                ("data-short", short),
            ];
            add(&host, &button(label, act.name(), &attrs));
            let attrs = [("id", panel), ("class", "share-panel"), ("hidden", "")];
            add(&host, &el("div", &attrs));
        }
    });
    let checkin_of = (role.clone(), level.clone());
    // Closed, the share panel neither tracks nor serialises the progress.
    Effect::new(move |_| {
        let (Some(host), true) = (host.get(), open.get()) else {
            return;
        };
        let Ok(Some(panel)) = host.query_selector("#share-panel") else {
            return;
        };
        let json = store.with(crate::progress::to_json);
        let args = js_sys::Array::of3(&role.clone().into(), &level.clone().into(), &json.into());
        call_in("share", panel, "panel", args);
    });
    // The check-in panel is filled when it opens.
    let toggle = move |e: web_sys::MouseEvent| {
        let Some((act, b)) = Panel::of(&e) else {
            return;
        };
        let panel = act.panel();
        let now = b.get_attribute("aria-expanded").as_deref() != Some("true");
        let _ = b.set_attribute("aria-expanded", if now { "true" } else { "false" });
        super::dom::show(panel, now);
        if act == Panel::Share {
            open.set(now);
        } else if let (true, Some(panel)) = (now, document().get_element_by_id(panel)) {
            let json = store.with(crate::progress::to_json);
            let (role, level) = &checkin_of;
            let args = js_sys::Array::of3(&role.into(), &level.into(), &json.into());
            call_in("checkins", panel, "checkin", args);
        }
    };
    view! { <div class="share" node_ref=host on:click=toggle></div> }
}

/// A container that entry point `name` of an on-demand module ([`module_of`]) fills
/// with `(host, a, b, progress_json, read, write)` (Compare: without the JSON), again
/// whenever the progress changes; `read` and `write` are the store's doors
/// (`summary_page::doors`), for a view that changes the progress (a goal marked or
/// removed). Until the module has
/// drawn, it shows `heading` (as the page's `h1`, when given) and `loading`.
pub fn follow(
    name: &'static str,
    (a, b): (String, String),
    heading: Option<&'static str>,
    loading: &'static str,
) -> NodeRef<html::Div> {
    let store = ProgressStore::expect();
    let host = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let json = store.with(crate::progress::to_json);
        let Some(host) = host.get() else { return };
        let host: Element = host.into();
        if host.child_element_count() == 0 {
            waiting(&host, heading, loading);
        }
        let (read, write) = super::summary_page::doors(store);
        let (a, b) = (a.clone().into(), b.clone().into());
        let args = match name {
            // Compare reads the progress through the doors, as Know your ladder does
            // (the explore module then has one entry type).
            "compare" => js_sys::Array::of4(&a, &b, &read, &write),
            _ => js_sys::Array::of5(&a, &b, &json.into(), &read, &write),
        };
        call_in(module_of(name), host, name, args);
    });
    host
}

/// The on-demand module that holds entry point `name` of [`follow`].
fn module_of(name: &str) -> &'static str {
    match name {
        "checkins" => "checkins",
        "compare" => "explore",
        _ => "extra",
    }
}

/// `#/compare/…`: level `a` beside level `b` (or its default partner), drawn by the
/// explore module.
#[component]
pub fn ComparePage(
    /// (role id, level id) of the first level.
    a: (String, String),
    /// The second level, if chosen.
    b: Option<(String, String)>,
) -> impl IntoView {
    let a = format!("{}/{}", a.0, a.1);
    let b = b.map(|(r, l)| format!("{r}/{l}")).unwrap_or_default();
    drawn(
        "compare",
        (a, b),
        "Compare levels",
        "Opening the comparison…",
    )
}

/// `#/<track>/<role>/<level>/checkins`: the level's check-ins, drawn by the extra
/// module (`ui::extra::checkins`).
pub fn checkins_page(role: String, level: String) -> AnyView {
    drawn(
        "checkins",
        (role, level),
        "Check-ins",
        "Opening your check-ins…",
    )
}

/// A page that entry point `name` of an on-demand module ([`module_of`]) draws (see [`follow`]), in a container of class `name`.
fn drawn(
    name: &'static str,
    args: (String, String),
    heading: &'static str,
    loading: &'static str,
) -> AnyView {
    let host = follow(name, args, Some(heading), loading);
    view! { <div class=name node_ref=host></div> }.into_any()
}

/// Know your ladder for level `level` of role `role`, drawn by the explore module, which
/// reads and saves the score through the store (`summary_page::doors`). Until it has
/// drawn, it shows `heading`.
#[component]
pub fn KnowPage(
    /// Role id.
    role: String,
    /// Level id.
    level: String,
    /// The page's heading.
    heading: String,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, Some(&heading), "Opening the quiz…");
        let (read, write) = super::summary_page::doors(store);
        call_in(
            "explore",
            host,
            "know",
            js_sys::Array::of4(&role.into(), &level.into(), &read, &write),
        );
    });
    view! { <div class="know" node_ref=host></div> }
}

/// `#/search?q=…`: the search module lists the hits for `query`.
#[component]
pub fn SearchPage(
    /// What was searched for.
    query: String,
) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, Some("Search"), "Searching…");
        call_in("search", host, "search", js_sys::Array::of1(&query.into()));
    });
    view! { <div class="search-page" node_ref=host></div> }
}

/// `#/guide/…`: guide page `id`, drawn by the search module, under the short note
/// of a problem the build found in its file.
#[component]
pub fn GuidePage(
    /// `Guide::id`, `track/page`.
    id: String,
) -> impl IntoView {
    let state = super::LadderState::expect();
    let note = (state.ladder.guide(&id))
        .and_then(|g| super::level_page::page_note(&state, &g.source, false));
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, None, "Opening the page…");
        call_in("search", host, "guide", js_sys::Array::of1(&id.into()));
    });
    view! { {note} <div class="guide-page" node_ref=host></div> }
}

/// `#/import`: the import module (`ui::importer`) reads a ladder in the browser.
#[component]
pub fn ImportPage() -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, Some("Import a ladder"), "Opening the importer…");
        call_in("import", host, "show", js_sys::Array::new());
    });
    view! { <div class="import" node_ref=host></div> }
}
