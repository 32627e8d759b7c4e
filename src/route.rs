//! The address as the app's shared state: what a link must reproduce.
//!
//! The pages the build writes out as HTML (home, each level, its comparison with the
//! next, guides, expectations for everyone: [`page_of`]) have addresses by
//! path below the app's root, `<root>/engineering/sre/l2/`, so a static host answers
//! each with its own text. Every other route lives in the fragment of the root,
//! `<root>#/engineering/sre/l2/check`, and so does every route of a ladder imported in
//! the browser, which has no page on the server: no server rules, any sub-path. The
//! fragment form (`#/...`) of every route still opens it, so old links keep working,
//! and a shared link's text never reaches a server.

/// What a level route shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The level's text with a rating control beside each expectation.
    #[default]
    Read,
    /// Where I stand: counts, chart, focus areas.
    Summary,
    /// "Check yourself": one expectation at a time.
    Check,
    /// "Know your ladder": which dimension does this example illustrate?
    Know,
    /// The level's check-ins: what changed since the last one, the trend.
    Checkins,
}

impl View {
    /// Every view, in the order of the links between them, with its path segment
    /// (none for Read) and its name.
    pub const ALL: [(View, &'static str, &'static str); 5] = [
        (View::Read, "", "Read and rate"),
        (View::Check, "check", "Check yourself"),
        (View::Summary, "summary", "Summary"),
        (View::Know, "know", "Know your ladder"),
        (View::Checkins, "checkins", "Check-ins"),
    ];

    fn segment(self) -> Option<&'static str> {
        View::ALL
            .iter()
            .find(|(v, _, _)| *v == self)
            .map(|(_, s, _)| *s)
            .filter(|s| !s.is_empty())
    }

    fn from_segment(s: &str) -> Option<View> {
        View::ALL
            .iter()
            .find(|(_, n, _)| *n == s && !s.is_empty())
            .map(|(v, _, _)| *v)
    }

    /// What the page title puts before the level: `Summary: `, or nothing for Read.
    pub fn title_prefix(self) -> String {
        match View::ALL.iter().find(|(v, _, _)| *v == self) {
            Some((View::Read, _, _)) | None => String::new(),
            Some((_, _, name)) => format!("{name}: "),
        }
    }
}

/// A view of the app, as named by the URL fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the tracks, roles and levels.
    Home,
    /// `#/<track>/<role>/<level>[/<view>]`, optionally `?focus=<element id>`.
    Level {
        role: String,
        level: String,
        view: View,
        focus: Option<String>,
    },
    /// `#/search?q=<query>`.
    Search { query: String },
    /// `#/compare/<track>/<role>/<level>[/<track>/<role>/<level>]`: level A beside level
    /// B, each `(role id, level id)`; without B, the default partner of A
    /// (`ladder::compare::default_pair`).
    Compare {
        a: (String, String),
        b: Option<(String, String)>,
    },
    /// `#/import`: import a ladder in the browser.
    Import,
    /// `#/guide/<track>/<page>`: a page that is not a level, by its id
    /// (`ladder::Guide::id`, `track/page`).
    Guide(String),
    /// `#/everyone` or `#/everyone/<track>`: the expectations for everyone with id
    /// `everyone` or `<track>/everyone` (`ladder::Everyone::id`).
    Everyone(String),
    /// `#/shared/<link text>`: someone's shared progress, or a manager's reply to it
    /// (`progress::share` reads the text).
    Shared(String),
    /// Anything else, kept so the page can say what was asked for.
    NotFound(String),
}

