// Share progress with a manager, and the manager's reply, all in the URL fragment:
// links open in fresh browsers, never touch the opener's own progress, and bad links
// say what is wrong. Each link carries its self-check's random id: the manager's
// answers and kept replies are found by it, never by the name typed.
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

/** The manager's own rating control for expectation `text` on a shared page. */
const mine = (page, text, rating) =>
  page.getByRole('radiogroup', { name: `Your rating for: ${text}`, exact: true }).getByRole('radio', { name: rating, exact: true });

/** Opens `link` on `page`, which may show another link already: waits until the mark
 *  beside E1 reads `said`. */
async function openLink(page, link, said) {
  await gotoReady(page, link);
  await page.locator('li.expectation', { hasText: E1 }).locator('.shared-mark', { hasText: said }).waitFor();
}

/** The keys the page's localStorage holds under `prefix`. */
const keysUnder = (page, prefix) =>
  page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).sort(), prefix);

/** The row of expectation `text` in a reply's table. */
const row = (page, text) => page.getByRole('row', { name: new RegExp(text.replace('.', '\\.')) });

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
  await me.page.getByText('Your 12 ratings, without notes, signed “Ada”.').waitFor();
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
  await mine(boss.page, E1, 'Improvement needed').check();
  await mine(boss.page, E2, 'Maturing').check();
  await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).fill('Let us talk about the drill.');
  // The manager's answers survive a reload, apart from their own progress.
  await boss.page.reload();
  await mine(boss.page, E1, 'Improvement needed').waitFor();
  assert.equal(await mine(boss.page, E1, 'Improvement needed').isChecked(), true);
  assert.equal(await ownProgress(boss.page), null);
  await boss.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Grace');
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  const reply = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();
  assert.ok(new URL(reply).hash.startsWith('#/shared/'), reply);

  await gotoReady(me.page, reply);
  await me.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  await me.page.getByText('1 expectation of 2 rated by both of you differs: 1 two steps or more apart, 0 one step apart. It is marked below.').waitFor();
  assert.match(await row(me.page, E1).innerText(), /Three steps apart[\s\S]*Exceeding[\s\S]*Improvement needed[\s\S]*Comment: Let us talk about the drill\./);
  assert.doesNotMatch(await row(me.page, E2).innerText(), /apart/);
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

test('two people send unnamed links for the same level: nothing of one is filled in for the other, and each reply goes to its person', async () => {
  const ada = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(ada.page, E1, 'Exceeding').check();
  const adaLink = await shareLink(ada.page);
  const bob = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(bob.page, E1, 'Maturing').check();
  const bobLink = await shareLink(bob.page);
  assert.notEqual(new URL(adaLink).hash, new URL(bobLink).hash);
  assert.equal(await ada.page.getByRole('textbox', { name: 'Your name (optional)' }).inputValue(), '');

  // The manager answers Ada first.
  const boss = await openPage(shared.browser);
  await openLink(boss.page, adaLink, 'Their rating: Exceeding');
  await mine(boss.page, E1, 'Improvement needed').check();
  await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).fill('About the drill, Ada.');

  // Bob's link: nothing of Ada's answers is there.
  await openLink(boss.page, bobLink, 'Their rating: Maturing');
  assert.equal(await boss.page.locator('.rate input[type=radio]:checked').count(), 0, 'no rating filled in');
  assert.equal(await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).inputValue(), '');
  await mine(boss.page, E1, 'Exceeding').check();
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  const toBob = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();

  // Back to Ada's: her answers are as the manager left them.
  await openLink(boss.page, adaLink, 'Their rating: Exceeding');
  assert.equal(await mine(boss.page, E1, 'Improvement needed').isChecked(), true);
  assert.equal(await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).inputValue(), 'About the drill, Ada.');
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  const toAda = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();
  const kept = await keysUnder(boss.page, 'rungs:reply:');
  assert.equal(kept.length, 2, kept.join(', '));
  assert.ok(kept.every((k) => /^rungs:reply:[0-9a-f]{10}$/.test(k)), kept.join(', '));

  // Each reply carries its person's id back.
  await gotoReady(ada.page, toAda);
  await ada.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  assert.match(await row(ada.page, E1).innerText(), /Exceeding[\s\S]*Improvement needed[\s\S]*About the drill, Ada\./);
  assert.equal(await ada.page.getByText('This reply answers another self-check').count(), 0);
  await ada.page.getByRole('button', { name: 'Keep this reply with my progress' }).click();
  await ada.page.getByText('Kept with your progress.').waitFor();
  await gotoReady(bob.page, toBob);
  assert.match(await row(bob.page, E1).innerText(), /Maturing[\s\S]*Exceeding/);
  assert.doesNotMatch(await row(bob.page, E1).innerText(), /Ada/);
  await bob.page.getByRole('button', { name: 'Keep this reply with my progress' }).click();
  await bob.page.getByText('Kept with your progress.').waitFor();
  // Bob's reply, opened in Ada's browser, says it answers another self-check.
  await gotoReady(ada.page, toBob);
  await ada.page.getByText('This reply answers another self-check than the one this browser shares for this level').waitFor();
  await ada.page.getByRole('button', { name: 'Keep this reply with my progress' }).waitFor();
  await noViolations(ada.page, 'a reply to another self-check');
  assert.deepEqual([...ada.page.errors, ...bob.page.errors, ...boss.page.errors], []);
  for (const p of [ada, bob, boss]) await p.context.close();
});

