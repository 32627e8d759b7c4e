//! Which files are ladder levels, and where a file sits in the ladder.
//!
//! Skipped, silently (the app embeds every file of the ladder folder):
//! - hidden files and anything inside a hidden folder (a segment starting
//!   with `.`, which includes `..`);
//! - project files: `README`, `LICENSE`/`LICENCE`, `COPYING`, `CHANGELOG`,
//!   `CHANGES`, `HISTORY`, `CONTRIBUTING`, `CONTRIBUTORS`, `AUTHORS`,
//!   `CODE_OF_CONDUCT`, `SECURITY`, `NOTICE`, `CODEOWNERS`, `TODO`, in any case,
//!   with any extension or suffix (`LICENSE-MIT`, `README.fr.md`);
//! - files with an extension other than a markdown one (`md`, `markdown`,
//!   `mdown`, `mkd`, `mkdn`, `mdwn`, `mdtxt`). Files with no extension are
//!   levels; `.5` or `. Engineer` after a dot do not count as extensions;
//! - binary files: a NUL byte in the first 8 KiB (UTF-16 with a BOM excepted).
//!
//! Folders give the track and the role family:
//! - `Track/Role-Family/Level.md`: the usual layout;
//! - `Level.md` at the top: track `General`, role family from the level title;
//! - `Role-Family/Level.md`: track `General`;
//! - `Track/A/B/Level.md`: track `Track`, role family `A / B`.

pub(crate) const GENERAL: &str = "General";

const PROJECT_FILES: [&str; 16] = [
    "readme",
    "license",
    "licence",
    "copying",
    "changelog",
    "changes",
    "history",
    "contributing",
    "contributors",
    "authors",
    "code_of_conduct",
    "code-of-conduct",
    "security",
    "notice",
    "codeowners",
    "todo",
];

const MARKDOWN: [&str; 7] = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt"];

/// Where a level file sits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    /// Display name of the track.
    pub track: String,
    /// Display name of the role family; `None` when it comes from the level title.
    pub role: Option<String>,
    /// The file name without its markdown extension.
    pub stem: String,
}

/// Why a file is not a level, judged by its path alone.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    #[error("hidden file; skipped")]
    Hidden,
    #[error("project file (README, LICENSE and the like); skipped")]
    ProjectFile,
    #[error("`.{extension}` is not a markdown extension; skipped")]
    NotMarkdown { extension: String },
    #[error("no file name; skipped")]
    NoName,
}

fn segments(path: &str) -> Vec<&str> {
    path.split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect()
}

/// Why the file at `path` is skipped whatever it holds, or `None` when it may be a level.
pub(crate) fn skipped_by_name(path: &str) -> Option<Skip> {
    let segments = segments(path);
    let Some(name) = segments.last() else {
        return Some(Skip::NoName);
    };
    if segments.iter().any(|s| s.starts_with('.')) {
        return Some(Skip::Hidden);
    }
    if is_project_file(name) {
        return Some(Skip::ProjectFile);
    }
    match extension(name) {
        Some((_, ext)) if !MARKDOWN.iter().any(|m| m.eq_ignore_ascii_case(ext)) => {
            Some(Skip::NotMarkdown {
                extension: ext.to_owned(),
            })
        }
        _ => None,
    }
}

/// Where the file sits in the ladder, or `None` when it is not a level.
pub(crate) fn place(path: &str, bytes: &[u8]) -> Option<Place> {
    if skipped_by_name(path).is_some() || is_binary(bytes) {
        return None;
    }
    let segments = segments(path);
    let (name, dirs) = segments.split_last()?;
    let stem = extension(name).map_or(*name, |(stem, _)| stem);
    let (track, role) = match dirs {
        [] => (GENERAL.to_owned(), None),
        [role] => (GENERAL.to_owned(), Some(display_name(role))),
        [track, role] => (display_name(track), Some(display_name(role))),
        [track, rest @ ..] => {
            let names: Vec<String> = rest.iter().map(|d| display_name(d)).collect();
            (display_name(track), Some(names.join(" / ")))
        }
    };
    Some(Place {
        track,
        role,
        stem: stem.to_owned(),
    })
}

