//! Opening a share link: someone's shared progress, read-only, with a place for their
//! manager to answer; or a manager's reply, both sides side by side.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::{apart, kept, link_to, rated};
use crate::ladder::{Dimension, Level, Role};
use crate::progress::share::{
    decode, encode, link_warning, resolve, Entry, ManagerSide, Marks, Place, Resolved,
    SharedAssessment, Side,
};
use crate::progress::Progress;
use crate::route::Route;
use crate::ui::dom::{
    action, add, button, dimension_title, el, rich, say, section, show as show_el, text,
};
use crate::ui::{files, rating, store::now};

/// Ratings this many steps apart or more are marked in a reply.
const MARK_APART: u8 = 2;

/// Shows the link text `link` in `host`: the shared progress, the reply, or what is
/// wrong with the link.
pub fn show(host: Element, link: String) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let shared = match decode(&link) {
        Ok(shared) => shared,
        Err(e) => return bad_link(&host, &e.to_string()),
    };
    let resolved = resolve(&shared, &ladder);
    let (role, level) = match resolved.place {
        Place::Found(role, level) => (role, level),
        Place::NoRole => {
            let what = format!("the role “{}” (level “{}”)", shared.role, shared.level);
            return missing(&host, &shared, &what);
        }
        Place::NoLevel(role) => {
            let what = format!("level “{}” of {}", shared.level, role.name);
            return missing(&host, &shared, &what);
        }
    };
    if shared.manager.is_some() {
        reply(&host, &shared, &resolved, role, level, &link);
    } else {
        answer(host, &shared, &resolved, role, level);
    }
}

/// The person's name, or `fallback`.
fn who<'a>(name: &'a Option<String>, fallback: &'a str) -> &'a str {
    name.as_deref()
        .filter(|n| !n.is_empty())
        .unwrap_or(fallback)
}

fn bad_link(host: &Element, reason: &str) {
    add(host, &text("h1", &[], "Shared progress"));
    let alert = el("div", &[("class", "notice error"), ("role", "alert")]);
    add(
        &alert,
        &text(
            "p",
            &[],
            &format!("This share link cannot be opened: {reason}."),
        ),
    );
    add(
        &alert,
        &text(
            "p",
            &[],
            "Nothing of your own progress has changed. Ask the sender to copy the whole link again.",
        ),
    );
    add(host, &alert);
    add_home(host);
}

fn missing(host: &Element, shared: &SharedAssessment, what: &str) {
    add(host, &text("h1", &[], "Shared progress"));
    let alert = el("div", &[("class", "notice error"), ("role", "alert")]);
    let from = who(&shared.name, "The sender");
    let needs = format!(
        "This link needs a ladder this copy of Rungs does not have: {what}, ladder version {}.",
        shared.ladder_version
    );
    add(&alert, &text("p", &[], &needs));
    let hint = if shared.role.starts_with("imported-") {
        format!("{from} imported that ladder in their browser: import the same ladder files here (Import a ladder, on the home page), then open the link again.")
    } else {
        format!("{from} may use their company’s own ladder: open the link in the copy of Rungs that has it, or import that ladder here.")
    };
    add(&alert, &text("p", &[], &hint));
    add(
        &alert,
        &text("p", &[], "Nothing of your own progress has changed."),
    );
    add(host, &alert);
    add_home(host);
}

fn add_home(host: &Element) {
    let p = el("p", &[]);
    add(&p, &text("a", &[("href", "#/")], "Go to the ladder"));
    add(host, &p);
}

