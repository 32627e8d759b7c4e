//! What the app may ask of each on-demand module, and what a module answers: the one
//! contract both sides compile against. Each module has an enum of its calls; a call
//! crosses from one wasm file to another as a JS array, `[entry, arguments…]`, which
//! [`Call::encode`] writes and [`Call::decode`] reads back, side by side in this file.
//! Progress crosses once, as `progress::to_json` writes it, and is read back by the
//! schema's own reader; a call that cannot be read is an error that says which entry
//! and argument, never a default.

use js_sys::{Array, Function};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use crate::progress::{from_json, to_json, ManagerView, Progress, Rating};
use crate::ui::extra::DataAct;

/// A level by its ids, `(role id, level id)`, as [`crate::route::Route`] holds one.
pub type LevelId = (String, String);

/// A call into an on-demand module.
pub trait Call: Sized {
    /// The module that answers it: the name of its wasm file (`src/bin/<name>.rs`) and
    /// of its `<meta name="rungs-<name>">`.
    const MODULE: &'static str;
    /// The call as it crosses: `[entry, arguments…]`.
    fn encode(self) -> Array;
    /// The call read back from `args`.
    fn decode(args: &Array) -> Result<Self, BadCall>;
}

/// A call a module could not read: the entry point it names, and what was wrong.
#[derive(Debug)]
pub struct BadCall {
    /// The entry point named.
    pub entry: String,
    /// What was wrong: "there is no such entry point", or which argument is missing or
    /// of another kind.
    pub what: &'static str,
}

impl BadCall {
    /// What the module says in the call's host: "This part of Rungs could not start:
    /// entry point “panel”: the progress could not be read." (Joined rather than
    /// formatted: every module carries it, and formatting machinery costs wasm.)
    pub fn words(&self) -> String {
        let parts = [
            "This part of Rungs could not start: entry point “",
            &self.entry,
            "”: ",
            self.what,
            ".",
        ];
        parts.concat()
    }
}

/// The extra module (`ui::extra`): the summary report, Your progress data, Continue on
/// the home page, and a kept reply beside Read and rate.
pub enum Extra {
    /// The summary report of a level, drawn again on every change of progress; a goal
    /// removed there changes the progress through `doors`.
    Summary {
        host: Element,
        level: LevelId,
        progress: Progress,
        doors: Doors,
    },
    /// The manager's ratings from a kept reply, beside Read and rate.
    Beside { host: Element, level: LevelId },
    /// Your progress data: its words and controls.
    YourData { host: Element },
    /// The home page's Continue: where the person left off.
    Bearings { host: Element, progress: Progress },
    /// An action of Your progress data (import a backup, reset, undo), with the file
    /// picked for an import (`undefined` otherwise).
    Data {
        host: Element,
        act: DataAct,
        doors: Doors,
        file: JsValue,
    },
}

impl Call for Extra {
    const MODULE: &'static str = "extra";

    #[inline(always)]
    fn encode(self) -> Array {
        match self {
            Extra::Summary {
                host,
                level,
                progress,
                doors,
            } => Args::new("summary", host)
                .level(level)
                .progress(&progress)
                .doors(doors),
            Extra::Beside { host, level } => Args::new("beside", host).level(level),
            Extra::YourData { host } => Args::new("your_data", host),
            Extra::Bearings { host, progress } => Args::new("bearings", host).progress(&progress),
            Extra::Data {
                host,
                act,
                doors,
                file,
            } => Args::new("data", host)
                .text(act.name())
                .doors(doors)
                .value(file),
        }
        .0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        let call = match a.entry.as_str() {
            "summary" => Extra::Summary {
                host: a.host(),
                level: a.level(),
                progress: a.progress(),
                doors: a.doors(),
            },
            "beside" => Extra::Beside {
                host: a.host(),
                level: a.level(),
            },
            "your_data" => Extra::YourData { host: a.host() },
            "bearings" => Extra::Bearings {
                host: a.host(),
                progress: a.progress(),
            },
            "data" => Extra::Data {
                host: a.host(),
                act: a.act(),
                doors: a.doors(),
                file: a.value(),
            },
            _ => return Err(a.unknown()),
        };
        a.done(call)
    }
}

