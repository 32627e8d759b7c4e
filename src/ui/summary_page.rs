//! Where I stand on a level: "N of M rated", the share Performing or better, a chart
//! per dimension with its table, focus areas, and answers the ladder no longer has.
//! Printable as a one-page sheet for a 1:1, and downloadable as Markdown for a 1:1
//! document or as a JSON backup of all progress.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use std::cell::RefCell;
use std::rc::Rc;

use super::dom::{action, add, button, el, focus_later, say, show, svg, text};
use super::files;
use super::store::{now, ProgressStore};
use super::LadderState;
use crate::ladder::Role;
use crate::progress::{level_markdown, read_backup, Answer, Progress, Rating, Summary};

/// The summary of level `index` of `role`, kept in step with the progress.
#[component]
pub fn SummaryPage(
    /// The role of the level.
    role: Role,
    /// Index of the level in `role.levels`.
    index: usize,
) -> impl IntoView {
    let store = ProgressStore::expect();
    let state = LadderState::expect();
    let level = role.levels[index].clone();
    let level_id = level.id.clone();
    let report = NodeRef::<html::Div>::new();
    let heading = format!("Summary: {}", level.heading());
    // The report is built with DOM calls (see `dom.rs`): the outside world, for an effect.
    let ladder = state.ladder.clone();
    Effect::new(move |_| {
        let (summary, orphans) = store.with(|p| {
            let orphans: Vec<Answer> = p.orphans(&ladder).into_iter().map(|(_, a)| a.clone()).collect();
            (p.summary(&level), orphans)
        });
        if let Some(host) = report.get() {
            host.set_text_content(None);
            render(&host, &summary, &orphans);
        }
    });
    let print = |_: ev::MouseEvent| {
        let _ = window().print();
    };
    let file = format!("rungs-{}-{}", role.id.replace('/', "-"), level_id);
    let download_markdown = {
        let (ladder, role) = (state.ladder.clone(), role.clone());
        move |_: ev::MouseEvent| {
            let text = store.with_untracked(|p| level_markdown(p, &ladder, &role, &role.levels[index], None));
            files::download(&format!("{file}.md"), "text/markdown", &text);
        }
    };
    let said = RwSignal::new(String::new());
    let copy_markdown = {
        let ladder = state.ladder.clone();
        let role = role.clone();
        move |_: ev::MouseEvent| {
            let text = store.with_untracked(|p| level_markdown(p, &ladder, &role, &role.levels[index], None));
            files::copy(text, move |ok| {
                said.set(if ok {
                    "Copied the Markdown to the clipboard.".to_string()
                } else {
                    "This browser did not allow copying: use Download Markdown instead.".to_string()
                })
            });
        }
    };
    view! {
        <h1>{heading}</h1>
        <div class="report" node_ref=report></div>
        <p class="actions">
            <button type="button" on:click=print>"Print"</button>
            <button type="button" on:click=copy_markdown>"Copy Markdown"</button>
            <button type="button" on:click=download_markdown>"Download Markdown"</button>
        </p>
        <p class="status" role="status">{move || said.get()}</p>
        <YourData />
    }
}

