//! The ladder embedded at build time (see `build.rs`; `RUNGS_LADDERS` picks the folders).
//!
//! `build.rs` runs the importer and writes the model out as code, so the app ships no
//! markdown parser for its own ladder.

// The ladder may have no guides, expectations for everyone or links: then these go unused.
#[allow(unused_imports)]
use crate::ladder::model::{Block, Everyone, Guide};
use crate::ladder::{Attribute, Dimension, Expectation, Ladder, Level, Role, Span, Style, Text};
use crate::page_note::{BuildError, Part};

include!(concat!(env!("OUT_DIR"), "/embedded_ladders.rs"));

fn s(x: &str) -> String {
    x.to_string()
}

fn t(x: &str) -> Span {
    Span {
        text: x.to_string(),
        style: Style::default(),
        link: None,
    }
}

fn sp(x: &str, emphasis: bool, strong: bool, code: bool) -> Span {
    Span {
        text: x.to_string(),
        style: Style {
            emphasis,
            strong,
            code,
        },
        link: None,
    }
}

#[allow(dead_code)]
fn lk(x: &str, emphasis: bool, strong: bool, code: bool, link: &str) -> Span {
    Span {
        text: x.to_string(),
        style: Style {
            emphasis,
            strong,
            code,
        },
        link: Some(link.to_string()),
    }
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
