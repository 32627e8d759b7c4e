//! Component tests in headless Chromium and Firefox (scripts/test runs both): mount the
//! app, act, assert on what a user sees.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

use rungs::ladder::import::diagnostic::Severity;
use rungs::ladder::import::{import_ladder, Import};
use rungs::page_note::BuildError;
use rungs::App;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_bytes!(concat!("fixtures/ladders/", $path)).as_slice())),*]
    };
}

/// Acme Robotics: two tracks, three roles, one with L1–L4 and L10.
fn acme() -> Import {
    import_ladder(fixture![
        "README.md",
        "Design/Product-Design/L1-Product-Designer.md",
        "Design/Product-Design/L2-Product-Designer.md",
        "Engineering/Hardware-Engineering/L2-Hardware-Engineer.md",
        "Engineering/Hardware-Engineering/L3-Senior-Hardware-Engineer.md",
        "Engineering/Robotics-Software-Engineering/L1-Robotics-Software-Engineer.md",
        "Engineering/Robotics-Software-Engineering/L10-Distinguished-Engineer.md",
        "Engineering/Robotics-Software-Engineering/L2-Robotics-Software-Engineer.md",
        "Engineering/Robotics-Software-Engineering/L3-Senior-Robotics-Software-Engineer.md",
        "Engineering/Robotics-Software-Engineering/L4-Staff-Robotics-Software-Engineer.md",
    ])
}

const ROBOTICS: &str = "engineering/robotics-software-engineering";

/// The embedded ladder where the app and its modules read it (`ui::ladder_files`), as
/// `public/lazy.js` holds it once a page has loaded all of it: the tests' page has no
/// build's files to load.
fn embedded_ladder_loaded() {
    use wasm_bindgen::closure::Closure;
    let text = rungs::ladder::format::stored::write_stored(&rungs::embedded::ladder());
    let has = text.clone();
    let ladder = Closure::<dyn Fn() -> String>::new(move || text.clone());
    js_sys::Reflect::set(&window(), &"rungsLadder".into(), ladder.as_ref()).unwrap();
    ladder.forget();
    let has = Closure::<dyn Fn(String) -> bool>::new(move |t: String| has.contains(&t));
    js_sys::Reflect::set(&window(), &"rungsLadderHas".into(), has.as_ref()).unwrap();
    has.forget();
    rungs::ui::extra::forget_ladder();
}

/// Mounts the app for `import` at `hash` in a fresh container; unmounts on drop.
struct Mounted {
    root: HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

async fn mount(import: Import, hash: &str) -> Mounted {
    let problems: Vec<BuildError> = import
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(BuildError::from)
        .collect();
    let ladder = import.ladder;
    embedded_ladder_loaded();
    set_hash(hash);
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <App ladder=ladder.clone() problems=problems.clone() /> }.into_any()
    });
    settle().await;
    Mounted {
        root,
        _handle: handle,
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Mounted {
    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    fn select(&self, id: &str) -> HtmlSelectElement {
        self.root
            .query_selector(&format!("#{id}"))
            .unwrap()
            .expect(id)
            .unchecked_into()
    }

    fn h1(&self) -> String {
        self.texts("h1").join("|")
    }
}

fn set_hash(hash: &str) {
    let loc = window().location();
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap(),
        loc.search().unwrap(),
        hash
    );
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        .unwrap();
}

/// Lets events, effects and rendering run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