impl Route {
    /// Reads a fragment such as `#/engineering/sre/l2` (the leading `#` is optional).
    pub fn parse(fragment: &str) -> Route {
        let raw = fragment.strip_prefix('#').unwrap_or(fragment);
        let (path, query) = match raw.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (raw, None),
        };
        let path = path.trim_matches('/');
        if path.is_empty() {
            return Route::Home;
        }
        let parts: Vec<String> = path.split('/').map(decode).collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Route::NotFound(raw.to_string());
        }
        match parts.as_slice() {
            [s] if s == "search" => Route::Search {
                query: param(query, "q").unwrap_or_default(),
            },
            [s] if s == "import" => Route::Import,
            [s] if s == "everyone" => Route::Everyone("everyone".to_string()),
            [s, track] if s == "everyone" => Route::Everyone(format!("{track}/everyone")),
            [s, rest @ ..] if s == "guide" && !rest.is_empty() => Route::Guide(rest.join("/")),
            [s, link] if s == "shared" => Route::Shared(link.clone()),
            [c, t, r, l] if c == "compare" => Route::Compare {
                a: (format!("{t}/{r}"), l.clone()),
                b: None,
            },
            [c, t, r, l, t2, r2, l2] if c == "compare" => Route::Compare {
                a: (format!("{t}/{r}"), l.clone()),
                b: Some((format!("{t2}/{r2}"), l2.clone())),
            },
            [track, role, level] => Route::Level {
                role: format!("{track}/{role}"),
                level: level.clone(),
                view: View::Read,
                focus: param(query, "focus").filter(|f| !f.is_empty()),
            },
            [track, role, level, view] if View::from_segment(view).is_some() => Route::Level {
                role: format!("{track}/{role}"),
                level: level.clone(),
                view: View::from_segment(view).unwrap_or_default(),
                focus: param(query, "focus").filter(|f| !f.is_empty()),
            },
            _ => Route::NotFound(decode(raw)),
        }
    }

    /// The route at an address below the app's root: `path` relative to the root (no
    /// leading `/`, e.g. `engineering/sre/l2/` or `index.html`), its `search` (`?...`)
    /// and its `hash`. A fragment route (`#/...`) wins over the path, as old links
    /// and the routes that have no page of their own need.
    pub fn at(path: &str, search: &str, hash: &str) -> Route {
        if hash.len() > 1 {
            return Route::parse(hash);
        }
        let path = path.strip_suffix("index.html").unwrap_or(path);
        Route::parse(&format!("/{path}{search}"))
    }

    /// The fragment for this route, with the leading `#`.
    pub fn to_fragment(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Level {
                role,
                level,
                view,
                focus,
            } => {
                let mut fragment = Route::level_fragment(role, level, *view);
                if let Some(f) = focus {
                    fragment.push_str("?focus=");
                    fragment.push_str(&encode(f));
                }
                fragment
            }
            Route::Search { query } if query.is_empty() => "#/search".to_string(),
            Route::Search { query } => format!("#/search?q={}", encode(query)),
            Route::Import => "#/import".to_string(),
            Route::Guide(id) => format!("#/guide/{}", encode_path(id)),
            Route::Everyone(id) => match id.strip_suffix("/everyone") {
                Some(track) => format!("#/everyone/{}", encode(track)),
                None => "#/everyone".to_string(),
            },
            Route::Shared(link) => Route::shared_fragment(link),
            Route::Compare { a, b } => {
                let path: Vec<String> = [a]
                    .into_iter()
                    .chain(b)
                    .flat_map(|(role, level)| role.split('/').chain([level.as_str()]))
                    .map(encode)
                    .collect();
                format!("#/compare/{}", path.join("/"))
            }
            Route::NotFound(raw) => format!("#{}", encode_path(raw)),
        }
    }

    /// The fragment of a level page in `view` (no focus): `#/<role>/<level>[/<view>]`,
    /// each part encoded. For pages that link levels and need no other route (the
    /// import page: building a `Route` to call [`Route::to_fragment`] brings every
    /// route's code with it).
    pub fn level_fragment(role: &str, level: &str, view: View) -> String {
        let mut fragment = String::from("#/");
        let parts = role.split('/').chain([level]).chain(view.segment());
        for (i, part) in parts.enumerate() {
            if i > 0 {
                fragment.push('/');
            }
            fragment.push_str(&encode(part));
        }
        fragment
    }

    /// The fragment of a shared link's page, `#/shared/<link>`: for the modules that
    /// link one and need no other route (see [`Route::level_fragment`]).
    pub fn shared_fragment(link: &str) -> String {
        format!("#/shared/{}", encode(link))
    }

    /// The route of a level page.
    pub fn level(role: &str, level: &str) -> Route {
        Route::level_view(role, level, View::Read)
    }

    /// The route of one view of a level.
    pub fn level_view(role: &str, level: &str, view: View) -> Route {
        Route::Level {
            role: role.to_string(),
            level: level.to_string(),
            view,
            focus: None,
        }
    }
}

