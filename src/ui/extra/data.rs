//! Your progress data's actions that change the progress: importing a backup, and
//! reset with its question and undo. The app's summary page draws the section and
//! keeps Download backup; it hands these actions here, with two doors to its progress
//! store (see `ui::summary_page`), so their code stays out of the first load. The
//! decisions are the core's (`progress::Restored`, `progress::UndoReset`,
//! `progress::ResetScope`); this only wires them to storage and the page.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::share_storage;
use crate::modules::Doors;
use crate::progress::{restore_kept, Backup, LadderRestore, Progress, ResetScope, UndoReset};
use crate::storage;
use crate::ui::dom::{actions, add, button, el, focus_later, markup, say, show, text};
use crate::ui::files;

thread_local! {
    /// Undo reset (`progress::UndoReset`), with the section's host it belongs to: a new
    /// page has a new host, and starts with nothing to undo.
    static HELD: RefCell<Option<(Element, UndoReset)>> = const { RefCell::new(None) };
}

/// What a tab that stopped saving says instead of resetting or importing.
const OUTDATED: &str = "This tab is an older version of Rungs than the one that saved your progress: reload the page first. Nothing changed.";

/// Milliseconds since the epoch, as the browser tells it.
pub(super) fn now() -> u64 {
    js_sys::Date::now() as u64
}

actions! {
    /// What Your progress data's controls ask for. The app does Download backup and
    /// Cancel itself and hands the others to this module by name ([`act`]).
    pub enum DataAct {
        Backup = "backup",
        /// Reset progress…: asks first.
        Ask = "ask",
        Reset = "reset",
        Cancel = "cancel",
        Undo = "undo",
        /// A backup file picked to import.
        Import = "import",
    }
}

