//! Worst-case inputs for every parser and matcher (a benchmark, not a test).
//!
//! `cargo bench --bench worst` builds each hostile input at two sizes, a quarter
//! and the whole (1 MB of markdown for the importer, the sizes named for the rest),
//! times the work once at each and prints both with their ratio: about 4× is linear,
//! about 16× would be quadratic. `ladders/README.md#limits` states the bounds and caps
//! these exercise; the unit tests next to each bound prove them without a clock.

use std::hint::black_box;
use std::time::Instant;

use rungs::ladder::compare::compare_levels;
use rungs::ladder::compare::similar::word_diff;
use rungs::ladder::format::markdown::level_to_markdown;
use rungs::ladder::format::stored::{read_stored, write_stored};
use rungs::ladder::import::import_ladder;
use rungs::ladder::{Ladder, Level};

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FULL: usize = 1 << 20;

/// `unit` repeated to about `bytes` bytes after `head`.
fn repeat(head: &str, unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + head.len());
    s.push_str(head);
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// One level file of `bytes` bytes: a heading, a dimension, then `body`.
fn level_file(body: &str) -> String {
    format!("# L2: Engineer\n\n## Craft\n\n{body}")
}

/// Makes a hostile markdown file of about the bytes given.
type Make = fn(usize) -> String;

/// The importer's worst cases: (name, markdown of about `bytes` bytes).
fn markdown_cases() -> Vec<(&'static str, Make)> {
    vec![
        ("html block, `<a` without `>`", |n| {
            level_file(&repeat("<details>\n", "<a", n))
        }),
        ("html in a bullet, `<a` without `>`", |n| {
            level_file(&repeat("- x\n\n  <div>\n  ", "<a", n))
        }),
        ("inline html, `<a` without `>`", |n| {
            level_file(&repeat("- ", "<a", n))
        }),
        ("`<details>` nested, unclosed", |n| {
            level_file(&repeat("", "<details>\n- a\n", n))
        }),
        ("comments, unclosed", |n| {
            level_file(&repeat("<details>\n", "<!-- a -", n))
        }),
        ("open brackets `[`", |n| level_file(&repeat("- ", "[a", n))),
        ("link openers `[a](`", |n| {
            level_file(&repeat("- ", "[a](", n))
        }),
        ("emphasis openers `*a _b`", |n| {
            level_file(&repeat("- ", "*a _b ", n))
        }),
        ("backtick runs of growing length", |n| {
            let mut s = String::from("- ");
            let mut k = 1;
            while s.len() < n {
                s.push_str(&"`".repeat(k));
                s.push('a');
                k = k % 64 + 1;
            }
            level_file(&s)
        }),
        ("nested quotes `>`", |n| level_file(&repeat("", ">", n))),
        ("nested bullets", |n| {
            let mut s = String::new();
            let mut depth = 0;
            while s.len() < n {
                s.push_str(&"  ".repeat(depth % 200));
                s.push_str("- a\n");
                depth += 1;
            }
            level_file(&s)
        }),
        ("table: wide header, short rows", |n| {
            let cols = ((n as f64).sqrt() as usize).max(2);
            let mut s = format!("{}|\n{}|\n", "|a".repeat(cols), "|-".repeat(cols));
            while s.len() < n {
                s.push_str("|\n");
            }
            level_file(&s)
        }),
        ("many dimensions", |n| {
            repeat("# L2: E\n\n", "## D\n- a\n", n)
        }),
        ("many expectations", |n| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < n {
                s.push_str(&format!("- I do thing {i}\n"));
                i += 1;
            }
            level_file(&s)
        }),
        ("duplicate expectations", |n| {
            level_file(&repeat("", "- I do the same thing\n", n))
        }),
        ("one long expectation", |n| {
            level_file(&repeat("- I", " do", n))
        }),
        ("attributes in one paragraph", |n| {
            repeat("# L2: E\n\n", "**Key**: value\n", n)
        }),
        ("link reference definitions", |n| {
            level_file(&repeat("", "[a]: <b> 'c'\n- [a]\n", n))
        }),
        ("windows-1252 bytes", |n| {
            // Decoded as Latin-1 by the importer; the bench passes it as bytes below.
            level_file(&repeat("- ", "caf\u{e9} ", n))
        }),
        ("mojibake to repair", |n| {
            level_file(&repeat("## ", "\u{d0}\u{9f}\u{d1}\u{80}\u{c3}\u{a9} ", n))
        }),
        ("alternating styles", |n| {
            level_file(&repeat("- ", "***a** b* *c **d*** ", n))
        }),
        ("headings at every depth", |n| {
            repeat(
                "# L2: E\n\n",
                "# a\n## b\n### c\n#### d\n##### e\n###### f\n- x\n",
                n,
            )
        }),
    ]
}

