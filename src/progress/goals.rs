//! Goals: expectations a person marks on Compare levels ("Only in L4", "Reworded") to
//! work towards, listed on the Summary and in the 1:1 sheet.
//!
//! A goal follows the answers' rules: one entry per expectation id, stamped like an
//! edit ([`Progress::edit`]'s rule), never dropped. Removing one keeps the entry with
//! `set` false, so the removal wins a merge against the older goal in another tab. A
//! reset unsets every goal with the reset's stamp, Undo sets them again, a backup
//! brings back those it holds (see [`Progress::restore_backup`]).

use super::answers::Progress;
use crate::ladder::Ladder;

/// An expectation marked as a goal.
///
/// The derived order is the merge's: for one `id`, the newer, then by content (`set`
/// last, so that unsetting a goal, which a reset does in a merge, never changes which
/// of two goals with one stamp wins).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Goal {
    /// The expectation's id.
    pub id: String,
    /// When it last changed, in milliseconds since the Unix epoch.
    pub updated: u64,
    /// The level it is in, `role_id/level_id` (as [`quiz_key`](super::quiz_key)).
    pub level: String,
    /// The expectation's plain text when it was marked, for when the ladder no longer
    /// has it.
    pub text: String,
    /// Whether it is a goal now; `false` once removed (or reset).
    pub set: bool,
}

impl Goal {
    /// Its level as a person reads it, `L4: Senior Engineer · Software Engineering`,
    /// or the stored `role/level` when `ladder` no longer has that level.
    pub fn level_name(&self, ladder: &Ladder) -> String {
        let (role, level) = self.level.rsplit_once('/').unwrap_or_default();
        ladder
            .role(role)
            .and_then(|r| Some(format!("{} · {}", r.level(level)?.heading(), r.name)))
            .unwrap_or_else(|| self.level.clone())
    }

    /// Where it sorts in [`Progress::goals`]: by level, text, then id.
    fn place(&self) -> (&str, &str, &str) {
        (&self.level, &self.text, &self.id)
    }
}

impl Progress {
    /// Marks expectation `id` (of level `level`, `role/level`, whose plain text is
    /// `text`) as a goal, or removes it with `set` false.
    pub fn mark_goal(&mut self, id: &str, level: &str, text: &str, set: bool, now: u64) {
        let previous = self.goal(id).map_or(0, |g| g.updated);
        self.keep_goal(Goal {
            id: id.to_owned(),
            updated: self.stamp_after(previous, now),
            level: level.to_owned(),
            text: text.to_owned(),
            set,
        });
    }

    /// The goal kept for expectation `id`, set or not.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// Whether expectation `id` is a goal now.
    pub fn is_goal(&self, id: &str) -> bool {
        self.goal(id).is_some_and(|g| g.set)
    }