/// Does Your progress data's action `act` (Ask, Reset, Undo, or Import with the
/// picked `file`) in the section around `host`.
pub fn act(host: Element, act: DataAct, doors: Doors, file: JsValue) {
    match act {
        DataAct::Ask => {
            let Some(progress) = doors.progress() else {
                return;
            };
            say("reset-question", &scope(&progress).question());
            show("reset-confirm", true);
            focus_later("reset-cancel");
        }
        DataAct::Reset => reset(&host, &doors),
        DataAct::Undo => {
            let undone = doors.progress().and_then(|mut progress| {
                let kept = take_held(&host).undo(&mut progress, &storage::kept_values(), now())?;
                doors.set(&progress);
                Some(kept)
            });
            for (key, value) in undone.iter().flat_map(|kept| &kept.writes) {
                storage::set(key, value);
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
        DataAct::Import => {
            if let Ok(file) = file.dyn_into::<web_sys::File>() {
                import(host, doors, &file);
            }
        }
        _ => {}
    }
}

/// What a reset would clear and keep, from `progress` and what is stored now.
fn scope(progress: &Progress) -> ResetScope {
    let kept: Vec<String> = storage::kept_values().into_iter().map(|(k, _)| k).collect();
    let damaged = storage::keys(storage::DAMAGED_PREFIX).len();
    let imported = storage::get(storage::IMPORTED).is_some();
    let mut scope = ResetScope::of(progress, &kept, imported, damaged);
    scope.name = share_storage::get(share_storage::NAME).is_some();
    scope.ids = !storage::keys(crate::progress::kept::ID_PREFIX).is_empty();
    scope
}

/// Resets the progress and removes the kept values, says what it cleared and kept,
/// and offers Undo.
fn reset(host: &Element, doors: &Doors) {
    show("reset-confirm", false);
    let Some(mut progress) = doors.to_change() else {
        return say("data-said", OUTDATED);
    };
    let scope = scope(&progress);
    let kept = storage::kept_values();
    for (key, _) in &kept {
        storage::remove(key);
    }
    let mut undo = take_held(host);
    undo.reset(&mut progress, kept, now());
    HELD.with(|h| *h.borrow_mut() = Some((host.clone(), undo)));
    doors.set(&progress);
    let said = match scope.cleared() {
        Some(cleared) => format!("Reset: cleared {cleared}. {}", scope.kept()),
        None => format!("There was nothing to reset. {}", scope.kept()),
    };
    say("data-said", &said);
    offer_undo(host, doors);
    focus_later("reset-undo");
}

/// Reads the backup `file` and imports it: each part merged, and what changed said.
fn import(host: Element, doors: Doors, file: &web_sys::File) {
    let name = file.name();
    if file.size() > f64::from(files::MAX_BACKUP) {
        return say(
            "data-said",
            &format!("“{name}” is larger than a Rungs backup can be: nothing changed."),
        );
    }
    files::read_text(file, move |text| {
        let message = match text.as_deref().map(Backup::read) {
            Some(Ok(backup)) => match doors.to_change() {
                Some(mut progress) => {
                    let restored = restore(&mut progress, &backup);
                    doors.set(&progress);
                    restored.message(&name)
                }
                None => OUTDATED.to_owned(),
            },
            Some(Err(err)) => format!("“{name}” is not a Rungs backup ({err}): nothing changed."),
            None => format!("“{name}” could not be read as text: nothing changed."),
        };
        say("data-said", &message);
        offer_undo(&host, &doors);
    });
}

/// Merges `backup` into `progress`, its kept values and imported ladder into storage;
/// counts what changed.
fn restore(progress: &mut Progress, backup: &Backup) -> crate::progress::Restored {
    let mut restored = progress.restore_backup(&backup.progress, now());
    restored.kept = restore_kept(&backup.kept, &storage::backup_values(), now());
    restored
        .kept
        .writes
        .retain(|(key, value)| storage::set(key, value));
    let here = storage::imported_raw();
    restored.ladder = LadderRestore::decide(backup.imported_ladder.as_deref(), here.as_deref());
    if let (LadderRestore::Stored, Some(text)) = (restored.ladder, &backup.imported_ladder) {
        if storage::save_imported(text).is_err() {
            restored.ladder = LadderRestore::Nothing;
        }
    }
    restored
}

/// The Undo reset of the section around `host`, taken out (nothing to undo when the
/// last reset was on another page).
fn take_held(host: &Element) -> UndoReset {
    HELD.with(|h| match h.borrow_mut().take() {
        Some((at, undo)) if at == *host => undo,
        _ => UndoReset::Empty,
    })
}

/// Shows Undo reset exactly while it would bring something back.
fn offer_undo(host: &Element, doors: &Doors) {
    let offered = HELD.with(|h| {
        h.borrow().as_ref().is_some_and(|(at, undo)| {
            at == host
                && doors
                    .progress()
                    .is_some_and(|p| undo.offered(&p, &storage::kept_values()))
        })
    });
    show("reset-undo", offered);
}

/// Draws Your progress data in `host`, the app's section (`ui::summary_page`), which
/// serves its clicks.
pub fn draw(host: Element) {
    let host = &host;
    host.set_text_content(None);
    add(
        host,
        &text("h2", &[("id", "your-data")], "Your progress data"),
    );
    add(host, &text("p", &[("class", "muted")], "Everything you record stays in this browser. A backup file holds all of it, for every level: ratings, evidence notes, check-ins, quiz positions, kept replies, your answers to other people's links and the ladder you imported."));
    let pick = markup! { label(class = "file-button") { "Import backup" } };
    add(
        &pick,
        &markup! { input(type = "file", accept = ".json,application/json") [] },
    );
    let actions = markup! {
        p(class = "actions") [
            (button("Download backup", DataAct::Backup.name(), &[]))
            (pick)
            (button("Reset progress…", DataAct::Ask.name(), &[("id", "reset-ask")]))
        ]
    };
    let confirm = markup! {
        div(class = "confirm", id = "reset-confirm", role = "group", "aria-labelledby" = "reset-question", hidden = "") [
            // The question says what a reset clears and keeps, counted when it is asked.
            p(id = "reset-question") { "" }
            p(class = "actions") [
                (button("Reset everything", DataAct::Reset.name(), &[("class", "danger")]))
                (button("Cancel", DataAct::Cancel.name(), &[("id", "reset-cancel")]))
            ]
        ]
    };
    let undo = button(
        "Undo reset",
        DataAct::Undo.name(),
        &[("id", "reset-undo"), ("hidden", "")],
    );
    let status = markup! { p(class = "status", role = "status") [ span(id = "data-said") [] ] };
    let _ = status.append_with_str_1(" ");
    add(&status, &undo);
    for part in [actions, confirm, status] {
        add(host, &part);
    }
    // How much browser storage Rungs uses, with a warning when it runs short.
    add(host, &super::checkins::storage_line());
    // Where the extra module says it did not load.
    add(host, &el("div", &[("class", "data-extra")]));
}
