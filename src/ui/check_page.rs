//! "Check yourself": one expectation at a time with its dimension's examples, rated
//! by keys 1-4, moved through with the arrows or N and P, evidence on E. Resumes where
//! the person left off; a live region announces each step.
//!
//! The card is built with plain DOM calls (see `dom.rs`) and redrawn on each move,
//! with one listener per kind of event on it; its controls have the same names as the
//! level page's (`rating.rs`).

use std::cell::Cell;
use std::rc::Rc;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{actions, add, button, focus, markup, say, typing};
use super::rating;
use super::store::ProgressStore;
use super::LadderState;
use crate::everyone::with_everyone;
use crate::ladder::{Level, Role};
use crate::progress::{
    check_end_line, check_key_action, check_order, check_position_key, check_step_line, rated_line,
    resume_position, CheckAction, Rating,
};
use crate::route::{Route, View};

const EVIDENCE_ID: &str = "check-evidence";
const CARD_ID: &str = "check-card";
const STEP_ID: &str = "check-step";
const SAID_ID: &str = "check-said";
const KEYS_ID: &str = "check-keys";

actions! {
    /// The card's buttons that move through the round (the rating controls are
    /// `rating`'s).
    enum Act {
        Previous = "prev",
        Next = "next",
        Again = "again",
    }
}

/// Check yourself over level `index` of `role`.
#[component]
pub fn CheckPage(
    /// The role of the level.
    role: Role,
    /// Index of the level in `role.levels`.
    index: usize,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let ladder = LadderState::expect().ladder();
    // The level's expectations, then those for everyone (`everyone::with_everyone`).
    let level = Rc::new(with_everyone(&ladder, &role, &role.levels[index]));
    // The ladder's own explanation of its rating scale, for every Check yourself page
    // of its track.
    let scales = ladder
        .guides
        .iter()
        .filter(|g| g.rating_scale && g.track == role.track)
        .map(|g| {
            let href = crate::ui::address::href(&Route::Guide(g.id.clone()));
            view! {
                <p class="rating-scale">
                    <a href=href>{format!("How this ladder rates: {}", g.title)}</a>
                </p>
            }
        })
        .collect_view();
    let heading = format!("Check yourself: {}", level.heading());
    let order: Rc<[(usize, usize)]> = check_order(&level).into();
    let total = order.len();
    if total == 0 {
        return view! {
            <h1>{heading}</h1>
            <p>"This level lists no expectations to check."</p>
        }
        .into_any();
    }
    let key = check_position_key(&role.id, &level.id);
    let position = Rc::new(Cell::new(
        store.with_untracked(|p| resume_position(p, &key, &level)),
    ));
    let card = NodeRef::<html::Section>::new();
    let summary: Rc<str> =
        crate::ui::address::href(&Route::level_view(&role.id, &level.id, View::Summary)).into();
    let round = Round {
        level,
        order,
        position,
        store,
        summary: summary.clone(),
    };

    {
        let round = round.clone();
        card.on_load(move |host| round.draw(&host));
    }
    let go = {
        let round = round.clone();
        move |action: CheckAction| {
            let Some(to) = action.moves_to(round.position.get(), total) else {
                return;
            };
            round.position.set(to);
            if let Some(host) = card.get_untracked() {
                round.draw(&host);
                // The new card starts at the top of the screen, not above it.
                if let Some(host) = host.dyn_ref::<web_sys::HtmlElement>() {
                    if window().scroll_y().unwrap_or(0.0) > f64::from(host.offset_top()) {
                        host.scroll_into_view();
                    }
                }
            }
            if to == total {
                say(SAID_ID, "Round done");
                return focus(CARD_ID);
            }
            round.store.change(|p| p.remember_position(&key, to));
            let (_, x, title) = round.at(to);
            let rated = round
                .store
                .with_untracked(|p| p.rating(&x.id))
                .map_or("not rated", Rating::label);
            say(
                SAID_ID,
                &format!(
                    "{}. {title}. {} ({rated})",
                    check_step_line(to, total),
                    x.text.to_plain()
                ),
            );
            focus(CARD_ID);
        }
    };
    let rate = {
        let round = round.clone();
        move |r: Option<Rating>| {
            if round.position.get() >= total {
                return; // The end of the round rates nothing.
            }
            let (_, x, _) = round.at(round.position.get());
            round.store.rate(&x.id, &x.text.to_plain(), r);
            if let Some(host) = card.get_untracked() {
                round.store.with_untracked(|p| rating::sync(&host, p));
            }
            announce(Some(r));
        }
    };

    // Keys work wherever focus is on the page, except while typing
    // (`progress::check_key_action` is the key map).
    let keys = {
        let (go, rate) = (go.clone(), rate.clone());
        window_event_listener(ev::keydown, move |e: ev::KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
                return;
            }
            match check_key_action(&e.key(), typing(&e)) {
                None => return,
                // Escape keeps its default, leaving the note as it always does.
                Some(CheckAction::LeaveNote) => return focus(CARD_ID),
                Some(CheckAction::Rate(r)) => rate(Some(r)),
                Some(CheckAction::Evidence) => focus(EVIDENCE_ID),
                Some(step) => go(step),
            }
            e.prevent_default();
        })
    };
    on_cleanup(move || keys.remove());

    let on_click = {
        let go = go.clone();
        move |e: ev::MouseEvent| match Act::of(&e).map(|(act, _)| act) {
            Some(Act::Previous) => go(CheckAction::Previous),
            Some(Act::Next) => go(CheckAction::Next),
            Some(Act::Again) => go(CheckAction::StartAgain),
            None => announce(rating::handle(&e, store)),
        }
    };
    let on_event = move |e: ev::Event| announce(rating::handle(&e, store));
    // How much of the level is rated, kept in step with every change (here, by key or
    // click, and in another tab).
    let rated = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        let line = store.with(|p| rated_line(p, &round.level));
        if let Some(rated) = rated.get() {
            rated.set_text_content(Some(&line));
        }
    });
    view! {
        <h1>{heading}</h1>
        <p class="rated-count" node_ref=rated></p>
        {scales}
        <p class="muted" id=KEYS_ID>
            "Keys: 1 to 4 rate, ← and → (or N and P) move, E writes evidence, Escape leaves the note."
        </p>
        <div class="visually-hidden" id=SAID_ID role="status" aria-live="polite"></div>
        <section
            class="check-yourself"
            node_ref=card
            on:click=on_click
            on:change=on_event
            on:input=on_event
        ></section>
        <p>
            <a href=summary.to_string()>"See the summary"</a>
        </p>
    }
    .into_any()
}

