//! "Know your ladder": for people new to the ladder, and managers coaching them. Shows
//! an example and asks which dimension it illustrates; scores, explains the answer,
//! and asks the missed items again first.
//!
//! Part of the extra module (on demand: the first load carries none of it), drawn into
//! the host the app gives it (`ui::lazy::KnowPage`), and reading and saving the score
//! through the app's store ([`Doors`]). Built with plain DOM calls (see `dom.rs`): one
//! question at a time, redrawn on each answer, with one click listener on the card.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::data::now;
use crate::modules::{Doors, LevelId};
use crate::progress::{ladder_quiz_items, LadderQuiz, QuizItem};
use crate::ui::dom::{actions, add, button, el, focus_later, markup, say, text};

actions! {
    /// What a click in Know your ladder asks for.
    enum Act {
        /// One of the dimensions offered as the answer.
        Pick = "pick",
        Next = "next",
        Again = "again",
    }
}

/// Where the quiz is: the items in asking order, the current one, the choice made.
struct Round {
    items: Vec<QuizItem>,
    at: usize,
    chosen: Option<usize>,
}

/// Draws the know-your-ladder quiz over level `level` of role `role` in `host`, with
/// the app's progress behind `doors`.
pub fn show(host: Element, (role, level): LevelId, doors: Doors) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let Some(level) = ladder.role(&role).and_then(|r| r.level(&level)) else {
        add(
            &host,
            &text(
                "p",
                &[("role", "alert")],
                "This level is not in the ladder.",
            ),
        );
        return;
    };
    let doors = Rc::new(doors);
    add(
        &host,
        &text("h1", &[], &format!("Know your ladder: {}", level.heading())),
    );
    let all = ladder_quiz_items(level);
    if all.is_empty() {
        add(
            &host,
            &text(
                "p",
                &[],
                "This level needs examples under at least two dimensions to ask anything.",
            ),
        );
        return;
    }
    let quiz = move |doors: &Doors| doors.progress().unwrap_or_default().ladder_quiz;
    let order = {
        let doors = doors.clone();
        move || quiz(&doors).next_items(all.clone(), now())
    };
    let round = Rc::new(RefCell::new(Round {
        items: order(),
        at: 0,
        chosen: None,
    }));
    add(&host, &text("p", &[("class", "muted")], "For people new to this ladder, and managers coaching them. Missed examples come back first."));
    add(
        &host,
        &text(
            "p",
            &[("class", "rated-line"), ("id", "know-score")],
            &score(&quiz(&doors)),
        ),
    );
    let card = el(
        "section",
        &[("class", "step-card"), ("aria-label", "Question")],
    );
    draw(&card, &round.borrow());
    add(&host, &card);
    add(
        &host,
        &el(
            "p",
            &[
                ("class", "know-feedback"),
                ("id", "know-feedback"),
                ("role", "status"),
                ("aria-live", "polite"),
            ],
        ),
    );
    let host = card.clone();
    let on_click = move |e: web_sys::Event| {
        let Some((act, clicked)) = Act::of(&e) else {
            return;
        };
        let mut r = round.borrow_mut();
        match act {
            Act::Pick if r.chosen.is_none() => {
                let Some(choice) = clicked.get_attribute("data-i").and_then(|i| i.parse().ok())
                else {
                    return;
                };
                let Some(item) = r.items.get(r.at) else {
                    return;
                };
                if let Some(mut p) = doors.to_change() {
                    p.ladder_quiz.record(&item.key, item.is_right(choice));
                    doors.set(&p);
                }
                say("know-feedback", &feedback(item, choice));
                r.chosen = Some(choice);
                focus_later("know-next");
            }
            Act::Next => {
                r.at += 1;
                if r.at == r.items.len() {
                    // Missed examples come back before the round ends.
                    let again = doors
                        .progress()
                        .map(|p| p.ladder_quiz.still_missed(&r.items))
                        .unwrap_or_default();
                    r.items.extend(again);
                }
                r.chosen = None;
                say("know-feedback", "");
                focus_later("know-question");
            }
            Act::Again => {
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
        say("know-score", &score(&quiz(&doors)));
    };
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(on_click).into_js_value();
    if let Some(card) = card.dyn_ref::<web_sys::HtmlElement>() {
        card.set_onclick(Some(on_click.unchecked_ref()));
    }
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
        let again = button("Start again", Act::Again.name(), &[]);
        add(host, &markup! { p(class = "actions") [ (again) ] });
        return;
    };
    let question = "Which dimension does this example illustrate?";
    let step = format!("Example {} of {total}", r.at + 1);
    add(host, &markup! { p(class = "step-line") { step } });
    add(
        host,
        &markup! { h2(id = "know-question", tabindex = "-1") { question } },
    );
    add(
        host,
        &markup! { blockquote(class = "know-example") [ p { item.example } ] },
    );
    let choices = markup! {
        div(class = "know-choices", role = "group", "aria-labelledby" = "know-question") []
    };
    for (i, name) in item.choices.iter().enumerate() {
        let class = match r.chosen {
            Some(_) if item.is_right(i) => "answer right",
            Some(c) if c == i => "answer wrong",
            _ => "answer",
        };
        let b = button(
            name,
            Act::Pick.name(),
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
        let next = button("Next example", Act::Next.name(), &[("id", "know-next")]);
        add(host, &markup! { p(class = "actions") [ (next) ] });
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
