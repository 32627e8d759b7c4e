//! Opening a share link: someone's shared progress, read-only, with a place for their
//! manager to answer; a manager's reply is `reply.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;

use web_sys::Element;

use super::fields::{
    copy_link, input_value, link_field, listen, name_field, put_link, remember_name, send_link,
    LinkAct,
};
use super::rated;
use super::share_storage::Local;
use crate::ladder::{Dimension, Level, Role};
use crate::progress::share::keep::{
    load_answers, reply_content, reply_key, Loaded, ManagerAnswers, ReplyContent, Store,
};
use crate::progress::share::{
    decode, encode, reply_words, resolve, Entry, ManagerSide, Marks, Origin, Place, Resolved,
    SharedAssessment, Side,
};
use crate::ui::dom::{
    actions, add, button, dimension_title, markup, rich, say, section, show as show_el,
};
use crate::ui::{rating, store::now};

actions! {
    /// What a click on the manager's side asks for, besides the link box's
    /// ([`LinkAct`]).
    enum Act {
        /// Share reply: make the reply link, and keep it made on every later answer.
        Reply = "reply",
    }
}

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
    // The expectations for everyone are part of the level the link carries.
    let level = &crate::everyone::with_everyone(&ladder, role, level);
    if shared.manager.is_some() {
        super::reply::show(&host, &shared, &resolved, role, level, &link);
    } else {
        answer(host, &shared, &resolved, role, level);
    }
}

/// "Check-in of 1 December 2026: Q3 review with Sam", when the link shares a check-in.
pub(super) fn checkin_line(host: &Element, shared: &SharedAssessment) {
    if let Some(c) = &shared.checkin {
        add(host, &markup! { p(class = "checkin-of") { c.words() } });
    }
}

/// The person's name, or `fallback`.
pub(super) fn who<'a>(name: &'a Option<String>, fallback: &'a str) -> &'a str {
    name.as_deref()
        .filter(|n| !n.is_empty())
        .unwrap_or(fallback)
}

fn bad_link(host: &Element, reason: &str) {
    let alert = markup! {
        div(class = "notice error", role = "alert") [
            p { format!("This share link cannot be opened: {reason}.") }
            p { "Nothing of your own progress has changed. Ask the sender to copy the whole link again." }
        ]
    };
    add(host, &markup! { h1 { "Shared progress" } });
    add(host, &alert);
    add_home(host);
}

fn missing(host: &Element, shared: &SharedAssessment, what: &str) {
    let from = who(&shared.name, "The sender");
    let needs = format!(
        "This link needs a ladder this copy of Rungs does not have: {what}, ladder version {}.",
        shared.ladder_version
    );
    let hint = if shared.role.starts_with("imported-") {
        format!("{from} imported that ladder in their browser: import the same ladder files here (Import a ladder, on the home page), then open the link again.")
    } else {
        format!("{from} may use their company’s own ladder: open the link in the copy of Rungs that has it, or import that ladder here.")
    };
    let alert = markup! {
        div(class = "notice error", role = "alert") [
            p { needs }
            p { hint }
            p { "Nothing of your own progress has changed." }
        ]
    };
    add(host, &markup! { h1 { "Shared progress" } });
    add(host, &alert);
    add_home(host);
}

fn add_home(host: &Element) {
    add(
        host,
        &markup! { p [ a(href = crate::ui::address::home()) { "Go to the ladder" } ] },
    );
}