/// The explore module (`ui::extra::know`, `ui::extra::compare`): the views about the
/// ladder rather than the person's progress, which they read through `doors`.
pub enum Explore {
    /// Know your ladder for a level.
    Know {
        host: Element,
        level: LevelId,
        doors: Doors,
    },
    /// Level `a` beside level `b`, or beside its default partner.
    Compare {
        host: Element,
        a: LevelId,
        b: Option<LevelId>,
        doors: Doors,
    },
}

impl Call for Explore {
    const MODULE: &'static str = "explore";

    #[inline(always)]
    fn encode(self) -> Array {
        match self {
            Explore::Know { host, level, doors } => {
                Args::new("know", host).level(level).doors(doors)
            }
            Explore::Compare { host, a, b, doors } => {
                let (b_role, b_level) = b.unwrap_or_default();
                Args::new("compare", host)
                    .level(a)
                    .level((b_role, b_level))
                    .doors(doors)
            }
        }
        .0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        let call = match a.entry.as_str() {
            "know" => Explore::Know {
                host: a.host(),
                level: a.level(),
                doors: a.doors(),
            },
            "compare" => Explore::Compare {
                host: a.host(),
                a: a.level(),
                b: Some(a.level()).filter(|(role, _)| !role.is_empty()),
                doors: a.doors(),
            },
            _ => return Err(a.unknown()),
        };
        a.done(call)
    }
}

/// The checkins module (`ui::extra::checkins`).
pub enum Checkins {
    /// The Check-ins view of a level, drawn again on every change of progress.
    List {
        host: Element,
        level: LevelId,
        progress: Progress,
    },
    /// The Save check-in panel the app has just opened under a level.
    Save {
        host: Element,
        level: LevelId,
        progress: Progress,
    },
}

impl Call for Checkins {
    const MODULE: &'static str = "checkins";

    #[inline(always)]
    fn encode(self) -> Array {
        let (entry, host, level, progress) = match self {
            Checkins::List {
                host,
                level,
                progress,
            } => ("checkins", host, level, progress),
            Checkins::Save {
                host,
                level,
                progress,
            } => ("checkin", host, level, progress),
        };
        Args::new(entry, host).level(level).progress(&progress).0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        let list = match a.entry.as_str() {
            "checkins" => true,
            "checkin" => false,
            _ => return Err(a.unknown()),
        };
        let (host, level, progress) = (a.host(), a.level(), a.progress());
        a.done(if list {
            Checkins::List {
                host,
                level,
                progress,
            }
        } else {
            Checkins::Save {
                host,
                level,
                progress,
            }
        })
    }
}

/// The share module (`ui::extra::panel`, `shared`, `beside`): share links, made and
/// opened.
pub enum Share {
    /// The Share progress panel of a level, made again on every change of progress.
    Panel {
        host: Element,
        level: LevelId,
        progress: Progress,
    },
    /// A share link opened: `link` is the text after `#/shared/`.
    Open { host: Element, link: String },
    /// The share panel of a saved check-in.
    Checkin { host: Element, checkin: SentCheckin },
    /// The newest reply kept for a level, answered as a [`KeptReply`] (or `null`).
    Kept { level: LevelId },
}

/// A saved check-in, as the share module needs it to make its link.
pub struct SentCheckin {
    /// The level it is of.
    pub level: LevelId,
    /// The ladder's version when it was saved.
    pub ladder_version: String,
    /// Its title; empty for none.
    pub title: String,
    /// When it was saved, in milliseconds since the Unix epoch.
    pub saved: u64,
    /// `(expectation id, rating, evidence)`, the ratings and notes as saved.
    pub items: Vec<(String, Option<Rating>, String)>,
}

impl Call for Share {
    const MODULE: &'static str = "share";

