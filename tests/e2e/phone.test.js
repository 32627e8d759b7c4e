// A phone is a first-class device: Chromium's mobile emulation (touch, 360 × 740 and
// 320 × 568). The chrome leaves the level's title in the top quarter, Check yourself
// fits the first screen and moves by swipes and a bottom bar, every target is 44 px,
// nothing scrolls sideways or breaks a word, links go out through the share sheet, and
// the app offers to install itself. axe in light and dark on the phone layouts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gotoReady, noViolations, sharedBrowser, radio } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const CHECK = `${LEVEL}/check`;
const E1 = 'I am competent in my domain.';
const PHONE = { width: 360, height: 740 };
const SMALL = { width: 320, height: 568 };
const shared = sharedBrowser({ before, after });

/** A touch phone of `viewport`, with `init` run in each page before the app. */
async function phone(url, { viewport = PHONE, colorScheme = 'light', init, userAgent } = {}) {
  const context = await shared.browser.newContext({ viewport, isMobile: true, hasTouch: true, colorScheme, userAgent });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.errors = errors;
  if (url) await gotoReady(page, shared.server.url + url);
  return { context, page };
}

/** The viewport box of `locator`. */
const box = (locator) => locator.evaluate((el) => el.getBoundingClientRect().toJSON());

/** Whether the page scrolls sideways. */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** The words drawn over two lines (split in the middle) in `root`'s text. */
const brokenWords = (page, root = 'main') => page.evaluate((sel) => {
  const out = [];
  const walk = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    // Not the hidden ones (a table's headings in the narrow layout, live regions).
    if (!node.parentElement.checkVisibility() || node.parentElement.getBoundingClientRect().width <= 1) continue;
    for (const m of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return out;
}, root);

/** The controls in the header and main smaller than 44 × 44 CSS px, as text. */
const smallTargets = (page) => page.evaluate(() => {
  const out = [];
  for (const el of document.querySelectorAll('.top a, .top button, .top select, main a, main button, main select, main label.choice, main input[type=search]')) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 44 - 0.01 || r.height < 44 - 0.01) out.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return out;
});

/** Swipes on `page` from (x0, y) to (x1, y) with one finger. */
async function swipe(page, x0, x1, y) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x0, y }] });
  for (let i = 1; i <= 5; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x0 + ((x1 - x0) * i) / 5, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('on a phone the header is one line and the level title starts in the top quarter', async () => {
  for (const viewport of [PHONE, SMALL]) {
    const { context, page } = await phone(LEVEL, { viewport });
    const title = await box(page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }));
    assert.ok(title.top <= viewport.height / 4, `the title starts at ${title.top} px of ${viewport.height}`);
    // One line: the brand, the role and level, Search.
    const where = page.getByRole('button', { name: 'Site Reliability Engineering · L2: Site Reliability Engineer' });
    const search = page.getByRole('button', { name: 'Search', exact: true });
    const tops = await Promise.all([page.getByRole('link', { name: 'Rungs' }), where, search].map(box));
    assert.ok(tops.every((b) => Math.abs(b.top - tops[0].top) < 8), `one line: ${tops.map((b) => b.top)}`);
    // The views are one row, with Share progress beside them.
    const views = page.getByRole('navigation', { name: 'Views of L2: Site Reliability Engineer' });
    assert.ok((await box(views)).height < 60, 'the views are one row');
    const share = await box(page.getByRole('button', { name: 'Share progress' }));
    assert.ok(share.bottom <= title.top, 'Share progress sits above the title, beside the views');

    // The pickers open from the one control, and keep their labels.
    assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), false);
    await where.tap();
    assert.equal(await where.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), true);
    await page.getByLabel('Level', { exact: true }).waitFor();
    await noViolations(page, 'the phone header with the pickers open');
    await where.tap();
    assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), false);

    // Search opens the search box, focused; the results keep it open.
    await search.tap();
    const searchbox = page.getByRole('searchbox', { name: 'Search' });
    assert.equal(await searchbox.evaluate((el) => el === document.activeElement), true);
    await searchbox.fill('incident');
    await page.getByText(/results? for “incident”/).waitFor();
    assert.equal(await searchbox.isVisible(), true);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('on a slow connection the phone header still gets its buttons once the app starts', async () => {
  const { context, page } = await phone();
  // The app's wasm held back while 15 s of frames go by (Playwright's clock): the
  // buttons come when the app draws its header, however long that takes.
  let asked;
  const wasmAsked = new Promise((resolve) => { asked = resolve; });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/rungs-[0-9a-f]+_bg\.wasm$/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await page.clock.install();
  await page.goto(shared.server.url + LEVEL, { waitUntil: 'commit' });
  await wasmAsked;
  // After the page's scripts have run (public/phone.js among them).
  await page.evaluate(() => new Promise((resolve) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve);
    else resolve();
  }));
  await page.clock.runFor(15_000);
  release();
  await page.clock.resume();
  // (The clock's own `performance` has no marks: the app's heading says it has started.)
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  const where = page.getByRole('button', { name: 'Site Reliability Engineering · L2: Site Reliability Engineer' });
  await where.tap();
  assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Search', exact: true }).isVisible(), true);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('wide screens keep the pickers and the search box in the header', async () => {
  const { context, page } = await phone(LEVEL, { viewport: { width: 1280, height: 800 } });
  assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), true);
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).isVisible(), true);
  assert.equal(await page.locator('.top .where').isVisible(), false);
  await context.close();
});