/// What a page the build writes is of, named as the ladder's stored text names it
/// (`ladder::format::stored`): a role (`'R'`), a guide (`'G'`) or expectations for
/// everyone (`'W'`), by id. The home page is of no one ladder.
pub type PageOf = Option<(char, String)>;

/// The page the build writes for the route at `fragment` (`#/...`, as
/// [`Route::to_fragment`] writes it), if it writes one: its path below the app's root
/// (home ``, a level read `<track>/<role>/<level>/` with its `?focus=`, a level
/// compared with its default partner `compare/<track>/<role>/<level>/`, a guide
/// `guide/<track>/<page>/`, expectations for everyone `everyone/[<track>/]`) and what it
/// is of. Read from the fragment's text, so that a module that links a level needs no
/// route parser.
pub fn page_of(fragment: &str) -> Option<(String, PageOf)> {
    let rest = fragment.strip_prefix("#/")?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = path.trim_end_matches('/');
    let parts: Vec<&str> = path.split('/').collect();
    let (of, query) = match parts.as_slice() {
        [""] => return Some((String::new(), None)),
        [t, r, _]
            if !["search", "import", "shared", "guide", "everyone", "compare"].contains(t) =>
        {
            (('R', format!("{t}/{r}")), query)
        }
        ["compare", t, r, _] => (('R', format!("{t}/{r}")), ""),
        ["guide", id @ ..] if !id.is_empty() => (('G', id.join("/")), ""),
        ["everyone"] => (('W', "everyone".to_string()), ""),
        ["everyone", track] => (('W', format!("{track}/everyone")), ""),
        _ => return None,
    };
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    Some((format!("{path}/{query}"), Some(of)))
}

/// The address below `root` (the app's root path, ending in `/`) of the route at
/// `fragment`: its page's path ([`page_of`]) when `built` says the build wrote pages for
/// what it is of, else the root and the fragment.
pub fn address(root: &str, fragment: &str, built: impl Fn(char, &str) -> bool) -> String {
    match page_of(fragment) {
        Some((path, of)) if of.as_ref().is_none_or(|(kind, id)| built(*kind, id)) => {
            format!("{root}{path}")
        }
        _ => format!("{root}{fragment}"),
    }
}

fn param(query: Option<&str>, name: &str) -> Option<String> {
    query?.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k) == name).then(|| decode(v))
    })
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn encode_path(s: &str) -> String {
    s.split('/').map(encode).collect::<Vec<_>>().join("/")
}

