//! The summary view of a level: the report (drawn by the extra module, `ui::extra`,
//! and redrawn when the progress changes) and Your progress data (backup, import,
//! reset), whose section and download are here and whose import and reset are done
//! by the extra module through the store.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::dom::{focus_later, show};
use super::extra::DataAct;
use super::files;
use super::store::ProgressStore;
use super::LadderState;
use crate::ladder::Role;
use crate::modules::{self, Doors, Extra};
use crate::progress::{from_json, to_json};

/// The summary of level `index` of `role`, kept in step with the progress.
#[component]
pub fn SummaryPage(
    /// The role of the level.
    role: Role,
    /// Index of the level in `role.levels`.
    index: usize,
) -> impl IntoView {
    let heading = format!("Summary: {}", role.levels[index].heading());
    let level = (role.id.clone(), role.levels[index].id.clone());
    let doors = doors(ProgressStore::expect());
    let draw = move |host, progress| {
        let (level, doors) = (level.clone(), doors.clone());
        modules::call(Extra::Summary {
            host,
            level,
            progress,
            doors,
        });
    };
    let report = super::lazy::follow(None, "Counting your ratings…", Box::new(draw));
    view! {
        <h1>{heading}</h1>
        <div class="report" node_ref=report></div>
        <YourData />
    }
}

/// Backup, restore and reset of everything kept, on every level. Drawn by the extra
/// module (`ui::extra::data::draw`), with one listener per event here: Download backup
/// and Cancel are done here; importing a backup, and a reset (which says what it clears and keeps and
/// asks first, and can be undone until the page is left) are done by the extra module
/// (`ui::extra::data`), which the report has loaded, through [`doors`] to the store.
#[component]
fn YourData() -> impl IntoView {
    let store = ProgressStore::expect();
    let version = LadderState::expect().ladder().version.clone();
    let host = NodeRef::<html::Section>::new();
    // Drawn by the extra module, which the report loads anyway: its words and
    // controls cost the first load nothing. Leptos may keep the container from the
    // previous level's summary.
    host.on_load(|host| {
        let host: Element = host.into();
        host.set_text_content(None);
        modules::call(Extra::YourData { host });
    });
    // Hands action `act` (and a picked file) to the extra module.
    let extra = move |act: DataAct, file: &JsValue| {
        let Some(host) = host.get_untracked() else {
            return;
        };
        let Ok(Some(host)) = host.query_selector(".data-extra") else {
            return;
        };
        modules::call(Extra::Data {
            host,
            act,
            doors: doors(store),
            file: file.clone(),
        });
    };
    let on_click = move |e: ev::MouseEvent| {
        let Some((act, _)) = DataAct::of(&e) else {
            return;
        };
        match act {
            DataAct::Backup => files::download_backup(store, &version),
            DataAct::Cancel => {
                show("reset-confirm", false);
                focus_later("reset-ask");
            }
            act => extra(act, &JsValue::UNDEFINED),
        }
    };
    let on_change = move |e: ev::Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Emptied, so that picking the same file again imports it again.
        input.set_value("");
        extra(DataAct::Import, &file.into());
    };
    view! {
        <section
            class="your-data"
            aria-labelledby="your-data"
            node_ref=host
            on:click=on_click
            on:change=on_change
        ></section>
    }
}

thread_local! {
    static DOORS: std::cell::OnceCell<Doors> = const { std::cell::OnceCell::new() };
}

/// The store's two doors for the on-demand modules, made once (there is one store):
/// `read(changing)` gives the progress as JSON, but when `changing` nothing while this
/// tab is outdated; `write(json)` replaces the progress with `json` and saves.
pub(super) fn doors(store: ProgressStore) -> Doors {
    DOORS.with(|d| {
        d.get_or_init(|| {
            let read = Closure::<dyn Fn(bool) -> Option<String>>::new(move |changing: bool| {
                (!changing || !store.outdated()).then(|| store.with_untracked(to_json))
            });
            let write = Closure::<dyn Fn(String)>::new(move |json: String| {
                if let Ok(progress) = from_json(&json) {
                    store.change(|p| *p = progress);
                }
            });
            Doors {
                read: read.into_js_value().unchecked_into(),
                write: write.into_js_value().unchecked_into(),
            }
        })
        .clone()
    })
}
