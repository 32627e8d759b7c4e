// Share progress with a manager, and the manager's reply, all in the URL fragment:
// links open in fresh browsers, never touch the opener's own progress, and bad links
// say what is wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoReady, noViolations, sharedBrowser, radio, evidence } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const SCALE = ['Improvement needed', 'Maturing', 'Performing', 'Exceeding'];
const shared = sharedBrowser({ before, after });

/** Opens the share panel on the level page and returns the link it shows. */
async function shareLink(page, { name, notes = false } = {}) {
  const button = page.getByRole('button', { name: 'Share progress' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await box.waitFor();
  if (name !== undefined) await page.getByRole('textbox', { name: 'Your name (optional)' }).fill(name);
  const tick = page.getByRole('checkbox', { name: 'Include evidence notes' });
  if ((await tick.isChecked()) !== notes) await tick.setChecked(notes);
  return box.inputValue();
}

/** The shared mark beside expectation `text` on a shared page. */
const mark = (page, text) => page.locator('li.expectation', { hasText: text }).locator('.shared-mark');

/** What the opener has stored as their own progress. */
const ownProgress = (page) => page.evaluate(() => localStorage.getItem('rungs:progress'));

test('a full self-check shares as a short link that opens read-only in a fresh browser', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  const groups = me.page.getByRole('radiogroup');
  const count = await groups.count();
  assert.equal(count, 12);
  for (let i = 0; i < count; i++) {
    await groups.nth(i).getByRole('radio', { name: SCALE[i % 4], exact: true }).check();
  }
  await evidence(me.page, E1).fill('Led the failover drill.');
  const link = await shareLink(me.page, { name: 'Ada' });
  const fragment = new URL(link).hash;
  assert.ok(fragment.startsWith('#/shared/'), link);
  assert.ok(fragment.length < 200, `the fragment is ${fragment.length} characters`);
  await me.page.getByText(`The link is ${link.length} characters long.`).waitFor();
  assert.ok(!link.includes('failover'), 'notes stay out unless asked for');

  const them = await openPage(shared.browser);
  await gotoReady(them.page, link);
  await them.page.getByRole('heading', { level: 1, name: 'Shared progress' }).waitFor();
  await them.page.getByText('Ada’s self-check of L2: Site Reliability Engineer').waitFor();
  assert.equal(await mark(them.page, E1).innerText(), 'Ada: Improvement needed');
  assert.equal(await mark(them.page, E2).innerText(), 'Ada: Maturing');
  assert.equal(await them.page.getByText('Evidence: Led the failover drill.').count(), 0);
  const marks = await them.page.locator('.shared-mark').allInnerTexts();
  assert.deepEqual(marks, Array.from({ length: 12 }, (_, i) => `Ada: ${SCALE[i % 4]}`));
  await noViolations(them.page, 'the shared view');
  assert.equal(await ownProgress(them.page), null, 'opening a link stores nothing as your own progress');

  // With notes, when asked for.
  const withNotes = await shareLink(me.page, { notes: true });
  assert.notEqual(withNotes, link);
  await gotoReady(them.page, withNotes);
  await them.page.getByText('Evidence: Led the failover drill.').waitFor();
  assert.deepEqual(them.page.errors, []);
  await me.context.close();
  await them.context.close();
});

test('a manager answers a shared link, and the reply shows both sides and can be kept', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(me.page, E1, 'Exceeding').check();
  await radio(me.page, E2, 'Maturing').check();
  const link = await shareLink(me.page, { name: 'Ada' });

  const boss = await openPage(shared.browser);
  await gotoReady(boss.page, link);
  const mine = (text, rating) =>
    boss.page.getByRole('radiogroup', { name: `Your rating for: ${text}`, exact: true }).getByRole('radio', { name: rating, exact: true });
  await mine(E1, 'Improvement needed').check();
  await mine(E2, 'Maturing').check();
  await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).fill('Let us talk about the drill.');
  // The manager's answers survive a reload, apart from their own progress.
  await boss.page.reload();
  await mine(E1, 'Improvement needed').waitFor();
  assert.equal(await mine(E1, 'Improvement needed').isChecked(), true);
  assert.equal(await ownProgress(boss.page), null);
  await boss.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Grace');
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  const reply = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();
  assert.ok(new URL(reply).hash.startsWith('#/shared/'), reply);

  await gotoReady(me.page, reply);
  await me.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  await me.page.getByText('One expectation is rated two steps or more apart').waitFor();
  const row = me.page.getByRole('row', { name: new RegExp(E1.replace('.', '\\.')) });
  assert.match(await row.innerText(), /Differs by 3 steps[\s\S]*Exceeding[\s\S]*Improvement needed[\s\S]*Comment: Let us talk about the drill\./);
  const calm = me.page.getByRole('row', { name: new RegExp(E2.replace('.', '\\.')) });
  assert.doesNotMatch(await calm.innerText(), /Differs/);
  await me.page.getByRole('columnheader', { name: 'Grace (manager)' }).first().waitFor();
  await noViolations(me.page, 'the reply, side by side');

  await me.page.getByRole('button', { name: 'Keep this reply with my progress' }).click();
  await me.page.getByText('Kept with your progress.').waitFor();
  await gotoReady(me.page, shared.server.url + LEVEL);
  await me.page.reload();
  await me.page.getByRole('button', { name: 'Share progress' }).click();
  await me.page.getByRole('link', { name: 'Reply from Grace' }).click();
  await me.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  await me.page.getByText('This reply is kept with your progress.').waitFor();
  // Your own ratings are as you left them.
  await gotoReady(me.page, shared.server.url + LEVEL);
  assert.equal(await radio(me.page, E1, 'Exceeding').isChecked(), true);
  assert.deepEqual([...me.page.errors, ...boss.page.errors], []);
  await me.context.close();
  await boss.context.close();
});

