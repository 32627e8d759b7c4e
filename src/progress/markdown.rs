//! The Markdown export of a level's self-assessment, for a 1:1 document: the person's
//! name and the date when known ([`Sheet`]), every rating with its evidence by
//! dimension, a kept reply's ratings and comments beside them ([`ManagerView`]), the
//! summary table, the focus areas (Improvement needed first) and the goals.

use super::answers::{Answer, Progress};
use super::escape::{block, inline};
use super::goals::level_name;
use super::rating::Rating;
use super::summary::Summary;
use crate::ladder::{Ladder, Level, Role};
use std::fmt::Write;

/// What a 1:1 sheet carries besides the person's own answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The person's name, if they gave one.
    pub name: Option<String>,
    /// The day it is made, `2026-12-01`.
    pub date: Option<String>,
    /// The manager's side of the reply kept for this level, if any.
    pub manager: Option<ManagerView>,
}

/// A kept reply's manager side, as answers by expectation id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManagerView {
    /// The manager's name, if they signed the reply.
    pub name: Option<String>,
    /// When they made it, in milliseconds since the Unix epoch; 0 when unknown.
    pub made: u64,
    /// Their overall comment; empty for none.
    pub comment: String,
    /// Their ratings (and comments, as evidence) by expectation id.
    pub answers: Progress,
}

impl ManagerView {
    /// `Grace`, or `Your manager`.
    pub fn who(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.is_empty())
            .unwrap_or("Your manager")
    }
}

/// [`sheet_markdown`] with the person's `name` alone.
pub fn level_markdown(
    progress: &Progress,
    ladder: &Ladder,
    role: &Role,
    level: &Level,
    name: Option<&str>,
) -> String {
    let sheet = Sheet {
        name: name.map(str::to_owned),
        ..Sheet::default()
    };
    sheet_markdown(progress, ladder, role, level, &sheet)
}

/// The self-assessment of `level` of `role` as Markdown: a title, how much is rated,
/// each dimension's expectations with their rating (or "Not rated") and evidence,
/// the summary table, the focus areas, the goals (any level's, each naming it), and,
/// when `progress` has answers for
/// expectations that are in no level of `ladder`, a "No longer in this ladder"
/// section. Everything from the ladder or typed by the person is escaped, so it
/// cannot change the document's structure. With a [`Sheet::manager`], each
/// expectation also carries the manager's rating and comment, and a section their
/// overall comment.
pub fn sheet_markdown(
    progress: &Progress,
    ladder: &Ladder,
    role: &Role,
    level: &Level,
    sheet: &Sheet,
) -> String {
    let name = sheet.name.as_deref();
    let manager = sheet.manager.as_ref();
    let summary = progress.summary(level);
    let mut out = String::new();
    let _ = writeln!(out, "# Self-assessment: {}\n", inline(&level.heading()));
    let _ = writeln!(
        out,
        "- Role: {} › {}",
        inline(&role.track),
        inline(&role.name)
    );
    if let Some(name) = name.map(inline).filter(|n| !n.is_empty()) {
        let _ = writeln!(out, "- Name: {name}");
    }
    if let Some(date) = &sheet.date {
        let _ = writeln!(out, "- Date: {}", inline(date));
    }
    let _ = writeln!(out, "- {}", summary.rated_line());
    if let Some(m) = manager {
        let who = inline(m.who());
        let _ = write!(out, "- Manager’s reply kept: {who}");
        if m.made > 0 {
            let _ = write!(out, ", made {}", super::share::keep::utc_minute(m.made));
        }
        out.push('\n');
        if !m.comment.trim().is_empty() {
            let _ = writeln!(
                out,
                "\n## Overall comment from {who}\n\n{}",
                block(&m.comment, "")
            );
        }
    }
    for (dimension, heading) in level.dimensions.iter().zip(headings(&summary)) {
        let _ = writeln!(out, "\n## {heading}\n");
        for expectation in &dimension.expectations {
            let answer = progress.answer(&expectation.id);
            item(
                &mut out,
                answer.and_then(|a| a.rating),
                &expectation.text.to_plain(),
                answer,
            );
            if let Some(m) = manager {
                let theirs = m.answers.answer(&expectation.id);
                let rating = theirs.and_then(|a| a.rating);
                let _ = writeln!(
                    out,
                    "  - {}: **{}**",
                    inline(m.who()),
                    rating.map_or("Not rated", Rating::label)
                );
                let comment = block(theirs.map_or("", |a| &a.evidence), "    ");
                if !comment.is_empty() {
                    let _ = writeln!(out, "  - Comment: {comment}");
                }
            }
        }
    }
    summary_section(&mut out, &summary);
    focus_section(&mut out, &summary);
    goals_section(&mut out, progress, ladder);
    orphans_section(&mut out, progress, ladder);
    out
}

