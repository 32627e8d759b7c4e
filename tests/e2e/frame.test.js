// Clickjacking: a page on another origin that frames Rungs gets a plain message and a
// link to open Rungs on its own, never the app and its buttons (Reset, Keep, Remove).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { axe, openPage, radio, ready, sharedBrowser } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const shared = sharedBrowser({ before, after });

/** A page on another origin that frames `src`. */
async function framer(src) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>Win a prize</title><main><h1>Win a prize</h1>
      <iframe title="prize" src="${src}" width="900" height="600"></iframe></main>`);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

test('framed by another site, Rungs shows only a message and a link to open it on its own', { timeout: 60_000 }, async () => {
  const app = shared.server.url + LEVEL;
  // The person's progress, rated in Rungs itself: the framed copy must not reach it.
  const { context, page } = await openPage(shared.browser, app);
  await radio(page, E1, 'Performing').check();
  const site = await framer(app);
  assert.notEqual(new URL(site.url).origin, shared.server.origin);
  const evil = await context.newPage();
  await evil.goto(site.url);
  const frame = evil.frames().find((f) => f.url().startsWith(shared.server.origin));
  assert.ok(frame, 'the app is framed');
  const open = frame.getByRole('link', { name: 'Open Rungs on its own' });
  await open.waitFor();
  assert.match(await frame.locator('main').innerText(), /Rungs does not run inside another page/);
  assert.equal(await open.getAttribute('href'), app);
  assert.equal(await open.getAttribute('target'), '_blank');
  // None of the app's controls is there to be clicked through the overlay, and the app
  // never started (it would have marked itself ready).
  assert.equal(await frame.locator('button, input, select, textarea, [role=radio]').count(), 0);
  await evil.waitForTimeout(1000);
  assert.equal(await frame.evaluate(() => performance.getEntriesByName('rungs:ready').length), 0);
  assert.deepEqual(await axe(frame), []);

  // The link opens Rungs in a tab of its own, with the progress.
  const [tab] = await Promise.all([context.waitForEvent('page'), open.click()]);
  await ready(tab);
  // At the level's address by path, which the old fragment address becomes.
  assert.equal(tab.url(), shared.server.url + 'engineering/site-reliability-engineering/l2/');
  assert.equal(await radio(tab, E1, 'Performing').isChecked(), true);
  assert.deepEqual(page.errors, []);
  await site.close();
  await context.close();
});

test('a level page at its own address, framed, shows only the message too, none of its written text', { timeout: 60_000 }, async () => {
  // There public/crash.js runs beside the parser (`async`), not before it, and must
  // still clear the whole page once it is parsed.
  const app = shared.server.url + 'engineering/site-reliability-engineering/l2/';
  const site = await framer(app);
  const { context, page: evil } = await openPage(shared.browser);
  await evil.goto(site.url);
  const frame = evil.frames().find((f) => f.url().startsWith(shared.server.origin));
  assert.ok(frame, 'the app is framed');
  await frame.getByRole('link', { name: 'Open Rungs on its own' }).waitFor();
  await frame.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await frame.evaluate(() => document.body.innerText.trim()),
    'Rungs\n\nRungs does not run inside another page, so that no other site can click in it for you. Open Rungs on its own');
  assert.equal(await frame.locator('button, input, select, textarea, [role=radio]').count(), 0);
  assert.deepEqual(await axe(frame), []);
  await site.close();
  await context.close();
});
