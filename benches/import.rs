//! Import throughput on a large generated ladder (a benchmark, not a test).
//!
//! `cargo bench --bench import` generates about 1 MB of realistic ladder
//! markdown (tracks, roles, levels with summaries, attributes, emoji
//! dimensions, expectations with inline formatting, `<details>` examples,
//! wrapped lines) in every layout the importer reads (several levels in one
//! file, expectations written as headings with details and examples, decimal
//! levels, variants, expectations for everyone, guide pages with links),
//! imports it repeatedly and prints MB/s and ms per MB.
//! Goal: 1 MB in under 10 ms on one core in release mode. Each import is timed in
//! turn with pulldown-cmark alone on the same files; their ratio is a yardstick
//! that holds still on a machine whose speed drifts.

use std::hint::black_box;
use std::time::Instant;

use rungs::ladder::import::import_ladder;

/// The allocator `ladder check` runs the importer with (src/bin/ladder.rs); the wasm
/// benchmark, which borrows `generate` from here, keeps the web app's.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET_BYTES: usize = 1_000_000;
const RUNS: usize = 60;

const WORDS: [&str; 48] = [
    "team",
    "system",
    "design",
    "review",
    "customer",
    "incident",
    "reliability",
    "mentor",
    "deliver",
    "quality",
    "feature",
    "metrics",
    "on-call",
    "roadmap",
    "peers",
    "context",
    "tests",
    "release",
    "risk",
    "service",
    "platform",
    "pairing",
    "feedback",
    "trade-offs",
    "documentation",
    "outcomes",
    "scope",
    "clarity",
    "ownership",
    "guidance",
    "automation",
    "capacity",
    "latency",
    "priorities",
    "stakeholders",
    "escalations",
    "standards",
    "architecture",
    "support",
    "learning",
    "growth",
    "practices",
    "planning",
    "projects",
    "complexity",
    "impact",
    "decisions",
    "progress",
];
const EMOJI: [&str; 6] = ["🦉", "🌱", "🧭", "🏆", "❤️", "👩‍💻"];
const DIMENSIONS: [&str; 6] = [
    "Domain expertise",
    "Teaching and Mentoring",
    "Culture and Leadership",
    "Customer Success",
    "Care",
    "Craft",
];

/// A tiny deterministic generator, so every run benchmarks the same input.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::from("I");
        for i in 0..words {
            let w = WORDS[self.next(WORDS.len())];
            // About as much formatting as the seed ladder has, a little more.
            match self.next(200) {
                0..=4 => s.push_str(&format!(" *{w}*")),
                5..=9 => s.push_str(&format!(" **{w}**")),
                10 => s.push_str(&format!(" `{w}`")),
                11..=14 if i > 4 => s.push_str(&format!(" {w}\n ")),
                _ => {
                    s.push(' ');
                    s.push_str(w);
                }
            }
        }
        s.push('.');
        s
    }
}

fn level(rng: &mut Lcg, number: usize, title: &str) -> String {
    let mut md = format!("# L{number}: {title}\n\n> _{}_\n\n", rng.sentence(40));
    for key in [
        "Planning horizon",
        "Impact radius",
        "Evaluation",
        "Responsibility and direction needed",
    ] {
        md.push_str(&format!("- **{key}**: {}\n", rng.sentence(8)));
    }
    for d in 0..5 {
        let emoji = if d == 4 {
            String::new()
        } else {
            format!("{} ", EMOJI[rng.next(EMOJI.len())])
        };
        md.push_str(&format!(
            "\n## {emoji}{}\n\n",
            DIMENSIONS[(d + number) % DIMENSIONS.len()]
        ));
        for _ in 0..6 {
            md.push_str(&format!("- {}\n", rng.sentence(14)));
        }
        md.push_str("\n<details>\n<summary>Examples</summary>\n\n");
        for _ in 0..4 {
            md.push_str(&format!("- {}\n", rng.sentence(24)));
        }
        md.push_str("\n</details>\n");
    }
    md
}

