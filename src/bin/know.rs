//! The know module (`ui::extra::install_know`): a wasm file of its own, with
//! Know your ladder, that the app loads only when someone opens it.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::ui::extra::install_know();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("know is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
