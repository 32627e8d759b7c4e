//! The extra module (`modules::extra`): a wasm file of its own, with the summary
//! report, Your progress data (import, reset and undo), the home page's Continue and a
//! kept reply beside Read and rate, that the app loads only when one of them is shown.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::extra::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("extra is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
