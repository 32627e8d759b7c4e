// The pages the build writes (scripts/prerender.mjs): each holds its text in the HTML
// the server sends, the app takes each over with the very same markup, the old
// fragment addresses still open them, and axe finds nothing before the app arrives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, DIST, FIXTURES, LADDER50, serve, launch, openPage, gotoReady, radio, noViolations } from './helpers.js';
import { REFLECT } from '../../scripts/prerender.mjs';

const LEVEL = 'engineering/site-reliability-engineering/l2/';
const EXPECTATION = 'I am competent in my domain.';
const shared = { server: null, fixtures: null, sub: null, browser: null };
before(async () => {
  shared.server = await serve();
  shared.fixtures = await serve({ dir: FIXTURES });
  shared.sub = await serve({ base: '/rungs/' });
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  for (const s of [shared.server, shared.fixtures, shared.sub]) await s?.close();
});

/** Every page a build wrote, as its address below the root ('' for home). */
async function pagesOf(dir) {
  const files = await readdir(dir, { recursive: true });
  return files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => f.slice(0, -'index.html'.length)).sort();
}

/** The body's markup, every form control's state written in and every address absolute. */
const markup = (page) => page.evaluate(`(${REFLECT}, (() => {
  reflect(document.body);
  const body = document.body.cloneNode(true);
  body.querySelectorAll('noscript').forEach((n) => n.remove());
  body.removeAttribute('data-rungs-page');
  document.querySelectorAll('body [href]').forEach((a, i) => { body.querySelectorAll('[href]')[i]?.setAttribute('href', a.href); });
  return body.innerHTML;
})())`);

