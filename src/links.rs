//! Where a link in ladder text goes. The importer keeps only `http:`, `https:`,
//! `mailto:` and relative targets (`ladder::Span::link`); this decides again, so the
//! app never makes a link of anything else, and points a relative target that names
//! another file of the ladder at that file's page.

use crate::ladder::Ladder;
use crate::route::Route;

/// The target as it is when it is an `http:`, `https:` or `mailto:` address.
pub fn absolute(target: &str) -> Option<String> {
    let lower = target.trim().to_ascii_lowercase();
    let kept = ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s));
    kept.then(|| target.trim().to_string())
}

/// The address of `target`, written in the file `from` of `ladder`: an absolute one
/// as it is ([`absolute`]); a relative one that names a level, guide or page of
/// expectations for everyone, that page's fragment; None for anything else.
pub fn href(ladder: &Ladder, from: &str, target: &str) -> Option<String> {
    if let Some(a) = absolute(target) {
        return Some(a);
    }
    let target = target.trim();
    if target.is_empty()
        || target.contains(':')
        || target.starts_with('/')
        || target.starts_with('#')
    {
        return None;
    }
    let path = target.split(['#', '?']).next().unwrap_or_default();
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    // `%20` and the like decoded; a `+` in a file name stays a `+`.
    let file = crate::route::decode(&parts.join("/").replace('+', "%2B"));
    let route = ladder
        .roles
        .iter()
        .find_map(|r| {
            r.levels
                .iter()
                .find(|l| l.source == file)
                .map(|l| Route::level(&r.id, &l.id))
        })
        .or_else(|| {
            ladder
                .guides
                .iter()
                .find(|g| g.source == file)
                .map(|g| Route::Guide(g.id.clone()))
        })
        .or_else(|| {
            ladder
                .everyone
                .iter()
                .find(|e| e.level.source == file)
                .map(|e| Route::Everyone(e.id.clone()))
        })?;
    Some(route.to_fragment())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Guide, Level, Role};

    fn ladder() -> Ladder {
        Ladder {
            roles: vec![Role {
                id: "eng/ops".into(),
                levels: vec![Level {
                    id: "l1".into(),
                    source: "Eng/Ops/L1-Ops.md".into(),
                    ..Level::default()
                }],
                ..Role::default()
            }],
            guides: vec![Guide {
                id: "eng/reviews".into(),
                source: "Eng/How reviews work.md".into(),
                ..Guide::default()
            }],
            ..Ladder::default()
        }
    }

    #[test]
    fn web_and_mail_addresses_are_kept_as_they_are() {
        for t in [
            "https://example.com/a?b#c",
            "http://example.com",
            "mailto:team@example.com",
            "HTTPS://X.Y",
        ] {
            assert_eq!(href(&ladder(), "Eng/x.md", t).as_deref(), Some(t));
        }
    }

    #[test]
    fn other_schemes_and_unknown_files_are_no_link() {
        for t in [
            "javascript:alert(1)",
            "data:text/html,x",
            " JavaScript:x",
            "vbscript:x",
            "/etc/passwd",
            "#top",
            "",
            "Other.md",
            "../../../x.md",
        ] {
            assert_eq!(href(&ladder(), "Eng/x.md", t), None, "{t}");
        }
    }

    #[test]
    fn a_relative_link_to_a_ladder_file_opens_its_page() {
        assert_eq!(
            href(&ladder(), "Eng/How reviews work.md", "Ops/L1-Ops.md").as_deref(),
            Some("#/eng/ops/l1")
        );
        assert_eq!(
            href(
                &ladder(),
                "Eng/Ops/L1-Ops.md",
                "../How%20reviews%20work.md#scale"
            )
            .as_deref(),
            Some("#/guide/eng/reviews")
        );
        assert_eq!(
            href(&ladder(), "Eng/Ops/L1-Ops.md", "./L1-Ops.md").as_deref(),
            Some("#/eng/ops/l1")
        );
    }
}