/// What was shared without a manager's side: their marks beside the ladder text, and
/// a rating control per expectation for the manager's own answer.
fn answer(
    host: Element,
    shared: &SharedAssessment,
    resolved: &Resolved,
    role: &Role,
    level: &Level,
) {
    let name = who(&shared.name, "Their rating");
    add(&host, &text("h1", &[], "Shared progress"));
    let whose = match shared.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}’s self-check"),
        None => "A self-check".to_owned(),
    };
    add(
        &host,
        &text(
            "p",
            &[("class", "lead")],
            &format!(
                "{whose} of {}, {}. Read-only: it is not added to your own progress.",
                level.heading(),
                role.name
            ),
        ),
    );
    add(
        &host,
        &text(
            "p",
            &[],
            "If you are their manager, rate each expectation yourself, then press Share reply at the end. Your answers stay on this device, apart from your own self-check.",
        ),
    );
    versions(&host, shared, resolved);
    let marks = |id: &str| {
        resolved
            .matched
            .iter()
            .find(|m| m.expectation.id == id)
            .map(|m| m.marks)
    };
    for (i, d) in level.dimensions.iter().enumerate() {
        let section = dimension_section(&host, d, i);
        let list = el("ul", &[("class", "expectations")]);
        for x in &d.expectations {
            let li = el("li", &[("class", "expectation")]);
            let p = el("p", &[("class", "expectation-text")]);
            rich(&p, &x.text);
            add(&li, &p);
            let own = marks(&x.id).and_then(|m| m.own);
            add(&li, &side_mark(name, own, "Evidence"));
            let words = x.text.to_plain();
            let labels = rating::Labels {
                group: format!("Your rating for: {words}"),
                note: format!("Your comment on: {words}"),
                placeholder: "Your comment",
            };
            add(&li, &rating::labelled(&x.id, &words, &labels, None));
            add(&list, &li);
        }
        add(&section, &list);
    }

    let part = section("share-reply", "reply-h", "Your reply");
    add(
        &part,
        &text("p", &[("id", "answers-said"), ("role", "status")], ""),
    );
    name_field(&part, "reply-name");
    add(&part, &button("Share reply", "reply", &[]));
    link_field(&part, "reply", "Reply link");
    add(&host, &part);

    let key = kept::reply_key(&shared.role, &shared.level, who(&shared.name, ""));
    let answers = Rc::new(RefCell::new(kept::answers(&key)));
    rating::sync(&host, &answers.borrow());
    let shared = shared.clone();
    let level = level.clone();
    let on_event = {
        let host = host.clone();
        move |e: web_sys::Event| {
            if let Some((id, words, change)) = rating::read(&e) {
                let mut a = answers.borrow_mut();
                match change {
                    rating::Change::Rate(r) => a.rate(&id, &words, r, now()),
                    rating::Change::Note(n) => a.set_evidence(&id, &words, &n, now()),
                }
                rating::sync(&host, &a);
                let saved = kept::save_answers(&key, &a);
                say(
                    "answers-said",
                    if saved {
                        ""
                    } else {
                        "Your answers could not be saved on this device: share your reply before you leave this page."
                    },
                );
                return;
            }
            remember_name(&e);
            match action(&e).map(|(act, _)| act).as_deref() {
                Some("reply") if e.type_() == "click" => {
                    let reply = with_manager(&shared, &answers.borrow(), &level);
                    put_link("reply", &encode(&reply));
                }
                Some("copy-reply") if e.type_() == "click" => copy_link("reply"),
                _ => {}
            }
        }
    };
    listen(&host, on_event);
}

/// `shared` with the manager's side: `answers` on `level`, signed with their name.
fn with_manager(shared: &SharedAssessment, answers: &Progress, level: &Level) -> SharedAssessment {
    let name = input_value("reply-name").filter(|n| !n.trim().is_empty());
    SharedAssessment {
        manager: Some(ManagerSide {
            name: name.map(|n| n.trim().to_owned()),
            side: Side::from_progress(answers, level),
        }),
        ..shared.clone()
    }
}

