//! What a ladder imported in the browser may hold, file by file.
//!
//! The same rules as the importer and the linter, plus size limits, with a
//! reason for every file that is not imported so the page can list them:
//! - **Skipped** by name, whatever the file holds (so it need not be read):
//!   hidden files and anything in a hidden folder (`.DS_Store`, `.git/…`),
//!   project files (`README`, `LICENSE` …) and files whose extension is not
//!   a markdown one. A file with no extension may be a level, as on disk.
//! - **Refused**, a file over [`MAX_FILE_BYTES`], 1 MiB (1,048,576 bytes):
//!   a level file is a few KiB (the import benchmark's 1 MB is 106 levels).
//! - **Refused**, every level file when together they pass
//!   [`MAX_TOTAL_BYTES`], 5 MiB (5,242,880 bytes): part of a ladder would
//!   look like a whole one. Skipped and refused files do not count.
//! - **Refused**, a file that is not text: a NUL byte in its first 8 KiB,
//!   unless it starts with a UTF-16 BOM (the importer's own rule; on disk
//!   such files are skipped silently). Invalid UTF-8 is *not* refused: the
//!   importer reads it as Windows-1252 or with U+FFFD, and repairs mojibake,
//!   each with a warning at its line, exactly as `ladder check` reports it.
//!
//! [`screen`] decides from each file's path, size and first bytes, so a page
//! can check names and sizes before reading anything (with no bytes yet,
//! only the text check is left out). [`import_checked`] screens files read
//! into memory and imports the accepted ones with [`import_ladder`].
//!
//! Caps on what a level holds, checked by every import (the linter's, the
//! build's and the browser's), each an error at its line that keeps the text:
//! - at most [`MAX_WORDS_PER_EXPECTATION`] (200) words in an expectation,
//!   words being the pieces between spaces (the shipped ladder's longest has 34);
//! - at most [`MAX_EXPECTATIONS_PER_LEVEL`] (200) expectations in a level
//!   (the shipped ladder's largest has 26), reported once, at the first past it.
//!
//! Within them, comparing two levels always gets its full matching and word
//! diff (`matching` and `similar` state their own bounds for anything larger,
//! such as an imported ladder kept with these errors).

use super::diagnostic::Problem;
use super::paths::{is_binary, skipped_by_name, Skip};
use super::{import_ladder, Import};
use crate::ladder::model::Text;

/// The most words an expectation may hold (see the module docs).
pub const MAX_WORDS_PER_EXPECTATION: usize = 200;

/// The most expectations a level may hold (see the module docs).
pub const MAX_EXPECTATIONS_PER_LEVEL: usize = 200;

/// The problem with an expectation whose text passes a cap, if it does:
/// `count` is its place in the level (1 for the first). Linear in the text,
/// and nothing to count for texts of at most 400 bytes.
pub(crate) fn expectation_caps(text: &Text, count: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    let bytes: usize = text.0.iter().map(|s| s.text.len()).sum();
    // A word and its space take two bytes at least.
    if bytes > 2 * MAX_WORDS_PER_EXPECTATION {
        let words = word_count(text);
        if words > MAX_WORDS_PER_EXPECTATION {
            problems.push(Problem::TooManyWords { words });
        }
    }
    if count == MAX_EXPECTATIONS_PER_LEVEL + 1 {
        problems.push(Problem::TooManyExpectations);
    }
    problems
}

/// The pieces of `text` between whitespace, across its spans.
fn word_count(text: &Text) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in text.0.iter().flat_map(|s| s.text.chars()) {
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// The largest file imported: 1 MiB.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The most bytes of level files imported in all: 5 MiB.
pub const MAX_TOTAL_BYTES: u64 = 5 << 20;

/// Why a file that could be a level is not imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("file is {size} bytes; a file may hold at most 1 MiB ({MAX_FILE_BYTES} bytes)")]
    TooLarge { size: u64 },
    #[error(
        "level files come to {total} bytes in all; at most 5 MiB ({MAX_TOTAL_BYTES} bytes) may be imported"
    )]
    TotalTooLarge { total: u64 },
    #[error("not a text file (a NUL byte in the first 8 KiB)")]
    NotText,
    #[error("the browser could not read the file")]
    Unreadable,
}

/// What happens to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Skipped(Skip),
    Refused(Refusal),
}

/// One file and what happens to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screened {
    /// Relative to the ladder folder, with `/` separators.
    pub path: String,
    pub size: u64,
    pub verdict: Verdict,
}

