//! Import throughput in WebAssembly, measured inside headless Chromium (a benchmark:
//! it prints figures and asserts nothing about time). The same ~1 MB generated ladder
//! as `benches/import.rs`, imported by the same importer compiled to wasm.
//!
//! `cargo test --release --target wasm32-unknown-unknown --test wasm_import -- --nocapture`
//! (scripts/bench runs it). Goal: 1 MB in under 30 ms.
#![cfg(target_arch = "wasm32")]

// The generator of benches/import.rs (its `main` is unused here).
#[allow(dead_code)]
#[path = "import.rs"]
mod generator;

use std::hint::black_box;

use generator::generate;
use rungs::ladder::import::import_ladder;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn import_one_megabyte_in_wasm() {
    let files = generate();
    let bytes: usize = files.iter().map(|(_, md)| md.len()).sum();
    let input: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, md)| (p.as_str(), md.as_bytes()))
        .collect();
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance");
    for _ in 0..3 {
        black_box(import_ladder(black_box(input.iter().copied())));
    }
    let mut times = Vec::new();
    for _ in 0..30 {
        let t0 = perf.now();
        black_box(import_ladder(black_box(input.iter().copied())));
        times.push(perf.now() - t0);
    }
    times.sort_by(f64::total_cmp);
    let per_mb = |t: f64| t / (bytes as f64 / 1e6);
    console_log!(
        "wasm import: {:.2} MB, {} runs: best {:.1} ms/MB, median {:.1} ms/MB, worst {:.1} ms/MB (goal: under 30)",
        bytes as f64 / 1e6,
        times.len(),
        per_mb(times[0]),
        per_mb(times[times.len() / 2]),
        per_mb(times[times.len() - 1]),
    );
}
