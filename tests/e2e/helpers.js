// Shared by the end-to-end specs: a loopback static server for dist/, Debian's
// Chromium through playwright-core, and axe-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
/** The release build with the test ladders beside the shipped one (see scripts/test). */
export const FIXTURES = path.join(ROOT, 'dist-fixtures');
/** The release build with a generated ladder of 50 levels instead of ladders/ (scripts/lib.sh build_ladder50). */
export const LADDER50 = path.join(ROOT, 'dist-ladder50');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * Serves `dir` on 127.0.0.1 (a free port), gzip when the client accepts it, under
 * `base` (e.g. '/rungs/'). Resolves to { url, origin, close }.
 */
export async function serve({ dir = DIST, base = '/' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      if (!url.pathname.startsWith(base)) return send(res, 404, 'text/plain', 'not found');
      let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
      const file = path.join(dir, rel);
      if (!file.startsWith(dir)) return send(res, 403, 'text/plain', 'forbidden');
      let info = await stat(file).catch(() => null);
      const target = info?.isDirectory() ? path.join(file, 'index.html') : file;
      const body = await readFile(target).catch(() => null);
      if (!body) return send(res, 404, 'text/plain', 'not found');
      const type = TYPES[path.extname(target)] || 'application/octet-stream';
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      send(res, 200, type, gzip ? gzipped(target, body) : body, gzip);
    } catch (e) {
      send(res, 500, 'text/plain', String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

// Compressed once per file content, as a static host serves precompressed files; so
// timings measure the browser, not this server's gzip.
const gzipCache = new Map();
function gzipped(file, body) {
  const hit = gzipCache.get(file);
  if (hit && hit.body.equals(body)) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  gzipCache.set(file, { body, gz });
  return gz;
}

function send(res, status, type, body, gzip = false) {
  const headers = { 'content-type': type, 'cache-control': 'no-cache' };
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(status, headers);
  res.end(body);
}

// Debian's Chromium, as root, on a machine with no internet.
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
  });
}

/** A fresh context and page that fail the test on any page error or console error. */
export async function openPage(browser, url, { viewport } = {}) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.errors = errors;
  if (url) await gotoReady(page, url);
  return { context, page };
}

/** Waits for the app's `rungs:ready` mark (after a load or reload). */
export function ready(page) {
  return page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
}

/** Navigates and waits for the app's `rungs:ready` mark. */
export async function gotoReady(page, url) {
  await page.goto(url);
  await ready(page);
}

/** The radio for `rating` in the rating group named by the expectation `text`. */
export const radio = (page, text, rating) =>
  page.getByRole('radiogroup', { name: text, exact: true }).getByRole('radio', { name: rating, exact: true });

/** The evidence note of the expectation `text`. */
export const evidence = (page, text) => page.getByRole('textbox', { name: `Evidence for: ${text}`, exact: true });

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
let axeText = null;
const axeSource = async () => (axeText ??= await readFile(AXE, 'utf8'));

/** Runs axe-core on the page; resolves to its violations as readable lines. */
export async function axe(page) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses script tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource());
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Registers before/after hooks that start a loopback server for `dir` (dist/ unless
 * given) and one Chromium for the whole spec file; returns an object whose `server`
 * and `browser` are set once the hooks have run.
 */
export function sharedBrowser({ before, after, dir = DIST }) {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await serve({ dir });
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Fails with the list of axe-core violations on `page`, naming the view. */
export async function noViolations(page, view) {
  const found = await axe(page);
  if (found.length) throw new Error(`axe violations on ${view}:\n${found.join('\n')}`);
}
