//! What Rungs keeps about share links, each value under a key of its own (never the
//! person's progress, `rungs:progress`, which opening a link only reads):
//!
//! | key | value |
//! |-----|-------|
//! | `rungs:reply:<id>` | a manager's own answers to the link of self-check `<id>`: [`ManagerAnswers`] |
//! | `rungs:kept:<id>` | the manager's reply to self-check `<id>` that its person kept: [`KeptReply`], `{"updated":…,"made":…,"link":…}` |
//! | `rungs:share:id:<role>/<level>` | this person's own assessment id for that level, 16 hex digits ([`own_id`]) |
//! | `rungs:share:damaged:<key>:<time>` | a value under one of the keys above that could not be read, copied aside before anything was written over it |
//!
//! `<id>` is [`SharedAssessment::key_id`]: the random id a link carries, never a name
//! someone typed. Every value under `rungs:reply:` and `rungs:kept:` is a JSON object
//! whose top-level `"updated"` is the time of its last change in milliseconds since
//! the Unix epoch (the backup carries them, and restoring keeps the newer).
//!
//! Before links carried an id, these were keyed by name: `rungs:reply:<role>/<level>:<their
//! name>` held the answers as plain progress, `rungs:kept:<role>/<level>:<manager
//! name>` a reply's link text. Both are left as they are (backups carry them, reset
//! clears them): a kept reply of that keying is still listed and opens
//! ([`kept_for`] reads the bare link text); a manager's old answers are never filled
//! in for any link, since they may be any unnamed person's.
//!
//! Pure: [`Store`] is the part of localStorage this needs; the app passes the
//! browser's, the tests a map.

use super::{decode, AssessmentId, SharedAssessment, ID_BYTES};
use crate::progress::json::{self, Value};
use crate::progress::{from_json, to_json, ManagerView, Progress, ProgressError};
use std::collections::BTreeMap;

/// Where a manager's answers are kept: this and the assessment id.
pub const REPLY_PREFIX: &str = "rungs:reply:";
/// Where kept replies are: this and the assessment id.
pub const KEPT_PREFIX: &str = "rungs:kept:";
/// Where a person's own assessment ids are: this and `<role>/<level>`.
pub const ID_PREFIX: &str = "rungs:share:id:";
/// Where unreadable values are copied aside: this, their key, `:` and the time.
pub const DAMAGED_PREFIX: &str = "rungs:share:damaged:";

/// The few localStorage calls this module makes.
pub trait Store {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Keep `value` under `key`; false when that was refused (storage full or off).
    fn set(&mut self, key: &str, value: &str) -> bool;
    /// Forget `key`.
    fn remove(&mut self, key: &str);
    /// Every key that starts with `prefix`.
    fn keys(&self, prefix: &str) -> Vec<String>;
}

