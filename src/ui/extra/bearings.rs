//! The home page's "Continue: L2: Site Reliability Engineer, 5 of 12 rated" for a
//! returning person (`progress::Continue`), drawn here so it costs the first load
//! nothing.

use web_sys::Element;

use crate::progress::Progress;
use crate::route::Route;
use crate::ui::dom::{add, markup};

/// Fills `host` with a link to the level answered last in `progress`; leaves it empty
/// when there is none.
pub fn show(host: Element, progress: Progress) {
    host.set_text_content(None);
    let ladder = super::ladder();
    let Some(at) = progress.continue_at(&ladder) else {
        return;
    };
    let href = crate::ui::address::href_of(&Route::level_fragment(
        &at.role.id,
        &at.level.id,
        crate::route::View::Read,
    ));
    add(&host, &markup! { p [ a(href = href) { at.line() } ] });
}