/// Backup, restore and reset of all progress, on every level. Built with DOM calls
/// (see `dom.rs`), with one click listener: a reset asks first, and can be undone
/// until the page is left.
#[component]
fn YourData() -> impl IntoView {
    let store = ProgressStore::expect();
    let version = LadderState::expect().ladder.version.clone();
    // What the last reset cleared, until it is undone.
    let undo = Rc::new(RefCell::new(None::<Progress>));
    let host = NodeRef::<html::Section>::new();
    host.on_load(|host| build_your_data(&host));
    let on_click = move |e: ev::MouseEvent| {
        let Some((act, _)) = action(&e) else { return };
        match act.as_str() {
            "backup" => files::download_backup(store, &version),
            "ask" => {
                show("reset-confirm", true);
                focus_later("reset-cancel");
            }
            "cancel" => {
                show("reset-confirm", false);
                focus_later("reset-ask");
            }
            "reset" => {
                let mut before = None;
                store.change(|p| before = Some(p.reset(now())));
                *undo.borrow_mut() = before;
                show("reset-confirm", false);
                say("data-said", "All progress was reset.");
                show("reset-undo", true);
                focus_later("reset-undo");
            }
            "undo" => {
                if let Some(before) = undo.borrow_mut().take() {
                    store.change(|p| p.restore(&before, now()));
                }
                show("reset-undo", false);
                say("data-said", "Reset undone: your progress is back.");
                focus_later("reset-ask");
            }
            _ => {}
        }
    };
    let on_change = move |e: ev::Event| {
        let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        let name = file.name();
        if file.size() > f64::from(files::MAX_BACKUP) {
            say("data-said", &format!("“{name}” is larger than a Rungs backup can be: nothing changed."));
            return;
        }
        files::read_text(&file, move |text| {
            let message = match text.as_deref().map(read_backup) {
                Some(Ok(theirs)) => {
                    let count = theirs.answers.values().filter(|a| !a.is_blank()).count();
                    store.change(|p| p.merge(&theirs));
                    format!("Imported “{name}”: {count} answers; for each expectation the newer answer is kept.")
                }
                Some(Err(err)) => format!("“{name}” is not a Rungs backup ({err}): nothing changed."),
                None => format!("“{name}” could not be read as text: nothing changed."),
            };
            show("reset-undo", false);
            say("data-said", &message);
        });
    };
    view! { <section class="your-data" aria-labelledby="your-data" node_ref=host on:click=on_click on:change=on_change></section> }
}

fn build_your_data(host: &Element) {
    // Leptos may keep the container from the previous level's summary.
    host.set_text_content(None);
    add(host, &text("h2", &[("id", "your-data")], "Your progress data"));
    add(host, &text("p", &[("class", "muted")], "Everything you record stays in this browser. A backup file holds all of it, for every level."));
    let actions = el("p", &[("class", "actions")]);
    add(&actions, &button("Download backup", "backup", &[]));
    let pick = text("label", &[("class", "file-button")], "Import backup");
    add(&pick, &el("input", &[("type", "file"), ("accept", ".json,application/json")]));
    add(&actions, &pick);
    add(&actions, &button("Reset progress…", "ask", &[("id", "reset-ask")]));
    add(host, &actions);
    let confirm = el("div", &[("class", "confirm"), ("id", "reset-confirm"), ("role", "group"), ("aria-labelledby", "reset-question"), ("hidden", "")]);
    add(&confirm, &text("p", &[("id", "reset-question")], "Reset every rating, evidence note and quiz on every level? You can undo it until you leave this page."));
    let choose = el("p", &[("class", "actions")]);
    add(&choose, &button("Reset everything", "reset", &[("class", "danger")]));
    add(&choose, &button("Cancel", "cancel", &[("id", "reset-cancel")]));
    add(&confirm, &choose);
    add(host, &confirm);
    let status = el("p", &[("class", "status"), ("role", "status")]);
    add(&status, &el("span", &[("id", "data-said")]));
    let _ = status.append_with_str_1(" ");
    add(&status, &button("Undo reset", "undo", &[("id", "reset-undo"), ("hidden", "")]));
    add(host, &status);
}

fn render(host: &Element, s: &Summary, orphans: &[Answer]) {
    let rated = el("p", &[("class", "rated-line")]);
    add(&rated, &text("strong", &[], &s.rated_line()));
    add(host, &rated);
    let share = s.performing_or_better();
    let line = match share.percent() {
        Some(p) => format!("{p}% of rated expectations are Performing or better ({} of {}).", share.count, share.of),
        None => "Nothing rated yet: rate the expectations on the level page.".to_string(),
    };
    add(host, &text("p", &[], &line));
    add(host, &text("h2", &[("id", "by-dimension")], "By dimension"));
    add(host, &chart(s));
    add(host, &table(s));
    add(host, &text("h2", &[], "Focus areas"));
    if s.focus_areas.is_empty() {
        add(host, &text("p", &[("class", "muted")], "No expectation is rated Improvement needed or Maturing."));
    } else {
        let list = el("ul", &[("class", "focus")]);
        for f in &s.focus_areas {
            add(&list, &item(&f.text, Some(f.rating), &f.evidence));
        }
        add(host, &list);
    }
    if !orphans.is_empty() {
        add(host, &text("h2", &[], "No longer in this ladder"));
        add(host, &text("p", &[("class", "muted")], "Answers for expectations this ladder no longer has. They are kept."));
        let list = el("ul", &[("class", "orphans")]);
        for a in orphans {
            let words = if a.text.is_empty() { "(expectation text not recorded)" } else { a.text.as_str() };
            add(&list, &item(words, a.rating, &a.evidence));
        }
        add(host, &list);
    }
}

