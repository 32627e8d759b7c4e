//! The summary view of a level: the report (drawn by the extra module, `ui::extra`,
//! and redrawn when the progress changes) and Your progress data (backup, import,
//! reset), which stays in the app because it changes the progress.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use std::cell::RefCell;
use std::rc::Rc;

use super::dom::{action, add, button, el, focus_later, say, show, text};
use super::files;
use super::store::ProgressStore;
use super::LadderState;
use crate::ladder::Role;
use crate::progress::{Backup, Undo};

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
    let report = super::lazy::follow("summary", level, None, "Counting your ratings…");
    view! {
        <h1>{heading}</h1>
        <div class="report" node_ref=report></div>
        <YourData />
    }
}

/// Backup, restore and reset of everything kept, on every level. Built with DOM calls
/// (see `dom.rs`), with one click listener: a reset says what it clears and keeps
/// and asks first, and can be undone while Undo would bring something back (see
/// `progress::Undo`), until the page is left.
#[component]
fn YourData() -> impl IntoView {
    let store = ProgressStore::expect();
    let version = LadderState::expect().ladder.version.clone();
    // What the last reset cleared, until it is undone or the page is left.
    let undo = Rc::new(RefCell::new(None::<Undo>));
    let host = NodeRef::<html::Section>::new();
    host.on_load(|host| build_your_data(&host));
    let held = undo.clone();
    let on_click = move |e: ev::MouseEvent| {
        let Some((act, _)) = action(&e) else { return };
        match act.as_str() {
            "backup" => files::download_backup(store, &version),
            "ask" => {
                say("reset-question", &store.reset_scope().question());
                show("reset-confirm", true);
                focus_later("reset-cancel");
            }
            "cancel" => {
                show("reset-confirm", false);
                focus_later("reset-ask");
            }
            "reset" if store.outdated() => {
                show("reset-confirm", false);
                say("data-said", OUTDATED);
            }
            "reset" => {
                let scope = store.reset_scope();
                *held.borrow_mut() = Some(store.reset());
                show("reset-confirm", false);
                let said = match scope.cleared() {
                    Some(cleared) => format!("Reset: cleared {cleared}. {}", scope.kept()),
                    None => format!("There was nothing to reset. {}", scope.kept()),
                };
                say("data-said", &said);
                offer_undo(store, &held);
                focus_later("reset-undo");
            }
            "undo" => {
                let undone = held.borrow_mut().take().filter(|u| store.can_undo(u));
                if let Some(before) = &undone {
                    store.undo(before);
                }
                show("reset-undo", false);
                say(
                    "data-said",
                    match undone {
                        Some(_) => "Reset undone: your progress is back.",
                        None => "Nothing to undo: everything the reset cleared is back already.",
                    },
                );
                focus_later("reset-ask");
            }
            _ => {}
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
        input.set_value("");
        let name = file.name();
        if file.size() > f64::from(files::MAX_BACKUP) {
            say(
                "data-said",
                &format!("“{name}” is larger than a Rungs backup can be: nothing changed."),
            );
            return;
        }
        let undo = undo.clone();
        files::read_text(&file, move |text| {
            let message = match text.as_deref().map(Backup::read) {
                Some(Ok(_)) if store.outdated() => OUTDATED.to_owned(),
                Some(Ok(backup)) => store.import(&backup).message(&name),
                Some(Err(err)) => {
                    format!("“{name}” is not a Rungs backup ({err}): nothing changed.")
                }
                None => format!("“{name}” could not be read as text: nothing changed."),
            };
            say("data-said", &message);
            offer_undo(store, &undo);
        });
    };
    view! { <section class="your-data" aria-labelledby="your-data" node_ref=host on:click=on_click on:change=on_change></section> }
}

/// Shows Undo reset exactly while its data is held and undoing would bring
/// something back.
fn offer_undo(store: ProgressStore, undo: &RefCell<Option<Undo>>) {
    let offered = undo.borrow().as_ref().is_some_and(|u| store.can_undo(u));
    show("reset-undo", offered);
}

/// What a tab that stopped saving says instead of resetting or importing.
const OUTDATED: &str = "This tab is an older version of Rungs than the one that saved your progress: reload the page first. Nothing changed.";

fn build_your_data(host: &Element) {
    // Leptos may keep the container from the previous level's summary.
    host.set_text_content(None);
    add(
        host,
        &text("h2", &[("id", "your-data")], "Your progress data"),
    );
    add(host, &text("p", &[("class", "muted")], "Everything you record stays in this browser. A backup file holds all of it, for every level: ratings, evidence notes, quiz positions, kept replies, your answers to other people's links and the ladder you imported."));
    let actions = el("p", &[("class", "actions")]);
    add(&actions, &button("Download backup", "backup", &[]));
    let pick = text("label", &[("class", "file-button")], "Import backup");
    add(
        &pick,
        &el(
            "input",
            &[("type", "file"), ("accept", ".json,application/json")],
        ),
    );
    add(&actions, &pick);
    add(
        &actions,
        &button("Reset progress…", "ask", &[("id", "reset-ask")]),
    );
    add(host, &actions);
    let confirm = el(
        "div",
        &[
            ("class", "confirm"),
            ("id", "reset-confirm"),
            ("role", "group"),
            ("aria-labelledby", "reset-question"),
            ("hidden", ""),
        ],
    );
    // The question says what a reset clears and keeps, counted when it is asked.
    add(&confirm, &text("p", &[("id", "reset-question")], ""));
    let choose = el("p", &[("class", "actions")]);
    add(
        &choose,
        &button("Reset everything", "reset", &[("class", "danger")]),
    );
    add(
        &choose,
        &button("Cancel", "cancel", &[("id", "reset-cancel")]),
    );
    add(&confirm, &choose);
    add(host, &confirm);
    let status = el("p", &[("class", "status"), ("role", "status")]);
    add(&status, &el("span", &[("id", "data-said")]));
    let _ = status.append_with_str_1(" ");
    add(
        &status,
        &button(
            "Undo reset",
            "undo",
            &[("id", "reset-undo"), ("hidden", "")],
        ),
    );
    add(host, &status);
}