/** A tab in which no script runs: the page as a reader sees it before the app arrives. */
async function withoutScripts(url) {
  const context = await shared.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

test('a level page arrives with its text in the HTML the server sends', async () => {
  const res = await fetch(shared.server.url + LEVEL);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1[^>]*>L2: Site Reliability Engineer<\/h1>/);
  assert.ok(html.includes(EXPECTATION), 'the expectations are in the HTML');
  assert.ok(html.includes('Domain expertise'), 'the dimensions are in the HTML');
  assert.match(html, /<title>L2: Site Reliability Engineer · Site Reliability Engineering · Rungs<\/title>/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  // Issue 16's budget: under 8 KB gzipped.
  const gz = gzipSync(Buffer.from(html), { level: 9 }).length;
  console.log(`# the seed's level page: ${gz} bytes gzipped`);
  assert.ok(gz < 8 * 1024, `${gz} bytes gzipped is over the 8 KB budget`);
  const home = await (await fetch(shared.server.url)).text();
  assert.ok(home.includes('Career ladders') && home.includes('L2: Site Reliability Engineer'), 'home lists the levels');
});

for (const [name, key] of [['the shipped ladder', 'server'], ['the fixture ladders', 'fixtures']]) {
  test(`the app takes over every page of ${name} with the same markup`, async () => {
    const dir = key === 'server' ? DIST : FIXTURES;
    const pages = await pagesOf(dir);
    assert.ok(pages.length >= 2, `pages: ${pages}`);
    for (const at of pages) {
      const url = shared[key].url + at;
      const before = await withoutScripts(url);
      const written = await markup(before.page);
      await before.context.close();
      const { context, page } = await openPage(shared.browser, url);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(new URL(page.url()).pathname, `/${at}`, 'the address stays');
      assert.equal(await markup(page), written, `${at || 'home'}: the app's markup differs from the page's`);
      assert.deepEqual(page.errors, [], at);
      await context.close();
    }
  });
}

test('on a written page the app rates with no second copy of the text', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  const count = () => page.evaluate((t) => document.body.innerText.split(t).length - 1, EXPECTATION);
  assert.equal(await count(), 1);
  await radio(page, EXPECTATION, 'Performing').check();
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  assert.equal(await radio(page, EXPECTATION, 'Performing').isChecked(), true, 'the rating was kept');
  assert.equal(await count(), 1);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the largest paint of a written page is its own text, not the app\'s copy of it', async () => {
  // Chromium may draw a page in two frames when its parser pauses, and time the second
  // only after the app has taken the page over: one cold load in three shows it either
  // way (before public/lazy.js waited for the timing, none did).
  for (const at of [LEVEL, '']) {
    const seen = [];
    while (seen.length < 3 && !seen.some(({ lcp, ready }) => lcp < ready)) {
      const { context, page } = await openPage(shared.browser, shared.server.url + at);
      seen.push(await page.evaluate(() => new Promise((resolve) => {
        new PerformanceObserver((list) => resolve({
          lcp: list.getEntries().at(-1).startTime,
          ready: performance.getEntriesByName('rungs:ready')[0].startTime,
        })).observe({ type: 'largest-contentful-paint', buffered: true });
      })));
      assert.deepEqual(page.errors, [], at);
      await context.close();
    }
    assert.ok(seen.some(({ lcp, ready }) => lcp < ready), `${at || 'home'}: the largest paint came after the app took the page over: ${JSON.stringify(seen)}`);
  }
});

test('every old #/ address still opens its page, and pages link by path', async () => {
  const { context, page } = await openPage(shared.browser, `${shared.server.url}#/${LEVEL.slice(0, -1)}`);
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.equal(page.url(), shared.server.url + LEVEL, 'an old level address becomes its page address');
  await page.getByRole('link', { name: 'Check yourself' }).click();
  await page.getByRole('heading', { level: 1, name: /^Check yourself/ }).waitFor();
  assert.equal(page.url(), `${shared.server.url}#/${LEVEL}check`, 'a view with no page of its own lives in the root\'s fragment');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  await page.getByRole('link', { name: 'Rungs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  assert.equal(page.url(), shared.server.url);
  for (const [old, heading] of [
    [`#/${LEVEL}check`, /^Check yourself/],
    [`#/${LEVEL}summary`, /Where I stand|Summary/],
    ['#/search?q=on-call', /Search/],
    ['#/import', /Import/],
  ]) {
    await gotoReady(page, shared.server.url + old);
    await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
  }
  for (const at of (await pagesOf(FIXTURES)).filter(Boolean)) {
    await gotoReady(page, `${shared.fixtures.url}#/${at.slice(0, -1)}`);
    await page.waitForURL(shared.fixtures.url + at);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('under a sub-path every written page loads and links within it', async () => {
  const { context, page } = await openPage(shared.browser, shared.sub.url + LEVEL);
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  await page.getByRole('link', { name: 'Rungs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/rungs/');
  await page.getByRole('link', { name: 'L2: Site Reliability Engineer' }).click();
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/rungs/${LEVEL}`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a written page reads without scripts, says what needs the app, and axe finds nothing', async () => {
  for (const at of ['', LEVEL]) {
    const { context, page } = await withoutScripts(shared.server.url + at);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.ok((await page.locator('body').innerText()).includes('rating yourself'), 'the noscript note shows');
    await context.close();
  }
  // axe runs as a script, so here the app's own files are refused instead.
  const context = await shared.browser.newContext();
  const page = await context.newPage();
  await page.route(/\.(js|wasm)$/, (r) => r.abort());
  await page.goto(shared.server.url + LEVEL);
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  await noViolations(page, 'the written level page');
  await context.close();
});

test('a level of the 50-level ladder opens offline after one visit to any page', { timeout: 90_000 }, async () => {
  const server = await serve({ dir: LADDER50 });
  // A real profile, as tests/e2e/pwa.test.js: the worker installs there as for a person.
  const profile = await mkdtemp(path.join(tmpdir(), 'rungs-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROME_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const levels = (await pagesOf(LADDER50)).filter((p) => /^[^/]+\/[^/]+\/[^/]+\/$/.test(p) && !p.startsWith('compare/'));
    assert.ok(levels.length >= 50, `level pages: ${levels.length}`);
    // One visit, to the home page.
    await gotoReady(page, server.url);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const worker = reg.active;
      if (worker.state !== 'activated') {
        await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
      }
    });
    await context.setOffline(true);
    const last = levels[levels.length - 1];
    await gotoReady(page, server.url + last);
    const title = await page.title();
    await page.getByRole('heading', { level: 1, name: title.split(' · ')[0], exact: true }).waitFor();
    assert.ok((await page.locator('[role=radiogroup]').count()) > 0, 'its expectations are there to rate');
    assert.equal(new URL(page.url()).pathname, `/${last}`);
  } finally {
    await context.close();
    await server.close();
  }
});

/** The text of a few expectations in the ladder files of the build in `dir`, as written. */
async function expectationsOf(dir) {
  const files = (await readdir(path.join(dir, 'ladder'))).filter((f) => !f.startsWith('index-'));
  const out = [];
  for (const f of files) {
    const text = await readFile(path.join(dir, 'ladder', f), 'utf8');
    // `E<tab>id<tab>` and the expectation's spans: plain text is one span, style digit 0.
    const found = text.match(/^E\t[^\t]+\t0([^\t\n\u001f]{24,})$/m);
    if (found) out.push({ file: f, text: found[1] });
  }
  return out;
}

test('the wasm files hold code, not the ladder: its text is only in ladder/', async () => {
  for (const dir of [DIST, LADDER50]) {
    const wasm = (await readdir(dir)).filter((f) => f.endsWith('.wasm'));
    assert.ok(wasm.length >= 7, `${dir}: the app and its six modules`);
    const texts = await expectationsOf(dir);
    assert.ok(texts.length >= (dir === DIST ? 1 : 50), `${dir}: expectations found in ladder/`);
    for (const f of wasm) {
      const bytes = await readFile(path.join(dir, f));
      for (const { text } of texts.slice(0, 60)) {
        assert.ok(!bytes.includes(Buffer.from(text)), `${f} holds “${text}”`);
      }
    }
  }
});

test('a level page loads the ladder’s index and holds its own level; search loads the rest when asked', { timeout: 60_000 }, async () => {
  const server = await serve({ dir: LADDER50 });
  const { context, page } = await openPage(shared.browser);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/ladder/')) asked.push(path.basename(new URL(r.url()).pathname)); });
  try {
    const all = await readdir(path.join(LADDER50, 'ladder'));
    const levels = (await pagesOf(LADDER50)).filter((p) => /^[^/]+\/[^/]+\/[^/]+\/$/.test(p) && !p.startsWith('compare/'));
    const level = levels[Math.floor(levels.length / 2)];
    const html = await (await fetch(server.url + level)).text();
    const own = html.match(/<template data-rungs-file="([0-9a-f]+\.txt)">/)?.[1];
    assert.ok(own, 'the page holds its level’s file');
    assert.equal(html.match(/<template /g).length, 1, 'and no other');
    await gotoReady(page, server.url + level);
    assert.equal(asked.length, 1, `a level page asked for ${asked.join(', ')}`);
    assert.match(asked[0], /^index-/);
    assert.ok((await page.locator('[role=radiogroup]').count()) > 0, 'its expectations are there to rate');
    // Another level's text, found by search: its file is loaded when search asks.
    const other = (await expectationsOf(LADDER50)).find((x) => x.file !== own);
    await page.getByRole('searchbox', { name: 'Search' }).fill(other.text);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.locator('main').getByText(other.text).first().waitFor();
    const fetched = all.filter((f) => f !== own).sort();
    assert.deepEqual([...asked].sort(), fetched, 'search loaded every other file of the ladder, once each');
    // The hit opens its level from what is loaded.
    await page.locator('main a').filter({ hasText: other.text }).first().click();
    await page.getByRole('radiogroup', { name: other.text, exact: true }).first().waitFor();
    assert.equal(asked.length, fetched.length, 'no file asked for twice');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('when a level’s file cannot load, the page says so at its top and stays readable', async () => {
  const { context, page } = await openPage(shared.browser);
  await page.route(/\/ladder\/[0-9a-f]+\.txt$/, (route) => route.abort());
  page.errors.length = 0;
  await page.goto(shared.server.url + '#/' + LEVEL + 'check');
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the ladder did not load, so you can read this page but not rate, save or share. Check your connection and reload the page.' });
  await alert.waitFor();
  // The home page's written text, hidden while the fragment named another page, shows.
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('rungs:ready').length), 0, 'the app did not start on half a ladder');
  await noViolations(page, 'the page whose level did not load');
  await context.close();
});
