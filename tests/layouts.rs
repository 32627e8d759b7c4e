//! The ladder layouts of issue 19, one test (or a few) per layout, on the
//! all-layouts fixture `tests/fixtures/layouts` and on small inline ladders.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use rungs::ladder::import::diagnostic::Severity;
use rungs::ladder::import::tracks::group_picked;
use rungs::ladder::import::{import_ladder, read_dir, Import};
use rungs::ladder::{Block, Ladder, Level, Role, Text};

#[track_caller]
fn import_dir(dir: &str) -> Import {
    let files = read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).expect("readable dir");
    import_ladder(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}

#[track_caller]
fn import_files(files: &[(&str, &str)]) -> Import {
    import_ladder(files.iter().map(|(p, s)| (*p, s.as_bytes())))
}

fn layouts() -> Import {
    import_dir("tests/fixtures/layouts")
}

fn diagnostics(import: &Import) -> Vec<String> {
    import.diagnostics.iter().map(ToString::to_string).collect()
}

#[track_caller]
fn role<'a>(ladder: &'a Ladder, id: &str) -> &'a Role {
    ladder
        .role(id)
        .unwrap_or_else(|| panic!("role {id} in {:?}", role_ids(ladder)))
}

fn role_ids(ladder: &Ladder) -> Vec<&str> {
    ladder.roles.iter().map(|r| r.id.as_str()).collect()
}

fn headings(role: &Role) -> Vec<String> {
    role.levels.iter().map(Level::heading).collect()
}

fn expectations(level: &Level) -> Vec<String> {
    level
        .dimensions
        .iter()
        .flat_map(|d| d.expectations.iter().map(|e| e.text.to_plain()))
        .collect()
}

fn plain(texts: &[Text]) -> Vec<String> {
    texts.iter().map(Text::to_plain).collect()
}

// ------------------------------------------------------- the whole fixture

#[test]
fn the_all_layouts_fixture_has_no_errors_and_warns_only_where_the_importer_guessed() {
    let import = layouts();
    assert!(!import.has_errors(), "{:#?}", diagnostics(&import));
    let warnings: Vec<String> = diagnostics(&import);
    assert_eq!(
        warnings,
        vec![
            "Engineering/Data-Engineering/L2-Data-Engineer.md:6: warning: `**Impact radius**` has no colon; read as an attribute (write `**Impact radius**: value`)",
            "Engineering/How-Reviews-Work.md:1: warning: no expectations: shown as a guide",
            "Engineering/Rating-Scale.md:1: warning: no expectations: shown as a guide",
            "Engineering/Software-Engineering/L3-Senior-Software-Engineer-Mobile.md:1: warning: L3: Senior Software Engineer, Mobile has the same level number as L3: Senior Software Engineer: read as its variant `l3-mobile`",
            "Engineering/Support/L3-Support-Manager.md:1: warning: two levels numbered L3 in `Support`: read as two roles by their titles, `Support Engineer` and `Support Manager`",
            "Engineering/Support/Skills-Matrix.md:1: warning: no expectations: shown as a guide",
        ]
    );
    assert!(import
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Warning));
    assert_eq!(
        role_ids(&import.ladder),
        vec![
            "engineering/data-engineering",
            "engineering/software-engineering",
            "engineering/support",
            "engineering/support-manager",
            "product/product-roles",
        ]
    );
}

// ------------------------------------------- 1. several levels in one file

#[test]
fn each_level_section_of_a_role_family_file_is_a_level_in_file_order() {
    let import = layouts();
    let product = role(&import.ladder, "product/product-roles");
    assert_eq!(
        (product.track.as_str(), product.name.as_str()),
        ("Product", "Product Roles")
    );
    assert_eq!(
        headings(product),
        vec![
            "Associate Product Manager",
            "Product Manager",
            "Senior Product Manager"
        ]
    );
    let ids: Vec<&str> = product.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            "associate-product-manager",
            "product-manager",
            "senior-product-manager"
        ]
    );
    assert!(product
        .levels
        .iter()
        .all(|l| l.source == "Product/Product-Roles.md" && l.number.is_none()));
    // The same expectation in two levels of one file is no duplicate.
    assert!(expectations(&product.levels[0]).contains(&"I talk to customers every week".into()));
    assert!(expectations(&product.levels[1]).contains(&"I talk to customers every week".into()));
}

