//! The body of a link: who, which level, and each side's marks (see the module docs
//! of `share` for the layout).

use super::bytes::{put_str, put_varint, Area, Reader};
use super::error::ShareError;
use super::id::{AssessmentId, Origin};
use super::key::{ExpectationKey, KEY_BYTES};
use super::model::{SharedCheckin, MAX_TITLE};
use super::{Entry, ManagerSide, Rating, SharedAssessment, Side};

// Body flags.
const NAME: u8 = 1;
const MANAGER: u8 = 2;
const MANAGER_NAME: u8 = 4;
/// Format 2 only.
const MADE: u8 = 8;
/// The manager's overall comment follows the names (only with [`MANAGER`]).
const COMMENT: u8 = 16;
/// A shared check-in: its date follows the time made, its title the comment.
const CHECKIN: u8 = 32;

// Side bytes: bit 0 present, bits 1-3 the rating key (0 for none), bit 4 a note.
const PRESENT: u8 = 1;
const RATING: u8 = 0b1110;
const NOTE: u8 = 0x10;

/// The body bytes of `a`, before compression: format 2 when it has an
/// [`Origin`], else format 1.
pub(super) fn write(a: &SharedAssessment) -> Vec<u8> {
    write_with(a, a.manager.as_ref())
}

/// The body bytes of `a` without its manager's side: the link a reply answers.
pub(super) fn write_own(a: &SharedAssessment) -> Vec<u8> {
    write_with(a, None)
}

fn write_with(a: &SharedAssessment, manager: Option<&ManagerSide>) -> Vec<u8> {
    let mut out = Vec::new();
    put_version(&mut out, &a.ladder_version);
    put_str(&mut out, &a.role);
    put_str(&mut out, &a.level);
    let made = a.origin.and_then(|o| o.made);
    if let Some(origin) = &a.origin {
        out.extend_from_slice(&origin.id.0);
    }
    let manager_name = manager.and_then(|m| m.name.as_deref());
    let comment = manager
        .map(|m| m.comment.as_str())
        .filter(|c| !c.is_empty());
    let flags = flag(a.name.is_some(), NAME)
        | flag(manager.is_some(), MANAGER)
        | flag(manager_name.is_some(), MANAGER_NAME)
        | flag(made.is_some() && a.origin.is_some(), MADE)
        | flag(comment.is_some(), COMMENT)
        | flag(a.checkin.is_some(), CHECKIN);
    out.push(flags);
    if let (Some(made), Some(_)) = (made, a.origin) {
        put_seconds(&mut out, made);
    }
    if let Some(c) = &a.checkin {
        put_seconds(&mut out, c.saved);
    }
    let title = a.checkin.as_ref().map(|c| c.title.as_str());
    for name in [a.name.as_deref(), manager_name, comment, title]
        .into_iter()
        .flatten()
    {
        put_str(&mut out, name);
    }

    let own = &a.self_side;
    let manager = manager.map(|m| &m.side);
    let ids = own.keys_with(manager);
    put_varint(&mut out, ids.len());
    for id in &ids {
        out.extend_from_slice(&id.0);
        out.push(side_byte(own.entries.get(id)));
        if let Some(side) = manager {
            out.push(side_byte(side.entries.get(id)));
        }
    }
    for id in &ids {
        let marks = [own.entries.get(id), manager.and_then(|s| s.entries.get(id))];
        for entry in marks.into_iter().flatten() {
            if !entry.note.is_empty() {
                put_str(&mut out, &entry.note);
            }
        }
    }
    out
}

