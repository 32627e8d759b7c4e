// A fault journey: two tabs writing in turn, a tab of an older Rungs (it writes the
// previous schema), storage filled to the quota, a corrupt value written by another
// tab, and a tab of a newer Rungs (a schema this version does not know). No answer is
// lost, and the banners say what happened. Also: a reset in one tab wins over the
// quiz positions another tab holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gotoReady, noViolations, sharedBrowser, radio, evidence, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const E3 = 'I identify and raise potential problems with my peers or lead before getting blocked.';
const E4 = 'I use reviews to strengthen the patterns and practices in use by our team.';
const shared = sharedBrowser({ before, after });

/** Waits until `page` shows `rating` (its code, e.g. 'performing') checked for `text`. */
const shows = (page, text, rating) =>
  page.waitForFunction(
    ([t, r]) => document.querySelector(`[role=radiogroup][aria-label="${t}"] input[value=${r}]`)?.checked,
    [text, rating],
  );

/** The expectation id of `text` on the level page. */
const idOf = (page, text) =>
  page.evaluate((t) => document.querySelector(`[role=radiogroup][aria-label="${t}"]`).closest('.rate').dataset.id, text);

/** The stored progress, raw. */
const raw = (page) => page.evaluate(() => localStorage.getItem('rungs:progress'));

/** Rating and evidence by expectation text, from a stored value or a backup. */
function answers(json) {
  const out = {};
  for (const a of Object.values(JSON.parse(json).answers)) {
    if (a.rating || a.evidence) out[a.text] = [a.rating, a.evidence];
  }
  return out;
}

async function downloadBackup(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).first().click();
  return readFile(await (await download).path(), 'utf8');
}

const banner = (page, title) => page.getByRole('alert').filter({ hasText: title });

