//! How much of the browser's storage Rungs uses.

use web_sys::Element;

use crate::progress::checkin::StorageUse;
use crate::storage;
use crate::ui::dom::text;

/// How much of the browser's storage Rungs uses, with a warning near the limit.
pub fn storage_line() -> Element {
    let used: u64 = storage::keys("rungs")
        .into_iter()
        .map(|k| {
            let v = storage::get(&k).map_or(0, |v| v.chars().count());
            (k.chars().count() + v) as u64
        })
        .sum();
    let usage = StorageUse::of(used);
    let role = if usage.warns() { "alert" } else { "note" };
    text(
        "p",
        &[("class", "storage-use"), ("role", role)],
        &usage.words(),
    )
}
