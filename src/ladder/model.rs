//! The typed ladder: tracks and roles, their levels, and what each level expects.

use serde::{Deserialize, Serialize};

/// Every embedded or imported ladder file, read into one model.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ladder {
    /// Content hash of all source files (16 lower-case hex digits): the ladder's version.
    pub version: String,
    /// Roles ordered by track, then role name.
    pub roles: Vec<Role>,
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