/// A reply: per dimension a table of expectations with both sides' marks, where they
/// differ by [`MARK_APART`] steps or more marked in words; and keeping it.
fn reply(
    host: &Element,
    shared: &SharedAssessment,
    resolved: &Resolved,
    role: &Role,
    level: &Level,
    link: &str,
) {
    let manager = shared
        .manager
        .as_ref()
        .map(|m| &m.name)
        .cloned()
        .unwrap_or_default();
    let own_name = who(&shared.name, "Self");
    let manager_name = who(&manager, "Manager");
    add(host, &text("h1", &[], "Manager’s reply"));
    add(
        host,
        &text(
            "p",
            &[("class", "lead")],
            &format!(
                "{own_name}’s self-check and {manager_name}’s ratings of {}, {}, side by side. Read-only until you keep it.",
                level.heading(),
                role.name
            ),
        ),
    );
    let differ = resolved
        .matched
        .iter()
        .filter(|m| apart(m.marks.own, m.marks.manager).is_some_and(|n| n >= MARK_APART))
        .count();
    let summary = match differ {
        0 => "No expectation is rated two steps or more apart.".to_owned(),
        1 => "One expectation is rated two steps or more apart: it is marked below.".to_owned(),
        n => format!("{n} expectations are rated two steps or more apart: they are marked below."),
    };
    add(host, &text("p", &[("class", "differ-count")], &summary));
    versions(host, shared, resolved);
    let marks = |id: &str| {
        resolved
            .matched
            .iter()
            .find(|m| m.expectation.id == id)
            .map(|m| m.marks)
    };
    for (i, d) in level.dimensions.iter().enumerate() {
        let section = dimension_section(host, d, i);
        let table = el("table", &[("class", "sides")]);
        let head = el("thead", &[]);
        let row = el("tr", &[]);
        for h in [
            "Expectation",
            &format!("{own_name} (self)"),
            &format!("{manager_name} (manager)"),
        ] {
            add(&row, &text("th", &[("scope", "col")], h));
        }
        add(&head, &row);
        add(&table, &head);
        let body = el("tbody", &[]);
        for x in &d.expectations {
            let m = marks(&x.id);
            let (own, mgr) = (m.and_then(|m| m.own), m.and_then(|m| m.manager));
            let steps = apart(own, mgr).filter(|n| *n >= MARK_APART);
            let tr = el(
                "tr",
                &[("class", if steps.is_some() { "differ" } else { "" })],
            );
            let th = el("th", &[("scope", "row")]);
            rich(&th, &x.text);
            if let Some(n) = steps {
                add(
                    &th,
                    &text(
                        "span",
                        &[("class", "mark")],
                        &format!(" Differs by {n} steps"),
                    ),
                );
            }
            add(&tr, &th);
            add(&tr, &cell(own, "Evidence"));
            add(&tr, &cell(mgr, "Comment"));
            add(&body, &tr);
        }
        add(&table, &body);
        add(&section, &table);
    }

    let part = section("share-keep", "keep-h", "Keep this reply");
    add(
        &part,
        &text("p", &[("id", "keep-said"), ("role", "status")], ""),
    );
    add(
        &part,
        &button(
            "Keep this reply with my progress",
            "keep",
            &[("id", "keep")],
        ),
    );
    add(
        &part,
        &button("Remove the kept reply", "unkeep", &[("id", "unkeep")]),
    );
    let href = Route::level(&role.id, &level.id).to_fragment();
    let p = el("p", &[]);
    add(
        &p,
        &text(
            "a",
            &[("href", &href)],
            &format!("Open {}", level.heading()),
        ),
    );
    add(&part, &p);
    add(host, &part);

    let key = kept::kept_key(&shared.role, &shared.level, who(&manager, ""));
    let is_kept = kept::get(&key).is_some_and(|l| l == link);
    show_kept(is_kept, "", false);
    let link = link.to_owned();
    listen(host, move |e: web_sys::Event| {
        if e.type_() != "click" {
            return;
        }
        match action(&e).map(|(act, _)| act).as_deref() {
            Some("keep") => {
                if kept::set(&key, &link) {
                    show_kept(
                        true,
                        "Kept with your progress. Find it under Share progress on this level.",
                        true,
                    );
                } else {
                    say("keep-said", "This reply could not be kept: this browser’s storage is full or turned off.");
                }
            }
            Some("unkeep") => {
                kept::remove(&key);
                show_kept(false, "The kept reply was removed.", true);
            }
            _ => {}
        }
    });
}

fn show_kept(kept: bool, said: &str, focus: bool) {
    show_el("keep", !kept);
    show_el("unkeep", kept);
    say(
        "keep-said",
        if said.is_empty() && kept {
            "This reply is kept with your progress."
        } else {
            said
        },
    );
    if focus {
        crate::ui::dom::focus(if kept { "unkeep" } else { "keep" });
    }
}

/// One side's mark in a table cell: the rating, then the note.
fn cell(entry: Option<&Entry>, note: &str) -> Element {
    let td = el("td", &[]);
    let class = if entry.and_then(|e| e.rating).is_some() {
        "rated"
    } else {
        "rated none"
    };
    add(&td, &text("span", &[("class", class)], rated(entry)));
    if let Some(e) = entry.filter(|e| !e.note.is_empty()) {
        add(
            &td,
            &text("p", &[("class", "note")], &format!("{note}: {}", e.note)),
        );
    }
    td
}

/// "Ada: Performing", then the note.
fn side_mark(name: &str, entry: Option<&Entry>, note: &str) -> Element {
    let div = el("div", &[("class", "shared-mark")]);
    let p = el("p", &[]);
    add(&p, &text("strong", &[], &format!("{name}: ")));
    add(&p, &text("span", &[], rated(entry)));
    add(&div, &p);
    if let Some(e) = entry.filter(|e| !e.note.is_empty()) {
        add(
            &div,
            &text("p", &[("class", "note")], &format!("{note}: {}", e.note)),
        );
    }
    div
}

fn dimension_section(host: &Element, d: &Dimension, index: usize) -> Element {
    let title = dimension_title(d.emoji.as_deref(), &d.name);
    let section = section("dimension", &format!("d-{index}"), &title);
    add(host, &section);
    section
}

