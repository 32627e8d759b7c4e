//! The typed ladder: tracks and roles, their levels, and what each level expects.

use serde::{Deserialize, Serialize};

/// Every embedded or imported ladder file, read into one model.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    /// Content hash of all source files (16 lower-case hex digits): the ladder's version.
    pub version: String,
    /// Roles ordered by track, then role name.
    pub roles: Vec<Role>,
    /// Pages that are not levels: files with no expectations (a guide such as "how
    /// levels and reviews work", a page that links to a spreadsheet). Source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guides: Vec<Guide>,
    /// Expectations for everyone: files of statements that apply to every role of a
    /// track (or of every track). Rated once: answers are keyed by expectation id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub everyone: Vec<Everyone>,
}

/// A page that is not a level, listed with its track.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// URL-safe id unique among guides: `track-slug/file-slug`, e.g. `engineering/how-reviews-work`.
    pub id: String,
    /// Display name of the track it is listed with.
    pub track: String,
    /// The role's id when the file sits in a role's folder.
    pub role: Option<String>,
    /// The page's title: its first heading, else its file name.
    pub title: String,
    /// Its text, in file order.
    pub blocks: Vec<Block>,
    /// Path of the source file, as `Level::source`.
    pub source: String,
    /// True when the page explains the ladder's rating scale: linked from every
    /// Check yourself page of its track.
    pub rating_scale: bool,
}

/// One block of a guide page's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A heading below the page's title.
    Heading(Text),
    /// A paragraph.
    Paragraph(Text),
    /// One bullet of a list.
    Bullet(Text),
}

/// Statements expected of everyone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Everyone {
    /// URL-safe id unique among these pages: `track-slug/everyone`, or `everyone` when
    /// it applies to every track.
    pub id: String,
    /// The track it applies to, by display name; None: every track.
    pub track: Option<String>,
    /// Its text, read like a level: title, summary, dimensions with expectations
    /// (`id`, `label` may be empty; `number` None).
    pub level: Level,
}

/// One role family within a track, e.g. Engineering / Site Reliability Engineering.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// URL-safe id, `track-slug/role-slug`, e.g. `engineering/site-reliability-engineering`.
    pub id: String,
    /// Display name of the track, e.g. `Engineering`.
    pub track: String,
    /// Display name of the role family, e.g. `Site Reliability Engineering`.
    pub name: String,
    /// Levels ordered by number (L1 < L2 < L10); levels without a number last.
    pub levels: Vec<Level>,
}

/// One level of a role: one ladder file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// URL-safe id within the role, e.g. `l2`.
    pub id: String,
    /// The level number, e.g. 2 for L2, when the file or its heading gives one.
    pub number: Option<u32>,
    /// Short label, e.g. `L2`.
    pub label: String,
    /// Title without the label, e.g. `Site Reliability Engineer`.
    pub title: String,
    /// The level's summary paragraph(s).
    pub summary: Text,
    /// Attributes such as Planning horizon, in file order.
    pub attributes: Vec<Attribute>,
    /// Dimensions in file order.
    pub dimensions: Vec<Dimension>,
    /// Path of the source file, relative to the ladder folder, with `/` separators.
    pub source: String,
}

/// A `**Key**: value` attribute of a level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribute {
    pub name: String,
    pub value: Text,
}

/// A dimension such as `🦉 Domain expertise`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    /// The leading emoji of the heading, if any, e.g. `🦉`.
    pub emoji: Option<String>,
    /// The heading without its emoji, e.g. `Domain expertise`.
    pub name: String,
    pub expectations: Vec<Expectation>,
    /// Examples for the dimension as a whole.
    pub examples: Vec<Text>,
}

/// One expectation, e.g. "I am competent in my domain."
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expectation {
    /// Stable id derived from the words (see `ladder::id`).
    pub id: String,
    pub text: Text,
    /// Paragraphs written under an expectation heading (`### I ...`), shown with it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Text>,
    /// Examples of this expectation: bullets under its heading that read as examples.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Text>,
}