/// Read a body of link format `format` (1 or 2) written by [`write`].
pub(super) fn read(bytes: &[u8], format: u8) -> Result<SharedAssessment, ShareError> {
    let mut r = Reader::new(bytes, Area::Body);
    let ladder_version = read_version(&mut r)?;
    let role = r.string("role id")?;
    let level = r.string("level id")?;
    let id = if format >= 2 {
        Some(AssessmentId(r.array("assessment id")?))
    } else {
        None
    };
    let at = r.at();
    let flags = r.byte("flags")?;
    let known = NAME | MANAGER | MANAGER_NAME | COMMENT | CHECKIN | flag(id.is_some(), MADE);
    if flags & !known != 0 || (flags & (MANAGER_NAME | COMMENT) != 0 && flags & MANAGER == 0) {
        return Err(ShareError::BadFlags {
            part: "body flags".to_owned(),
            flags,
            at,
        });
    }
    let made = if flags & MADE != 0 {
        Some(r.varint("time the link was made")? as u64 * 1000)
    } else {
        None
    };
    let saved = if flags & CHECKIN != 0 {
        Some(r.varint("date of the check-in")? as u64 * 1000)
    } else {
        None
    };
    let origin = id.map(|id| Origin { id, made });
    let name = optional(&mut r, flags & NAME != 0, "name")?;
    let manager_name = optional(&mut r, flags & MANAGER_NAME != 0, "manager name")?;
    let comment = optional(&mut r, flags & COMMENT != 0, "overall comment")?;
    let checkin = match saved {
        Some(saved) => Some(SharedCheckin {
            saved,
            title: title(&mut r)?,
        }),
        None => None,
    };
    let has_manager = flags & MANAGER != 0;

    let at = r.at();
    let count = r.varint("entry count")?;
    // An id, then one side byte or two.
    let width = KEY_BYTES + 1 + usize::from(has_manager);
    if count > r.rest().len() / width {
        // Refused before allocating for it.
        return Err(ShareError::BodyEnds {
            part: format!("list of {count} entries"),
            at,
        });
    }
    let mut marks = Vec::with_capacity(count);
    let mut previous: Option<ExpectationKey> = None;
    for _ in 0..count {
        let at = r.at();
        let id = ExpectationKey(r.array("expectation id")?);
        if previous.is_some_and(|p| p >= id) {
            return Err(ShareError::IdOrder { id, at });
        }
        previous = Some(id);
        let own = side_mark(&mut r, id, "own marks")?;
        let manager = if has_manager {
            side_mark(&mut r, id, "manager marks")?
        } else {
            None
        };
        if own.is_none() && manager.is_none() {
            return Err(ShareError::BadFlags {
                part: format!("entry for {id}, which neither side marks"),
                flags: 0,
                at,
            });
        }
        marks.push((id, own, manager));
    }

    let mut own_side = Side::default();
    let mut manager_side = Side::default();
    for (id, own, manager) in marks {
        if let Some(mark) = own {
            let entry = entry(&mut r, mark, &format!("note on {id}"))?;
            own_side.entries.insert(id, entry);
        }
        if let Some(mark) = manager {
            let entry = entry(&mut r, mark, &format!("manager comment on {id}"))?;
            manager_side.entries.insert(id, entry);
        }
    }
    if !r.rest().is_empty() {
        return Err(ShareError::Trailing {
            area: "body",
            at: r.at(),
        });
    }
    Ok(SharedAssessment {
        ladder_version,
        role,
        level,
        name,
        origin,
        self_side: own_side,
        manager: has_manager.then_some(ManagerSide {
            name: manager_name,
            side: manager_side,
            comment: comment.unwrap_or_default(),
        }),
        checkin,
    })
}

/// A time in milliseconds as whole seconds (up to the year 2106).
fn put_seconds(out: &mut Vec<u8>, ms: u64) {
    let seconds = u32::try_from(ms / 1000).unwrap_or(u32::MAX);
    put_varint(out, seconds as usize);
}

/// A check-in's title: at most [`MAX_TITLE`] characters.
fn title(r: &mut Reader) -> Result<String, ShareError> {
    let at = r.at();
    let title = r.string("check-in title")?;
    let len = title.chars().count();
    if len > MAX_TITLE {
        return Err(ShareError::TitleTooLong { len, at });
    }
    Ok(title)
}

fn flag(set: bool, bit: u8) -> u8 {
    if set {
        bit
    } else {
        0
    }
}

/// The ladder version: packed into bytes when it is lower-case hex, as
/// `Ladder::version` always is; any other text as UTF-8.
fn put_version(out: &mut Vec<u8>, version: &str) {
    let digits = version.as_bytes();
    match crate::hex::decode_lower(digits).filter(|bytes| !bytes.is_empty()) {
        Some(bytes) => {
            put_varint(out, (bytes.len() << 1) | 1);
            out.extend(bytes);
        }
        None => {
            put_varint(out, digits.len() << 1);
            out.extend_from_slice(digits);
        }
    }
}

fn read_version(r: &mut Reader) -> Result<String, ShareError> {
    let part = "ladder version";
    let tag = r.varint(part)?;
    if tag & 1 == 1 {
        Ok(crate::hex::encode(r.take(tag >> 1, part)?))
    } else {
        r.text(tag >> 1, part)
    }
}

fn optional(r: &mut Reader, present: bool, part: &str) -> Result<Option<String>, ShareError> {
    present.then(|| r.string(part)).transpose()
}