test('the reply link follows later ratings, the copy is made when copied, and an empty reply says so', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(me.page, E1, 'Performing').check();
  await radio(me.page, E2, 'Performing').check();
  const link = await shareLink(me.page, { name: 'Ada' });

  const boss = await openPage(shared.browser);
  await boss.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  await gotoReady(boss.page, link);
  const box = boss.page.getByRole('textbox', { name: 'Reply link' });
  await boss.page.getByRole('button', { name: 'Share reply' }).click();
  await boss.page.getByText('Nothing is rated yet, so there is no reply to send').waitFor();
  assert.equal(await box.isVisible(), false, 'no empty link');
  await boss.page.getByRole('textbox', { name: `Your comment on: ${E1}`, exact: true }).fill('Let us talk.');
  await boss.page.getByText('Nothing is rated in this reply: it carries your comments only.').waitFor();
  await box.waitFor();
  await mine(boss.page, E1, 'Exceeding').check();
  await boss.page.waitForFunction(() => !document.getElementById('reply-note').textContent);
  const before = await box.inputValue();
  // Rated after Share reply was pressed: the link shown follows, and so does the copy.
  await mine(boss.page, E2, 'Maturing').check();
  await boss.page.waitForFunction((b) => document.getElementById('reply-link').value !== b, before);
  await boss.page.getByRole('button', { name: 'Copy link' }).click();
  await boss.page.getByText('Link copied.').waitFor();
  const copied = await boss.page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await box.inputValue());

  await gotoReady(me.page, copied);
  await me.page.getByRole('heading', { level: 1, name: 'Manager’s reply' }).waitFor();
  assert.match(await row(me.page, E1).innerText(), /Performing[\s\S]*Exceeding[\s\S]*Comment: Let us talk\./);
  assert.match(await row(me.page, E2).innerText(), /Performing[\s\S]*Maturing/);
  assert.deepEqual([...me.page.errors, ...boss.page.errors], []);
  await me.context.close();
  await boss.context.close();
});