test('two tabs, an older tab, full storage, a corrupt value and a newer tab: no answer is lost', async () => {
  const context = await shared.browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  const errors = [];
  for (const p of [a, b]) p.on('pageerror', (e) => errors.push(e.message));
  await gotoReady(a, shared.server.url + LEVEL);
  await gotoReady(b, shared.server.url + LEVEL);

  // Two tabs writing in turn: each sees the other's answers, and storage keeps all.
  await radio(a, E1, 'Performing').check();
  await shows(b, E1, 'performing');
  await radio(b, E2, 'Exceeding').check();
  await shows(a, E2, 'exceeding');
  await evidence(a, E2).fill('Shipped the alerting revamp.');
  await radio(b, E1, 'Exceeding').check();
  await shows(a, E1, 'exceeding');
  assert.deepEqual(answers(await raw(a)), {
    [E1]: ['exceeding', ''],
    [E2]: ['exceeding', 'Shipped the alerting revamp.'],
  });

  // A tab of an older version (schema 2): it could not read the current schema, kept it
  // aside as that version did, and wrote its one new answer in its own format.
  const e3 = await idOf(a, E3);
  const old = await context.newPage();
  await old.goto(shared.server.url + 'older-tab');
  await old.evaluate(([id, text]) => {
    localStorage.setItem(`rungs:progress:damaged:${Date.now()}`, localStorage.getItem('rungs:progress'));
    const answers = { [id]: { rating: 'maturing', evidence: '', text, updated: Date.now() } };
    localStorage.setItem('rungs:progress', JSON.stringify({ schema: 2, answers, quiz: {}, ladder_quiz: { missed: [], right: 0, asked: 0 } }));
  }, [e3, E3]);
  await shows(a, E3, 'maturing');
  await shows(b, E3, 'maturing');
  // The next save here writes everything back, in the current schema.
  await radio(a, E4, 'Maturing').check();
  await a.waitForFunction(() => JSON.parse(localStorage.getItem('rungs:progress')).schema === 4);
  assert.deepEqual(answers(await raw(a)), {
    [E1]: ['exceeding', ''],
    [E2]: ['exceeding', 'Shipped the alerting revamp.'],
    [E3]: ['maturing', ''],
    [E4]: ['maturing', ''],
  });

  // Storage filled to the quota from page script.
  const filled = await a.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1;) {
      try {
        localStorage.setItem(`fill:${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  // A change cannot be saved (a note longer than any slack left): the tab keeps it and
  // says storage is full.
  const note = 'Raised the capacity risk in week one, with the numbers. '.repeat(8);
  await evidence(a, E3).fill(note);
  await banner(a, 'Storage is full').waitFor();
  assert.deepEqual(answers(await raw(a))[E3], ['maturing', ''], 'the stored value is as it was');
  // Full is not "no storage": a tab started now reads the saved progress.
  await b.reload();
  await ready(b);
  await banner(b, 'Storage is full').getByText('what was saved before is still here').waitFor();
  assert.equal(await banner(b, 'Progress is not being saved').count(), 0);
  await shows(b, E1, 'exceeding');
  await shows(b, E4, 'maturing');
  // Download backup exports the real state: saved answers, and this tab's unsaved one.
  assert.deepEqual(answers(await downloadBackup(a)), {
    [E1]: ['exceeding', ''],
    [E2]: ['exceeding', 'Shipped the alerting revamp.'],
    [E3]: ['maturing', note],
    [E4]: ['maturing', ''],
  });
  await noViolations(b, 'level page with the storage-full banner');
  // Space freed: the next change saves everything this tab holds.
  await a.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fill:')).forEach((k) => localStorage.removeItem(k)));
  await radio(a, E3, 'Performing').check();
  await evidence(a, E3).fill('Raised the capacity risk in week one.');
  await a.waitForFunction(() => !document.querySelector('[role=alert]')?.textContent.includes('Storage is full'));
  await shows(b, E3, 'performing');

  // A corrupt value written by another tab: copied aside before anything is saved,
  // and the person is told; this tab's answers are then saved in its place.
  const corrupt = '{"schema":3,"answers":{"truncat';
  await old.evaluate((v) => localStorage.setItem('rungs:progress', v), corrupt);
  await banner(a, 'could not be read').getByText('this tab keeps its answers').waitFor();
  const copies = await a.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('rungs:progress:damaged:')).map((k) => localStorage.getItem(k)));
  assert.ok(copies.includes(corrupt), 'the corrupt value is kept aside');
  await radio(a, E2, 'Performing').check();
  await a.waitForFunction(() => localStorage.getItem('rungs:progress').startsWith('{"schema":4,"answers":{"'));
  const afterCorrupt = answers(await raw(a));
  assert.deepEqual(afterCorrupt, {
    [E1]: ['exceeding', ''],
    [E2]: ['performing', 'Shipped the alerting revamp.'],
    [E3]: ['performing', 'Raised the capacity risk in week one.'],
    [E4]: ['maturing', ''],
  });
  await shows(b, E2, 'performing');

  // A tab of a newer Rungs saves a schema this version does not know (carrying every
  // answer forward). The old tabs stop saving and ask for a reload.
  const newer = JSON.stringify({ ...JSON.parse(await raw(a)), schema: 5, plans: { next: 'l3' } });
  await old.evaluate((v) => localStorage.setItem('rungs:progress', v), newer);
  for (const p of [a, b]) {
    const updated = banner(p, 'Rungs was updated in another tab');
    await updated.getByText('this tab has stopped saving').waitFor();
    await updated.getByRole('button', { name: 'Reload' }).waitFor();
    assert.equal(await updated.getByRole('button', { name: 'Dismiss' }).count(), 0);
  }
  await radio(b, E4, 'Exceeding').check();
  await radio(a, E1, 'Maturing').check();
  assert.equal(await raw(a), newer, 'the newer value is not written over');
  // What the old tab did since is still in its backup.
  assert.equal(answers(await downloadBackup(b))[E4][0], 'exceeding');
  await noViolations(a, 'level page with the newer-version banner');
  // A reload of the old version still does not write over it.
  await a.reload();
  await ready(a);
  await banner(a, 'Rungs was updated in another tab').waitFor();
  await radio(a, E3, 'Improvement needed').check();
  assert.equal(await raw(a), newer);
  // At the end every answer is there, as the newer version holds it.
  assert.deepEqual(answers(newer), afterCorrupt);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reset in one tab wins over the quiz position another tab holds', async () => {
  const context = await shared.browser.newContext();
  const quiz = await context.newPage();
  const other = await context.newPage();
  await gotoReady(quiz, shared.server.url + LEVEL + '/check');
  await quiz.getByText('1 of 12', { exact: true }).waitFor();
  for (const step of ['2 of 12', '3 of 12', '4 of 12']) {
    await quiz.keyboard.press('ArrowRight');
    await quiz.getByText(step, { exact: true }).waitFor();
  }
  await gotoReady(other, shared.server.url + LEVEL + '/summary');
  await other.getByRole('button', { name: 'Reset progress…' }).click();
  await other.getByRole('group', { name: /^Reset clears quiz positions on 1 level/ }).waitFor();
  await other.getByRole('button', { name: 'Reset everything' }).click();
  await other.getByText(/^Reset: cleared quiz positions on 1 level\./).waitFor();
  await quiz.waitForFunction(() => !('engineering/site-reliability-engineering/l2' in JSON.parse(localStorage.getItem('rungs:progress')).quiz));
  // The quiz tab rates where it stands (a change it saves); its old position stays gone.
  await quiz.keyboard.press('3');
  await quiz.waitForFunction(() => Object.values(JSON.parse(localStorage.getItem('rungs:progress')).answers).some((a) => a.rating === 'performing'));
  const stored = JSON.parse(await raw(quiz));
  assert.deepEqual(stored.quiz, {});
  await gotoReady(other, shared.server.url + LEVEL + '/check');
  await other.getByText('1 of 12', { exact: true }).waitFor();
  await context.close();
});
