//! The explore module (`modules::explore`): a wasm file of its own, with
//! Know your ladder and Compare levels, the views that are about the ladder rather
//! than your progress, that the app loads only when someone opens one.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::explore::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "explore is part of the Rungs web app: serve it with `scripts/serve` (see README.md)"
    );
    std::process::exit(2);
}