test('keeping a second reply to the same self-check says which it replaces', async () => {
  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(me.page, E1, 'Performing').check();
  const link = await shareLink(me.page);
  const replyFrom = async (name, rating) => {
    const boss = await openPage(shared.browser);
    await gotoReady(boss.page, link);
    await mine(boss.page, E1, rating).check();
    await boss.page.getByRole('textbox', { name: 'Your name (optional)' }).fill(name);
    await boss.page.getByRole('button', { name: 'Share reply' }).click();
    const reply = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();
    assert.deepEqual(boss.page.errors, []);
    await boss.context.close();
    return reply;
  };
  const fromGrace = await replyFrom('Grace', 'Maturing');
  const fromAlan = await replyFrom('Alan', 'Exceeding');

  await gotoReady(me.page, fromGrace);
  await me.page.getByRole('button', { name: 'Keep this reply with my progress' }).click();
  await me.page.getByText('Kept with your progress.').waitFor();
  await gotoReady(me.page, fromAlan);
  await me.page.getByRole('columnheader', { name: 'Alan (manager)' }).first().waitFor();
  await me.page.getByText('You keep another reply to this self-check, from Grace. Keeping this one replaces it.').waitFor();
  await noViolations(me.page, 'a reply that would replace a kept one');
  await me.page.getByRole('button', { name: 'Replace the kept reply with this one' }).click();
  await me.page.getByText(/^Kept with your progress, in place of the reply from Grace\./).waitFor();
  assert.equal((await keysUnder(me.page, 'rungs:kept:')).length, 1);

  await gotoReady(me.page, shared.server.url + LEVEL);
  await me.page.getByRole('button', { name: 'Share progress' }).click();
  await me.page.getByRole('link', { name: 'Reply from Alan', exact: true }).waitFor();
  assert.equal(await me.page.getByRole('link', { name: /Reply from Grace/ }).count(), 0);
  assert.deepEqual(me.page.errors, []);
  await me.context.close();
});

test('answers an earlier Rungs kept by name are never filled in; old links keep their answers apart', async () => {
  const boss = await openPage(shared.browser, shared.server.url + LEVEL);
  const id = (await boss.page.locator('li.expectation', { hasText: E1 }).getAttribute('id')).slice(2);
  const id2 = (await boss.page.locator('li.expectation', { hasText: E2 }).getAttribute('id')).slice(2);
  // What a manager's answers to an unnamed link looked like before links had ids.
  const oldKey = 'rungs:reply:engineering/site-reliability-engineering/l2:';
  const oldValue = JSON.stringify({
    schema: 2,
    answers: { [id]: { rating: 'exceeding', evidence: 'Old words.', text: E1, updated: 1 } },
    quiz: {},
    ladder_quiz: { missed: [], right: 0, asked: 0 },
  });
  await boss.page.evaluate(([k, v]) => localStorage.setItem(k, v), [oldKey, oldValue]);

  const me = await openPage(shared.browser, shared.server.url + LEVEL);
  await radio(me.page, E1, 'Performing').check();
  const link = await shareLink(me.page);
  await openLink(boss.page, link, 'Their rating: Performing');
  assert.equal(await boss.page.locator('.rate input[type=radio]:checked').count(), 0, 'not filled in');
  await mine(boss.page, E1, 'Maturing').check();
  assert.equal(await boss.page.evaluate((k) => localStorage.getItem(k), oldKey), oldValue, 'left as it was');

  // Two old links (no id), both unnamed: answers to one are not shown on the other.
  const level = { version: 'an-older-ladder', role: 'engineering/site-reliability-engineering', level: 'l2' };
  const first = handMade({ ...level, entries: [[id, 3]] });
  const second = handMade({ ...level, entries: [[id, 2], [id2, 2]] });
  await openLink(boss.page, `${shared.server.url}#/shared/${first}`, 'Their rating: Performing');
  assert.equal(await boss.page.locator('.rate input[type=radio]:checked').count(), 0, 'nothing from the new link');
  await mine(boss.page, E1, 'Improvement needed').check();
  await openLink(boss.page, `${shared.server.url}#/shared/${second}`, 'Their rating: Maturing');
  assert.equal(await boss.page.locator('.rate input[type=radio]:checked').count(), 0, 'nothing from the other old link');
  await openLink(boss.page, `${shared.server.url}#/shared/${first}`, 'Their rating: Performing');
  assert.equal(await mine(boss.page, E1, 'Improvement needed').isChecked(), true);
  assert.deepEqual([...me.page.errors, ...boss.page.errors], []);
  await me.context.close();
  await boss.context.close();
});
