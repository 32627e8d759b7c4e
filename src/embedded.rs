//! The ladder embedded at build time (see `build.rs`; `RUNGS_LADDERS` picks the folders).
//!
//! `build.rs` runs the importer and writes the ladder in the stored form
//! (`ladder::format::stored`), so the app ships no markdown parser for its own ladder.
//! The app does not hold it either: the build ships it beside the app, split by the
//! page, and the page loads what it shows (`ui::ladder_files`). What stays here is
//! for the host's tests ([`STORED`], [`ladder`]) and the build's errors, which each
//! page notes where they touch it.

use crate::ladder::Ladder;
use crate::page_note::{BuildError, Part};

include!(concat!(env!("OUT_DIR"), "/embedded_ladders.rs"));

/// The ladder imported at build time, as `ladder::format::stored::write_stored` wrote
/// it: what the build splits for the web. Not in the browser's build, which loads it.
#[cfg(not(target_arch = "wasm32"))]
pub static STORED: &str = include_str!(concat!(env!("OUT_DIR"), "/embedded.ladder"));

/// The ladder imported at build time, guide pages and all.
#[cfg(not(target_arch = "wasm32"))]
pub fn ladder() -> Ladder {
    crate::ladder::format::stored::read_stored(STORED).unwrap_or_default()
}

/// The ladder imported at build time, imported again from its files: for tests in a
/// browser, where the app loads it instead.
#[cfg(target_arch = "wasm32")]
pub fn ladder() -> Ladder {
    crate::ladder::import::import_ladder(EMBEDDED.iter().copied()).ladder
}

/// The errors of the build-time import, one `path:line: error: message` line each.
pub fn errors() -> Vec<String> {
    ERRORS.iter().map(|e| e.to_string()).collect()
}

/// The errors of the build-time import as the reader's notes need them: the file and
/// the part of its page each touched (`page_note`).
pub fn build_errors() -> Vec<BuildError> {
    TOUCHED
        .iter()
        .map(|&(path, part)| BuildError {
            path: path.to_string(),
            part,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::import::diagnostic::Severity;
    use crate::ladder::import::import_ladder;

    #[test]
    fn build_time_model_equals_a_fresh_import_of_the_embedded_files() {
        let fresh = import_ladder(EMBEDDED.iter().copied());
        assert_eq!(ladder(), fresh.ladder);
        let errors: Vec<String> = fresh
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect();
        assert_eq!(self::errors(), errors);
        let touched: Vec<BuildError> = fresh
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(BuildError::from)
            .collect();
        assert_eq!(build_errors(), touched);
    }

    #[test]
    fn shipped_ladder_has_the_seed_level_and_no_errors() {
        let l = ladder();
        let role = l
            .role("engineering/site-reliability-engineering")
            .expect("seed role");
        assert_eq!(
            role.level("l2").expect("seed level").heading(),
            "L2: Site Reliability Engineer"
        );
        assert!(errors().is_empty());
        assert!(build_errors().is_empty());
    }
}
