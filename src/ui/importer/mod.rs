//! "Import a ladder": a company's ladder read in the browser, from picked files, a
//! picked folder or a drag and drop, with the same importer and messages as `ladder
//! check`, then kept in this browser and listed with the other roles as "(imported)".
//!
//! Built into its own wasm file (bin `import`, `src/bin/import.rs`), loaded only when
//! someone opens `#/import`: it carries the markdown parser, which nothing else in the
//! browser needs. The app reads the kept ladder at start-up (`ui::ladder`), so after an
//! import or a removal the page reloads.

mod read;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::import_report::{code_runs, count, folder_hint, mark_imported, Tally, TEMPLATE_NAME};
use crate::ladder::format::stored::{stored_roles, write_stored, StoredRole};
use crate::ladder::import::diagnostic::Severity;
use crate::ladder::import::limits::{Checked, Screened, Verdict};
use crate::route::{Route, View};
use crate::storage;
use crate::ui::dom::{actions, add, button, el, markup, section, text};

actions! {
    /// What a click on the import page asks for.
    enum Act {
        /// Remove the imported ladder.
        Remove = "remove",
        /// Open the ladder just imported.
        Open = "open",
    }
}

/// The import page in `host`: the ladder imported now, if any, and the ways to import.
pub fn show(host: Element) {
    host.set_text_content(None);
    add(&host, &text("h1", &[], "Import a ladder"));
    let lede = el("p", &[("class", "lede")]);
    said(
        &lede,
        "Bring your company’s ladder: one markdown file per level, in folders Track/Role family/. Rungs reads the files here, in your browser, with the same importer as the `ladder check` command; nothing is uploaded. ",
    );
    add(
        &lede,
        &text(
            "a",
            &[("href", TEMPLATE_NAME), ("download", TEMPLATE_NAME)],
            "Download a template level",
        ),
    );
    add(&host, &lede);
    if let Some(roles) = storage::imported_raw().and_then(|t| stored_roles(&t)) {
        current(&host, &roles);
    }
    let pickers = [
        ("import-files", "Choose files", false),
        ("import-folder", "Choose a folder", true),
    ]
    .map(|(id, label, folder)| {
        let input = markup! { input(type = "file", id = id, multiple = "", "data-pick" = "") [] };
        if folder {
            let _ = input.set_attribute("webkitdirectory", "");
        } else {
            let types = ".md,.markdown,.mdown,.txt,text/markdown,text/plain";
            let _ = input.set_attribute("accept", types);
        }
        let label = markup! { label(class = "file-button", "for" = id) { label } };
        add(&label, &input);
        label
    });
    let part = markup! {
        section(class = "import", "aria-labelledby" = "import-h") [
            h2(id = "import-h") { "Import" }
            p(class = "actions") [ ..(pickers) ]
            div(class = "drop", id = "import-drop") { "…or drop the files or the folder here." }
            p(class = "muted") {
                "At most 1 MB a file and 5 MB in all, text files only. Importing again replaces the ladder imported before."
            }
        ]
    };
    add(&host, &part);
    add(
        &host,
        &markup! { div(id = "import-result", "aria-live" = "polite") [] },
    );
    wire(&host);
}

/// The ladder kept now: its roles, and Remove.
fn current(host: &Element, roles: &[StoredRole]) {
    let part = section("notice", "current-h", "Imported in this browser");
    let levels: usize = roles.iter().map(|r| r.levels).sum();
    add(
        &part,
        &text(
            "p",
            &[],
            &format!(
                "{} in {}:",
                count(levels, "level"),
                count(roles.len(), "role")
            ),
        ),
    );
    add(&part, &list(roles));
    add(
        &part,
        &button("Remove the imported ladder", Act::Remove.name(), &[]),
    );
    add(host, &part);
}

/// The roles, each a link to its first level.
fn list(roles: &[StoredRole]) -> Element {
    let list = el("ul", &[]);
    for role in roles {
        let li = el("li", &[]);
        let name = format!("{} · {}", role.track, role.name);
        match &role.first_level {
            Some(level) => add(
                &li,
                &text(
                    "a",
                    &[("href", &Route::level_fragment(&role.id, level, View::Read))],
                    &name,
                ),
            ),
            None => add(&li, &text("span", &[], &name)),
        }
        add(&list, &li);
    }
    list
}

