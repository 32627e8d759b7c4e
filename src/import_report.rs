//! What the import page says about an import, decided here so the host can test it:
//! counts with their plurals, and messages with their `code` runs marked (the
//! linter's messages quote names in backticks, which the page shows as code, never as
//! raw backticks).

use crate::ladder::{slug, Everyone, Ladder};

/// The template level that the import page links for download, a file of the build
/// (`public/L1-Platform-Engineer.md`, so its text costs the import module nothing): the
/// canonical format, with a comment (not shown) on the folder layout. Its name is a
/// level file name, as the comment asks. Imports with no warnings (tested).
pub const TEMPLATE_NAME: &str = "L1-Platform-Engineer.md";

/// Marks a ladder imported in the browser so it sits beside the embedded one: ids
/// prefixed `imported-`, tracks suffixed ` (imported)`. Expectations for everyone of
/// every track become one page per imported track that has none of its own, so they
/// apply to the imported roles only.
pub fn mark_imported(ladder: &mut Ladder) {
    let mut tracks: Vec<String> = Vec::new();
    for r in &ladder.roles {
        if !tracks.contains(&r.track) {
            tracks.push(r.track.clone());
        }
    }
    let marked = |track: &str| format!("{track} (imported)");
    let mut pages: Vec<Everyone> = Vec::new();
    for page in &ladder.everyone {
        match &page.track {
            Some(t) => pages.push(Everyone {
                id: format!("imported-{}", page.id),
                track: Some(marked(t)),
                level: page.level.clone(),
            }),
            None => {
                for t in &tracks {
                    if !ladder.everyone.iter().any(|e| e.track.as_ref() == Some(t)) {
                        pages.push(Everyone {
                            id: format!("imported-{}/everyone", slug(t)),
                            track: Some(marked(t)),
                            level: page.level.clone(),
                        });
                    }
                }
            }
        }
    }
    ladder.everyone = pages;
    for role in &mut ladder.roles {
        role.id = format!("imported-{}", role.id);
        role.track = marked(&role.track);
    }
    for guide in &mut ladder.guides {
        guide.id = format!("imported-{}", guide.id);
        guide.track = marked(&guide.track);
        guide.role = guide.role.take().map(|r| format!("imported-{r}"));
    }
}

/// What to suggest when files picked without their folder were read as several
/// roles: Rungs names a role after its folder, and loose files have none.
pub fn folder_hint<'a>(paths: impl IntoIterator<Item = &'a str>, roles: usize) -> Option<String> {
    let mut paths = paths.into_iter().peekable();
    paths.peek()?;
    let loose = paths.all(|p| !p.contains('/'));
    (loose && roles > 1).then(|| {
        format!(
            "These files were picked without their folder and read as {}. If they are levels of one role, choose their folder instead (Choose a folder): Rungs names a role after its folder.",
            count(roles, "role")
        )
    })
}

/// `1 role`, `2 roles`, `0 errors`: `n` and `noun`, plural unless `n` is 1. Nouns
/// here form their plural with an `s`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What one import found, as the page counts it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub levels: usize,
    pub roles: usize,
    /// Files picked or dropped, read or not.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Files not read: too large, not text, unreadable.
    pub refused: usize,
    /// Files passed over by name: READMEs, hidden files, other extensions.
    pub skipped: usize,
}

impl Tally {
    /// The line above the list of problems, which lists one item per error, warning,
    /// refused and skipped file: `3 levels in 1 role from 5 files: 1 error, 1 warning,
    /// 1 file refused, 1 file skipped.`
    pub fn line(&self) -> String {
        format!(
            "{} in {} from {}: {}, {}, {} refused, {} skipped.",
            count(self.levels, "level"),
            count(self.roles, "role"),
            count(self.files, "file"),
            count(self.errors, "error"),
            count(self.warnings, "warning"),
            count(self.refused, "file"),
            count(self.skipped, "file"),
        )
    }

    /// How many items the list of problems holds.
    pub fn listed(&self) -> usize {
        self.errors + self.warnings + self.refused + self.skipped
    }
}