/// Decodes `%XX` escapes and `+` as space; malformed escapes stay as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (
                crate::hex::digit(bytes[i + 1]),
                crate::hex::digit(bytes[i + 2]),
            ) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_slash_fragments_are_home() {
        for f in ["", "#", "#/", "#//"] {
            assert_eq!(Route::parse(f), Route::Home, "{f:?}");
        }
    }

    #[test]
    fn level_fragment_names_role_and_level() {
        assert_eq!(
            Route::parse("#/engineering/site-reliability-engineering/l2"),
            Route::level("engineering/site-reliability-engineering", "l2")
        );
    }

    #[test]
    fn level_fragment_keeps_focus() {
        let r = Route::parse("#/a/b/l3?focus=0123abcd");
        assert_eq!(
            r,
            Route::Level {
                role: "a/b".into(),
                level: "l3".into(),
                view: View::Read,
                focus: Some("0123abcd".into())
            }
        );
        assert_eq!(r.to_fragment(), "#/a/b/l3?focus=0123abcd");
    }

    #[test]
    fn search_query_round_trips_through_the_fragment() {
        let r = Route::Search {
            query: "on-call & SLOs 🦉".into(),
        };
        assert_eq!(Route::parse(&r.to_fragment()), r);
    }

    #[test]
    fn plus_in_query_reads_as_space() {
        assert_eq!(
            Route::parse("#/search?q=learning+from"),
            Route::Search {
                query: "learning from".into()
            }
        );
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::parse("#/nope"), Route::NotFound("/nope".into()));
        assert_eq!(
            Route::parse("#/a/b/c/d"),
            Route::NotFound("/a/b/c/d".into())
        );
    }

    #[test]
    fn malformed_escapes_do_not_panic() {
        for f in [
            "#/search?q=%",
            "#/search?q=%4",
            "#/search?q=%zz",
            "#/%ff%fe/x/y",
            "#/search?q=%E2%82",
        ] {
            let _ = Route::parse(f);
        }
        assert_eq!(
            Route::parse("#/search?q=100%"),
            Route::Search {
                query: "100%".into()
            }
        );
    }

    #[test]
    fn level_views_have_their_own_fragments() {
        for (view, frag) in [
            (View::Read, "#/a/b/l2"),
            (View::Summary, "#/a/b/l2/summary"),
            (View::Check, "#/a/b/l2/check"),
            (View::Know, "#/a/b/l2/know"),
            (View::Checkins, "#/a/b/l2/checkins"),
        ] {
            let r = Route::level_view("a/b", "l2", view);
            assert_eq!(r.to_fragment(), frag);
            assert_eq!(Route::parse(frag), r);
        }
        assert_eq!(
            Route::parse("#/a/b/l2/nope"),
            Route::NotFound("/a/b/l2/nope".into())
        );
    }

    #[test]
    fn level_route_round_trips() {
        let r = Route::level("engineering/site-reliability-engineering", "l10");
        assert_eq!(Route::parse(&r.to_fragment()), r);
    }

    #[test]
    fn shared_links_carry_their_text_through_the_fragment() {
        let r = Route::Shared("AQAd-x_9".to_string());
        assert_eq!(r.to_fragment(), "#/shared/AQAd-x_9");
        assert_eq!(Route::parse("#/import"), Route::Import);
        assert_eq!(Route::Import.to_fragment(), "#/import");
        assert_eq!(Route::parse("#/shared/AQAd-x_9"), r);
        // A link with nothing after `shared/` is not a shared link.
        assert!(matches!(Route::parse("#/shared/"), Route::NotFound(_)));
    }

    #[test]
    fn guide_and_everyone_pages_have_their_own_fragments() {
        for (route, frag) in [
            (
                Route::Guide("engineering/how-reviews-work".into()),
                "#/guide/engineering/how-reviews-work",
            ),
            (Route::Everyone("everyone".into()), "#/everyone"),
            (
                Route::Everyone("support/everyone".into()),
                "#/everyone/support",
            ),
        ] {
            assert_eq!(route.to_fragment(), frag);
            assert_eq!(Route::parse(frag), route);
        }
    }

    #[test]
    fn compare_routes_name_one_level_or_two() {
        let sre = (
            "engineering/site-reliability-engineering".to_string(),
            "l2".to_string(),
        );
        let one = Route::Compare {
            a: sre.clone(),
            b: None,
        };
        assert_eq!(
            one.to_fragment(),
            "#/compare/engineering/site-reliability-engineering/l2"
        );
        assert_eq!(Route::parse(&one.to_fragment()), one);
        let two = Route::Compare {
            a: sre,
            b: Some(("design/product-design".to_string(), "l10".to_string())),
        };
        assert_eq!(
            two.to_fragment(),
            "#/compare/engineering/site-reliability-engineering/l2/design/product-design/l10"
        );
        assert_eq!(Route::parse(&two.to_fragment()), two);
    }

    #[test]
    fn pages_of_the_build_have_addresses_by_path_and_the_rest_fragments() {
        let sre = "engineering/site-reliability-engineering";
        let read = Route::level(sre, "l2");
        let check = Route::level_view(sre, "l2", View::Check);
        let compare = Route::Compare {
            a: (sre.to_string(), "l2".to_string()),
            b: None,
        };
        let guide = Route::Guide("engineering/how-reviews-work".into());
        let everyone = Route::Everyone("support/everyone".into());
        for (route, href) in [
            (Route::Home, "/r/"),
            (
                read.clone(),
                "/r/engineering/site-reliability-engineering/l2/",
            ),
            (
                check.clone(),
                "/r/#/engineering/site-reliability-engineering/l2/check",
            ),
            (
                compare.clone(),
                "/r/compare/engineering/site-reliability-engineering/l2/",
            ),
            (guide.clone(), "/r/guide/engineering/how-reviews-work/"),
            (everyone.clone(), "/r/everyone/support/"),
            (Route::Everyone("everyone".into()), "/r/everyone/"),
            (Route::Import, "/r/#/import"),
            (Route::Shared("AQ".into()), "/r/#/shared/AQ"),
        ] {
            assert_eq!(address("/r/", &route.to_fragment(), |_, _| true), href);
            // Every address reads back as its route, and so does its old fragment.
            let (path, hash) = href["/r/".len()..]
                .split_once('#')
                .map_or((&href["/r/".len()..], String::new()), |(p, h)| {
                    (p, format!("#{h}"))
                });
            assert_eq!(Route::at(path, "", &hash), route, "{href}");
            assert_eq!(Route::at("", "", &route.to_fragment()), route);
        }
        // An imported ladder has no pages: its levels live in the root's fragment.
        assert_eq!(
            address("/r/", &read.to_fragment(), |kind, id| kind == 'G'
                && id == sre),
            "/r/#/engineering/site-reliability-engineering/l2"
        );
        let focused = Route::Level {
            role: sre.to_string(),
            level: "l2".to_string(),
            view: View::Read,
            focus: Some("e-1a".into()),
        };
        let href = address("/", &focused.to_fragment(), |_, _| true);
        assert_eq!(
            href,
            "/engineering/site-reliability-engineering/l2/?focus=e-1a"
        );
        assert_eq!(
            Route::at(
                "engineering/site-reliability-engineering/l2/",
                "?focus=e-1a",
                ""
            ),
            focused
        );
        assert_eq!(Route::at("index.html", "", ""), Route::Home);
        // What each page is of, as the ladder's stored text names it.
        assert_eq!(
            page_of(&read.to_fragment()),
            Some((format!("{sre}/l2/"), Some(('R', sre.to_string()))))
        );
        assert_eq!(
            page_of(&compare.to_fragment()).unwrap().1,
            Some(('R', sre.to_string()))
        );
        assert_eq!(
            page_of(&guide.to_fragment()).unwrap().1,
            Some(('G', "engineering/how-reviews-work".to_string()))
        );
        assert_eq!(
            page_of(&everyone.to_fragment()).unwrap().1,
            Some(('W', "support/everyone".to_string()))
        );
        assert_eq!(page_of("#/"), Some((String::new(), None)));
        assert_eq!(page_of(&check.to_fragment()), None);
        assert_eq!(page_of("#/search?q=a/b/c"), None);
        assert_eq!(Route::at("", "?app", "#"), Route::Home);
    }
}
