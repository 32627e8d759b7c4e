//! Check-ins: the Save check-in panel under a level's views, and the Check-ins view
//! of a level (`#/<track>/<role>/<level>/checkins`): Since last check-in, every
//! check-in newest first (open one read-only, export it, delete it with Undo), any two
//! compared, the trend per dimension as a chart with its table, the next check-in as a
//! calendar event, and how much storage Rungs uses. Decisions are the core's
//! (`progress::checkin`); these files only draw them. Changes are said in words.
//!
//! - `panel.rs`: the Save check-in panel;
//! - `list.rs`: every check-in, and one opened read-only;
//! - `diff.rs`: what changed between two check-ins, and the word diff of a reworded
//!   expectation;
//! - `trend.rs`: the trend chart and its table;
//! - `export.rs`: print, the next check-in as a calendar event;
//! - `usage.rs`: how much storage Rungs uses.

mod diff;
mod export;
mod list;
mod panel;
mod trend;
mod usage;

pub use panel::panel;
pub use usage::storage_line;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::fields::listen;
use crate::ladder::{Level, Role};
use crate::modules::LevelId;
use crate::progress::checkin::{self, compare, next_checkin_ics, parse_day, Checkin};
use crate::progress::Progress;
use crate::route::{Route, View};
use crate::storage;
use crate::ui::dom::{actions, add, button, markup, section};
use crate::ui::files;
use diff::{changes, comparing};
use export::{calendar, print_opened};
use list::{fill_share, list, opened};
use trend::trend_section;

