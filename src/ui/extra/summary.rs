//! Where I stand on a level: "N of M rated", the share Performing or better, a chart
//! per dimension with its table, the newest kept reply beside it (you and your
//! manager per dimension), every rating with its evidence by dimension, focus areas
//! (Improvement needed first), the goals marked on Compare levels (each with its
//! level, and Remove), and answers the ladder no longer has; Print (the 1:1
//! sheet, with the name and date), Copy Markdown and Download Markdown. With nothing
//! rated it says so and points to where to start. The app's summary page holds this
//! report and, below it, Your progress data.
//!
//! The kept reply comes from the share module (`kept`, see `beside.rs`), which is
//! loaded only when a reply is kept: the report is drawn without it first, then again.

use web_sys::Element;

use super::data::now;
use super::fields::listen;
use crate::everyone::{is_everyones, with_everyone};
use crate::ladder::{Ladder, Level};
use crate::modules::{Doors, LevelId};
use crate::progress::share::apart_phrase;
use crate::progress::{
    level_name, sheet_markdown, Answer, ManagerView, Progress, Rating, Sheet, Summary,
};
use crate::route::{Route, View};
use crate::ui::dom::{actions, add, button, el, focus, markup, say, svg, text};
use crate::ui::files;

actions! {
    /// What a click on the report asks for.
    enum Act {
        Print = "print",
        CopyMarkdown = "copy-md",
        DownloadMarkdown = "download-md",
        /// Remove, on a goal.
        UnsetGoal = "unset-goal",
    }
}

/// The report for level `level` of role `role` in `host`, from the progress `parsed`;
/// Remove on a goal changes the progress through `doors`.
pub fn show(host: Element, (role, level): LevelId, parsed: Progress, doors: Doors) {
    let ladder = super::ladder();
    let Some(r) = ladder.role(&role) else { return };
    let Some(l) = r.level(&level) else { return };
    // The expectations for everyone count as their own dimension group, "Expected of
    // everyone" (`everyone::with_everyone`); their answers are not orphans.
    let l = &with_everyone(&ladder, r, l);
    let manager = {
        let (host, role, level) = (host.clone(), role.clone(), level.clone());
        let (parsed, doors) = (parsed.clone(), doors.clone());
        super::beside::fetch(&role.clone(), &level.clone(), move || {
            show(host, (role, level), parsed, doors)
        })
        .map(|(view, _)| view)
    };
    // Drawn again on every change of progress: the control that had focus keeps it
    // (after Remove, the next goal's Remove, which takes its id).
    let focused = leptos::prelude::document().active_element().map(|e| e.id());
    host.set_text_content(None);
    let sheet = Sheet {
        name: crate::storage::get(super::share_storage::NAME).filter(|n| !n.trim().is_empty()),
        date: Some(files::today()),
        manager,
    };
    let orphans: Vec<Answer> = parsed
        .orphans(&ladder)
        .into_iter()
        .filter(|(id, _)| !is_everyones(&ladder, id))
        .map(|(_, a)| a.clone())
        .collect();
    let summary = parsed.summary(l);
    // Nothing to report: no chart of nothing, no Print or Download of it.
    let empty = summary.rated == 0 && sheet.manager.is_none();
    if empty {
        let p = el("p", &[("class", "empty")]);
        add(
            &p,
            &text("strong", &[("class", "rated-line")], &summary.rated_line()),
        );
        let _ = p.append_with_str_1(
            ": nothing on this level is rated yet, so there is nothing to sum up. ",
        );
        let href = crate::ui::address::href_of(&Route::level_fragment(&role, &level, View::Read));
        add(
            &p,
            &text("a", &[("href", &href)], "Start rating on Read and rate"),
        );
        add(&host, &p);
    } else {
        head(&host, &sheet);
        render(&host, &summary, &sheet, l, &parsed);
    }
    goals_list(&host, &parsed, &ladder);
    orphans_list(&host, &orphans);
    if !empty {
        let actions = markup! {
            p(class = "actions") [
                (button("Print", Act::Print.name(), &[]))
                (button("Copy Markdown", Act::CopyMarkdown.name(), &[]))
                (button("Download Markdown", Act::DownloadMarkdown.name(), &[]))
            ]
        };
        add(&host, &actions);
        let said = markup! { p(class = "status", role = "status", id = "summary-said") { "" } };
        add(&host, &said);
    }
    let markdown = sheet_markdown(&parsed, &ladder, r, l, &sheet);
    let file = format!("rungs-{}-{}.md", role.replace('/', "-"), level);
    if let Some(id) = focused {
        focus(&id);
    }
    listen(&host, move |e: web_sys::Event| {
        if e.type_() != "click" {
            return;
        }
        match Act::of(&e) {
            Some((Act::UnsetGoal, b)) => remove_goal(&b, &parsed, &doors),
            Some((Act::Print, _)) => {
                let _ = leptos::prelude::window().print();
            }
            Some((Act::CopyMarkdown, _)) => files::copy(markdown.clone(), |ok| {
                let said = if ok {
                    "Copied the Markdown to the clipboard."
                } else {
                    "This browser did not allow copying: use Download Markdown instead."
                };
                say("summary-said", said);
            }),
            Some((Act::DownloadMarkdown, _)) => {
                files::download(&file, "text/markdown", &markdown);
            }
            _ => {}
        }
    });
}