/// What was shared without a manager's side: their marks beside the ladder text, and
/// a rating control per expectation for the manager's own answer, kept under the
/// link's assessment id (never the name it is signed with).
fn answer(
    host: Element,
    shared: &SharedAssessment,
    resolved: &Resolved,
    role: &Role,
    level: &Level,
) {
    let name = who(&shared.name, "Their rating");
    add(&host, &markup! { h1 { "Shared progress" } });
    let whose = match shared.name.as_deref().filter(|n| !n.is_empty()) {
        Some(n) => format!("{n}’s self-check"),
        None => "A self-check".to_owned(),
    };
    let lead = format!(
        "{whose} of {}, {}. Read-only: it is not added to your own progress.",
        level.heading(),
        role.name
    );
    add(&host, &markup! { p(class = "lead") { lead } });
    checkin_line(&host, shared);
    let how = "If you are their manager: rate each expectation as you see it, comment where it helps, add an overall comment at the end, then press Share reply and send them the reply link. What you enter is kept in this browser for this link only; it never changes anyone’s own ratings.";
    add(&host, &markup! { p { how } });
    let key = reply_key(shared);
    let (answers, can_save) = match load_answers(&mut Local, &key, now()) {
        Loaded::Found(found) => (found, true),
        Loaded::Nothing => (ManagerAnswers::for_link(shared), true),
        Loaded::Unreadable { error, kept_as } => {
            let said = match &kept_as {
                Some(aside) => format!("Your earlier answers to this link could not be read ({error}); they are kept aside under “{aside}”."),
                None => format!("Your earlier answers to this link could not be read ({error}) nor copied aside (storage is full), so nothing is saved over them: share your reply before you leave."),
            };
            add(
                &host,
                &markup! { p(class = "notice error", role = "alert") { said } },
            );
            (ManagerAnswers::for_link(shared), kept_as.is_some())
        }
    };
    // "5 of 12 rated", kept by `rating::sync`.
    add(
        &host,
        &markup! { p(id = "answers-count", class = "rated-count") [] },
    );
    versions(&host, shared, resolved);
    for (i, d) in level.dimensions.iter().enumerate() {
        let section = dimension_section(&host, d, i);
        let items = d.expectations.iter().map(|x| {
            let p = markup! { p(class = "expectation-text") [] };
            rich(&p, &x.text);
            let own = resolved.marks(&x.id).and_then(|m| m.own);
            let words = x.text.to_plain();
            let labels = rating::Labels {
                group: format!("Your rating for: {words}"),
                note: format!("Your comment on: {words}"),
                placeholder: "Your comment",
            };
            markup! {
                li(class = "expectation") [
                    (p)
                    (side_mark(name, own, "Evidence"))
                    (rating::labelled(&x.id, &words, &labels, None))
                ]
            }
        });
        add(
            &section,
            &markup! { ul(class = "expectations") [ ..(items) ] },
        );
    }

    let part = markup! {
        section(class = "share-reply", "aria-labelledby" = "reply-h") [
            h2(id = "reply-h") { "Your reply" }
            p(id = "answers-said", role = "status") { "" }
            label(for = "reply-comment") { "Overall comment (optional)" }
            textarea(id = "reply-comment", rows = "3", class = "evidence") { answers.comment }
        ]
    };
    name_field(&part, "reply-name");
    add(&part, &button("Share reply", Act::Reply.name(), &[]));
    add(
        &part,
        &markup! { p(id = "reply-note", role = "status") { "" } },
    );
    link_field(&part, "reply", "Reply link");
    add(&host, &part);

    let answers = Rc::new(RefCell::new(answers));
    rating::sync(&host, &answers.borrow().answers);
    let shared = shared.clone();
    let level = level.clone();
    // Once Share reply is pressed, the link follows every later answer.
    let shown = Cell::new(false);
    let on_event = {
        let host = host.clone();
        move |e: web_sys::Event| {
            if let Some((id, words, change)) = rating::read(&e) {
                let mut a = answers.borrow_mut();
                match change {
                    rating::Change::Rate(r) => a.answers.rate(&id, &words, r, now()),
                    rating::Change::Note(n) => a.answers.set_evidence(&id, &words, &n, now()),
                }
                a.updated = now();
                rating::sync(&host, &a.answers);
                let saved = can_save && Local.set(&key, &a.to_json());
                say(
                    "answers-said",
                    if saved {
                        ""
                    } else {
                        "Your answers could not be saved on this device: share your reply before you leave this page."
                    },
                );
                drop(a);
                if shown.get() {
                    make_reply(&shared, &answers.borrow(), &level);
                }
                return;
            }
            remember_name(&e);
            if let Some(comment) = overall_comment(&e) {
                let mut a = answers.borrow_mut();
                a.comment = comment;
                a.updated = now();
                let saved = can_save && Local.set(&key, &a.to_json());
                if !saved {
                    say("answers-said", "Your answers could not be saved on this device: share your reply before you leave this page.");
                }
            }
            let act = Act::of(&e).map(|(act, _)| act);
            let link = LinkAct::of(&e).map(|(act, _)| act);
            match (e.type_().as_str(), act, link) {
                ("click", Some(Act::Reply), _) => {
                    shown.set(true);
                    make_reply(&shared, &answers.borrow(), &level);
                }
                ("click", _, Some(LinkAct::Copy)) => {
                    // Made again now: the copy holds every answer given so far.
                    let made = make_reply(&shared, &answers.borrow(), &level);
                    if made {
                        copy_link("reply");
                    }
                }
                ("click", _, Some(LinkAct::Send)) => {
                    let made = make_reply(&shared, &answers.borrow(), &level);
                    if made {
                        let title = format!("My reply on {}", level.heading());
                        send_link("reply", &title, "My answers to your self-check in Rungs:");
                    }
                }
                ("input" | "change", ..) if shown.get() => {
                    make_reply(&shared, &answers.borrow(), &level);
                }
                _ => {}
            }
        }
    };
    listen(&host, on_event);
}