/// The goals set on Compare levels, each with its level; nothing when there are none.
fn goals_section(out: &mut String, progress: &Progress, ladder: &Ladder) {
    let goals = progress.goal_list();
    if goals.is_empty() {
        return;
    }
    out.push_str("\n## Goals\n\n");
    for (_, answer) in goals {
        let level = inline(&level_name(
            ladder,
            answer.goal.as_deref().unwrap_or_default(),
        ));
        let _ = writeln!(out, "- {} · {level}", inline(&answer.text));
    }
}

/// `🦉 Domain expertise`, escaped, for each dimension.
fn headings(summary: &Summary) -> Vec<String> {
    summary
        .dimensions
        .iter()
        .map(|d| inline(&d.heading()))
        .collect()
}

/// `- **Rating**: text` with the evidence, if any, as a nested item.
fn item(out: &mut String, rating: Option<Rating>, text: &str, answer: Option<&Answer>) {
    let label = rating.map_or("Not rated", Rating::label);
    let _ = writeln!(out, "- **{label}**: {}", inline(text));
    evidence(out, answer.map_or("", |a| &a.evidence));
}

fn evidence(out: &mut String, evidence: &str) {
    let evidence = block(evidence, "    ");
    if !evidence.is_empty() {
        let _ = writeln!(out, "  - Evidence: {evidence}");
    }
}

fn summary_section(out: &mut String, summary: &Summary) {
    out.push_str("\n## Summary\n\n| Dimension |");
    for rating in Rating::ALL {
        let _ = write!(out, " {} |", rating.label());
    }
    out.push_str(" Not rated |\n| --- |");
    out.push_str(&" ---: |".repeat(Rating::ALL.len() + 1));
    out.push('\n');
    for (d, heading) in summary.dimensions.iter().zip(headings(summary)) {
        let _ = write!(out, "| {heading} |");
        for (_, n) in d.counts.iter() {
            let _ = write!(out, " {n} |");
        }
        let _ = writeln!(out, " {} |", d.not_rated());
    }
    out.push_str("| Total |");
    for (_, n) in summary.counts().iter() {
        let _ = write!(out, " {n} |");
    }
    let _ = writeln!(out, " {} |\n", summary.total - summary.rated);
    let rated = summary.performing_or_better();
    let all = summary.performing_or_better_of_total();
    match (rated.percent(), all.percent()) {
        (Some(of_rated), Some(of_all)) => {
            let _ = writeln!(
                out,
                "Performing or better: {of_rated}% of rated ({} of {}); {of_all}% of all {}.",
                rated.count, rated.of, all.of
            );
        }
        _ => out.push_str("Performing or better: nothing rated yet.\n"),
    }
}

fn focus_section(out: &mut String, summary: &Summary) {
    out.push_str("\n## Focus areas\n\n");
    if summary.focus_areas.is_empty() {
        out.push_str("Nothing rated Improvement needed or Maturing.\n");
        return;
    }
    let headings = headings(summary);
    for focus in &summary.focus_areas {
        let dimension = headings.get(focus.dimension).map_or("", String::as_str);
        let _ = writeln!(
            out,
            "- **{}** · {dimension}: {}",
            focus.rating.label(),
            inline(&focus.text)
        );
        evidence(out, &focus.evidence);
    }
}

fn orphans_section(out: &mut String, progress: &Progress, ladder: &Ladder) {
    let orphans = progress.orphans(ladder);
    if orphans.is_empty() {
        return;
    }
    out.push_str("\n## No longer in this ladder\n\n");
    out.push_str("Answers kept for expectations the ladder no longer has.\n\n");
    for (id, answer) in orphans {
        let text = if answer.text.trim().is_empty() {
            format!("Expectation {id} (its words were not kept)")
        } else {
            answer.text.clone()
        };
        item(out, answer.rating, &text, Some(answer));
    }
}
