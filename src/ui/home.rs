//! The home page: every track, its roles and their levels, built with plain DOM calls
//! (see `dom.rs`).

use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{add, el, markup};
use super::LadderState;
use crate::ladder::{Everyone, Ladder, Role};
use crate::modules::{self, Extra};
use crate::progress::Progress;
use crate::route::Route;

/// Lists the tracks, their roles and levels, each level a link.
#[component]
pub fn Home() -> impl IntoView {
    let state = LadderState::expect();
    let store = super::store::ProgressStore::expect();
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |host| {
        // Where a returning person left off: drawn by the extra module, so that only
        // someone with answers loads it here.
        let answers = store.with_untracked(|p| (!p.answers.is_empty()).then(|| p.clone()));
        build(&host, &state.ladder(), answers);
    });
    view! { <div class="home" node_ref=host></div> }
}

/// The page; with the person's progress, a place where the extra module says where to
/// continue.
fn build(host: &Element, ladder: &Ladder, progress: Option<Progress>) {
    host.set_text_content(None);
    add(host, &markup! { h1 { "Career ladders" } });
    let lede = markup! {
        p(class = "lede") [
            "Pick a role and level to read what it expects, search across every level with "
            kbd { "/" }
            ", or browse the tracks below. Your company has its own? "
            a(href = crate::ui::address::href(&Route::Import)) { "Import a ladder" }
            "."
        ]
    };
    add(host, &lede);
    if let Some(progress) = progress {
        let at = el("div", &[("class", "continue")]);
        add(host, &at);
        modules::call(Extra::Bearings { host: at, progress });
    }
    for everyone in ladder.everyone.iter().filter(|e| e.track.is_none()) {
        add(host, &everyone_link(everyone));
    }
    if ladder.roles.is_empty() && ladder.guides.is_empty() {
        add(
            host,
            &markup! { p { "This copy of Rungs has no ladder files." } },
        );
    }
    for track in tracks(ladder) {
        let guides = ladder.guides.iter().any(|g| g.track == track);
        let section = markup! {
            section(class = "track") [
                h2 { track }
                for everyone in (&ladder.everyone) [
                    if (everyone.track.as_deref() == Some(track)) [ (everyone_link(everyone)) ]
                ]
                div(class = "roles") [
                    for role in (&ladder.roles) [
                        if (role.track == track) [ (role_card(role)) ]
                    ]
                ]
                if (guides) [
                    section(class = "guides", "aria-label" = format!("Guides of {track}")) [
                        h3 { "Guides" }
                        ul [
                            for g in (&ladder.guides) [
                                if (g.track == track) [ li [
                                    a(href = crate::ui::address::href(&Route::Guide(g.id.clone()))) { g.title }
                                ] ]
                            ]
                        ]
                    ]
                ]
            ]
        };
        add(host, &section);
    }
}

/// A role's card: its name and its levels, each a link.
fn role_card(role: &Role) -> Element {
    markup! {
        section(class = "role-card", "aria-label" = role.name) [
            h3 { role.name }
            ol(class = "levels") [
                for l in (&role.levels) [
                    li [ a(href = crate::ui::address::href(&Route::level(&role.id, &l.id))) { l.heading() } ]
                ]
            ]
        ]
    }
}

/// Every track with a role, then those with only guides or expectations for everyone.
fn tracks(ladder: &Ladder) -> Vec<&str> {
    let mut out = ladder.tracks();
    let others = ladder
        .guides
        .iter()
        .map(|g| g.track.as_str())
        .chain(ladder.everyone.iter().filter_map(|e| e.track.as_deref()));
    for t in others {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// A link to a page of expectations for everyone.
fn everyone_link(everyone: &Everyone) -> Element {
    let title = super::level_page::everyone_title(everyone);
    markup! {
        p(class = "everyone-link") [
            a(href = crate::ui::address::href(&Route::Everyone(everyone.id.clone()))) {
                format!("{title}: expected of every role")
            }
        ]
    }
}
