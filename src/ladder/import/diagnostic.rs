//! Located problems found while importing a ladder.

use std::fmt;

/// How bad a problem is: errors fail `ladder check`, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// What is wrong. The file and line are in the [`Diagnostic`] that carries it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("file is empty")]
    EmptyFile,
    #[error("invalid utf-8 on {lines} line(s) replaced with U+FFFD (first here)")]
    InvalidUtf8 { lines: usize },
    #[error("file is not utf-8; decoded as windows-1252")]
    DecodedAsWindows1252,
    #[error("file is utf-16; decoded, but please save it as utf-8")]
    DecodedUtf16,
    #[error("repaired encoding: {}", describe_repairs(.repairs))]
    RepairedEncoding {
        /// (damaged text, repaired text, encoding it was read as)
        repairs: Vec<(String, String, &'static str)>,
    },
    #[error("no title heading; title taken from the file name")]
    MissingTitleHeading,
    #[error("level has no title")]
    MissingTitle,
    #[error("no level number in the heading or file name (e.g. `L2`); level sorted last")]
    MissingLevelNumber,
    #[error("level number {heading} in the heading differs from {file} in the file name; using {heading}")]
    LevelNumberMismatch { heading: String, file: String },
    #[error(
        "duplicate level `{id}` in role `{role}` (also in `{first}`); this one is `{renamed}`"
    )]
    DuplicateLevel {
        id: String,
        role: String,
        first: String,
        renamed: String,
    },
    #[error("duplicate expectation `{text}` (first at line {first_line}); kept the first")]
    DuplicateExpectation { text: String, first_line: usize },
    #[error(
        "expectation has {words} words; at most {} are allowed (kept; split it)",
        super::limits::MAX_WORDS_PER_EXPECTATION
    )]
    TooManyWords { words: usize },
    #[error(
        "level has more than {} expectations (this is number {}; all are kept); split the level",
        super::limits::MAX_EXPECTATIONS_PER_LEVEL,
        super::limits::MAX_EXPECTATIONS_PER_LEVEL + 1
    )]
    TooManyExpectations,
    #[error("dimension `{name}` has no expectations")]
    EmptyDimension { name: String },
    #[error("level has no expectations")]
    NoExpectations,
    #[error("empty bullet ignored")]
    EmptyBullet,
    #[error("unknown structure ignored: {what}")]
    Ignored { what: String },
    #[error("{what} read as {read_as}")]
    ReadAs { what: String, read_as: &'static str },
    #[error("bullets before the first dimension heading read as expectations of `General`")]
    OutsideDimension,
    #[error("heading `{name}` has no content of its own; its sub-headings are read as dimensions")]
    GroupHeading { name: String },
    #[error("`<details>` is not closed before {before}")]
    UnclosedDetails { before: &'static str },
    #[error("`<details>` titled `{summary}` read as examples")]
    DetailsNotExamples { summary: String },
    #[error("`**{name}**` has no colon; read as an attribute (write `**{name}**: value`)")]
    AttributeWithoutColon { name: String },
    #[error("no expectations: shown as a guide")]
    Guide,
    #[error("{level} has the same level number as {other}: read as its variant `{id}`")]
    Variant {
        level: String,
        other: String,
        id: String,
    },
    #[error("two levels numbered {label} in `{folder}`: read as two roles by their titles, `{first}` and `{second}`")]
    Tracks {
        label: String,
        folder: String,
        first: String,
        second: String,
    },
    #[error("role folder `{name}` has the same id `{id}` as `{other}`; merged")]
    RoleIdClash {
        name: String,
        id: String,
        other: String,
    },
}

fn describe_repairs(repairs: &[(String, String, &'static str)]) -> String {
    let parts: Vec<String> = repairs
        .iter()
        .map(|(damaged, repaired, encoding)| {
            format!("`{damaged}` → `{repaired}` (utf-8 misread as {encoding})")
        })
        .collect();
    parts.join(", ")
}

impl Problem {
    /// Errors make a ladder fail the linter; everything else is a warning.
    pub fn severity(&self) -> Severity {
        match self {
            Problem::EmptyFile
            | Problem::DuplicateLevel { .. }
            | Problem::DuplicateExpectation { .. }
            | Problem::TooManyWords { .. }
            | Problem::TooManyExpectations => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One problem at one place: `path:line: error|warning: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path of the file relative to the ladder folder, with `/` separators.
    pub path: String,
    /// 1-based line number.
    pub line: usize,
    pub severity: Severity,
    pub problem: Problem,
}

impl Diagnostic {
    /// A diagnostic whose severity follows from the problem.
    pub fn new(path: impl Into<String>, line: usize, problem: Problem) -> Self {
        Diagnostic {
            path: path.into(),
            line: line.max(1),
            severity: problem.severity(),
            problem,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.path, self.line, self.severity, self.problem
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_displays_path_line_severity_and_message() {
        let d = Diagnostic::new(
            "A/B/L2.md",
            7,
            Problem::EmptyDimension {
                name: "Craft".into(),
            },
        );
        assert_eq!(
            d.to_string(),
            "A/B/L2.md:7: warning: dimension `Craft` has no expectations"
        );
        let e = Diagnostic::new("x.md", 1, Problem::EmptyFile);
        assert_eq!(e.to_string(), "x.md:1: error: file is empty");
    }

    #[test]
    fn line_zero_is_reported_as_line_one() {
        assert_eq!(Diagnostic::new("x.md", 0, Problem::EmptyFile).line, 1);
    }

    #[test]
    fn repaired_encoding_names_both_texts() {
        let p = Problem::RepairedEncoding {
            repairs: vec![("ðŸ¦‰".into(), "🦉".into(), "windows-1252")],
        };
        assert_eq!(
            p.to_string(),
            "repaired encoding: `ðŸ¦‰` → `🦉` (utf-8 misread as windows-1252)"
        );
    }
}
