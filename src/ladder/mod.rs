//! The pure ladder core. No web crates here; everything is tested on the host.
//!
//! - the model at the top: [`model`] (a [`Ladder`] of roles, levels, dimensions
//!   and expectations), [`expectation_id`] (the id rule progress is keyed on)
//!   and [`slug`], and `order` (the one sort routine, which progress uses too);
//! - [`import`]: ladder files to a [`Ladder`] plus located diagnostics
//!   ([`import::import_ladder`]), a stage a file, with the browser's import
//!   limits ([`import::limits`]) and the linter's `--explain`;
//! - [`compare`]: what changes from one level to another
//!   ([`compare::compare_levels`]), with the matching and word diff under it;
//! - [`format`](mod@format): the ladder as text, a level back to markdown and the whole
//!   ladder as the browser stores it.
//!
//! `ladders/README.md` describes the format for ladder authors.

pub mod compare;
pub mod format;
mod id;
pub mod import;
pub mod model;
pub(crate) mod order;
mod words;

pub use id::{expectation_id, slug};
pub use model::{
    Attribute, Block, Dimension, Everyone, Expectation, Guide, Ladder, Level, Role, Span, Style,
    Text,
};
