//! Getting the picked or dropped files' bytes, screened first so that nothing too
//! large, or never a level by its name, is read at all.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ladder::{import_checked, screen, Checked, Screened, Verdict};

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

/// Screens `files` by path and size, reads the ones that may be levels, imports them
/// and calls `done` with the files not read and the import.
pub fn all(files: Vec<(String, web_sys::File)>, done: fn(Vec<Screened>, Checked)) {
    wasm_bindgen_futures::spawn_local(async move {
        let sizes: Vec<(String, u64)> = files
            .iter()
            .map(|(p, f)| (p.clone(), f.size() as u64))
            .collect();
        let verdicts = screen(sizes.iter().map(|(p, s)| (p.as_str(), *s, &[][..])));
        let mut read = Vec::new();
        let mut unread = Vec::new();
        for s in verdicts {
            if s.verdict != Verdict::Accepted {
                unread.push(s);
                continue;
            }
            let Some((_, file)) = files.iter().find(|(p, _)| *p == s.path) else {
                continue;
            };
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => read.push((s.path, js_sys::Uint8Array::new(&buffer).to_vec())),
                Err(_) => unread.push(Screened {
                    verdict: Verdict::Refused(crate::ladder::Refusal::Unreadable),
                    ..s
                }),
            }
        }
        let checked = import_checked(read.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
        done(unread, checked);
    });
}

/// The files of a drop (folders walked by `window.rungsDropped` in `public/lazy.js`),
/// then as [`all`].
pub fn dropped(transfer: &web_sys::DataTransfer, done: fn(Vec<Screened>, Checked)) {
    let walk = js_sys::Reflect::get(&leptos::prelude::window(), &"rungsDropped".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = walk.and_then(|f| f.call1(&JsValue::NULL, transfer).ok()) else {
        return;
    };
    let promise: js_sys::Promise = promise.unchecked_into();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(list) = JsFuture::from(promise).await else {
            return;
        };
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
