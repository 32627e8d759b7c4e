//! How much of the browser's storage Rungs uses (the rules: `progress::checkin::StorageUse`).

use web_sys::Element;

use crate::progress::checkin::StorageUse;
use crate::storage;
use crate::ui::dom::text;

/// The characters Rungs keeps in the browser's storage, keys and values.
pub(super) fn used() -> u64 {
    storage::keys("rungs")
        .into_iter()
        .map(|k| {
            let v = storage::get(&k).map_or(0, |v| v.chars().count());
            (k.chars().count() + v) as u64
        })
        .sum()
}

/// How much of the browser's storage Rungs uses, with a warning near the limit.
pub fn storage_line() -> Element {
    let usage = StorageUse::of(used());
    let role = if usage.warns() { "alert" } else { "note" };
    text(
        "p",
        &[("class", "storage-use"), ("role", role)],
        &usage.words(),
    )
}
