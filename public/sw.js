// Rungs' service worker: the app works offline and updates without running stale code.
// scripts/precache writes the two lines below at build time from the files in dist/;
// nothing here is listed by hand.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;

const CACHE = `rungs-${VERSION}`;
const SCOPE = new URL('./', self.location).href;
const INDEX = new URL('./index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE.map((f) => new URL(f, SCOPE).href))));
});

// One open cache for every request this worker serves, rather than an open per request.
let opened = null;
const cache = () => (opened ??= caches.open(CACHE));

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The browser starts a page's request while this worker boots; used below.
    if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    for (const key of await caches.keys()) {
      if (key.startsWith('rungs-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when the person chooses to reload into the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Network first, so a new index.html (and with it new hashed assets) is seen at
    // once; the cached page when offline.
    event.respondWith((async () => {
      try {
        // A failed preload rejects in Chromium but resolves to a network error
        // (type "error") in Firefox: offline, that must fall back to the cache too.
        const preloaded = await event.preloadResponse;
        if (preloaded && preloaded.type !== 'error') return preloaded;
        return await fetch(request);
      } catch {
        return (await (await cache()).match(INDEX)) || Response.error();
      }
    })());
    return;
  }
  // Hashed assets never change under their name: cache first.
  event.respondWith((async () => {
    const hit = await (await cache()).match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
