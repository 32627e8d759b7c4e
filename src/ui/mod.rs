//! The Leptos skin: components wire signals to the pure core.

mod app;
mod banner;
mod dom;
mod files;
mod header;
mod home;
mod keep;
mod lazy;
mod know_page;
mod level_page;
mod not_found;
mod notice;
mod panic;
mod quiz_page;
mod rating;
mod router;
mod search_page;
pub mod extra;
mod state;
mod store;
mod summary_page;

pub use app::App;
pub use router::Router;
pub use state::LadderState;
pub use store::ProgressStore;

/// Installs the panic hook, mounts the app on `<body>` with the embedded ladder and marks
/// `rungs:ready` for the benchmarks.
pub fn start() {
    panic::install();
    let ladder = crate::embedded::ladder();
    let problems = crate::embedded::errors();
    leptos::mount::mount_to_body(move || leptos::view! { <App ladder=ladder.clone() problems=problems.clone() /> });
    if let Some(perf) = leptos::prelude::window().performance() {
        let _ = perf.mark("rungs:ready");
    }
}
