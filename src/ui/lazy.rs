//! The app's pages drawn by an on-demand module (`crate::modules`, each its own wasm
//! file, loaded on first use), so that making and reading share links, the summary
//! report, check-ins, search, guide pages and the rest cost the first load nothing.
//! The pages here (a shared link, compare, know your ladder, search, guide, import,
//! check-ins), the share button and [`follow`] only give a module a host to fill:
//! they show a loading message until it has drawn, and an alert when it cannot load
//! (`modules::call`).

use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{actions, add, button, el, text};
use super::store::ProgressStore;
use crate::modules::{self, Checkins, Explore, Import, LevelId, Search, Share};
use crate::progress::Progress;

/// What `host` shows until a module has drawn: the page's `heading`, if it has one, and
/// `loading` as a status, which an alert replaces if the module cannot load.
fn waiting(host: &Element, heading: Option<&str>, loading: &str) {
    if let Some(h) = heading {
        add(host, &text("h1", &[], h));
    }
    add(host, &text("p", &[("role", "status")], loading));
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
        modules::call(Share::Open { host, link });
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
    let level: LevelId = (role, level);
    let checkin_of = level.clone();
    // Closed, the share panel neither tracks nor serialises the progress.
    Effect::new(move |_| {
        let (Some(host), true) = (host.get(), open.get()) else {
            return;
        };
        let Ok(Some(panel)) = host.query_selector("#share-panel") else {
            return;
        };
        let progress = store.with(Clone::clone);
        let level = level.clone();
        modules::call(Share::Panel {
            host: panel,
            level,
            progress,
        });
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
        } else if let (true, Some(host)) = (now, document().get_element_by_id(panel)) {
            let progress = store.with_untracked(Clone::clone);
            let level = checkin_of.clone();
            modules::call(Checkins::Save {
                host,
                level,
                progress,
            });
        }
    };
    view! { <div class="share" node_ref=host on:click=toggle></div> }
}

/// A container that an on-demand module fills, again whenever the progress changes:
/// `draw(host, progress)` asks it to (`modules::call`). Until the module has drawn,
/// the container shows `heading` (as the page's `h1`, when given) and `loading`.
/// (`draw` is boxed: one copy of this code for every page that follows.)
pub fn follow(
    heading: Option<&'static str>,
    loading: &'static str,
    draw: Box<dyn Fn(Element, Progress)>,
) -> NodeRef<html::Div> {
    let store = ProgressStore::expect();
    let host = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let progress = store.with(Clone::clone);
        let Some(host) = host.get() else { return };
        let host: Element = host.into();
        if host.child_element_count() == 0 {
            waiting(&host, heading, loading);
        }
        draw(host, progress);
    });
    host
}

/// `#/compare/…`: level `a` beside level `b` (or its default partner), drawn by the
/// explore module.
#[component]
pub fn ComparePage(
    /// (role id, level id) of the first level.
    a: LevelId,
    /// The second level, if chosen.
    b: Option<LevelId>,
) -> impl IntoView {
    let doors = super::summary_page::doors(ProgressStore::expect());
    let host = follow(
        Some("Compare levels"),
        "Opening the comparison…",
        Box::new(move |host, _| {
            let (a, b, doors) = (a.clone(), b.clone(), doors.clone());
            modules::call(Explore::Compare { host, a, b, doors });
        }),
    );
    view! { <div class="compare" node_ref=host></div> }
}

/// `#/<track>/<role>/<level>/checkins`: the level's check-ins, drawn by the checkins
/// module (`ui::extra::checkins`).
pub fn checkins_page(role: String, level: String) -> AnyView {
    let host = follow(
        Some("Check-ins"),
        "Opening your check-ins…",
        Box::new(move |host, progress| {
            let level = (role.clone(), level.clone());
            modules::call(Checkins::List {
                host,
                level,
                progress,
            });
        }),
    );
    view! { <div class="checkins" node_ref=host></div> }.into_any()
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
        let doors = super::summary_page::doors(store);
        modules::call(Explore::Know {
            host,
            level: (role, level),
            doors,
        });
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
        modules::call(Search::Search { host, query });
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
    let note = (state.ladder().guide(&id))
        .and_then(|g| super::level_page::page_note(&state, &g.source, false));
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, None, "Opening the page…");
        modules::call(Search::Guide { host, id });
    });
    view! {
        {note}
        <div class="guide-page" node_ref=host></div>
    }
}

/// `#/import`: the import module (`ui::importer`) reads a ladder in the browser.
#[component]
pub fn ImportPage() -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        let host: Element = host.into();
        host.set_text_content(None);
        waiting(&host, Some("Import a ladder"), "Opening the importer…");
        modules::call(Import::Show { host });
    });
    view! { <div class="import" node_ref=host></div> }
}