/// One side's byte for an entry: 0 when the side has none.
fn side_byte(entry: Option<&Entry>) -> u8 {
    entry.map_or(0, |e| {
        PRESENT | (e.rating.map_or(0, Rating::key) << 1) | flag(!e.note.is_empty(), NOTE)
    })
}

/// What a side byte says: nothing, or a rating and whether a note follows.
type Mark = (Option<Rating>, bool);

fn side_mark(r: &mut Reader, id: ExpectationKey, part: &str) -> Result<Option<Mark>, ShareError> {
    let at = r.at();
    let byte = r.byte(part)?;
    if byte == 0 {
        return Ok(None);
    }
    if byte & PRESENT == 0 || byte & !(PRESENT | RATING | NOTE) != 0 {
        return Err(ShareError::BadFlags {
            part: format!("{part} of {id}"),
            flags: byte,
            at,
        });
    }
    let code = (byte & RATING) >> 1;
    let rating = match code {
        0 => None,
        _ => Some(Rating::from_key(code).ok_or(ShareError::RatingOutOfRange { code, id, at })?),
    };
    Ok(Some((rating, byte & NOTE != 0)))
}

fn entry(r: &mut Reader, (rating, has_note): Mark, part: &str) -> Result<Entry, ShareError> {
    let note = if has_note {
        r.string(part)?
    } else {
        String::new()
    };
    Ok(Entry { rating, note })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A body with ladder version `ab`, role `r`, level `l`, no names, then `entries`.
    fn body(flags: u8, entries: &[u8]) -> Vec<u8> {
        let mut out = vec![0b11, 0xab, 1, b'r', 1, b'l', flags];
        out.extend_from_slice(entries);
        out
    }

    const ID: [u8; 5] = [0x12, 0x34, 0x56, 0x78, 0x9a];

    fn one_entry(side: u8) -> Vec<u8> {
        let mut entries = vec![1];
        entries.extend_from_slice(&ID);
        entries.push(side);
        body(0, &entries)
    }

    #[test]
    fn a_hex_ladder_version_takes_half_its_length() {
        let a = SharedAssessment {
            ladder_version: "8615d19f4e86c5c0".to_owned(),
            ..SharedAssessment::default()
        };
        let bytes = write(&a);
        assert_eq!(
            bytes[..9],
            [17, 0x86, 0x15, 0xd1, 0x9f, 0x4e, 0x86, 0xc5, 0xc0]
        );
        assert_eq!(read(&bytes, 1), Ok(a));
    }

    #[test]
    fn any_other_ladder_version_is_kept_as_text() {
        for version in ["", "8615D19F", "abc", "v1.2"] {
            let a = SharedAssessment {
                ladder_version: version.to_owned(),
                ..SharedAssessment::default()
            };
            assert_eq!(read(&write(&a), 1), Ok(a));
        }
    }

    #[test]
    fn a_format_2_body_carries_the_id_and_the_second_the_link_was_made() {
        let a = SharedAssessment {
            ladder_version: "ab".to_owned(),
            role: "r".to_owned(),
            level: "l".to_owned(),
            origin: Some(Origin {
                id: AssessmentId([1, 2, 3, 4, 5]),
                made: Some(1_767_225_600_999),
            }),
            ..SharedAssessment::default()
        };
        let bytes = write(&a);
        // The id, the flags (made), 1767225600 seconds as LEB128, no entries.
        let mut want = vec![0b11, 0xab, 1, b'r', 1, b'l', 1, 2, 3, 4, 5, MADE];
        want.extend_from_slice(&[0x80, 0xf2, 0xd6, 0xca, 0x06, 0]);
        assert_eq!(bytes, want);
        let read = read(&bytes, 2).expect("valid");
        assert_eq!(read.origin.and_then(|o| o.made), Some(1_767_225_600_000));
        assert_eq!(
            super::read(&bytes[..10], 2),
            Err(ShareError::BodyEnds {
                part: "assessment id".to_owned(),
                at: 6
            })
        );
    }

    #[test]
    fn the_made_flag_is_bad_in_a_format_1_body() {
        assert_eq!(
            read(&body(MADE, &[0]), 1),
            Err(ShareError::BadFlags {
                part: "body flags".to_owned(),
                flags: MADE,
                at: 6
            })
        );
    }

    #[test]
    fn each_rating_key_reads_back_and_five_to_seven_are_out_of_range() {
        for rating in Rating::ALL {
            let read = read(&one_entry(PRESENT | (rating.key() << 1)), 1).expect("valid");
            let entry = read.self_side.entries.values().next().cloned();
            assert_eq!(entry.and_then(|e| e.rating), Some(rating));
        }
        assert_eq!(
            read(&one_entry(PRESENT | (5 << 1)), 1),
            Err(ShareError::RatingOutOfRange {
                code: 5,
                id: ExpectationKey(ID),
                at: 13
            })
        );
    }

    #[test]
    fn unknown_side_bits_are_bad_flags() {
        assert_eq!(
            read(&one_entry(PRESENT | 0x20), 1),
            Err(ShareError::BadFlags {
                part: "own marks of 123456789a".to_owned(),
                flags: 0x21,
                at: 13
            })
        );
    }

    #[test]
    fn an_entry_neither_side_marks_is_refused() {
        assert_eq!(
            read(&one_entry(0), 1),
            Err(ShareError::BadFlags {
                part: "entry for 123456789a, which neither side marks".to_owned(),
                flags: 0,
                at: 8
            })
        );
    }

    #[test]
    fn repeated_ids_are_refused() {
        let mut entries = vec![2];
        for _ in 0..2 {
            entries.extend_from_slice(&ID);
            entries.push(PRESENT);
        }
        assert_eq!(
            read(&body(0, &entries), 1),
            Err(ShareError::IdOrder {
                id: ExpectationKey(ID),
                at: 14
            })
        );
    }

    #[test]
    fn a_count_the_body_cannot_hold_is_refused_before_reading_entries() {
        assert_eq!(
            read(&body(0, &[0xff, 0xff, 0x03]), 1),
            Err(ShareError::BodyEnds {
                part: "list of 65535 entries".to_owned(),
                at: 7
            })
        );
    }

    #[test]
    fn a_flagged_note_that_is_missing_runs_past_the_end() {
        assert_eq!(
            read(&one_entry(PRESENT | NOTE), 1),
            Err(ShareError::BodyEnds {
                part: "note on 123456789a".to_owned(),
                at: 14
            })
        );
    }

    #[test]
    fn a_checkin_body_carries_its_date_then_its_title_after_the_names() {
        let a = SharedAssessment {
            ladder_version: "ab".to_owned(),
            role: "r".to_owned(),
            level: "l".to_owned(),
            name: Some("A".to_owned()),
            checkin: Some(SharedCheckin {
                saved: 1_767_225_600_000,
                title: "Q3".to_owned(),
            }),
            ..SharedAssessment::default()
        };
        let bytes = write(&a);
        let mut want = vec![0b11, 0xab, 1, b'r', 1, b'l', NAME | CHECKIN];
        want.extend_from_slice(&[0x80, 0xf2, 0xd6, 0xca, 0x06]);
        want.extend_from_slice(&[1, b'A', 2, b'Q', b'3', 0]);
        assert_eq!(bytes, want);
        assert_eq!(read(&bytes, 1), Ok(a));
    }

    #[test]
    fn a_checkin_title_over_the_limit_is_refused_where_it_starts() {
        // Saved at second 0, then the title, then no entries.
        let titled = |title: &str| {
            let mut bytes = body(CHECKIN, &[0]);
            put_str(&mut bytes, title);
            bytes.push(0);
            bytes
        };
        assert_eq!(
            read(&titled(&"x".repeat(MAX_TITLE + 1)), 1).map_err(|e| e.to_string()),
            Err(format!(
                "check-in title too long at byte 8: {} characters, over the {MAX_TITLE} a title may have",
                MAX_TITLE + 1
            ))
        );
        let read = read(&titled(&"é".repeat(MAX_TITLE)), 1).expect("a title at the limit reads");
        assert_eq!(read.checkin.map(|c| c.title), Some("é".repeat(MAX_TITLE)));
    }

    #[test]
    fn a_checkin_title_cut_short_or_not_utf8_is_named() {
        // Date 0, a title of 5 bytes of which 2 are there.
        let cut = body(CHECKIN, &[0, 5, b'Q', b'3']);
        assert_eq!(
            read(&cut, 1),
            Err(ShareError::BodyEnds {
                part: "check-in title".to_owned(),
                at: 9
            })
        );
        let bad = body(CHECKIN, &[0, 2, 0xff, 0xfe, 0]);
        assert_eq!(
            read(&bad, 1),
            Err(ShareError::BadUtf8 {
                part: "check-in title".to_owned(),
                at: 9
            })
        );
    }

    #[test]
    fn a_manager_name_without_a_manager_side_is_bad_flags() {
        assert_eq!(
            read(&body(MANAGER_NAME, &[0]), 1),
            Err(ShareError::BadFlags {
                part: "body flags".to_owned(),
                flags: MANAGER_NAME,
                at: 6
            })
        );
    }
}
