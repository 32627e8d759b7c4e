// Offline and installable: manifest, service worker, the new-version prompt, a strict
// CSP with no request to another origin, all at the root and under a sub-path.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, DIST, FIXTURES, serve, launch, openPage, gotoReady, radio, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';

const browserP = launch();
after(async () => (await browserP).close());

/** A copy of `dir` that a test may change: a "second build" served in place of the first. */
async function copyOf(dir) {
  const to = await mkdtemp(path.join(tmpdir(), 'rungs-dist-'));
  await cp(dir, to, { recursive: true });
  return to;
}

/** Records every request, console CSP report and `securitypolicyviolation` event. */
async function watch(context) {
  const seen = { requests: [], violations: [] };
  context.on('request', (r) => seen.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  return seen;
}

/**
 * Polls `fn` in `page` until it resolves truthy. (page.waitForFunction takes a returned
 * promise for a truthy answer, so it cannot wait on async checks such as the Cache API.)
 * A poll that a navigation interrupts (the page reloading, as after Reload) is tried
 * again in the new page.
 */
async function until(page, fn, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  const poll = () => page.evaluate(fn, arg).catch((e) => {
    if (/Execution context was destroyed|navigation/.test(e.message)) return false;
    throw e;
  });
  while (!(await poll())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${fn}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function activeWorker(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const worker = reg.active;
    if (worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
    }
    return { state: worker.state, scope: reg.scope };
  });
}

for (const base of ['/', '/rungs/']) {
  test(`installable and offline, under ${base}`, { timeout: 90_000 }, async () => {
    const dir = await copyOf(DIST);
    const server = await serve({ dir, base });
    // A real profile, not an incognito context: Chromium installs nothing from incognito.
    const profile = await mkdtemp(path.join(tmpdir(), 'rungs-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      headless: true,
      args: CHROME_ARGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(`console: ${m.text()}`); });
    const seen = await watch(context);
    await gotoReady(page, server.url + LEVEL);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.webmanifest'), 'utf8'));
    assert.deepEqual(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`).slice(0, 3), ['192x192 any', '512x512 any', '512x512 maskable']);
    assert.deepEqual(await activeWorker(page), { state: 'activated', scope: server.url });
    await radio(page, E1, 'Performing').check();
    // After the first answer the app asks to keep its storage, and says what the browser said.
    await page.locator('#storage-state').filter({ hasText: /\(persistent storage (granted|not granted)\)/ }).waitFor();

    // Offline: the server is gone; the page, a deep link and the progress still work.
    const origin = server.origin;
    await server.close();
    await page.reload();
    await ready(page);
    assert.equal(await radio(page, E1, 'Performing').isChecked(), true);
    await gotoReady(page, server.url + LEVEL + '/summary');
    await page.getByText('1 of 12 rated').waitFor();
    await gotoReady(page, server.url + '#/search?q=runbook');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Share links, made and opened offline: the share module (never loaded online
    // here) comes from the precache.
    await gotoReady(page, server.url + LEVEL);
    await page.getByRole('button', { name: 'Share progress' }).click();
    const link = page.getByRole('textbox', { name: 'Share link' });
    await link.waitFor();
    await gotoReady(page, await link.inputValue());
    await page.getByRole('heading', { level: 1, name: 'Shared progress' }).waitFor();
    assert.equal(await page.locator('li.expectation', { hasText: E1 }).locator('.shared-mark').innerText(), 'Their rating: Performing');

    assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin + '/')), [], 'every request goes to the own origin');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(page.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
    await context.close();
  });
}

for (const base of ['/', '/rungs/']) {
  test(`a new build served in place leads to the new-version prompt; reload keeps progress, under ${base}`, { timeout: 90_000 }, async () => {
    const dir = await copyOf(DIST);
    const server = await serve({ dir, base });
    const browser = await browserP;
    const { context, page } = await openPage(browser, server.url + LEVEL);
    // Closed even when a step fails, so that a failure never leaves the run waiting.
    try {
      assert.equal((await activeWorker(page)).state, 'activated');
      await radio(page, E1, 'Exceeding').check();

      // The second build: another worker version, and a page that says which build it is.
      const swPath = path.join(dir, 'sw.js');
      await writeFile(swPath, (await readFile(swPath, 'utf8')).replace(/const VERSION\s*=\s*"[^"]+"/, 'const VERSION = "second-build"'));
      // Every page the build wrote says so, the level's own page among them.
      const pages = (await readdir(dir, { recursive: true })).filter((f) => /(^|\/)index\.html$/.test(f));
      for (const indexPath of pages.map((f) => path.join(dir, f))) {
        await writeFile(indexPath, (await readFile(indexPath, 'utf8'))
          .replace(/<meta name="rungs-version" content="[^"]+">/, '<meta name="rungs-version" content="second-build">')
          .replace('<title>', '<meta name="rungs-build" content="second" /><title>'));
      }

      await page.reload();
      await ready(page);
      const prompt = page.getByRole('status').filter({ hasText: 'A new version is available.' });
      await prompt.waitFor();
      await prompt.getByRole('button', { name: 'Reload' }).click();
      await until(page, async () => (await caches.keys()).includes('rungs-second-build'));
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'));
      await ready(page);
      await page.waitForFunction(() => document.querySelector('meta[name=rungs-build]')?.content === 'second');
      // The first build's cache goes once no tab of it is left.
      await until(page, async () => (await caches.keys()).filter((k) => k.startsWith('rungs-')).join() === 'rungs-second-build');
      assert.equal(await radio(page, E1, 'Exceeding').isChecked(), true);
      assert.deepEqual(page.errors, []);
    } finally {
      await server.close();
      await context.close();
    }
  });
}

for (const base of ['/', '/rungs/']) {
  test(`a hostile ladder renders as inert text under the CSP; no script runs, under ${base}`, { timeout: 90_000 }, async () => {
    const server = await serve({ dir: FIXTURES, base });
    const browser = await browserP;
    const { context, page } = await openPage(browser, null);
    const seen = await watch(context);
    // Built with RUNGS_LADDERS=ladders:tests/fixtures/hostile: both ladders, side by side.
    await gotoReady(page, server.url + '#/');
    await page.getByRole('link', { name: /Web Engineer/ }).first().waitFor();
    await page.getByRole('link', { name: /Site Reliability Engineer/ }).first().waitFor();
    await gotoReady(page, server.url + '#/engineering/web-engineering/l1');
    await page.getByText("I write <script>window.__pwned = 'summary'</script> safe code.").waitFor();
    await page.getByText(`<img src=x onerror="window.__pwned = 'attribute'"> this week`).waitFor();
    await page.getByText('I never click links like this in a ladder.').waitFor();
    await page.getByText(`A page showing <img src=y onerror="window.__pwned = 'example'"> as text.`).waitFor();
    for (const el of await page.locator('main b, main img, main script, main iframe, main a[href^="javascript:"]').all()) {
      assert.fail(`ladder text became markup: ${await el.evaluate((e) => e.outerHTML)}`);
    }
    // Hover and click over everything that might carry a handler.
    await page.getByText(/I escape <b onmouseover/).hover();
    await page.getByText(/An anchor<\/a>/).click();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith(server.origin + '/')), []);
    assert.deepEqual(page.errors, []);
    await server.close();
    await context.close();
  });
}
