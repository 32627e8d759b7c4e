//! The pure ladder core: the model, the markdown importer, ids and the
//! markdown writer. No web crates here; everything is tested on the host.
//!
//! [`import_ladder`] reads a folder's files into a [`Ladder`] plus located
//! [`Diagnostic`]s; [`expectation_id`] is the id rule progress is keyed on;
//! [`level_to_markdown`] writes a level back in the canonical format;
//! [`compare_levels`] says what changes from one level to another;
//! [`import_checked`] applies the browser's import limits before importing.
//! `ladders/README.md` describes the format for ladder authors.

pub mod compare;
pub mod format;
mod id;
pub mod import;
pub mod model;
pub(crate) mod order;

pub use compare::attributes::AttributeRow;
pub use compare::default_pair;
pub use compare::matching::{MAX_REWORD_PAIRS, MAX_REWORD_WORDS};
pub use compare::similar::{word_diff, Segment, MAX_DIFF_CELLS, SIMILAR};
pub use compare::{compare_levels, CompareMemo, Comparison, DimensionRows, Row, Side};
pub use format::markdown::level_to_markdown;
pub use format::stored::{read_stored, read_stored_levels, stored_roles, write_stored, StoredRole};
pub use id::{expectation_id, slug};
pub use import::diagnostic::{Diagnostic, Problem, Severity};
pub use import::explain::explain;
pub use import::limits::{
    import_checked, screen, Checked, Refusal, Screened, Verdict, MAX_EXPECTATIONS_PER_LEVEL,
    MAX_FILE_BYTES, MAX_TOTAL_BYTES, MAX_WORDS_PER_EXPECTATION,
};
pub use import::paths::Skip;
#[cfg(not(target_arch = "wasm32"))]
pub use import::read_dir;
pub use import::tracks::{group_picked, Grouping};
pub use import::{import_ladder, Import};
pub use model::{
    Attribute, Block, Dimension, Everyone, Expectation, Guide, Ladder, Level, Role, Span, Style,
    Text,
};
