//! Bearings for a returning person: the level they last worked on, and how much of it
//! is rated, for the home page's "Continue".

use super::answers::Progress;
use crate::ladder::{Ladder, Level, Role};

/// Where to continue: the level holding the answer changed last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Continue<'a> {
    pub role: &'a Role,
    pub level: &'a Level,
    /// Expectations of the level rated, of `total`.
    pub rated: usize,
    pub total: usize,
}

impl Progress {
    /// The level of `ladder` whose answer (rating or evidence) changed last, with its
    /// rated count; `None` when nothing answered is in the ladder.
    pub fn continue_at<'a>(&self, ladder: &'a Ladder) -> Option<Continue<'a>> {
        let mut best: Option<(u64, &'a Role, &'a Level)> = None;
        for role in &ladder.roles {
            for level in &role.levels {
                let expectations = level.dimensions.iter().flat_map(|d| &d.expectations);
                for x in expectations {
                    let Some(a) = self.answer(&x.id).filter(|a| !a.is_blank()) else {
                        continue;
                    };
                    if best.is_none_or(|(at, ..)| a.updated > at) {
                        best = Some((a.updated, role, level));
                    }
                }
            }
        }
        let (_, role, level) = best?;
        let all = level.dimensions.iter().flat_map(|d| &d.expectations);
        let rated = all.filter(|x| self.rating(&x.id).is_some()).count();
        Some(Continue {
            role,
            level,
            rated,
            total: level.expectation_count(),
        })
    }
}

impl Continue<'_> {
    /// `Continue: L2: Site Reliability Engineer, 5 of 12 rated`.
    pub fn line(&self) -> String {
        format!(
            "Continue: {}, {} of {} rated",
            self.level.heading(),
            self.rated,
            self.total
        )
    }
}