/// Milliseconds `f` takes, best of `runs`.
fn time(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn row(name: &str, small: f64, large: f64) {
    println!(
        "  {name:<48} {small:>9.2} ms {large:>9.2} ms  ×{:.1}",
        large / small.max(1e-3)
    );
}

/// Times at a quarter, the whole and four times the size, and each step's ratio:
/// a cache effect shows in one step, a quadratic cost in both (×16).
fn row3(name: &str, [a, b, c]: [f64; 3]) {
    println!(
        "  {name:<48} {a:>9.2} ms {b:>9.2} ms {c:>9.2} ms  ×{:.1} ×{:.1}",
        b / a.max(1e-3),
        c / b.max(1e-3)
    );
}

/// The three sizes of [`row3`].
const SIZES: [usize; 3] = [FULL / 4, FULL, 4 * FULL];

/// A level whose one dimension `Craft` holds `texts`.
fn level_of(texts: &[String]) -> Level {
    let md: String = texts.iter().map(|t| format!("- {t}\n")).collect();
    let import = import_ladder([("E/R/L2.md", level_file(&md).as_bytes())]);
    import.ladder.roles[0].levels[0].clone()
}

/// `n` words, every other one changed when `changed`: similar, never the same.
fn sentence(n: usize, changed: bool) -> String {
    (0..n)
        .map(|i| {
            if changed && i % 2 == 1 {
                format!("v{i}")
            } else {
                format!("w{i}")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    println!("worst cases: best of 3 at each size, and the ratios (×4 is linear)");
    println!("importer, 256 KiB, 1 MiB and 4 MiB of markdown:");
    for (name, make) in markdown_cases() {
        let run = |md: &str| {
            let bytes: Vec<u8> = if name.starts_with("windows") {
                md.chars().map(|c| c as u32 as u8).collect()
            } else {
                md.as_bytes().to_vec()
            };
            move || {
                black_box(import_ladder([("E/R/L2.md", black_box(bytes.as_slice()))]));
            }
        };
        row3(name, SIZES.map(|n| time(3, run(&make(n)))));
    }

    println!("level back to markdown (the fuzz round trip), the same sizes:");
    for (name, make) in markdown_cases() {
        let level = |n: usize| {
            let md = make(n);
            import_ladder([("E/R/L2.md", md.as_bytes())]).ladder.roles[0].levels[0].clone()
        };
        row3(
            name,
            SIZES.map(|n| {
                let level = level(n);
                time(3, || {
                    black_box(level_to_markdown(&level));
                })
            }),
        );
    }

    println!("compare:");
    let diff = |n: usize| (sentence(n, false), sentence(n, true));
    let (a1, b1) = diff(25_000);
    let (a4, b4) = diff(100_000);
    row(
        "word diff, 25,000 then 100,000 words",
        time(3, || {
            black_box(word_diff(&a1, &b1));
        }),
        time(3, || {
            black_box(word_diff(&a4, &b4));
        }),
    );
    let pair = |n: usize| {
        (
            level_of(&[sentence(n, false)]),
            level_of(&[sentence(n, true)]),
        )
    };
    let (small, large) = (pair(25_000), pair(100_000));
    row(
        "one expectation reworded, 25,000 / 100,000 words",
        time(3, || {
            black_box(compare_levels(&small.0, &small.1));
        }),
        time(3, || {
            black_box(compare_levels(&large.0, &large.1));
        }),
    );
    let many = |n: usize, changed: bool| -> Level {
        let texts: Vec<String> = (0..n)
            .map(|i| {
                let tail = if changed { "now" } else { "then" };
                format!("I own shared project {i} {tail}")
            })
            .collect();
        level_of(&texts)
    };
    let (small, large) = (
        (many(1_000, false), many(1_000, true)),
        (many(4_000, false), many(4_000, true)),
    );
    row(
        "matching, 1,000 then 4,000 similar expectations",
        time(3, || {
            black_box(compare_levels(&small.0, &small.1));
        }),
        time(3, || {
            black_box(compare_levels(&large.0, &large.1));
        }),
    );
    let dims = |n: usize| -> Level {
        let md: String = (0..n)
            .map(|i| format!("## D{}\n- a {i}\n", i % 5))
            .collect();
        let md = format!("# L2: E\n\n{md}");
        import_ladder([("E/R/L2.md", md.as_bytes())]).ladder.roles[0].levels[0].clone()
    };
    let (small, large) = (dims(2_000), dims(8_000));
    row(
        "dimensions, 2,000 then 8,000 with shared names",
        time(3, || {
            black_box(compare_levels(&small, &small));
        }),
        time(3, || {
            black_box(compare_levels(&large, &large));
        }),
    );

    println!("stored ladder reader, the same sizes:");
    let stored = |n: usize| -> String {
        let md = markdown_cases()
            .into_iter()
            .find(|(name, _)| name.starts_with("many expectations"))
            .map(|(_, make)| make(n))
            .unwrap_or_default();
        write_stored(&import_ladder([("E/R/L2.md", md.as_bytes())]).ladder)
    };
    row3(
        "read_stored, many expectations",
        SIZES.map(|n| {
            let text = stored(n);
            time(3, || {
                black_box(read_stored(&text));
            })
        }),
    );
    let field = |n: usize| {
        format!(
            "rungs-ladder 1\nR\tr\tt\tn\nL\tl\t2\tL2\tt\ts\nD\t\td\nE\tid\t{}",
            "\\".repeat(n)
        )
    };
    row3(
        "read_stored, one field of escapes",
        SIZES.map(|n| {
            let text = field(n);
            time(3, || {
                black_box(read_stored(&text));
            })
        }),
    );

    println!("search:");
    let ladder = |n: usize| -> Ladder {
        let md = markdown_cases()
            .into_iter()
            .find(|(name, _)| name.starts_with("many expectations"))
            .map(|(_, make)| make(n))
            .unwrap_or_default();
        import_ladder([("E/R/L2.md", md.as_bytes())]).ladder
    };
    row3(
        "query `thing`, many expectations",
        SIZES.map(|n| {
            let ladder = ladder(n);
            time(3, || {
                black_box(rungs::search::search(&ladder, "thing"));
            })
        }),
    );
    let one = ladder(FULL / 16);
    let query = |n: usize| "i do thing ".repeat(n / 11);
    let (q1, q4) = (query(2_500), query(10_000));
    row(
        "pasted query, 2,500 then 10,000 characters",
        time(3, || {
            black_box(rungs::search::search(&one, &q1));
        }),
        time(3, || {
            black_box(rungs::search::search(&one, &q4));
        }),
    );
}
