//! Check-ins: the Save check-in panel under a level's views, and the Check-ins view
//! of a level (`#/<track>/<role>/<level>/checkins`): Since last check-in, every
//! check-in newest first (open one read-only, export it, delete it with Undo), any two
//! compared, the trend per dimension as a chart with its table, the next check-in as a
//! calendar event, and how much storage Rungs uses. Decisions are the core's
//! (`progress::checkin`); this file only draws them. Changes are said in words.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::fields::listen;
use crate::ladder::{word_diff, Level, Role, Segment};
use crate::progress::checkin::{
    self, compare, format, next_checkin_ics, parse_day, trend, Change, Checkin, Now, Since,
    StorageUse,
};
use crate::progress::kept::{ID_PREFIX, KEPT_PREFIX};
use crate::progress::{from_json, json, Progress, Rating};
use crate::route::{Route, View};
use crate::storage;
use crate::ui::dom::{action, add, button, el, focus_later, say, section, svg, text};
use crate::ui::files;

/// What the view shows besides its fixed parts, kept across redraws.
#[derive(Default)]
struct State {
    /// Where the view is drawn, and for which (role, level, progress JSON).
    at: Option<(Element, String, String, String)>,
    /// The check-in opened read-only, by id.
    open: Option<String>,
    /// The two check-ins compared (older, newer), by id.
    pair: Option<(String, String)>,
    /// A check-in asked to be deleted, by id.
    asking: Option<String>,
    /// The last deleted check-in (key, stored value), for Undo.
    deleted: Option<(String, String)>,
    /// What the status line says after an action.
    said: String,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// What a click in the view asks for: a button's `data-act`, with its `data-id`.
enum Act {
    Open(String),
    Close,
    AskDelete(String),
    Delete,
    KeepIt,
    UndoDelete,
    Compare,
    Print(String),
    Markdown(String),
    Calendar,
}

impl Act {
    fn of(e: &web_sys::Event) -> Option<Act> {
        let (act, b) = action(e)?;
        let id = b.get_attribute("data-id").unwrap_or_default();
        Some(match act.as_str() {
            "open" => Act::Open(id),
            "close" => Act::Close,
            "ask-delete" => Act::AskDelete(id),
            "delete" => Act::Delete,
            "keep" => Act::KeepIt,
            "undo-delete" => Act::UndoDelete,
            "compare" => Act::Compare,
            "print" => Act::Print(id),
            "markdown" => Act::Markdown(id),
            "calendar" => Act::Calendar,
            _ => return None,
        })
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// The role and level of `role_id`/`level_id` in the ladder.
fn find(role: &str, level: &str) -> Option<(Role, Level)> {
    let ladder = super::ladder();
    let r = ladder.role(role)?;
    let l = r.level(level)?.clone();
    let role = Role {
        id: r.id.clone(),
        ..Role::default()
    };
    Some((role, l))
}

/// Stored check-ins as read: the (key, value) pairs, the check-ins read from them
/// (newest first) and how many could not be read.
#[derive(Default)]
struct Read {
    values: Vec<(String, String)>,
    all: Vec<Checkin>,
    unreadable: usize,
}

thread_local! {
    /// The values last read: a redraw with nothing saved or deleted since parses
    /// nothing again.
    static READ: RefCell<Read> = RefCell::default();
}

/// The stored check-ins of a level, newest first, and how many could not be read.
fn stored(role: &str, level: &str) -> (Vec<Checkin>, usize) {
    let values: Vec<(String, String)> = storage::keys(&checkin::level_prefix(role, level))
        .into_iter()
        .filter_map(|k| storage::get(&k).map(|v| (k, v)))
        .collect();
    READ.with_borrow_mut(|read| {
        if read.values != values {
            let (all, unreadable) = checkin::read_all(&values);
            *read = Read {
                values,
                all,
                unreadable: unreadable.len(),
            };
        }
        (read.all.clone(), read.unreadable)
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

/// The link text of the manager's reply kept for the level, if any.
fn kept_reply(role: &str, level: &str) -> Option<String> {
    let id = storage::get(&format!("{ID_PREFIX}{role}/{level}"))?;
    let value = json::parse(&storage::get(&format!("{KEPT_PREFIX}{}", id.trim()))?).ok()?;
    match value.as_object()?.iter().find(|(k, _)| k == "link")? {
        (_, json::Value::String(link)) => Some(link.clone()),
        _ => None,
    }
}

/// Entry point `checkin(panel, progress_json)`: fills the Save check-in panel that the
/// app has just opened (a title and Save) for the level in the address.
pub fn panel(panel: Element, progress: String) {
    let hash = leptos::prelude::window()
        .location()
        .hash()
        .unwrap_or_default();
    let Route::Level { role, level, .. } = Route::parse(&hash) else {
        return;
    };
    panel.set_text_content(None);
    add(
        &panel,
        &text("label", &[("for", "checkin-title")], "Title (optional)"),
    );
    add(
        &panel,
        &el(
            "input",
            &[
                ("id", "checkin-title"),
                ("type", "text"),
                ("placeholder", "Q3 review with Sam"),
            ],
        ),
    );
    add(&panel, &button("Save", "save", &[]));
    add(
        &panel,
        &text("p", &[("role", "status"), ("id", "checkin-said")], ""),
    );
    focus_later("checkin-title");
    listen(&panel, move |e: web_sys::Event| {
        if e.type_() != "click" || action(&e).is_none_or(|(a, _)| a != "save") {
            return;
        }
        let title = input_value("checkin-title");
        // The progress as saved now (the panel may have stayed open while ratings
        // changed); the one it opened with if storage holds none it can read.
        let now = storage::get(storage::KEY).filter(|s| from_json(s).is_ok());
        let said = save(&role, &level, now.as_deref().unwrap_or(&progress), &title);
        say("checkin-said", &said);
    });
}

/// Saves a check-in of the level from `progress` titled `title`; what to say.
fn save(role: &str, level_id: &str, progress: &str, title: &str) -> String {
    let (Some((_, level)), Ok(progress)) = (find(role, level_id), from_json(progress)) else {
        return "This level is not in the ladder any more: nothing was saved.".to_owned();
    };
    let at = now();
    let id = format!(
        "{at:x}-{:08x}",
        (js_sys::Math::random() * 4_294_967_295.0) as u64
    );
    let version = super::ladder().version.clone();
    let c = Checkin::take(
        &progress,
        (role, &level),
        &version,
        title,
        (&id, at),
        kept_reply(role, level_id),
    );
    if !storage::set(&c.key(), &format::to_json(&c)) {
        return "This browser refused to store the check-in (storage full or blocked). Download a backup, then delete old check-ins.".to_owned();
    }
    redraw();
    format!(
        "Saved the check-in of {}. See it under Check-ins.",
        c.name()
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

/// Entry point `checkins(host, role, level, progress_json)`: the Check-ins view, drawn
/// again whenever the progress changes.
pub fn show(host: Element, role: String, level: String, progress: String) {
    STATE.with_borrow_mut(|s| {
        if s.at
            .as_ref()
            .is_none_or(|(_, r, l, _)| *r != role || *l != level)
        {
            *s = State::default();
        }
        s.at = Some((host, role, level, progress));
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
    let Some((r, l)) = find(&role, &level) else {
        add(&host, &text("h1", &[], "Check-ins"));
        add(
            &host,
            &text("p", &[("role", "status")], "This ladder has no such level."),
        );
        return;
    };
    let progress = from_json(&progress).unwrap_or_default();
    draw(&host, &r, &l, &progress);
    let handler = host.clone();
    listen(&handler, move |e: web_sys::Event| {
        if e.type_() == "click" {
            if let Some(act) = Act::of(&e) {
                act_on(act);
            }
        }
    });
}

fn draw(host: &Element, role: &Role, level: &Level, progress: &Progress) {
    let (all, unreadable) = stored(&role.id, &level.id);
    let state = STATE.with_borrow(|s| {
        (
            s.open.clone(),
            s.pair.clone(),
            s.asking.clone(),
            s.deleted.is_some(),
            s.said.clone(),
        )
    });
    let (open, pair, asking, can_undo, said) = state;
    add(
        host,
        &text("h1", &[], &format!("Check-ins: {}", level.heading())),
    );
    let status = el("p", &[("class", "status"), ("role", "status")]);
    add(&status, &text("span", &[("id", "checkins-said")], &said));
    if can_undo {
        let _ = status.append_with_str_1(" ");
        add(&status, &button("Undo delete", "undo-delete", &[]));
    }
    add(host, &status);
    if unreadable > 0 {
        add(host, &text("p", &[("role", "alert")], &format!("{unreadable} stored check-in(s) of this level could not be read; they are left as they are.")));
    }
    let current = as_now(progress, &role.id, level);
    if let Some(id) = &open {
        if let Some(i) = all.iter().position(|c| c.id == *id) {
            add(host, &opened(&all[i], all.get(i + 1), level));
        }
    }
    let since = section("checkins-since", "since", "Since last check-in");
    match all.first() {
        None => add(&since, &text("p", &[], "No check-ins yet. Before each review, use Save check-in: the next time, this view shows what changed since.")),
        Some(last) => {
            add(
                &since,
                &text("p", &[("class", "muted")], &format!("From the check-in of {} to your answers now.", last.name())),
            );
            changes(&since, &compare(last, &current));
        }
    }
    add(host, &since);
    add(host, &list(&all, asking.as_deref()));
    if all.len() >= 2 {
        add(host, &comparing(&all, pair.as_ref()));
    }
    if !all.is_empty() {
        add(host, &trend_section(&all));
    }
    add(host, &calendar());
    add(host, &storage_line());
}

/// The changes of `since`: per dimension the moves, then each changed expectation.
fn changes(parent: &Element, since: &Since) {
    let moves = el("ul", &[("class", "moves")]);
    for d in &since.dimensions {
        add(&moves, &text("li", &[], &d.words()));
    }
    add(parent, &moves);
    if since.changes.is_empty() {
        add(parent, &text("p", &[], "No rating or evidence changed."));
        return;
    }
    let list = el("ul", &[("class", "changes")]);
    for c in &since.changes {
        add(&list, &change(c));
    }
    add(parent, &list);
    add(
        parent,
        &text(
            "p",
            &[("class", "muted")],
            &format!("{} other expectations did not change.", since.unchanged),
        ),
    );
}

fn change(c: &Change) -> Element {
    let li = el("li", &[]);
    add(&li, &text("p", &[], &c.text));
    add(&li, &text("p", &[("class", "change")], &c.words()));
    if let Some(evidence) = &c.evidence {
        add(
            &li,
            &text(
                "p",
                &[("class", "note")],
                &format!("Evidence written since: {evidence}"),
            ),
        );
    }
    li
}

/// Every check-in, newest first, with Open, Download Markdown, Print and Delete.
fn list(all: &[Checkin], asking: Option<&str>) -> Element {
    let s = section("checkins-list", "all-checkins", "Your check-ins");
    if all.is_empty() {
        add(
            &s,
            &text("p", &[("class", "muted")], "None saved for this level."),
        );
        return s;
    }
    let ol = el("ol", &[]);
    for c in all {
        let li = el("li", &[]);
        let name = c.name();
        add(&li, &text("p", &[], &name));
        let actions = el("p", &[("class", "actions")]);
        for (label, act, what) in [
            ("Open", "open", "Open the check-in of"),
            (
                "Download Markdown",
                "markdown",
                "Download Markdown of the check-in of",
            ),
            ("Print", "print", "Print the check-in of"),
            ("Delete…", "ask-delete", "Delete… the check-in of"),
        ] {
            let aria = format!("{what} {name}");
            add(
                &actions,
                &button(label, act, &[("data-id", &c.id), ("aria-label", &aria)]),
            );
        }
        add(&li, &actions);
        if asking == Some(c.id.as_str()) {
            let confirm = el(
                "div",
                &[
                    ("class", "confirm"),
                    ("role", "group"),
                    ("aria-labelledby", "delete-q"),
                ],
            );
            add(
                &confirm,
                &text(
                    "p",
                    &[("id", "delete-q")],
                    &format!(
                        "Delete the check-in of {name}? You can undo it until you leave this page."
                    ),
                ),
            );
            let choose = el("p", &[("class", "actions")]);
            add(
                &choose,
                &button("Delete check-in", "delete", &[("class", "danger")]),
            );
            add(
                &choose,
                &button("Keep it", "keep", &[("id", "delete-keep")]),
            );
            add(&confirm, &choose);
            add(&li, &confirm);
        }
        add(&ol, &li);
    }
    add(&s, &ol);
    s
}

/// One check-in read-only: each expectation with its rating and evidence then, marked
/// where the ladder changed it since, and what changed since the one before.
fn opened(c: &Checkin, previous: Option<&Checkin>, level: &Level) -> Element {
    let s = section(
        "checkin-open",
        "open-checkin",
        &format!("Check-in of {}", c.name()),
    );
    add(
        &s,
        &text("p", &[("class", "muted")], "Read-only: as it was saved."),
    );
    let actions = el("p", &[("class", "actions")]);
    add(
        &actions,
        &button("Close", "close", &[("id", "checkin-close")]),
    );
    add(&s, &actions);
    if let Some(link) = &c.reply {
        let p = el("p", &[]);
        let href = Route::Shared(link.clone()).to_fragment();
        add(
            &p,
            &text(
                "a",
                &[("href", &href)],
                "The manager's reply kept with this check-in",
            ),
        );
        add(&s, &p);
    }
    if let Some(previous) = previous {
        add(
            &s,
            &text(
                "h3",
                &[],
                &format!("Since the check-in of {}", previous.name()),
            ),
        );
        changes(&s, &compare(previous, c));
    }
    let marks = c.against(Some(level));
    let mut at = 0;
    for d in &c.dimensions {
        add(&s, &text("h3", &[], &d.name));
        let ul = el("ul", &[("class", "checkin-items")]);
        for item in &d.items {
            let li = el("li", &[]);
            add(&li, &text("p", &[], &item.text));
            add(
                &li,
                &text(
                    "p",
                    &[("class", "change")],
                    item.rating.map_or("Not rated", Rating::label),
                ),
            );
            if !item.evidence.trim().is_empty() {
                add(&li, &text("p", &[("class", "note")], &item.evidence));
            }
            match marks.get(at).map(|(_, n)| n) {
                Some(Now::Changed(today)) => {
                    add(
                        &li,
                        &text(
                            "p",
                            &[("class", "mark")],
                            "Changed since you rated it. The ladder now reads:",
                        ),
                    );
                    add(&li, &marked(&word_diff(&item.text, today)));
                }
                Some(Now::Gone) => {
                    add(
                        &li,
                        &text(
                            "p",
                            &[("class", "mark")],
                            "No longer in the ladder: kept here with this check-in.",
                        ),
                    );
                }
                _ => {}
            }
            at += 1;
            add(&ul, &li);
        }
        add(&s, &ul);
    }
    s
}

/// The text of today from a word diff: kept words, removed ones struck through and
/// added ones marked, each said in words too.
fn marked(diff: &[Segment]) -> Element {
    let p = el("p", &[("class", "reworded")]);
    for (i, segment) in diff.iter().enumerate() {
        if i > 0 {
            let _ = p.append_with_str_1(" ");
        }
        let (tag, said, words) = match segment {
            Segment::Kept(w) => {
                let _ = p.append_with_str_1(w);
                continue;
            }
            Segment::Removed(w) => ("del", "removed: ", w),
            Segment::Added(w) => ("ins", "added: ", w),
        };
        let mark = el(tag, &[]);
        add(&mark, &text("span", &[("class", "visually-hidden")], said));
        let _ = mark.append_with_str_1(words);
        add(&p, &mark);
    }
    p
}

/// Compare any two check-ins: two pickers and Compare, then the changes.
fn comparing(all: &[Checkin], pair: Option<&(String, String)>) -> Element {
    let s = section(
        "checkins-compare",
        "compare-checkins",
        "Compare two check-ins",
    );
    let pickers = el("div", &[("class", "compare-pickers")]);
    for (id, label, default) in [
        ("checkin-from", "From", all.get(1).map(|c| c.id.as_str())),
        ("checkin-to", "To", all.first().map(|c| c.id.as_str())),
    ] {
        let field = el("div", &[("class", "field")]);
        add(&field, &text("label", &[("for", id)], label));
        let select = el("select", &[("id", id)]);
        let chosen = pair
            .map(|(a, b)| {
                if id == "checkin-from" {
                    a.as_str()
                } else {
                    b.as_str()
                }
            })
            .or(default);
        for c in all {
            let mut attrs = vec![("value", c.id.as_str())];
            if chosen == Some(c.id.as_str()) {
                attrs.push(("selected", ""));
            }
            add(&select, &text("option", &attrs, &c.name()));
        }
        add(&field, &select);
        add(&pickers, &field);
    }
    add(&pickers, &button("Compare", "compare", &[]));
    add(&s, &pickers);
    if let Some((a, b)) = pair {
        let find = |id: &str| all.iter().find(|c| c.id == id);
        if let (Some(a), Some(b)) = (find(a), find(b)) {
            let (older, newer) = if a.updated <= b.updated {
                (a, b)
            } else {
                (b, a)
            };
            add(
                &s,
                &text(
                    "p",
                    &[("class", "muted")],
                    &format!(
                        "From the check-in of {} to that of {}.",
                        older.name(),
                        newer.name()
                    ),
                ),
            );
            changes(&s, &compare(older, newer));
        }
    }
    s
}

/// Per dimension the share rated Performing or better at each check-in: a chart,
/// and the same figures as a table for screen readers.
fn trend_section(all: &[Checkin]) -> Element {
    let s = section("checkins-trend", "trend", "Trend");
    add(&s, &text("p", &[("class", "muted")], "Per dimension, the share of expectations rated Performing or better at each check-in, oldest first."));
    let rows = trend(all);
    let points = all.len();
    // 0 to 100% upwards over 100 units; the check-ins spread over 210, names after them.
    let x = |i: usize| 10 + i * 210 / points.saturating_sub(1).max(1);
    let y = |p: usize| 110 - p.min(100);
    let chart = el("div", &[("class", "chart")]);
    let canvas = svg(
        "svg",
        &[
            ("viewBox", "0 0 330 120"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
        ],
    );
    for row in &rows {
        let coords: Vec<(usize, usize)> = (0..points)
            .filter_map(|i| row.percent(i).map(|p| (x(i), y(p))))
            .collect();
        if let Some((lx, ly)) = coords.last() {
            let line: Vec<String> = coords.iter().map(|(a, b)| format!("{a},{b}")).collect();
            add(
                &canvas,
                &svg(
                    "polyline",
                    &[
                        ("points", &line.join(" ")),
                        ("fill", "none"),
                        ("stroke", "currentColor"),
                        ("stroke-width", "2"),
                    ],
                ),
            );
            let (lx, ly) = (lx.to_string(), ly.to_string());
            let label = svg(
                "text",
                &[
                    ("x", &lx),
                    ("y", &ly),
                    ("dx", "4"),
                    ("font-size", "9"),
                    ("fill", "currentColor"),
                ],
            );
            label.set_text_content(Some(&row.name));
            add(&canvas, &label);
        }
    }
    add(&chart, &canvas);
    add(&s, &chart);
    let mut oldest_first: Vec<&Checkin> = all.iter().collect();
    oldest_first.reverse();
    let table = el("table", &[("class", "compare-table")]);
    add(
        &table,
        &text(
            "caption",
            &[],
            "Share rated Performing or better, per check-in",
        ),
    );
    let head = el("tr", &[]);
    add(&head, &text("th", &[("scope", "col")], "Dimension"));
    for c in &oldest_first {
        add(&head, &text("th", &[("scope", "col")], &c.name()));
    }
    let thead = el("thead", &[]);
    add(&thead, &head);
    add(&table, &thead);
    let body = el("tbody", &[]);
    for row in &rows {
        let tr = el("tr", &[]);
        add(&tr, &text("th", &[("scope", "row")], &row.name));
        for i in 0..points {
            let cell = match (row.percent(i), row.points.get(i).copied().flatten()) {
                (Some(p), Some((good, of))) => format!("{p}% ({good} of {of})"),
                _ => "not in this check-in".to_owned(),
            };
            add(&tr, &text("td", &[], &cell));
        }
        add(&body, &tr);
    }
    add(&table, &body);
    add(&s, &table);
    s
}

/// "Add the next check-in to my calendar": a date and a download.
fn calendar() -> Element {
    let s = section("checkins-next", "next-checkin", "Next check-in");
    let p = el("p", &[("class", "actions")]);
    add(
        &p,
        &text(
            "label",
            &[("for", "next-date")],
            "Date of the next check-in",
        ),
    );
    add(&p, &el("input", &[("id", "next-date"), ("type", "date")]));
    add(
        &p,
        &button("Add the next check-in to my calendar", "calendar", &[]),
    );
    add(&s, &p);
    s
}

/// How much of the browser's storage Rungs uses, with a warning near the limit.
pub fn storage_line() -> Element {
    let used: u64 = storage::keys("rungs")
        .into_iter()
        .map(|k| {
            let v = storage::get(&k).map_or(0, |v| v.chars().count());
            (k.chars().count() + v) as u64
        })
        .sum();
    let usage = StorageUse::of(used);
    let role = if usage.warns() { "alert" } else { "note" };
    text(
        "p",
        &[("class", "storage-use"), ("role", role)],
        &usage.words(),
    )
}

fn act_on(act: Act) {
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
            Act::Open(id) => {
                s.open = Some(id);
                focus = Some("open-checkin");
            }
            Act::Close => {
                s.open = None;
                focus = Some("all-checkins");
            }
            Act::AskDelete(id) => {
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
            Act::Print(id) => {
                s.open = Some(id);
                print = true;
            }
            Act::Markdown(id) => {
                if let (Some(i), Some((_, l))) = (index_of(&id), find(&role, &level)) {
                    let md = checkin::checkin_markdown(&all[i], all.get(i + 1), &l.heading());
                    let file = format!("rungs-checkin-{}-{level}-{}.md", role.replace('/', "-"), all[i].id);
                    files::download(&file, "text/markdown", &md);
                }
            }
            Act::Calendar => {
                let date = input_value("next-date");
                s.said = match (parse_day(&date), find(&role, &level)) {
                    (Ok(day), Some((_, l))) => {
                        let link = link_here(&role, &level);
                        let ics = next_checkin_ics(day, &l.heading(), &link, now());
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
    super::address_of(&Route::level_view(role, level, View::Checkins))
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

/// Prints the opened check-in as a sheet of its own: the view's other parts are hidden
/// while the browser prints (the page's print style hides the header and the buttons).
fn print_opened() {
    let Some((host, ..)) = STATE.with_borrow(|s| s.at.clone()) else {
        return;
    };
    let others = host.query_selector_all(".checkins > :not(.checkin-open, h1)");
    let hide = |hidden: bool| {
        if let Ok(list) = &others {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.toggle_attribute_with_force("hidden", hidden);
                }
            }
        }
    };
    hide(true);
    let _ = leptos::prelude::window().print();
    hide(false);
}