/// `Site-Reliability_Engineering` → `Site Reliability Engineering`.
pub(crate) fn display_name(segment: &str) -> String {
    let spaced: String = segment
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_project_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PROJECT_FILES.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// `(stem, extension)` when the name ends in something that looks like one.
fn extension(name: &str) -> Option<(&str, &str)> {
    let dot = name.rfind('.').filter(|&i| i > 0)?;
    let ext = &name[dot + 1..];
    let looks_like = (1..=10).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && ext.bytes().any(|b| b.is_ascii_alphabetic());
    looks_like.then(|| (&name[..dot], ext))
}

/// A NUL byte in the first 8 KiB, unless the file starts with a UTF-16 BOM.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    // Folded in blocks (vectorised) rather than a byte-wise search.
    !utf16
        && bytes[..bytes.len().min(8192)]
            .chunks(64)
            .any(|c| c.iter().fold(false, |z, &b| z | (b == 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(path: &str) -> Option<(String, Option<String>, String)> {
        place(path, b"# L1").map(|p| (p.track, p.role, p.stem))
    }

    #[test]
    fn track_and_role_come_from_two_folders() {
        assert_eq!(
            placed("Engineering/Site-Reliability-Engineering/L2-Site-Reliability-Engineer.md"),
            Some((
                "Engineering".into(),
                Some("Site Reliability Engineering".into()),
                "L2-Site-Reliability-Engineer".into()
            ))
        );
    }

    #[test]
    fn other_depths_have_documented_places() {
        assert_eq!(
            placed("L1-Engineer.md"),
            Some(("General".into(), None, "L1-Engineer".into()))
        );
        assert_eq!(
            placed("Data_Science/L1"),
            Some(("General".into(), Some("Data Science".into()), "L1".into()))
        );
        assert_eq!(
            placed("Engineering/Platform/SRE/L1.markdown"),
            Some((
                "Engineering".into(),
                Some("Platform / SRE".into()),
                "L1".into()
            ))
        );
    }

    #[test]
    fn project_and_hidden_files_are_skipped() {
        for path in [
            "README.md",
            "README",
            "Engineering/readme.fr.md",
            "LICENSE-MIT",
            "CHANGELOG.md",
            ".github/L1.md",
            "Engineering/.draft.md",
            "../L1.md",
            "",
            "/",
        ] {
            assert_eq!(placed(path), None, "{path}");
        }
    }

    #[test]
    fn only_markdown_extensions_or_none_are_levels() {
        for path in ["a/b/logo.png", "a/b/data.json", "ci.yml", "a/b/notes.txt"] {
            assert_eq!(placed(path), None, "{path}");
        }
        for path in [
            "a/b/L2.MD",
            "a/b/L2",
            "a/b/Level 2.5",
            "a/b/L2 Sr. Engineer",
            "a/b/Readmeister.md",
        ] {
            assert!(placed(path).is_some(), "{path}");
        }
    }

    #[test]
    fn skipped_names_say_why() {
        assert_eq!(skipped_by_name("a/.DS_Store"), Some(Skip::Hidden));
        assert_eq!(skipped_by_name(".git/HEAD"), Some(Skip::Hidden));
        assert_eq!(skipped_by_name("LICENSE-MIT"), Some(Skip::ProjectFile));
        assert_eq!(
            skipped_by_name("a/b/logo.PNG"),
            Some(Skip::NotMarkdown {
                extension: "PNG".into()
            })
        );
        assert_eq!(skipped_by_name("/"), Some(Skip::NoName));
        assert_eq!(skipped_by_name("a/b/L2 Sr. Engineer"), None);
    }

    #[test]
    fn binary_files_are_skipped() {
        assert_eq!(place("a/b/L1", b"\x89PNG\r\n\x1a\n\0\0"), None);
        assert!(place("a/b/L1", b"\xff\xfe#\0").is_some());
    }

    #[test]
    fn display_names_turn_dashes_and_underscores_into_spaces() {
        assert_eq!(
            display_name("Site-Reliability__Engineering-"),
            "Site Reliability Engineering"
        );
    }
}