/// A map as a [`Store`] that never refuses: for tests and tools.
impl Store for BTreeMap<String, String> {
    fn get(&self, key: &str) -> Option<String> {
        BTreeMap::get(self, key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> bool {
        self.insert(key.to_owned(), value.to_owned());
        true
    }
    fn remove(&mut self, key: &str) {
        BTreeMap::remove(self, key);
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        let from = self.range(prefix.to_owned()..);
        from.map(|(k, _)| k)
            .take_while(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
}

/// Why a kept value could not be read. Messages are lower-case and name the field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeptError {
    #[error("not json: {0}")]
    NotJson(#[from] json::ParseError),
    #[error("not a json object")]
    NotObject,
    #[error("the field `{field}` is missing or not {expected}")]
    Field {
        field: &'static str,
        expected: &'static str,
    },
    #[error("unknown field `{field}`: it may come from a newer version of Rungs")]
    Unknown { field: String },
    #[error("the answers in `progress` cannot be read: {0}")]
    Progress(#[from] ProgressError),
    #[error("the kept link cannot be read: {0}")]
    Link(#[from] super::ShareError),
}

/// A manager's own answers to one person's link, stored under [`reply_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ManagerAnswers {
    /// When they last changed, in milliseconds since the Unix epoch.
    pub updated: u64,
    /// The role and level of the link they answer.
    pub role: String,
    pub level: String,
    /// The name the link was signed with, if any: shown, never used to find them.
    pub name: Option<String>,
    /// The answers, one per expectation id, as the manager's own progress would hold them.
    pub answers: Progress,
    /// The manager's overall comment on the self-check; empty for none (then not
    /// written, so older versions still read the value).
    pub comment: String,
}

/// A manager's reply that its person kept, stored under [`kept_key`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptReply {
    /// When it was kept (or last replaced), in milliseconds since the Unix epoch; 0 for
    /// one kept before replies were stamped.
    pub updated: u64,
    /// When the manager made the reply, clamped ([`SharedAssessment::made_at`]); 0 when
    /// the link does not say (format 1).
    pub made: u64,
    /// The role and level it is about (from the link).
    pub role: String,
    pub level: String,
    /// The manager's name, if they signed it (from the link).
    pub manager: Option<String>,
    /// The reply's link text, the part after `#/shared/`.
    pub link: String,
}

/// The key of a manager's answers to the link `a` (or to the link a reply `a` answers).
pub fn reply_key(a: &SharedAssessment) -> String {
    format!("{REPLY_PREFIX}{}", a.key_id())
}

/// The key of a kept reply to the self-check of `a`.
pub fn kept_key(a: &SharedAssessment) -> String {
    format!("{KEPT_PREFIX}{}", a.key_id())
}

/// This person's assessment id for `role`/`level`: the one kept, or else `random`
/// (bytes from `crypto.getRandomValues`), which is kept from now on. When storage
/// refuses, `random` is returned all the same; the caller keeps it for the session.
pub fn own_id(
    store: &mut impl Store,
    role: &str,
    level: &str,
    random: [u8; ID_BYTES],
) -> AssessmentId {
    let key = format!("{ID_PREFIX}{role}/{level}");
    if let Some(id) = store.get(&key).and_then(|v| AssessmentId::parse(&v)) {
        return id;
    }
    let id = AssessmentId(random);
    store.set(&key, &id.to_string());
    id
}

/// This person's assessment id for `role`/`level`, if one was ever made.
pub fn own_id_if_any(store: &impl Store, role: &str, level: &str) -> Option<AssessmentId> {
    AssessmentId::parse(&store.get(&format!("{ID_PREFIX}{role}/{level}"))?)
}

/// What was found under a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Nothing is kept there.
    Nothing,
    /// A value that reads.
    Found(T),
    /// A value that does not read. It was copied under `kept_as` (when storage allowed
    /// the copy) before anything could be written over it; with `kept_as: None` nothing
    /// may be saved under that key.
    Unreadable {
        error: KeptError,
        kept_as: Option<String>,
    },
}

/// Read the value under `key` with `read`; an unreadable one is copied aside first.
fn load<T>(
    store: &mut impl Store,
    key: &str,
    now: u64,
    read: impl Fn(&str) -> Result<T, KeptError>,
) -> Loaded<T> {
    let Some(raw) = store.get(key) else {
        return Loaded::Nothing;
    };
    match read(&raw) {
        Ok(value) => Loaded::Found(value),
        Err(error) => {
            let aside = format!("{DAMAGED_PREFIX}{key}:{now}");
            let kept_as = store.set(&aside, &raw).then_some(aside);
            Loaded::Unreadable { error, kept_as }
        }
    }
}

/// The manager's answers under `key` ([`reply_key`]).
pub fn load_answers(store: &mut impl Store, key: &str, now: u64) -> Loaded<ManagerAnswers> {
    load(store, key, now, ManagerAnswers::from_json)
}

/// The kept reply under `key` ([`kept_key`]).
pub fn load_kept(store: &mut impl Store, key: &str, now: u64) -> Loaded<KeptReply> {
    load(store, key, now, KeptReply::from_json)
}

impl ManagerAnswers {
    /// No answers yet to the link `a`.
    pub fn for_link(a: &SharedAssessment) -> ManagerAnswers {
        ManagerAnswers {
            updated: 0,
            role: a.role.clone(),
            level: a.level.clone(),
            name: a.name.clone(),
            answers: Progress::default(),
            comment: String::new(),
        }
    }

    /// The stored value: `{"updated":…,"role":…,"level":…,"name":…|null,"progress":{…}}`,
    /// `progress` in the format of `progress::to_json`, and `"comment":…` after it
    /// when there is one.
    pub fn to_json(&self) -> String {
        let comment = if self.comment.is_empty() {
            String::new()
        } else {
            format!(",\"comment\":{}", quoted(&self.comment))
        };
        format!(
            "{{\"updated\":{},\"role\":{},\"level\":{},\"name\":{},\"progress\":{}{comment}}}",
            self.updated,
            quoted(&self.role),
            quoted(&self.level),
            optional(&self.name),
            to_json(&self.answers)
        )
    }

    /// Read a value written by [`ManagerAnswers::to_json`].
    pub fn from_json(text: &str) -> Result<ManagerAnswers, KeptError> {
        let value = json::parse(text)?;
        let fields = Fields::of(
            &value,
            &["updated", "role", "level", "name", "progress", "comment"],
        )?;
        let progress = fields.get("progress").ok_or(KeptError::Field {
            field: "progress",
            expected: "stored progress",
        })?;
        Ok(ManagerAnswers {
            updated: fields.number("updated")?,
            role: fields.text("role")?,
            level: fields.text("level")?,
            name: fields.optional_text("name")?,
            answers: from_json(&progress.to_string())?,
            comment: fields.optional_text("comment")?.unwrap_or_default(),
        })
    }
}

impl KeptReply {
    /// `reply`, whose link text is `link`, kept at `now`.
    pub fn new(link: &str, reply: &SharedAssessment, now: u64) -> KeptReply {
        KeptReply {
            updated: now,
            made: reply.made_at(now).unwrap_or(0),
            role: reply.role.clone(),
            level: reply.level.clone(),
            manager: reply.manager.as_ref().and_then(|m| m.name.clone()),
            link: link.trim().to_owned(),
        }
    }

    /// The stored value: `{"updated":…,"made":…,"link":…}`; the role, level and
    /// manager are read from the link.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"updated\":{},\"made\":{},\"link\":{}}}",
            self.updated,
            self.made,
            quoted(&self.link)
        )
    }

    /// Read a value written by [`KeptReply::to_json`].
    pub fn from_json(text: &str) -> Result<KeptReply, KeptError> {
        let value = json::parse(text)?;
        let fields = Fields::of(&value, &["updated", "made", "link"])?;
        let link = fields.text("link")?;
        let reply = decode(&link)?;
        Ok(KeptReply {
            updated: fields.number("updated")?,
            made: fields.number("made")?,
            role: reply.role,
            level: reply.level,
            manager: reply.manager.and_then(|m| m.name),
            link,
        })
    }
}

/// What keeping a reply would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// Nothing is kept for this self-check yet.
    New,
    /// This very reply is kept.
    Kept,
    /// Another reply to the same self-check is kept: keeping this one replaces it.
    Replaces(KeptReply),
    /// What is kept for this self-check cannot be read; keeping this one copies it
    /// aside first.
    Unreadable(KeptError),
}

