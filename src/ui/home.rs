//! The home page: every track, its roles and their levels.

use leptos::prelude::*;

use super::LadderState;
use crate::route::Route;

/// Lists the tracks, their roles and levels, each level a link.
#[component]
pub fn Home() -> impl IntoView {
    let state = LadderState::expect();
    let ladder = state.ladder.clone();
    let tracks = ladder
        .tracks()
        .into_iter()
        .map(|track| {
            let roles = ladder
                .roles
                .iter()
                .filter(|r| r.track == track)
                .map(|role| {
                    let levels = role
                        .levels
                        .iter()
                        .map(|l| {
                            let href = Route::level(&role.id, &l.id).to_fragment();
                            view! { <li><a href=href>{l.heading()}</a></li> }
                        })
                        .collect_view();
                    view! {
                        <section class="role-card" aria-label=role.name.clone()>
                            <h3>{role.name.clone()}</h3>
                            <ol class="levels">{levels}</ol>
                        </section>
                    }
                })
                .collect_view();
            view! {
                <section class="track">
                    <h2>{track.to_string()}</h2>
                    <div class="roles">{roles}</div>
                </section>
            }
        })
        .collect_view();
    let empty = ladder.roles.is_empty();
    view! {
        <h1>"Career ladders"</h1>
        <p class="lede">
            "Pick a role and level to read what it expects, search across every level with "
            <kbd>"/"</kbd>
            ", or browse the tracks below."
        </p>
        {empty.then(|| view! { <p>"This copy of Rungs has no ladder files."</p> })}
        {tracks}
    }
}
