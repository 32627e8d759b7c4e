//! An address that names no page.

use leptos::prelude::*;

/// Says what was asked for and offers the way home.
#[component]
pub fn NotFound(
    /// The fragment that matched no route.
    raw: String,
) -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>{format!("Rungs has no page at “#{raw}”.")}</p>
        <p>
            <a href=crate::ui::address::home()>"See all roles and levels"</a>
        </p>
    }
}
