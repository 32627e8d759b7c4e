//! A model-based test of progress: two tabs sharing one stored value, driven by any
//! sequence of what a person (and the browser) does, checked against a model of what
//! the person gave.
//!
//! Operations: rate, write evidence, clear, mark or remove a goal, reset, undo, take
//! and import a backup
//! (also one from a device with a clock far ahead), merge from the other tab (a
//! `storage` event), reload (through the stored format), and an old-schema value
//! loaded (both tabs restart on the value an older Rungs wrote). Each tab does what
//! `ui::store` does: take in the stored value, change, merge before saving, save.
//! Check-ins join them: save one from a tab, delete one and undo the delete; a reset
//! removes them with the other kept values (Undo brings them back), and backups carry
//! them (an import adds those missing, by id).
//!
//! The invariant after every step: every answer the person gave (a goal is part of
//! its answer) is there, in the tab that acted and in storage, unless they cleared it
//! (or removed the goal), or reset and did not restore (by Undo or by importing a
//! backup); and storage holds exactly the
//! check-ins the person saved and did not delete or reset away (or got back), each
//! once, as saved. The model states the rules of `Progress::restore`,
//! `Progress::restore_backup` and `restore_kept` in its own terms.
//!
//! `cargo test` runs 256 sequences; `PROPTEST_CASES=20000 cargo test --test
//! proptest_model` (what `scripts/bench` does) runs a longer search.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rungs::ladder::{Dimension, Expectation, Level, Text};
use rungs::progress::checkin::{format, Checkin, CHECKIN_PREFIX};
use rungs::progress::kept::KEPT_PREFIXES;
use rungs::progress::{restore_kept, to_json, Backup, BeforeSave, Progress, Rating, Stored, Undo};
use std::collections::BTreeMap;

const IDS: [&str; 4] = ["a", "b", "c", "d"];

/// What a person does, and what the browser does to the tabs.
#[derive(Clone, Debug)]
enum Op {
    /// Rate (or un-rate) `id`; `stale`: before this tab heard of the other's last save.
    Rate {
        tab: usize,
        id: usize,
        rating: Option<Rating>,
        stale: bool,
    },
    Evidence {
        tab: usize,
        id: usize,
        text: &'static str,
        stale: bool,
    },
    /// Mark `id` as a goal (on Compare), or remove it (on the Summary).
    Goal {
        tab: usize,
        id: usize,
        set: bool,
        stale: bool,
    },
    /// Un-rate and empty the evidence.
    Clear {
        tab: usize,
        id: usize,
        stale: bool,
    },
    Reset {
        tab: usize,
    },
    Undo {
        tab: usize,
    },
    TakeBackup {
        tab: usize,
    },
    ImportBackup {
        tab: usize,
        which: prop::sample::Index,
    },
    /// Import a backup from a device whose clock is far ahead, rating `id`.
    ImportFarFuture {
        tab: usize,
        id: usize,
        rating: Rating,
    },
    /// The `storage` event: the tab takes in the other's save.
    Sync {
        tab: usize,
    },
    Reload {
        tab: usize,
    },
    /// Both tabs restart on the stored value as an older Rungs (schema 2) wrote it.
    OldSchema,
    /// Save check-in, from what tab `tab` shows.
    SaveCheckin {
        tab: usize,
    },
    /// Delete one of the stored check-ins (the view asked first).
    DeleteCheckin {
        which: prop::sample::Index,
    },
    /// Undo the last delete.
    UndoDelete,
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0..2usize;
    let id = 0..IDS.len();
    let rating = prop::option::of(prop::sample::select(Rating::ALL.to_vec()));
    let text = prop::sample::select(vec![
        "",
        " ",
        "Shipped it.",
        "Led the review.",
        "Ran the drill.",
    ]);
    prop_oneof![
        6 => (tab.clone(), id.clone(), rating, any::<bool>()).prop_map(|(tab, id, rating, stale)| Op::Rate { tab, id, rating, stale }),
        4 => (tab.clone(), id.clone(), text, any::<bool>()).prop_map(|(tab, id, text, stale)| Op::Evidence { tab, id, text, stale }),
        2 => (tab.clone(), id.clone(), any::<bool>()).prop_map(|(tab, id, stale)| Op::Clear { tab, id, stale }),
        3 => (tab.clone(), id.clone(), any::<bool>(), any::<bool>()).prop_map(|(tab, id, set, stale)| Op::Goal { tab, id, set, stale }),
        2 => tab.clone().prop_map(|tab| Op::Reset { tab }),
        2 => tab.clone().prop_map(|tab| Op::Undo { tab }),
        2 => tab.clone().prop_map(|tab| Op::TakeBackup { tab }),
        3 => (tab.clone(), any::<prop::sample::Index>()).prop_map(|(tab, which)| Op::ImportBackup { tab, which }),
        1 => (tab.clone(), id, prop::sample::select(Rating::ALL.to_vec())).prop_map(|(tab, id, rating)| Op::ImportFarFuture { tab, id, rating }),
        3 => tab.clone().prop_map(|tab| Op::Sync { tab }),
        1 => tab.prop_map(|tab| Op::Reload { tab }),
        1 => Just(Op::OldSchema),
        3 => (0..2usize).prop_map(|tab| Op::SaveCheckin { tab }),
        2 => any::<prop::sample::Index>().prop_map(|which| Op::DeleteCheckin { which }),
        1 => Just(Op::UndoDelete),
    ]
}

