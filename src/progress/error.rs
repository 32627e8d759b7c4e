//! What can be wrong with stored progress or a backup.

use super::schema::CURRENT;

/// Why stored progress or a backup could not be read. Messages are lower-case and say
/// where the trouble is: a line and column for broken JSON, a path such as
/// `answers.3f9a0c1b2d4e.rating` for a value of the wrong shape.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error("no progress data: the value is empty")]
    Empty,
    #[error("not json: {message} at line {line}, column {column}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("wrong shape at {}: expected {expected}, found {found}", at(.path))]
    WrongShape {
        /// Dotted path to the value, empty for the top level.
        path: String,
        expected: &'static str,
        found: String,
    },
    #[error("unknown field `{field}` at {}", at(.path))]
    UnknownField { path: String, field: String },
    #[error("unknown schema {schema}; this version of Rungs reads schemas 1 to {CURRENT}")]
    UnknownSchema { schema: u64 },
    #[error(
        "the data comes from a newer version of Rungs (schema {schema}; this version reads \
         schemas up to {CURRENT}); open it with the newer version"
    )]
    NewerSchema { schema: u64 },
    #[error(
        "the backup comes from a newer version of Rungs (backup format {format}; this \
         version reads formats up to {}); import it with the newer version",
        super::backup::BACKUP_FORMAT
    )]
    NewerBackup { format: u64 },
    #[error("not a Rungs progress backup: `kind` is {found}")]
    NotBackup { found: String },
}

/// `the top level`, or the path in backticks.
fn at(path: &str) -> String {
    if path.is_empty() {
        "the top level".to_owned()
    } else {
        format!("`{path}`")
    }
}
