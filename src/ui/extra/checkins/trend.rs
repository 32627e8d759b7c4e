//! The trend: per dimension the share rated Performing or better at each check-in.

use web_sys::Element;

use crate::progress::checkin::{trend, Checkin};
use crate::ui::dom::{add, markup, section, svg};

/// Per dimension the share rated Performing or better at each check-in: a chart,
/// and the same figures as a table for screen readers.
pub(super) fn trend_section(all: &[Checkin]) -> Element {
    let s = section("checkins-trend", "trend", "Trend");
    let about = "Per dimension, the share of expectations rated Performing or better at each check-in, oldest first.";
    add(&s, &markup! { p(class = "muted") { about } });
    let rows = trend(all);
    let points = all.len();
    // 0 to 100% upwards over 100 units; the check-ins spread over 210, names after them.
    let x = |i: usize| 10 + i * 210 / points.saturating_sub(1).max(1);
    let y = |p: usize| 110 - p.min(100);
    let canvas = svg(
        "svg",
        &[
            ("viewBox", "0 0 330 120"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
        ],
    );
    for row in &rows {
        let coords: Vec<(usize, usize)> = (0..points)
            .filter_map(|i| row.percent(i).map(|p| (x(i), y(p))))
            .collect();
        if let Some((lx, ly)) = coords.last() {
            let line: Vec<String> = coords.iter().map(|(a, b)| format!("{a},{b}")).collect();
            add(
                &canvas,
                &svg(
                    "polyline",
                    &[
                        ("points", &line.join(" ")),
                        ("fill", "none"),
                        ("stroke", "currentColor"),
                        ("stroke-width", "2"),
                    ],
                ),
            );
            let (lx, ly) = (lx.to_string(), ly.to_string());
            let label = svg(
                "text",
                &[
                    ("x", &lx),
                    ("y", &ly),
                    ("dx", "4"),
                    ("font-size", "9"),
                    ("fill", "currentColor"),
                ],
            );
            label.set_text_content(Some(&row.name));
            add(&canvas, &label);
        }
    }
    add(&s, &markup! { div(class = "chart") [ (canvas) ] });
    // The check-ins oldest first, as the chart runs.
    let heads = all
        .iter()
        .rev()
        .map(|c| markup! { th(scope = "col") { c.name() } });
    let body = rows.iter().map(|row| {
        let cells = (0..points).map(|i| {
            let cell = match (row.percent(i), row.points.get(i).copied().flatten()) {
                (Some(p), Some((good, of))) => format!("{p}% ({good} of {of})"),
                _ => "not in this check-in".to_owned(),
            };
            markup! { td { cell } }
        });
        markup! {
            tr [
                th(scope = "row") { row.name }
                ..(cells)
            ]
        }
    });
    let table = markup! {
        table(class = "compare-table") [
            caption { "Share rated Performing or better, per check-in" }
            thead [ tr [
                th(scope = "col") { "Dimension" }
                ..(heads)
            ] ]
            tbody [ ..(body) ]
        ]
    };
    add(&s, &table);
    s
}
