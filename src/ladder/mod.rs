//! The pure ladder core: the model, the markdown importer, ids and the
//! markdown writer. No web crates here; everything is tested on the host.
//!
//! [`import_ladder`] reads a folder's files into a [`Ladder`] plus located
//! [`Diagnostic`]s; [`expectation_id`] is the id rule progress is keyed on;
//! [`level_to_markdown`] writes a level back in the canonical format;
//! [`compare_levels`] says what changes from one level to another;
//! [`import_checked`] applies the browser's import limits before importing.
//! `ladders/README.md` describes the format for ladder authors.

mod blocks;
mod bullets;
mod compare;
mod compare_attributes;
mod content;
mod decode;
mod details;
mod diagnostic;
mod explain;
mod html;
mod id;
mod import;
mod index;
mod inline;
mod label;
mod layout;
mod level;
mod limits;
mod matching;
pub mod model;
pub(crate) mod order;
mod pair;
mod paths;
mod roles;
mod similar;
mod stored;
mod tracks;
mod words;
mod write;

pub use compare::{compare_levels, CompareMemo, Comparison, DimensionRows, Row, Side};
pub use compare_attributes::AttributeRow;
pub use diagnostic::{Diagnostic, Problem, Severity};
pub use explain::explain;
pub use id::{expectation_id, slug};
#[cfg(not(target_arch = "wasm32"))]
pub use import::read_dir;
pub use import::{import_ladder, Import};
pub use limits::{
    import_checked, screen, Checked, Refusal, Screened, Verdict, MAX_EXPECTATIONS_PER_LEVEL,
    MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_WORDS_PER_EXPECTATION,
};
pub use matching::{MAX_REWORD_PAIRS, MAX_REWORD_WORDS};
pub use model::{
    Attribute, Block, Dimension, Everyone, Expectation, Guide, Ladder, Level, Role, Span, Style,
    Text,
};
pub use pair::default_pair;
pub use paths::Skip;
pub use similar::{word_diff, Segment, MAX_DIFF_CELLS, SIMILAR};
pub use stored::{read_stored, read_stored_levels, stored_roles, write_stored, StoredRole};
pub use tracks::{group_picked, Grouping};
pub use write::level_to_markdown;
