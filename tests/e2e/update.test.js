// The service worker against a host that misbehaves or moves on: a 5xx, a captive
// portal, an index.html held in the HTTP cache, and a new build deployed while a tab of
// the old one is still open. Each test serves a copy of dist/ from a host it controls.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, launch, openPage, gotoReady, radio, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';

const browserP = launch();
after(async () => (await browserP).close());

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * A static host for `state.dir` that a test can turn bad: `state.mode` 'ok', '503' (every
 * answer a server error), 'portal' (a captive portal's own page, 200, for every URL) or
 * 'redirect' (302 to the portal's login on another origin); `state.maxAge` paths answered
 * with `Cache-Control: max-age=3600` instead of no-cache.
 */
async function host(dir) {
  const state = { dir, mode: 'ok', maxAge: new Set() };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const atPortal = (req.headers.host || '').startsWith('localhost');
    const portal = (status, headers = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end('<!doctype html><title>Guest Wi-Fi</title><h1>Log in to use the Wi-Fi</h1>');
    };
    if (atPortal || state.mode === 'portal') return portal(200);
    if (state.mode === '503') return portal(503);
    if (state.mode === 'redirect') return portal(302, { location: `http://localhost:${server.address().port}/login` });
    // A folder's address is its index.html, as static hosts serve the pages the build wrote.
    const rel = decodeURIComponent(url.pathname.slice(1)).replace(/(^|\/)$/, '$1index.html');
    const body = await readFile(path.join(state.dir, rel)).catch(() => null);
    if (!body || rel.includes('..')) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(rel)] || 'application/octet-stream',
      'cache-control': state.maxAge.has(url.pathname) ? 'max-age=3600' : 'no-cache',
    });
    res.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  state.url = origin + '/';
  state.close = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
  return state;
}

async function copyOf(dir) {
  const to = await mkdtemp(path.join(tmpdir(), 'rungs-dist-'));
  await cp(dir, to, { recursive: true });
  return to;
}

/**
 * Turns the build in `dir` into a second one, as a deploy would: every hashed file under
 * a new name (the old names are gone from the host), a new worker version. Resolves to
 * the new version.
 */
async function deploySecondBuild(dir) {
  const bump = (hex) => hex.replace(/[0-9a-f]/g, (d) => ((parseInt(d, 16) + 1) % 16).toString(16));
  const names = {};
  for (const f of await readdir(dir)) {
    const m = f.match(/^(.*-)([0-9a-f]{12,16})([._].*)$/);
    if (m) names[f] = m[1] + bump(m[2]) + m[3];
  }
  assert.ok(Object.keys(names).some((f) => f.startsWith('extra-')), 'dist holds hashed files');
  const swText = await readFile(path.join(dir, 'sw.js'), 'utf8');
  const version = swText.match(/const VERSION\s*=\s*["']([^"']+)["']/)[1];
  const next = bump(version);
  // Every page the build wrote names the files and the version, not only the root's.
  for (const f of await readdir(dir, { recursive: true })) {
    if (!/\.(html|js|css|webmanifest)$/.test(f)) continue;
    let text = await readFile(path.join(dir, f), 'utf8');
    for (const [from, to] of Object.entries(names)) text = text.replaceAll(from, to);
    if (f === 'sw.js' || /(^|\/)index\.html$/.test(f)) text = text.replaceAll(version, next);
    await writeFile(path.join(dir, f), text);
  }
  for (const [from, to] of Object.entries(names)) await rename(path.join(dir, from), path.join(dir, to));
  return next;
}

/**
 * Polls `fn` in `page` until it resolves truthy. (page.waitForFunction takes a returned
 * promise for a truthy answer, so it cannot wait on async checks such as the Cache API.)
 */
async function until(page, fn, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${fn}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Waits until a service worker controls `page`. */
const controlled = (page) => page.waitForFunction(() => !!navigator.serviceWorker.controller);
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('rungs-')).sort());

test('a 5xx, a captive portal page or its redirect: the cached app opens, progress there', { timeout: 120_000 }, async () => {
  const site = await host(await copyOf(DIST));
  const browser = await browserP;
  const { context, page } = await openPage(browser, site.url + LEVEL);
  await controlled(page);
  await radio(page, E1, 'Performing').check();
  for (const mode of ['503', 'portal', 'redirect']) {
    site.mode = mode;
    await page.reload();
    await ready(page);
    assert.equal(await radio(page, E1, 'Performing').isChecked(), true, `the app and its progress, host answering ${mode}`);
  }
  // A page of the host that is not the app is still the host's to answer.
  site.mode = 'ok';
  const missing = await page.goto(site.url + 'no-such-page');
  assert.equal(missing.status(), 404);
  await site.close();
  await context.close();
});