/// Remove, the button `b` of a goal in [`goals_list`] drawn from `shown`: unsets the
/// goal in the progress behind `doors`. The report is drawn again, and focus goes to
/// the Remove that takes this one's place (the next goal's), if any.
fn remove_goal(b: &Element, shown: &Progress, doors: &Doors) {
    let i: usize = b
        .get_attribute("data-i")
        .and_then(|i| i.parse().ok())
        .unwrap_or_default();
    let goals = shown.goal_list();
    let (Some((id, goal)), Some(mut p)) = (goals.get(i), doors.to_change()) else {
        return;
    };
    p.mark_goal(id, "", &goal.text, false, now());
    doors.set(&p);
}

/// The goals marked on Compare levels, any level's: each with its level and Remove.
fn goals_list(host: &Element, progress: &Progress, ladder: &Ladder) {
    let goals = progress.goal_list();
    if goals.is_empty() {
        return;
    }
    let items = goals.into_iter().enumerate().map(|(i, (_, goal))| {
        let level = level_name(ladder, goal.goal.as_deref().unwrap_or_default());
        let attrs = [
            ("class", "goal"),
            ("id", &format!("goal-rm-{i}")),
            ("data-i", &i.to_string()),
            ("aria-label", &format!("Remove goal: {}", goal.text)),
        ];
        markup! {
            li [
                p { goal.text }
                p(class = "muted") { level }
                (button("Remove", Act::UnsetGoal.name(), &attrs))
            ]
        }
    });
    add(host, &markup! { h2(id = "goals-h") { "Goals" } });
    add(
        host,
        &markup! { ul(class = "goals", "aria-labelledby" = "goals-h") [ ..(items) ] },
    );
}

/// The manager's name, or `your manager` within a sentence.
fn lower(m: &ManagerView) -> &str {
    m.name
        .as_deref()
        .filter(|n| !n.is_empty())
        .unwrap_or("your manager")
}

/// Who the sheet is for and when, and whose reply is beside it.
fn head(host: &Element, sheet: &Sheet) {
    let date = sheet.date.as_deref().unwrap_or_default();
    let who = match &sheet.name {
        Some(name) => format!("{name}’s self-assessment, {date}."),
        None => format!("Self-assessment, {date}."),
    };
    add(host, &text("p", &[("class", "sheet-who")], &who));
    if let Some(m) = &sheet.manager {
        let mut said = format!("With {}’s ratings from the reply you kept", lower(m));
        if m.made > 0 {
            said += &format!(
                ", made {}",
                crate::progress::share::keep::utc_minute(m.made)
            );
        }
        add(host, &text("p", &[], &(said + ".")));
        if !m.comment.is_empty() {
            add(
                host,
                &text(
                    "p",
                    &[("class", "note")],
                    &format!("Overall comment: {}", m.comment),
                ),
            );
        }
    }
}

