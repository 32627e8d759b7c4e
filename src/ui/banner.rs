//! Banners for storage trouble: damaged data (kept, downloadable), no storage, full storage.

use leptos::prelude::*;

use super::files;
use super::store::{now, ProgressStore, Trouble};
use super::LadderState;
use crate::progress::backup_json;

/// One banner per storage trouble, each saying what happened and what to do.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = ProgressStore::expect();
    move || store.trouble().into_iter().map(banner).collect_view()
}

fn banner(t: Trouble) -> impl IntoView {
    let store = ProgressStore::expect();
    let state = LadderState::expect();
    let export = {
        let version = state.ladder.version.clone();
        move |_| {
            let text = store.with(|p| backup_json(p, &version, now()));
            files::download("rungs-backup.json", "application/json", &text);
        }
    };
    let (title, body, extra) = match &t {
        Trouble::Damaged { raw, error, kept_as } => {
            let raw = raw.clone();
            let kept = match kept_as {
                Some(k) => format!("It is kept in this browser under “{k}”, and you can download it."),
                None => "This browser could not keep a copy, so Rungs will not save over it until you dismiss this notice: download it first.".to_string(),
            };
            (
                "Your saved progress could not be read",
                format!("Rungs started with empty progress instead ({error}). {kept}"),
                Some(view! {
                    <button type="button" on:click=move |_| {
                        files::download("rungs-damaged-progress.txt", "text/plain", &raw);
                    }>"Download the damaged data"</button>
                }),
            )
        }
        Trouble::Unavailable => (
            "Progress is not being saved",
            "This browser does not let Rungs use its storage (a private window or a setting blocks it). Rungs keeps working in this tab; download a backup before you close it.".to_string(),
            None,
        ),
        Trouble::Full => (
            "Storage is full",
            "This browser's storage for Rungs is full, so your latest changes live only in this tab. Download a backup to keep them.".to_string(),
            None,
        ),
    };
    let dismiss = {
        let t = t.clone();
        move |_| store.dismiss(&t)
    };
    view! {
        <aside class="notice" role="alert">
            <h2>{title}</h2>
            <p>{body}</p>
            <div class="actions">
                {extra}
                <button type="button" on:click=export>"Download backup"</button>
                <button type="button" on:click=dismiss>"Dismiss"</button>
            </div>
        </aside>
    }
}
