//! Backups: a download of everything Rungs keeps for a person, and reading one back.
//!
//! A backup (format 2) is the stored progress value (see [`schema`](super::schema))
//! with an envelope, the kept values and the imported ladder, pretty-printed:
//!
//! ```json
//! {
//!   "kind": "rungs-progress-backup",
//!   "format": 2,
//!   "ladder_version": "0123456789abcdef",
//!   "exported": 1767225600000,
//!   "schema": 4,
//!   "answers": {},
//!   "quiz": {},
//!   "ladder_quiz": { "missed": [], "right": 0, "asked": 0 },
//!   "reset": 0,
//!   "kept": { "rungs:kept:5f0c…": { "updated": 1767225600000 } },
//!   "imported_ladder": "…the stored text of the imported ladder…"
//! }
//! ```
//!
//! `kept` holds every value under the kept prefixes (see [`kept`](super::kept))
//! verbatim, by full key (a value that is not a JSON object is kept as a string);
//! `imported_ladder` is the imported ladder's stored text, and is absent when none
//! is imported. Format 1 (no `format`, `kept` or `imported_ladder`, schema 2) and a
//! raw stored value of any schema still import. Import is
//! [`Progress::restore_backup`] of the progress, [`restore_kept`](super::restore_kept)
//! of the kept values and [`LadderRestore::decide`](super::LadderRestore::decide).

use super::answers::Progress;
use super::decode::{parse, Node};
use super::error::ProgressError;
use super::json::{self, Value};
use super::schema::{decode, number, stored, text};

/// The `kind` that marks a Rungs progress backup.
pub const BACKUP_KIND: &str = "rungs-progress-backup";
/// The backup format [`Backup::to_json`] writes.
pub const BACKUP_FORMAT: u64 = 2;

const ENVELOPE: [&str; 6] = [
    "kind",
    "format",
    "ladder_version",
    "exported",
    "kept",
    "imported_ladder",
];

/// Everything a backup holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backup {
    /// Ratings, evidence, quiz state.
    pub progress: Progress,
    /// The kept values, (full key, stored value), sorted by key.
    pub kept: Vec<(String, String)>,
    /// The imported ladder's stored text, if one is imported.
    pub imported_ladder: Option<String>,
}

impl Backup {
    /// The backup file, made from the ladder of `ladder_version` at `now`
    /// (milliseconds since the Unix epoch).
    pub fn to_json(&self, ladder_version: &str, now: u64) -> String {
        let envelope = vec![
            ("kind".to_owned(), text(BACKUP_KIND)),
            ("format".to_owned(), number(BACKUP_FORMAT)),
            ("ladder_version".to_owned(), text(ladder_version)),
            ("exported".to_owned(), number(now)),
        ];
        let Value::Object(mut fields) = stored(&self.progress, envelope) else {
            return String::new();
        };
        let kept = self.kept.iter().map(|(key, value)| {
            let value = match json::parse(value) {
                Ok(object @ Value::Object(_)) => object,
                _ => text(value),
            };
            (key.clone(), value)
        });
        fields.push(("kept".to_owned(), Value::Object(kept.collect())));
        if let Some(ladder) = &self.imported_ladder {
            fields.push(("imported_ladder".to_owned(), text(ladder)));
        }
        format!("{:#}", Value::Object(fields))
    }

    /// A backup of any format, or a raw stored value (e.g. the damaged value the
    /// app kept under its backup key) of any known schema.
    pub fn read(input: &str) -> Result<Backup, ProgressError> {
        let value = parse(input)?;
        let root = Node::root(&value);
        let top = root.object_any()?;
        let Some(kind) = top.get("kind") else {
            return Ok(Backup {
                progress: decode(&root, &[])?,
                ..Backup::default()
            });
        };
        if kind.string().ok() != Some(BACKUP_KIND) {
            return Err(ProgressError::NotBackup {
                found: kind.found(),
            });
        }
        if let Some(format) = top.get("format") {
            let format = format.u64()?;
            if format > BACKUP_FORMAT {
                return Err(ProgressError::NewerBackup { format });
            }
        }
        if let Some(version) = top.get("ladder_version") {
            version.string()?;
        }
        if let Some(exported) = top.get("exported") {
            exported.u64()?;
        }
        let mut backup = Backup {
            progress: decode(&root, &ENVELOPE)?,
            ..Backup::default()
        };
        if let Some(kept) = top.get("kept") {
            for (key, value) in kept.entries()? {
                let raw = match value.string() {
                    Ok(s) => s.to_owned(),
                    Err(_) => {
                        value.object_any()?;
                        value.value().to_string()
                    }
                };
                backup.kept.push((key.to_owned(), raw));
            }
        }
        if let Some(ladder) = top.get("imported_ladder") {
            if !ladder.is_null() {
                backup.imported_ladder = Some(ladder.string()?.to_owned());
            }
        }
        Ok(backup)
    }
}

/// `progress` alone as a backup file (no kept values, no imported ladder).
pub fn backup_json(progress: &Progress, ladder_version: &str, now: u64) -> String {
    Backup {
        progress: progress.clone(),
        ..Backup::default()
    }
    .to_json(ladder_version, now)
}

/// The progress of a backup of any format, or of a raw stored value.
pub fn read_backup(input: &str) -> Result<Progress, ProgressError> {
    Backup::read(input).map(|b| b.progress)
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
        assert!(backup.starts_with("{\n  \"kind\": \"rungs-progress-backup\",\n  \"format\": 2,\n  \"ladder_version\": \"v1\",\n  \"exported\": 9,\n  \"schema\": 4,"), "{backup}");
        assert_eq!(read_backup(&backup), Ok(p));
    }

    #[test]
    fn a_backup_holds_kept_values_verbatim_and_the_imported_ladder() {
        let mut p = Progress::default();
        p.rate("a1", "I ship.", Some(Rating::Performing), 5);
        let backup = Backup {
            progress: p,
            kept: vec![
                (
                    "rungs:kept:abc".to_owned(),
                    r#"{"reply":"x","updated":7}"#.to_owned(),
                ),
                ("rungs:reply:def".to_owned(), "not json".to_owned()),
            ],
            imported_ladder: Some("# Ladder\n".to_owned()),
        };
        let json = backup.to_json("v1", 9);
        assert!(
            json.contains(
                "\"rungs:kept:abc\": {\n      \"reply\": \"x\",\n      \"updated\": 7\n    }"
            ),
            "{json}"
        );
        assert_eq!(Backup::read(&json), Ok(backup));
    }

    #[test]
    fn a_format_1_backup_still_imports() {
        let old = r#"{"kind":"rungs-progress-backup","ladder_version":"v0","exported":3,"schema":2,
            "answers":{"a1":{"rating":"maturing","evidence":"","text":"A.","updated":2}},"quiz":{"e/r/l1":1},
            "ladder_quiz":{"missed":[],"right":0,"asked":0}}"#;
        let backup = Backup::read(old).expect("reads");
        assert_eq!(backup.progress.rating("a1"), Some(Rating::Maturing));
        assert_eq!(backup.progress.check_positions.get("e/r/l1"), Some(&1));
        assert_eq!((backup.kept.len(), backup.imported_ladder), (0, None));
    }

    #[test]
    fn a_newer_backup_format_is_refused_with_a_reason() {
        assert_eq!(
            Backup::read(r#"{"kind":"rungs-progress-backup","format":3,"schema":9}"#).map_err(|e| e.to_string()),
            Err("the backup comes from a newer version of Rungs (backup format 3; this version reads formats up to 2); import it with the newer version".to_owned())
        );
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