    #[inline(always)]
    fn encode(self) -> Array {
        match self {
            Share::Panel {
                host,
                level,
                progress,
            } => Args::new("panel", host).level(level).progress(&progress),
            Share::Open { host, link } => Args::new("open", host).text(&link),
            Share::Checkin { host, checkin } => {
                // Flat: id, rating code or "", evidence; id, …
                let items = Array::new();
                for (id, rating, evidence) in &checkin.items {
                    items.push(&id.into());
                    items.push(&rating.map_or("", Rating::code).into());
                    items.push(&evidence.into());
                }
                Args::new("checkin", host)
                    .level(checkin.level)
                    .text(&checkin.ladder_version)
                    .text(&checkin.title)
                    .value((checkin.saved as f64).into())
                    .value(items.into())
            }
            Share::Kept { level } => Args::new("kept", JsValue::NULL).level(level),
        }
        .0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        let call = match a.entry.as_str() {
            "panel" => Share::Panel {
                host: a.host(),
                level: a.level(),
                progress: a.progress(),
            },
            "open" => Share::Open {
                host: a.host(),
                link: a.text(),
            },
            "checkin" => Share::Checkin {
                host: a.host(),
                checkin: SentCheckin {
                    level: a.level(),
                    ladder_version: a.text(),
                    title: a.text(),
                    saved: a.value().as_f64().unwrap_or(0.0) as u64,
                    items: a.items(),
                },
            },
            "kept" => {
                a.value(); // No host.
                Share::Kept { level: a.level() }
            }
            _ => return Err(a.unknown()),
        };
        a.done(call)
    }
}

/// A reply kept for a level, as the share module answers [`Share::Kept`].
pub struct KeptReply {
    /// The manager's side of it.
    pub view: ManagerView,
    /// Its link text, after `#/shared/`.
    pub link: String,
}

impl KeptReply {
    /// The answer as it crosses: `["kept", null, name, made, comment, answers, link]`,
    /// shaped as a call so that [`Read`] reads it.
    pub fn encode(self) -> JsValue {
        let view = self.view;
        Args::new("kept", JsValue::NULL)
            .text(&view.name.unwrap_or_default())
            .value((view.made as f64).into())
            .text(&view.comment)
            .progress(&view.answers)
            .text(&self.link)
            .0
            .into()
    }

    /// The answer read back; `None` for none.
    pub fn decode(answer: JsValue) -> Result<Option<KeptReply>, BadCall> {
        if answer.is_null() || answer.is_undefined() {
            return Ok(None);
        }
        let list = Array::from(&answer);
        let mut a = Read::new(&list);
        a.value(); // No host.
        let name = a.text();
        let made = a.value().as_f64().unwrap_or(0.0) as u64;
        let reply = KeptReply {
            view: ManagerView {
                name: Some(name).filter(|n| !n.is_empty()),
                made,
                comment: a.text(),
                answers: a.progress(),
            },
            link: a.text(),
        };
        a.done(Some(reply))
    }
}

/// The search module (`ui::extra::search`, `guide`).
pub enum Search {
    /// The hits for `query`.
    Search { host: Element, query: String },
    /// Guide page `id` (`ladder::Guide::id`).
    Guide { host: Element, id: String },
}

impl Call for Search {
    const MODULE: &'static str = "search";

    #[inline(always)]
    fn encode(self) -> Array {
        match self {
            Search::Search { host, query } => Args::new("search", host).text(&query),
            Search::Guide { host, id } => Args::new("guide", host).text(&id),
        }
        .0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        let call = match a.entry.as_str() {
            "search" => Search::Search {
                host: a.host(),
                query: a.text(),
            },
            "guide" => Search::Guide {
                host: a.host(),
                id: a.text(),
            },
            _ => return Err(a.unknown()),
        };
        a.done(call)
    }
}

/// The import module (`ui::importer`): Import a ladder.
pub enum Import {
    /// The import page.
    Show { host: Element },
}

impl Call for Import {
    const MODULE: &'static str = "import";

    #[inline(always)]
    fn encode(self) -> Array {
        let Import::Show { host } = self;
        Args::new("show", host).0
    }

    fn decode(args: &Array) -> Result<Self, BadCall> {
        let mut a = Read::new(args);
        match a.entry.as_str() {
            "show" => Ok(Import::Show { host: a.host() }),
            _ => Err(a.unknown()),
        }
    }
}

/// The app's progress store, seen from a module: `read(changing)` gives the progress
/// as `progress::to_json` writes it, but when `changing` nothing while this tab is
/// outdated (another tab of a newer version saved); `write(json)` replaces it and
/// saves. Made by the app (`ui::summary_page::doors`).
#[derive(Clone)]
pub struct Doors {
    pub read: Function,
    pub write: Function,
}

impl Doors {
    /// The progress now.
    pub fn progress(&self) -> Option<Progress> {
        self.read(false)
    }

