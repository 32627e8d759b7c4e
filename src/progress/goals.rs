//! Goals: expectations a person marks on Compare levels ("Only in L4", "Reworded") to
//! work towards, listed on the Summary and in the 1:1 sheet.
//!
//! A goal is part of the expectation's [`Answer`] (its `goal`, the level), so it
//! follows the answers' rules with no code of its own: marking or removing one is an
//! edit, stamped, and the newer answer wins a merge; a reset clears it with the rating
//! and evidence, Undo and a backup's import bring it back. (A list or map of goals
//! beside the answers cost each module that reads progress 1 to 2 KB of wasm.)

use super::answers::{Answer, Progress};
use crate::ladder::Ladder;

impl Progress {
    /// Marks expectation `id` (of level `level`, `role/level`, whose plain text is
    /// `text`) as a goal, or removes it with `set` false: an edit of its answer, which
    /// keeps the rating and evidence.
    pub fn mark_goal(&mut self, id: &str, level: &str, text: &str, set: bool, now: u64) {
        self.edit(id, text, now, |a| a.goal = set.then(|| level.to_owned()));
    }

    /// Whether expectation `id` is a goal now.
    pub fn is_goal(&self, id: &str) -> bool {
        self.answer(id).is_some_and(|a| a.goal.is_some())
    }

    /// The goals, by their text (then id), with the expectation id.
    pub fn goal_list(&self) -> Vec<(&str, &Answer)> {
        let mut out: Vec<(&str, &Answer)> = self
            .answers
            .iter()
            .filter(|(_, a)| a.goal.is_some())
            .map(|(id, a)| (id.as_str(), a))
            .collect();
        by_text(&mut out);
        out
    }
}

/// Sorts answers by their text, then id: how goals and orphans are listed. With the
/// importer's one sort routine (`ladder::order`): the standard library's stable sort
/// was a routine of its own here, 3 KB of wasm in each module that lists them.
pub(super) fn by_text(answers: &mut [(&str, &Answer)]) {
    crate::ladder::order::sort_by(answers, |x, y| (&x.1.text, x.0).cmp(&(&y.1.text, y.0)));
}

/// Level `level` (`role/level`, as a goal keeps it) as a person reads it,
/// `L4: Senior Engineer · Software Engineering`, or `level` itself when `ladder` no
/// longer has it.
pub fn level_name(ladder: &Ladder, level: &str) -> String {
    let (role, id) = level.rsplit_once('/').unwrap_or_default();
    ladder
        .role(role)
        .and_then(|r| Some(format!("{} · {}", r.level(id)?.heading(), r.name)))
        .unwrap_or_else(|| level.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    fn goals(p: &Progress) -> Vec<&str> {
        p.goal_list().into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn goals_are_listed_by_text_and_removing_one_keeps_the_answer() {
        let mut p = Progress::default();
        p.mark_goal("x", "e/r/l4", "Mentors.", true, 10);
        p.mark_goal("y", "e/r/l3", "Ships.", true, 11);
        p.rate("z", "Leads.", Some(Rating::Maturing), 12);
        p.mark_goal("z", "e/r/l4", "Leads.", true, 13);
        assert_eq!(goals(&p), ["z", "x", "y"]);
        p.mark_goal("z", "e/r/l4", "Leads.", false, 5);
        assert_eq!(goals(&p), ["x", "y"]);
        let z = p.answer("z").expect("kept");
        assert_eq!(
            (z.rating, &z.goal, z.updated),
            (Some(Rating::Maturing), &None, 14)
        );
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
    fn a_reset_clears_goals_in_a_merge_and_undo_sets_them_again() {
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
        assert_eq!(
            restored.message("b.json"),
            "Restored 2 goals from “b.json”; 1 answer was newer here and kept."
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
            ..Ladder::default()
        };
        assert_eq!(level_name(&ladder, "e/r/l4"), "L4: Senior · Engineer");
        assert_eq!(level_name(&ladder, "e/r/l9"), "e/r/l9");
    }
}
