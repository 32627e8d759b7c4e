//! Backups: a download of all progress, and reading one back for import.
//!
//! A backup is the stored value (see [`schema`](super::schema)) with three more
//! top-level fields, pretty-printed:
//!
//! ```json
//! {
//!   "kind": "rungs-progress-backup",
//!   "ladder_version": "0123456789abcdef",
//!   "exported": 1767225600000,
//!   "schema": 2,
//!   "answers": {},
//!   "quiz": {},
//!   "ladder_quiz": { "missed": [], "right": 0, "asked": 0 }
//! }
//! ```
//!
//! Import is [`Progress::merge`] of what [`read_backup`] returns.

use super::answers::Progress;
use super::decode::{parse, Node};
use super::error::ProgressError;
use super::schema::{decode, number, stored, text};

/// The `kind` that marks a Rungs progress backup.
pub const BACKUP_KIND: &str = "rungs-progress-backup";

const ENVELOPE: [&str; 3] = ["kind", "ladder_version", "exported"];

/// `progress` as a backup file, made from the ladder of `ladder_version` at `now`
/// (milliseconds since the Unix epoch).
pub fn backup_json(progress: &Progress, ladder_version: &str, now: u64) -> String {
    let envelope = vec![
        ("kind".to_owned(), text(BACKUP_KIND)),
        ("ladder_version".to_owned(), text(ladder_version)),
        ("exported".to_owned(), number(now)),
    ];
    format!("{:#}", stored(progress, envelope))
}

/// Progress from a backup, or from a raw stored value (e.g. the damaged value the
/// app kept under its backup key), of any known schema.
pub fn read_backup(input: &str) -> Result<Progress, ProgressError> {
    let value = parse(input)?;
    let root = Node::root(&value);
    let top = root.object_any()?;
    let Some(kind) = top.get("kind") else {
        return decode(&root, &[]);
    };
    if kind.string().ok() != Some(BACKUP_KIND) {
        return Err(ProgressError::NotBackup {
            found: kind.found(),
        });
    }
    if let Some(version) = top.get("ladder_version") {
        version.string()?;
    }
    if let Some(exported) = top.get("exported") {
        exported.u64()?;
    }
    decode(&root, &ENVELOPE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{from_json, to_json, Rating};

    #[test]
    fn a_backup_is_pretty_marked_and_reads_back() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Performing), 5);
        let backup = backup_json(&p, "v1", 9);
        assert!(backup.starts_with("{\n  \"kind\": \"rungs-progress-backup\",\n  \"ladder_version\": \"v1\",\n  \"exported\": 9,\n  \"schema\": 2,"), "{backup}");
        assert_eq!(read_backup(&backup), Ok(p));
    }

    #[test]
    fn a_raw_stored_value_reads_as_a_backup() {
        let mut p = Progress::default();
        p.set_evidence("a1", "I ship.", "Did it.", 5);
        assert_eq!(read_backup(&to_json(&p)), Ok(p));
    }

    #[test]
    fn stored_values_do_not_take_backup_fields() {
        let backup = backup_json(&Progress::default(), "v1", 9);
        assert_eq!(
            from_json(&backup).map_err(|e| e.to_string()),
            Err("unknown field `exported` at the top level".to_owned())
        );
    }

    #[test]
    fn another_kind_is_not_a_backup() {
        assert_eq!(
            read_backup(r#"{"kind":"other-app","schema":2}"#).map_err(|e| e.to_string()),
            Err("not a Rungs progress backup: `kind` is the string \"other-app\"".to_owned())
        );
    }
}
