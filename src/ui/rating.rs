//! Rating one expectation on the ladder's scale, with its evidence note.

use leptos::ev;
use leptos::prelude::*;

use super::store::ProgressStore;
use crate::progress::Rating;

/// A radio group named by the expectation, the four ratings, a clear button, and the
/// evidence note; every change is saved at once.
#[component]
pub fn RatingControl(
    /// The expectation's id.
    id: String,
    /// The expectation's plain text: the group's accessible name.
    text: String,
    /// Element id for the evidence box, so quiz mode can focus it.
    #[prop(optional)]
    evidence_id: Option<String>,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let current = {
        let id = id.clone();
        Memo::new(move |_| store.rating(&id))
    };
    let radios = Rating::ALL
        .into_iter()
        .map(|r| {
            let (id, text) = (id.clone(), text.clone());
            view! {
                <label class=format!("choice r{}", r.key())>
                    <input
                        type="radio"
                        name=format!("rate-{id}")
                        value=r.code()
                        prop:checked=move || current.get() == Some(r)
                        on:change=move |_| store.rate(&id, &text, Some(r))
                    />
                    <span>{r.label()}</span>
                </label>
            }
        })
        .collect_view();
    let clear = {
        let (id, text) = (id.clone(), text.clone());
        move |_: ev::MouseEvent| store.rate(&id, &text, None)
    };
    let evidence = {
        let id = id.clone();
        move || store.evidence(&id)
    };
    let on_evidence = {
        let (id, text) = (id.clone(), text.clone());
        move |e: ev::Event| store.set_evidence(&id, &text, &event_target_value(&e))
    };
    view! {
        <div class="rate">
            <div class="scale" role="radiogroup" aria-label=text.clone()>
                {radios}
                <button
                    type="button"
                    class="clear"
                    aria-label=format!("Clear rating for: {text}")
                    disabled=move || current.get().is_none()
                    on:click=clear
                >
                    "Clear"
                </button>
            </div>
            <textarea
                class="evidence"
                id=evidence_id
                rows="2"
                aria-label=format!("Evidence for: {text}")
                placeholder="Evidence: what I did, when, with whom"
                prop:value=evidence
                on:input=on_evidence
            ></textarea>
        </div>
    }
}
