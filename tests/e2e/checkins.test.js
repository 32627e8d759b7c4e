// Check-ins: save one, change a rating and see the change since, across a reload;
// a backup with check-ins imported into a fresh browser (never twice); open one
// read-only, compare two, export, delete with Undo, and a reset that Undo reverses;
// an expectation reworded since, marked with the words that changed; Save check-in
// near full storage, and on full storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage, gotoReady, noViolations, sharedBrowser, radio, evidence, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const shared = sharedBrowser({ before, after });

/** Saves a check-in titled `title` from the level view the page is on. */
async function saveCheckin(page, title) {
  const open = page.getByRole('button', { name: 'Save check-in' });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(new RegExp(`^Saved the check-in of \\d+ \\w+ \\d{4}: ${title}\\. See it under Check-ins\\.$`)).waitFor();
}

test('save a check-in, change a rating, see the change since, still there after a reload', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Maturing').check();
  await saveCheckin(page, 'Q3 review with Sam');
  await radio(page, E1, 'Performing').check();
  await evidence(page, E1).fill('Led the failover drill.');
  await page.getByRole('link', { name: 'Check-ins', exact: true }).click();
  const since = page.getByRole('region', { name: 'Since last check-in' });
  const change = since.getByRole('listitem').filter({ hasText: E1 });
  await change.getByText('Maturing → Performing', { exact: true }).waitFor();
  await change.getByText('Evidence written since: Led the failover drill.').waitFor();
  await since.getByText('Domain expertise: 1 up, 0 down').waitFor();
  await page.getByRole('region', { name: 'Your check-ins' }).getByText(/: Q3 review with Sam$/).waitFor();
  await noViolations(page, 'the Check-ins view');

  await page.reload();
  await ready(page);
  await page.getByRole('region', { name: 'Since last check-in' }).getByText('Maturing → Performing', { exact: true }).waitFor();
  // On the other views of the level too, Save check-in is there.
  for (const view of ['', '/summary', '/check', '/know']) {
    await gotoReady(page, shared.server.url + LEVEL + view);
    await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('check-ins travel in a backup into a fresh browser, and importing twice adds none', async () => {
  const mine = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(mine.page, E2, 'Exceeding').check();
  await saveCheckin(mine.page, 'Mid-year');
  await gotoReady(mine.page, shared.server.url + LEVEL + '/summary');
  const download = mine.page.waitForEvent('download');
  await mine.page.getByRole('button', { name: 'Download backup' }).click();
  const backup = await readFile(await (await download).path());
  assert.match(backup.toString(), /"rungs:checkin:engineering\/site-reliability-engineering\/l2\//);
  await mine.context.close();

  const fresh = await openPage(shared.browser, shared.server.url + LEVEL + '/summary');
  const file = { name: 'rungs-backup.json', mimeType: 'application/json', buffer: backup };
  await fresh.page.getByLabel('Import backup').setInputFiles(file);
  await fresh.page.getByText('Restored 1 answer and 1 check-in from “rungs-backup.json”.').waitFor();
  await fresh.page.getByLabel('Import backup').setInputFiles(file);
  await fresh.page.getByText(/^Nothing to restore from “rungs-backup\.json”: this browser already has everything in it\.$/).waitFor();
  await gotoReady(fresh.page, shared.server.url + LEVEL + '/checkins');
  const list = fresh.page.getByRole('region', { name: 'Your check-ins' });
  await list.getByText(/: Mid-year$/).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1);
  assert.deepEqual(fresh.page.errors, []);
  await fresh.context.close();
});

test('open a check-in read-only, compare two, export, delete with Undo, and reset with Undo', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Maturing').check();
  await saveCheckin(page, 'First');
  await radio(page, E1, 'Exceeding').check();
  await saveCheckin(page, 'Second');
  await page.getByRole('link', { name: 'Check-ins', exact: true }).click();

  await page.getByRole('button', { name: /^Open the check-in of .*: First$/ }).click();
  const opened = page.getByRole('region', { name: /^Check-in of .*: First$/ });
  await opened.getByRole('listitem').filter({ hasText: E1 }).getByText('Maturing', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();

  const compare = page.getByRole('region', { name: 'Compare two check-ins' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  await compare.getByText('Maturing → Exceeding', { exact: true }).waitFor();

  const trend = page.getByRole('table', { name: 'Share rated Performing or better, per check-in' });
  await trend.getByRole('row', { name: /^Domain expertise 0% \(0 of 3\) 33% \(1 of 3\)$/ }).waitFor();

  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download Markdown of the check-in of .*: Second$/ }).click();
  const markdown = await readFile(await (await md).path(), 'utf8');
  assert.match(markdown, /^# Check-in: L2: Site Reliability Engineer\n/);
  assert.match(markdown, /\*\*Maturing → Exceeding\*\*: I am competent in my domain\./);

  await page.getByLabel('Date of the next check-in').fill('2027-03-01');
  const ics = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add the next check-in to my calendar' }).click();
  assert.match(await readFile(await (await ics).path(), 'utf8'), /DTSTART;VALUE=DATE:20270301/);

  await page.getByRole('button', { name: /^Delete… the check-in of .*: First$/ }).click();
  await page.getByRole('button', { name: 'Delete check-in' }).click();
  await page.getByText(/^Deleted the check-in of .*: First\.$/).waitFor();
  const list = page.getByRole('region', { name: 'Your check-ins' });
  assert.equal(await list.getByRole('listitem').count(), 1);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await page.getByText('Delete undone: the check-in is back.').waitFor();
  assert.equal(await list.getByRole('listitem').count(), 2);
  await page.getByRole('note').getByText(/^Rungs uses \d+\.\d KB of the about 5\.0 MB this browser allows it/).waitFor();
  await noViolations(page, 'the Check-ins view with two check-ins');

  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('group', { name: /and 2 check-ins, on every level\./ }).waitFor();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await page.getByText('Reset undone: your progress is back.').waitFor();
  await gotoReady(page, shared.server.url + LEVEL + '/checkins');
  // A change of fragment only: the page draws the view after the hashchange event.
  const items = page.getByRole('region', { name: 'Your check-ins' }).getByRole('listitem');
  await items.nth(1).waitFor();
  assert.equal(await items.count(), 2);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Today in UTC as the app writes dates: `1 December 2026`. */
const today = () => new Date().toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

test('a check-in is shared as it was saved, with its date and title, and the manager sees them', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Maturing').check();
  await evidence(page, E1).fill('Ran the game day.');
  await saveCheckin(page, 'Q3 review with Sam');
  // Changed after the check-in: the link still carries the check-in's answers.
  await radio(page, E1, 'Exceeding').check();
  await page.getByRole('link', { name: 'Check-ins', exact: true }).click();
  const share = page.getByRole('button', { name: `Share this check-in: ${today()}: Q3 review with Sam` });
  await share.click();
  assert.equal(await share.getAttribute('aria-expanded'), 'true');
  const panel = page.getByRole('group', { name: `Share this check-in: ${today()}: Q3 review with Sam` });
  const box = panel.getByRole('textbox', { name: 'Check-in link' });
  await box.waitFor();
  await panel.getByLabel('Include evidence notes').check();
  await panel.getByText('Your 1 rating and 1 evidence note.').waitFor();
  const link = await box.inputValue();
  assert.match(link, /#\/shared\/[A-Za-z0-9_-]+$/);
  await noViolations(page, 'the Check-ins view sharing a check-in');

  const manager = await openPage(shared.browser, link);
  await manager.page.getByText(`Check-in of ${today()}: Q3 review with Sam`, { exact: true }).waitFor();
  const mark = manager.page.locator('li.expectation', { hasText: E1 }).locator('.shared-mark');
  await mark.waitFor();
  assert.match(await mark.innerText(), /^Their rating: Maturing\s+Evidence: Ran the game day\.$/);
  await noViolations(manager.page, 'a shared check-in');
  assert.deepEqual(manager.page.errors, []);
  await manager.context.close();

  // The same button closes the panel.
  await share.click();
  assert.equal(await panel.count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

/** Writes a one-level ladder whose first expectation reads `first` into a new folder. */
async function ladderFolder(first) {
  const dir = await mkdtemp(path.join(tmpdir(), 'rungs-reworded-'));
  await mkdir(path.join(dir, 'Ops/Support'), { recursive: true });
  const level = `# L1: Support Engineer\n\n> _I help customers._\n\n- **Planning horizon**: This week\n\n## 🧰 Craft\n\n- ${first}\n- I write clear replies.\n\n<details>\n<summary>Examples</summary>\n\n- I closed the billing backlog.\n\n</details>\n`;
  await writeFile(path.join(dir, 'Ops/Support/L1-Support-Engineer.md'), level);
  return dir;
}

/** Imports the ladder folder `dir` in the browser. */
async function importLadder(page, dir) {
  await gotoReady(page, shared.server.url + '#/import');
  await page.getByLabel('Choose a folder').setInputFiles(dir);
  await page.getByRole('heading', { name: 'Result' }).waitFor();
  await page.getByText('None: every file imported cleanly.').waitFor();
}

test('an expectation the ladder rewords after a check-in is marked changed since you rated it, with the words that changed', async () => {
  const BEFORE = 'I answer tickets within a day.';
  const AFTER = 'I answer most tickets within one day.';
  const SUPPORT = shared.server.url + '#/imported-ops/support/l1';
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/');
  await importLadder(page, await ladderFolder(BEFORE));
  await page.getByRole('button', { name: 'Open the imported ladder' }).click();
  await page.waitForURL(/#\/imported-ops\/support\/l1$/);
  await ready(page);
  await radio(page, BEFORE, 'Performing').check();
  await saveCheckin(page, 'Before the rewording');

  // The ladder is imported again with the expectation reworded (a new id, as its
  // words changed), then the page reloads to use it.
  await importLadder(page, await ladderFolder(AFTER));
  await gotoReady(page, SUPPORT + '/checkins');
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: /^Open the check-in of .*: Before the rewording$/ }).click();
  const opened = page.getByRole('region', { name: /^Check-in of .*: Before the rewording$/ });
  const item = opened.getByRole('listitem').filter({ hasText: BEFORE });
  await item.getByText('Performing', { exact: true }).waitFor();
  await item.getByText('Changed since you rated it. The ladder now reads:').waitFor();
  const reworded = item.locator('.reworded');
  // As a screen reader reads it: each change said in words.
  assert.equal(await reworded.textContent(), 'I answer added: most tickets within removed: a added: one day.');
  assert.deepEqual(await reworded.locator('ins').allTextContents(), ['added: most', 'added: one']);
  assert.deepEqual(await reworded.locator('del').allTextContents(), ['removed: a']);
  // The expectation that did not change carries no mark.
  const same = opened.getByRole('listitem').filter({ hasText: 'I write clear replies.' });
  assert.equal(await same.getByText('Changed since you rated it', { exact: false }).count(), 0);
  await noViolations(page, 'a check-in with a reworded expectation');

  await page.evaluate(() => localStorage.removeItem('rungs:imported'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('Save check-in says when storage runs short before saving, and a save on full storage says so and loses nothing', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(page, E1, 'Maturing').check();
  await saveCheckin(page, 'Plenty of room');
  assert.equal(await page.getByText(/Storage is running out/).count(), 0);

  // A damaged copy of 4.1 million characters (a key Rungs keeps) brings storage past 80%.
  await page.evaluate(() => localStorage.setItem('rungs:progress:damaged:1', 'x'.repeat(4_100_000)));
  const open = page.getByRole('button', { name: 'Save check-in' });
  await open.click();
  await open.click();
  await page.getByRole('alert').filter({ hasText: /^With this check-in saved, Rungs uses 4\.\d MB of the about 5\.0 MB this browser allows it \(8\d%\)\. Storage is running out: download a backup, then delete old check-ins\.$/ }).waitFor();
  await noViolations(page, 'the Save check-in panel warning of full storage');
  await page.getByLabel('Title (optional)').fill('Nearly full');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/^Saved the check-in of .*: Nearly full\. See it under Check-ins\.$/).waitFor();

  // Storage filled to the quota: the save is refused, said in words, and nothing is lost.
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`fill:${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  const progress = await page.evaluate(() => localStorage.getItem('rungs:progress'));
  await page.getByLabel('Title (optional)').fill('When full');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('This browser refused to store the check-in (storage full or blocked): nothing was saved and nothing lost. Delete old check-ins to make room.').waitFor();
  assert.equal(await page.getByLabel('Title (optional)').inputValue(), 'When full');
  assert.equal(await page.evaluate(() => localStorage.getItem('rungs:progress')), progress);

  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fill:') || k.startsWith('rungs:progress:damaged:')).forEach((k) => localStorage.removeItem(k)));
  await gotoReady(page, shared.server.url + LEVEL + '/checkins');
  const list = page.getByRole('region', { name: 'Your check-ins' });
  await list.getByRole('listitem').nth(1).waitFor(); // drawn after the hashchange event
  assert.deepEqual(await list.getByRole('listitem').locator('p:first-child').allInnerTexts(), [`${today()}: Nearly full`, `${today()}: Plenty of room`]);
  assert.deepEqual(page.errors, []);
  await context.close();
});
