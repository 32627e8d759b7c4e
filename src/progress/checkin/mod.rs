//! Check-ins: dated snapshots of one level's answers, so a person sees how they grew
//! since the last review.
//!
//! A [`Checkin`] is taken from the progress with [`Checkin::take`]: every expectation
//! of the level with its text, rating and evidence as they are now, grouped by
//! dimension, with an optional title, the ladder version and the manager's reply kept
//! for the level (its link text), if any. A check-in never changes after it is saved.
//!
//! Each check-in is stored under a key of its own, `rungs:checkin:<role>/<level>/<id>`
//! ([`Checkin::key`]), as a kept value (see [`kept`](super::kept)): the backup carries
//! it verbatim, an import merges by key (so by id: never twice), a reset removes it
//! and Undo brings it back. Two tabs never write the same key. The stored format is
//! in [`format`].
//!
//! - [`compare`] says what changed between two check-ins (or a check-in and the
//!   progress now, taken as a check-in): per expectation in words
//!   ("Maturing → Performing", "newly rated", "cleared"), evidence written since, and
//!   per dimension how many moved up and down;
//! - [`trend`] is each dimension's share rated Performing or better at each check-in;
//! - [`Checkin::against`] marks what the ladder changed since a check-in was taken;
//! - [`export`] writes a check-in as Markdown and the next check-in as an `.ics` event;
//! - [`StorageUse`] says how much storage Rungs uses, and when saving a check-in
//!   would bring it near the limit.

mod compare;
pub mod export;
pub mod format;
mod trend;
mod usage;

pub use compare::{compare, Change, DimensionMoves, Since};
pub use export::{checkin_markdown, next_checkin_ics, parse_day};
pub use trend::{trend, TrendRow};
pub use usage::StorageUse;

use super::answers::Progress;
use super::rating::Rating;
use crate::ladder::compare::similar::{word_diff, Segment, SIMILAR};
use crate::ladder::Level;

/// Prefix of the keys check-ins are stored under.
pub const CHECKIN_PREFIX: &str = "rungs:checkin:";

/// A dated snapshot of one level's answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checkin {
    /// Unique in this person's data: the save time and a random part, e.g.
    /// `19ad5e3c2f0-3f9a0c1b`.
    pub id: String,
    /// Role id, `track/role`.
    pub role: String,
    /// Level id within the role.
    pub level: String,
    /// What the person called it ("Q3 review with Sam"); may be empty.
    pub title: String,
    /// When it was saved, in milliseconds since the Unix epoch.
    pub updated: u64,
    /// The version of the ladder it was taken against.
    pub ladder_version: String,
    /// The level's dimensions and their expectations, as they were.
    pub dimensions: Vec<CheckinDimension>,
    /// The link text of the manager's reply kept for the level when it was taken.
    pub reply: Option<String>,
}

/// One dimension of a check-in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckinDimension {
    /// The dimension's name when the check-in was taken.
    pub name: String,
    /// Its expectations, in the ladder's order then.
    pub items: Vec<Item>,
}

/// One expectation of a check-in, with the answer it had.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Item {
    /// The expectation id.
    pub id: String,
    /// The expectation's plain text when the check-in was taken.
    pub text: String,
    /// The rating then, if any.
    pub rating: Option<Rating>,
    /// The evidence note then.
    pub evidence: String,
}

/// How an item of a check-in stands in the ladder of today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Now {
    /// The expectation reads the same.
    Same,
    /// The ladder reworded it since: its text now.
    Changed(String),
    /// The level no longer has it.
    Gone,
}

impl Checkin {
    /// A check-in of `level` of role `role`, from `progress` as it is at `now`.
    /// `id` makes it unique; `reply` is the kept reply's link text, if any.
    pub fn take(
        progress: &Progress,
        (role, level): (&str, &Level),
        ladder_version: &str,
        title: &str,
        (id, now): (&str, u64),
        reply: Option<String>,
    ) -> Checkin {
        let dimensions = level
            .dimensions
            .iter()
            .map(|d| CheckinDimension {
                name: d.name.clone(),
                items: d
                    .expectations
                    .iter()
                    .map(|x| {
                        let answer = progress.answer(&x.id);
                        Item {
                            id: x.id.clone(),
                            text: x.text.to_plain(),
                            rating: answer.and_then(|a| a.rating),
                            evidence: answer.map(|a| a.evidence.clone()).unwrap_or_default(),
                        }
                    })
                    .collect(),
            })
            .collect();
        Checkin {
            id: id.to_owned(),
            role: role.to_owned(),
            level: level.id.clone(),
            title: title.trim().to_owned(),
            updated: now,
            ladder_version: ladder_version.to_owned(),
            dimensions,
            reply,
        }
    }

