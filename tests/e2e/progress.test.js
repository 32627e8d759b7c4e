// Checking yourself: rating and evidence that survive reloads, storage trouble
// (damaged, full, disabled), two tabs. axe on the rated page and the banners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openPage, gotoReady, axe } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const E3 = 'I identify and raise potential problems with my peers or lead before getting blocked.';
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const group = (page, text) => page.getByRole('radiogroup', { name: text, exact: true });
const radio = (page, text, rating) => group(page, text).getByRole('radio', { name: rating, exact: true });
const evidence = (page, text) => page.getByRole('textbox', { name: `Evidence for: ${text}`, exact: true });

async function checked(page, text) {
  for (const r of ['Improvement needed', 'Maturing', 'Performing', 'Exceeding']) {
    if (await radio(page, text, r).isChecked()) return r;
  }
  return null;
}

async function noViolations(page, view) {
  assert.deepEqual(await axe(page), [], `axe violations on ${view}`);
}

test('ratings and evidence survive a reload', async () => {
  const { context, page } = await openPage(browser, server.url + LEVEL);
  const names = await group(page, E1).getByRole('radio').evaluateAll((els) => els.map((e) => e.labels[0].innerText));
  assert.deepEqual(names, ['Improvement needed', 'Maturing', 'Performing', 'Exceeding']);
  await radio(page, E1, 'Performing').check();
  await radio(page, E2, 'Maturing').check();
  await evidence(page, E1).fill('Led the database failover drill in March with the platform team.');
  // The examples sit beside the expectations being rated.
  assert.equal(await page.getByText(/relying on my own knowledge and occasionally reaching out/).isVisible(), true);
  await noViolations(page, 'level page with ratings');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  assert.equal(await checked(page, E1), 'Performing');
  assert.equal(await checked(page, E2), 'Maturing');
  assert.equal(await checked(page, E3), null);
  assert.equal(await evidence(page, E1).inputValue(), 'Led the database failover drill in March with the platform team.');
  // Put back to not rated.
  await page.getByRole('button', { name: `Clear rating for: ${E2}` }).click();
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  assert.equal(await checked(page, E2), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('damaged stored progress is kept, explained and downloadable; the app works', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('rungs:progress', '{"schema": 2, "answers": [truncat');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await context.newPage();
  await gotoReady(page, server.url + LEVEL);
  const alert = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
  await alert.waitFor();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rungs:progress:damaged:')));
  assert.equal(kept.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), kept[0]), '{"schema": 2, "answers": [truncat');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the damaged data' }).click();
  assert.equal(await readFile(await (await download).path(), 'utf8'), '{"schema": 2, "answers": [truncat');
  await radio(page, E1, 'Exceeding').check();
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  assert.equal(await checked(page, E1), 'Exceeding');
  await noViolations(page, 'damaged data banner');
  await context.close();
});

test('full storage keeps working in memory and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'rungs:progress') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await gotoReady(page, server.url + LEVEL);
  await radio(page, E1, 'Performing').check();
  await page.getByRole('alert').filter({ hasText: 'Storage is full' }).waitFor();
  assert.equal(await checked(page, E1), 'Performing', 'the rating stays on the page');
  await page.getByRole('button', { name: 'Download backup' }).first().waitFor();
  await context.close();
});

test('storage that is disabled keeps working in this tab and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await gotoReady(page, server.url + LEVEL);
  await page.getByRole('alert').filter({ hasText: 'Progress is not being saved' }).waitFor();
  await radio(page, E2, 'Maturing').check();
  assert.equal(await checked(page, E2), 'Maturing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs: answers made in each appear in the other and all are kept', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await gotoReady(a, server.url + LEVEL);
  await gotoReady(b, server.url + LEVEL);
  await radio(a, E1, 'Performing').check();
  await radio(b, E2, 'Exceeding').check();
  await a.waitForFunction((t) => document.querySelector(`[role=radiogroup][aria-label="${t}"] input[value=exceeding]`)?.checked, E2);
  await b.waitForFunction((t) => document.querySelector(`[role=radiogroup][aria-label="${t}"] input[value=performing]`)?.checked, E1);
  await radio(a, E3, 'Maturing').check();
  await b.reload();
  await b.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  assert.equal(await checked(b, E1), 'Performing');
  assert.equal(await checked(b, E2), 'Exceeding');
  assert.equal(await checked(b, E3), 'Maturing');
  await context.close();
});