/** A link in the share format (src/progress/share/mod.rs) written here, stored
 *  body: for links the app itself would not make. */
function handMade({ version, role, level, entries }) {
  const varint = (out, n) => {
    while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
    out.push(n);
  };
  const body = [];
  const str = (s) => { const b = [...Buffer.from(s)]; varint(body, b.length); body.push(...b); };
  const v = [...Buffer.from(version)];
  varint(body, v.length << 1); // text, not hex
  body.push(...v);
  str(role);
  str(level);
  body.push(0); // no names, no manager
  varint(body, entries.length);
  for (const [id, key] of [...entries].sort()) body.push(...Buffer.from(id.slice(0, 10), 'hex'), 1 | (key << 1));
  const head = [1, 0];
  varint(head, body.length);
  let sum = 0x811c9dc5;
  for (const b of [...head, ...body]) sum = Math.imul(sum ^ b, 0x01000193) >>> 0;
  const le = [sum & 255, (sum >>> 8) & 255, (sum >>> 16) & 255, sum >>> 24];
  return Buffer.from([...head, ...le, ...body]).toString('base64url');
}

test('bad links say what is wrong, and change nothing of yours', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(me.page, E1, 'Performing').check();
  const good = new URL(await shareLink(me.page)).hash.slice('#/shared/'.length);
  const tampered = good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21);
  const cases = [
    ['truncated', good.slice(0, good.length - 4), /cut short/],
    ['truncated by one character', good.slice(0, good.length - 1), /cut short|checksum mismatch/],
    ['tampered', tampered, /checksum mismatch/],
    ['not base64', 'this-is-not*a-link', /not base64url/],
    ['random', 'q83vASNFZ4mrze8BI0VniavN7wEjRWeJ', /unknown format version/],
    ['oversized', 'A'.repeat(70000), /link too long/],
  ];
  for (const [what, text, reason] of cases) {
    await gotoReady(me.page, `${shared.server.url}#/shared/${text}`);
    const alert = me.page.getByRole('alert');
    await alert.waitFor();
    const said = await alert.innerText();
    assert.match(said, /This share link cannot be opened:/, what);
    assert.match(said, reason, `${what}: ${said}`);
  }
  await noViolations(me.page, 'a bad link');
  await gotoReady(me.page, shared.server.url + LEVEL);
  assert.equal(await radio(me.page, E1, 'Performing').isChecked(), true);
  assert.deepEqual(me.page.errors, []);
  await me.context.close();
});

test('a link from another ladder version lists what no longer matches; one for a missing ladder says so', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  const id = (await me.page.locator('li.expectation').first().getAttribute('id')).slice(2);
  const older = handMade({
    version: 'an-older-ladder',
    role: 'engineering/site-reliability-engineering',
    level: 'l2',
    entries: [[id, 3], ['abcdefabcd', 4]],
  });
  await gotoReady(me.page, `${shared.server.url}#/shared/${older}`);
  await me.page.getByRole('heading', { name: 'Made with another version of the ladder' }).waitFor();
  await me.page.getByText('Answers that still match: 1 of 2.', { exact: false }).waitFor();
  await me.page.getByText('Expectation abcdefabcd: self Exceeding').waitFor();
  assert.equal(await mark(me.page, E1).innerText(), 'Their rating: Performing');

  const elsewhere = handMade({ version: 'acme-2026', role: 'acme/data-engineering', level: 'd3', entries: [[id, 2]] });
  await gotoReady(me.page, `${shared.server.url}#/shared/${elsewhere}`);
  const alert = await me.page.getByRole('alert').innerText();
  assert.match(alert, /needs a ladder this copy of Rungs does not have: the role “acme\/data-engineering” \(level “d3”\), ladder version acme-2026/);
  assert.deepEqual(me.page.errors, []);
  await me.context.close();
});