    /// The storage key: `rungs:checkin:<role>/<level>/<id>`.
    pub fn key(&self) -> String {
        format!("{}{}", level_prefix(&self.role, &self.level), self.id)
    }

    /// Every item, dimension by dimension.
    pub fn items(&self) -> impl Iterator<Item = (&str, &Item)> {
        self.dimensions
            .iter()
            .flat_map(|d| d.items.iter().map(move |i| (d.name.as_str(), i)))
    }

    /// How each item stands in `level` as the ladder has it today (`None`: the
    /// ladder has no such level any more), in the check-in's order.
    ///
    /// An item whose id today's level still has is the same, or changed when only
    /// its case, spacing or formatting did (the id ignores those). A reworded
    /// expectation has a new id, since the id comes from the words: each item whose id
    /// is gone takes, among today's expectations that no item has by id, the most
    /// similar one not taken yet, if any is similar enough. Similar is the word diff's
    /// measure ([`word_diff`], which also shows the change): the words both keep, in
    /// order, are at least half of the words of both together
    /// ([`SIMILAR`], the threshold of Compare levels);
    /// ties go to the earlier expectation. Whatever is left is gone.
    pub fn against(&self, level: Option<&Level>) -> Vec<(&Item, Now)> {
        let today: Vec<(&str, String)> = level
            .iter()
            .flat_map(|l| &l.dimensions)
            .flat_map(|d| &d.expectations)
            .map(|x| (x.id.as_str(), x.text.to_plain()))
            .collect();
        let by_id = |id: &str| today.iter().position(|(t, _)| *t == id);
        let mut taken: Vec<bool> = today
            .iter()
            .map(|(id, _)| self.items().any(|(_, i)| i.id == *id))
            .collect();
        self.items()
            .map(|(_, item)| {
                let found = by_id(&item.id).or_else(|| {
                    let best = (0..today.len())
                        .filter(|&j| !taken[j])
                        .map(|j| (kept_share(&item.text, &today[j].1), j))
                        .filter(|&((kept, all), _)| kept * SIMILAR.1 >= all * SIMILAR.0)
                        // The largest kept / all, the earlier on a tie.
                        .reduce(|a, b| {
                            if b.0 .0 * a.0 .1 > a.0 .0 * b.0 .1 {
                                b
                            } else {
                                a
                            }
                        });
                    let (_, j) = best?;
                    taken[j] = true;
                    Some(j)
                });
                let now = match found.map(|j| &today[j].1) {
                    None => Now::Gone,
                    Some(text) if *text == item.text => Now::Same,
                    Some(text) => Now::Changed(text.clone()),
                };
                (item, now)
            })
            .collect()
    }

    /// The date it was saved and its title: `1 December 2026: Q3 review with Sam`,
    /// or the date alone when it has no title.
    pub fn name(&self) -> String {
        let date = export::long_date(self.updated);
        if self.title.is_empty() {
            date
        } else {
            format!("{date}: {}", self.title)
        }
    }
}

/// Twice the words `a` and `b` keep in their word diff, and the words of both together
/// (never 0): the word diff's similarity as a fraction.
fn kept_share(a: &str, b: &str) -> (usize, usize) {
    let kept: usize = word_diff(a, b)
        .iter()
        .map(|s| match s {
            Segment::Kept(words) => words.split_whitespace().count(),
            _ => 0,
        })
        .sum();
    let all = a.split_whitespace().count() + b.split_whitespace().count();
    (2 * kept, all.max(1))
}

/// The prefix of the keys of the check-ins of `level` of `role`.
pub fn level_prefix(role: &str, level: &str) -> String {
    format!("{CHECKIN_PREFIX}{role}/{level}/")
}

/// The check-ins of one level read from stored `(key, value)` pairs, newest first;
/// a value that cannot be read is left out and its key returned beside them.
pub fn read_all(values: &[(String, String)]) -> (Vec<Checkin>, Vec<String>) {
    // Placed in order as they are read: no sort routine to link into the wasm for this.
    let mut out: Vec<Checkin> = Vec::new();
    let mut unreadable = Vec::new();
    for (key, value) in values {
        match format::from_json(value) {
            Ok(c) => {
                let at = out
                    .iter()
                    .position(|o| (o.updated, &o.id) < (c.updated, &c.id))
                    .unwrap_or(out.len());
                out.insert(at, c);
            }
            Err(_) => unreadable.push(key.clone()),
        }
    }
    (out, unreadable)
}
