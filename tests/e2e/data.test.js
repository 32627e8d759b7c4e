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
  await fresh.page.getByText('Imported “rungs-backup.json”: 2 answers; for each expectation the newer answer is kept.').waitFor();
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
  const confirm = page.getByRole('group', { name: /^Reset every rating/ });
  await confirm.waitFor();
  // The safe choice has focus; cancelling changes nothing.
  assert.equal(await page.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement), true);
  await noViolations(page, 'summary with the reset question');
  await page.keyboard.press('Enter');
  assert.equal(await confirm.isVisible(), false);
  await page.getByText('2 of 12 rated').waitFor();

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByText('All progress was reset.').waitFor();
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
