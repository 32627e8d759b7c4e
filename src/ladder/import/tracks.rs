//! The role a level title names once seniority words are set aside, and the
//! readings that use it:
//!
//! - two levels with the same number in one role folder whose titles name
//!   different roles (`Lead Support Engineer`, `Support Manager`) are two
//!   tracks: the folder is split into two roles named from the titles;
//! - two levels with the same number whose titles name the same role, one
//!   with more words (`Software Engineer`, `Software Engineer, Mobile`), are a
//!   level and its variant (see `roles::order_levels`);
//! - files picked in the browser without a folder ([`group_picked`]) whose
//!   titles name the same role are put in one role.

use super::encoding::decode;
use super::index::Index;
use super::label::split_label;
use super::layout::SENIORITY;
use super::paths::{display_name, place};
use crate::ladder::words::words;

/// Words that join a seniority word to a role (`Head of Support`).
const JOINERS: [&str; 4] = ["of", "the", "and", "for"];

/// Roman numerals and grades written after a title (`Engineer II`).
const GRADES: [&str; 8] = ["i", "ii", "iii", "iv", "v", "vi", "1", "2"];

/// The role a level title names: the title without its level label, seniority
/// words and grades, e.g. `Senior Support Engineer II` → `Support Engineer`.
/// Empty when nothing is left.
pub(crate) fn role_name(title: &str) -> String {
    let (_, title) = split_label(title);
    let spaced = display_name(&title);
    let kept: Vec<&str> = spaced
        .split_whitespace()
        .filter(|w| {
            let lower = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !lower.is_empty()
                && !SENIORITY.contains(&lower.as_str())
                && !GRADES.contains(&lower.as_str())
        })
        .collect();
    let start = kept
        .iter()
        .position(|w| !JOINERS.contains(&w.to_lowercase().as_str()))
        .unwrap_or(kept.len());
    kept[start..]
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// Whether every word of role `a` is in role `b` (or the other way round): the
/// two name one role, one of them a variant.
pub(crate) fn same_role_or_variant(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

/// Files picked together in the browser, grouped by the role their titles name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouping {
    /// The path each picked file is imported under, in the order given: the
    /// file's own name, or `<Role>/<name>` when it was grouped.
    pub paths: Vec<String>,
    /// Each role formed from titles and the files put in it.
    pub groups: Vec<(String, Vec<String>)>,
    /// Level files whose role could not be told from their titles.
    pub alone: Vec<String>,
}

impl Grouping {
    /// What the import page says about the grouping, when there is something to say.
    pub fn note(&self) -> Option<String> {
        let mut note = String::new();
        for (role, files) in &self.groups {
            note += &files.len().to_string();
            note += " files were put in one role, ";
            note += role;
            note += ", because their titles name it. ";
        }
        let (subject, whose) = match self.alone.as_slice() {
            [] => return (!note.is_empty()).then(|| note.trim_end().to_owned()),
            [_] => ("The role of ", "its title"),
            _ => ("The roles of ", "their titles"),
        };
        note += subject;
        note += &self.alone.join(", ");
        note += " could not be told from ";
        note += whose;
        note += ": choose a folder to keep each role's files together.";
        Some(note)
    }
}

/// Group files picked without a folder (every path a bare file name) by the role
/// their titles name once seniority words are set aside: `L1-Junior-Data-Engineer.md`
/// and `L3-Senior-Data-Engineer.md` become `Data Engineer/L1-...` and
/// `Data Engineer/L3-...`, so they import as one role. Files in folders, files
/// that are not ladder files and files without a level number are left as they are.
pub fn group_picked(files: &[(&str, &[u8])]) -> Grouping {
    let mut grouping = Grouping {
        paths: files.iter().map(|(p, _)| (*p).to_owned()).collect(),
        ..Grouping::default()
    };
    if files.len() < 2 || files.iter().any(|(p, _)| p.contains('/')) {
        return grouping;
    }
    // (index, role name) of each picked level file.
    let mut levels: Vec<(usize, String)> = Vec::new();
    for (index, (path, bytes)) in files.iter().enumerate() {
        let Some(place) = place(path, bytes) else {
            continue;
        };
        let text = decode(bytes).text;
        let title = first_heading(&text).unwrap_or_else(|| place.stem.clone());
        let (heading_label, _) = split_label(&title);
        let (stem_label, _) = split_label(&place.stem);
        if heading_label.is_none() && stem_label.is_none() {
            continue;
        }
        let mut name = role_name(&title);
        if name.is_empty() {
            name = role_name(&place.stem);
        }
        levels.push((index, name));
    }
    // Files by role name, in the order the names first appear: linear, however many.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut by_name = Index::default();
    for (i, name) in &levels {
        if name.is_empty() {
            continue;
        }
        let at = *by_name.entry(&name.to_lowercase(), groups.len());
        if at == groups.len() {
            groups.push((name.clone(), Vec::new()));
        }
        groups[at].1.push(*i);
    }
    for (name, members) in groups {
        if members.len() < 2 {
            continue;
        }
        let folder: String = name.chars().filter(|c| *c != '/').collect();
        for &i in &members {
            grouping.paths[i] = format!("{folder}/{}", files[i].0);
        }
        let listed = members.iter().map(|&i| files[i].0.to_owned()).collect();
        grouping.groups.push((name, listed));
    }
    if levels.len() >= 2 {
        grouping.alone = levels
            .iter()
            .filter(|(i, _)| !grouping.paths[*i].contains('/'))
            .map(|(i, _)| files[*i].0.to_owned())
            .collect();
    }
    grouping
}

/// The text of the first `#` heading line, if any.
fn first_heading(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix('#')?;
        let rest = rest.trim_start_matches('#');
        (rest.starts_with(' ') || rest.is_empty())
            .then(|| rest.trim().trim_end_matches('#').trim().to_owned())
            .filter(|t| !t.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_set_seniority_words_aside() {
        assert_eq!(role_name("L4: Lead Support Engineer"), "Support Engineer");
        assert_eq!(role_name("Support Manager"), "Support Manager");
        assert_eq!(
            role_name("Senior Software Engineer II"),
            "Software Engineer"
        );
        assert_eq!(role_name("Head of Support"), "Support");
        assert_eq!(role_name("L1.0-Graduate-Engineer"), "Engineer");
        assert_eq!(role_name("Staff"), "");
    }

    #[test]
    fn a_role_with_more_words_is_a_variant_not_another_role() {
        assert!(same_role_or_variant(
            "Software Engineer",
            "Software Engineer Mobile"
        ));
        assert!(!same_role_or_variant("Support Engineer", "Support Manager"));
    }
}
