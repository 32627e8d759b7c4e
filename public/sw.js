// Rungs' service worker: the app works offline and updates without running stale code.
// scripts/precache.mjs writes the two lines below at build time from the files in dist/;
// nothing here is listed by hand. VERSION is also in the build's index.html, as
// <meta name="rungs-version">. Why it is hand-written, not Workbox: docs/offline.md.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;

const CACHE = `rungs-${VERSION}`;
const SCOPE = new URL('./', self.location).href;
const INDEX = new URL('./index.html', SCOPE).href;
// Kept in a replaced version's cache: the windows that were open when it was replaced.
const OPEN = new URL('./rungs-open-windows', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Fresh from the server, never from the HTTP cache: a stale index.html there would
    // name the hashed files of another build, which no cache holds.
    const requests = PRECACHE.map((f) => new Request(new URL(f, SCOPE), { cache: 'reload' }));
    const responses = await Promise.all(requests.map(async (r) => {
      const response = await fetch(r);
      if (!response.ok) throw new Error(`${r.url}: HTTP ${response.status}`);
      return response;
    }));
    const at = requests.findIndex((r) => r.url === INDEX);
    const html = await responses[at].clone().text();
    // The server changed under this install (a deploy in progress): fail it, and the
    // next update check installs whichever build is then complete.
    if (!html.includes(`<meta name="rungs-version" content="${VERSION}">`)) {
      throw new Error(`index.html is not build ${VERSION}`);
    }
    // A host that redirects index.html (to ./, say): a redirected answer cannot answer a
    // page request, so keep a plain copy.
    if (responses[at].redirected) responses[at] = new Response(html, { headers: responses[at].headers });
    const c = await caches.open(CACHE);
    await Promise.all(requests.map((r, i) => c.put(r, responses[i])));
  })());
});

// One open cache for every request this worker serves, rather than an open per request.
let opened = null;
const cache = () => (opened ??= caches.open(CACHE));

/** The open windows of the app, by client id. */
async function openWindows() {
  const all = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return all.filter((c) => c.url.startsWith(SCOPE)).map((c) => c.id);
}

/** The caches of earlier versions. */
async function older() {
  return (await caches.keys()).filter((k) => k.startsWith('rungs-') && k !== CACHE);
}

/**
 * Deletes each earlier version's cache once no window that was open when it was
 * replaced remains: until then a tab of that version still loads its files from it
 * (its on-demand modules above all) even after the server has dropped them.
 */
async function tidy() {
  const open = new Set(await openWindows());
  for (const key of await older()) {
    const record = await (await caches.open(key)).match(OPEN);
    const ids = record ? await record.json().catch(() => []) : [];
    if (!ids.some((id) => open.has(id))) await caches.delete(key);
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The browser starts a page's request while this worker boots; used below.
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    const open = JSON.stringify(await openWindows());
    for (const key of await older()) {
      const old = await caches.open(key);
      if (!(await old.match(OPEN))) await old.put(OPEN, new Response(open));
    }
    await tidy();
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  // The page asks for this when the person chooses to reload into the new version.
  if (event.data === 'skip-waiting') self.skipWaiting();
  // Each page says so once it has loaded, so a tab that left an old version frees it.
  if (event.data === 'tidy') event.waitUntil(tidy());
});

// The pages the build wrote (scripts/prerender.mjs): index.html at the root and one
// for each address by path below it (`engineering/sre/l2/index.html`).
const PAGES = new Set(PRECACHE.filter((f) => /(^|\/)index\.html$/.test(f)).map((f) => new URL(f, SCOPE).href));

/** The page file a navigation asks for: a folder's address is its index.html. */
function pageOf(request) {
  const url = new URL(request.url);
  return url.origin + url.pathname + (url.pathname.endsWith('/') ? 'index.html' : '');
}

/**
 * Whether a network answer to the app's URL is the app: not an error or a redirect
 * (a 5xx, a host's error page, a captive portal sending the person to its login), and
 * a page that names itself Rungs (a captive portal answers 200 with its own page).
 */
async function isTheApp(response) {
  if (!response.ok || !/^text\/html/.test(response.headers.get('content-type') || '')) return false;
  return (await response.clone().text()).includes('<meta name="rungs-version"');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Network first, so a new index.html (and with it new hashed assets) is seen at
    // once; the cached app when the network fails or answers with something else.
    event.respondWith((async () => {
      let response = null;
      try {
        // A failed preload rejects in Chromium but resolves to a network error
        // (type "error") in Firefox: offline, that must fall back to the cache too.
        const preloaded = await event.preloadResponse;
        response = preloaded && preloaded.type !== 'error' ? preloaded : await fetch(request);
      } catch {
        // Offline: the cached app below.
      }
      const page = pageOf(request);
      const ours = PAGES.has(page);
      if (response && (!ours || (await isTheApp(response)))) return response;
      return (await (await cache()).match(ours ? page : INDEX)) || response || Response.error();
    })());
    return;
  }
  // Hashed assets never change under their name: cache first. A tab still running an
  // earlier version finds its files in that version's cache, kept while it is open.
  event.respondWith((async () => {
    const hit = await (await cache()).match(request, { ignoreSearch: true });
    if (hit) return hit;
    for (const key of await older()) {
      const old = await (await caches.open(key)).match(request, { ignoreSearch: true });
      if (old) return old;
    }
    return fetch(request);
  })());
});
