//! The extra module (bin `extra`): answers [`Extra`] with its views in `ui::extra`.

use wasm_bindgen::JsValue;

use super::{serve, Extra};
use crate::ui::extra::{bearings, beside, data, summary};

/// Serves the extra module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Extra| {
        match call {
            Extra::Summary {
                host,
                level,
                progress,
                doors,
            } => summary::show(host, level, progress, doors),
            Extra::Beside { host, level } => beside::show(host, level),
            Extra::YourData { host } => data::draw(host),
            Extra::Bearings { host, progress } => bearings::show(host, progress),
            Extra::Data {
                host,
                act,
                doors,
                file,
            } => data::act(host, act, doors, file),
        }
        JsValue::UNDEFINED
    });
}
