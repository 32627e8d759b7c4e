// Writes every page a reader can reach by link as HTML at its own address, drawn by the
// app itself: the build's own index.html opened in headless Chromium (Debian's, through
// playwright-core), each page's body kept as the app drew it for a first visit. So the
// text is on screen before the WebAssembly arrives, and the page and the app cannot
// drift apart: one renderer. Called by scripts/precache.mjs (the Trunk post_build hook).
//
// The pages: the home page (index.html itself) and every address by path that a page
// links to (src/route.rs, `page_of`): each level, each level compared with its default
// partner, guides, expectations for everyone. `<path>/index.html` holds each, with every
// address in it relative, so the build works under any sub-path, and the ladder's files
// the app loaded to draw it (a level's), so that the page needs only the ladder's index
// to start (public/lazy.js reads them).
import { createServer } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = { '.html': 'text/html', '.txt': 'text/plain; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.md': 'text/markdown' };
// Pages drawn at once: each is a fresh tab with its own start of the app.
const AT_ONCE = 4;

/**
 * Draws the pages of the build in `dir` from `html`, the text of its index.html, and
 * writes them; returns `html` with the home page's text in its body, for index.html.
 */
export async function prerender(dir, html) {
  const server = createServer(async (req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/\/$/, '/index.html'));
    try {
      const body = file.startsWith(dir) ? await readFile(file) : null;
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
    const pages = new Map();
    const queue = [''];
    const seen = new Set(queue);
    while (queue.length) {
      const batch = queue.splice(0, AT_ONCE);
      for (const drawn of await Promise.all(batch.map((p) => draw(context, origin, p, dir)))) {
        pages.set(drawn.path, drawn);
        for (const link of drawn.links) {
          if (!seen.has(link)) {
            seen.add(link);
            queue.push(link);
          }
        }
      }
    }
    for (const [at, page] of pages) {
      if (at === '') continue;
      await mkdir(path.join(dir, at), { recursive: true });
      await writeFile(path.join(dir, at, 'index.html'), pageHtml(html, page));
    }
    console.log(`prerender: ${pages.size} pages`);
    return pageHtml(html, pages.get(''));
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * One page of the build in `dir`, opened at its old fragment address on the root: its
 * title, body and links, and the ladder's files it loaded to draw them.
 */
async function draw(context, origin, at, dir) {
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  // Requests in flight, and when the last one started or ended: a page drawn by a
  // module is done once its module and the ladder's files have arrived. (Playwright's
  // "networkidle" may have been reached before the app ran, while the wasm compiled.)
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (by) => { inFlight += by; lastChange = Date.now(); };
  tab.on('request', () => change(1));
  tab.on('requestfinished', () => change(-1));
  tab.on('requestfailed', () => change(-1));
  await tab.goto(`${origin}/#/${at}`);
  await tab.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  // The ladder's files the app loaded before it drew the page (a level's, beside the
  // index): the page holds them, so the app needs no more than the index to start.
  const files = await tab.evaluate(() => {
    const ready = performance.getEntriesByName('rungs:ready')[0].startTime;
    return performance.getEntriesByType('resource')
      .filter((e) => e.startTime < ready && /\/ladder\/[0-9a-f]+\.txt$/.test(e.name))
      .map((e) => new URL(e.name).pathname.split('/').pop());
  });
  const data = await Promise.all(files.map(async (f) => [f, await readFile(path.join(dir, 'ladder', f), 'utf8')]));
  while (inFlight > 0 || Date.now() - lastChange < 500) await new Promise((ok) => setTimeout(ok, 50));
  await tab.evaluate(REFLECT);
  const drawn = await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
    document.querySelectorAll('body > noscript').forEach((n) => n.remove());
    reflect(document);
    const links = [...document.querySelectorAll('a[href]')]
      .map((a) => new URL(a.href))
      .filter((u) => u.origin === location.origin && !u.hash && !u.search && u.pathname.endsWith('/'))
      .map((u) => u.pathname.slice(1));
    done({ path: location.pathname.slice(1), title: document.title, body: document.body.innerHTML, links });
  }))));
  await tab.close();
  if (errors.length) throw new Error(`prerender: /#/${at}: ${errors.join('; ')}`);
  if (drawn.path !== at) throw new Error(`prerender: /#/${at} opened ${drawn.path || 'the home page'}, not its own page`);
  return { ...drawn, data };
}

/** `html` with `page`'s title and body, every address made relative to its folder. */
function pageHtml(html, page) {
  const depth = page.path.split('/').filter(Boolean).length;
  const up = '../'.repeat(depth);
  const noscript = html.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0] ?? '';
  // The app draws addresses below the root `/` it had here: relative to this page now.
  const body = page.body.replace(/(\shref=")\/([^"]*)"/g, (_, attr, rest) => `${attr}${up}${rest}"`.replace('href=""', 'href="./"'));
  // Inert, and read by public/lazy.js: text, escaped as HTML text is.
  const files = page.data.map(([f, text]) => `<template data-rungs-file="${f}">${escape(text)}</template>`).join('');
  let out = html
    .replace(/<title>[\s\S]*?<\/title>/, `${files}<title>${escape(page.title)}</title>`)
    .replace(/<body>[\s\S]*<\/body>/, () => `<body data-rungs-page>${body}${noscript}</body>`);
  if (depth) {
    out = out
      // Not opened at a fragment address: public/crash.js need not stop the parser.
      .replace(/<script(?=[^>]*\bsrc="?\.\/crash-[0-9a-f]+\.js)/, '<script async')
      .replace(/(\s(?:href|src)=)("?)\.\//g, `$1$2${up}`)
      .replace(/<meta[^>]*\bname="?rungs-root"?[^>]*>/, `<meta name="rungs-root" content="${up}">`);
  }
  return out;
}

/**
 * Defines `reflect(root)`, which writes what a form control shows (the option chosen,
 * the box ticked, the text typed) into its markup, where the page's HTML can hold it.
 * tests/e2e/pages.test.js reads the app's page the same way.
 */
export const REFLECT = `window.reflect = (root) => {
  root.querySelectorAll('option').forEach((o) => o.toggleAttribute('selected', o.selected));
  root.querySelectorAll('input').forEach((i) => i.toggleAttribute('checked', i.checked));
  root.querySelectorAll('textarea').forEach((t) => { t.textContent = t.value; });
}`;

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