/// Change (a picked file or folder), drop and click (Remove, Open) on `host`.
fn wire(host: &Element) {
    let on_change = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if !input.has_attribute("data-pick") {
            return;
        }
        let Some(list) = input.files() else { return };
        let files: Vec<(String, web_sys::File)> = (0..list.length())
            .filter_map(|i| list.get(i))
            .map(|f| (read::picked_path(&f), f))
            .collect();
        input.set_value("");
        read::all(files, finish);
    });
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|e: web_sys::Event| {
        let Some((act, el)) = Act::of(&e) else { return };
        let location = leptos::prelude::window().location();
        match act {
            Act::Remove => {
                storage::remove_imported();
                let _ = location.reload();
            }
            Act::Open => {
                if let Some(href) = el.get_attribute("data-href") {
                    let _ = location.set_hash(&href);
                }
                let _ = location.reload();
            }
        }
    });
    let on_over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
        e.prevent_default();
    });
    let on_drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(|e: web_sys::DragEvent| {
        e.prevent_default();
        if let Some(transfer) = e.data_transfer() {
            read::dropped(&transfer, finish);
        }
    });
    if let Some(h) = host.dyn_ref::<web_sys::HtmlElement>() {
        h.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        h.set_onclick(Some(on_click.as_ref().unchecked_ref()));
        h.set_ondragover(Some(on_over.as_ref().unchecked_ref()));
        h.set_ondrop(Some(on_drop.as_ref().unchecked_ref()));
    }
    on_change.forget();
    on_click.forget();
    on_over.forget();
    on_drop.forget();
}

/// Shows what the import found (and how picked files were grouped into roles), and
/// keeps the ladder when it has any level.
fn finish(unread: Vec<Screened>, mut checked: Checked, grouped: Option<String>) {
    let doc = leptos::prelude::document();
    let Some(out) = doc.get_element_by_id("import-result") else {
        return;
    };
    out.set_text_content(None);
    add(
        &out,
        &text("h2", &[("id", "result-h"), ("tabindex", "-1")], "Result"),
    );
    checked.add_unread(unread);
    let files = checked.files;
    let mut ladder = checked.import.ladder;
    let levels: usize = ladder.roles.iter().map(|r| r.levels.len()).sum();
    let diagnostics = &checked.import.diagnostics;
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let tally = Tally {
        levels,
        roles: ladder.roles.len(),
        files: files.len(),
        errors,
        warnings: diagnostics.len() - errors,
        refused: files
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Refused(_)))
            .count(),
        skipped: files
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::Skipped(_)))
            .count(),
    };
    add(&out, &text("p", &[("class", "rated-line")], &tally.line()));
    // How loose files were put in roles by their titles, else a folder suggested when
    // they were read as several roles.
    let read = files
        .iter()
        .filter(|f| f.verdict == Verdict::Accepted)
        .map(|f| f.path.as_str());
    if let Some(said) = grouped.or_else(|| folder_hint(read, tally.roles)) {
        add(
            &out,
            &text("p", &[("class", "grouping"), ("role", "note")], &said),
        );
    }
    if levels == 0 {
        add(
            &out,
            &text(
                "p",
                &[("role", "alert")],
                "Nothing was imported: no file held a ladder level. The problems below say why.",
            ),
        );
    } else {
        mark_imported(&mut ladder);
        let stored = write_stored(&ladder);
        match storage::save_imported(&stored) {
            Ok(()) => {
                add(&out, &text("p", &[], "Kept in this browser: its roles are listed with the others, marked “(imported)”."));
                // Listed from the text just kept, as the page lists it on a later visit.
                let roles = stored_roles(&stored).unwrap_or_default();
                add(&out, &list(&roles));
                let first = roles.iter().find_map(|r| Some(Route::level_fragment(&r.id, r.first_level.as_deref()?, View::Read)));
                let open = button("Open the imported ladder", Act::Open.name(), &[]);
                if let Some(href) = first {
                    let _ = open.set_attribute("data-href", &href);
                }
                add(&out, &open);
            }
            Err(_) => add(
                &out,
                &text("p", &[("role", "alert")], "This browser would not keep the imported ladder (its storage is full or turned off): nothing was saved."),
            ),
        }
    }
    problems(&out, diagnostics.iter().map(ToString::to_string), &files);
    crate::ui::dom::focus("result-h");
}

/// Each file's problems as `ladder check` prints them, then the files not imported.
fn problems(out: &Element, diagnostics: impl Iterator<Item = String>, files: &[Screened]) {
    let mut lines: Vec<String> = diagnostics.collect();
    for f in files {
        match &f.verdict {
            Verdict::Refused(why) => lines.push(format!("{}: refused: {why}", f.path)),
            Verdict::Skipped(why) => lines.push(format!("{}: {why}", f.path)),
            Verdict::Accepted => {}
        }
    }
    add(out, &text("h3", &[], "Problems"));
    if lines.is_empty() {
        add(
            out,
            &text(
                "p",
                &[("class", "muted")],
                "None: every file imported cleanly.",
            ),
        );
        return;
    }
    let list = el("ul", &[("class", "problems")]);
    for l in lines {
        let li = el("li", &[]);
        said(&li, &l);
        add(&list, &li);
    }
    add(out, &list);
}

/// Appends `message` to `parent` as text, its parts in backticks as `code` elements.
fn said(parent: &Element, message: &str) {
    for (run, code) in code_runs(message) {
        if code {
            add(parent, &text("code", &[], run));
        } else {
            let _ = parent.append_with_str_1(run);
        }
    }
}
