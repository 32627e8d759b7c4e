//! Where I stand on a level: "N of M rated", the share Performing or better, a chart
//! per dimension with its table, focus areas, and answers the ladder no longer has;
//! Print (a one-page sheet for a 1:1), Copy Markdown and Download Markdown. The app's
//! summary page holds this report and, below it, Your progress data.

use web_sys::Element;

use super::fields::listen;
use crate::progress::{from_json, level_markdown, Answer, Rating, Summary};
use crate::ui::dom::{action, add, button, el, say, svg, text};
use crate::ui::files;

/// The report for level `level` of role `role` in `host`, from `progress` (as
/// `progress::to_json` writes it).
pub fn show(host: Element, role: String, level: String, progress: String) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let Some(r) = ladder.role(&role) else { return };
    let Some(l) = r.level(&level) else { return };
    let progress = from_json(&progress).unwrap_or_default();
    let orphans: Vec<Answer> = progress
        .orphans(&ladder)
        .into_iter()
        .map(|(_, a)| a.clone())
        .collect();
    render(&host, &progress.summary(l), &orphans);
    let actions = el("p", &[("class", "actions")]);
    add(&actions, &button("Print", "print", &[]));
    add(&actions, &button("Copy Markdown", "copy-md", &[]));
    add(&actions, &button("Download Markdown", "download-md", &[]));
    add(&host, &actions);
    add(
        &host,
        &text(
            "p",
            &[
                ("class", "status"),
                ("role", "status"),
                ("id", "summary-said"),
            ],
            "",
        ),
    );
    let markdown = level_markdown(&progress, &ladder, r, l, None);
    let file = format!("rungs-{}-{}.md", role.replace('/', "-"), level);
    listen(&host, move |e: web_sys::Event| {
        if e.type_() != "click" {
            return;
        }
        match action(&e).map(|(act, _)| act).as_deref() {
            Some("print") => {
                let _ = leptos::prelude::window().print();
            }
            Some("copy-md") => files::copy(markdown.clone(), |ok| {
                let said = if ok {
                    "Copied the Markdown to the clipboard."
                } else {
                    "This browser did not allow copying: use Download Markdown instead."
                };
                say("summary-said", said);
            }),
            Some("download-md") => {
                files::download(&file, "text/markdown", &markdown);
            }
            _ => {}
        }
    });
}

fn render(host: &Element, s: &Summary, orphans: &[Answer]) {
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
    if !orphans.is_empty() {
        add(host, &text("h2", &[], "No longer in this ladder"));
        add(
            host,
            &text(
                "p",
                &[("class", "muted")],
                "Answers for expectations this ladder no longer has. They are kept.",
            ),
        );
        let list = el("ul", &[("class", "orphans")]);
        for a in orphans {
            let words = if a.text.is_empty() {
                "(expectation text not recorded)"
            } else {
                a.text.as_str()
            };
            add(&list, &item(words, a.rating, &a.evidence));
        }
        add(host, &list);
    }
}

/// An expectation with its rating and evidence.
fn item(words: &str, rating: Option<Rating>, evidence: &str) -> Element {
    let li = el("li", &[]);
    add(&li, &text("p", &[], words));
    add(
        &li,
        &text(
            "p",
            &[("class", "muted")],
            rating.map(Rating::label).unwrap_or("Not rated"),
        ),
    );
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
        // Each count names its rating, for the narrow layout (a card a row).
        for (r, n) in d.counts.iter() {
            add(
                &row,
                &text("td", &[("data-label", r.label())], &n.to_string()),
            );
        }
        let not_rated = d.not_rated().to_string();
        add(
            &row,
            &text("td", &[("data-label", "Not rated")], &not_rated),
        );
        add(&body, &row);
    }
    add(&table, &body);
    add(&wrap, &table);
    wrap
}