/// What the view shows besides its fixed parts, kept across redraws.
#[derive(Default)]
struct State {
    /// Where the view is drawn, and for which (role, level, progress).
    at: Option<(Element, String, String, Rc<Progress>)>,
    /// The check-in opened read-only, by id.
    open: Option<String>,
    /// The two check-ins compared (older, newer), by id.
    pair: Option<(String, String)>,
    /// A check-in asked to be deleted, by id.
    asking: Option<String>,
    /// The check-in whose share panel is open, by id.
    sharing: Option<String>,
    /// The last deleted check-in (key, stored value), for Undo.
    deleted: Option<(String, String)>,
    /// What the status line says after an action.
    said: String,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

actions! {
    /// What a click in the view asks for; the check-in it is about, if any, is the
    /// button's `data-id`.
    pub(super) enum Act {
        Open = "open",
        Close = "close",
        Share = "share",
        AskDelete = "ask-delete",
        Delete = "delete",
        /// Keep it, when a delete was asked.
        KeepIt = "keep",
        UndoDelete = "undo-delete",
        Compare = "compare",
        Print = "print",
        Markdown = "markdown",
        Calendar = "calendar",
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A level found in the ladder, by place rather than copied out of it (a copy of the
/// level was 0.4 KB of wasm in this module).
struct Found {
    ladder: Rc<crate::ladder::Ladder>,
    role: usize,
    level: usize,
}

impl Found {
    fn role(&self) -> &Role {
        &self.ladder.roles[self.role]
    }

    fn level(&self) -> &Level {
        &self.role().levels[self.level]
    }
}

/// Level `level` of role `role` in the ladder.
fn find(role: &str, level: &str) -> Option<Found> {
    let ladder = super::ladder();
    let r = ladder.roles.iter().position(|r| r.id == role)?;
    let l = ladder.roles[r].levels.iter().position(|l| l.id == level)?;
    Some(Found {
        ladder,
        role: r,
        level: l,
    })
}

/// Stored check-ins as read: the (key, value) pairs, the check-ins read from them
/// (newest first) and how many could not be read.
#[derive(Default)]
struct Read {
    values: Vec<(String, String)>,
    /// Shared with every draw rather than copied for each (a copy of every check-in
    /// costs wasm in every module build).
    all: Rc<Vec<Checkin>>,
    unreadable: usize,
}

thread_local! {
    /// The values last read: a redraw with nothing saved or deleted since parses
    /// nothing again.
    static READ: RefCell<Read> = RefCell::default();
}

/// The stored check-ins of a level, newest first, and how many could not be read.
fn stored(role: &str, level: &str) -> (Rc<Vec<Checkin>>, usize) {
    let values: Vec<(String, String)> = storage::keys(&checkin::level_prefix(role, level))
        .into_iter()
        .filter_map(|k| storage::get(&k).map(|v| (k, v)))
        .collect();
    READ.with_borrow_mut(|read| {
        if read.values != values {
            let (all, unreadable) = checkin::read_all(&values);
            *read = Read {
                values,
                all: Rc::new(all),
                unreadable: unreadable.len(),
            };
        }
        (Rc::clone(&read.all), read.unreadable)
    })
}

/// The progress now, taken as a check-in (id `now`), to compare the last one with.
fn as_now(progress: &Progress, role: &str, level: &Level) -> Checkin {
    let ladder = super::ladder();
    Checkin::take(
        progress,
        (role, level),
        &ladder.version,
        "now",
        ("now", now()),
        None,
    )
}

fn input_value(id: &str) -> String {
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn select_value(id: &str) -> String {
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The Check-ins view of `level` in `host` (`modules::Checkins::List`), drawn again
/// whenever the progress changes.
pub fn show(host: Element, (role, level): LevelId, progress: Progress) {
    STATE.with_borrow_mut(|s| {
        if s.at
            .as_ref()
            .is_none_or(|(_, r, l, _)| *r != role || *l != level)
        {
            *s = State::default();
        }
        s.at = Some((host, role, level, Rc::new(progress)));
    });
    redraw();
}

/// Draws the view again from what is stored, if it is on the page.
fn redraw() {
    let Some((host, role, level, progress)) = STATE.with_borrow(|s| s.at.clone()) else {
        return;
    };
    if !host.is_connected() {
        return;
    }
    host.set_text_content(None);
    let Some(found) = find(&role, &level) else {
        add(&host, &markup! { h1 { "Check-ins" } });
        let said = "This ladder has no such level.";
        add(&host, &markup! { p(role = "status") { said } });
        return;
    };
    draw(&host, found.role(), found.level(), &progress);
    let handler = host.clone();
    listen(&handler, move |e: web_sys::Event| {
        if e.type_() == "click" {
            if let Some((act, b)) = Act::of(&e) {
                act_on(act, b.get_attribute("data-id").unwrap_or_default());
            }
        }
    });
}

/// Draws the view in `host`, with the link of the check-in being shared, if any.
fn draw(host: &Element, role: &Role, level: &Level, progress: &Progress) {
    let (all, unreadable) = stored(&role.id, &level.id);
    let state = STATE.with_borrow(|s| {
        (
            s.open.clone(),
            s.pair.clone(),
            s.asking.clone(),
            s.sharing.clone(),
            s.deleted.is_some(),
            s.said.clone(),
        )
    });
    let (open, pair, asking, sharing, can_undo, said) = state;
    let heading = format!("Check-ins: {}", level.heading());
    add(host, &markup! { h1 { heading } });
    let status = markup! {
        p(class = "status", role = "status") [ span(id = "checkins-said") { said } ]
    };
    if can_undo {
        let _ = status.append_with_str_1(" ");
        add(&status, &button("Undo delete", Act::UndoDelete.name(), &[]));
    }
    add(host, &status);
    if unreadable > 0 {
        let said = format!("{unreadable} stored check-in(s) of this level could not be read; they are left as they are.");
        add(host, &markup! { p(role = "alert") { said } });
    }
    let current = as_now(progress, &role.id, level);
    if let Some(id) = &open {
        if let Some(i) = all.iter().position(|c| c.id == *id) {
            add(host, &opened(&all[i], all.get(i + 1), level));
        }
    }
    let since = section("checkins-since", "since", "Since last check-in");
    match all.first() {
        None => {
            let said = "No check-ins yet. Before each review, use Save check-in: the next time, this view shows what changed since.";
            add(&since, &markup! { p { said } });
        }
        Some(last) => {
            let from = format!("From the check-in of {} to your answers now.", last.name());
            add(&since, &markup! { p(class = "muted") { from } });
            changes(&since, &compare(last, &current));
        }
    }
    add(host, &since);
    add(host, &list(&all, asking.as_deref(), sharing.as_deref()));
    if all.len() >= 2 {
        add(host, &comparing(&all, pair.as_ref()));
    }
    if !all.is_empty() {
        add(host, &trend_section(&all));
    }
    add(host, &calendar());
    add(host, &storage_line());
    if let Some(c) = all.iter().find(|c| sharing.as_ref() == Some(&c.id)) {
        fill_share(c);
    }
}

/// Does `act`, about the check-in of id `id` for the actions that name one.
fn act_on(act: Act, id: String) {
    let Some((_, role, level, _)) = STATE.with_borrow(|s| s.at.clone()) else {
        return;
    };
    let (all, _) = stored(&role, &level);
    let index_of = |id: &str| all.iter().position(|c| c.id == id);
    let mut focus = None;
    let mut print = false;
    STATE.with_borrow_mut(|s| {
        s.said.clear();
        match act {
            Act::Open => {
                s.open = Some(id);
                focus = Some("open-checkin");
            }
            Act::Close => {
                s.open = None;
                focus = Some("all-checkins");
            }
            Act::Share => {
                // The same button closes the panel it opened.
                s.sharing = (s.sharing.as_deref() != Some(id.as_str())).then_some(id);
                focus = Some(if s.sharing.is_some() {
                    list::SHARE_PANEL
                } else {
                    "all-checkins"
                });
            }
            Act::AskDelete => {
                s.asking = Some(id);
                focus = Some("delete-keep");
            }
            Act::KeepIt => {
                s.asking = None;
                focus = Some("all-checkins");
            }
            Act::Delete => {
                if let Some(c) = s.asking.take().and_then(|id| index_of(&id)).map(|i| &all[i]) {
                    let key = c.key();
                    if let Some(value) = storage::get(&key) {
                        storage::remove(&key);
                        s.deleted = Some((key, value));
                        s.said = format!("Deleted the check-in of {}.", c.name());
                        if s.open.as_deref() == Some(c.id.as_str()) {
                            s.open = None;
                        }
                    }
                }
                focus = Some("checkins-said");
            }
            Act::UndoDelete => {
                if let Some((key, value)) = s.deleted.take() {
                    s.said = if storage::set(&key, &value) {
                        "Delete undone: the check-in is back.".to_owned()
                    } else {
                        "This browser refused to store the check-in again (storage full).".to_owned()
                    };
                }
                focus = Some("checkins-said");
            }
            Act::Compare => {
                s.pair = Some((select_value("checkin-from"), select_value("checkin-to")));
                focus = Some("compare-checkins");
            }
            Act::Print => {
                s.open = Some(id);
                print = true;
            }
            Act::Markdown => {
                if let (Some(i), Some(found)) = (index_of(&id), find(&role, &level)) {
                    let heading = found.level().heading();
                    let md = checkin::checkin_markdown(&all[i], all.get(i + 1), &heading);
                    let file = format!("rungs-checkin-{}-{level}-{}.md", role.replace('/', "-"), all[i].id);
                    files::download(&file, "text/markdown", &md);
                }
            }
            Act::Calendar => {
                let date = input_value("next-date");
                s.said = match (parse_day(&date), find(&role, &level)) {
                    (Ok(day), Some(found)) => {
                        let link = link_here(&role, &level);
                        let ics = next_checkin_ics(day, &found.level().heading(), &link, now());
                        files::download("rungs-next-checkin.ics", "text/calendar", &ics);
                        format!("Downloaded a calendar event for {date}: open it to add it to your calendar.")
                    }
                    (Err(_), _) if date.is_empty() => "Pick the date of the next check-in first.".to_owned(),
                    (Err(e), _) => format!("The date is wrong: {e}."),
                    (_, None) => String::new(),
                };
                focus = Some("checkins-said");
            }
        }
    });
    redraw();
    if let Some(id) = focus {
        focus_by_id(id);
    }
    if print {
        print_opened();
    }
}

/// The address of this level's Check-ins view.
fn link_here(role: &str, level: &str) -> String {
    super::address_of(&Route::level_fragment(role, level, View::Checkins))
}

/// Focuses element `id` (making a heading focusable first).
fn focus_by_id(id: &str) {
    if let Some(e) = leptos::prelude::document().get_element_by_id(id) {
        if e.tag_name() == "H2" || e.tag_name() == "SPAN" {
            let _ = e.set_attribute("tabindex", "-1");
        }
        if let Some(e) = e.dyn_ref::<web_sys::HtmlElement>() {
            let _ = e.focus();
        }
    }
}
