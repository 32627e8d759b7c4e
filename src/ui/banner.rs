//! Banners for storage trouble: damaged data (kept, downloadable), no storage, full
//! storage. Built with plain DOM calls (see `dom.rs`), redrawn when the trouble changes.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{actions, add, button, markup};
use super::files;
use super::store::ProgressStore;
use super::LadderState;
use crate::progress::Trouble;

/// One banner per storage trouble, each saying what happened and what to do.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = ProgressStore::expect();
    let version = LadderState::expect().ladder().version.clone();
    let host = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let troubles = store.trouble();
        if let Some(host) = host.get() {
            host.set_text_content(None);
            for (i, t) in troubles.iter().enumerate() {
                add(&host, &banner(t, i));
            }
        }
    });
    let on_click = move |e: ev::MouseEvent| {
        let Some((act, clicked)) = Act::of(&e) else {
            return;
        };
        let index: Option<usize> = clicked.get_attribute("data-i").and_then(|i| i.parse().ok());
        let trouble = index.and_then(|i| store.trouble_untracked().into_iter().nth(i));
        match (act, trouble) {
            (Act::Damaged, Some(Trouble::Damaged { raw, .. })) => {
                files::download("rungs-damaged-progress.txt", "text/plain", &raw);
            }
            (Act::Backup, _) => files::download_backup(store, &version),
            (Act::Reload, _) => {
                let _ = window().location().reload();
            }
            (Act::Dismiss, Some(t)) => store.dismiss(&t),
            _ => {}
        }
    };
    view! { <div class="banners" node_ref=host on:click=on_click></div> }
}

actions! {
    /// What a click on a banner asks for.
    enum Act {
        Damaged = "damaged",
        Backup = "backup",
        Reload = "reload",
        Dismiss = "dismiss",
    }
}

/// The banner of trouble `t`, the `index`th shown.
fn banner(t: &Trouble, index: usize) -> Element {
    let (title, body) = match t {
        Trouble::Damaged { error, kept_as, at_start, .. } => {
            let kept = match kept_as {
                Some(k) => format!("It is kept in this browser under “{k}”, and you can download it."),
                None => "This browser could not keep a copy, so Rungs will not save over it until you dismiss this notice: download it first.".to_string(),
            };
            if *at_start {
                ("Your saved progress could not be read", format!("Rungs started with empty progress instead ({error}). {kept}"))
            } else {
                ("Progress saved by another tab could not be read", format!("Another tab stored a value Rungs cannot read ({error}); this tab keeps its answers and saves them in its place. {kept}"))
            }
        }
        Trouble::Unavailable => (
            "Progress is not being saved",
            "This browser does not let Rungs use its storage (a private window or a setting blocks it). Rungs keeps working in this tab; download a backup before you close it.".to_string(),
        ),
        Trouble::Full => (
            "Storage is full",
            "This browser's storage is full, so your latest changes live only in this tab; what was saved before is still here. Download a backup to keep them, or free some space.".to_string(),
        ),
        Trouble::Newer { schema } => (
            "Rungs was updated in another tab",
            format!("Your progress was saved by a newer version of Rungs (schema {schema}) that this tab cannot read, so this tab has stopped saving to keep it safe. Reload this page to continue; changes made here since are lost unless you download a backup first."),
        ),
    };
    let i = index.to_string();
    let damaged = matches!(t, Trouble::Damaged { .. });
    let newer = matches!(t, Trouble::Newer { .. });
    let actions = markup! { div(class = "actions") [] };
    if damaged {
        let download = button(
            "Download the damaged data",
            Act::Damaged.name(),
            &[("data-i", &i)],
        );
        add(&actions, &download);
    }
    if newer {
        add(&actions, &button("Reload", Act::Reload.name(), &[]));
    }
    add(
        &actions,
        &button("Download backup", Act::Backup.name(), &[]),
    );
    // A newer version's value stays unsaved-over until a reload: no dismissing it.
    if !newer {
        add(
            &actions,
            &button("Dismiss", Act::Dismiss.name(), &[("data-i", &i)]),
        );
    }
    markup! {
        div(class = "notice", role = "alert") [
            h2 { title }
            p { body }
            (actions)
        ]
    }
}
