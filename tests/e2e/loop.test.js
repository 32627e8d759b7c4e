// The review loop end to end, as the three people in it live it: a person rates
// themselves and shares, their manager rates with comments (and sees how far they
// are), the person reads the reply with every difference marked, keeps it, and then
// sees both sides on Read and rate, on the Summary, in the printed 1:1 sheet (a real
// PDF, read back) and in the Markdown. Also: the share panel's memory and Escape,
// bearings for a returning person, honest empty states and no layout jump.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, gotoReady, noViolations, sharedBrowser, radio, evidence } from './helpers.js';
import { pdfText } from './pdf.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const shared = sharedBrowser({ before, after });
const today = () => new Date().toISOString().slice(0, 10);

// Page order: the person's ratings, and their manager's (E1 one step apart, E2 two).
const MINE = ['Exceeding', 'Performing', 'Maturing', 'Performing', 'Improvement needed'];
const THEIRS = ['Performing', 'Improvement needed', 'Maturing', 'Performing', 'Improvement needed'];
const at = (list, i) => list[i] ?? 'Performing';

/** The words of every expectation on the page, in order. */
const words = (page) => page.locator('.rate[data-words]').evaluateAll((all) => all.map((e) => e.dataset.words));

test('the whole loop: self-check, share, a manager rates with a comment, and both sides come back', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  const all = await words(me.page);
  assert.equal(all.length, 12);
  assert.deepEqual(all.slice(0, 2), [E1, E2]);
  await me.page.locator('.rated-count', { hasText: '0 of 12 rated' }).waitFor();
  for (const [i, w] of all.entries()) await radio(me.page, w, at(MINE, i)).check();
  await evidence(me.page, E1).fill('Led the failover drill.');
  await me.page.locator('.rated-count', { hasText: '12 of 12 rated' }).waitFor();

  // Share: the panel says what the link holds, closes on Escape and remembers.
  const toggle = me.page.getByRole('button', { name: 'Share progress' });
  await toggle.click();
  const name = me.page.getByRole('textbox', { name: 'Your name (optional)' });
  await name.fill('Ada');
  await me.page.getByRole('checkbox', { name: 'Include evidence notes' }).check();
  await me.page.getByText('Your 12 ratings and 1 evidence note, signed “Ada”.').waitFor();
  await noViolations(me.page, 'the share panel');
  await name.press('Escape');
  await me.page.locator('#share-panel').waitFor({ state: 'hidden' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.evaluate((b) => b === document.activeElement), true, 'focus is back on Share progress');
  await me.page.reload();
  await gotoReady(me.page, shared.server.url + LEVEL);
  await me.page.getByRole('button', { name: 'Share progress' }).click();
  assert.equal(await me.page.getByRole('textbox', { name: 'Your name (optional)' }).inputValue(), 'Ada');
  assert.equal(await me.page.getByRole('checkbox', { name: 'Include evidence notes' }).isChecked(), true);
  await me.page.getByRole('checkbox', { name: 'Include evidence notes' }).uncheck();
  await me.page.getByText('Your 12 ratings, without notes, signed “Ada”.').waitFor();
  const link = await me.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.ok(new URL(link).hash.length < 200, link);

  // The manager: words for a manager, a count, comments, an overall comment.
  const boss = await openPage(shared.browser);
  await gotoReady(boss.page, link);
  await boss.page.getByText('If you are their manager: rate each expectation as you see it').waitFor();
  assert.equal(await boss.page.getByText('apart from your own self-check').count(), 0);
  const count = boss.page.locator('#answers-count');
  assert.equal(await count.innerText(), '0 of 12 rated');
  for (const [i, w] of all.entries()) {
    const group = boss.page.getByRole('radiogroup', { name: `Your rating for: ${w}`, exact: true });
    await group.getByRole('radio', { name: at(THEIRS, i), exact: true }).check();
    if (i === 4) assert.equal(await count.innerText(), '5 of 12 rated');
  }
  assert.equal(await count.innerText(), '12 of 12 rated');
  await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).fill('Let us talk about the drill.');
  await boss.page.getByLabel('Overall comment (optional)').fill('A strong half-year.');
  // It is kept with the manager's answers to this link.
  await boss.page.reload();
  await gotoReady(boss.page, link);
  assert.equal(await boss.page.getByLabel('Overall comment (optional)').inputValue(), 'A strong half-year.');
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  await boss.page.getByText('Your 12 ratings, 1 comment and an overall comment.').waitFor();
  await noViolations(boss.page, 'the manager’s page');
  const reply = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();

  // The reply: every difference marked, the two-step one strongest, no "Manager (manager)".
  await gotoReady(me.page, reply);
  await me.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  await me.page.getByText('2 expectations of 12 rated by both of you differ: 1 two steps or more apart, 1 one step apart. Each is marked below.').waitFor();
  const row = (text) => me.page.getByRole('row', { name: new RegExp(text.replace('.', '\\.')) });
  assert.match(await row(E1).innerText(), /One step apart/);
  assert.equal(await row(E1).getAttribute('class'), 'differ near');
  assert.match(await row(E2).innerText(), /Two steps apart/);
  assert.equal(await row(E2).getAttribute('class'), 'differ');
  assert.doesNotMatch(await row(all[2]).innerText(), /apart/);
  await me.page.getByRole('columnheader', { name: 'Your manager' }).first().waitFor();
  await me.page.getByRole('columnheader', { name: 'Ada (self)' }).first().waitFor();
  assert.equal(await me.page.getByText('Manager (manager)').count(), 0);
  await me.page.getByText('A strong half-year.').waitFor();
  await noViolations(me.page, 'the reply with every difference');
  await me.page.getByRole('button', { name: 'Keep this reply with my progress' }).click();
  await me.page.getByText('Kept with your progress.').waitFor();

  // Read and rate: the manager's ratings beside the person's own.
  await gotoReady(me.page, shared.server.url + LEVEL);
  await me.page.getByText('Beside your ratings: Your manager’s, from the reply you kept').waitFor();
  const beside = (text) => me.page.locator('li.expectation', { hasText: text }).locator('.manager-mark');
  assert.match(await beside(E1).innerText(), /^Your manager: Performing\s+Comment: Let us talk about the drill\.$/);
  assert.equal(await beside(E2).innerText(), 'Your manager: Improvement needed');
  assert.equal(await radio(me.page, E1, 'Exceeding').isChecked(), true);
  await noViolations(me.page, 'Read and rate with a kept reply');

  // The Summary: you and your manager per dimension, every rating with both sides.
  await gotoReady(me.page, shared.server.url + LEVEL + '/summary');
  await me.page.getByRole('table', { name: 'You and your manager, per dimension' }).waitFor();
  await me.page.getByText(`Ada’s self-assessment, ${today()}.`).waitFor();
  await me.page.getByText('Your manager: Performing · one step apart').waitFor();
  await noViolations(me.page, 'the summary with a kept reply');

  // Print: the 1:1 sheet, read back from a real PDF.
  await me.page.getByRole('button', { name: 'Copy Markdown' }).click();
  await me.page.locator('#summary-said').filter({ hasText: /./ }).waitFor();
  const printed = pdfText(await me.page.pdf());
  for (const said of [
    `Ada’s self-assessment, ${today()}.`,
    'Overall comment: A strong half-year.',
    'Led the failover drill.',
    'Your manager: Performing · one step apart',
    'Comment: Let us talk about the drill.',
    'Your manager: Improvement needed · two steps apart',
  ]) {
    assert.ok(printed.includes(said), `the printed sheet says “${said}”:\n${printed}`);
  }
  for (const never of ['Markdown to the clipboard', 'did not allow copying', 'Your progress data', 'Share progress']) {
    assert.ok(!printed.includes(never), `the printed sheet leaves out “${never}”`);
  }
  const focus = printed.slice(printed.lastIndexOf('Focus areas'));
  assert.ok(focus.indexOf(all[4]) >= 0 && focus.indexOf(all[4]) < focus.indexOf(all[2]), `Improvement needed before Maturing:\n${focus}`);

  // Markdown: the same sheet.
  const [download] = await Promise.all([
    me.page.waitForEvent('download'),
    me.page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const md = await readFile(await download.path(), 'utf8');
  for (const said of ['- Name: Ada', `- Date: ${today()}`, '  - Your manager: **Performing**', '  - Comment: Let us talk about the drill.', 'A strong half-year.']) {
    assert.ok(md.includes(said), `the Markdown says “${said}”:\n${md}`);
  }
  assert.deepEqual([...me.page.errors, ...boss.page.errors], []);
  await me.context.close();
  await boss.context.close();
});

test('bearings: continue where you left off, dated backups, no layout jump, no dead-end Compare', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  // The shipped role has one level: nothing to compare it with, so no Compare tab.
  await page.getByRole('link', { name: 'Read and rate' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Compare levels' }).count(), 0);
  const row = page.locator('li.expectation', { hasText: E2 });
  const before = await row.boundingBox();
  await radio(page, E2, 'Improvement needed').check();
  const after = await row.boundingBox();
  assert.equal(after.height, before.height, 'choosing a rating keeps the row’s height');
  await radio(page, E1, 'Performing').check();
  // Evidence says quietly that it was saved, after each save.
  await evidence(page, E1).fill('Ran the game day.');
  await page.locator('li.expectation', { hasText: E1 }).locator('.saved', { hasText: 'Saved' }).waitFor();
  const kept = await page.evaluate(() => Object.values(JSON.parse(localStorage.getItem('rungs:progress')).answers).map((a) => a.evidence));
  assert.ok(kept.includes('Ran the game day.'), 'Saved means stored');
  await gotoReady(page, shared.server.url + '#/');
  await page.getByRole('link', { name: 'Continue: L2: Site Reliability Engineer, 2 of 12 rated' }).click();
  await page.locator('.rated-count', { hasText: '2 of 12 rated' }).waitFor();
  await gotoReady(page, shared.server.url + LEVEL + '/summary');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download backup' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `rungs-backup-${today()}.json`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('empty states: a summary with nothing rated says so and offers the way to start', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL + '/summary');
  await page.getByText('0 of 12 rated: nothing on this level is rated yet').waitFor();
  assert.equal(await page.getByText('No expectation is rated Improvement needed or Maturing.').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Print' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Download Markdown' }).count(), 0);
  await noViolations(page, 'the empty summary');
  await page.getByRole('link', { name: 'Start rating on Read and rate' }).click();
  await page.getByRole('radiogroup', { name: E1, exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
