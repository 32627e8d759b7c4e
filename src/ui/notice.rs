//! What the import of the embedded ladder could not read, shown beside what it could.

use leptos::prelude::*;

use super::LadderState;

/// A notice listing the errors of the ladder import; nothing when it was clean.
#[component]
pub fn ImportNotice() -> impl IntoView {
    let state = LadderState::expect();
    let errors: Vec<String> = state.problems.to_vec();
    (!errors.is_empty()).then(|| {
        let count = errors.len();
        view! {
            <aside class="notice" aria-labelledby="import-notice-title">
                <h2 id="import-notice-title">"Part of this ladder could not be read"</h2>
                <p>
                    {format!(
                        "Rungs shows everything it could import. {count} problem{} in the ladder files:",
                        if count == 1 { "" } else { "s" },
                    )}
                </p>
                <ul>{errors.into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
            </aside>
        }
    })
}
