//! Rating one expectation on the ladder's scale, with its evidence note.
//!
//! Built with plain DOM calls (see `dom.rs`): a page holds many of these, and one
//! listener per kind of event on the page's container serves them all through
//! [`handle`]. [`sync`] brings every control on a page in step with the progress
//! (another tab's answers, a key press on Check yourself).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use super::dom::{actions, add, button, markup};
use super::store::ProgressStore;
use crate::progress::{Progress, Rating};

actions! {
    /// What a click on a rating control asks for (its radios and note speak through
    /// `change` and `input`).
    enum Act {
        Clear = "clear",
    }
}

/// A radio group named by the expectation `words`, the four ratings, a Clear button,
/// and the evidence note (with element id `evidence_id` when given); `id` is the
/// expectation's id.
pub fn control(id: &str, words: &str, evidence_id: Option<&str>) -> Element {
    let labels = Labels {
        group: words.to_owned(),
        note: format!("Evidence for: {words}"),
        placeholder: "Evidence: what I did, when, with whom",
    };
    labelled(id, words, &labels, evidence_id)
}

/// What a rating control is called, for controls that are not the person's own
/// (a manager answering a shared link).
pub struct Labels {
    /// The radio group's accessible name.
    pub group: String,
    /// The note's accessible name.
    pub note: String,
    pub placeholder: &'static str,
}

/// [`control`] with other names: see [`Labels`].
pub fn labelled(id: &str, words: &str, labels: &Labels, evidence_id: Option<&str>) -> Element {
    let name = format!("rate-{id}");
    let clear = format!("Clear rating for: {words}");
    let note = markup! {
        textarea(
            class = "evidence",
            rows = "2",
            "aria-label" = labels.note,
            placeholder = labels.placeholder,
        ) []
    };
    if let Some(evidence_id) = evidence_id {
        let _ = note.set_attribute("id", evidence_id);
    }
    markup! {
        div(class = "rate", "data-id" = id, "data-words" = words) [
            div(class = "scale", role = "radiogroup", "aria-label" = labels.group) [
                for r in (Rating::ALL) [
                    label(class = format!("choice r{}", r.key())) [
                        input(
                            type = "radio",
                            name = name,
                            value = r.code(),
                            "data-rate" = r.key().to_string(),
                        ) []
                        span { r.label() }
                    ]
                ]
                (button(
                    "Clear",
                    Act::Clear.name(),
                    &[("class", "clear"), ("aria-label", &clear), ("disabled", "")],
                ))
            ]
            (note)
        ]
    }
}

/// What an event inside a rating control asks for.
pub enum Change {
    /// Rate, or clear with `None`.
    Rate(Option<Rating>),
    /// Set the note to this text.
    Note(String),
}

/// Reads a `change`, `input` or `click` event from inside a rating control: the
/// expectation's id, its words and the change; `None` when the event was not one.
pub fn read(e: &web_sys::Event) -> Option<(String, String, Change)> {
    let target = e.target()?.dyn_into::<Element>().ok()?;
    let control = target.closest(".rate[data-id]").ok()??;
    let id = control.get_attribute("data-id")?;
    let words = control.get_attribute("data-words")?;
    if let Some(area) = target.dyn_ref::<HtmlTextAreaElement>() {
        return Some((id, words, Change::Note(area.value())));
    }
    let rating = match (
        e.type_().as_str(),
        target.get_attribute("data-rate"),
        target
            .get_attribute("data-act")
            .as_deref()
            .and_then(Act::parse),
    ) {
        ("change", Some(key), _) => Some(Rating::from_key(key.parse().ok()?)?),
        ("click", _, Some(Act::Clear)) => None,
        _ => return None,
    };
    Some((id, words, Change::Rate(rating)))
}

/// Handles a `change`, `input` or `click` event from inside a rating control: rates,
/// writes evidence or clears. Returns what was rated (`Some(None)` for cleared), or
/// `None` when the event was not a rating.
pub fn handle(e: &web_sys::Event, store: ProgressStore) -> Option<Option<Rating>> {
    match read(e)? {
        (id, words, Change::Note(note)) => {
            store.set_evidence(&id, &words, &note);
            if store.trouble_untracked().is_empty() {
                saved(e);
            }
            None
        }
        (id, words, Change::Rate(rating)) => {
            store.rate(&id, &words, rating);
            Some(rating)
        }
    }
}

/// A quiet "Saved" after the note that `e` changed, shown afresh after each save (the
/// style fades it out).
fn saved(e: &web_sys::Event) {
    let control = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest(".rate").ok().flatten());
    let Some(control) = control else { return };
    if let Ok(Some(old)) = control.query_selector(".saved") {
        old.remove();
    }
    add(
        &control,
        &markup! { span(class = "saved", role = "status") { "Saved" } },
    );
}

/// Shows `progress` in every rating control inside `host`: the checked radio, Clear
/// enabled when rated, and the evidence note unless it is being typed in; and how
/// many are rated ("5 of 12 rated") in `host`'s `.rated-count`, if it has one.
pub fn sync(host: &Element, progress: &Progress) {
    let Ok(controls) = host.query_selector_all(".rate[data-id]") else {
        return;
    };
    let focused = leptos::prelude::document().active_element();
    let mut rated = 0;
    for i in 0..controls.length() {
        let Some(control) = controls.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(id) = control.get_attribute("data-id") else {
            continue;
        };
        let answer = progress.answer(&id);
        let rating = answer.and_then(|a| a.rating);
        rated += usize::from(rating.is_some());
        if let Ok(radios) = control.query_selector_all("input[data-rate]") {
            for j in 0..radios.length() {
                if let Some(radio) = radios
                    .item(j)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                {
                    let key = radio
                        .get_attribute("data-rate")
                        .and_then(|k| k.parse().ok());
                    radio.set_checked(key.is_some() && key == rating.map(Rating::key));
                }
            }
        }
        if let Ok(Some(clear)) = control.query_selector(".clear") {
            let _ = clear.toggle_attribute_with_force("disabled", rating.is_none());
        }
        if let Ok(Some(note)) = control.query_selector("textarea") {
            let typing = focused.as_ref() == Some(&note);
            if let (false, Ok(note)) = (typing, note.dyn_into::<HtmlTextAreaElement>()) {
                let evidence = answer.map_or("", |a| a.evidence.as_str());
                if note.value() != evidence {
                    note.set_value(evidence);
                }
            }
        }
    }
    if let Ok(Some(count)) = host.query_selector(".rated-count") {
        let line = format!("{rated} of {} rated", controls.length());
        count.set_text_content(Some(&line));
    }
}
