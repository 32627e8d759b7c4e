//! Embeds the ladder folder into the app, imported at build time.
//!
//! The folder is `ladders/` unless `RUNGS_LADDERS` names others: one folder (instead of
//! `ladders/`) or several separated by `:` (`ladders:../acme-ladder` embeds both, side by
//! side), each relative to this crate or absolute. Two folders may not hold the same
//! relative path: the build stops and names it. The importer in `src/ladder` runs here, at build time, so the app
//! ships the model rather than a markdown parser: the ladder is written in the stored
//! form (`ladder::format::stored`) to `OUT_DIR/embedded.ladder`, one compact string
//! that host tests read back (`src/embedded.rs`), and split by the page into
//! `OUT_DIR/ladder/`: an index and a file per level and guide page, which the build
//! ships beside the app (`scripts/precache.mjs`) and every wasm module reads as the
//! page loads them (`public/lazy.js`). The wasm files hold none of it: as code, the
//! model cost each wasm file about twice its markdown's gzipped size per level. The build's errors go to
//! `OUT_DIR/embedded_ladders.rs` as two small tables. The raw files are embedded too,
//! for host tests that check the stored model against a fresh import.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/ladder/mod.rs"]
#[allow(dead_code, unused_imports)]
mod ladder;

#[path = "src/page_note.rs"]
#[allow(dead_code)]
mod page_note;

// The ladder's ids and content hash use these two.
#[path = "src/fnv.rs"]
#[allow(dead_code)]
mod fnv;

#[path = "src/hex.rs"]
#[allow(dead_code)]
mod hex;

use ladder::import::diagnostic::Severity;

fn main() {
    println!("cargo:rerun-if-env-changed=RUNGS_LADDERS");
    println!("cargo:rerun-if-changed=src/ladder");
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let spec = env::var("RUNGS_LADDERS").unwrap_or_default();
    let dirs: Vec<PathBuf> = match spec.trim() {
        "" => vec![manifest.join("ladders")],
        list => list
            .split(':')
            .filter(|d| !d.trim().is_empty())
            .map(|d| manifest.join(d.trim()))
            .collect(),
    };
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for dir in &dirs {
        if !dir.is_dir() {
            panic!("RUNGS_LADDERS: {} is not a folder", dir.display());
        }
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut found = Vec::new();
        walk(dir, dir, &mut found);
        for (rel, path) in found {
            if let Some((_, first)) = files.iter().find(|(r, _)| *r == rel) {
                panic!(
                    "RUNGS_LADDERS: {rel} is in two ladder folders ({} and {}); rename one",
                    first.display(),
                    path.display()
                );
            }
            files.push((rel, path));
        }
    }
    files.sort();

    let mut out =
        String::from("/// Every file of the ladder folder: (path relative to it, bytes).\n");
    out.push_str("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");

    let contents: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(rel, abs)| (rel.clone(), fs::read(abs).expect("read ladder file")))
        .collect();
    let import =
        ladder::import::import_ladder(contents.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    let errors: Vec<String> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    for e in &errors {
        println!("cargo:warning={e}");
    }
    writeln!(
        out,
        "/// The errors of the build-time import, as the linter prints them."
    )
    .unwrap();
    writeln!(out, "pub static ERRORS: &[&str] = &{errors:?};").unwrap();
    let touched: Vec<String> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("({:?}, Part::{:?})", d.path, page_note::part(&d.problem)))
        .collect();
    writeln!(
        out,
        "/// The file each error is in and the part of its page it touched."
    )
    .unwrap();
    writeln!(
        out,
        "pub static TOUCHED: &[(&str, Part)] = &[{}];",
        touched.join(", ")
    )
    .unwrap();

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("embedded_ladders.rs"), out).expect("write embedded_ladders.rs");
    let stored = ladder::format::stored::write_stored(&import.ladder);
    // The app knows only what the stored form keeps: a ladder it would read back
    // otherwise stops the build here, whatever folders RUNGS_LADDERS names.
    if ladder::format::stored::read_stored(&stored).as_ref() != Some(&import.ladder) {
        panic!(
            "the stored form loses part of the embedded ladder: extend src/ladder/format/stored.rs"
        );
    }
    // For the web, by the page: the index and a file per level and guide page, which
    // the build's post_build hook (scripts/precache.mjs) ships in `ladder/`.
    let web = out_dir.join("ladder");
    let _ = fs::remove_dir_all(&web);
    fs::create_dir_all(&web).expect("make OUT_DIR/ladder");
    let (index, parts) = ladder::format::stored::split_stored(&stored);
    fs::write(web.join("index.txt"), index).expect("write the ladder's index");
    for (name, text) in parts {
        fs::write(web.join(name), text).expect("write a file of the ladder");
    }
    fs::write(out_dir.join("embedded.ladder"), stored).expect("write embedded.ladder");
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            walk(root, &path, files);
        } else if path.is_file() {
            let rel = path.strip_prefix(root).expect("walked below root");
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((rel.join("/"), path));
        }
    }
}
