//! A panic is a bug: say so in plain words instead of leaving a blank or frozen page.

use leptos::prelude::document;

const MESSAGE: &str =
    "Rungs ran into a bug and stopped. Nothing you saved is lost: reload the page to carry on.";

/// Logs the panic to the console and puts a friendly alert on the page. Release builds
/// abort on a panic before any hook runs; `public/crash.js` speaks for them.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

fn show() {
    let doc = document();
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("rungs-crash").is_some() {
        return;
    }
    let Ok(alert) = doc.create_element("div") else {
        return;
    };
    alert.set_id("rungs-crash");
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("class", "crash");
    alert.set_text_content(Some(MESSAGE));
    let _ = body.prepend_with_node_1(&alert);
}
