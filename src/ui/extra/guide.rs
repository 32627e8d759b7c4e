//! A guide page: a ladder file that is not a level ("how levels and reviews work", a
//! page that links elsewhere), drawn by the explore module: its headings, paragraphs
//! and bullets as text, its links as `a` elements where `links::href` gives an address.

use web_sys::Element;

use super::ladder_with_guides as ladder;
use crate::ladder::Block;
use crate::ui::dom::{add, el, markup, rich_linked};
use crate::ui::level_page::crumbs;

/// Draws guide page `id` (`Guide::id`, `track/page`) into `host`, or says the ladder
/// has no such page.
pub fn show(host: Element, id: String) {
    host.set_text_content(None);
    let ladder = ladder();
    let Some(guide) = ladder.guide(&id) else {
        add(&host, &markup! { h1 { "Page not found" } });
        add(
            &host,
            &markup! { p { format!("This ladder has no page “{id}”.") } },
        );
        add(
            &host,
            &markup! { p [ a(href = crate::ui::address::home()) { "See all roles" } ] },
        );
        return;
    };
    let href = |t: &str| crate::links::href(&ladder, &guide.source, t);
    let role = guide
        .role
        .as_deref()
        .and_then(|r| ladder.role(r))
        .map(|r| r.name.as_str());
    let names: Vec<&str> = [Some(guide.track.as_str()), role]
        .into_iter()
        .flatten()
        .collect();
    add(&host, &crumbs(&names));
    let article = markup! { article(class = "guide") [ h1 { guide.title } ] };
    let mut list: Option<Element> = None;
    for block in &guide.blocks {
        let (tag, t) = match block {
            Block::Heading(t) => ("h2", t),
            Block::Paragraph(t) => ("p", t),
            Block::Bullet(t) => ("li", t),
        };
        let item = el(tag, &[]);
        rich_linked(&item, t, &href);
        if tag == "li" {
            let ul = list.get_or_insert_with(|| markup! { ul [] });
            add(ul, &item);
            continue;
        }
        if let Some(ul) = list.take() {
            add(&article, &ul);
        }
        add(&article, &item);
    }
    if let Some(ul) = list.take() {
        add(&article, &ul);
    }
    if guide.blocks.is_empty() {
        add(
            &article,
            &markup! { p(class = "muted") { "This page has no text." } },
        );
    }
    add(&host, &article);
}