fn render(host: &Element, s: &Summary, sheet: &Sheet, level: &Level, own: &Progress) {
    let rated = el("p", &[("class", "rated-line")]);
    add(&rated, &text("strong", &[], &s.rated_line()));
    add(host, &rated);
    let share = s.performing_or_better();
    let line = match share.percent() {
        Some(p) => format!(
            "{p}% of rated expectations are Performing or better ({} of {}).",
            share.count, share.of
        ),
        None => "Nothing rated yet: rate the expectations on the level page.".to_string(),
    };
    add(host, &text("p", &[], &line));
    add(host, &text("h2", &[("id", "by-dimension")], "By dimension"));
    add(host, &chart(s));
    add(host, &table(s));
    if let Some(m) = &sheet.manager {
        add(host, &both(level, own, m));
    }
    every_rating(host, level, own, sheet.manager.as_ref());
    add(host, &text("h2", &[], "Focus areas"));
    if s.focus_areas.is_empty() {
        add(
            host,
            &text(
                "p",
                &[("class", "muted")],
                "No expectation is rated Improvement needed or Maturing.",
            ),
        );
    } else {
        let list = el("ul", &[("class", "focus")]);
        for f in &s.focus_areas {
            add(&list, &item(&f.text, Some(f.rating), &f.evidence));
        }
        add(host, &list);
    }
}

/// Answers kept for expectations the ladder no longer has.
fn orphans_list(host: &Element, orphans: &[Answer]) {
    if orphans.is_empty() {
        return;
    }
    let items = orphans.iter().map(|a| {
        let words = if a.text.is_empty() {
            "(expectation text not recorded)"
        } else {
            a.text.as_str()
        };
        item(words, a.rating, &a.evidence)
    });
    let why = "Answers for expectations this ladder no longer has. They are kept.";
    add(host, &markup! { h2 { "No longer in this ladder" } });
    add(host, &markup! { p(class = "muted") { why } });
    add(host, &markup! { ul(class = "orphans") [ ..(items) ] });
}

/// You and your manager per dimension: how many each rates Performing or better,
/// and how many expectations you rate differently.
fn both(level: &Level, own: &Progress, m: &ManagerView) -> Element {
    let good = |r: Option<Rating>| r.is_some_and(|r| r >= Rating::Performing);
    let rows = level.dimensions.iter().map(|d| {
        let (mut mine, mut theirs, mut differ) = (0, 0, 0);
        for x in &d.expectations {
            let (a, b) = (own.rating(&x.id), m.answers.rating(&x.id));
            mine += usize::from(good(a));
            theirs += usize::from(good(b));
            differ += usize::from(a.is_some() && b.is_some() && a != b);
        }
        let n = d.expectations.len();
        let title = crate::ui::dom::dimension_title(d.emoji.as_deref(), &d.name);
        markup! {
            tr [
                th(scope = "row") { title }
                td { format!("{mine} of {n}") }
                td { format!("{theirs} of {n}") }
                td { differ.to_string() }
            ]
        }
    });
    let caption = format!("You and {}, per dimension", lower(m));
    let theirs = format!("{}: Performing or better", m.who());
    markup! {
        div(class = "table-wrap") [
            table(class = "counts both") [
                caption { caption }
                thead [ tr [
                    th(scope = "col") { "Dimension" }
                    th(scope = "col") { "You: Performing or better" }
                    th(scope = "col") { theirs }
                    th(scope = "col") { "Rated differently" }
                ] ]
                tbody [ ..(rows) ]
            ]
        ]
    }
}

