//! Rungs: career ladders you can read, check yourself against and share.
//!
//! `ladder`, `everyone`, `import_report`, `links`, `page_note`, `route` and `search` are
//! the pure core (no web crates, tested on the host);
//! `ui` is the Leptos skin, built only for wasm.

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
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub use ui::App;
