//! A few plain DOM calls for large static reports (the summary page).
//!
//! Every distinct `view!` tree is its own set of generic functions in the wasm; a
//! report with a table, a chart and lists cost about 15 KB gzipped that way. These
//! helpers build the same elements through one non-generic code path. Text goes in
//! with `set_text_content`, never as markup.

use leptos::prelude::document;
use web_sys::Element;

const SVG: &str = "http://www.w3.org/2000/svg";

/// An HTML element with `attrs`.
pub fn el(tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document().create_element(tag).expect("create_element takes any tag name");
    set_attrs(&e, attrs);
    e
}

/// An SVG element with `attrs`.
pub fn svg(tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document().create_element_ns(Some(SVG), tag).expect("create_element_ns takes any tag name");
    set_attrs(&e, attrs);
    e
}

/// An HTML element holding `text` as text.
pub fn text(tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
    let e = el(tag, attrs);
    e.set_text_content(Some(text));
    e
}

/// Appends `child` to `parent`.
pub fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

fn set_attrs(e: &Element, attrs: &[(&str, &str)]) {
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
}
