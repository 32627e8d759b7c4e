//! Timestamps from outside this tab: a backup, another tab's stored value, a link.
//!
//! Merges keep the newest answer by its stamp, so a stamp far in the future (a device
//! with a wrong clock, a hand-edited backup) would win against every later edit. Every
//! stamp that comes from outside is therefore clamped with [`clamp_time`] to at most
//! `now + ALLOWANCE` when it is read (another tab's value, a link). The allowance
//! covers small clock differences between devices; a stamp clamped once is kept
//! clamped (it is saved that way), and an edit made here is always stamped after the
//! answer it replaces, so a clamped value can win for at most [`ALLOWANCE`].
//!
//! A backup is stricter: it was made before it is imported, so its stamps are
//! clamped to the moment of the import (no allowance, see
//! [`Progress::restore_backup`]). A far-future backup then never outranks anything
//! done here after the import, a local clear included.

use super::answers::Progress;

/// How far in the future a stamp from outside may be: ten minutes, in milliseconds.
pub const ALLOWANCE: u64 = 10 * 60 * 1000;

/// `t` (milliseconds since the Unix epoch) clamped to `now + ALLOWANCE`.
///
/// ```
/// use rungs::progress::{clamp_time, ALLOWANCE};
/// assert_eq!(clamp_time(5, 1_000), 5);
/// assert_eq!(clamp_time(u64::MAX, 1_000), 1_000 + ALLOWANCE);
/// ```
pub fn clamp_time(t: u64, now: u64) -> u64 {
    t.min(now.saturating_add(ALLOWANCE))
}

impl Progress {
    /// Clamps every stamp (answers and the reset) with [`clamp_time`]: for progress
    /// read from outside this tab, before it is merged.
    pub fn clamp_times(&mut self, now: u64) {
        self.cap_times(now.saturating_add(ALLOWANCE));
    }

    /// Caps every stamp (answers and the reset) at `limit`.
    pub(super) fn cap_times(&mut self, limit: u64) {
        for answer in self.answers.values_mut() {
            answer.updated = answer.updated.min(limit);
        }
        self.reset = self.reset.min(limit);
    }
}

/// Days since 1970-01-01 as a (year, month, day) of the proleptic Gregorian calendar
/// (Howard Hinnant's days-to-civil).
pub fn civil_day(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + u64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Rating;

    #[test]
    fn a_far_future_stamp_is_clamped_and_a_near_one_is_kept() {
        let now = 1_000_000;
        assert_eq!(clamp_time(now + 5, now), now + 5);
        assert_eq!(clamp_time(now + ALLOWANCE, now), now + ALLOWANCE);
        assert_eq!(clamp_time(u64::MAX, now), now + ALLOWANCE);
        assert_eq!(clamp_time(3, u64::MAX), 3);
    }

    #[test]
    fn clamping_progress_clamps_answers_and_the_reset() {
        let mut p = Progress::default();
        p.rate("a", "A.", Some(Rating::Maturing), u64::MAX - 1);
        p.reset = u64::MAX;
        p.clamp_times(100);
        assert_eq!(p.answer("a").map(|a| a.updated), Some(100 + ALLOWANCE));
        assert_eq!(p.reset, 100 + ALLOWANCE);
    }
}