/// What keeping the reply with link text `link` under `key` would do.
pub fn keeping(store: &impl Store, key: &str, link: &str) -> Keeping {
    match store.get(key).map(|raw| KeptReply::from_json(&raw)) {
        None => Keeping::New,
        Some(Ok(kept)) if kept.link == link.trim() => Keeping::Kept,
        Some(Ok(kept)) => Keeping::Replaces(kept),
        Some(Err(e)) => Keeping::Unreadable(e),
    }
}

/// Keep `reply` under `key`, copying an unreadable value there aside first; false
/// when storage refused (and then nothing was written over anything).
pub fn keep(store: &mut impl Store, key: &str, reply: &KeptReply, now: u64) -> bool {
    if let Loaded::Unreadable { kept_as: None, .. } = load_kept(store, key, now) {
        return false;
    }
    store.set(key, &reply.to_json())
}

/// The readable kept replies about `role`/`level` (of either keying), newest first.
pub fn kept_for(store: &impl Store, role: &str, level: &str, now: u64) -> Vec<(String, KeptReply)> {
    // Placed in order as they are read: no sort to link into the wasm for this.
    let mut out: Vec<(String, KeptReply)> = Vec::new();
    for key in store.keys(KEPT_PREFIX) {
        let Some(raw) = store.get(&key) else { continue };
        let Some(kept) = KeptReply::from_json(&raw)
            .ok()
            .or_else(|| old_kept(&raw, now))
        else {
            continue;
        };
        if kept.role == role && kept.level == level {
            let at = out
                .iter()
                .position(|(k, o)| o.made < kept.made || (o.made == kept.made && *k > key))
                .unwrap_or(out.len());
            out.insert(at, (key, kept));
        }
    }
    out
}

