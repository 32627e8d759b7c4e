//! Two levels side by side: attributes, then per dimension each expectation as the
//! same, reworded (removed and added words marked), or only in one level, with your
//! ratings beside them. Every mark is words, not colour alone.
//!
//! Each expectation only in one level, and the second level's words of each
//! rewording, has a Goal toggle (`aria-pressed`): it marks the expectation as a goal
//! in the person's progress (`Progress::mark_goal`), through the app's store.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

use std::cell::RefCell;

use crate::ladder::compare::attributes::AttributeRow;
use crate::ladder::compare::similar::Segment;
use crate::ladder::compare::{default_pair, CompareMemo, DimensionRows, Presence, Row};
use crate::ladder::{Expectation, Ladder, Level, Role};
use crate::progress::Progress;
use crate::route::Route;
use crate::ui::dom::{actions, add, button, dimension_title, el, focus, markup, rich, section};

use super::data::now;
use super::fields::listen;
use crate::modules::{Doors, LevelId};

actions! {
    /// What a click on Compare levels asks for.
    enum Act {
        /// The Goal toggle of an expectation.
        Goal = "goal",
        /// Swap the two levels.
        Swap = "swap",
    }
}

/// Shows level `a` beside `b`, or beside its default partner, in `host`, with the
/// ratings and goals of the progress behind `doors`, which a Goal toggle changes. The
/// app draws it again on every change of progress.
pub fn show(host: Element, a: LevelId, b: Option<LevelId>, doors: Doors) {
    // Drawn again on every change of progress: the control that had focus keeps it.
    let focused = leptos::prelude::document().active_element().map(|e| e.id());
    host.set_text_content(None);
    let ladder = super::ladder();
    let progress = doors.progress().unwrap_or_default();
    add(&host, &markup! { h1 { "Compare levels" } });
    let b =
        b.or_else(|| default_pair(&ladder, &a.0, &a.1).map(|(r, l)| (r.to_owned(), l.to_owned())));
    pickers(&host, &ladder, &a, b.as_ref());
    let found = |(role, level): &(String, String)| {
        let r = ladder.role(role)?;
        Some((r, r.level(level)?))
    };
    if let (Some((ra, la)), Some((rb, lb))) = (found(&a), b.as_ref().and_then(found)) {
        levels(&host, (ra, la), (rb, lb), &progress);
    } else {
        let why = if found(&a).is_none() {
            format!("This ladder has no level “{}” in role “{}”.", a.1, a.0)
        } else if b.is_none() {
            "This role has one level only: pick another level to compare it with.".to_owned()
        } else {
            "This ladder has no such second level: pick one above.".to_owned()
        };
        add(&host, &markup! { p(role = "status") { why } });
    }
    if let Some(id) = focused {
        focus(&id);
    }
    listen(&host, move |e: web_sys::Event| {
        match Act::of(&e).filter(|_| e.type_() == "click") {
            Some((Act::Goal, b)) => {
                let data = |name| b.get_attribute(name).unwrap_or_default();
                let (id, level, text) = (data("data-id"), data("data-level"), data("data-text"));
                let Some(mut p) = doors.to_change() else {
                    return;
                };
                p.mark_goal(&id, &level, &text, !p.is_goal(&id), now());
                doors.set(&p);
            }
            Some((Act::Swap, _)) => go(true),
            _ if e.type_() == "change" => go(false),
            _ => {}
        }
    });
}

/// Goes to the comparison the pickers choose: as they are, or swapped.
fn go(swap: bool) {
    let picked = |id: &str| {
        leptos::prelude::document()
            .get_element_by_id(id)
            .and_then(|s| s.dyn_into::<HtmlSelectElement>().ok())
            .map(|s| split(&s.value()))
    };
    let (Some(first), Some(second)) = (picked("compare-a"), picked("compare-b")) else {
        return;
    };
    let (a, b) = if swap {
        (second, first)
    } else {
        (first, second)
    };
    crate::ui::address::go(&Route::Compare { a, b: Some(b) }, false);
}

/// `track/role/level` as (role id, level id).
fn split(path: &str) -> (String, String) {
    match path.rsplit_once('/') {
        Some((role, level)) => (role.to_owned(), level.to_owned()),
        None => (String::new(), path.to_owned()),
    }
}