/// Inline text with the little formatting ladders use. Always rendered as text, never as markup.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub Vec<Span>);

/// A run of text with one style.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "Style::is_plain")]
    pub style: Style,
    /// Target of a markdown link around this text: only `http:`, `https:`, `mailto:`
    /// or relative targets are kept (others become plain text). Rendered as `<a>` by
    /// the UI, with the text as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// Inline styles a span may carry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Style {
    #[serde(default, skip_serializing_if = "is_false")]
    pub emphasis: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub code: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Style {
    pub fn is_plain(&self) -> bool {
        *self == Style::default()
    }
}

impl Text {
    /// Plain text of one unstyled span.
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![Span {
            text: s.into(),
            style: Style::default(),
            link: None,
        }])
    }

    /// The words without formatting.
    pub fn to_plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.trim().is_empty())
    }
}

impl Ladder {
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The expectations for everyone that apply to `role` (its track's, else the
    /// all-tracks one).
    pub fn everyone_for(&self, role: &Role) -> Option<&Everyone> {
        self.everyone
            .iter()
            .find(|e| e.track.as_deref() == Some(role.track.as_str()))
            .or_else(|| self.everyone.iter().find(|e| e.track.is_none()))
    }

    /// The guide page with this id.
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// The page of expectations for everyone with this id.
    pub fn everyone_page(&self, id: &str) -> Option<&Everyone> {
        self.everyone.iter().find(|e| e.id == id)
    }

    /// Distinct track names in role order.
    pub fn tracks(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.roles {
            if !out.contains(&r.track.as_str()) {
                out.push(&r.track);
            }
        }
        out
    }
}

impl Role {
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }
}

impl Level {
    /// `L2: Site Reliability Engineer`, or the title alone when there is no label.
    pub fn heading(&self) -> String {
        if self.label.is_empty() {
            self.title.clone()
        } else if self.title.is_empty() {
            self.label.clone()
        } else {
            format!("{}: {}", self.label, self.title)
        }
    }

    pub fn expectation_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.expectations.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn everyone(id: &str, track: Option<&str>) -> Everyone {
        Everyone {
            id: id.into(),
            track: track.map(str::to_owned),
            level: Level::default(),
        }
    }

    #[test]
    fn a_role_gets_its_tracks_expectations_for_everyone_else_the_all_tracks_ones() {
        let ladder = Ladder {
            everyone: vec![
                everyone("everyone", None),
                everyone("design/everyone", Some("Design")),
            ],
            guides: vec![Guide {
                id: "design/how-reviews-work".into(),
                ..Guide::default()
            }],
            ..Ladder::default()
        };
        let role = |track: &str| Role {
            track: track.into(),
            ..Role::default()
        };
        let id = |r: &Role| ladder.everyone_for(r).map(|e| e.id.clone());
        assert_eq!(id(&role("Design")), Some("design/everyone".into()));
        assert_eq!(id(&role("Engineering")), Some("everyone".into()));
        assert_eq!(Ladder::default().everyone_for(&role("Design")), None);
        assert_eq!(
            ladder.everyone_page("design/everyone"),
            Some(&ladder.everyone[1])
        );
        assert_eq!(ladder.everyone_page("nope"), None);
        assert_eq!(
            ladder.guide("design/how-reviews-work"),
            Some(&ladder.guides[0])
        );
        assert_eq!(ladder.guide("design"), None);
    }

    #[test]
    fn json_leaves_out_what_a_ladder_does_not_use() {
        let span = Span {
            text: "docs".into(),
            style: Style::default(),
            link: Some("https://example.com".into()),
        };
        let json = serde_json::to_string(&Text(vec![span.clone()])).expect("json");
        assert_eq!(json, r#"[{"text":"docs","link":"https://example.com"}]"#);
        let plain = serde_json::to_string(&Ladder::default()).expect("json");
        assert_eq!(plain, r#"{"version":"","roles":[]}"#);
        let x = Expectation::default();
        assert_eq!(
            serde_json::to_string(&x).expect("json"),
            r#"{"id":"","text":[]}"#
        );
    }
}