/// The manager's side of `reply` on the local ladder, as answers by expectation id
/// (their comments as the evidence), stamped when the reply was made: for the 1:1
/// sheet and for showing beside the person's own ratings. `None` when it is no reply
/// or its level is not in `ladder`.
pub fn manager_view(
    reply: &SharedAssessment,
    ladder: &crate::ladder::Ladder,
    now: u64,
) -> Option<ManagerView> {
    let manager = reply.manager.as_ref()?;
    let resolved = super::resolve(reply, ladder);
    let super::Place::Found(..) = resolved.place else {
        return None;
    };
    let made = reply.made_at(now).unwrap_or(0);
    let mut answers = Progress::default();
    for m in &resolved.matched {
        let Some(entry) = m.marks.manager else {
            continue;
        };
        let (id, text) = (&m.expectation.id, m.expectation.text.to_plain());
        answers.rate(id, &text, entry.rating, made);
        answers.set_evidence(id, &text, &entry.note, made);
    }
    Some(ManagerView {
        name: manager.name.clone(),
        made,
        comment: manager.comment.clone(),
        answers,
    })
}

/// A kept reply of the old keying, whose value was the bare link text, read at `now`.
fn old_kept(raw: &str, now: u64) -> Option<KeptReply> {
    let reply = decode(raw).ok().filter(|r| r.manager.is_some())?;
    Some(KeptReply {
        updated: 0,
        ..KeptReply::new(raw, &reply, now)
    })
}

/// How much of the manager's side a reply carries, to say so before it is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyContent {
    /// No rating and no comment: it would bring nothing back.
    Empty,
    /// Comments, but no rating.
    CommentsOnly,
    /// This many expectations rated.
    Rated(usize),
}

/// What the manager's side of `reply` carries.
pub fn reply_content(reply: &SharedAssessment) -> ReplyContent {
    let Some(manager) = reply.manager.as_ref() else {
        return ReplyContent::Empty;
    };
    let side = &manager.side;
    let rated = side.entries.values().filter(|e| e.rating.is_some()).count();
    let commented = !manager.comment.trim().is_empty()
        || side.entries.values().any(|e| !e.note.trim().is_empty());
    match (rated, commented) {
        (0, false) => ReplyContent::Empty,
        (0, true) => ReplyContent::CommentsOnly,
        (n, _) => ReplyContent::Rated(n),
    }
}

/// A time in milliseconds since the Unix epoch as its UTC minute: `2026-12-01 14:48 UTC`.
pub fn utc_minute(ms: u64) -> String {
    let minutes = ms / 60_000;
    let (days, minute) = (minutes / 1440, minutes % 1440);
    let (year, month, day) = crate::progress::time::civil_day(days);
    format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        minute / 60,
        minute % 60
    )
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// `text` as a JSON string, or `null`.
fn optional(text: &Option<String>) -> String {
    text.as_deref().map_or_else(|| "null".to_owned(), quoted)
}

/// The members of a JSON object, all of them among `known`.
struct Fields<'a>(&'a [(String, Value)]);

impl<'a> Fields<'a> {
    fn of(value: &'a Value, known: &[&str]) -> Result<Fields<'a>, KeptError> {
        let members = value.as_object().ok_or(KeptError::NotObject)?;
        if let Some((name, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            return Err(KeptError::Unknown {
                field: name.clone(),
            });
        }
        Ok(Fields(members))
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    fn number(&self, name: &'static str) -> Result<u64, KeptError> {
        match self.get(name) {
            Some(Value::Number(n)) => n.as_u64(),
            _ => None,
        }
        .ok_or(KeptError::Field {
            field: name,
            expected: "a whole number",
        })
    }

    fn text(&self, name: &'static str) -> Result<String, KeptError> {
        match self.get(name) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(KeptError::Field {
                field: name,
                expected: "a string",
            }),
        }
    }

    fn optional_text(&self, name: &'static str) -> Result<Option<String>, KeptError> {
        match self.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(KeptError::Field {
                field: name,
                expected: "a string or null",
            }),
        }
    }
}
