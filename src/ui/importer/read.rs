//! Getting the picked or dropped files' bytes, screened first so that nothing too
//! large, or never a level by its name, is read at all.

use wasm_bindgen::{JsCast, JsValue};

use crate::ladder::import::limits::{import_checked, screen, Checked, Screened, Verdict};
use crate::ladder::import::tracks::group_picked;
use crate::ui::files::settle;

/// The path of a picked file inside the ladder folder: a file picked from a folder
/// loses the folder's own name (`ladders/Engineering/…` is `Engineering/…`); a file
/// picked alone is its name.
pub fn picked_path(file: &web_sys::File) -> String {
    let relative = js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    match relative.split_once('/') {
        Some((_, inside)) => inside.to_owned(),
        None => file.name(),
    }
}

/// What is called with the files not read, the import, and what the page says about
/// files grouped into a role by their titles (`ladder::import::tracks::Grouping::note`).
pub type Done = fn(Vec<Screened>, Checked, Option<String>);

/// Screens `files` by path and size, reads the ones that may be levels, groups loose
/// files by the role their titles name, imports them and calls `done`.
///
/// Files are read one after another with plain promise callbacks (`ui::files::settle`)
/// rather than futures: with no `async` left in this module the wasm is smaller.
pub fn all(files: Vec<(String, web_sys::File)>, done: Done) {
    let verdicts = screen(
        files
            .iter()
            .map(|(p, f)| (p.as_str(), f.size() as u64, &[][..])),
    );
    next(Reading {
        files,
        verdicts: verdicts.into_iter(),
        read: Vec::new(),
        unread: Vec::new(),
        done,
    });
}

/// An import being read: the files, the verdicts not yet acted on, and what is read
/// and not read so far.
struct Reading {
    files: Vec<(String, web_sys::File)>,
    verdicts: std::vec::IntoIter<Screened>,
    read: Vec<(String, Vec<u8>)>,
    unread: Vec<Screened>,
    done: Done,
}

/// Reads the next accepted file of `r` (keeping the others as not read, in order), or
/// imports what was read when none is left.
fn next(mut r: Reading) {
    for s in r.verdicts.by_ref() {
        if s.verdict != Verdict::Accepted {
            r.unread.push(s);
            continue;
        }
        let Some((_, file)) = r.files.iter().find(|(p, _)| *p == s.path) else {
            continue;
        };
        let buffer = file.array_buffer();
        settle(buffer, move |buffer| {
            match buffer {
                Some(b) => r.read.push((s.path, js_sys::Uint8Array::new(&b).to_vec())),
                None => r.unread.push(Screened {
                    verdict: Verdict::Refused(crate::ladder::import::limits::Refusal::Unreadable),
                    ..s
                }),
            }
            next(r);
        });
        return;
    }
    // Files picked without their folder are put in one role when their titles
    // name it (`ladder::import::tracks::group_picked`).
    let picked: Vec<(&str, &[u8])> = r
        .read
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let grouping = group_picked(&picked);
    let checked = import_checked(
        grouping
            .paths
            .iter()
            .zip(&r.read)
            .map(|(p, (_, b))| (p.as_str(), b.as_slice())),
    );
    (r.done)(r.unread, checked, grouping.note());
}

/// The files of a drop (folders walked by `window.rungsDropped` in `public/lazy.js`),
/// then as [`all`].
pub fn dropped(transfer: &web_sys::DataTransfer, done: Done) {
    let walk = js_sys::Reflect::get(&leptos::prelude::window(), &"rungsDropped".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = walk.and_then(|f| f.call1(&JsValue::NULL, transfer).ok()) else {
        return;
    };
    settle(promise.unchecked_into(), move |list| {
        let Some(list) = list else { return };
        let files = js_sys::Array::from(&list)
            .iter()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((
                    pair.get(0).as_string()?,
                    pair.get(1).dyn_into::<web_sys::File>().ok()?,
                ))
            })
            .collect();
        all(files, done);
    });
}
