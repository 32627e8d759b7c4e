//! Plain DOM calls, the one non-generic way the app's pages and the on-demand
//! modules (`ui::extra`, `ui::importer`) build elements outside `view!`: elements and
//! SVG, text, buttons that carry a `data-act`, focus, status messages (`say`), ladder
//! text with its links (`rich`).
//!
//! Every distinct `view!` tree is its own set of generic functions in the wasm; a
//! report with a table, a chart and lists cost about 15 KB gzipped that way. These
//! helpers build the same elements through one non-generic code path. Text goes in
//! with `set_text_content`, never as markup.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::Element;

const SVG: &str = "http://www.w3.org/2000/svg";

/// An HTML element with `attrs`.
pub fn el(tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document()
        .create_element(tag)
        .expect("create_element takes any tag name");
    set_attrs(&e, attrs);
    e
}

/// An SVG element with `attrs`.
pub fn svg(tag: &str, attrs: &[(&str, &str)]) -> Element {
    let e = document()
        .create_element_ns(Some(SVG), tag)
        .expect("create_element_ns takes any tag name");
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

/// Focuses element `id` now, if it is there.
pub fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses element `id` at the next frame, once the view has caught up with the
/// change that makes it.
pub fn focus_later(id: &'static str) {
    leptos::prelude::request_animation_frame(move || focus(id));
}

/// The action a click asks for: the `data-act` of the element clicked, or of the
/// nearest element around it that has one. Pages built with these helpers listen
/// once on their container and dispatch on this name.
pub fn action(e: &web_sys::Event) -> Option<(String, Element)> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let el = target.closest("[data-act]").ok()??;
    Some((el.get_attribute("data-act")?, el))
}

/// Elements written the way their markup nests, built with [`el`], [`text`] and
/// [`add`] (no generic code, so no wasm beyond those calls). An element is its tag,
/// its attributes in parentheses if any (`class = "x"`, or `"aria-label" = words`
/// for names that are not Rust words; values are `&str`, `&String` or `String`),
/// then either `[children]` or `{ text }`, set as text, never markup. Among the
/// children, `(element)` adds an element made elsewhere, `..(elements)` every
/// element of a list (or of an `Option`), and a string literal its words as text
/// (`p [ "Press " kbd { "/" } " to search." ]`). `for x in (list) [children]`,
/// `if (condition) [children]` and `if let Some(x) = (value) [children]` add their
/// children as Rust's `for`, `if` and `if let` would: plain loops and branches, no
/// iterator adapters or closures (each of those is code of its own in the wasm).
///
/// ```ignore
/// markup! {
///     table(class = "sides") [
///         thead [ tr [
///             th(scope = "col") { "Expectation" }
///             th(scope = "col") { own_head }
///         ] ]
///         tbody [
///             for x in (&d.expectations) [ (row(x)) ]
///         ]
///     ]
/// }
/// ```
macro_rules! markup {
    ($tag:ident $(($($k:tt = $v:expr),* $(,)?))? [ $($kids:tt)* ]) => {{
        let parent = $crate::ui::dom::el(
            stringify!($tag),
            &[$($(($crate::ui::dom::markup!(@key $k), &$v)),*)?],
        );
        $crate::ui::dom::markup!(@kids parent; $($kids)*);
        parent
    }};
    ($tag:ident $(($($k:tt = $v:expr),* $(,)?))? { $text:expr }) => {
        $crate::ui::dom::text(
            stringify!($tag),
            &[$($(($crate::ui::dom::markup!(@key $k), &$v)),*)?],
            &$text,
        )
    };
    (@key $k:ident) => { stringify!($k) };
    (@key $k:literal) => { $k };
    (@kids $p:ident;) => {};
    (@kids $p:ident; ..($list:expr) $($rest:tt)*) => {
        // As `for` does; spelled out so that an `Option` reads as zero or one child.
        for child in ::core::iter::IntoIterator::into_iter($list) {
            $crate::ui::dom::add(&$p, &child);
        }
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; for $x:pat in ($list:expr) [ $($kids:tt)* ] $($rest:tt)*) => {
        for $x in $list {
            $crate::ui::dom::markup!(@kids $p; $($kids)*);
        }
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; if let $x:pat = ($value:expr) [ $($kids:tt)* ] $($rest:tt)*) => {
        if let $x = $value {
            $crate::ui::dom::markup!(@kids $p; $($kids)*);
        }
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; if ($cond:expr) [ $($kids:tt)* ] $($rest:tt)*) => {
        if $cond {
            $crate::ui::dom::markup!(@kids $p; $($kids)*);
        }
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; $words:literal $($rest:tt)*) => {
        let _ = $p.append_with_str_1($words);
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; ($child:expr) $($rest:tt)*) => {
        $crate::ui::dom::add(&$p, &$child);
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; $tag:ident $(($($attrs:tt)*))? [ $($kids:tt)* ] $($rest:tt)*) => {
        $crate::ui::dom::add(&$p, &$crate::ui::dom::markup!($tag $(($($attrs)*))? [ $($kids)* ]));
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
    (@kids $p:ident; $tag:ident $(($($attrs:tt)*))? { $($text:tt)* } $($rest:tt)*) => {
        $crate::ui::dom::add(&$p, &$crate::ui::dom::markup!($tag $(($($attrs)*))? { $($text)* }));
        $crate::ui::dom::markup!(@kids $p; $($rest)*);
    };
}
pub(crate) use markup;

/// A page's actions: an enum whose variants are the `data-act` names of its buttons,
/// so that the buttons and the dispatch name each action once, by a variant.
/// `Act::Keep.name()` is the name to give a button; `Act::of(&event)` the action a
/// click asks for (with the element that asked), if it is one of the page's;
/// `Act::parse(name)` the action a name handed over from elsewhere stands for.
///
/// ```ignore
/// actions! {
///     /// What a click on a reply asks for.
///     enum Act { Keep = "keep", Unkeep = "unkeep" }
/// }
/// ```
macro_rules! actions {
    ($(#[$doc:meta])* $vis:vis enum $name:ident { $($(#[$vdoc:meta])* $variant:ident = $act:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        #[allow(dead_code)]
        impl $name {
            /// The `data-act` name of this action, for its button.
            #[inline]
            $vis fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $act,)+
                }
            }

            /// The action named `name`, if it is one of these.
            $vis fn parse(name: &str) -> Option<Self> {
                Some(match name {
                    $($act => Self::$variant,)+
                    _ => return None,
                })
            }

            /// The action a click asks for, with the element that asks for it.
            #[inline]
            $vis fn of(e: &web_sys::Event) -> Option<(Self, web_sys::Element)> {
                let (act, el) = $crate::ui::dom::action(e)?;
                Some((Self::parse(&act)?, el))
            }
        }
    };
}
pub(crate) use actions;