async fn go(hash: &str) {
    window().location().set_hash(hash).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn home_lists_every_track_and_role_of_the_fixture_ladder() {
    let app = mount(acme(), "#/").await;
    assert_eq!(app.h1(), "Career ladders");
    assert_eq!(app.texts("main h2"), ["Design", "Engineering"]);
    assert_eq!(
        app.texts("main h3"),
        [
            "Product Design",
            "Hardware Engineering",
            "Robotics Software Engineering"
        ]
    );
}

#[wasm_bindgen_test]
async fn role_picker_groups_roles_by_track() {
    let app = mount(acme(), "#/").await;
    assert_eq!(
        app.texts("#role-picker optgroup").len(),
        2,
        "one optgroup per track"
    );
    let labels: Vec<String> = {
        let list = app
            .root
            .query_selector_all("#role-picker optgroup")
            .unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .unchecked_into::<web_sys::Element>()
                    .get_attribute("label")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(labels, ["Design", "Engineering"]);
    assert!(
        app.select("level-picker").disabled(),
        "no level to pick before a role"
    );
}

#[wasm_bindgen_test]
async fn level_picker_orders_levels_by_number_not_by_name() {
    let app = mount(acme(), &format!("#/{ROBOTICS}/l1")).await;
    let levels: Vec<String> = app
        .texts("#level-picker option")
        .iter()
        .map(|t| t.split(':').next().unwrap().to_string())
        .collect();
    assert_eq!(levels, ["L1", "L2", "L3", "L4", "L10"]);
    assert_eq!(app.select("level-picker").value(), "l1");
    assert_eq!(app.select("role-picker").value(), ROBOTICS);
}

#[wasm_bindgen_test]
async fn picking_a_level_opens_it_and_updates_the_url() {
    let app = mount(acme(), &format!("#/{ROBOTICS}/l1")).await;
    let level = app.select("level-picker");
    level.set_value("l3");
    level
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(app.h1(), "L3: Senior Robotics Software Engineer");
    assert_eq!(
        window().location().hash().unwrap(),
        format!("#/{ROBOTICS}/l3")
    );
}

#[wasm_bindgen_test]
async fn picking_another_role_keeps_the_level_when_it_has_one() {
    let app = mount(acme(), &format!("#/{ROBOTICS}/l2")).await;
    let role = app.select("role-picker");
    role.set_value("engineering/hardware-engineering");
    role.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(app.h1(), "L2: Hardware Engineer");
    role.set_value("design/product-design");
    role.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(app.h1(), "L2: Product Designer");
}

#[wasm_bindgen_test]
async fn hash_changes_navigate_and_previous_next_links_follow_the_order() {
    let app = mount(acme(), &format!("#/{ROBOTICS}/l4")).await;
    assert_eq!(app.h1(), "L4: Staff Robotics Software Engineer");
    assert_eq!(
        app.texts(".neighbours a"),
        [
            "Previous level: L3: Senior Robotics Software Engineer",
            "Next level: L10: Distinguished Engineer"
        ]
    );
    go(&format!("#/{ROBOTICS}/l10")).await;
    assert_eq!(app.h1(), "L10: Distinguished Engineer");
    go("#/").await;
    assert_eq!(app.h1(), "Career ladders");
}

/// Mounts the app on `hash` with the search module loadable, as `public/lazy.js`
/// makes it in the app. The module reads the ladder the app starts with (the embedded
/// one and the one imported in this browser), so `import`'s ladder is stored as the
/// imported one.
async fn mount_search(import: Import, hash: &str) -> Mounted {
    use wasm_bindgen::closure::Closure;
    rungs::storage::save_imported(&rungs::ladder::format::stored::write_stored(&import.ladder))
        .unwrap();
    rungs::modules::search::start();
    rungs::ui::extra::forget_ladder();
    // `rungsCall` as public/lazy.js has it, with the module already loaded.
    let call = Closure::<dyn Fn(String, js_sys::Array) -> js_sys::Promise>::new(
        |name: String, args: js_sys::Array| {
            let modules = js_sys::Reflect::get(&window(), &"rungsModules".into()).unwrap();
            let door: js_sys::Function = js_sys::Reflect::get(&modules, &name.into())
                .unwrap()
                .unchecked_into();
            js_sys::Promise::resolve(&door.call1(&wasm_bindgen::JsValue::NULL, &args).unwrap())
        },
    );
    js_sys::Reflect::set(&window(), &"rungsCall".into(), call.as_ref()).unwrap();
    call.forget();
    let app = mount(import, hash).await;
    settle().await;
    // Other tests run as on a first visit offline, with no module to load.
    js_sys::Reflect::delete_property(&window().into(), &"rungsCall".into()).unwrap();
    rungs::storage::remove_imported();
    rungs::ui::extra::forget_ladder();
    app
}

#[wasm_bindgen_test]
async fn search_lists_hits_with_their_place() {
    let app = mount_search(with_guide_and_everyone(), "#/search?q=simulator").await;
    assert_eq!(app.h1(), "Search");
    let status = app.texts("[role=status]").join("");
    assert!(status.contains("for “simulator”"), "{status}");
    let places = app.texts(".hit-where");
    assert!(!places.is_empty());
    assert!(
        places
            .iter()
            .all(|p| p.contains("Robotics Software Engineering") || p.contains("Hardware")),
        "{places:?}"
    );
}

#[wasm_bindgen_test]
async fn the_embedded_seed_shows_repaired_emoji() {
    let seed = Import {
        ladder: rungs::embedded::ladder(),
        diagnostics: Vec::new(),
    };
    let app = mount(seed, "#/engineering/site-reliability-engineering/l2").await;
    assert_eq!(app.h1(), "L2: Site Reliability Engineer");
    assert_eq!(
        app.texts(".dimension h2"),
        [
            "🦉 Domain expertise",
            "🌱 Teaching and Mentoring",
            "🧭 Culture and Leadership",
            "🏆 Customer Success"
        ]
    );
    assert!(
        app.texts("main .notice").is_empty(),
        "a clean import shows no notice"
    );
    assert!(
        app.texts(".page-note").is_empty(),
        "a clean import shows no note"
    );
}

#[wasm_bindgen_test]
async fn a_broken_ladder_shows_a_plain_note_on_the_level_it_touches_and_nothing_at_home() {
    let broken = || {
        import_ladder([
            (
                "Eng/Ops/L1-Ops.md",
                b"# L1: Ops\n\n## Craft\n\n- I ship.\n- I ship.\n".as_slice(),
            ),
            (
                "Eng/Ops/L2-Ops.md",
                b"# L2: Ops\n\n## Craft\n\n- I lead.\n".as_slice(),
            ),
            ("Eng/Ops/L3-Ops.md", b"".as_slice()),
        ])
    };
    let home = mount(broken(), "#/").await;
    let text = home.root.text_content().unwrap();
    assert!(!text.contains("could not be read"), "{text}");
    assert!(!text.contains(".md"), "{text}");
    drop(home);
    let app = mount(broken(), "#/eng/ops/l1").await;
    assert_eq!(app.h1(), "L1: Ops");
    assert_eq!(
        app.texts(".page-note"),
        ["One expectation of this level could not be read."]
    );
    drop(app);
    let clean = mount(broken(), "#/eng/ops/l2").await;
    assert!(clean.texts(".page-note").is_empty());
}

#[wasm_bindgen_test]
async fn rating_an_expectation_saves_it_and_shows_it_checked() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let app = mount(acme(), &format!("#/{ROBOTICS}/l1")).await;
    let group = app
        .root
        .query_selector("[role=radiogroup]")
        .unwrap()
        .expect("a rating group");
    let name = group.get_attribute("aria-label").unwrap();
    assert_eq!(name, "I write clear, tested code for well-defined tasks.");
    let labels: Vec<String> = {
        let list = group.query_selector_all("label").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(
        labels,
        ["Improvement needed", "Maturing", "Performing", "Exceeding"]
    );
    let performing: web_sys::HtmlInputElement = group
        .query_selector("input[value=performing]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    performing.click();
    settle().await;
    assert!(performing.checked());
    let stored = window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("rungs:progress")
        .unwrap()
        .expect("saved");
    let progress = rungs::progress::from_json(&stored).unwrap();
    let id = rungs::ladder::expectation_id("I write clear, tested code for well-defined tasks.");
    assert_eq!(
        progress.rating(&id),
        Some(rungs::progress::Rating::Performing)
    );
}

#[wasm_bindgen_test]
async fn moving_between_levels_in_every_view_shows_one_page_each_time() {
    let app = mount(acme(), &format!("#/{ROBOTICS}/l1/summary")).await;
    go(&format!("#/{ROBOTICS}/l2/summary")).await;
    assert_eq!(app.h1(), "Summary: L2: Robotics Software Engineer");
    // One Your progress data section (its contents come from the extra module,
    // which the e2e tests load).
    assert_eq!(app.texts(".your-data").len(), 1);
    go(&format!("#/{ROBOTICS}/l1/check")).await;
    go(&format!("#/{ROBOTICS}/l2/check")).await;
    assert_eq!(app.h1(), "Check yourself: L2: Robotics Software Engineer");
    assert_eq!(app.texts(".step-line"), ["1 of 8"]);
    go(&format!("#/{ROBOTICS}/l1")).await;
    go(&format!("#/{ROBOTICS}/l2")).await;
    assert_eq!(app.h1(), "L2: Robotics Software Engineer");
    assert_eq!(app.texts(".crumbs").len(), 1);
}

#[wasm_bindgen_test]
async fn a_shared_link_says_so_when_the_share_module_cannot_load() {
    // public/lazy.js as the app has it, in a page whose build names no module: as when
    // a first visit is offline.
    js_sys::eval(include_str!("../public/lazy.js")).unwrap();
    let app = mount(acme(), "#/shared/AQAB").await;
    settle().await;
    assert_eq!(app.h1(), "Shared progress");
    let alert = app.texts("[role=alert]").join("|");
    assert!(alert.contains("This part of Rungs did not load"), "{alert}");
    // In place of the loading message.
    let status = app.texts("[role=status]").join("|");
    assert!(!status.contains("Opening"), "{status}");
    js_sys::Reflect::delete_property(&window().into(), &"rungsCall".into()).unwrap();
}

/// The share module's door (`modules::share`), as `public/lazy.js` hands it to the app.
fn share_door() -> js_sys::Function {
    embedded_ladder_loaded();
    rungs::modules::share::start();
    let modules = js_sys::Reflect::get(&window(), &"rungsModules".into()).unwrap();
    js_sys::Reflect::get(&modules, &"share".into())
        .unwrap()
        .unchecked_into()
}

/// Has the share module answer `call`, as `modules::call` does once it has loaded.
fn share(call: rungs::modules::Share) -> wasm_bindgen::JsValue {
    use rungs::modules::Call;
    share_door()
        .call1(&wasm_bindgen::JsValue::NULL, &call.encode())
        .unwrap()
}

/// A new element in the page's body.
fn new_host() -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

#[wasm_bindgen_test]
async fn a_module_says_which_argument_of_a_call_it_could_not_read() {
    let host = new_host();
    // The share panel's call, with progress that is not progress.
    let args = js_sys::Array::of5(
        &"panel".into(),
        &host,
        &"role".into(),
        &"level".into(),
        &"{not json".into(),
    );
    share_door()
        .call1(&wasm_bindgen::JsValue::NULL, &args)
        .unwrap();
    let alert = host.query_selector("[role=alert]").unwrap().unwrap();
    let said = alert.text_content().unwrap();
    assert!(
        said == "This part of Rungs could not start: entry point “panel”: the progress could not be read.",
        "{said}"
    );
    // An entry the module does not have.
    let args = js_sys::Array::of2(&"nothing".into(), &host);
    share_door()
        .call1(&wasm_bindgen::JsValue::NULL, &args)
        .unwrap();
    let said = host.text_content().unwrap();
    assert_eq!(
        said,
        "This part of Rungs could not start: entry point “nothing”: this module has no such entry point."
    );
    host.remove();
}

#[wasm_bindgen_test]
fn calls_and_kept_replies_cross_the_contract_unchanged() {
    use rungs::modules::{Call, KeptReply, SentCheckin, Share};
    use rungs::progress::{from_json, ManagerView, Rating};
    let host: web_sys::Element = new_host().into();
    let checkin = SentCheckin {
        level: ("engineering/sre".into(), "l2".into()),
        ladder_version: "v7".into(),
        title: "Q3 review with Sam".into(),
        saved: 1_796_136_485_000,
        items: vec![
            (
                "a1".into(),
                Some(Rating::Performing),
                "Ran the drill.".into(),
            ),
            ("a2".into(), None, String::new()),
        ],
    };
    let args = Share::Checkin {
        host: host.clone(),
        checkin,
    }
    .encode();
    let Ok(Share::Checkin {
        host: back,
        checkin,
    }) = Share::decode(&args)
    else {
        panic!("not read back as a check-in");
    };
    assert_eq!(back, host);
    assert_eq!(checkin.level, ("engineering/sre".into(), "l2".into()));
    assert_eq!(
        (
            checkin.ladder_version.as_str(),
            checkin.title.as_str(),
            checkin.saved
        ),
        ("v7", "Q3 review with Sam", 1_796_136_485_000)
    );
    assert_eq!(
        checkin.items[0],
        (
            "a1".into(),
            Some(Rating::Performing),
            "Ran the drill.".into()
        )
    );
    assert_eq!(checkin.items[1], ("a2".into(), None, String::new()));

    let answers = from_json(r#"{"schema":1,"ratings":{"a1":"exceeding"}}"#).unwrap();
    let reply = KeptReply {
        view: ManagerView {
            name: Some("Grace".into()),
            made: 42,
            comment: "Well done.".into(),
            answers: answers.clone(),
        },
        link: "AQAB".into(),
    };
    let back = KeptReply::decode(reply.encode()).unwrap().unwrap();
    assert_eq!(back.view.name.as_deref(), Some("Grace"));
    assert_eq!(
        (back.view.made, back.view.comment.as_str()),
        (42, "Well done.")
    );
    assert_eq!(back.view.answers, answers);
    assert_eq!(back.link, "AQAB");
    assert!(KeptReply::decode(wasm_bindgen::JsValue::NULL)
        .unwrap()
        .is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn a_shared_checkin_shows_its_date_and_title_to_the_manager() {
    use rungs::progress::share::{encode, AssessmentId, Origin, SharedAssessment, SharedCheckin};
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let ladder = rungs::embedded::ladder();
    let role = &ladder.roles[0];
    let level = &role.levels[0];
    let link = |checkin| {
        encode(&SharedAssessment {
            ladder_version: ladder.version.clone(),
            role: role.id.clone(),
            level: level.id.clone(),
            origin: Some(Origin {
                id: AssessmentId([8; 5]),
                made: None,
            }),
            checkin,
            ..SharedAssessment::default()
        })
    };
    let said = |link: String| {
        let host = new_host();
        share(rungs::modules::Share::Open {
            host: host.clone().into(),
            link,
        });
        let line = host.query_selector(".checkin-of").unwrap();
        host.remove();
        line.and_then(|p| p.text_content())
    };
    // 2026-12-01T14:48:05Z.
    let checkin = SharedCheckin::new(1_796_136_485_000, "Q3 review with Sam");
    assert_eq!(
        said(link(Some(checkin))).as_deref(),
        Some("Check-in of 1 December 2026: Q3 review with Sam")
    );
    assert_eq!(said(link(None)), None);
}

#[wasm_bindgen_test]
async fn the_share_module_shows_a_link_read_only_and_keeps_the_managers_answers_apart() {
    use rungs::progress::share::keep::ManagerAnswers;
    use rungs::progress::share::{
        encode, AssessmentId, Entry, ExpectationKey, Origin, SharedAssessment, Side,
    };
    use rungs::progress::Rating;
    let storage = window().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let ladder = rungs::embedded::ladder();
    let role = &ladder.roles[0];
    let level = &role.levels[0];
    let first = &level.dimensions[0].expectations[0];
    let mut self_side = Side::default();
    let entry = Entry {
        rating: Some(Rating::Performing),
        note: "Ran the drill.".into(),
    };
    self_side
        .entries
        .insert(ExpectationKey::parse(&first.id).unwrap(), entry);
    let shared = SharedAssessment {
        ladder_version: ladder.version.clone(),
        role: role.id.clone(),
        level: level.id.clone(),
        name: Some("Ada".into()),
        origin: Some(Origin {
            id: AssessmentId([7; 5]),
            made: None,
        }),
        self_side,
        manager: None,
        checkin: None,
    };
    let host = new_host();
    let open = |link: String| {
        share(rungs::modules::Share::Open {
            host: host.clone().into(),
            link,
        })
    };
    open(encode(&shared));
    let marks = host
        .query_selector(".shared-mark")
        .unwrap()
        .expect("a mark")
        .text_content()
        .unwrap();
    assert_eq!(marks, "Ada: PerformingEvidence: Ran the drill.");
    let group = host.query_selector("[role=radiogroup]").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("aria-label").unwrap(),
        format!("Your rating for: {}", first.text.to_plain())
    );

    // The manager's answer is kept under the link's assessment id, never by the name
    // it is signed with, nor as their own progress.
    let exceeding: web_sys::HtmlInputElement = group
        .query_selector("input[value=exceeding]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    exceeding.click();
    let kept = ManagerAnswers::from_json(
        &storage
            .get_item("rungs:reply:0707070707")
            .unwrap()
            .expect("kept"),
    )
    .unwrap();
    assert_eq!(kept.answers.rating(&first.id), Some(Rating::Exceeding));
    assert_eq!(kept.name.as_deref(), Some("Ada"));
    assert_eq!(storage.get_item("rungs:progress").unwrap(), None);

    // A damaged link says what is wrong.
    open("AQAB!".into());
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        alert.starts_with("This share link cannot be opened: not base64url: “!” at character 4."),
        "{alert}"
    );
    host.remove();
}

/// The acme ladder with a guide (its rating scale) and expectations for everyone of
/// the Engineering track.
fn with_guide_and_everyone() -> Import {
    use rungs::ladder::{Block, Dimension, Everyone, Expectation, Guide, Level, Span, Style, Text};
    let mut import = acme();
    let link = |text: &str, to: &str| Span {
        text: text.into(),
        style: Style::default(),
        link: Some(to.into()),
    };
    import.ladder.guides.push(Guide {
        id: "engineering/how-we-rate".into(),
        track: "Engineering".into(),
        role: None,
        title: "How we rate".into(),
        blocks: vec![
            Block::Paragraph(Text(vec![
                Span {
                    text: "Read ".into(),
                    style: Style::default(),
                    link: None,
                },
                link("the scale", "https://example.com/scale"),
                Span {
                    text: " and ".into(),
                    style: Style::default(),
                    link: None,
                },
                link("this", "javascript:alert(1)"),
                Span {
                    text: ".".into(),
                    style: Style::default(),
                    link: None,
                },
            ])),
            Block::Heading(Text::plain("The four ratings")),
            Block::Bullet(Text::plain("Maturing: not yet.")),
            Block::Bullet(Text::plain("Performing: yes.")),
        ],
        source: "Engineering/How-we-rate.md".into(),
        rating_scale: true,
    });
    let respect = "I treat everyone with respect.";
    import.ladder.everyone.push(Everyone {
        id: "engineering/everyone".into(),
        track: Some("Engineering".into()),
        level: Level {
            title: "Everyone".into(),
            dimensions: vec![Dimension {
                expectations: vec![Expectation {
                    id: rungs::ladder::expectation_id(respect),
                    text: Text::plain(respect),
                    details: vec![Text::plain("Even in a hurry.")],
                    examples: vec![Text::plain("I thanked the on-call engineer.")],
                }],
                ..Dimension::default()
            }],
            source: "Engineering/Everyone.md".into(),
            ..Level::default()
        },
    });
    import
}

#[wasm_bindgen_test]
async fn a_guide_page_shows_its_text_with_only_safe_links_and_is_listed_with_its_track() {
    let home = mount(with_guide_and_everyone(), "#/").await;
    assert!(
        home.texts(".guides a").contains(&"How we rate".to_string()),
        "{:?}",
        home.texts(".guides a")
    );
    assert!(home
        .texts(".everyone-link a")
        .contains(&"Everyone: expected of every role".to_string()));
    drop(home);
    let app = mount_search(with_guide_and_everyone(), "#/guide/engineering/how-we-rate").await;
    assert_eq!(app.h1(), "How we rate");
    assert_eq!(app.texts(".guide h2"), ["The four ratings"]);
    assert_eq!(
        app.texts(".guide li"),
        ["Maturing: not yet.", "Performing: yes."]
    );
    assert_eq!(app.texts(".guide p"), ["Read the scale and this."]);
    let links = app.root.query_selector_all(".guide a").unwrap();
    assert_eq!(links.length(), 1, "the javascript: link is text only");
    let a: web_sys::Element = links.item(0).unwrap().unchecked_into();
    assert_eq!(
        a.get_attribute("href").as_deref(),
        Some("https://example.com/scale")
    );
    assert_eq!(a.text_content().as_deref(), Some("the scale"));
    drop(app);
    let check = mount(with_guide_and_everyone(), &format!("#/{ROBOTICS}/l1/check")).await;
    assert_eq!(
        check.texts(".rating-scale a"),
        ["How this ladder rates: How we rate"]
    );
}

#[wasm_bindgen_test]
async fn expectations_for_everyone_are_rated_once_and_shown_on_every_level_of_the_track() {
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let respect = "I treat everyone with respect.";
    let app = mount(with_guide_and_everyone(), &format!("#/{ROBOTICS}/l1")).await;
    assert_eq!(app.texts(".everyone h2"), ["Expected of everyone"]);
    assert_eq!(
        app.texts(".everyone .expectation-detail"),
        ["Even in a hurry."]
    );
    assert_eq!(app.texts(".everyone details summary"), ["Examples (1)"]);
    let pick = |app: &Mounted| -> web_sys::HtmlInputElement {
        let group = app
            .root
            .query_selector(&format!(
                ".everyone [role=radiogroup][aria-label='{respect}']"
            ))
            .unwrap()
            .expect("a rating group");
        group
            .query_selector("input[value=exceeding]")
            .unwrap()
            .unwrap()
            .unchecked_into()
    };
    pick(&app).click();
    settle().await;
    drop(app);
    let other = mount(with_guide_and_everyone(), &format!("#/{ROBOTICS}/l2")).await;
    assert!(pick(&other).checked(), "rated once, shown on every level");
    drop(other);
    let page = mount(with_guide_and_everyone(), "#/everyone/engineering").await;
    assert_eq!(page.h1(), "Everyone");
    assert!(pick_on(&page, respect).checked());
    drop(page);
    let design = mount(with_guide_and_everyone(), "#/design/product-design/l1").await;
    assert!(
        design.texts(".everyone").is_empty(),
        "another track's levels do not show them"
    );
}

fn pick_on(app: &Mounted, words: &str) -> web_sys::HtmlInputElement {
    let group = app
        .root
        .query_selector(&format!("[role=radiogroup][aria-label='{words}']"))
        .unwrap()
        .expect("a rating group");
    group
        .query_selector("input[value=exceeding]")
        .unwrap()
        .unwrap()
        .unchecked_into()
}
