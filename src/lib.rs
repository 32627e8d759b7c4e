//! Rungs: career ladders you can read, check yourself against and share.
//!
//! The pure core names no web crate and is tested on the host: `ladder` (the model,
//! the markdown importer and writer, ids, comparing levels), `progress` (ratings,
//! evidence, summaries, check-ins, the share-link codec, the saved JSON), `route`,
//! `search`, `everyone`, `import_report`, `links` and `page_note`, with `fnv` and
//! `hex` beneath them. `embedded` is the ladder that `build.rs` imported at build
//! time. Built only for wasm: `storage` (the one door to localStorage), `ui`, the
//! Leptos skin, whose views include those of the on-demand modules, and `modules`,
//! what the app may ask of each on-demand module and how it asks.

pub mod embedded;
pub mod everyone;
pub mod fnv;
pub mod hex;
pub mod import_report;
pub mod ladder;
pub mod links;
pub mod page_note;
pub mod progress;
pub mod route;
pub mod search;

#[cfg(target_arch = "wasm32")]
pub mod modules;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::App;