/// A button that asks for action `act`.
pub fn button(label: &str, act: &str, attrs: &[(&str, &str)]) -> Element {
    let b = text("button", &[("type", "button"), ("data-act", act)], label);
    set_attrs(&b, attrs);
    b
}

/// A `section` of class `class` named by its `h2` heading `title`, whose element id is
/// `id`.
pub fn section(class: &str, id: &str, title: &str) -> Element {
    let section = el("section", &[("class", class), ("aria-labelledby", id)]);
    add(&section, &text("h2", &[("id", id)], title));
    section
}

/// A dimension's heading: its emoji, if any, then its name.
pub fn dimension_title(emoji: Option<&str>, name: &str) -> String {
    match emoji {
        Some(e) => format!("{e} {name}"),
        None => name.to_owned(),
    }
}

/// Shows or hides element `id`.
pub fn show(id: &str, shown: bool) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.toggle_attribute_with_force("hidden", !shown);
    }
}

/// Sets the text of element `id`.
pub fn say(id: &str, words: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.set_text_content(Some(words));
    }
}

/// Appends ladder text to `parent` as text, its emphasis, strong and code runs as
/// `em`, `strong` and `code` elements, its links to web and mail addresses as `a`
/// elements. Never markup: nothing is parsed as HTML.
pub fn rich(parent: &Element, t: &crate::ladder::Text) {
    rich_linked(parent, t, &crate::links::absolute);
}

/// As [`rich`], each link's target sent through `href` (`links::href`): a link only
/// where it gives an address, the text as text either way.
pub fn rich_linked(
    parent: &Element,
    t: &crate::ladder::Text,
    href: &dyn Fn(&str) -> Option<String>,
) {
    for span in &t.0 {
        let mut node: web_sys::Node = document().create_text_node(&span.text).into();
        for (on, tag) in [
            (span.style.code, "code"),
            (span.style.emphasis, "em"),
            (span.style.strong, "strong"),
        ] {
            if on {
                let wrap = el(tag, &[]);
                let _ = wrap.append_child(&node);
                node = wrap.into();
            }
        }
        if let Some(to) = span.link.as_deref().and_then(href) {
            // A page of the ladder comes as its fragment: its address may be a path.
            let to = match to.starts_with("#/") {
                true => super::address::href_of(&to),
                false => to,
            };
            let a = el("a", &[("href", &to)]);
            let _ = a.append_child(&node);
            node = a.into();
        }
        let _ = parent.append_child(&node);
    }
}

/// Whether a key press is text entry: in a text field, text area, select or editable
/// element. Radios, checkboxes and buttons are not text: keys there may be shortcuts.
pub fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").as_deref(),
            Some("radio" | "checkbox" | "button")
        ),
        _ => el.get_attribute("contenteditable").is_some(),
    }
}