    /// The goals set now, by level and then text.
    pub fn goal_list(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| g.set)
    }

    /// Keeps `goal` in place of the one with its id, if `goal` is greater (or there is
    /// none), where it sorts: [`Progress::goals`] stays in one order, so two merges
    /// that keep the same goals are equal.
    pub(super) fn keep_goal(&mut self, goal: Goal) {
        if let Some(at) = self.goals.iter().position(|g| g.id == goal.id) {
            if self.goals[at] >= goal {
                return;
            }
            self.goals.remove(at);
        }
        let at = self.goals.partition_point(|g| g.place() < goal.place());
        self.goals.insert(at, goal);
    }

    /// The goals part of a merge: per id the newer (see [`Goal`]'s order), then every
    /// goal stamped at or before the reset unset.
    pub(super) fn merge_goals(&mut self, other: &Progress) {
        for goal in &other.goals {
            self.keep_goal(goal.clone());
        }
        let reset = self.reset;
        for goal in &mut self.goals {
            goal.set &= reset == 0 || goal.updated > reset;
        }
    }

    /// The goals part of a reset at `at`: each unset, stamped with it (or just after
    /// its own stamp, when that is ahead).
    pub(super) fn reset_goals(&mut self, at: u64) {
        for goal in &mut self.goals {
            goal.set = false;
            goal.updated = at.max(goal.updated.saturating_add(1));
        }
    }

    /// Sets again, as of `now`, each goal of `from` that is set there and not here:
    /// what Undo reset does, and importing a backup when `newer_here` keeps a goal
    /// removed here after the backup's stamp. Returns how many came back.
    pub(super) fn restore_goals(
        &mut self,
        from: &Progress,
        now: u64,
        newer_here: impl Fn(&Goal, &Goal) -> bool,
    ) -> usize {
        let mut back = 0;
        for old in from.goal_list() {
            if self
                .goal(&old.id)
                .is_some_and(|h| h.set || newer_here(h, old))
            {
                continue;
            }
            self.mark_goal(&old.id, &old.level, &old.text, true, now);
            back += 1;
        }
        back
    }

    /// The stamp of a change at `now` to something last stamped `previous`: `now`, or
    /// after `previous` and after the last reset when the clock is behind them.
    pub(super) fn stamp_after(&self, previous: u64, now: u64) -> u64 {
        let after_reset = if self.reset > 0 {
            self.reset.saturating_add(1)
        } else {
            0
        };
        now.max(previous.saturating_add(1)).max(after_reset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(p: &Progress) -> Vec<&str> {
        p.goal_list().map(|g| g.id.as_str()).collect()
    }

    #[test]
    fn goals_are_listed_by_level_then_text_and_removing_one_keeps_its_stamp() {
        let mut p = Progress::default();
        p.mark_goal("x", "e/r/l4", "Mentors.", true, 10);
        p.mark_goal("y", "e/r/l3", "Ships.", true, 11);
        p.mark_goal("z", "e/r/l4", "Leads.", true, 12);
        assert_eq!(goals(&p), ["y", "z", "x"]);
        p.mark_goal("z", "e/r/l4", "Leads.", false, 5);
        assert_eq!(goals(&p), ["y", "x"]);
        assert_eq!(p.goal("z").map(|g| (g.set, g.updated)), Some((false, 13)));
        assert!(p.is_goal("x") && !p.is_goal("z"));
    }

    #[test]
    fn the_newer_goal_wins_a_merge_from_either_side() {
        let mut set = Progress::default();
        set.mark_goal("x", "e/r/l4", "Mentors.", true, 10);
        let mut removed = set.clone();
        removed.mark_goal("x", "e/r/l4", "Mentors.", false, 20);
        for (mut into, from) in [(set.clone(), removed.clone()), (removed.clone(), set)] {
            into.merge(&from);
            assert_eq!(into, removed);
        }
    }

    #[test]
    fn a_reset_unsets_goals_in_a_merge_and_undo_sets_them_again() {
        let mut p = Progress::default();
        p.mark_goal("x", "e/r/l4", "Mentors.", true, 10);
        let other_tab = p.clone();
        let before = p.reset(100);
        p.merge(&other_tab);
        assert!(goals(&p).is_empty());
        let mut later = Progress::default();
        later.mark_goal("y", "e/r/l4", "Leads.", true, 150);
        p.merge(&later);
        assert_eq!(goals(&p), ["y"]);
        p.restore(&before, 200);
        assert_eq!(goals(&p), ["y", "x"]);
        let mut stale = other_tab;
        stale.merge(&p);
        assert_eq!(goals(&stale), ["y", "x"]);
    }

    #[test]
    fn a_backup_brings_back_goals_but_not_over_a_later_removal() {
        let mut backup = Progress::default();
        backup.mark_goal("x", "e/r/l4", "Mentors.", true, 10);
        backup.mark_goal("y", "e/r/l4", "Leads.", true, 11);
        backup.mark_goal("z", "e/r/l4", "Plans.", true, 12);
        let mut p = backup.clone();
        p.mark_goal("y", "e/r/l4", "Leads.", false, 50);
        p.reset(100);
        p.mark_goal("z", "e/r/l4", "Plans.", false, 150);
        let restored = p.restore_backup(&backup, 200);
        assert_eq!(goals(&p), ["y", "x"]);
        assert_eq!(restored.goals, 2);
        assert_eq!(
            restored.message("b.json"),
            "Restored 2 goals from “b.json”."
        );
        let scope = crate::progress::ResetScope::of(&p, &[], false, 0);
        assert_eq!(scope.cleared().as_deref(), Some("2 goals"));
    }

    #[test]
    fn a_goal_names_its_level_or_keeps_the_stored_one() {
        use crate::ladder::{Level, Role};
        let ladder = Ladder {
            version: "v".into(),
            roles: vec![Role {
                id: "e/r".into(),
                name: "Engineer".into(),
                levels: vec![Level {
                    id: "l4".into(),
                    label: "L4".into(),
                    title: "Senior".into(),
                    ..Level::default()
                }],
                ..Role::default()
            }],
        };
        let goal = |level: &str| Goal {
            level: level.into(),
            ..Goal::default()
        };
        assert_eq!(goal("e/r/l4").level_name(&ladder), "L4: Senior · Engineer");
        assert_eq!(goal("e/r/l9").level_name(&ladder), "e/r/l9");
    }
}
