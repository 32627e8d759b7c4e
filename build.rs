//! Embeds the ladder folder into the app, imported at build time.
//!
//! The folder is `ladders/` unless `RUNGS_LADDERS` names others: one folder (instead of
//! `ladders/`) or several separated by `:` (`ladders:../acme-ladder` embeds both, side by
//! side), each relative to this crate or absolute. Two folders may not hold the same
//! relative path: the build stops and names it. The importer in `src/ladder` runs here, at build time, so the app
//! ships the model rather than a markdown parser: a smaller download and nothing to
//! parse at start-up. The raw files are embedded too, for host tests that check the
//! generated model against a fresh import.

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
use ladder::{Ladder, Text};

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
    writeln!(out, "/// The ladder as imported at build time.").unwrap();
    writeln!(
        out,
        "pub fn ladder() -> Ladder {{\n    {}\n}}",
        ladder_expr(&import.ladder)
    )
    .unwrap();

    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_ladders.rs");
    fs::write(dest, out).expect("write embedded_ladders.rs");
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

// Rust expressions that rebuild the model; `s`, `t`, `sp` and `lk` are helpers in `embedded.rs`.

fn ladder_expr(l: &Ladder) -> String {
    let roles: Vec<String> = l
        .roles
        .iter()
        .map(|r| {
            let levels: Vec<String> = r.levels.iter().map(level_expr).collect();
            format!(
                "Role {{ id: s({:?}), track: s({:?}), name: s({:?}), levels: vec![{}] }}",
                r.id,
                r.track,
                r.name,
                levels.join(",\n")
            )
        })
        .collect();
    let guides: Vec<String> = l
        .guides
        .iter()
        .map(|g| {
            let blocks: Vec<String> = g
                .blocks
                .iter()
                .map(|b| match b {
                    ladder::model::Block::Heading(t) => format!("Block::Heading({})", text(t)),
                    ladder::model::Block::Paragraph(t) => format!("Block::Paragraph({})", text(t)),
                    ladder::model::Block::Bullet(t) => format!("Block::Bullet({})", text(t)),
                })
                .collect();
            format!(
                "Guide {{ id: s({:?}), track: s({:?}), role: {}, title: s({:?}), blocks: vec![{}], source: s({:?}), \
                 rating_scale: {} }}",
                g.id,
                g.track,
                opt(&g.role),
                g.title,
                blocks.join(", "),
                g.source,
                g.rating_scale
            )
        })
        .collect();
    let everyone: Vec<String> = l
        .everyone
        .iter()
        .map(|e| {
            format!(
                "Everyone {{ id: s({:?}), track: {}, level: {} }}",
                e.id,
                opt(&e.track),
                level_expr(&e.level)
            )
        })
        .collect();
    format!(
        "Ladder {{ version: s({:?}), roles: vec![{}], guides: vec![{}], everyone: vec![{}] }}",
        l.version,
        roles.join(",\n"),
        guides.join(",\n"),
        everyone.join(",\n")
    )
}

fn opt(o: &Option<String>) -> String {
    match o {
        Some(x) => format!("Some(s({x:?}))"),
        None => "None".to_string(),
    }
}

fn texts(ts: &[Text]) -> String {
    format!(
        "vec![{}]",
        ts.iter().map(text).collect::<Vec<_>>().join(", ")
    )
}

fn level_expr(v: &ladder::Level) -> String {
    let attributes: Vec<String> = v
        .attributes
        .iter()
        .map(|a| {
            format!(
                "Attribute {{ name: s({:?}), value: {} }}",
                a.name,
                text(&a.value)
            )
        })
        .collect();
    let dimensions: Vec<String> = v
        .dimensions
        .iter()
        .map(|d| {
            let exps: Vec<String> = d
                .expectations
                .iter()
                .map(|e| {
                    format!(
                        "Expectation {{ id: s({:?}), text: {}, details: {}, examples: {} }}",
                        e.id,
                        text(&e.text),
                        texts(&e.details),
                        texts(&e.examples)
                    )
                })
                .collect();
            format!(
                "Dimension {{ emoji: {}, name: s({:?}), expectations: vec![{}], examples: {} }}",
                opt(&d.emoji),
                d.name,
                exps.join(", "),
                texts(&d.examples)
            )
        })
        .collect();
    format!(
        "Level {{ id: s({:?}), number: {:?}, label: s({:?}), title: s({:?}), summary: {}, \
         attributes: vec![{}], dimensions: vec![{}], source: s({:?}) }}",
        v.id,
        v.number,
        v.label,
        v.title,
        text(&v.summary),
        attributes.join(", "),
        dimensions.join(", "),
        v.source
    )
}

fn text(t: &Text) -> String {
    let spans: Vec<String> =
        t.0.iter()
            .map(|sp| {
                let st = &sp.style;
                if let Some(link) = &sp.link {
                    format!(
                        "lk({:?}, {}, {}, {}, {:?})",
                        sp.text, st.emphasis, st.strong, st.code, link
                    )
                } else if st.emphasis || st.strong || st.code {
                    format!(
                        "sp({:?}, {}, {}, {})",
                        sp.text, st.emphasis, st.strong, st.code
                    )
                } else {
                    format!("t({:?})", sp.text)
                }
            })
            .collect();
    format!("Text(vec![{}])", spans.join(", "))
}
