//! A check-in on paper, and the next one in a calendar.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::{Act, STATE};
use crate::ui::dom::{add, button, markup, section};

/// "Add the next check-in to my calendar": a date and a download.
pub(super) fn calendar() -> Element {
    let s = section("checkins-next", "next-checkin", "Next check-in");
    let p = markup! {
        p(class = "actions") [
            label(for = "next-date") { "Date of the next check-in" }
            input(id = "next-date", type = "date") []
            (button("Add the next check-in to my calendar", Act::Calendar.name(), &[]))
        ]
    };
    add(&s, &p);
    s
}

/// Prints the opened check-in as a sheet of its own: the view's other parts are hidden
/// while the browser prints (the page's print style hides the header and the buttons).
pub(super) fn print_opened() {
    let Some((host, ..)) = STATE.with_borrow(|s| s.at.clone()) else {
        return;
    };
    let others = host.query_selector_all(".checkins > :not(.checkin-open, h1)");
    let hide = |hidden: bool| {
        if let Ok(list) = &others {
            for i in 0..list.length() {
                if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = e.toggle_attribute_with_force("hidden", hidden);
                }
            }
        }
    };
    hide(true);
    let _ = leptos::prelude::window().print();
    hide(false);
}
