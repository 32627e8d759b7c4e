//! Fuzz the ladder importer: arbitrary bytes split at NUL bytes into files,
//! each with its path on its first line (when that line is short). Every
//! level imported is also written back to markdown and imported again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::ladder::import::import_ladder;
use rungs::ladder::format::markdown::level_to_markdown;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, &[u8])> = data
        .split(|&b| b == 0)
        .map(|chunk| match chunk.iter().position(|&b| b == b'\n') {
            Some(i) if i < 80 => (
                String::from_utf8_lossy(&chunk[..i]).into_owned(),
                &chunk[i + 1..],
            ),
            _ => ("E/R/L2-Fuzz.md".to_owned(), chunk),
        })
        .collect();
    let import = import_ladder(files.iter().map(|(p, b)| (p.as_str(), *b)));
    for role in &import.ladder.roles {
        for level in &role.levels {
            let markdown = level_to_markdown(level);
            let _ = import_ladder([(level.source.as_str(), markdown.as_bytes())]);
        }
    }
});