/// Every expectation of `level` by dimension, with your rating and evidence, and the
/// manager's rating and comment when a reply is kept: the body of the 1:1 sheet.
fn every_rating(host: &Element, level: &Level, own: &Progress, m: Option<&ManagerView>) {
    add(host, &text("h2", &[], "Every rating, by dimension"));
    for d in &level.dimensions {
        let title = crate::ui::dom::dimension_title(d.emoji.as_deref(), &d.name);
        add(host, &text("h3", &[], &title));
        let list = el("ul", &[("class", "every")]);
        for x in &d.expectations {
            let answer = own.answer(&x.id);
            let li = item(
                &x.text.to_plain(),
                answer.and_then(|a| a.rating),
                answer.map_or("", |a| &a.evidence),
            );
            if let Some(m) = m {
                let theirs = m.answers.answer(&x.id);
                let rating = theirs.and_then(|a| a.rating);
                let mut line =
                    format!("{}: {}", m.who(), rating.map_or("Not rated", Rating::label));
                let steps = own
                    .rating(&x.id)
                    .zip(rating)
                    .map(|(a, b)| a.step().abs_diff(b.step()));
                if let Some(words) = steps.and_then(apart_phrase) {
                    line += &format!(" · {words}");
                }
                add(&li, &text("p", &[("class", "manager-mark")], &line));
                if let Some(c) = theirs.map(|a| &a.evidence).filter(|c| !c.is_empty()) {
                    add(
                        &li,
                        &text("p", &[("class", "note")], &format!("Comment: {c}")),
                    );
                }
            }
            add(&list, &li);
        }
        add(host, &list);
    }
}

/// An expectation with its rating and evidence.
fn item(words: &str, rating: Option<Rating>, evidence: &str) -> Element {
    let rated = rating.map(Rating::label).unwrap_or("Not rated");
    let li = markup! { li [ p { words } p(class = "muted") { rated } ] };
    if !evidence.trim().is_empty() {
        add(&li, &markup! { p(class = "evidence-note") { evidence } });
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
        &[
            ("viewBox", &format!("0 0 {W} {height}")),
            ("role", "img"),
            ("aria-labelledby", "by-dimension"),
            ("focusable", "false"),
        ],
    );
    for (i, d) in s.dimensions.iter().enumerate() {
        let label = svg(
            "text",
            &[
                ("x", "0"),
                ("y", &(i * ROW + 30).to_string()),
                ("class", "bar-label"),
            ],
        );
        label.set_text_content(Some(&d.heading()));
        add(&canvas, &label);
        let y = (i * ROW + 40).to_string();
        add(
            &canvas,
            &svg(
                "rect",
                &[
                    ("x", "0"),
                    ("y", &y),
                    ("width", &W.to_string()),
                    ("height", "56"),
                    ("class", "seg-bg"),
                ],
            ),
        );
        let mut x = 0;
        for (r, n) in d.counts.iter().filter(|(_, n)| *n > 0) {
            let w = W * n / d.total.max(1);
            let (class, x_at, width) = (format!("seg r{}", r.key()), x.to_string(), w.to_string());
            add(
                &canvas,
                &svg(
                    "rect",
                    &[
                        ("x", &x_at),
                        ("y", &y),
                        ("width", &width),
                        ("height", "56"),
                        ("class", &class),
                    ],
                ),
            );
            x += w;
        }
    }
    add(&figure, &canvas);
    let legend = el("ul", &[("class", "legend")]);
    for r in Rating::ALL {
        let li = el("li", &[]);
        add(
            &li,
            &el("span", &[("class", &format!("swatch r{}", r.key()))]),
        );
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

/// What the chart shows, as a table: each dimension's count of every rating.
fn table(s: &Summary) -> Element {
    let head = markup! { tr [ th(scope = "col") { "Dimension" } ] };
    for r in Rating::ALL {
        add(&head, &markup! { th(scope = "col") { r.label() } });
    }
    add(&head, &markup! { th(scope = "col") { "Not rated" } });
    let rows = s.dimensions.iter().map(|d| {
        let row = markup! { tr [ th(scope = "row") { d.heading() } ] };
        // Each count names its rating, for the narrow layout (a card a row).
        for (r, n) in d.counts.iter() {
            add(
                &row,
                &markup! { td("data-label" = r.label()) { n.to_string() } },
            );
        }
        let not_rated = d.not_rated().to_string();
        add(
            &row,
            &markup! { td("data-label" = "Not rated") { not_rated } },
        );
        row
    });
    markup! {
        div(class = "table-wrap") [
            table(class = "counts") [
                caption { "Ratings per dimension" }
                thead [ (head) ]
                tbody [ ..(rows) ]
            ]
        ]
    }
}
