// Your progress data: copy the 1:1 Markdown, export and import a backup into a fresh
// browser, reset that asks first and can be undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage, gotoReady, noViolations, sharedBrowser, radio, evidence, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const E3 = 'I identify and raise potential problems with my peers or lead before getting blocked.';
const shared = sharedBrowser({ before, after });


test('copy Markdown puts the 1:1 sheet on the clipboard', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.url });
  await radio(page, E1, 'Exceeding').check();
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  await page.getByRole('button', { name: 'Copy Markdown' }).click();
  await page.getByText('Copied the Markdown to the clipboard.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^# Self-assessment: L2: Site Reliability Engineer/);
  assert.match(copied, /1 of 12 rated/);
  assert.match(copied, /I am competent in my domain\.[\s\S]*Exceeding/);
  await context.close();
});

test('a backup exported here imports into a fresh browser, merged with what is there', async () => {
  const mine = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(mine.page, E1, 'Performing').check();
  await evidence(mine.page, E1).fill('Led the failover drill.');
  await radio(mine.page, E2, 'Maturing').check();
  await gotoReady(mine.page, shared.server.url + LEVEL + '/summary');
  const download = mine.page.waitForEvent('download');
  await mine.page.getByRole('button', { name: 'Download backup' }).click();
  const backup = await readFile(await (await download).path());
  await mine.context.close();

  const fresh = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(fresh.page, E3, 'Exceeding').check();
  await gotoReady(fresh.page, shared.server.url + LEVEL + '/summary');
  await fresh.page.getByText('1 of 12 rated').waitFor();
  await fresh.page.getByLabel('Import backup').setInputFiles({ name: 'rungs-backup.json', mimeType: 'application/json', buffer: backup });
  await fresh.page.getByText('Restored 2 answers from “rungs-backup.json”.').waitFor();
  await fresh.page.getByText('3 of 12 rated').waitFor();
  await fresh.page.reload();
  await ready(fresh.page);
  await fresh.page.getByText('3 of 12 rated').waitFor();
  await gotoReady(fresh.page, shared.server.url + LEVEL);
  assert.equal(await radio(fresh.page, E1, 'Performing').isChecked(), true);
  assert.equal(await radio(fresh.page, E2, 'Maturing').isChecked(), true);
  assert.equal(await radio(fresh.page, E3, 'Exceeding').isChecked(), true);
  assert.equal(await evidence(fresh.page, E1).inputValue(), 'Led the failover drill.');

  // A file that is not a backup changes nothing, and says why.
  await gotoReady(fresh.page, shared.server.url + LEVEL + '/summary');
  const dir = await mkdtemp(path.join(tmpdir(), 'rungs-'));
  const junk = path.join(dir, 'notes.json');
  await writeFile(junk, '{"hello": "world"');
  await fresh.page.getByLabel('Import backup').setInputFiles(junk);
  await fresh.page.getByText(/^“notes\.json” is not a Rungs backup \(.+\): nothing changed\.$/).waitFor();
  await fresh.page.getByText('3 of 12 rated').waitFor();
  assert.deepEqual(fresh.page.errors, []);
  await fresh.context.close();
});