/// What the person gave for one expectation, as the model keeps it.
#[derive(Clone, Debug, PartialEq)]
struct Given {
    rating: Option<Rating>,
    evidence: String,
    /// Marked as a goal.
    goal: bool,
    /// The stamp the rules give it.
    at: u64,
    /// Blank because a reset cleared it (not because the person did).
    by_reset: bool,
}

impl Given {
    fn is_blank(&self) -> bool {
        self.rating.is_none() && self.evidence.trim().is_empty()
    }

    /// Blank and not a goal: nothing to bring back.
    fn is_bare(&self) -> bool {
        self.is_blank() && !self.goal
    }
}

#[derive(Clone, Debug, Default)]
struct Model {
    given: BTreeMap<String, Given>,
    /// The last reset every tab knows of (0: none, or forgotten by an old schema).
    reset: u64,
    /// The check-ins the person has, by storage key.
    checkins: BTreeMap<String, Checkin>,
}

impl Model {
    /// The stamp of an edit at `now` (the rule of `Progress::edit`).
    fn stamp(&self, id: &str, now: u64) -> u64 {
        let prev = self.given.get(id).map_or(0, |g| g.at + 1);
        let after_reset = if self.reset > 0 { self.reset + 1 } else { 0 };
        now.max(prev).max(after_reset)
    }

    fn edit(&mut self, id: &str, now: u64, change: impl FnOnce(&mut Given)) {
        let at = self.stamp(id, now);
        let g = self.given.entry(id.to_owned()).or_insert(Given {
            rating: None,
            evidence: String::new(),
            goal: false,
            at: 0,
            by_reset: false,
        });
        change(g);
        g.at = at;
        g.by_reset = false;
    }

    /// Reset: all blank, stamped now (an answer stamped ahead of now just after
    /// its own stamp, which makes it a clear the reset cannot be told from).
    fn reset(&mut self, now: u64) {
        let at = now.max(self.reset + 1);
        for g in self.given.values_mut() {
            g.rating = None;
            g.evidence.clear();
            g.goal = false;
            g.at = at.max(g.at + 1);
            g.by_reset = g.at <= at;
        }
        self.reset = at;
        self.checkins.clear();
    }

    /// Undo: what the reset cleared comes back where nothing was given since.
    fn undo(&mut self, before: &Model, now: u64) {
        for (key, c) in &before.checkins {
            self.checkins
                .entry(key.clone())
                .or_insert_with(|| c.clone());
        }
        for (id, old) in &before.given {
            let bare = self.given.get(id).is_none_or(Given::is_bare);
            if bare && !old.is_bare() {
                let (rating, evidence, goal) = (old.rating, old.evidence.clone(), old.goal);
                self.edit(id, now, |g| {
                    g.rating = rating;
                    g.evidence = evidence;
                    g.goal = goal;
                });
            }
        }
    }

    /// Import: the backup's answers replace blanks a reset made, absent answers
    /// and older ones; an answer given here later stays; blanks restore nothing.
    /// `suspect`: the backup's stamps are far in the future; they fill only gaps.
    fn import(&mut self, backup: &BTreeMap<String, Given>, suspect: bool) {
        let after_reset = if self.reset > 0 { self.reset + 1 } else { 0 };
        for (id, theirs) in backup {
            if theirs.is_bare() {
                continue;
            }
            let here = self.given.get(id);
            let same = |h: &Given| {
                (h.rating, &h.evidence, h.goal) == (theirs.rating, &theirs.evidence, theirs.goal)
            };
            let replace = match here {
                None => true,
                Some(h) if same(h) => false,
                Some(h) => (h.is_bare() && h.by_reset) || (!suspect && h.at < theirs.at),
            };
            if replace {
                let prev = here.map_or(0, |h| h.at + 1);
                let mut g = theirs.clone();
                g.at = theirs.at.max(prev).max(after_reset);
                g.by_reset = false;
                self.given.insert(id.clone(), g);
            }
        }
    }
}