/// An expectation with its rating and evidence.
fn item(words: &str, rating: Option<Rating>, evidence: &str) -> Element {
    let li = el("li", &[]);
    add(&li, &text("p", &[], words));
    add(&li, &text("p", &[("class", "muted")], rating.map(Rating::label).unwrap_or("Not rated")));
    if !evidence.trim().is_empty() {
        add(&li, &text("p", &[("class", "evidence-note")], evidence));
    }
    li
}

/// A stacked bar per dimension, named by the "By dimension" heading; the table says
/// the same in text. Integer coordinates: float formatting costs kilobytes of wasm.
fn chart(s: &Summary) -> Element {
    const W: usize = 1000;
    const ROW: usize = 110;
    let height = s.dimensions.len().max(1) * ROW;
    let figure = el("figure", &[("class", "chart")]);
    let canvas = svg(
        "svg",
        &[("viewBox", &format!("0 0 {W} {height}")), ("role", "img"), ("aria-labelledby", "by-dimension"), ("focusable", "false")],
    );
    for (i, d) in s.dimensions.iter().enumerate() {
        let label = svg("text", &[("x", "0"), ("y", &(i * ROW + 30).to_string()), ("class", "bar-label")]);
        label.set_text_content(Some(&d.heading()));
        add(&canvas, &label);
        let y = (i * ROW + 40).to_string();
        add(&canvas, &svg("rect", &[("x", "0"), ("y", &y), ("width", &W.to_string()), ("height", "56"), ("class", "seg-bg")]));
        let mut x = 0;
        for (r, n) in d.counts.iter().filter(|(_, n)| *n > 0) {
            let w = W * n / d.total.max(1);
            let (class, x_at, width) = (format!("seg r{}", r.key()), x.to_string(), w.to_string());
            add(&canvas, &svg("rect", &[("x", &x_at), ("y", &y), ("width", &width), ("height", "56"), ("class", &class)]));
            x += w;
        }
    }
    add(&figure, &canvas);
    let legend = el("ul", &[("class", "legend")]);
    for r in Rating::ALL {
        let li = el("li", &[]);
        add(&li, &el("span", &[("class", &format!("swatch r{}", r.key()))]));
        let _ = li.append_with_str_1(r.label());
        add(&legend, &li);
    }
    let none = el("li", &[]);
    add(&none, &el("span", &[("class", "swatch none")]));
    let _ = none.append_with_str_1("Not rated");
    add(&legend, &none);
    let caption = el("figcaption", &[]);
    add(&caption, &legend);
    add(&figure, &caption);
    figure
}

fn table(s: &Summary) -> Element {
    let wrap = el("div", &[("class", "table-wrap")]);
    let table = el("table", &[("class", "counts")]);
    add(&table, &text("caption", &[], "Ratings per dimension"));
    let head = el("tr", &[]);
    add(&head, &text("th", &[("scope", "col")], "Dimension"));
    for r in Rating::ALL {
        add(&head, &text("th", &[("scope", "col")], r.label()));
    }
    add(&head, &text("th", &[("scope", "col")], "Not rated"));
    let thead = el("thead", &[]);
    add(&thead, &head);
    add(&table, &thead);
    let body = el("tbody", &[]);
    for d in &s.dimensions {
        let row = el("tr", &[]);
        add(&row, &text("th", &[("scope", "row")], &d.heading()));
        for (_, n) in d.counts.iter() {
            add(&row, &text("td", &[], &n.to_string()));
        }
        add(&row, &text("td", &[], &d.not_rated().to_string()));
        add(&body, &row);
    }
    add(&table, &body);
    add(&wrap, &table);
    wrap
}
