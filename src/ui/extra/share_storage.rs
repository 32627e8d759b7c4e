//! What the extra module keeps in localStorage (through `storage`), never the person's
//! own progress (`storage::KEY`), which it only reads. The keys and values are
//! `progress::share::keep`'s (`rungs:reply:<id>`, `rungs:kept:<id>`,
//! `rungs:share:id:<role>/<level>`), keyed by the id a link carries; besides them
//! `rungs:share:name`, the name you sign links and replies with, and
//! `rungs:share:notes`, whether the share panel last included evidence notes.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::progress::share::keep::{self, Store};
use crate::progress::share::{AssessmentId, ID_BYTES};

pub const NAME: &str = "rungs:share:name";
/// Whether the share panel's "Include evidence notes" was last ticked: `1` or `0`.
pub const NOTES: &str = "rungs:share:notes";

pub use crate::storage::{get, set};

/// localStorage, as the share core's [`Store`].
pub struct Local;

impl Store for Local {
    fn get(&self, key: &str) -> Option<String> {
        crate::storage::get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> bool {
        crate::storage::set(key, value)
    }
    fn remove(&mut self, key: &str) {
        crate::storage::remove(key)
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        crate::storage::keys(prefix)
    }
}

thread_local! {
    /// This session's ids by `role/level`: the same id in every link made here even
    /// when storage refuses to keep it.
    static IDS: RefCell<Vec<(String, AssessmentId)>> = const { RefCell::new(Vec::new()) };
}

/// The person's assessment id for `role`/`level`: kept, or made now from
/// `crypto.getRandomValues` and kept.
pub fn own_id(role: &str, level: &str) -> AssessmentId {
    let place = format!("{role}/{level}");
    let known = IDS.with_borrow(|ids| ids.iter().find(|(p, _)| *p == place).map(|(_, id)| *id));
    if let Some(id) = known {
        return id;
    }
    let id = keep::own_id(&mut Local, role, level, random());
    IDS.with_borrow_mut(|ids| ids.push((place, id)));
    id
}

/// Random bytes from `crypto.getRandomValues`.
fn random() -> [u8; ID_BYTES] {
    let mut out = [0u8; ID_BYTES];
    let array = js_sys::Uint8Array::new_with_length(ID_BYTES as u32);
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok();
    let fill = crypto.as_ref().and_then(|c| {
        let f = js_sys::Reflect::get(c, &"getRandomValues".into()).ok()?;
        f.dyn_into::<js_sys::Function>().ok()?.call1(c, &array).ok()
    });
    if fill.is_some() {
        array.copy_to(&mut out);
    } else {
        // No browser that runs wasm lacks it; the time then tells links apart.
        out.copy_from_slice(&crate::ui::store::now().to_le_bytes()[..ID_BYTES]);
    }
    out
}