/// One tab, as `ui::store` runs it.
#[derive(Clone, Debug, Default)]
struct Tab {
    progress: Progress,
    /// The stored value this tab last wrote or read.
    last: Option<String>,
    /// What Undo reset holds, and the model before the reset.
    undo: Option<(Undo, Model)>,
}

/// A backup file, with the model's answers and check-ins when it was taken.
type Taken = (String, BTreeMap<String, Given>, BTreeMap<String, Checkin>);

struct World {
    now: u64,
    stored: Option<String>,
    tabs: [Tab; 2],
    model: Model,
    /// Each backup taken, with the model's answers and check-ins then.
    backups: Vec<Taken>,
    /// Every other key of localStorage: the kept values, check-ins among them.
    kept: BTreeMap<String, String>,
    /// The last check-in deleted (key, value), for Undo delete.
    deleted: Option<(String, String)>,
}

/// The level check-ins are taken of: one dimension with every id.
fn level() -> Level {
    Level {
        id: "l1".into(),
        dimensions: vec![Dimension {
            name: "Craft".into(),
            expectations: IDS
                .iter()
                .map(|id| Expectation {
                    id: (*id).into(),
                    text: Text::plain("Text."),
                    ..Expectation::default()
                })
                .collect(),
            ..Dimension::default()
        }],
        ..Level::default()
    }
}

impl World {
    fn new() -> World {
        World {
            now: 1_767_225_600_000,
            stored: None,
            tabs: [Tab::default(), Tab::default()],
            model: Model::default(),
            backups: Vec::new(),
            kept: BTreeMap::new(),
            deleted: None,
        }
    }