/// Expectations written as headings, with a paragraph of details and example
/// bullets under each: inside `###` dimensions (`#### I ...`) when `nested`,
/// else beside `##` ones (`## I ...`).
fn heading_expectations(rng: &mut Lcg, md: &mut String, nested: bool, count: usize) {
    let depth = if nested { "####" } else { "##" };
    for _ in 0..count {
        md.push_str(&format!(
            "\n{depth} {}\n\n",
            rng.sentence(8).trim_end_matches('.')
        ));
        md.push_str(&format!("{}\n\n", rng.sentence(30)));
        for _ in 0..2 {
            md.push_str(&format!("- {}\n", rng.sentence(18)));
        }
    }
}

/// A one-level file whose expectations are headings beside a plain dimension.
fn level_with_headings(rng: &mut Lcg, number: usize, title: &str) -> String {
    let mut md = format!("# L{number}: {title}\n\n> {}\n\n", rng.sentence(40));
    md.push_str(&format!(
        "- **Planning horizon**: {}\n\n## Impact\n\n",
        rng.sentence(6)
    ));
    for _ in 0..4 {
        md.push_str(&format!("- {}\n", rng.sentence(14)));
    }
    heading_expectations(rng, &mut md, false, 6);
    md
}

/// A role family's file of several levels: `# Family`, an introduction, then a
/// `## Level` section each with dimensions holding expectation headings.
fn role_family(rng: &mut Lcg, track: &str) -> String {
    let mut md = format!("# {track} Specialists\n\n{}\n", rng.sentence(50));
    for seniority in ["Associate", "", "Senior", "Staff", "Principal"] {
        let title = format!("{seniority} {track} Specialist");
        md.push_str(&format!("\n## {}\n\n{}\n", title.trim(), rng.sentence(30)));
        for dimension in &DIMENSIONS[..3] {
            md.push_str(&format!("\n### {dimension}\n"));
            heading_expectations(rng, &mut md, true, 3);
        }
    }
    md
}

/// The layouts besides one-level files, for one track: a file of several levels,
/// expectations for everyone, a guide with links and a rating scale page.
fn other_layouts(rng: &mut Lcg, track: &str) -> Vec<(String, String)> {
    let mut everyone = String::from("# Everyone\n\n");
    heading_expectations(rng, &mut everyone, false, 6);
    let mut guide = format!("# How {track} reviews work\n\n");
    for step in 1..=6 {
        guide.push_str(&format!(
            "{step}. {} See [the guide](https://example.com/{track}/{step}).\n",
            rng.sentence(16)
        ));
    }
    guide.push_str(&format!("\n{}\n", rng.sentence(40)));
    let scale = "# Rating scale\n\n- **Maturing**: sometimes.\n- **Performing**: consistently.\n- **Exceeding**: beyond it.\n";
    vec![
        (
            format!("{track}/{track}-Specialists.md"),
            role_family(rng, track),
        ),
        (format!("{track}/Everyone.md"), everyone),
        (format!("{track}/How-Reviews-Work.md"), guide),
        (format!("{track}/Rating-Scale.md"), scale.to_owned()),
    ]
}

/// The ladder the benchmarks import: about 1 MB of levels, the same on every run
/// (`benches/wasm_import.rs` uses it too).
pub fn generate() -> Vec<(String, String)> {
    let mut rng = Lcg(42);
    let mut files = Vec::new();
    for track in ["Engineering", "Design", "Product", "Data"] {
        files.extend(other_layouts(&mut rng, track));
    }
    let mut total: usize = files.iter().map(|(_, md)| md.len()).sum();
    'outer: for track in ["Engineering", "Design", "Product", "Data"] {
        for role in [
            "Backend",
            "Frontend",
            "Site-Reliability",
            "Research",
            "Management",
        ] {
            for number in 1..=10 {
                let title = format!("{} {}", role.replace('-', " "), track);
                // Research levels write expectations as headings; Management has
                // decimal levels and a variant of L5.
                let (label, md) = match (role, number) {
                    ("Research", _) => (
                        format!("L{number}"),
                        level_with_headings(&mut rng, number, &title),
                    ),
                    ("Management", 4) => (
                        "L4.5".to_owned(),
                        level(&mut rng, 4, &title).replacen("# L4:", "# L4.5:", 1),
                    ),
                    _ => (format!("L{number}"), level(&mut rng, number, &title)),
                };
                let mut add = |label: &str, title: &str, md: String| {
                    total += md.len();
                    files.push((
                        format!(
                            "{track}/{role}-{track}/{label}-{}.md",
                            title.replace(' ', "-")
                        ),
                        md,
                    ));
                };
                add(&label, &title, md);
                if (role, number) == ("Management", 5) {
                    let variant = format!("{title} Mobile");
                    let md = level(&mut rng, 5, &variant);
                    add("L5", &variant, md);
                }
                if total >= TARGET_BYTES {
                    break 'outer;
                }
            }
        }
    }
    files
}

