//! The import module (bin `import`): answers [`Import`] with Import a ladder
//! (`ui::importer`), with the markdown importer.

use wasm_bindgen::JsValue;

use super::{serve, Import};
use crate::ui::importer;

/// Serves the import module's calls: its bin's `main`.
pub fn start() {
    serve(|call: Import| {
        let Import::Show { host } = call;
        importer::show(host);
        JsValue::UNDEFINED
    });
}
