//! The on-demand modules: more wasm files beside the app, each loaded on first use, so
//! that what most visits never need costs the first load nothing.
//!
//! | module | its calls | what it draws |
//! |---|---|---|
//! | [`extra`] | [`Extra`] | the summary report, Your progress data, Continue, a kept reply beside Read and rate |
//! | [`share`] | [`Share`] | the Share progress panel, a share link opened, a check-in's link |
//! | [`checkins`] | [`Checkins`] | Save check-in and the Check-ins view |
//! | [`explore`] | [`Explore`] | Know your ladder and Compare levels |
//! | [`search`] | [`Search`] | search results and guide pages |
//! | [`import`] | [`Import`] | Import a ladder, with the markdown importer |
//!
//! [`contract`] is what each can be asked, as one enum of calls per module. The app
//! (and one module of another) asks with [`call`] or [`ask`]; each module's `start`
//! (here, one file each; its bin in `src/bin/` only calls it) answers with [`serve`].
//! In the browser, `public/lazy.js` loads a module by its name in
//! `<meta name="rungs-<name>">`, which the build writes (`scripts/precache.mjs`).
//!
//! A new module takes its enum of calls in [`contract`], its file here, its two-line
//! bin (`src/bin/<name>.rs`, which Cargo finds), and one `<link data-trunk rel="rust"
//! data-bin="<name>" data-type="worker" …>` line in `index.html`.

pub mod checkins;
pub mod contract;
pub mod explore;
pub mod extra;
pub mod import;
pub mod search;
pub mod share;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::ui::dom::{add, text};

pub use contract::{
    BadCall, Call, Checkins, Doors, Explore, Extra, Import, KeptReply, LevelId, Search,
    SentCheckin, Share,
};

/// Has the module of `call` answer it, loading the module first if need be. When the
/// module cannot load (offline before it was ever cached), the call's host says so.
// Inlined, with every `encode`: a call site then holds only its own variant's arm,
// not the whole enum's (first load −190 bytes gzipped, checkins −120).
#[inline(always)]
pub fn call<C: Call>(call: C) {
    send(C::MODULE, call.encode());
}

/// [`call`], then hands `then` the module's answer (`undefined` when it could not
/// load).
pub fn ask<C: Call>(call: C, then: impl FnOnce(JsValue) + 'static) {
    if let Some(answer) = send(C::MODULE, call.encode()) {
        crate::ui::files::settle(answer, move |answer| then(answer.unwrap_or_default()));
    }
}

/// Hands `args` to module `module` through `window.rungsCall` (`public/lazy.js`, loaded
/// with the page), which loads the module and says in the call's host when it cannot:
/// the module's answer, to come.
fn send(module: &'static str, args: js_sys::Array) -> Option<js_sys::Promise> {
    let window = leptos::prelude::window();
    let call = js_sys::Reflect::get(&window, &"rungsCall".into()).ok()?;
    let call = call.dyn_into::<js_sys::Function>().ok()?;
    call.call2(&JsValue::NULL, &module.into(), &args)
        .ok()?
        .dyn_into()
        .ok()
}

/// Makes `answer` the module's door, `window.rungsModules[C::MODULE]`: `public/lazy.js`
/// hands it every call. A call it cannot read is said in its host, never guessed at.
pub fn serve<C: Call + 'static>(answer: fn(C) -> JsValue) {
    let door =
        Closure::<dyn Fn(js_sys::Array) -> JsValue>::new(
            move |args: js_sys::Array| match C::decode(&args) {
                Ok(call) => answer(call),
                Err(e) => {
                    // In place of what the host showed (never in a build whose parts
                    // match, so the host may lose its heading).
                    if let Ok(host) = args.get(1).dyn_into::<Element>() {
                        host.set_text_content(None);
                        add(&host, &text("p", &[("role", "alert")], &e.words()));
                    }
                    JsValue::NULL
                }
            },
        );
    publish(C::MODULE, door.as_ref());
    // It lives as long as the page.
    door.forget();
}

/// Sets `window.rungsModules[module]` to `door`.
fn publish(module: &str, door: &JsValue) {
    let window = leptos::prelude::window();
    let modules = js_sys::Reflect::get(&window, &"rungsModules".into())
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| {
            let fresh = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &"rungsModules".into(), &fresh);
            fresh
        });
    let _ = js_sys::Reflect::set(&modules, &module.into(), door);
}
