//! The share module (bin `share`): answers [`Share`] with the share panels, a share
//! link opened and the replies kept (`ui::extra::panel`, `shared`, `beside`), with the
//! share codec and deflate.

use wasm_bindgen::JsValue;

use super::{serve, Share};
use crate::ui::extra::{beside, panel, shared};

/// Serves the share module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Share| {
        match call {
            Share::Panel {
                host,
                level,
                progress,
            } => panel::show(host, level, progress),
            Share::Open { host, link } => shared::show(host, link),
            Share::Checkin { host, checkin } => panel::show_checkin(host, checkin),
            Share::Kept { level } => return beside::kept(level),
        }
        JsValue::UNDEFINED
    });
}
