//! `ladder`: the linter and exporter for ladder maintainers.
//!
//! `ladder check DIR` prints `path:line: error|warning: message` for every
//! problem and a summary on stderr; exit 0 when there are no errors, 1 when
//! there are, 2 on bad usage. `ladder check --explain DIR` first prints how
//! each file was read (role, levels, dimension, expectation and example
//! counts). `ladder export DIR` prints the ladder as JSON.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

use std::path::Path;
use std::process::ExitCode;

use rungs::ladder::import::diagnostic::Severity;
use rungs::ladder::import::explain::explain;
#[cfg(not(target_arch = "wasm32"))]
use rungs::ladder::import::read_dir;
use rungs::ladder::import::{import_ladder, Import};

/// The linter reads folders: nothing to do in a browser build.
#[cfg(target_arch = "wasm32")]
fn read_dir(_: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// See Cargo.toml: an import is mostly small allocations.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: ladder check DIR    report problems in the ladder files under DIR
       ladder check --explain DIR
                           first say how each file was read: role, levels,
                           dimension, expectation and example counts
       ladder export DIR   print the ladder under DIR as JSON";

/// What to do with the imported ladder.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    Explain,
    Export,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => run(dir, Mode::Check),
        ["check", "--explain", dir] | ["check", dir, "--explain"] => run(dir, Mode::Explain),
        ["export", dir] => run(dir, Mode::Export),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => usage_error(None),
    }
}

fn usage_error(problem: Option<String>) -> ExitCode {
    if let Some(problem) = problem {
        eprintln!("ladder: {problem}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn run(dir: &str, mode: Mode) -> ExitCode {
    let export = mode == Mode::Export;
    let files = match read_dir(Path::new(dir)) {
        Ok(files) => files,
        Err(e) => return usage_error(Some(format!("cannot read {dir}: {e}"))),
    };
    let import = import_ladder(
        files
            .iter()
            .map(|(path, bytes)| (path.as_str(), bytes.as_slice())),
    );
    let prefix = dir.trim_end_matches('/');
    if mode == Mode::Explain {
        let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        for line in explain(&import, &paths).lines() {
            if line.starts_with(' ') {
                println!("{line}");
            } else {
                println!("{prefix}/{line}");
            }
        }
    }
    for d in &import.diagnostics {
        let line = format!("{prefix}/{d}");
        if export {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    }
    if export {
        match serde_json::to_string_pretty(&import.ladder) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("ladder: cannot write json: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    summarise(dir, &import)
}

fn summarise(dir: &str, import: &Import) -> ExitCode {
    let levels: usize = import.ladder.roles.iter().map(|r| r.levels.len()).sum();
    let count = |s: Severity| {
        import
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if levels == 0 && import.diagnostics.is_empty() {
        eprintln!("ladder: no ladder files found in {dir}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "ladder: {levels} level(s) in {} role(s): {errors} error(s), {warnings} warning(s)",
        import.ladder.roles.len()
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
