//! The import module (`modules::import`): a wasm file of its own, with the markdown
//! importer, that the app loads only when someone opens Import a ladder.

#[cfg(target_arch = "wasm32")]
fn main() {
    rungs::modules::import::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("import is part of the Rungs web app: serve it with `scripts/serve` (see README.md)");
    std::process::exit(2);
}
