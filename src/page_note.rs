//! What a reader is told about errors in the embedded ladder: at most a short note, in
//! plain words, on the page an error touches.
//!
//! Errors in an embedded ladder are the maintainer's: the build prints them and
//! `ladder check` fails their CI. A reader never sees that list; a level whose file lost
//! an expectation says "One expectation of this level could not be read." and nothing
//! else. `build.rs` includes this file to write the build-time errors as
//! [`BuildError`]s (`embedded::build_errors`).

use crate::ladder::import::diagnostic::{Diagnostic, Problem};

/// The part of a page a build-time error touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// An expectation was left out (a duplicate, kept once).
    Expectation,
    /// The page shares its number with another of its role.
    Number,
    /// Anything else in its file.
    File,
}

/// One error of the build-time import, as much of it as a reader's note needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    /// Path of the file, as `Level::source`.
    pub path: String,
    /// What it touched.
    pub part: Part,
}

impl From<&Diagnostic> for BuildError {
    fn from(d: &Diagnostic) -> Self {
        BuildError {
            path: d.path.clone(),
            part: part(&d.problem),
        }
    }
}

/// What part of a page `problem` touches.
pub fn part(problem: &Problem) -> Part {
    match problem {
        Problem::DuplicateExpectation { .. } => Part::Expectation,
        Problem::DuplicateLevel { .. } => Part::Number,
        _ => Part::File,
    }
}

/// The note for the page read from file `source`, a level when `level` (else another
/// page), or None when no error touched it.
pub fn note(errors: &[BuildError], source: &str, level: bool) -> Option<String> {
    let this = if level { "this level" } else { "this page" };
    let count = |part: Part| {
        errors
            .iter()
            .filter(|e| e.path == source && e.part == part)
            .count()
    };
    let mut out: Vec<String> = Vec::new();
    match count(Part::Expectation) {
        0 => {}
        1 => out.push(format!("One expectation of {this} could not be read.")),
        n => out.push(format!("{n} expectations of {this} could not be read.")),
    }
    if count(Part::Number) > 0 {
        out.push(format!(
            "Another level of this role has the same number as {this}."
        ));
    }
    if count(Part::File) > 0 {
        out.push(format!("Part of {this} could not be read."))
    }
    (!out.is_empty()).then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::import::diagnostic::Severity;
    use crate::ladder::import::import_ladder;

    fn errors(files: &[(&str, &str)]) -> Vec<BuildError> {
        let import = import_ladder(files.iter().map(|(p, t)| (*p, t.as_bytes())));
        import
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(BuildError::from)
            .collect()
    }

    #[test]
    fn a_duplicate_expectation_is_one_expectation_that_could_not_be_read_on_its_level() {
        let errors = errors(&[
            (
                "Eng/Ops/L1-Ops.md",
                "# L1: Ops\n\n## Craft\n\n- I ship.\n- I ship.\n",
            ),
            ("Eng/Ops/L2-Ops.md", "# L2: Ops\n\n## Craft\n\n- I ship.\n"),
        ]);
        assert_eq!(
            note(&errors, "Eng/Ops/L1-Ops.md", true).as_deref(),
            Some("One expectation of this level could not be read.")
        );
        assert_eq!(note(&errors, "Eng/Ops/L2-Ops.md", true), None);
    }

    #[test]
    fn counts_and_kinds_are_said_in_plain_words() {
        let at = |part| BuildError {
            path: "a.md".into(),
            part,
        };
        let errors = [
            at(Part::Expectation),
            at(Part::Expectation),
            at(Part::Number),
            at(Part::File),
        ];
        assert_eq!(
            note(&errors, "a.md", true).as_deref(),
            Some(
                "2 expectations of this level could not be read. Another level of this role has the same number as this level. Part of this level could not be read."
            )
        );
        assert_eq!(
            note(&[at(Part::File)], "a.md", false).as_deref(),
            Some("Part of this page could not be read.")
        );
        assert_eq!(note(&errors, "b.md", true), None);
    }

    #[test]
    fn notes_never_carry_the_maintainers_lines() {
        let errors = errors(&[(
            "Eng/Ops/L1-Ops.md",
            "# L1: Ops\n\n## Craft\n\n- I ship.\n- I ship.\n",
        )]);
        let said = note(&errors, "Eng/Ops/L1-Ops.md", true).unwrap_or_default();
        for raw in ["error", ".md", "`", "line"] {
            assert!(!said.contains(raw), "{said}");
        }
    }
}