    /// The stored values under the kept prefixes, as `storage::kept_values` reads them.
    fn kept_values(&self) -> Vec<(String, String)> {
        self.kept
            .iter()
            .filter(|(k, _)| KEPT_PREFIXES.iter().any(|p| k.starts_with(p)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// The `storage` event: take in what the other tab saved.
    fn sync(&mut self, tab: usize) {
        let t = &mut self.tabs[tab];
        if t.last == self.stored {
            return;
        }
        if let Stored::Readable(theirs) = Stored::read(self.stored.as_deref(), self.now) {
            t.progress.merge(&theirs);
        }
        t.last.clone_from(&self.stored);
    }

    /// `ProgressStore::change`: apply, merge with what is stored, save.
    fn change(&mut self, tab: usize, f: impl FnOnce(&mut Progress)) {
        let now = self.now;
        let t = &mut self.tabs[tab];
        f(&mut t.progress);
        if t.last != self.stored {
            let stored = Stored::read(self.stored.as_deref(), now);
            assert_eq!(t.progress.before_save(&stored), BeforeSave::Save);
        }
        let json = to_json(&t.progress);
        self.stored = Some(json.clone());
        t.last = Some(json);
    }

    fn load(&mut self, tab: usize) {
        let progress = match Stored::read(self.stored.as_deref(), self.now) {
            Stored::Readable(p) => p,
            Stored::Absent => Progress::default(),
            other => panic!("the stored value does not load: {other:?}"),
        };
        self.tabs[tab] = Tab {
            progress,
            last: self.stored.clone(),
            undo: None,
        };
    }

    /// Whether tab `tab` sees `id` as the model does (so acting on a stale view of
    /// it loses nothing the model keeps).
    fn sees(&self, tab: usize, id: &str) -> bool {
        let real = self.tabs[tab].progress.answer(id);
        match self.model.given.get(id) {
            None => real.is_none(),
            Some(g) => real.is_some_and(|a| {
                a.rating == g.rating && a.evidence == g.evidence && a.goal.is_some() == g.goal
            }),
        }
    }

    fn apply(&mut self, op: &Op) {
        self.now += 1 + (self.now % 3);
        let now = self.now;
        match *op {
            Op::Rate {
                tab,
                id,
                rating,
                stale,
            } => {
                let id = IDS[id];
                if !(stale && self.sees(tab, id)) {
                    self.sync(tab);
                }
                self.change(tab, |p| p.rate(id, "Text.", rating, now));
                self.model.edit(id, now, |g| g.rating = rating);
            }
            Op::Evidence {
                tab,
                id,
                text,
                stale,
            } => {
                let id = IDS[id];
                if !(stale && self.sees(tab, id)) {
                    self.sync(tab);
                }
                self.change(tab, |p| p.set_evidence(id, "Text.", text, now));
                self.model
                    .edit(id, now, |g| text.clone_into(&mut g.evidence));
            }
            Op::Goal {
                tab,
                id,
                set,
                stale,
            } => {
                let id = IDS[id];
                if !(stale && self.sees(tab, id)) {
                    self.sync(tab);
                }
                self.change(tab, |p| p.mark_goal(id, "e/r/l2", "Text.", set, now));
                self.model.edit(id, now, |g| g.goal = set);
            }
            Op::Clear { tab, id, stale } => {
                let id = IDS[id];
                if !(stale && self.sees(tab, id)) {
                    self.sync(tab);
                }
                self.change(tab, |p| {
                    p.rate(id, "Text.", None, now);
                    p.set_evidence(id, "Text.", "", now);
                });
                // Two edits, as the app makes them: the second is stamped after the first.
                self.model.edit(id, now, |g| g.rating = None);
                self.model.edit(id, now, |g| g.evidence.clear());
            }
            Op::Reset { tab } => {
                self.sync(tab);
                let before_model = self.model.clone();
                let kept = self.kept_values();
                for (key, _) in &kept {
                    self.kept.remove(key);
                }
                let mut undo = Undo::default();
                self.change(tab, |p| undo = Undo::reset(p, kept, now));
                self.tabs[tab].undo = Some((undo, before_model));
                self.model.reset(now);
            }
            Op::Undo { tab } => {
                let Some((undo, before_model)) = self.tabs[tab].undo.take() else {
                    return;
                };
                self.sync(tab);
                let here = self.kept_values();
                let mut writes = Vec::new();
                self.change(tab, |p| writes = undo.apply(p, &here, now).writes);
                self.kept.extend(writes);
                self.model.undo(&before_model, now);
            }
            Op::TakeBackup { tab } => {
                self.sync(tab);
                let backup = Backup {
                    progress: self.tabs[tab].progress.clone(),
                    kept: self.kept_values(),
                    imported_ladder: None,
                };
                let json = backup.to_json("v", now);
                let model = &self.model;
                self.backups
                    .push((json, model.given.clone(), model.checkins.clone()));
            }
            Op::ImportBackup { tab, which } => {
                if self.backups.is_empty() {
                    return;
                }
                let (json, given, checkins) = self.backups[which.index(self.backups.len())].clone();
                self.sync(tab);
                let backup = Backup::read(&json).expect("a backup reads back");
                self.change(tab, |p| {
                    p.restore_backup(&backup.progress, now);
                });
                let kept = restore_kept(&backup.kept, &self.kept_values(), now);
                self.kept.extend(kept.writes);
                self.model.import(&given, false);
                for (key, c) in checkins {
                    self.model.checkins.entry(key).or_insert(c);
                }
            }
            Op::ImportFarFuture { tab, id, rating } => {
                let id = IDS[id];
                let mut foreign = Progress::default();
                foreign.rate(id, "Text.", Some(rating), u64::MAX / 2);
                let json = Backup {
                    progress: foreign,
                    ..Backup::default()
                }
                .to_json("v", u64::MAX / 2);
                self.sync(tab);
                let backup = Backup::read(&json).expect("a backup reads back").progress;
                self.change(tab, |p| {
                    p.restore_backup(&backup, now);
                });
                let given = Given {
                    rating: Some(rating),
                    evidence: String::new(),
                    goal: false,
                    at: now,
                    by_reset: false,
                };
                self.model.import(&[(id.to_owned(), given)].into(), true);
            }
            Op::Sync { tab } => self.sync(tab),
            Op::Reload { tab } => self.load(tab),
            Op::OldSchema => {
                if let Some(json) = &self.stored {
                    let mut value: serde_json::Value = serde_json::from_str(json).expect("json");
                    let top = value.as_object_mut().expect("an object");
                    top.remove("reset");
                    top.insert("schema".to_owned(), 2.into());
                    self.stored = Some(value.to_string());
                }
                self.load(0);
                self.load(1);
                // An older Rungs keeps no record of a reset: its clearing is a clear.
                self.model.reset = 0;
                for g in self.model.given.values_mut() {
                    g.by_reset = false;
                }
            }
            Op::SaveCheckin { tab } => {
                let id = format!("{now:x}-{tab}");
                let c = Checkin::take(
                    &self.tabs[tab].progress,
                    ("e/r", &level()),
                    "v",
                    "Review",
                    (&id, now),
                    None,
                );
                if self.tabs[tab].last == self.stored {
                    // A tab that has heard of every save takes the person's answers.
                    for (_, item) in c.items() {
                        let given = self.model.given.get(&item.id).filter(|g| !g.is_blank());
                        let want = given.map_or((None, ""), |g| (g.rating, g.evidence.trim()));
                        assert_eq!((item.rating, item.evidence.trim()), want, "{}", item.id);
                    }
                }
                self.kept.insert(c.key(), format::to_json(&c));
                self.model.checkins.insert(c.key(), c);
            }
            Op::DeleteCheckin { which } => {
                let keys: Vec<String> = self.model.checkins.keys().cloned().collect();
                if keys.is_empty() {
                    return;
                }
                let key = &keys[which.index(keys.len())];
                let value = self
                    .kept
                    .remove(key)
                    .expect("a check-in the model has is stored");
                self.deleted = Some((key.clone(), value));
                self.model.checkins.remove(key);
            }
            Op::UndoDelete => {
                if let Some((key, value)) = self.deleted.take() {
                    let c = format::from_json(&value).expect("a deleted check-in reads");
                    self.kept.insert(key.clone(), value);
                    self.model.checkins.insert(key, c);
                }
            }
        }
    }

    /// Storage holds exactly the model's check-ins, each as saved.
    fn check_checkins(&self, what: &str) -> Result<(), TestCaseError> {
        let stored: BTreeMap<String, Checkin> = self
            .kept
            .iter()
            .filter(|(k, _)| k.starts_with(CHECKIN_PREFIX))
            .map(|(k, v)| {
                (
                    k.clone(),
                    format::from_json(v).expect("a stored check-in reads"),
                )
            })
            .collect();
        prop_assert_eq!(&stored, &self.model.checkins, "{}: check-ins", what);
        Ok(())
    }

    /// Every answer the model holds (its goal too) is in `progress`, and nothing else is.
    fn check(&self, progress: &Progress, what: &str) -> Result<(), TestCaseError> {
        for id in IDS {
            let real = progress.answer(id);
            match self.model.given.get(id) {
                Some(g) if !g.is_bare() => {
                    let found = real.map(|a| (a.rating, a.evidence.as_str(), a.goal.is_some()));
                    prop_assert_eq!(
                        found,
                        Some((g.rating, g.evidence.as_str(), g.goal)),
                        "{}: answer {}",
                        what,
                        id
                    );
                }
                _ => prop_assert!(
                    real.is_none_or(|a| a.is_bare()),
                    "{}: {} should be blank: {:?}",
                    what,
                    id,
                    real
                ),
            }
        }
        Ok(())
    }
}

fn acting_tab(op: &Op) -> Option<usize> {
    match *op {
        Op::Rate { tab, .. }
        | Op::Evidence { tab, .. }
        | Op::Clear { tab, .. }
        | Op::Goal { tab, .. }
        | Op::Reset { tab }
        | Op::Undo { tab }
        | Op::TakeBackup { tab }
        | Op::ImportBackup { tab, .. }
        | Op::ImportFarFuture { tab, .. }
        | Op::Sync { tab }
        | Op::Reload { tab }
        | Op::SaveCheckin { tab } => Some(tab),
        Op::OldSchema | Op::DeleteCheckin { .. } | Op::UndoDelete => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/proptest_model.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_answer_is_lost_in_any_sequence_of_two_tabs(ops in prop::collection::vec(op(), 1..40)) {
        let mut world = World::new();
        for (step, op) in ops.iter().enumerate() {
            world.apply(op);
            let what = format!("after step {step} ({op:?})");
            world.check_checkins(&what)?;
            let stored = Stored::read(world.stored.as_deref(), world.now);
            if let Stored::Readable(stored) = &stored {
                world.check(stored, &format!("storage {what}"))?;
            }
            if let Some(tab) = acting_tab(op) {
                // A tab that has heard of every save shows the person's answers.
                if world.tabs[tab].last == world.stored {
                    world.check(&world.tabs[tab].progress, &format!("tab {tab} {what}"))?;
                }
            }
        }
        // At the end, once both tabs have heard of the last save, all agree.
        world.sync(0);
        world.sync(1);
        world.check(&world.tabs[0].progress, "tab 0 at the end")?;
        world.check(&world.tabs[1].progress, "tab 1 at the end")?;
    }
}
