//! The extra module (`ui::extra::install`): a wasm file of its own, with the summary
//! report, comparing levels and Your progress data's import and reset, that the app
//! loads only when someone opens a summary or a comparison.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::ui::extra::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("extra is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