/// When the link was made with another ladder version: how many answers still match,
/// and each that does not, with what both sides said.
fn versions(host: &Element, shared: &SharedAssessment, resolved: &Resolved) {
    if resolved.same_version && resolved.unmatched.is_empty() {
        return;
    }
    let part = section(
        "notice",
        "versions-h",
        "Made with another version of the ladder",
    );
    let n = resolved.unmatched.len();
    let says = if n == 0 {
        format!(
            "This link was made with ladder version {}; this copy has another. Every answer still matches.",
            shared.ladder_version
        )
    } else {
        format!(
            "This link was made with ladder version {}; this copy has another. Answers that still match: {} of {}. These are for expectations this version no longer has (their words changed, or they were removed):",
            shared.ladder_version,
            resolved.matched.len(),
            resolved.matched.len() + n
        )
    };
    add(&part, &text("p", &[], &says));
    if n > 0 {
        let list = el("ul", &[("class", "unmatched")]);
        for m in &resolved.unmatched {
            add(&list, &text("li", &[], &unmatched(m)));
        }
        add(&part, &list);
    }
    add(host, &part);
}

fn unmatched(m: &Marks) -> String {
    let mut out = format!("Expectation {}: self {}", m.id, rated(m.own));
    if let Some(e) = m.own.filter(|e| !e.note.is_empty()) {
        out += &format!(" (“{}”)", e.note);
    }
    if let Some(e) = m.manager {
        out += &format!("; manager {}", rated(Some(e)));
        if !e.note.is_empty() {
            out += &format!(" (“{}”)", e.note);
        }
    }
    out
}

/// A text field for your name, filled from and saved to [`kept::NAME`].
pub fn name_field(parent: &Element, id: &str) {
    add(
        parent,
        &text("label", &[("for", id)], "Your name (optional)"),
    );
    let input = el(
        "input",
        &[
            ("id", id),
            ("type", "text"),
            ("autocomplete", "name"),
            ("data-name", ""),
        ],
    );
    if let (Some(name), Some(input)) = (kept::get(kept::NAME), input.dyn_ref::<HtmlInputElement>())
    {
        input.set_value(&name);
    }
    add(parent, &input);
}

/// Saves the name typed into a [`name_field`].
pub fn remember_name(e: &web_sys::Event) {
    let input = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input.filter(|i| i.has_attribute("data-name")) {
        kept::set(kept::NAME, input.value().trim());
    }
}

/// A read-only link box `<id>-link` labelled `label`, with Copy link (action
/// `copy-<id>`), hidden until [`put_link`] fills it.
pub fn link_field(parent: &Element, id: &str, label: &str) {
    let box_id = format!("{id}-out");
    let link_id = format!("{id}-link");
    let out = el(
        "div",
        &[("id", &box_id), ("class", "link-out"), ("hidden", "")],
    );
    add(&out, &text("label", &[("for", &link_id)], label));
    add(
        &out,
        &el(
            "input",
            &[
                ("id", &link_id),
                ("type", "text"),
                ("readonly", ""),
                ("spellcheck", "false"),
            ],
        ),
    );
    add(&out, &button("Copy link", &format!("copy-{id}"), &[]));
    add(
        &out,
        &text(
            "p",
            &[("id", &format!("{id}-said")), ("role", "status")],
            "",
        ),
    );
    add(parent, &out);
}

/// Fills the link box of [`link_field`] `id` with the link for `text`, and says how
/// long it is.
pub fn put_link(id: &str, text: &str) {
    let link = link_to(text);
    if let Some(input) = input(&format!("{id}-link")) {
        input.set_value(&link);
    }
    show_el(&format!("{id}-out"), true);
    let len = link.chars().count();
    let said = link_warning(len).unwrap_or_else(|| format!("The link is {len} characters long."));
    say(&format!("{id}-said"), &said);
}

/// Copies the link in [`link_field`] `id` and says whether that worked.
pub fn copy_link(id: &str) {
    let Some(input) = input(&format!("{id}-link")) else {
        return;
    };
    let said = format!("{id}-said");
    files::copy(input.value(), move |ok| {
        say(
            &said,
            if ok {
                "Link copied."
            } else {
                "This browser did not allow copying: select the link and copy it yourself."
            },
        );
    });
    input.select();
}

fn input(id: &str) -> Option<HtmlInputElement> {
    leptos::prelude::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

fn input_value(id: &str) -> Option<String> {
    input(id).map(|i| i.value())
}

/// Serves `change`, `input` and `click` on `host` with `f`, replacing what an earlier
/// call set (the handler properties, not added listeners, so nothing doubles up).
pub fn listen(host: &Element, f: impl Fn(web_sys::Event) + 'static) {
    let f = Closure::<dyn Fn(web_sys::Event)>::new(f).into_js_value();
    let f: &js_sys::Function = f.unchecked_ref();
    if let Some(h) = host.dyn_ref::<web_sys::HtmlElement>() {
        h.set_onchange(Some(f));
        h.set_oninput(Some(f));
        h.set_onclick(Some(f));
    }
}
