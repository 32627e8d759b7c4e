//! The fields the share views have in common: your name, a link box with Copy link
//! (and Share… where the browser has a system share sheet), and one handler per event
//! on a view's container.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::{link_to, share_storage};
use crate::progress::share::link_warning;
use crate::ui::dom::{actions, add, button, markup, say, show as show_el};
use crate::ui::files;

/// A text field for your name, filled from and saved to [`share_storage::NAME`].
pub fn name_field(parent: &Element, id: &str) {
    let label = markup! { label(for = id) { "Your name (optional)" } };
    let input = markup! {
        input(id = id, type = "text", autocomplete = "name", "data-name" = "") []
    };
    if let (Some(name), Some(input)) = (
        share_storage::get(share_storage::NAME),
        input.dyn_ref::<HtmlInputElement>(),
    ) {
        input.set_value(&name);
    }
    add(parent, &label);
    add(parent, &input);
}

/// Saves the name typed into a [`name_field`].
pub fn remember_name(e: &web_sys::Event) {
    let input = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
    if let Some(input) = input.filter(|i| i.has_attribute("data-name")) {
        share_storage::set(share_storage::NAME, input.value().trim());
    }
}

actions! {
    /// What a click in a link box ([`link_field`]) asks for. A view has one link box,
    /// so the action names no box: the view that listens knows its own.
    pub enum LinkAct {
        /// Share…: the system share sheet.
        Send = "send-link",
        /// Copy link.
        Copy = "copy-link",
    }
}

/// A read-only link box `<id>-link` labelled `label`, with Share… ([`LinkAct::Send`],
/// only where the browser has `navigator.share`) and Copy link ([`LinkAct::Copy`]),
/// hidden until [`put_link`] fills it.
pub fn link_field(parent: &Element, id: &str, label: &str) {
    let link_id = format!("{id}-link");
    let send = can_send().then(|| button("Share…", LinkAct::Send.name(), &[]));
    let out = markup! {
        div(id = format!("{id}-out"), class = "link-out", hidden = "") [
            label(for = link_id) { label }
            input(id = link_id, type = "text", readonly = "", spellcheck = "false") []
            ..(send.into_iter())
            (button("Copy link", LinkAct::Copy.name(), &[]))
            p(id = format!("{id}-said"), role = "status") { "" }
        ]
    };
    add(parent, &out);
}

/// Fills the link box of [`link_field`] `id` with the link for `text`, and says
/// `what` it holds (or that it is long).
pub fn put_link(id: &str, text: &str, what: &str) {
    let link = link_to(text);
    if let Some(input) = input(&format!("{id}-link")) {
        input.set_value(&link);
    }
    show_el(&format!("{id}-out"), true);
    let len = link.chars().count();
    let said = link_warning(len).unwrap_or_else(|| what.to_owned());
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

/// Whether this browser has a system share sheet (`navigator.share`).
fn can_send() -> bool {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false)
}

/// Opens the system share sheet with the link in [`link_field`] `id`, `title` and
/// `message`, and says how that went; where there is no share sheet, copies the link.
pub fn send_link(id: &str, title: &str, message: &str) {
    let Some(input) = input(&format!("{id}-link")) else {
        return;
    };
    let navigator = leptos::prelude::window().navigator();
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", message), ("url", &input.value())] {
        let _ = js_sys::Reflect::set(&data, &k.into(), &v.into());
    }
    let sent = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&navigator, &data).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(sent) = sent else {
        return copy_link(id);
    };
    let said = format!("{id}-said");
    files::settle(sent, move |ok| {
        say(
            &said,
            if ok.is_some() {
                "Link shared."
            } else {
                "Not shared. You can copy the link instead."
            },
        );
    });
}

fn input(id: &str) -> Option<HtmlInputElement> {
    leptos::prelude::document()
        .get_element_by_id(id)?
        .dyn_into()
        .ok()
}

pub(super) fn input_value(id: &str) -> Option<String> {
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