/// "First level" and "Second level" selects over every level of every role, and Swap;
/// choosing one goes to that comparison's own address.
fn pickers(host: &Element, ladder: &Ladder, a: &(String, String), b: Option<&(String, String)>) {
    let form = markup! { div(class = "compare-pickers") [] };
    for (id, label, chosen) in [
        ("compare-a", "First level", Some(a)),
        ("compare-b", "Second level", b),
    ] {
        let select = markup! { select(id = id) [] };
        for role in &ladder.roles {
            let group = format!("{} · {}", role.track, role.name);
            let group = markup! { optgroup(label = group) [] };
            for level in &role.levels {
                let value = format!("{}/{}", role.id, level.id);
                let option = markup! { option(value = value) { level.heading() } };
                if chosen.is_some_and(|(r, l)| *r == role.id && *l == level.id) {
                    let _ = option.set_attribute("selected", "");
                }
                add(&group, &option);
            }
            add(&select, &group);
        }
        let field = markup! {
            div(class = "field") [
                label(for = id) { label }
                (select)
            ]
        };
        add(&form, &field);
    }
    let swap = button(
        "Swap",
        Act::Swap.name(),
        &[("aria-label", "Swap the two levels")],
    );
    add(&form, &swap);
    add(host, &form);
}

/// Short names for the two levels in marks: their labels (`L2`), or their headings when
/// the labels are missing or the same.
fn names(a: &Level, b: &Level) -> (String, String) {
    if a.label.is_empty() || a.label == b.label {
        (a.heading(), b.heading())
    } else {
        (a.label.clone(), b.label.clone())
    }
}

thread_local! {
    /// The comparison shown: the view redraws on every change of progress, and the
    /// ladder stays the same for the page's life, so the levels are compared once.
    static MEMO: RefCell<CompareMemo> = RefCell::new(CompareMemo::default());
}

/// The comparison itself: a summary line, the attributes, then each dimension.
fn levels(
    host: &Element,
    (ra, la): (&Role, &Level),
    (rb, lb): (&Role, &Level),
    progress: &Progress,
) {
    let (ka, kb) = (
        format!("{}/{}", ra.id, la.id),
        format!("{}/{}", rb.id, lb.id),
    );
    let cmp = MEMO.with(|memo| memo.borrow_mut().get((&ka, la), (&kb, lb)));
    let (na, nb) = names(la, lb);
    let mut counts = [0usize; 4];
    for row in cmp.dimensions.iter().flat_map(|d| &d.rows) {
        counts[match row {
            Row::Same { .. } => 0,
            Row::Reworded { .. } => 1,
            Row::OnlyInA(_) => 2,
            Row::OnlyInB(_) => 3,
        }] += 1;
    }
    let lead = format!(
        "{} ({}) beside {} ({}): {} the same, {} reworded, {} only in {na}, {} only in {nb}.",
        la.heading(),
        ra.name,
        lb.heading(),
        rb.name,
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    );
    add(
        host,
        &markup! { p(class = "lead", id = "compare-lead") { lead } },
    );
    let open = markup! { p(class = "compare-open") [] };
    for (role, level) in [(ra, la), (rb, lb)] {
        add(&open, &super::open_level(role, level));
        add(&open, &markup! { span("aria-hidden" = "true") { " · " } });
    }
    add(host, &open);
    if !cmp.attributes.is_empty() {
        attributes(host, &cmp.attributes, &na, &nb);
    }
    for (i, d) in cmp.dimensions.iter().enumerate() {
        dimension(host, d, i, [(&na, &ka), (&nb, &kb)], progress);
    }
}

/// A table of class `compare-table` headed `head`, and its body for the rows.
fn table(head: [&str; 3]) -> (Element, Element) {
    let heads = head
        .into_iter()
        .map(|h| markup! { th(scope = "col") { h } });
    let body = markup! { tbody [] };
    let table = markup! {
        table(class = "compare-table") [
            thead [ tr [ ..(heads) ] ]
            (body)
        ]
    };
    (table, body)
}

fn attributes(host: &Element, rows: &[AttributeRow], na: &str, nb: &str) {
    let section = section("dimension", "attributes-h", "Attributes");
    let (table, body) = table(["Attribute", na, nb]);
    for row in rows {
        let th = markup! { th(scope = "row") { row.name } };
        if row.changed {
            add(&th, &markup! { span(class = "mark") { "Changed" } });
        }
        // Each cell names its level, for the narrow layout (a card a row).
        let tr = markup! { tr(class = if row.changed { "changed" } else { "" }) [ (th) ] };
        for (value, name) in [&row.a, &row.b].into_iter().zip([na, nb]) {
            let td = markup! { td("data-label" = name) [] };
            match value {
                Some(v) => rich(&td, v),
                None => add(&td, &markup! { span(class = "none") { "Not given" } }),
            }
            add(&tr, &td);
        }
        add(&body, &tr);
    }
    add(&section, &table);
    add(host, &section);
}