    /// The progress now, to change it: `None` when this tab must not.
    pub fn to_change(&self) -> Option<Progress> {
        self.read(true)
    }

    /// The progress as `read(changing)` gives it, read back.
    fn read(&self, changing: bool) -> Option<Progress> {
        let json = self.read.call1(&JsValue::NULL, &changing.into()).ok()?;
        from_json(&json.as_string()?).ok()
    }

    /// Replaces the app's progress with `progress`, which it saves.
    pub fn set(&self, progress: &Progress) {
        let _ = self.write.call1(&JsValue::NULL, &to_json(progress).into());
    }
}

/// A call being written: `[entry, host, arguments…]`.
struct Args(Array);

impl Args {
    fn new(entry: &str, host: impl Into<JsValue>) -> Args {
        Args(Array::of2(&entry.into(), &host.into()))
    }

    fn value(self, v: JsValue) -> Args {
        self.0.push(&v);
        self
    }

    fn text(self, s: &str) -> Args {
        self.value(s.into())
    }

    fn level(self, (role, level): LevelId) -> Args {
        self.text(&role).text(&level)
    }

    fn progress(self, progress: &Progress) -> Args {
        self.text(&to_json(progress))
    }

    fn doors(self, doors: Doors) -> Args {
        self.value(doors.read.into()).value(doors.write.into())
    }
}

/// A call being read, argument by argument. An argument that cannot be read gives a
/// stand-in and is remembered; [`Read::done`] then answers with the first such error
/// instead of the call (one check at the end, rather than one per argument: less wasm
/// in every module).
struct Read<'a> {
    args: &'a Array,
    entry: String,
    next: u32,
    wrong: Option<&'static str>,
}

impl Read<'_> {
    fn new(args: &Array) -> Read<'_> {
        let entry = args.get(0).as_string().unwrap_or_default();
        Read {
            args,
            entry,
            next: 1,
            wrong: None,
        }
    }

    /// `call`, or what was wrong with the first argument that could not be read.
    fn done<C>(self, call: C) -> Result<C, BadCall> {
        match self.wrong {
            Some(what) => Err(BadCall {
                entry: self.entry,
                what,
            }),
            None => Ok(call),
        }
    }

    fn unknown(self) -> BadCall {
        BadCall {
            entry: self.entry,
            what: "this module has no such entry point",
        }
    }

    /// The next argument, whatever it is.
    fn value(&mut self) -> JsValue {
        self.next += 1;
        self.args.get(self.next - 1)
    }

    /// Remembers `what` was wrong, unless something was already.
    fn not(&mut self, what: &'static str) {
        self.wrong.get_or_insert(what);
    }

    /// The next argument as an object of class `T`.
    fn object<T: JsCast>(&mut self, what: &'static str) -> T {
        let v = self.value();
        if !v.is_instance_of::<T>() {
            self.not(what);
        }
        v.unchecked_into()
    }

    fn host(&mut self) -> Element {
        self.object("the element to draw in is missing")
    }

    fn text(&mut self) -> String {
        let text = self.value().as_string();
        if text.is_none() {
            self.not("a text argument is missing");
        }
        text.unwrap_or_default()
    }

    fn act(&mut self) -> DataAct {
        let name = self.text();
        DataAct::parse(&name).unwrap_or_else(|| {
            self.not("the action is not one of Your progress data's");
            DataAct::Backup
        })
    }

    fn level(&mut self) -> LevelId {
        (self.text(), self.text())
    }

    #[inline(never)]
    fn progress(&mut self) -> Progress {
        let json = self.text();
        from_json(&json).unwrap_or_else(|_| {
            self.not("the progress could not be read");
            Progress::default()
        })
    }

    fn doors(&mut self) -> Doors {
        Doors {
            read: self.object("the store's doors are missing"),
            write: self.object("the store's doors are missing"),
        }
    }

    /// A check-in's items: `[id, rating code or "", evidence, id, …]`.
    fn items(&mut self) -> Vec<(String, Option<Rating>, String)> {
        let list: Array = self.object("the check-in's items are missing");
        let text = |i| list.get(i).as_string().unwrap_or_default();
        (0..list.length() / 3)
            .map(|i| {
                (
                    text(3 * i),
                    Rating::from_code(&text(3 * i + 1)),
                    text(3 * i + 2),
                )
            })
            .collect()
    }
}