test('check yourself fits the first screen of a phone, for every expectation, and moves by swipes', async () => {
  for (const viewport of [PHONE, SMALL]) {
    const { context, page } = await phone(CHECK, { viewport });
    // No keyboard hints on a touch screen.
    assert.equal(await page.locator('#check-keys').isVisible(), false);
    for (let i = 1; i <= 12; i++) {
      await page.getByText(`${i} of 12`, { exact: true }).waitFor();
      const statement = await box(page.locator('.check-expectation'));
      const scale = await box(page.locator('.check-yourself .scale'));
      const next = await box(page.locator('.check-nav [data-act=next]'));
      assert.ok(statement.top >= 0, `expectation ${i} starts on screen`);
      assert.ok(scale.bottom <= next.top, `expectation ${i}: the scale ends (${scale.bottom}) above the bar (${next.top})`);
      assert.ok(next.bottom <= viewport.height, `expectation ${i}: Next ends at ${next.bottom} of ${viewport.height}`);
      if (i < 12) await page.getByRole('button', { name: 'Next', exact: true }).tap();
    }
    // Examples are one tap away.
    await page.getByText('Examples (2)').tap();
    await page.getByText(/^The team assigned me work last cycle/).waitFor();

    // A swipe left moves on, a swipe right back.
    await page.getByRole('button', { name: 'Previous', exact: true }).tap();
    await page.getByText('11 of 12', { exact: true }).waitFor();
    const y = (await box(page.locator('.check-expectation'))).top + 10;
    await swipe(page, viewport.width - 40, 40, y);
    await page.getByText('12 of 12', { exact: true }).waitFor();
    await swipe(page, 40, viewport.width - 40, y);
    await page.getByText('11 of 12', { exact: true }).waitFor();
    assert.equal(await sideways(page), false);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});

test('after Next the new statement is at the top, and the round ends with where you stand', async () => {
  const { context, page } = await phone(CHECK, { viewport: SMALL });
  await radio(page, E1, 'Performing').tap();
  await page.getByText('Examples (1)').tap();
  // Read the examples down the page: the bar stays at the bottom of the screen.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  const next = page.getByRole('button', { name: 'Next', exact: true });
  assert.ok((await box(next)).bottom <= SMALL.height);
  await next.tap();
  await page.getByText('2 of 12', { exact: true }).waitFor();
  // Not scrolled off above: in the top half of the screen, where the card begins.
  const statement = await box(page.locator('.check-expectation'));
  assert.ok(statement.top >= 0 && statement.top < SMALL.height / 2, `the statement is at the top of the screen (${statement.top} px)`);

  // The last expectation ends the round, never with a greyed-out Next.
  for (let i = 2; i < 12; i++) await page.getByRole('button', { name: 'Next', exact: true }).tap();
  await page.getByText('12 of 12', { exact: true }).waitFor();
  const finish = page.getByRole('button', { name: 'Finish' });
  assert.equal(await finish.isEnabled(), true);
  await finish.tap();
  await page.getByRole('heading', { name: 'Round done' }).waitFor();
  await page.getByText('You rated 1 of 12 expectations: 1 Performing.').waitFor();
  // The round-done card replaces the last expectation's card and its buttons.
  assert.equal(await page.locator('[id="check-card"]').count(), 1, 'one card at the end of a round');
  assert.equal(await finish.count(), 0, 'no Finish once the round is done');
  await noViolations(page, 'the end of a round on a phone');
  await page.getByRole('link', { name: 'See where you stand in the Summary' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Summary: L2: Site Reliability Engineer' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('keyboard hints show once a key is pressed', async () => {
  const { context, page } = await phone(CHECK);
  assert.equal(await page.locator('#check-keys').isVisible(), false);
  await page.keyboard.press('3');
  assert.equal(await page.locator('#check-keys').isVisible(), true);
  assert.equal(await radio(page, E1, 'Performing').isChecked(), true);
  await context.close();
});

test('every control in the main views is at least 44 × 44 on a touch screen', async () => {
  const { context, page } = await phone(LEVEL, { viewport: SMALL });
  // One rating, so the summary has its tables (with nothing rated it says so instead).
  await radio(page, E1, 'Maturing').tap();
  for (const view of [LEVEL, CHECK, `${LEVEL}/summary`, `${LEVEL}/know`]) {
    await gotoReady(page, shared.server.url + view);
    await page.locator('h1').first().waitFor();
    if (view.endsWith('summary')) await page.getByRole('table').first().waitFor();
    assert.deepEqual(await smallTargets(page), [], `small targets on ${view}`);
  }
  await context.close();
});

test('no view scrolls sideways or breaks a word at 320 px', async () => {
  const { context, page } = await phone(LEVEL, { viewport: SMALL });
  // Rate a few, so the summary, a share link and its reply have something to show.
  for (const r of ['Improvement needed', 'Maturing']) {
    await radio(page, E1, r).tap();
  }
  await page.getByRole('button', { name: 'Share progress' }).tap();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const views = [
    ['#/', 'h1'],
    [LEVEL, 'h1'],
    [CHECK, '#check-card'],
    [`${LEVEL}/summary`, 'table'],
    [`${LEVEL}/know`, 'h1'],
    ['#/compare/engineering/site-reliability-engineering/l2', 'h1'],
    ['#/search?q=incident', '.hits'],
    ['#/import', 'h1'],
  ];
  for (const [view, drawn] of views) {
    await gotoReady(page, shared.server.url + view);
    await page.locator(drawn).first().waitFor();
    assert.equal(await sideways(page), false, `${view} scrolls sideways`);
    assert.deepEqual(await brokenWords(page), [], `words broken on ${view}`);
  }
  // A shared link, and the manager's reply view.
  await gotoReady(page, link);
  await page.getByRole('heading', { name: 'Your reply' }).waitFor();
  await page.getByRole('radiogroup', { name: `Your rating for: ${E1}` }).getByRole('radio', { name: 'Performing' }).tap();
  await page.getByRole('button', { name: 'Share reply' }).tap();
  const reply = await page.getByRole('textbox', { name: 'Reply link' }).inputValue();
  assert.equal(await sideways(page), false, 'the shared link scrolls sideways');
  assert.deepEqual(await brokenWords(page), [], 'words broken on the shared link');
  await gotoReady(page, reply);
  await page.locator('table.sides').first().waitFor();
  assert.equal(await sideways(page), false, 'the reply scrolls sideways');
  assert.deepEqual(await brokenWords(page), [], 'words broken on the reply');
  await context.close();
});

// navigator.share, stubbed: what the page asked the share sheet to send.
const STUB_SHARE = () => {
  window.shared = [];
  Navigator.prototype.share = function share(data) {
    window.shared.push(data);
    return Promise.resolve();
  };
};
const NO_SHARE = () => { delete Navigator.prototype.share; };

test('share progress and a reply open the system share sheet where there is one', async () => {
  const me = await phone(LEVEL, { init: STUB_SHARE });
  await radio(me.page, E1, 'Performing').tap();
  await me.page.getByRole('button', { name: 'Share progress' }).tap();
  await me.page.getByRole('button', { name: 'Share…' }).tap();
  await me.page.getByText('Link shared.').waitFor();
  // Share… makes the link again: the one sent is the one the box shows now.
  const link = await me.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const [sent] = await me.page.evaluate(() => window.shared);
  assert.deepEqual(sent, { title: 'My self-check: L2: Site Reliability Engineer', text: 'My ratings in Rungs, to talk them over:', url: link });
  // The link stays visible, to copy by hand.
  assert.equal(await me.page.getByRole('textbox', { name: 'Share link' }).isVisible(), true);
  await noViolations(me.page, 'the share panel on a phone');

  const boss = await phone(null, { init: STUB_SHARE });
  await gotoReady(boss.page, link);
  await boss.page.getByRole('radiogroup', { name: `Your rating for: ${E1}` }).getByRole('radio', { name: 'Maturing' }).tap();
  await boss.page.getByRole('button', { name: 'Share reply' }).tap();
  await boss.page.getByRole('button', { name: 'Share…' }).tap();
  await boss.page.getByText('Link shared.').waitFor();
  // The reply link records the second it was made, and Share… makes it again: under
  // load the clock may tick between the two, so the box is read after sharing.
  const reply = await boss.page.getByRole('textbox', { name: 'Reply link' }).inputValue();
  const [answer] = await boss.page.evaluate(() => window.shared);
  assert.deepEqual(answer, { title: 'My reply on L2: Site Reliability Engineer', text: 'My answers to your self-check in Rungs:', url: reply });
  assert.deepEqual([...me.page.errors, ...boss.page.errors], []);
  await me.context.close();
  await boss.context.close();
});

test('without a share sheet, Copy link copies and the link stays in view', async () => {
  const { context, page } = await phone(LEVEL, { init: NO_SHARE });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  await page.getByRole('button', { name: 'Share progress' }).tap();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.equal(await page.getByRole('button', { name: 'Share…' }).count(), 0);
  await page.getByRole('button', { name: 'Copy link' }).tap();
  await page.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  await context.close();
});

test('Install Rungs shows while the browser offers it and goes once installed', async () => {
  const { context, page } = await phone('#/');
  const install = page.getByRole('button', { name: 'Install Rungs' });
  assert.equal(await install.count(), 0);
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    offer.prompt = () => { window.prompted = true; return Promise.resolve(); };
    offer.userChoice = new Promise((resolve) => { window.choose = resolve; });
    dispatchEvent(offer);
  });
  await install.tap();
  assert.equal(await page.evaluate(() => window.prompted), true);
  await page.evaluate(() => { window.choose({ outcome: 'accepted' }); dispatchEvent(new Event('appinstalled')); });
  await install.waitFor({ state: 'detached' });
  await noViolations(page, 'the home page on a phone');
  await context.close();

  // iOS Safari never offers: a one-line hint says how.
  const ios = await phone('#/', {
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
    init: () => { delete window.onbeforeinstallprompt; },
  });
  await ios.page.getByText('To install Rungs, tap Share, then “Add to Home Screen”.').waitFor();
  await ios.context.close();
});

test('the installed app opens on the last level used', async () => {
  const { context, page } = await phone(CHECK);
  await gotoReady(page, shared.server.url + '#/');
  // Launched from the home screen: the manifest's start URL.
  const manifest = await (await page.request.get(shared.server.url + 'manifest.webmanifest')).json();
  assert.equal(manifest.start_url, './?app');
  await gotoReady(page, new URL(manifest.start_url, shared.server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Check yourself: L2: Site Reliability Engineer' }).waitFor();
  assert.equal(page.url(), shared.server.url + CHECK);
  // Opened any other way, Rungs opens where it is asked to.
  await gotoReady(page, shared.server.url);
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  assert.equal(page.url(), shared.server.url);
  await context.close();
});

test('axe finds nothing on the phone layouts, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { context, page } = await phone(LEVEL, { viewport: SMALL, colorScheme });
    // One rating, so the summary has its tables (with nothing rated it says so instead).
    await radio(page, E1, 'Maturing').tap();
    await noViolations(page, `the level page on a phone (${colorScheme})`);
    await gotoReady(page, shared.server.url + CHECK);
    await page.locator('#check-card').waitFor();
    await noViolations(page, `check yourself on a phone (${colorScheme})`);
    await gotoReady(page, shared.server.url + `${LEVEL}/summary`);
    await page.getByRole('table').first().waitFor();
    await noViolations(page, `the summary on a phone (${colorScheme})`);
    await context.close();
  }
});
