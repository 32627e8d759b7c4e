//! "Know your ladder": for people new to the ladder, and managers coaching them. Shows
//! an example and asks which dimension it illustrates; scores, explains the answer,
//! and asks the missed items again first.
//!
//! Built with plain DOM calls (see `dom.rs`): one question at a time, redrawn on each
//! answer, with one click listener on the card.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use web_sys::Element;

use super::dom::{action, add, button, el, focus_later, say, text};
use super::store::{now, ProgressStore};
use crate::ladder::Level;
use crate::progress::{ladder_quiz_items, LadderQuiz, QuizItem};

/// Where the quiz is: the items in asking order, the current one, the choice made.
struct Round {
    items: Vec<QuizItem>,
    at: usize,
    chosen: Option<usize>,
}

/// The know-your-ladder quiz over `level`.
#[component]
pub fn KnowPage(
    /// The level whose examples are asked.
    level: Level,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let heading = format!("Know your ladder: {}", level.heading());
    let all = ladder_quiz_items(&level);
    if all.is_empty() {
        return view! {
            <h1>{heading}</h1>
            <p>"This level needs examples under at least two dimensions to ask anything."</p>
        }
        .into_any();
    }
    let order = move || store.with_untracked(|p| p.ladder_quiz.next_items(all.clone(), now()));
    let round = Rc::new(RefCell::new(Round {
        items: order(),
        at: 0,
        chosen: None,
    }));
    let card = NodeRef::<html::Section>::new();
    {
        let round = round.clone();
        card.on_load(move |host| draw(&host, &round.borrow()));
    }
    let on_click = move |e: leptos::ev::MouseEvent| {
        let Some((act, clicked)) = action(&e) else {
            return;
        };
        let Some(host) = card.get_untracked() else {
            return;
        };
        let mut r = round.borrow_mut();
        match act.as_str() {
            "pick" if r.chosen.is_none() => {
                let Some(choice) = clicked.get_attribute("data-i").and_then(|i| i.parse().ok())
                else {
                    return;
                };
                let Some(item) = r.items.get(r.at) else {
                    return;
                };
                store.change(|p| p.ladder_quiz.record(&item.key, item.is_right(choice)));
                say("know-feedback", &feedback(item, choice));
                r.chosen = Some(choice);
                focus_later("know-next");
            }
            "next" => {
                r.at += 1;
                if r.at == r.items.len() {
                    // Missed examples come back before the round ends.
                    let again = store.with_untracked(|p| p.ladder_quiz.still_missed(&r.items));
                    r.items.extend(again);
                }
                r.chosen = None;
                say("know-feedback", "");
                focus_later("know-question");
            }
            "again" => {
                *r = Round {
                    items: order(),
                    at: 0,
                    chosen: None,
                };
                focus_later("know-question");
            }
            _ => return,
        }
        draw(&host, &r);
        say(
            "know-score",
            &store.with_untracked(|p| score(&p.ladder_quiz)),
        );
    };
    let start = store.with_untracked(|p| score(&p.ladder_quiz));
    view! {
        <h1>{heading}</h1>
        <p class="muted">"For people new to this ladder, and managers coaching them. Missed examples come back first."</p>
        <p class="rated-line" id="know-score">{start}</p>
        <section class="quiz-card" aria-label="Question" node_ref=card on:click=on_click></section>
        <p class="know-feedback" id="know-feedback" role="status" aria-live="polite"></p>
    }
    .into_any()
}

/// How many different examples `items` holds (missed ones come back in a round).
fn count_distinct(items: &[QuizItem]) -> usize {
    let firsts = items.iter().enumerate();
    firsts
        .filter(|(i, x)| !items[..*i].iter().any(|y| y.key == x.key))
        .count()
}

/// Redraws the card for the current item, or the end of the round.
fn draw(host: &Element, r: &Round) {
    host.set_text_content(None);
    let total = r.items.len();
    let Some(item) = r.items.get(r.at) else {
        add(
            host,
            &text(
                "p",
                &[("id", "know-question"), ("tabindex", "-1")],
                &format!(
                    "That was all {} examples of this level.",
                    count_distinct(&r.items)
                ),
            ),
        );
        let actions = el("p", &[("class", "actions")]);
        add(&actions, &button("Start again", "again", &[]));
        add(host, &actions);
        return;
    };
    add(
        host,
        &text(
            "p",
            &[("class", "quiz-step")],
            &format!("Example {} of {total}", r.at + 1),
        ),
    );
    add(
        host,
        &text(
            "h2",
            &[("id", "know-question"), ("tabindex", "-1")],
            "Which dimension does this example illustrate?",
        ),
    );
    let quote = el("blockquote", &[("class", "know-example")]);
    add(&quote, &text("p", &[], &item.example));
    add(host, &quote);
    let choices = el(
        "div",
        &[
            ("class", "know-choices"),
            ("role", "group"),
            ("aria-labelledby", "know-question"),
        ],
    );
    for (i, name) in item.choices.iter().enumerate() {
        let class = match r.chosen {
            Some(_) if item.is_right(i) => "answer right",
            Some(c) if c == i => "answer wrong",
            _ => "answer",
        };
        let b = button(
            name,
            "pick",
            &[("class", class), ("data-i", &i.to_string())],
        );
        if let Some(c) = r.chosen {
            let _ = b.set_attribute("aria-pressed", if c == i { "true" } else { "false" });
            let _ = b.set_attribute("disabled", "");
        }
        add(&choices, &b);
    }
    add(host, &choices);
    if r.chosen.is_some() {
        let actions = el("p", &[("class", "actions")]);
        add(
            &actions,
            &button("Next example", "next", &[("id", "know-next")]),
        );
        add(host, &actions);
    }
}

fn score(q: &LadderQuiz) -> String {
    let missed = match q.missed.len() {
        0 => String::new(),
        1 => " 1 missed example will be asked again first.".to_string(),
        n => format!(" {n} missed examples will be asked again first."),
    };
    format!("Score: {} right of {} answered.{missed}", q.right, q.asked)
}

fn feedback(q: &QuizItem, picked: usize) -> String {
    if q.is_right(picked) {
        format!("Right: this example illustrates {}.", q.answer_name())
    } else {
        format!(
            "Not quite: this example illustrates {}. It will be asked again.",
            q.answer_name()
        )
    }
}
