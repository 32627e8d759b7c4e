//! The checkins module (`modules::checkins`): a wasm file of its own, with
//! Save check-in and the Check-ins view of a level, that the app loads only when
//! someone saves a check-in or opens the view.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::checkins::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "checkins is part of the Rungs web app: serve it with `scripts/serve` (see README.md)"
    );
    std::process::exit(2);
}
