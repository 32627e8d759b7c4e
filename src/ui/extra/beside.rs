//! A kept reply beside the person's own ratings. The share module, which reads links,
//! gives the manager's side of the newest reply kept for a level ([`kept`]); the extra
//! module asks for it ([`fetch`], loading the share module only when a reply is kept)
//! for the summary and the 1:1 sheet, and writes it next to each rating control on
//! Read and rate ([`show`]).

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::share_storage::Local;
use crate::progress::share::decode;
use crate::progress::share::keep::{kept_for, manager_view, utc_minute};
use crate::progress::{from_json, to_json, ManagerView, Rating};
use crate::route::Route;
use crate::ui::dom::{add, markup};
use crate::ui::files;
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
    let load = js_sys::Reflect::get(&js_sys::global(), &"rungsModule".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&wasm_bindgen::JsValue::NULL, &"share".into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let (role, level) = (role.to_owned(), level.to_owned());
    if let Some(load) = load {
        files::settle(load, move |api| {
            let kept = api
                .and_then(|api| js_sys::Reflect::get(&api, &"kept".into()).ok())
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| {
                    f.call2(&wasm_bindgen::JsValue::NULL, &role.into(), &level.into())
                        .ok()
                })
                .and_then(|v| v.dyn_into::<js_sys::Array>().ok());
            let Some(kept) = kept else { return };
            let answers = kept.get(3).as_string().and_then(|j| from_json(&j).ok());
            let view = answers.map(|answers| {
                let view = ManagerView {
                    name: kept.get(0).as_string().filter(|n| !n.is_empty()),
                    made: kept.get(1).as_f64().unwrap_or(0.0) as u64,
                    comment: kept.get(2).as_string().unwrap_or_default(),
                    answers,
                };
                (view, kept.get(4).as_string().unwrap_or_default())
            });
            KEPT.set(Some((seen, view)));
            redraw();
        });
    }
    None
}

/// `[name, made, comment, answers_json, link]` of the newest reply kept for
/// `role`/`level` (`answers_json` as `progress::to_json` writes it, `link` the text
/// after `#/shared/`), or `null` (share module).
pub fn kept(role: String, level: String) -> JsValue {
    let Some((link, view)) = newest(&role, &level) else {
        return JsValue::NULL;
    };
    let out = js_sys::Array::of5(
        &view.name.unwrap_or_default().into(),
        &(view.made as f64).into(),
        &view.comment.into(),
        &to_json(&view.answers).into(),
        &link.into(),
    );
    out.into()
}

/// On Read and rate (extra module): says in `host` whose reply is shown, and puts the
/// manager's rating and comment beside each expectation (`#e-<id>`) they marked.
pub fn show(host: Element, role: String, level: String, _: String, _: JsValue, _: JsValue) {
    let again = {
        let (host, role, level) = (host.clone(), role.clone(), level.clone());
        move || {
            show(
                host,
                role,
                level,
                String::new(),
                JsValue::UNDEFINED,
                JsValue::UNDEFINED,
            )
        }
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
        &markup! { a(href = Route::Shared(link).to_fragment()) { "Open the reply" } },
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
