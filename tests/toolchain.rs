//! The build's pins agree with each other, so Trunk never tries to download a tool.

use std::fs;

fn locked_version(lock: &str, name: &str) -> Option<String> {
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{name}\"") {
            let v = lines.next()?;
            return v
                .strip_prefix("version = \"")?
                .strip_suffix('"')
                .map(str::to_string);
        }
    }
    None
}

#[test]
fn trunk_pins_the_wasm_bindgen_that_cargo_lock_resolves() {
    let lock = fs::read_to_string("Cargo.lock").expect("Cargo.lock");
    let trunk = fs::read_to_string("Trunk.toml").expect("Trunk.toml");
    let locked = locked_version(&lock, "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
    assert!(
        trunk.contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml must pin wasm_bindgen = \"{locked}\" (Cargo.lock)"
    );
}

#[test]
fn trunk_pins_npm_binaryen_wasm_opt() {
    let trunk = fs::read_to_string("Trunk.toml").expect("Trunk.toml");
    let pkg = fs::read_to_string("package.json").expect("package.json");
    assert!(trunk.contains("wasm_opt = \"version_132\""));
    assert!(
        pkg.contains("\"binaryen\": \"132.0.0\""),
        "package.json pins binaryen 132"
    );
}
