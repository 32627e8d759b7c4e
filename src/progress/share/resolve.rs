//! Lining a decoded link up with the local ladder, which may be another version.

use super::key::ExpectationKey;
use super::{Entry, SharedAssessment};
use crate::ladder::{Expectation, Ladder, Level, Role};

/// Where the link's role and level are in the local ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    /// Both are there.
    Found(&'a Role, &'a Level),
    /// The ladder has no role with the link's role id.
    NoRole,
    /// The role is there but has no level with the link's level id.
    NoLevel(&'a Role),
}

/// Both sides' marks for one expectation id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks<'a> {
    pub id: ExpectationKey,
    /// The person's own mark, if they made one.
    pub own: Option<&'a Entry>,
    /// The manager's mark, in a reply, if they made one.
    pub manager: Option<&'a Entry>,
}

/// A marked expectation that the local level still has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Matched<'a> {
    /// The local expectation, with its current text.
    pub expectation: &'a Expectation,
    pub marks: Marks<'a>,
}

/// A link read against the local ladder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub place: Place<'a>,
    /// The link was made from this very ladder version: every id should match.
    pub same_version: bool,
    /// Marks on expectations the local level has, in the level's order.
    pub matched: Vec<Matched<'a>>,
    /// Marks whose expectation the local level no longer has (its words changed, or
    /// it was removed), in id order. All of them when the role or level is missing.
    pub unmatched: Vec<Marks<'a>>,
}

impl<'a> Resolved<'a> {
    /// The marks on the local expectation with id `id`, when the link has any.
    pub fn marks(&self, id: &str) -> Option<Marks<'a>> {
        self.matched
            .iter()
            .find(|m| m.expectation.id == id)
            .map(|m| m.marks)
    }
}

