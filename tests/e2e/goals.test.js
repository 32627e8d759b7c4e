// Next level as a plan: on Compare levels a person marks what the next level asks
// (an expectation only in it, a rewording) as goals, and finds them on the Summary,
// after a reload, in the Markdown and the printed 1:1 sheet, and in a backup that
// brings them back after a reset; Remove takes one off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sharedBrowser, openPage, gotoReady, noViolations, radio, ready, FIXTURES } from './helpers.js';
import { pdfText } from './pdf.js';

const L3 = '#/engineering/platform-engineering/l3';
const COMPARE = '#/compare/engineering/platform-engineering/l3';
const SAME = 'I write infrastructure code that my peers can review and change with confidence.';
const REWORDED = 'I automate repetitive operational work and teach others to do the same.';
const ONLY_L4 = 'I design platform features that other teams adopt without help.';
const AT = 'L4: Senior Platform Engineer · Platform Engineering';
const shared = sharedBrowser({ before, after, dir: FIXTURES });

/** The Goal toggle of the expectation `words` on Compare. */
const toggle = (page, words) => page.getByRole('button', { name: `Goal: ${words}`, exact: true });
/** The goals the Summary lists, as their words and level. */
const listed = async (page) => {
  const items = page.getByRole('list', { name: 'Goals' }).getByRole('listitem');
  return (await items.allInnerTexts()).map((t) => t.replace(/\s*Remove$/, '').split(/\n+/));
};

test('goals marked on Compare are on the Summary, after a reload, in the Markdown, the print and a backup', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + COMPARE);
  await page.getByText(/^L3: Platform Engineer \(Platform Engineering\) beside L4/).waitFor();
  // Every "Only in" and "Reworded" row has a toggle, a "Same" row none.
  const rows = await page.locator('tr.only-a, tr.only-b, tr.reworded').count();
  assert.equal(await page.getByRole('button', { name: /^Goal: / }).count(), rows);
  assert.equal(await page.getByRole('row', { name: /^Same/ }).getByRole('button').count(), 0);
  assert.equal(await toggle(page, ONLY_L4).getAttribute('aria-pressed'), 'false');

  // One by mouse, one by keyboard; focus stays on the toggle.
  await toggle(page, ONLY_L4).click();
  await page.locator('[aria-pressed=true]', { hasText: 'Goal' }).first().waitFor();
  assert.equal(await toggle(page, ONLY_L4).getAttribute('aria-pressed'), 'true');
  await toggle(page, REWORDED).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.goal[aria-pressed=true]').length === 2);
  assert.equal(await toggle(page, REWORDED).evaluate((b) => b === document.activeElement), true, 'focus stays on the toggle');
  await noViolations(page, 'compare with goals');

  // The Summary lists them, with their level, also with nothing rated; so does a reload.
  await gotoReady(page, shared.server.url + L3 + '/summary');
  const want = [[REWORDED, AT], [ONLY_L4, AT]];
  await page.getByRole('heading', { level: 2, name: 'Goals' }).waitFor();
  assert.deepEqual(await listed(page), want);
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { level: 2, name: 'Goals' }).waitFor();
  assert.deepEqual(await listed(page), want);

  // With a rating, the 1:1 sheet: Markdown and print carry the goals.
  await gotoReady(page, shared.server.url + L3);
  await radio(page, SAME, 'Performing').check();
  await gotoReady(page, shared.server.url + L3 + '/summary');
  await page.getByRole('button', { name: 'Download Markdown' }).waitFor();
  assert.deepEqual(await listed(page), want);
  await noViolations(page, 'the summary with goals');
  const [markdown] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const md = await readFile(await markdown.path(), 'utf8');
  assert.ok(md.includes(`## Goals\n\n- ${REWORDED} · ${AT}\n- ${ONLY_L4} · ${AT}\n`), md);
  const printed = pdfText(await page.pdf());
  for (const said of ['Goals', ONLY_L4, AT]) {
    assert.ok(printed.includes(said), `the printed sheet says “${said}”:\n${printed}`);
  }
  assert.ok(!printed.includes('Remove'), `the printed sheet has no Remove buttons:\n${printed}`);

  // A backup keeps them: Reset clears them (and says so), importing brings them back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  const backup = await readFile(await download.path());
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('group', { name: /^Reset clears 1 answer \(ratings and evidence notes\) and 2 goals, on every level\./ }).waitFor();
  await page.getByRole('button', { name: 'Reset everything' }).click();
  await page.getByRole('heading', { level: 2, name: 'Goals' }).waitFor({ state: 'detached' });
  await page.getByLabel('Import backup').setInputFiles({ name: 'goals.json', mimeType: 'application/json', buffer: backup });
  await page.getByText('Restored 1 answer and 2 goals from “goals.json”.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'Goals' }).waitFor();
  assert.deepEqual(await listed(page), want);

  // Remove takes one off; focus goes to the next Remove; Compare shows it unmarked.
  await page.getByRole('button', { name: `Remove goal: ${REWORDED}`, exact: true }).click();
  await page.getByRole('button', { name: `Remove goal: ${REWORDED}`, exact: true }).waitFor({ state: 'detached' });
  assert.deepEqual(await listed(page), [[ONLY_L4, AT]]);
  const remaining = page.getByRole('button', { name: `Remove goal: ${ONLY_L4}`, exact: true });
  await page.waitForFunction(() => document.activeElement?.id === 'goal-rm-0');
  assert.equal(await remaining.evaluate((b) => b === document.activeElement), true);
  await gotoReady(page, shared.server.url + COMPARE);
  await toggle(page, ONLY_L4).waitFor();
  assert.equal(await toggle(page, ONLY_L4).getAttribute('aria-pressed'), 'true');
  assert.equal(await toggle(page, REWORDED).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a goal marked in one tab shows in another, and its removal wins there', async () => {
  const { context, page: a } = await openPage(shared.browser, shared.server.url + COMPARE);
  const b = await context.newPage();
  await gotoReady(b, shared.server.url + L3 + '/summary');
  await toggle(a, ONLY_L4).click();
  await b.getByRole('heading', { level: 2, name: 'Goals' }).waitFor();
  assert.deepEqual(await listed(b), [[ONLY_L4, AT]]);
  await b.getByRole('button', { name: `Remove goal: ${ONLY_L4}`, exact: true }).click();
  await a.waitForFunction(() => document.querySelector('.goal[aria-pressed=true]') === null);
  assert.equal(await toggle(a, ONLY_L4).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(a.errors, []);
  await context.close();
});
