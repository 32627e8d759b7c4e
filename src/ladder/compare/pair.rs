//! Which level to compare a level with when nothing is chosen yet.

use crate::ladder::model::Ladder;

/// The level to compare a level with by default: the next level of its role,
/// or the previous one for the role's last level; `None` when the role has
/// one level or the ids are unknown. Returns `(role id, level id)`.
///
/// Levels are in the role's order: by number, unnumbered ones last.
pub fn default_pair<'a>(
    ladder: &'a Ladder,
    role_id: &str,
    level_id: &str,
) -> Option<(&'a str, &'a str)> {
    let role = ladder.role(role_id)?;
    let at = role.levels.iter().position(|l| l.id == level_id)?;
    let other = if at + 1 < role.levels.len() {
        at + 1
    } else {
        at.checked_sub(1)?
    };
    Some((&role.id, &role.levels[other].id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Level, Role};

    fn ladder(levels: &[&str]) -> Ladder {
        let levels = levels
            .iter()
            .map(|id| Level {
                id: (*id).into(),
                ..Level::default()
            })
            .collect();
        Ladder {
            guides: Vec::new(),
            everyone: Vec::new(),
            version: String::new(),
            roles: vec![Role {
                id: "eng/dev".into(),
                levels,
                ..Role::default()
            }],
        }
    }

    #[test]
    fn default_pair_is_the_next_level() {
        assert_eq!(
            default_pair(&ladder(&["l1", "l2", "l3"]), "eng/dev", "l2"),
            Some(("eng/dev", "l3"))
        );
    }

    #[test]
    fn default_pair_of_the_last_level_is_the_one_before() {
        assert_eq!(
            default_pair(&ladder(&["l1", "l2", "l3"]), "eng/dev", "l3"),
            Some(("eng/dev", "l2"))
        );
    }

    #[test]
    fn default_pair_needs_two_levels_and_known_ids() {
        assert_eq!(default_pair(&ladder(&["l1"]), "eng/dev", "l1"), None);
        assert_eq!(default_pair(&ladder(&["l1", "l2"]), "eng/dev", "l9"), None);
        assert_eq!(default_pair(&ladder(&["l1", "l2"]), "other", "l1"), None);
    }
}