/// Split the marks of `shared` into those that match an expectation of its role and
/// level in `ladder` (or one of the ladder's expectations for everyone in that role)
/// by id, and those that match none.
///
/// Ids are hashes of an expectation's words, so an expectation whose words changed
/// since the link was made shows up as unmatched, not as a wrong match. Nothing is
/// dropped: every marked id is in exactly one of the two lists.
pub fn resolve<'a>(shared: &'a SharedAssessment, ladder: &'a Ladder) -> Resolved<'a> {
    let manager = shared.manager.as_ref().map(|m| &m.side);
    let marks_of = |id: ExpectationKey| Marks {
        id,
        own: shared.self_side.entries.get(&id),
        manager: manager.and_then(|side| side.entries.get(&id)),
    };
    let ids = shared.self_side.keys_with(manager);

    let place = match ladder.role(&shared.role) {
        None => Place::NoRole,
        Some(role) => match role.level(&shared.level) {
            None => Place::NoLevel(role),
            Some(level) => Place::Found(role, level),
        },
    };
    let mut matched = Vec::new();
    if let Place::Found(role, level) = place {
        // The level's expectations, then those for everyone that apply to its role,
        // which a link carries as the level's (`everyone::with_everyone`).
        let everyone = ladder.everyone_for(role).map(|e| &e.level.dimensions);
        let dimensions = level
            .dimensions
            .iter()
            .chain(everyone.into_iter().flatten());
        for expectation in dimensions.flat_map(|d| &d.expectations) {
            let Some(id) = ExpectationKey::parse(&expectation.id) else {
                continue;
            };
            if ids.binary_search(&id).is_ok() {
                matched.push(Matched {
                    expectation,
                    marks: marks_of(id),
                });
            }
        }
    }
    let unmatched = ids
        .into_iter()
        .filter(|id| !matched.iter().any(|m| m.marks.id == *id))
        .map(marks_of)
        .collect();
    Resolved {
        place,
        same_version: shared.ladder_version == ladder.version,
        matched,
        unmatched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{expectation_id, Dimension, Text};
    use crate::progress::share::{ManagerSide, Side};
    use crate::progress::Rating;

    fn key(words: &str) -> ExpectationKey {
        ExpectationKey::parse(&expectation_id(words)).expect("real ids parse")
    }

    fn rated(rating: Rating) -> Entry {
        Entry {
            rating: Some(rating),
            note: String::new(),
        }
    }

    /// A ladder version `v1` with role `e/r`, level `l1`, expectations `words` in order.
    fn ladder(words: &[&str]) -> Ladder {
        let expectations = words
            .iter()
            .map(|w| Expectation {
                id: expectation_id(w),
                text: Text::plain(*w),
                ..Expectation::default()
            })
            .collect();
        Ladder {
            guides: Vec::new(),
            everyone: Vec::new(),
            version: "v1".to_owned(),
            roles: vec![Role {
                id: "e/r".to_owned(),
                levels: vec![Level {
                    id: "l1".to_owned(),
                    dimensions: vec![Dimension {
                        expectations,
                        ..Dimension::default()
                    }],
                    ..Level::default()
                }],
                ..Role::default()
            }],
        }
    }

    fn shared(own: &[(&str, Rating)]) -> SharedAssessment {
        SharedAssessment {
            ladder_version: "v1".to_owned(),
            role: "e/r".to_owned(),
            level: "l1".to_owned(),
            self_side: Side {
                entries: own.iter().map(|(w, r)| (key(w), rated(*r))).collect(),
            },
            ..SharedAssessment::default()
        }
    }

    fn matched_words(resolved: &Resolved) -> Vec<String> {
        let words = resolved.matched.iter();
        words.map(|m| m.expectation.text.to_plain()).collect()
    }

    #[test]
    fn marks_match_expectations_by_id_in_ladder_order() {
        let ladder = ladder(&["I ship.", "I review.", "I mentor."]);
        let link = shared(&[
            ("I mentor.", Rating::Exceeding),
            ("I ship.", Rating::Maturing),
        ]);
        let resolved = resolve(&link, &ladder);
        assert!(resolved.same_version);
        assert_eq!(matched_words(&resolved), ["I ship.", "I mentor."]);
        assert_eq!(
            resolved.matched[1].marks.own,
            Some(&rated(Rating::Exceeding))
        );
        let mentor = resolved
            .marks(&expectation_id("I mentor."))
            .expect("marked");
        assert_eq!(mentor.own, Some(&rated(Rating::Exceeding)));
        assert_eq!(resolved.marks(&expectation_id("I review.")), None);
        assert_eq!(resolved.unmatched, []);
    }

    #[test]
    fn marks_on_the_expectations_for_everyone_match_after_the_levels_own() {
        let everyone = ladder(&["I treat everyone with respect."]).roles.remove(0);
        let mut ladder = ladder(&["I ship."]);
        ladder.everyone.push(crate::ladder::Everyone {
            id: "everyone".to_owned(),
            track: None,
            level: everyone.levels[0].clone(),
        });
        let link = shared(&[
            ("I treat everyone with respect.", Rating::Performing),
            ("I ship.", Rating::Maturing),
        ]);
        let resolved = resolve(&link, &ladder);
        assert_eq!(
            matched_words(&resolved),
            ["I ship.", "I treat everyone with respect."]
        );
        assert_eq!(resolved.unmatched, []);
    }

    #[test]
    fn marks_on_changed_words_are_listed_as_unmatched() {
        let ladder = ladder(&["I ship often.", "I review."]);
        let mut link = shared(&[
            ("I ship.", Rating::Performing),
            ("I review.", Rating::Maturing),
        ]);
        link.ladder_version = "v0".to_owned();
        let resolved = resolve(&link, &ladder);
        assert!(!resolved.same_version);
        assert_eq!(matched_words(&resolved), ["I review."]);
        let unmatched: Vec<ExpectationKey> = resolved.unmatched.iter().map(|m| m.id).collect();
        assert_eq!(unmatched, [key("I ship.")]);
    }

    #[test]
    fn a_manager_mark_alone_is_matched_with_no_own_mark() {
        let ladder = ladder(&["I ship."]);
        let mut link = shared(&[]);
        let mut side = Side::default();
        side.entries
            .insert(key("I ship."), rated(Rating::Performing));
        link.manager = Some(ManagerSide {
            name: None,
            side,
            comment: String::new(),
        });
        let resolved = resolve(&link, &ladder);
        let marks = resolved.matched[0].marks;
        assert_eq!(
            (marks.own, marks.manager),
            (None, Some(&rated(Rating::Performing)))
        );
    }

    #[test]
    fn a_missing_role_or_level_leaves_every_mark_unmatched() {
        let ladder = ladder(&["I ship."]);
        let mut link = shared(&[("I ship.", Rating::Performing)]);
        link.level = "l9".to_owned();
        let resolved = resolve(&link, &ladder);
        assert_eq!(resolved.place, Place::NoLevel(&ladder.roles[0]));
        assert_eq!((resolved.matched.len(), resolved.unmatched.len()), (0, 1));
        link.role = "e/gone".to_owned();
        let resolved = resolve(&link, &ladder);
        assert_eq!(resolved.place, Place::NoRole);
        assert_eq!((resolved.matched.len(), resolved.unmatched.len()), (0, 1));
    }
}