#[test]
fn text_under_an_expectation_heading_is_its_details_and_its_bullets_its_examples() {
    let import = layouts();
    let product = role(&import.ladder, "product/product-roles");
    let pm = product.level("product-manager").expect("product manager");
    assert_eq!(
        pm.summary.to_plain(),
        "You own a feature area end to end and decide what the team builds next."
    );
    let roadmap = pm
        .dimensions
        .iter()
        .flat_map(|d| &d.expectations)
        .find(|e| e.text.to_plain() == "I own a roadmap for my area")
        .expect("roadmap expectation");
    assert_eq!(
        plain(&roadmap.details),
        vec!["My roadmap explains the order of the work and I update it when we learn something new."]
    );
    assert_eq!(
        plain(&roadmap.examples),
        vec![
            "I moved the export work ahead of the theme editor after the pricing interviews.",
            "I explained the change to sales in a short written note."
        ]
    );
}

#[test]
fn the_role_familys_introduction_is_a_guide_page_of_the_role() {
    let import = layouts();
    let intro = import
        .ladder
        .guide("product/product-roles")
        .expect("introduction guide");
    assert_eq!(intro.role.as_deref(), Some("product/product-roles"));
    assert_eq!(intro.track, "Product");
    assert!(
        matches!(&intro.blocks[..], [Block::Paragraph(t)] if t.to_plain().starts_with("Everyone in product"))
    );
}

