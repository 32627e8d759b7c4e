//! The search module (`modules::search`): a wasm file of its own, with
//! search and the ladder's guide pages, that the app loads only when someone searches
//! or opens a guide.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::search::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("search is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
