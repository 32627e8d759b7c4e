//! Values kept for a person under keys of their own (see the storage contract of
//! issue 18): a manager's own answers to someone's link under `rungs:reply:<id>`,
//! a kept reply under `rungs:kept:<id>`, a check-in under `rungs:checkin:<role>/<level>/<id>`
//! (see [`checkin`](super::checkin)). Each is a JSON object with a top-level
//! `updated` (milliseconds since the Unix epoch of its last change).
//!
//! The core does not read them beyond that stamp: a backup carries them verbatim,
//! a reset removes them, and [`restore_kept`] decides which to write back.
//!
//! A backup also carries the person's own assessment ids (`rungs:share:id:<role>/<level>`,
//! see `share::keep`), so that on another device the replies to links already sent
//! still come back as theirs. A reset keeps those ids, as it keeps the name links are
//! signed with, and a restore never replaces one that is here: links sent from here
//! carry it.

use super::decode::{parse, Node};
use super::time::clamp_time;

/// Prefix of a manager's own answers to someone's link.
pub const REPLY_PREFIX: &str = "rungs:reply:";
/// Prefix of a reply the person kept.
pub const KEPT_PREFIX: &str = "rungs:kept:";
/// Prefix of a check-in (see [`checkin`](super::checkin)).
pub const CHECKIN_PREFIX: &str = super::checkin::CHECKIN_PREFIX;
/// Every key under these is a person's data, backed up and reset.
pub const KEPT_PREFIXES: [&str; 3] = [REPLY_PREFIX, KEPT_PREFIX, CHECKIN_PREFIX];
/// Prefix of the person's own assessment id per level (see `share::keep`).
pub const ID_PREFIX: &str = super::share::keep::ID_PREFIX;
/// What a backup carries besides progress: the kept values and the person's ids.
pub const BACKUP_PREFIXES: [&str; 4] = [REPLY_PREFIX, KEPT_PREFIX, CHECKIN_PREFIX, ID_PREFIX];

/// Which kind of kept value a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptKind {
    /// A manager's own answers (`rungs:reply:`).
    Reply,
    /// A kept reply (`rungs:kept:`).
    Kept,
    /// The person's own assessment id for a level (`rungs:share:id:`).
    Id,
    /// A check-in (`rungs:checkin:`).
    Checkin,
}

impl KeptKind {
    /// The kind of `key`, or `None` when it is under neither prefix (or is only the
    /// prefix): such a key is never written from a backup.
    pub fn of(key: &str) -> Option<KeptKind> {
        let longer = |p: &str| key.len() > p.len() && key.starts_with(p);
        if longer(REPLY_PREFIX) {
            Some(KeptKind::Reply)
        } else if longer(KEPT_PREFIX) {
            Some(KeptKind::Kept)
        } else if longer(ID_PREFIX) {
            Some(KeptKind::Id)
        } else if longer(CHECKIN_PREFIX) {
            Some(KeptKind::Checkin)
        } else {
            None
        }
    }
}

/// The top-level `updated` of a kept value, if it is a JSON object that has one.
pub fn kept_updated(value: &str) -> Option<u64> {
    let parsed = parse(value).ok()?;
    let root = Node::root(&parsed);
    root.object_any().ok()?.get("updated")?.u64().ok()
}

/// What restoring kept values does: the writes to make and what they count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptRestore {
    /// (full key, value) to store.
    pub writes: Vec<(String, String)>,
    /// Written manager's answers (`rungs:reply:`).
    pub replies: usize,
    /// Written kept replies (`rungs:kept:`).
    pub kept_replies: usize,
    /// Written assessment ids (`rungs:share:id:`), for levels that had none here.
    pub ids: usize,
    /// Written check-ins (`rungs:checkin:`), by id: one here already is never written twice.
    pub checkins: usize,
    /// Values that differ here and were left as they are: newer here, or here but
    /// unreadable (never written over).
    pub newer_here: usize,
}

