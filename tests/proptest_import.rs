//! Property tests: the importer never panics, whatever it is fed, and
//! writing a level back to markdown and importing it again gives the same
//! level; a ladder survives JSON and the stored form (what the browser keeps of an
//! imported ladder, and what the app ships of the embedded one).

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use rungs::ladder::format::markdown::level_to_markdown;
use rungs::ladder::format::stored::{read_stored, read_stored_levels, write_stored};
use rungs::ladder::import::import_ladder;
use rungs::ladder::{Ladder, Level};

const PATHS: [&str; 6] = [
    "E/R/L2-Dev.md",
    "E/R/Dev",
    "L3-Top.md",
    "A/B/C/level-4.md",
    "E/R/Senior Dev L10.markdown",
    "E/R/x",
];

/// A word, a mark or something awkward a ladder might contain.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z]{1,8}",
        1 => "[0-9]{1,3}",
        1 => "[.,;:!?()'\"/-]",
        1 => prop::sample::select(vec![
            "é", "Über", "🦉", "❤️", "👩‍💻", "ðŸ¦‰", "\u{f8ff}ü¶â", "â€™", "*", "_", "`", "**", "__", "~~", "<b>", "</b>",
            "[link](https://x.example)", "![img](i.png)", "&amp;", "\\", "#", "|", "<br>", "L2", "Level 3", "Examples:",
            "<https://auto.example>", "\t", "  ", "ü", "\u{200d}", "\u{fe0f}", "\u{0}", "1.", "-", ">", "[ ]",
            "x*y*z", "**x***y*", "***x***", "*x***y**", "`` a`b ``", "_x_y", "**`c`**", "*a **b** c*", "a\\", "&#42;",
        ])
        .prop_map(str::to_owned),
    ]
}

fn inline() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..8).prop_map(|w| w.join(" "))
}

fn styled() -> impl Strategy<Value = String> {
    (
        inline(),
        prop::sample::select(vec!["", "*", "**", "_", "`", "***"]),
        inline(),
    )
        .prop_map(|(a, mark, b)| {
            if mark.is_empty() {
                format!("{a} {b}")
            } else {
                format!("{a} {mark}{b}{mark}")
            }
        })
}

/// One line (or a few) of markdown-ish text.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (1usize..=6, styled()).prop_map(|(n, t)| format!("{} {t}", "#".repeat(n))),
        6 => ("( {0,5})", prop::sample::select(vec!["-", "*", "+", "1.", "2)"]), styled()).prop_map(|(i, m, t)| format!("{i}{m} {t}")),
        3 => styled(),
        1 => styled().prop_map(|t| format!("> {t}")),
        2 => (inline(), inline()).prop_map(|(k, v)| format!("- **{k}**: {v}")),
        1 => prop::sample::select(vec![
            "", "", "", "<details>", "</details>", "<summary>Examples</summary>", "<details><summary>Examples</summary>",
            "**Examples:**", "### Examples", "| a | b |", "|---|---|", "| 1 | 2 |", "```", "~~~", "---", "===", "***",
            "<!-- note -->", "<!--", "-->", "<div>", "</div>", "\u{feff}", "\r", "L2: Title", "    code",
        ])
        .prop_map(str::to_owned),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 0..40), any::<bool>())
        .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

/// Where a file may sit so that it is read as a level, a guide page or the
/// expectations for everyone.
const PAGES: [&str; 6] = [
    "E/R/L2-Dev.md",
    "E/R/Senior Dev L10.markdown",
    "E/How-Reviews-Work.md",
    "E/Rating-Scale.md",
    "E/Everyone.md",
    "Everyone.md",
];

fn levels(ladder: Ladder) -> Vec<Level> {
    ladder.roles.into_iter().flat_map(|r| r.levels).collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/proptest_import.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), path in prop::sample::select(PATHS.to_vec())) {
        let import = import_ladder([(path, bytes.as_slice())]);
        for d in &import.diagnostics {
            prop_assert!(d.line >= 1);
        }
    }

    #[test]
    fn arbitrary_strings_and_paths_never_panic(text in ".{0,500}", path in ".{0,40}") {
        let _ = import_ladder([(path.as_str(), text.as_bytes()), ("E/R/L1.md", text.as_bytes())]);
    }

    #[test]
    fn markdownish_input_never_panics_and_lines_are_in_the_file(doc in document(), path in prop::sample::select(PATHS.to_vec())) {
        let import = import_ladder([(path, doc.as_bytes())]);
        let lines = doc.split('\n').count().max(doc.split('\r').count());
        for d in &import.diagnostics {
            prop_assert!(d.line >= 1 && d.line <= lines + 1, "{} not in {} lines", d, lines);
            prop_assert_eq!(d.path.as_str(), path);
        }
    }

    #[test]
    fn written_level_imports_to_the_same_level(doc in document(), path in prop::sample::select(PATHS.to_vec())) {
        for level in levels(import_ladder([(path, doc.as_bytes())]).ladder) {
            let markdown = level_to_markdown(&level);
            let again = levels(import_ladder([(path, markdown.as_bytes())]).ladder);
            prop_assert_eq!(again.len(), 1, "markdown:\n{}", markdown);
            prop_assert_eq!(&again[0], &level, "markdown:\n{}", markdown);
        }
    }

    #[test]
    fn ladder_survives_json(docs in prop::collection::vec(document(), 1..4)) {
        let files: Vec<(&str, &[u8])> = docs.iter().zip(PATHS).map(|(d, p)| (p, d.as_bytes())).collect();
        let ladder = import_ladder(files).ladder;
        let json = serde_json::to_string(&ladder).expect("serialises");
        let back: Ladder = serde_json::from_str(&json).expect("deserialises");
        prop_assert_eq!(back, ladder);
    }

    #[test]
    fn ladder_survives_the_stored_form(docs in prop::collection::vec(document(), 1..6)) {
        let files: Vec<(&str, &[u8])> = docs.iter().zip(PAGES).map(|(d, p)| (p, d.as_bytes())).collect();
        let ladder = import_ladder(files).ladder;
        let stored = write_stored(&ladder);
        let back = read_stored(&stored);
        prop_assert_eq!(back.as_ref(), Some(&ladder), "stored:\n{}", stored);
        let without = Ladder { guides: Vec::new(), ..ladder };
        prop_assert_eq!(read_stored_levels(&stored), Some(without));
    }
}
