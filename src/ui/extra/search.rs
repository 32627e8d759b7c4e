//! Search results across every role and level, drawn by the explore module: a list of
//! links, each hit's words with the matches marked.

use web_sys::Element;

use super::ladder_with_guides as ladder;
use crate::search::{search, split_marks};
use crate::ui::dom::{add, markup};

const SHOWN: usize = 100;

/// Draws the hits for `query` into `host`, each saying where it lives and linking
/// there.
pub fn show(host: Element, query: String) {
    host.set_text_content(None);
    let hits = search(&ladder(), &query);
    let q = query.trim();
    let status = match (q.is_empty(), hits.len()) {
        (true, _) => {
            "Type in the search box to find roles, levels, expectations and examples.".to_string()
        }
        (false, 0) => format!("No results for “{q}”."),
        (false, 1) => format!("1 result for “{q}”."),
        (false, n) if n > SHOWN => format!("{n} results for “{q}”; showing the first {SHOWN}."),
        (false, n) => format!("{n} results for “{q}”."),
    };
    add(&host, &markup! { h1 { "Search" } });
    add(
        &host,
        &markup! { p(class = "status", role = "status") { status } },
    );
    let list = markup! { ol(class = "hits") [] };
    for hit in hits.into_iter().take(SHOWN) {
        let words = markup! { span(class = "hit-text") [] };
        for (piece, marked) in split_marks(&hit.text, &hit.marks) {
            if marked {
                add(&words, &markup! { mark { piece } });
            } else {
                let _ = words.append_with_str_1(piece);
            }
        }
        let hit = markup! {
            li(class = "hit") [ a(href = crate::ui::address::href(&hit.route)) [
                (words)
                span(class = "hit-where") { format!("{} · {}", hit.kind.label(), hit.location) }
            ] ]
        };
        add(&list, &hit);
    }
    add(&host, &list);
}