fn main() {
    let files = generate();
    let bytes: usize = files.iter().map(|(_, md)| md.len()).sum();
    let mb = bytes as f64 / 1e6;
    let input: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, md)| (p.as_str(), md.as_bytes()))
        .collect();

    let check = import_ladder(input.iter().copied());
    let levels: usize = check.ladder.roles.iter().map(|r| r.levels.len()).sum();
    let expectations: usize = check
        .ladder
        .roles
        .iter()
        .flat_map(|r| &r.levels)
        .map(|l| l.expectation_count())
        .sum();
    // Warnings where the importer guessed (guide pages, the variant); no errors.
    assert!(
        !check.has_errors(),
        "generated ladder has no errors: {:?}",
        check.diagnostics.iter().find(|d| d.is_error())
    );
    let layouts = (
        check.ladder.guides.len(),
        check.ladder.everyone.len(),
        check
            .ladder
            .roles
            .iter()
            .filter(|r| r.levels.iter().any(|l| l.number.is_none()))
            .count(),
    );

    // pulldown-cmark alone, walking every event of the same files: for scale, and as
    // the yardstick below.
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let parse_only = || {
        let start = Instant::now();
        for (_, md) in &files {
            for event in pulldown_cmark::Parser::new_ext(md, options).into_offset_iter() {
                black_box(event);
            }
        }
        start.elapsed().as_secs_f64() * 1e3 / mb
    };
    let import = || {
        let start = Instant::now();
        let import = black_box(import_ladder(black_box(input.iter().copied())));
        let elapsed = start.elapsed();
        // Freeing the model is not part of importing it.
        drop(import);
        elapsed.as_secs_f64() * 1e3 / mb
    };

    for _ in 0..3 {
        import();
        parse_only();
    }
    // The two in turn, so that each pair sees the machine at the same speed: on a
    // shared machine whose speed drifts, their ratio holds still when the times do not.
    let (mut ms_per_mb, mut parse_ms, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (i, p) = (import(), parse_only());
        ms_per_mb.push(i);
        parse_ms.push(p);
        ratio.push(i / p);
    }
    for v in [&mut ms_per_mb, &mut parse_ms, &mut ratio] {
        v.sort_by(f64::total_cmp);
    }
    let (min, median, max) = (ms_per_mb[0], ms_per_mb[RUNS / 2], ms_per_mb[RUNS - 1]);
    println!(
        "import: {:.2} MB in {} files ({levels} levels, {expectations} expectations), {RUNS} runs",
        mb,
        files.len()
    );
    println!(
        "  layouts: {} guide pages, {} pages of expectations for everyone, {} files of several levels",
        layouts.0, layouts.1, layouts.2
    );
    println!("  ms per MB: median {median:.2}, min {min:.2}, max {max:.2}");
    println!(
        "  MB/s:      median {:.1}, best {:.1}, worst {:.1}",
        1e3 / median,
        1e3 / min,
        1e3 / max
    );
    println!(
        "  goal: 1 MB in under 10 ms: {} (median), {} (best run)",
        if median < 10.0 { "met" } else { "missed" },
        if min < 10.0 { "met" } else { "missed" }
    );
    println!(
        "  (for scale, pulldown-cmark events alone: median {:.2}, min {:.2} ms per MB)",
        parse_ms[RUNS / 2],
        parse_ms[0]
    );
    println!(
        "  import / pulldown-cmark alone, run in turn: median {:.2}x (min {:.2}x, max {:.2}x)",
        ratio[RUNS / 2],
        ratio[0],
        ratio[RUNS - 1]
    );
}
