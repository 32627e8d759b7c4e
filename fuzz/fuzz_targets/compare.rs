//! Fuzz comparing and searching: arbitrary bytes split at the first NUL into
//! two level files of one role, imported and compared both ways (matching and
//! word diffs, with their caps); the two halves word-diffed as raw text; and
//! the ladder searched for the first line of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::ladder::compare::compare_levels;
use rungs::ladder::import::import_ladder;
use rungs::ladder::compare::similar::word_diff;

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let import = import_ladder([("E/R/L1-A.md", a), ("E/R/L2-B.md", b)]);
    let levels: Vec<_> = import.ladder.roles.iter().flat_map(|r| &r.levels).collect();
    for x in &levels {
        for y in &levels {
            let _ = compare_levels(x, y);
        }
    }
    let (ta, tb) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let _ = word_diff(&ta, &tb);
    let query = ta.lines().next().unwrap_or_default();
    let _ = rungs::search::search(&import.ladder, query);
});