#[test]
fn unnumbered_levels_keep_the_files_order_not_the_alphabet() {
    let md = "# Design Roles\n\n## Staff Designer\n\n### I set the design direction\n\n## Designer\n\n### I design features\n\n## Associate Designer\n\n### I learn our design system\n";
    let import = import_files(&[("Design/Design-Roles.md", md)]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
    let r = role(&import.ladder, "design/design-roles");
    assert_eq!(
        headings(r),
        vec!["Staff Designer", "Designer", "Associate Designer"]
    );
}

#[test]
fn numbered_level_sections_are_ordered_by_number() {
    let md = "# Analytics\n\n## L2: Analyst\n\n### Craft\n\n- I build reports.\n\n## L1: Junior Analyst\n\n### Craft\n\n- I clean data.\n";
    let import = import_files(&[("Data/Analytics.md", md)]);
    let r = role(&import.ladder, "data/analytics");
    assert_eq!(headings(r), vec!["L1: Junior Analyst", "L2: Analyst"]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
}

#[test]
fn a_one_level_file_with_dimension_headings_is_not_split_into_levels() {
    let md = "# L2: Engineer\n\n## Impact\n\n- I ship.\n\n## Team Lead\n\n- I help my lead.\n";
    let import = import_files(&[("E/Eng/L2-Engineer.md", md)]);
    let r = role(&import.ladder, "e/eng");
    assert_eq!(r.levels.len(), 1);
    assert_eq!(r.levels[0].dimensions.len(), 2);
}

// ------------------------------------------- 2. expectations as headings

#[test]
fn expectation_headings_beside_plain_dimensions_are_expectations_of_general() {
    let import = layouts();
    let level = role(&import.ladder, "engineering/data-engineering")
        .level("l2")
        .expect("L2");
    let shape: Vec<(String, Vec<String>)> = level
        .dimensions
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                d.expectations.iter().map(|e| e.text.to_plain()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (
                "Impact".to_owned(),
                vec![
                    "I keep the pipelines I own green and fix breakages the same day.".to_owned(),
                    "I document every dataset I publish.".to_owned()
                ]
            ),
            (
                "General".to_owned(),
                vec![
                    "I deliver high-quality work consistently".to_owned(),
                    "I make data easy to find".to_owned()
                ]
            ),
        ]
    );
    let deliver = &level.dimensions[1].expectations[0];
    assert_eq!(deliver.details.len(), 1);
    assert_eq!(deliver.examples.len(), 2);
}

#[test]
fn expectation_headings_inside_a_dimension_belong_to_it() {
    let md = "# L2: Dev\n\n## Craft\n\n### I test my code\n\nEvery change has tests.\n\n#### Examples\n\n- I added tests to the parser.\n\n### I review code\n";
    let import = import_files(&[("E/D/L2-Dev.md", md)]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
    let level = &import.ladder.roles[0].levels[0];
    assert_eq!(level.dimensions.len(), 1);
    let craft = &level.dimensions[0];
    assert_eq!(craft.name, "Craft");
    assert_eq!(
        craft
            .expectations
            .iter()
            .map(|e| e.text.to_plain())
            .collect::<Vec<_>>(),
        vec!["I test my code", "I review code"]
    );
    assert_eq!(
        plain(&craft.expectations[0].details),
        vec!["Every change has tests."]
    );
    assert_eq!(
        plain(&craft.expectations[0].examples),
        vec!["I added tests to the parser."]
    );
}

#[test]
fn flat_expectation_headings_after_an_empty_dimension_heading_belong_to_it() {
    let md = "# L2: Dev\n\n## Craft\n\n## I test my code\n\nEvery change has tests.\n\n## I review code\n\n## Care\n\n- I help.\n\n## I share what I learn\n";
    let import = import_files(&[("E/D/L2-Dev.md", md)]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
    let level = &import.ladder.roles[0].levels[0];
    let shape: Vec<(&str, Vec<String>)> = level
        .dimensions
        .iter()
        .map(|d| {
            (
                d.name.as_str(),
                d.expectations.iter().map(|e| e.text.to_plain()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (
                "Craft",
                vec!["I test my code".to_owned(), "I review code".to_owned()]
            ),
            ("Care", vec!["I help.".to_owned()]),
            ("General", vec!["I share what I learn".to_owned()]),
        ]
    );
}

#[test]
fn a_key_without_a_colon_is_an_attribute_with_a_warning_not_an_expectation() {
    let import = layouts();
    let level = role(&import.ladder, "engineering/data-engineering")
        .level("l2")
        .expect("L2");
    let attributes: Vec<(String, String)> = level
        .attributes
        .iter()
        .map(|a| (a.name.clone(), a.value.to_plain()))
        .collect();
    assert_eq!(
        attributes,
        vec![
            (
                "Planning horizon".to_owned(),
                "The current quarter".to_owned()
            ),
            ("Impact radius".to_owned(), "Team".to_owned()),
        ]
    );
    assert!(!expectations(level)
        .iter()
        .any(|e| e.contains("Impact radius")));
}

// --------------------------------------------- 3. tracks, variants, decimals

#[test]
fn two_levels_of_one_number_naming_different_roles_are_two_tracks() {
    let import = layouts();
    let engineer = role(&import.ladder, "engineering/support");
    assert_eq!(engineer.name, "Support Engineer");
    assert_eq!(
        headings(engineer),
        vec![
            "L1: Support Engineer",
            "L2: Senior Support Engineer",
            "L3: Lead Support Engineer"
        ]
    );
    let manager = role(&import.ladder, "engineering/support-manager");
    assert_eq!(manager.name, "Support Manager");
    assert_eq!(headings(manager), vec!["L3: Support Manager"]);
    assert_eq!(manager.levels[0].id, "l3");
}

#[test]
fn a_longer_title_of_the_same_level_number_is_a_variant_and_decimals_are_levels_of_their_own() {
    let import = layouts();
    let software = role(&import.ladder, "engineering/software-engineering");
    let ids: Vec<(&str, &str)> = software
        .levels
        .iter()
        .map(|l| (l.id.as_str(), l.label.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("l1", "L1"),
            ("l1-0", "L1.0"),
            ("l2-5", "L2.5"),
            ("l3", "L3"),
            ("l3-mobile", "L3"),
        ]
    );
}

#[test]
fn the_base_level_keeps_its_id_whichever_title_sorts_first() {
    let base = (
        "E/Dev/L3-Software-Engineer.md",
        "# L3: Software Engineer\n\n## C\n\n- I build.\n",
    );
    let variant = (
        "E/Dev/L3-Mobile-Software-Engineer.md",
        "# L3: Mobile Software Engineer\n\n## C\n\n- I build apps.\n",
    );
    let import = import_files(&[base, variant]);
    assert!(!import.has_errors(), "{:?}", diagnostics(&import));
    let r = role(&import.ladder, "e/dev");
    let level = |id: &str| r.level(id).map(|l| l.title.clone());
    assert_eq!(level("l3"), Some("Software Engineer".to_owned()));
    assert_eq!(
        level("l3-mobile"),
        Some("Mobile Software Engineer".to_owned())
    );
}

#[test]
fn l1_0_beside_l1_is_no_duplicate() {
    let import = import_files(&[
        (
            "E/Eng/L1-Junior-Engineer.md",
            "# L1: Junior Engineer\n\n## C\n\n- I learn.\n",
        ),
        (
            "E/Eng/L1.0-Graduate-Engineer.md",
            "# L1.0: Graduate Engineer\n\n## C\n\n- I rotate.\n",
        ),
    ]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
    let r = role(&import.ladder, "e/eng");
    assert_eq!(
        headings(r),
        vec!["L1: Junior Engineer", "L1.0: Graduate Engineer"]
    );
}

// ------------------------------------------------ 4. expected of everyone

#[test]
fn a_file_named_everyone_holds_expectations_for_every_track() {
    let import = layouts();
    let ladder = &import.ladder;
    assert_eq!(ladder.everyone.len(), 1);
    let everyone = &ladder.everyone[0];
    assert_eq!(
        (everyone.id.as_str(), everyone.track.as_deref()),
        ("everyone", None)
    );
    assert_eq!(everyone.level.title, "Everyone");
    assert_eq!(
        expectations(&everyone.level),
        vec!["I treat colleagues with respect", "I share what I learn"]
    );
    for role in &ladder.roles {
        assert_eq!(ladder.everyone_for(role), Some(everyone), "{}", role.id);
    }
    assert_eq!(ladder.everyone_page("everyone"), Some(everyone));
    // Not a level of any role.
    assert!(ladder
        .roles
        .iter()
        .flat_map(|r| &r.levels)
        .all(|l| l.source != "Everyone.md"));
}

#[test]
fn front_matter_everyone_true_makes_a_tracks_expectations_for_everyone() {
    let values = "---\neveryone: true\n---\n# Our values\n\n## Craft\n\n- I leave the code better than I found it.\n";
    let import = import_files(&[
        ("Design/Values.md", values),
        (
            "Design/Product/L1-Designer.md",
            "# L1: Designer\n\n## C\n\n- I design.\n",
        ),
        (
            "Ops/Infra/L1-Operator.md",
            "# L1: Operator\n\n## C\n\n- I operate.\n",
        ),
    ]);
    assert!(import.diagnostics.is_empty(), "{:?}", diagnostics(&import));
    let ladder = &import.ladder;
    let everyone = ladder
        .everyone_page("design/everyone")
        .expect("design's page");
    assert_eq!(everyone.track.as_deref(), Some("Design"));
    assert_eq!(everyone.level.title, "Our values");
    assert_eq!(
        ladder.everyone_for(role(ladder, "design/product")),
        Some(everyone)
    );
    assert_eq!(ladder.everyone_for(role(ladder, "ops/infra")), None);
}

// --------------------------------------------------- 5. pages not levels

#[test]
fn a_page_with_no_expectations_is_a_guide_with_its_text_and_links() {
    let import = layouts();
    let guide = import
        .ladder
        .guide("engineering/how-reviews-work")
        .expect("guide");
    assert_eq!(guide.title, "How reviews work");
    assert_eq!(guide.track, "Engineering");
    assert_eq!(guide.role, None);
    assert!(!guide.rating_scale);
    let bullets: Vec<String> = guide
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Bullet(t) => Some(t.to_plain()),
            _ => None,
        })
        .collect();
    assert_eq!(bullets.len(), 3);
    let links: Vec<(String, String)> = guide
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph(t) | Block::Bullet(t) | Block::Heading(t) => t.0.clone(),
        })
        .filter_map(|s| s.link.map(|l| (s.text, l)))
        .collect();
    assert_eq!(
        links,
        vec![
            ("rating scale".to_owned(), "Rating-Scale.md".to_owned()),
            (
                "the people team".to_owned(),
                "mailto:people@example.com".to_owned()
            ),
        ]
    );
}

#[test]
fn an_unnumbered_page_of_steps_under_one_heading_is_a_guide_not_a_level() {
    let md = "# How our reviews work\n\n1. I rate myself.\n2. I share the link with my manager.\n";
    let import = import_files(&[("Eng/Reviews.md", md)]);
    assert!(import.ladder.roles.is_empty(), "{:?}", import.ladder.roles);
    assert_eq!(import.ladder.guides[0].title, "How our reviews work");
    assert_eq!(
        diagnostics(&import),
        vec!["Eng/Reviews.md:1: warning: no expectations: shown as a guide"]
    );
}

#[test]
fn a_page_that_links_to_a_spreadsheet_is_a_guide_of_its_folders_role() {
    let import = layouts();
    let guide = import
        .ladder
        .guide("engineering/skills-matrix")
        .expect("guide");
    assert_eq!(guide.role.as_deref(), Some("engineering/support"));
    assert!(import
        .ladder
        .roles
        .iter()
        .flat_map(|r| &r.levels)
        .all(|l| l.source != guide.source));
}

#[test]
fn the_rating_scale_page_is_marked_for_a_link_from_check_yourself() {
    let import = layouts();
    let scales: Vec<&str> = import
        .ladder
        .guides
        .iter()
        .filter(|g| g.rating_scale)
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(scales, vec!["engineering/rating-scale"]);
}

// ------------------------------------------ loose files picked in a browser

#[test]
fn loose_files_whose_titles_name_one_role_are_grouped_and_the_page_says_so() {
    let files: Vec<(&str, &str)> = vec![
        (
            "L1-Junior-Data-Engineer.md",
            "# L1: Junior Data Engineer\n\n## C\n\n- I learn SQL.\n",
        ),
        (
            "L2-Data-Engineer.md",
            "# L2: Data Engineer\n\n## C\n\n- I build pipelines.\n",
        ),
        (
            "L3-Senior-Data-Engineer.md",
            "# L3: Senior Data Engineer\n\n## C\n\n- I design pipelines.\n",
        ),
        (
            "L4-Staff-Data-Engineer.md",
            "# L4: Staff Data Engineer\n\n## C\n\n- I set data strategy.\n",
        ),
    ];
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(p, s)| (*p, s.as_bytes())).collect();
    let grouping = group_picked(&bytes);
    assert_eq!(grouping.groups.len(), 1);
    assert_eq!(grouping.groups[0].0, "Data Engineer");
    assert!(grouping.alone.is_empty());
    assert_eq!(
        grouping.note().as_deref(),
        Some("4 files were put in one role, Data Engineer, because their titles name it.")
    );
    let import = import_ladder(
        grouping
            .paths
            .iter()
            .zip(&bytes)
            .map(|(path, (_, b))| (path.as_str(), *b)),
    );
    assert_eq!(role_ids(&import.ladder), vec!["general/data-engineer"]);
    assert_eq!(import.ladder.roles[0].levels.len(), 4);
}

#[test]
fn loose_files_that_cannot_be_grouped_get_a_folder_suggestion() {
    let files: Vec<(&str, &[u8])> = vec![
        (
            "L1-Data-Engineer.md",
            b"# L1: Data Engineer\n\n## C\n\n- I learn.\n",
        ),
        (
            "L2-Data-Engineer.md",
            b"# L2: Data Engineer\n\n## C\n\n- I build.\n",
        ),
        (
            "L3-Platform-Lead.md",
            b"# L3: Platform Lead\n\n## C\n\n- I lead.\n",
        ),
        ("notes.txt", b"not a ladder file"),
    ];
    let grouping = group_picked(&files);
    assert_eq!(grouping.alone, vec!["L3-Platform-Lead.md"]);
    assert_eq!(grouping.paths[3], "notes.txt");
    let note = grouping.note().expect("a note");
    assert!(note.ends_with("The role of L3-Platform-Lead.md could not be told from its title: choose a folder to keep each role's files together."), "{note}");
}

#[test]
fn files_picked_from_a_folder_are_left_as_they_are() {
    let files: Vec<(&str, &[u8])> = vec![
        (
            "Data/L1-Data-Engineer.md",
            b"# L1: Data Engineer\n\n- I learn.\n",
        ),
        (
            "Data/L2-Data-Engineer.md",
            b"# L2: Data Engineer\n\n- I build.\n",
        ),
    ];
    let grouping = group_picked(&files);
    assert_eq!(
        grouping.paths,
        vec!["Data/L1-Data-Engineer.md", "Data/L2-Data-Engineer.md"]
    );
    assert_eq!(grouping.note(), None);
}
