//! The Rungs web app: panic hook and mount, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rungs is a web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
