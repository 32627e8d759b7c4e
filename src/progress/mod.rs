//! The pure progress core: ratings, evidence, the summary of a level, merging,
//! the storage and backup format, the Markdown export and the two quizzes.
//! No web crates here; the UI's storage module and pages call these functions.
//!
//! - [`Progress`] holds one [`Answer`] per expectation id. Answers survive ladder
//!   changes: [`Progress::orphans`] lists those whose expectation is gone, and
//!   nothing here ever drops one.
//! - [`Progress::merge`] joins two tabs or an imported backup: per answer the newest
//!   wins, and every answer of either side is kept.
//! - [`to_json`] / [`from_json`] are the stored value, versioned by a `schema`
//!   number; older schemas are migrated on reading (see [`schema`] for the format).
//!   [`backup_json`] / [`read_backup`] are the downloadable backup. Both go through
//!   [`json`], a small reader and writer, so the app links no serialisation framework.
//! - [`Progress::reset`] clears everything in a way a merge cannot undo, and
//!   [`Progress::restore`] undoes it; [`Undo`] and [`ResetScope`] are the reset and
//!   undo of everything kept (with the [`kept`] values), and what Reset says;
//!   [`UndoReset`] is Undo reset as a page offers it (a second reset replaces it).
//! - [`Backup`] is everything kept for a person as one file, and
//!   [`Progress::restore_backup`] imports one, counting what changed ([`Restored`]).
//! - [`Stored`] and [`Progress::before_save`] decide what a tab does with the value
//!   another tab stored (merge, copy aside, or stop saving); [`Troubles`] are the
//!   storage troubles a tab shows and whether they stop it saving; [`clamp_time`]
//!   bounds every stamp from outside.
//! - [`share`] is the share-link codec: an assessment, or a manager's reply, as the
//!   text after `#` in a link, and [`share::resolve`] against the local ladder.
//! - Goals are expectations marked on Compare levels to work towards, kept in their
//!   answers ([`Progress::mark_goal`], [`Progress::goal_list`], see [`goals`]).
//! - [`checkin`] keeps dated snapshots of a level (check-ins) and says what changed
//!   between them.
//! - [`level_markdown`] is the 1:1 export; [`check_order`] and [`resume_position`]
//!   drive Check yourself, [`check_key_action`] is its key map and [`CheckAction::moves_to`]
//!   its moves; [`ladder_quiz_items`] and [`LadderQuiz`] the know-your-ladder quiz.

mod answers;
mod backup;
mod bearings;
mod check;
pub mod checkin;
mod decode;
mod error;
mod escape;
pub mod goals;
pub mod json;
pub mod kept;
mod ladder_quiz;
mod markdown;
mod merge;
mod rating;
mod reset;
mod restore;
pub mod schema;
pub mod share;
mod summary;
mod sync;
mod time;
mod words;

pub use answers::{Answer, Progress};
pub use backup::{backup_json, read_backup, Backup, BACKUP_FORMAT, BACKUP_KIND};
pub use bearings::Continue;
pub use check::{
    check_end_line, check_key_action, check_order, check_position_key, check_step_line, rated_line,
    resume_position, CheckAction,
};
pub use error::ProgressError;
pub use goals::level_name;
pub use kept::{restore_kept, KeptRestore};
pub use ladder_quiz::{ladder_quiz_items, LadderQuiz, QuizItem};
pub use markdown::{level_markdown, sheet_markdown, ManagerView, Sheet};
pub use rating::Rating;
pub use reset::{ResetScope, Undo, UndoReset};
pub use restore::{LadderRestore, Restored};
pub use schema::{from_json, to_json, CURRENT};
pub use summary::{DimensionSummary, FocusArea, Fraction, RatingCounts, Summary};
pub use sync::{BeforeSave, Saved, Stored, Trouble, Troubles};
pub use time::{clamp_time, ALLOWANCE};