/// Which of `from` (a backup's or an undo's kept values) to write, given `here`
/// (the values stored now): a key absent here is written; one whose `updated` here
/// is older than `from`'s (clamped to `now` plus the allowance) is replaced; any
/// other is left. An assessment id is written only where this level has none (links
/// sent from here carry the one here), and a check-in only where none of its key is
/// here (check-ins never change, so they merge by id). Keys outside [`BACKUP_PREFIXES`] are ignored.
pub fn restore_kept(from: &[(String, String)], here: &[(String, String)], now: u64) -> KeptRestore {
    let mut out = KeptRestore::default();
    for (key, value) in from {
        let Some(kind) = KeptKind::of(key) else {
            continue;
        };
        let write = match here.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            None => true,
            Some(old) if old == value => false,
            // An id links carry, and a check-in (which never changes once saved):
            // the one here stays.
            Some(_) if matches!(kind, KeptKind::Id | KeptKind::Checkin) => false,
            Some(old) => {
                let theirs = kept_updated(value).map(|t| clamp_time(t, now));
                let newer = matches!((kept_updated(old), theirs), (Some(o), Some(t)) if t > o);
                if !newer {
                    out.newer_here += 1;
                }
                newer
            }
        };
        if write {
            match kind {
                KeptKind::Reply => out.replies += 1,
                KeptKind::Kept => out.kept_replies += 1,
                KeptKind::Id => out.ids += 1,
                KeptKind::Checkin => out.checkins += 1,
            }
            out.writes.push((key.clone(), value.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn an_assessment_id_is_restored_where_the_level_has_none_and_never_replaced() {
        let from = pairs(&[
            ("rungs:share:id:eng/sre/l2", "00112233445566ff"),
            ("rungs:share:id:eng/sre/l3", "aaaaaaaaaaaaaaaa"),
        ]);
        let here = pairs(&[("rungs:share:id:eng/sre/l3", "bbbbbbbbbbbbbbbb")]);
        let out = restore_kept(&from, &here, 100);
        assert_eq!(
            out.writes,
            pairs(&[("rungs:share:id:eng/sre/l2", "00112233445566ff")])
        );
        assert_eq!((out.ids, out.newer_here), (1, 0));
    }

    #[test]
    fn absent_and_older_values_are_written_newer_and_unreadable_ones_kept() {
        let from = pairs(&[
            ("rungs:kept:new", r#"{"updated":5}"#),
            ("rungs:reply:older", r#"{"updated":9,"x":1}"#),
            ("rungs:reply:newer", r#"{"updated":9}"#),
            ("rungs:kept:damaged", r#"{"updated":9}"#),
            ("rungs:kept:same", r#"{"updated":3}"#),
            ("rungs:progress", r#"{"schema":3}"#),
            ("rungs:kept:", r#"{"updated":3}"#),
        ]);
        let here = pairs(&[
            ("rungs:reply:older", r#"{"updated":8}"#),
            ("rungs:reply:newer", r#"{"updated":10}"#),
            ("rungs:kept:damaged", "{not json"),
            ("rungs:kept:same", r#"{"updated":3}"#),
        ]);
        let plan = restore_kept(&from, &here, 100);
        assert_eq!(
            plan.writes,
            pairs(&[
                ("rungs:kept:new", r#"{"updated":5}"#),
                ("rungs:reply:older", r#"{"updated":9,"x":1}"#)
            ])
        );
        assert_eq!(
            (plan.replies, plan.kept_replies, plan.newer_here),
            (1, 1, 2)
        );
    }

    #[test]
    fn a_far_future_kept_value_does_not_replace_a_later_one_here() {
        let from = pairs(&[("rungs:kept:a", r#"{"updated":99999999999999}"#)]);
        let here = pairs(&[("rungs:kept:a", r#"{"updated":1000000000}"#)]);
        // Clamped to now + the allowance, which is before the value here.
        let plan = restore_kept(
            &from,
            &here,
            1_000_000_000 - super::super::time::ALLOWANCE - 1,
        );
        assert!(plan.writes.is_empty());
    }
}