test('reset asks first, can be undone, and stays reset after a reload', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Performing').check();
  await radio(page, E2, 'Exceeding').check();
  await evidence(page, E2).fill('Shipped the alerting revamp.');
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  await page.getByText('2 of 12 rated').waitFor();

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  const confirm = page.getByRole('group', { name: 'Reset clears 2 answers (ratings and evidence notes), on every level. Nothing else is kept in this browser. You can undo it until you leave this page.' });
  await confirm.waitFor();
  // The safe choice has focus; cancelling changes nothing.
  assert.equal(await page.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement), true);
  await noViolations(page, 'summary with the reset question');
  await page.keyboard.press('Enter');
  assert.equal(await confirm.isVisible(), false);
  await page.getByText('2 of 12 rated').waitFor();

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('Reset: cleared 2 answers (ratings and evidence notes). Nothing else is kept in this browser.').waitFor();
  await page.getByText('0 of 12 rated').waitFor();
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await page.getByText('Reset undone: your progress is back.').waitFor();
  await page.getByText('2 of 12 rated').waitFor();
  await page.reload();
  await ready(page);
  await page.getByText('2 of 12 rated').waitFor();

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('0 of 12 rated').waitFor();
  await page.reload();
  await ready(page);
  await page.getByText('0 of 12 rated').waitFor();
  await gotoReady(page, shared.server.url + LEVEL);
  assert.equal(await evidence(page, E2).inputValue(), '');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a backup imported after a reset restores the answers, and Undo stays while it can work', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Performing').check();
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  const first = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  const onlyE1 = await readFile(await (await first).path());
  await gotoReady(page, shared.server.url + LEVEL);
  await radio(page, E2, 'Exceeding').check();
  await evidence(page, E2).fill('Shipped the alerting revamp.');
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  await page.getByText('2 of 12 rated').waitFor();
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  const both = await readFile(await (await second).path());

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('0 of 12 rated').waitFor();
  const undo = page.getByRole('button', { name: 'Undo reset' });
  await undo.waitFor();

  // The older backup brings back E1; Undo still has E2 to bring back, so it stays.
  await page.getByLabel('Import backup').setInputFiles({ name: 'first.json', mimeType: 'application/json', buffer: onlyE1 });
  await page.getByText('Restored 1 answer from “first.json”.').waitFor();
  await page.getByText('1 of 12 rated').waitFor();
  assert.equal(await undo.isVisible(), true, 'Undo reset is still offered');

  // The later backup restores the rest; E1, restored already, is not counted again.
  await page.getByLabel('Import backup').setInputFiles({ name: 'both.json', mimeType: 'application/json', buffer: both });
  await page.getByText('Restored 1 answer from “both.json”.').waitFor();
  await page.getByText('2 of 12 rated').waitFor();
  assert.equal(await undo.isVisible(), false, 'nothing is left for Undo to bring back');
  await page.getByLabel('Import backup').setInputFiles({ name: 'both.json', mimeType: 'application/json', buffer: both });
  await page.getByText('Nothing to restore from “both.json”: this browser already has everything in it.').waitFor();

  // An answer given after the reset is newer, kept and counted.
  await gotoReady(page, shared.server.url + LEVEL);
  await radio(page, E1, 'Maturing').check();
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  await page.getByLabel('Import backup').setInputFiles({ name: 'both.json', mimeType: 'application/json', buffer: both });
  await page.getByText('Nothing to restore from “both.json”; 1 answer was newer here and kept.').waitFor();
  await page.reload();
  await ready(page);
  await page.getByText('2 of 12 rated').waitFor();
  await gotoReady(page, shared.server.url + LEVEL);
  assert.equal(await radio(page, E1, 'Maturing').isChecked(), true);
  assert.equal(await radio(page, E2, 'Exceeding').isChecked(), true);
  assert.equal(await evidence(page, E2).inputValue(), 'Shipped the alerting revamp.');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the backup holds kept replies and answers to links; Reset says it clears them, does, and Undo restores them', async () => {
  const KEPT = 'rungs:kept:a1b2c3d4e5f6a7b8';
  const REPLY = 'rungs:reply:0f1e2d3c4b5a6978';
  const keptValue = JSON.stringify({ updated: 1767225600000, reply: 'kept reply' });
  const replyValue = JSON.stringify({ updated: 1767225600001, answers: 'mine' });
  const ID = 'rungs:share:id:engineering/site-reliability-engineering/l2';
  const idValue = '00112233445566ff';
  const context = await shared.browser.newContext();
  await context.addInitScript(([k, kv, r, rv, i, iv]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, kv);
      localStorage.setItem(r, rv);
      localStorage.setItem(i, iv);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEPT, keptValue, REPLY, replyValue, ID, idValue]);
  const page = await context.newPage();
  await gotoReady(page, shared.server.url + LEVEL);
  await radio(page, E1, 'Performing').check();
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const backup = JSON.parse(text);
  assert.equal(backup.format, 2);
  assert.deepEqual(backup.kept, { [KEPT]: JSON.parse(keptValue), [REPLY]: JSON.parse(replyValue), [ID]: idValue });

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('group', {
    name: "Reset clears 1 answer (ratings and evidence notes), 1 kept reply and your answers to 1 person's link, on every level. It keeps the ids your share links carry, so replies to them still find you. You can undo it until you leave this page.",
  }).waitFor();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText("Reset: cleared 1 answer (ratings and evidence notes), 1 kept reply and your answers to 1 person's link. It keeps the ids your share links carry, so replies to them still find you.").waitFor();
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => /^rungs:(kept|reply):/.test(k)).sort());
  assert.deepEqual(await keys(), []);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), ID), idValue);
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await page.getByText('Reset undone: your progress is back.').waitFor();
  assert.deepEqual(await keys(), [KEPT, REPLY].sort());
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEPT), keptValue);
  await context.close();

  // A new device: the backup brings the kept values back, counted.
  const fresh = await openPage(shared.browser, shared.server.url + LEVEL + '/summary');
  await fresh.page.getByLabel('Import backup').setInputFiles({ name: 'rungs-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await fresh.page.getByText("Restored 1 answer, 1 kept reply, your answers to 1 person's link and the ids your share links carry on 1 level from “rungs-backup.json”.").waitFor();
  assert.equal(await fresh.page.evaluate((k) => localStorage.getItem(k), ID), idValue);
  // Verbatim as JSON (members sorted, as the app's JSON reader gives them).
  assert.equal(await fresh.page.evaluate((k) => localStorage.getItem(k), REPLY), '{"answers":"mine","updated":1767225600001}');
  await noViolations(fresh.page, 'summary after importing a backup');
  await fresh.context.close();
});