/// Decide for each `(path, size in bytes, first bytes)`, sorted by path (see
/// the module docs). `head` is the whole file or at least its first 8 KiB;
/// it may be empty before the file is read.
pub fn screen<'a>(files: impl IntoIterator<Item = (&'a str, u64, &'a [u8])>) -> Vec<Screened> {
    screen_all(&files.into_iter().collect::<Vec<_>>())
}

/// [`screen`] for files in a slice: one copy of the code, however the files come.
fn screen_all(files: &[(&str, u64, &[u8])]) -> Vec<Screened> {
    let mut out: Vec<Screened> = files
        .iter()
        .map(|&(path, size, head)| Screened {
            path: path.to_owned(),
            size,
            verdict: match skipped_by_name(path) {
                Some(skip) => Verdict::Skipped(skip),
                None if size > MAX_FILE_BYTES => Verdict::Refused(Refusal::TooLarge { size }),
                None if is_binary(head) => Verdict::Refused(Refusal::NotText),
                None => Verdict::Accepted,
            },
        })
        .collect();
    sort_by_path(&mut out);
    let total: u64 = out
        .iter()
        .filter(|f| f.verdict == Verdict::Accepted)
        .map(|f| f.size)
        .sum();
    if total > MAX_TOTAL_BYTES {
        for file in out.iter_mut().filter(|f| f.verdict == Verdict::Accepted) {
            file.verdict = Verdict::Refused(Refusal::TotalTooLarge { total });
        }
    }
    out
}

/// Sorts `files` by path, stably (one sort routine for all screened files).
fn sort_by_path(files: &mut [Screened]) {
    crate::ladder::order::sort_by(files, |a, b| a.path.cmp(&b.path));
}

/// Files screened and the ladder their accepted files make.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    /// Every file given, sorted by path.
    pub files: Vec<Screened>,
    /// The accepted files imported; empty when none was accepted.
    pub import: Import,
}

impl Checked {
    /// Adds `unread`, files screened out before they were read (as a page screens
    /// names and sizes first), to [`Checked::files`], keeping them sorted by path.
    pub fn add_unread(&mut self, unread: Vec<Screened>) {
        self.files.extend(unread);
        sort_by_path(&mut self.files);
    }

    /// Whether any file that could be a level was refused.
    pub fn has_refusals(&self) -> bool {
        self.files
            .iter()
            .any(|f| matches!(f.verdict, Verdict::Refused(_)))
    }
}

