//! The Leptos skin: components wire signals to the pure core.

pub(crate) mod address;
mod app;
mod banner;
mod check_page;
pub(crate) mod dom;
pub mod extra;
pub(crate) mod files;
mod header;
mod home;
pub mod importer;
pub(crate) mod ladder_files;
pub mod lazy;
mod level_page;
mod not_found;
mod panic;
mod persistent_storage;
mod rating;
mod router;
mod state;
mod store;
mod summary_page;

pub use app::App;
pub use router::Router;
pub use state::LadderState;
pub use store::ProgressStore;

/// The embedded ladder, then the roles of a ladder imported in this browser (marked
/// "(imported)" in their track's name when they were imported).
pub fn ladder() -> crate::ladder::Ladder {
    ladder_read_by(crate::ladder::format::stored::read_stored)
}

/// [`ladder`] without guide pages, for the on-demand modules that show none
/// (`ui::extra`).
pub fn ladder_without_guides() -> crate::ladder::Ladder {
    ladder_read_by(crate::ladder::format::stored::read_stored_levels)
}

/// What `read` reads of the embedded ladder, as far as the page has loaded it
/// (`ladder_files`), then of the imported one.
fn ladder_read_by(read: fn(&str) -> Option<crate::ladder::Ladder>) -> crate::ladder::Ladder {
    let mut ladder = read(&ladder_files::text()).unwrap_or_default();
    if let Some(imported) = crate::storage::imported_ladder(read) {
        ladder.roles.extend(imported.roles);
        ladder.guides.extend(imported.guides);
        ladder.everyone.extend(imported.everyone);
    }
    ladder
}

/// Installs the panic hook and, once the page has the ladder's index and the file of
/// the level it shows (`ladder_files`), mounts the app on `<body>` with the embedded
/// ladder (and an imported one) and marks `rungs:ready` for the benchmarks.
///
/// A page the build wrote (`scripts/prerender.mjs`) already shows this route's text,
/// made by this same app at build time, and holds the level's file: the app's own
/// view replaces the text in the same task, so the browser never paints the page
/// between the two.
pub fn start() {
    panic::install();
    let level = match address::current() {
        crate::route::Route::Level { role, level, .. } => Some((role, level)),
        _ => None,
    };
    // When the ladder's files cannot load, the page's written text stays, and
    // `public/lazy.js` says why it does not react.
    ladder_files::load_level(
        level,
        Box::new(|loaded| {
            if loaded {
                mount()
            }
        }),
    );
}

/// Mounts the app, in place of the page's written text if it has any.
fn mount() {
    let ladder = ladder();
    let problems = crate::embedded::build_errors();
    let body = leptos::prelude::document()
        .body()
        .expect("a page has a body");
    if body.has_attribute("data-rungs-page") {
        let _ = body.remove_attribute("data-rungs-page");
        let nodes = body.child_nodes();
        for i in (0..nodes.length()).rev() {
            match nodes.item(i) {
                Some(node) if node.node_name() != "NOSCRIPT" => {
                    let _ = body.remove_child(&node);
                }
                _ => {}
            }
        }
    }
    leptos::mount::mount_to_body(
        move || leptos::view! { <App ladder=ladder.clone() problems=problems.clone() /> },
    );
    if let Some(perf) = leptos::prelude::window().performance() {
        let _ = perf.mark("rungs:ready");
    }
}
