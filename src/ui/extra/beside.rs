//! A kept reply beside the person's own ratings. The share module, which reads links,
//! gives the manager's side of the newest reply kept for a level ([`kept`]); the extra
//! module asks for it ([`fetch`], loading the share module only when a reply is kept)
//! for the summary and the 1:1 sheet, and writes it next to each rating control on
//! Read and rate ([`show`]).

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::share_storage::Local;
use crate::modules::{self, KeptReply, LevelId, Share};
use crate::progress::share::decode;
use crate::progress::share::keep::{kept_for, manager_view, utc_minute};
use crate::progress::{ManagerView, Rating};
use crate::route::Route;
use crate::ui::dom::{add, markup};
use crate::ui::store::now;

thread_local! {
    /// The kept reply last read for a level: (what was kept then, the reply).
    static KEPT: RefCell<Option<(String, Option<Kept>)>> = const { RefCell::new(None) };
}

/// A kept reply as the extra module has it: the manager's side and the link text.
type Kept = (ManagerView, String);

/// The newest reply kept for `role`/`level`, with its link text, read on this ladder.
fn newest(role: &str, level: &str) -> Option<(String, ManagerView)> {
    let (_, kept) = kept_for(&Local, role, level, now()).into_iter().next()?;
    let reply = decode(&kept.link).ok()?;
    let view = manager_view(&reply, &super::ladder(), now())?;
    Some((kept.link, view))
}

/// The newest reply kept for `role`/`level`, when one is (extra module): read once
/// from the share module, which is loaded for it (then `redraw` runs), and again when
/// what is kept changes.
pub fn fetch(role: &str, level: &str, redraw: impl FnOnce() + 'static) -> Option<Kept> {
    let keys = crate::storage::keys("rungs:kept:");
    if keys.is_empty() {
        return None;
    }
    let mut seen = format!("{role}/{level}");
    for k in &keys {
        seen += &crate::storage::get(k).unwrap_or_default();
    }
    let known = KEPT.with_borrow(|k| {
        k.as_ref()
            .filter(|(s, _)| *s == seen)
            .map(|(_, view)| view.clone())
    });
    if let Some(view) = known {
        return view;
    }
    // Drawn without it until the share module answers; asked once per change.
    KEPT.set(Some((seen.clone(), None)));
    let level = (role.to_owned(), level.to_owned());
    modules::ask(Share::Kept { level }, move |answer| {
        // None kept for this level: drawn as it is.
        let Ok(Some(kept)) = KeptReply::decode(answer) else {
            return;
        };
        KEPT.set(Some((seen, Some((kept.view, kept.link)))));
        redraw();
    });
    None
}

/// The newest reply kept for `level`, or `null` (share module: the answer to
/// [`Share::Kept`]).
pub fn kept((role, level): LevelId) -> JsValue {
    let Some((link, view)) = newest(&role, &level) else {
        return JsValue::NULL;
    };
    KeptReply { view, link }.encode()
}

/// On Read and rate (extra module): says in `host` whose reply is shown, and puts the
/// manager's rating and comment beside each expectation (`#e-<id>`) they marked.
pub fn show(host: Element, (role, level): LevelId) {
    let again = {
        let (host, role, level) = (host.clone(), role.clone(), level.clone());
        move || show(host, (role, level))
    };
    let Some((view, link)) = fetch(&role, &level, again) else {
        return;
    };
    host.set_text_content(None);
    let _ = host.set_attribute("class", "notice kept-beside");
    let who = view.who().to_owned();
    let mut said = format!("Beside your ratings: {who}’s, from the reply you kept");
    if view.made > 0 {
        said += &format!(" (made {})", utc_minute(view.made));
    }
    let p = markup! { p [] };
    let _ = p.append_with_str_1(&(said + ". "));
    add(
        &p,
        &markup! { a(href = crate::ui::address::at_root(&Route::shared_fragment(&link))) { "Open the reply" } },
    );
    add(&host, &p);
    if !view.comment.is_empty() {
        let comment = format!("Overall comment: {}", view.comment);
        add(&host, &markup! { p(class = "note") { comment } });
    }
    let doc = leptos::prelude::document();
    for (id, answer) in &view.answers.answers {
        let Some(li) = doc.get_element_by_id(&format!("e-{id}")) else {
            continue;
        };
        if let Ok(Some(old)) = li.query_selector(".manager-mark") {
            old.remove();
        }
        let line = markup! { p [ strong { format!("{who}: ") } ] };
        let rated = answer.rating.map_or("Not rated", Rating::label);
        let _ = line.append_with_str_1(rated);
        let mark = markup! { div(class = "manager-mark") [ (line) ] };
        if !answer.evidence.is_empty() {
            let comment = format!("Comment: {}", answer.evidence);
            add(&mark, &markup! { p(class = "note") { comment } });
        }
        let before = li.query_selector(".rate").ok().flatten();
        let _ = li.insert_before(&mark, before.as_ref().map(|e| e.as_ref()));
    }
}