test('a new worker precaches index.html from the host, never from the HTTP cache', { timeout: 120_000 }, async () => {
  const dir = await copyOf(DIST);
  const site = await host(dir);
  // The host (wrongly) lets browsers keep index.html for an hour; the page itself is
  // opened at ./, so only the worker ever asks for ./index.html.
  site.maxAge.add('/index.html');
  const browser = await browserP;
  const { context, page } = await openPage(browser, site.url + LEVEL);
  await controlled(page);
  await radio(page, E1, 'Performing').check();

  const next = await deploySecondBuild(dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await until(page, async () => !!(await navigator.serviceWorker.getRegistration()).waiting);
  assert.equal(
    await page.evaluate(async (name) => (await (await caches.open(name)).match(new URL('/index.html', location.href))).text(), `rungs-${next}`),
    await readFile(path.join(dir, 'index.html'), 'utf8'),
    'the new version holds the new build\'s index.html',
  );
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting.postMessage('skip-waiting'));
  await until(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg.active?.state === 'activated' && !reg.waiting;
  });
  await page.close();

  // Offline: the new version's page and files, all from its cache.
  await site.close();
  const offline = await context.newPage();
  await gotoReady(offline, site.url + LEVEL);
  assert.equal(await radio(offline, E1, 'Performing').isChecked(), true);
  await context.close();
});

test('after an update, a tab of the old build still shares and imports, then reloads into the new one', { timeout: 180_000 }, async () => {
  const dir = await copyOf(DIST);
  const site = await host(dir);
  const browser = await browserP;
  const { context, page: old } = await openPage(browser, site.url + LEVEL);
  await controlled(old);
  await radio(old, E1, 'Performing').check();
  const first = await cacheNames(old);

  // A second build replaces the first on the host; a new tab gets it and brings it in.
  const next = await deploySecondBuild(dir);
  const fresh = await context.newPage();
  fresh.errors = [];
  fresh.on('pageerror', (e) => fresh.errors.push(e.message));
  await gotoReady(fresh, site.url + LEVEL);
  const prompt = (p) => p.getByRole('status').filter({ hasText: 'A new version is available.' });
  await Promise.all([fresh.waitForEvent('load'), prompt(fresh).getByRole('button', { name: 'Reload' }).click()]);
  await ready(fresh);
  await fresh.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');

  // The old tab, now served by the new worker, opens its on-demand modules: its own
  // build's files, which the host no longer has.
  await old.getByRole('button', { name: 'Share progress' }).click();
  await old.getByRole('textbox', { name: 'Share link' }).waitFor();
  await old.evaluate(() => { location.hash = '#/import'; });
  await old.getByLabel('Choose a folder').waitFor();
  assert.deepEqual(old.errors, []);
  // It is told about the new version, and its Reload brings it in.
  await prompt(old).getByRole('button', { name: 'Reload' }).click();
  await old.waitForFunction((v) => document.querySelector('meta[name=rungs-version]')?.content === v, next);
  await ready(old);
  await gotoReady(old, site.url + LEVEL);
  assert.equal(await radio(old, E1, 'Performing').isChecked(), true);

  // No tab of the first build is left: its files go.
  await fresh.reload();
  await ready(fresh);
  await until(fresh, async (v) => {
    const keys = (await caches.keys()).filter((k) => k.startsWith('rungs-'));
    return keys.length === 1 && keys[0] === `rungs-${v}`;
  }, next);
  assert.equal(first.length, 1);
  assert.deepEqual(fresh.errors, []);
  await site.close();
  await context.close();
});

test('an old tab whose files are gone everywhere reloads into the new build when it needs a module', { timeout: 120_000 }, async () => {
  const dir = await copyOf(DIST);
  const site = await host(dir);
  const browser = await browserP;
  const { context, page } = await openPage(browser, site.url + LEVEL);
  await controlled(page);
  const [first] = await cacheNames(page);
  const next = await deploySecondBuild(dir);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await until(page, async () => !!(await navigator.serviceWorker.getRegistration()).waiting);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting.postMessage('skip-waiting'));
  await until(page, async (v) => !!navigator.serviceWorker.controller && (await caches.has(`rungs-${v}`)), next);
  // As if the browser had evicted the old build's cache while the tab was in the background.
  await page.evaluate((name) => caches.delete(name), first);
  await page.getByRole('button', { name: 'Share progress' }).click();
  await page.waitForFunction((v) => document.querySelector('meta[name=rungs-version]')?.content === v, next);
  await ready(page);
  await page.getByRole('button', { name: 'Share progress' }).click();
  await page.getByRole('textbox', { name: 'Share link' }).waitFor();
  await site.close();
  await context.close();
});