/// One dimension's rows; `sides` are each level's short name and `role/level`.
fn dimension(
    host: &Element,
    d: &DimensionRows,
    index: usize,
    sides: [(&str, &str); 2],
    progress: &Progress,
) {
    let [(na, ka), (nb, kb)] = sides;
    let id = format!("cd-{index}");
    let section = section(
        "dimension",
        &id,
        &dimension_title(d.emoji.as_deref(), &d.name),
    );
    let only = match d.side {
        Presence::Both => None,
        Presence::OnlyInA => Some(na),
        Presence::OnlyInB => Some(nb),
    };
    if let Some(level) = only {
        let says = format!("This dimension is only in {level}.");
        add(&section, &markup! { p(class = "muted") { says } });
    }
    if d.rewordings_skipped {
        let says = "Too many expectations to look for rewordings here: those that are not the same are listed as only in one level.";
        add(&section, &markup! { p(class = "muted") { says } });
    }
    let (table, body) = table(["Change", na, nb]);
    for row in &d.rows {
        let (mark, a, b, class) = match row {
            Row::Same { a, b } => ("Same".to_owned(), Some(plain(a)), Some(plain(b)), "same"),
            Row::Reworded { diff, .. } => (
                "Reworded".to_owned(),
                Some(marked(diff, true)),
                Some(marked(diff, false)),
                "reworded",
            ),
            Row::OnlyInA(a) => (format!("Only in {na}"), Some(plain(a)), None, "only-a"),
            Row::OnlyInB(b) => (format!("Only in {nb}"), None, Some(plain(b)), "only-b"),
        };
        let ids = match row {
            Row::Same { a, b } | Row::Reworded { a, b, .. } => [Some(&a.id), Some(&b.id)],
            Row::OnlyInA(a) => [Some(&a.id), None],
            Row::OnlyInB(b) => [None, Some(&b.id)],
        };
        // The expectation a goal can be made of: one only in a level, or the second
        // level's words of a rewording.
        let goal = match row {
            Row::Same { .. } => None,
            Row::OnlyInA(a) => Some((a, ka)),
            Row::OnlyInB(x) | Row::Reworded { b: x, .. } => Some((x, kb)),
        };
        let tr = markup! { tr(class = class) [ th(scope = "row", class = "change") { mark } ] };
        for ((cell, id), name) in [a, b].into_iter().zip(ids).zip([na, nb]) {
            let td = markup! { td("data-label" = name) [] };
            match cell {
                Some(content) => add(&td, &content),
                None => add(
                    &td,
                    &markup! { span(class = "none") { "Not in this level" } },
                ),
            }
            if let Some(r) = id.and_then(|id| progress.rating(id)) {
                let rated = format!("Your rating: {}", r.label());
                add(&td, &markup! { p(class = "your-rating") { rated } });
            }
            if let Some((x, level)) = goal.filter(|(x, _)| Some(&x.id) == id) {
                add(&td, &goal_toggle(x, level, progress));
            }
            add(&tr, &td);
        }
        add(&body, &tr);
    }
    add(&section, &table);
    add(host, &section);
}

/// The Goal toggle of expectation `x` of level `level` (`role/level`).
fn goal_toggle(x: &Expectation, level: &str, progress: &Progress) -> Element {
    let words = x.text.to_plain();
    let pressed = if progress.is_goal(&x.id) {
        "true"
    } else {
        "false"
    };
    let attrs = [
        ("class", "goal"),
        ("id", &format!("goal-{}", x.id)),
        ("data-id", &x.id),
        ("data-level", level),
        ("data-text", &words),
        ("aria-pressed", pressed),
        ("aria-label", &format!("Goal: {words}")),
    ];
    button("Goal", Act::Goal.name(), &attrs)
}

fn plain(x: &Expectation) -> Element {
    let p = markup! { p [] };
    rich(&p, &x.text);
    p
}

/// The words of one side of a rewording: kept words as they are, and this side's
/// changes marked, `del` with "removed:" on side A, `ins` with "added:" on side B.
fn marked(diff: &[Segment], side_a: bool) -> Element {
    let p = markup! { p [] };
    let mut first = true;
    for segment in diff {
        let (words, tag, said) = match segment {
            Segment::Kept(w) => (w, None, ""),
            Segment::Removed(w) if side_a => (w, Some("del"), "removed: "),
            Segment::Added(w) if !side_a => (w, Some("ins"), "added: "),
            _ => continue,
        };
        if !first {
            add(&p, &markup! { span { " " } });
        }
        first = false;
        let words = markup! { span { words } };
        match tag {
            Some(tag) => {
                let change = el(tag, &[]);
                add(
                    &change,
                    &markup! { span(class = "visually-hidden") { said } },
                );
                add(&change, &words);
                add(&p, &change);
            }
            None => add(&p, &words),
        }
    }
    p
}
