//! The search module (bin `search`): answers [`Search`] with search results and guide
//! pages (`ui::extra::search`, `ui::extra::guide`), with the search index.

use wasm_bindgen::JsValue;

use super::{serve, Search};
use crate::ui::extra::{guide, search};

/// Serves the search module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Search| {
        match call {
            Search::Search { host, query } => search::show(host, query),
            Search::Guide { host, id } => guide::show(host, id),
        }
        JsValue::UNDEFINED
    });
}