/// Shows the reply link made now from `answers`, or, when they rate and say nothing,
/// a note instead of a link that would bring nothing back. True when a link is shown.
fn make_reply(shared: &SharedAssessment, answers: &ManagerAnswers, level: &Level) -> bool {
    let reply = with_manager(shared, answers, level);
    let note = match reply_content(&reply) {
        ReplyContent::Empty => {
            show_el("reply-out", false);
            say(
                "reply-note",
                "Nothing is rated yet, so there is no reply to send: rate (or comment) first.",
            );
            return false;
        }
        ReplyContent::CommentsOnly => {
            "Nothing is rated in this reply: it carries your comments only."
        }
        ReplyContent::Rated(_) => "",
    };
    say("reply-note", note);
    put_link("reply", &encode(&reply), &reply_words(&reply));
    true
}

/// `shared` with the manager's side: `answers` on `level` and their overall comment,
/// signed with their name, made now.
fn with_manager(
    shared: &SharedAssessment,
    answers: &ManagerAnswers,
    level: &Level,
) -> SharedAssessment {
    let name = input_value("reply-name").filter(|n| !n.trim().is_empty());
    SharedAssessment {
        origin: shared.origin.map(|o| Origin {
            made: Some(now()),
            ..o
        }),
        manager: Some(ManagerSide {
            name: name.map(|n| n.trim().to_owned()),
            side: Side::from_progress(&answers.answers, level),
            comment: answers.comment.trim().to_owned(),
        }),
        ..shared.clone()
    }
}

/// The text of the overall comment, when `e` is typing in it.
fn overall_comment(e: &web_sys::Event) -> Option<String> {
    let area = e
        .target()?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    (area.id() == "reply-comment").then(|| area.value())
}

/// "Ada: Performing", then the note.
fn side_mark(name: &str, entry: Option<&Entry>, note: &str) -> Element {
    let div = markup! {
        div(class = "shared-mark") [
            p [
                strong { format!("{name}: ") }
                span { rated(entry) }
            ]
        ]
    };
    if let Some(e) = entry.filter(|e| !e.note.is_empty()) {
        let said = format!("{note}: {}", e.note);
        add(&div, &markup! { p(class = "note") { said } });
    }
    div
}

pub(super) fn dimension_section(host: &Element, d: &Dimension, index: usize) -> Element {
    let title = dimension_title(d.emoji.as_deref(), &d.name);
    let section = section("dimension", &format!("d-{index}"), &title);
    add(host, &section);
    section
}

/// When the link was made with another ladder version: how many answers still match,
/// and each that does not, with what both sides said.
pub(super) fn versions(host: &Element, shared: &SharedAssessment, resolved: &Resolved) {
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
    add(&part, &markup! { p { says } });
    if n > 0 {
        let items = resolved
            .unmatched
            .iter()
            .map(|m| markup! { li { unmatched(m) } });
        add(&part, &markup! { ul(class = "unmatched") [ ..(items) ] });
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