/// What a round's handlers share.
#[derive(Clone)]
struct Round {
    level: Rc<Level>,
    order: Rc<[(usize, usize)]>,
    position: Rc<Cell<usize>>,
    store: ProgressStore,
    /// The level's Summary view, where a round ends.
    summary: Rc<str>,
}

impl Round {
    /// The dimension index, expectation and dimension heading at position `i`.
    fn at(&self, i: usize) -> (usize, &crate::ladder::Expectation, String) {
        let (d, e) = self.order[i];
        let dim = &self.level.dimensions[d];
        let title = match &dim.emoji {
            Some(emoji) => format!("{emoji} {}", dim.name),
            None => dim.name.clone(),
        };
        (d, &dim.expectations[e], title)
    }

    /// Draws the step line, the current expectation with its rating control and
    /// evidence note, its dimension's examples, and Previous and Next.
    fn draw(&self, host: &Element) {
        let i = self.position.get();
        let total = self.order.len();
        if i >= total {
            return self.draw_end(host);
        }
        let (d, x, title) = self.at(i);
        let words = x.text.to_plain();
        host.set_text_content(None);
        // The expectation's own examples first, then its dimension's.
        let examples: Vec<&crate::ladder::Text> = x
            .examples
            .iter()
            .chain(&self.level.dimensions[d].examples)
            .collect();
        let prev = button("Previous", Act::Previous.name(), &[]);
        if i == 0 {
            let _ = prev.set_attribute("disabled", "");
        }
        // After the last expectation, Next ends the round (`draw_end`).
        let next = if i + 1 < total { "Next" } else { "Finish" };
        let step = markup! {
            p(class = "step-line", id = STEP_ID) { check_step_line(i, total) }
        };
        let card = markup! {
            div(
                class = "step-card",
                id = CARD_ID,
                tabindex = "-1",
                "aria-describedby" = KEYS_ID,
            ) [
                h2(class = "check-dimension") { title }
                p(class = "expectation-text check-expectation") { words }
                for detail in (&x.details) [
                    p(class = "expectation-detail") { detail.to_plain() }
                ]
                (rating::control(&x.id, &words, Some(EVIDENCE_ID)))
                if (!examples.is_empty()) [ (examples_of(&examples)) ]
            ]
        };
        let nav = markup! {
            p(class = "actions check-nav") [
                (prev)
                (button(next, Act::Next.name(), &[]))
            ]
        };
        add(host, &step);
        add(host, &card);
        add(host, &nav);
        self.store.with_untracked(|p| rating::sync(host, p));
    }

    /// The end of a round: where the person stands, the way to the summary, and
    /// Previous and Start again.
    fn draw_end(&self, host: &Element) {
        host.set_text_content(None);
        let line = self
            .store
            .with_untracked(|p| check_end_line(p, &self.level));
        let card = markup! {
            div(class = "step-card", id = CARD_ID, tabindex = "-1") [
                h2(class = "check-dimension") { "Round done" }
                p(class = "check-expectation") { line }
                a(href = self.summary) { "See where you stand in the Summary" }
            ]
        };
        let nav = markup! {
            p(class = "actions check-nav") [
                (button("Previous", Act::Previous.name(), &[]))
                (button("Start again", Act::Again.name(), &[]))
            ]
        };
        add(host, &card);
        add(host, &nav);
    }
}

/// Examples in a disclosure: open beside the card on wide screens, one tap away on
/// phones.
fn examples_of(list: &[&crate::ladder::Text]) -> Element {
    let details = markup! {
        details(class = "check-examples") [
            summary { format!("Examples ({})", list.len()) }
            ul [
                for example in (list) [ li { example.to_plain() } ]
            ]
        ]
    };
    let wide = window().inner_width().ok().and_then(|w| w.as_f64()) > Some(640.0);
    if wide {
        let _ = details.set_attribute("open", "");
    }
    details
}

/// Says what was just rated, if anything was.
fn announce(rated: Option<Option<Rating>>) {
    if let Some(r) = rated {
        say(
            SAID_ID,
            &r.map_or("Rating cleared".to_string(), |r| {
                format!("Rated {}", r.label())
            }),
        );
    }
}