/// Screen `(path, contents)` pairs held in memory and import the accepted
/// ones: the same model and diagnostics as `ladder check` on a folder
/// holding those files. Paths are relative to the ladder folder.
pub fn import_checked<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Checked {
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    let screened = screen(files.iter().map(|(p, b)| (*p, b.len() as u64, *b)));
    let accepted = files.iter().copied().filter(|(path, _)| {
        // `screened` is sorted by path.
        screened
            .binary_search_by(|s| s.path.as_str().cmp(path))
            .is_ok_and(|i| screened[i].verdict == Verdict::Accepted)
    });
    Checked {
        import: import_ladder(accepted),
        files: screened,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{Span, Style};

    #[test]
    fn words_are_counted_across_spans() {
        let text = Text(vec![
            Span {
                text: "I  own".into(),
                style: Style::default(),
                link: None,
            },
            Span {
                text: "ed it, ".into(),
                style: Style {
                    strong: true,
                    ..Style::default()
                },
                link: None,
            },
            Span {
                text: "\u{a0}x".into(),
                style: Style::default(),
                link: None,
            },
        ]);
        assert_eq!(word_count(&text), 4);
    }

    #[test]
    fn an_expectation_at_the_caps_passes_and_one_past_them_does_not() {
        let words = |n: usize| Text::plain(vec!["word"; n].join(" "));
        assert_eq!(expectation_caps(&words(200), 200), []);
        assert_eq!(
            expectation_caps(&words(201), 201),
            [
                Problem::TooManyWords { words: 201 },
                Problem::TooManyExpectations
            ]
        );
        assert_eq!(expectation_caps(&words(1), 202), []);
    }

    fn verdicts(files: &[(&str, u64, &[u8])]) -> Vec<(String, Verdict)> {
        screen(files.iter().copied())
            .into_iter()
            .map(|s| (s.path, s.verdict))
            .collect()
    }

    fn one(path: &str, size: u64, head: &[u8]) -> Verdict {
        verdicts(&[(path, size, head)]).remove(0).1
    }

    #[test]
    fn a_file_of_exactly_one_mib_is_accepted() {
        assert_eq!(one("A/B/L2.md", 1_048_576, b"# L2"), Verdict::Accepted);
    }

    #[test]
    fn a_file_over_one_mib_is_refused() {
        assert_eq!(
            one("A/B/L2.md", 1_048_577, b"# L2"),
            Verdict::Refused(Refusal::TooLarge { size: 1_048_577 })
        );
        assert_eq!(
            Refusal::TooLarge { size: 1_048_577 }.to_string(),
            "file is 1048577 bytes; a file may hold at most 1 MiB (1048576 bytes)"
        );
    }

    #[test]
    fn level_files_over_five_mib_in_all_are_all_refused() {
        let mib = 1 << 20;
        let files = [
            ("A/B/L1.md", mib, &b""[..]),
            ("A/B/L2.md", mib, b""),
            ("A/B/L3.md", mib, b""),
            ("A/B/L4.md", mib, b""),
            ("A/B/L5.md", mib, b""),
            ("A/B/L6.md", 1, b""),
            ("A/B/logo.png", 50 * mib, b""),
        ];
        let refused = Verdict::Refused(Refusal::TotalTooLarge { total: 5 * mib + 1 });
        let got = verdicts(&files);
        assert_eq!(got[..6].iter().filter(|(_, v)| *v == refused).count(), 6);
        assert!(matches!(got[6].1, Verdict::Skipped(_)));
        assert_eq!(
            Refusal::TotalTooLarge { total: 5 * mib + 1 }.to_string(),
            "level files come to 5242881 bytes in all; at most 5 MiB (5242880 bytes) may be imported"
        );
    }

    #[test]
    fn exactly_five_mib_in_all_is_accepted() {
        let mib = 1 << 20;
        let files: Vec<(String, u64)> = (1..=5).map(|n| (format!("A/B/L{n}.md"), mib)).collect();
        let screened = screen(files.iter().map(|(p, s)| (p.as_str(), *s, &b""[..])));
        assert!(screened.iter().all(|s| s.verdict == Verdict::Accepted));
    }

    #[test]
    fn a_nul_byte_is_not_text() {
        assert_eq!(
            one("A/B/L2.md", 10, b"# L2\0\0\0\0\0"),
            Verdict::Refused(Refusal::NotText)
        );
        assert_eq!(one("A/B/L2.md", 4, b"\xff\xfe#\0"), Verdict::Accepted);
    }

    #[test]
    fn invalid_utf8_is_left_to_the_importer() {
        assert_eq!(one("A/B/L2.md", 12, b"# L2 caf\xe9\n"), Verdict::Accepted);
    }

    #[test]
    fn files_that_are_not_levels_are_skipped_with_a_note() {
        let got = verdicts(&[
            ("Eng/.DS_Store", 6148, b"\0\0\0\x01Bud1"),
            ("Eng/Dev/README.md", 10, b"# Readme"),
            ("Eng/Dev/photo.jpg", 2 << 20, b"\xff\xd8"),
            ("Eng/Dev/L2", 4, b"# L2"),
        ]);
        let notes: Vec<(&str, String)> = got
            .iter()
            .map(|(p, v)| match v {
                Verdict::Skipped(skip) => (p.as_str(), skip.to_string()),
                other => (p.as_str(), format!("{other:?}")),
            })
            .collect();
        assert_eq!(
            notes,
            [
                ("Eng/.DS_Store", "hidden file; skipped".to_owned()),
                ("Eng/Dev/L2", "Accepted".to_owned()),
                (
                    "Eng/Dev/README.md",
                    "project file (README, LICENSE and the like); skipped".to_owned()
                ),
                (
                    "Eng/Dev/photo.jpg",
                    "`.jpg` is not a markdown extension; skipped".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn import_checked_imports_only_accepted_files() {
        let checked = import_checked([
            (
                "Eng/Dev/L1.md",
                &b"# L1: Dev\n\n## Craft\n\n- I code.\n"[..],
            ),
            ("Eng/Dev/L2.md", b"# L2: Dev\n\0"),
        ]);
        let levels: Vec<&str> = checked.import.ladder.roles[0]
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(levels, ["l1"]);
        assert!(checked.has_refusals());
        assert_eq!(checked.import.diagnostics, []);
    }
}
