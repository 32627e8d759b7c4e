//! The explore module (bin `explore`): answers [`Explore`] with Know your ladder and
//! Compare levels (`ui::extra::know`, `ui::extra::compare`).

use wasm_bindgen::JsValue;

use super::{serve, Explore};
use crate::ui::extra::{compare, know};

/// Serves the explore module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Explore| {
        match call {
            Explore::Know { host, level, doors } => know::show(host, level, doors),
            Explore::Compare { host, a, b, doors } => compare::show(host, a, b, doors),
        }
        JsValue::UNDEFINED
    });
}
