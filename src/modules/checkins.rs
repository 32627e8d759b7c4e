//! The checkins module (bin `checkins`): answers [`Checkins`] with the Check-ins view
//! and the Save check-in panel (`ui::extra::checkins`).

use wasm_bindgen::JsValue;

use super::{serve, Checkins};
use crate::ui::extra::checkins;

/// Serves the checkins module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Checkins| {
        match call {
            Checkins::List {
                host,
                level,
                progress,
            } => checkins::show(host, level, progress),
            Checkins::Save {
                host,
                level,
                progress,
            } => checkins::panel(host, level, progress),
        }
        JsValue::UNDEFINED
    });
}
