//! The share module (`modules::share`): a wasm file of its own, with the
//! share codec and deflate, that the app loads only when someone shares progress or
//! opens a share link.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::share::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("share is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
