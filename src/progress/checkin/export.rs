//! A check-in for a review document (Markdown), the next check-in as a calendar
//! event (`.ics`) and dates in words.

use super::{compare, Checkin};
use crate::progress::escape::{block, inline};
use crate::progress::time::civil_day;
use std::fmt::Write;

use super::format::CheckinError;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A time in milliseconds since the Unix epoch as its UTC day in words:
/// `1 December 2026`.
pub fn long_date(ms: u64) -> String {
    let (y, m, d) = civil_day(ms / 86_400_000);
    format!("{d} {} {y}", MONTHS[(m as usize - 1) % 12])
}

/// `checkin` of the level headed `heading` as Markdown for a review document: its
/// name, each dimension's expectations with rating and evidence, and, when there is
/// a `previous` check-in, what changed since it. Text from the ladder or typed by the
/// person is escaped, so it cannot change the document's structure.
pub fn checkin_markdown(checkin: &Checkin, previous: Option<&Checkin>, heading: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Check-in: {}\n", inline(heading));
    let _ = writeln!(out, "- Saved: {}", long_date(checkin.updated));
    if !checkin.title.is_empty() {
        let _ = writeln!(out, "- Title: {}", inline(&checkin.title));
    }
    if let Some(previous) = previous {
        let since = compare(previous, checkin);
        let _ = writeln!(
            out,
            "\n## Since the check-in of {}\n",
            inline(&previous.name())
        );
        for d in &since.dimensions {
            let _ = writeln!(out, "- {}", inline(&d.words()));
        }
        if since.changes.is_empty() {
            let _ = writeln!(out, "\nNothing changed.");
        } else {
            out.push('\n');
        }
        for c in &since.changes {
            let _ = writeln!(out, "- **{}**: {}", c.words(), inline(&c.text));
            if let Some(evidence) = &c.evidence {
                let _ = writeln!(out, "  - Evidence since: {}", block(evidence, "    "));
            }
        }
    }
    for d in &checkin.dimensions {
        let _ = writeln!(out, "\n## {}\n", inline(&d.name));
        for item in &d.items {
            let rating = item.rating.map_or("Not rated", |r| r.label());
            let _ = writeln!(out, "- **{rating}**: {}", inline(&item.text));
            if !item.evidence.trim().is_empty() {
                let _ = writeln!(out, "  - Evidence: {}", block(&item.evidence, "    "));
            }
        }
    }
    out
}

/// A day as (year, month, day) from a date field's value, `2027-03-01`.
pub fn parse_day(input: &str) -> Result<(u64, u64, u64), CheckinError> {
    let wrong = || CheckinError::NotDay {
        input: input.to_owned(),
    };
    let mut parts = input.trim().split('-').map(|p| p.parse::<u64>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d)), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(wrong());
    };
    let days = [
        31,
        28 + u64::from(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)),
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days[m as usize - 1] {
        return Err(wrong());
    }
    Ok((y, m, d))
}

/// An all-day calendar event (`.ics`, RFC 5545) on `day` for the next check-in of
/// the level headed `heading`, at the address `link`; `now` stamps it and makes its
/// uid.
pub fn next_checkin_ics(day: (u64, u64, u64), heading: &str, link: &str, now: u64) -> String {
    let (y, m, d) = day;
    let (sy, sm, sd) = civil_day(now / 86_400_000);
    let secs = now / 1000 % 86_400;
    let text = |s: &str| {
        s.replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace(['\r', '\n'], " ")
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Rungs//Check-ins//EN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:checkin-{now}@rungs"),
        format!(
            "DTSTAMP:{sy:04}{sm:02}{sd:02}T{:02}{:02}{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        ),
        format!("DTSTART;VALUE=DATE:{y:04}{m:02}{d:02}"),
        format!("SUMMARY:{}", text(&format!("Rungs check-in: {heading}"))),
        format!(
            "DESCRIPTION:{}",
            text(&format!("Rate yourself again and save a check-in: {link}"))
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

/// A content line folded at 75 octets, as RFC 5545 asks (never inside a character).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::checkin::{CheckinDimension, Item};
    use crate::progress::Rating;

    #[test]
    fn dates_read_as_words() {
        assert_eq!(long_date(1_767_225_600_000), "1 January 2026");
        assert_eq!(long_date(1_798_675_200_000), "31 December 2026");
    }

    #[test]
    fn a_date_field_value_is_a_day_or_a_named_error() {
        assert_eq!(parse_day("2027-03-01"), Ok((2027, 3, 1)));
        assert_eq!(parse_day("2028-02-29"), Ok((2028, 2, 29)));
        assert_eq!(
            parse_day("2027-02-29").map_err(|e| e.to_string()),
            Err("not a date: “2027-02-29” (expected a date such as 2027-03-01)".to_owned())
        );
        assert!(parse_day("").is_err());
        assert!(parse_day("2027-1-1-1").is_err());
    }

    #[test]
    fn the_next_checkin_is_an_all_day_event_with_escaped_text() {
        let ics = next_checkin_ics(
            (2027, 3, 1),
            "L2: SRE, on call",
            "https://x.test/#/e/sre/l2/checkins",
            1_767_225_600_000,
        );
        assert!(
            ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
            "{ics}"
        );
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20270301\r\n"), "{ics}");
        assert!(ics.contains("\r\nDTSTAMP:20260101T000000Z\r\n"), "{ics}");
        assert!(
            ics.contains("\r\nSUMMARY:Rungs check-in: L2: SRE\\, on call\r\n"),
            "{ics}"
        );
        assert!(
            ics.lines().all(|l| l.trim_end_matches('\r').len() <= 75),
            "{ics}"
        );
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    fn checkin(updated: u64, rating: Option<Rating>, evidence: &str) -> Checkin {
        Checkin {
            id: updated.to_string(),
            updated,
            title: "Q3 *review*".into(),
            dimensions: vec![CheckinDimension {
                name: "Craft".into(),
                items: vec![Item {
                    id: "a".into(),
                    text: "I ship.".into(),
                    rating,
                    evidence: evidence.into(),
                }],
            }],
            ..Checkin::default()
        }
    }

    #[test]
    fn markdown_holds_the_checkin_and_its_changes_since_the_previous_one() {
        let old = checkin(1_767_225_600_000, Some(Rating::Maturing), "");
        let new = checkin(1_798_675_200_000, Some(Rating::Performing), "Shipped X.");
        assert_eq!(
            checkin_markdown(&new, Some(&old), "L2: SRE"),
            "# Check-in: L2: SRE\n\n- Saved: 31 December 2026\n- Title: Q3 \\*review\\*\n\
             \n## Since the check-in of 1 January 2026: Q3 \\*review\\*\n\n- Craft: 1 up, 0 down\n\
             \n- **Maturing → Performing**: I ship.\n  - Evidence since: Shipped X.\n\
             \n## Craft\n\n- **Performing**: I ship.\n  - Evidence: Shipped X.\n"
        );
    }
}