/// `message` in runs of (text, is code): the parts between backticks are code, the
/// backticks themselves are dropped. An unpaired backtick stays as it is.
pub fn code_runs(message: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        if open > 0 {
            out.push((&rest[..open], false));
        }
        out.push((&rest[open + 1..open + 1 + len], true));
        rest = &rest[open + len + 2..];
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = include_str!("../public/L1-Platform-Engineer.md");

    #[test]
    fn the_template_imports_as_one_level_with_no_warnings() {
        let path = format!("Engineering/Platform-Engineering/{TEMPLATE_NAME}");
        let import = crate::ladder::import::import_ladder([(path.as_str(), TEMPLATE.as_bytes())]);
        assert_eq!(import.diagnostics, vec![]);
        let role = &import.ladder.roles[0];
        assert_eq!(
            (role.track.as_str(), role.name.as_str()),
            ("Engineering", "Platform Engineering")
        );
        let level = &role.levels[0];
        assert_eq!(level.heading(), "L1: Platform Engineer");
        assert_eq!(level.attributes.len(), 2);
        assert_eq!(level.expectation_count(), 4);
        assert!(level.dimensions.iter().all(|d| d.examples.len() == 1));
        assert!(!level.summary.is_empty());
    }

    #[test]
    fn an_imported_ladder_is_marked_and_its_everyone_page_covers_only_its_own_tracks() {
        use crate::ladder::{Guide, Level, Role};
        use crate::route::Route;
        let role = |id: &str, track: &str| Role {
            id: id.into(),
            track: track.into(),
            ..Role::default()
        };
        let mut ladder = Ladder {
            roles: vec![
                role("eng/ops", "Eng"),
                role("eng/dev", "Eng"),
                role("support/desk", "Support"),
            ],
            guides: vec![Guide {
                id: "eng/scale".into(),
                track: "Eng".into(),
                role: Some("eng/ops".into()),
                ..Guide::default()
            }],
            everyone: vec![
                Everyone {
                    id: "everyone".into(),
                    track: None,
                    level: Level::default(),
                },
                Everyone {
                    id: "support/everyone".into(),
                    track: Some("Support".into()),
                    level: Level::default(),
                },
            ],
            ..Ladder::default()
        };
        mark_imported(&mut ladder);
        assert_eq!(ladder.roles[0].id, "imported-eng/ops");
        assert_eq!(ladder.roles[0].track, "Eng (imported)");
        assert_eq!(ladder.guides[0].id, "imported-eng/scale");
        assert_eq!(ladder.guides[0].role.as_deref(), Some("imported-eng/ops"));
        let pages: Vec<(&str, Option<&str>)> = ladder
            .everyone
            .iter()
            .map(|e| (e.id.as_str(), e.track.as_deref()))
            .collect();
        assert_eq!(
            pages,
            [
                ("imported-eng/everyone", Some("Eng (imported)")),
                ("imported-support/everyone", Some("Support (imported)"))
            ]
        );
        // Each page's route leads back to it.
        for e in &ladder.everyone {
            let Route::Everyone(id) = Route::parse(&Route::Everyone(e.id.clone()).to_fragment())
            else {
                panic!()
            };
            assert_eq!(id, e.id);
        }
        assert_eq!(
            ladder.everyone_for(&ladder.roles[2]).map(|e| e.id.as_str()),
            Some("imported-support/everyone")
        );
        // None applies to a role of the embedded ladder.
        assert_eq!(ladder.everyone_for(&role("x/y", "Eng")), None);
    }

    #[test]
    fn loose_files_read_as_several_roles_suggest_a_folder() {
        let hint =
            folder_hint(["L1-Support-Engineer.md", "L2-Support-Manager.md"], 2).expect("a hint");
        assert!(
            hint.starts_with("These files were picked without their folder and read as 2 roles."),
            "{hint}"
        );
        assert!(hint.contains("choose their folder instead"), "{hint}");
        assert_eq!(
            folder_hint(["L1-Support-Engineer.md", "L2-Support-Engineer.md"], 1),
            None
        );
        assert_eq!(
            folder_hint(["Ops/Support/L1.md", "Ops/Desk/L1.md"], 2),
            None
        );
        assert_eq!(folder_hint([], 0), None);
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "role"), "1 role");
        assert_eq!(count(2, "role"), "2 roles");
        assert_eq!(count(0, "error"), "0 errors");
    }

    #[test]
    fn the_line_counts_what_the_list_shows() {
        let t = Tally {
            levels: 3,
            roles: 1,
            files: 5,
            errors: 1,
            warnings: 1,
            refused: 1,
            skipped: 1,
        };
        assert_eq!(
            t.line(),
            "3 levels in 1 role from 5 files: 1 error, 1 warning, 1 file refused, 1 file skipped."
        );
        assert_eq!(t.listed(), 4);
        let t = Tally {
            levels: 4,
            roles: 2,
            files: 6,
            errors: 0,
            warnings: 2,
            refused: 0,
            skipped: 2,
        };
        assert_eq!(t.line(), "4 levels in 2 roles from 6 files: 0 errors, 2 warnings, 0 files refused, 2 files skipped.");
    }

    #[test]
    fn backticks_mark_code_and_are_not_shown() {
        assert_eq!(
            code_runs("dimension `Pipelines` has no expectations"),
            vec![
                ("dimension ", false),
                ("Pipelines", true),
                (" has no expectations", false)
            ]
        );
        assert_eq!(
            code_runs("`a` and `b`"),
            vec![("a", true), (" and ", false), ("b", true)]
        );
        assert_eq!(code_runs("a lone ` stays"), vec![("a lone ` stays", false)]);
        assert_eq!(code_runs("plain"), vec![("plain", false)]);
    }
}
