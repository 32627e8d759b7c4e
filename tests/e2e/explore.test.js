// Journeys through the shipped ladder: home, pickers, deep links, examples, search,
// keyboard only, small screens, dark mode and print. axe on every view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, openPage, gotoReady, noViolations, sharedBrowser } from './helpers.js';

const SRE = '#/engineering/site-reliability-engineering/l2';
// The level's address by path, which the build wrote as a page.
const SRE_PAGE = '/engineering/site-reliability-engineering/l2/';
const shared = sharedBrowser({ before, after });

test('home lists the tracks, roles and levels', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url);
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Engineering' }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Site Reliability Engineering' }).waitFor();
  await page.getByRole('link', { name: 'L2: Site Reliability Engineer' }).click();
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.equal(new URL(page.url()).pathname, SRE_PAGE);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  await noViolations(page, 'home');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('picking role and level by their labels opens the level', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url);
  assert.equal(await page.getByLabel('Level', { exact: true }).isDisabled(), true, 'Level waits for a role');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Site Reliability Engineering' });
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.equal(new URL(page.url()).pathname, SRE_PAGE);
  await page.getByLabel('Level', { exact: true }).selectOption({ label: 'L2: Site Reliability Engineer' });
  assert.equal(await page.getByLabel('Role', { exact: true }).inputValue(), 'engineering/site-reliability-engineering');
  assert.equal(await page.getByLabel('Level', { exact: true }).inputValue(), 'l2');
  assert.equal(await page.title(), 'L2: Site Reliability Engineer · Site Reliability Engineering · Rungs');
  await context.close();
});

test('a deep link opens the level with repaired emoji, attributes and examples', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + SRE);
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  const dims = await page.getByRole('heading', { level: 2 }).allInnerTexts();
  assert.deepEqual(dims, ['🦉 Domain expertise', '🌱 Teaching and Mentoring', '🧭 Culture and Leadership', '🏆 Customer Success']);
  const body = await page.locator('body').innerText();
  assert.doesNotMatch(body, /ü¶|Ô£ø|\uF8FF/, 'no mojibake on the page');
  assert.match(body, /I am a valuable and enthusiastic member of an Octopus team/);
  const terms = await page.locator('dl.attributes dt').allInnerTexts();
  assert.deepEqual(terms, ['Planning horizon', 'Impact radius', 'Evaluation', 'Responsibility and direction needed']);
  assert.equal(await page.locator('dl.attributes dd').first().innerText(), 'Current and next cycle');
  assert.equal(await page.locator('.expectations li').count(), 12);
  await page.getByText('I engage in learning from failure initiatives').waitFor();

  // The examples sit open beside the expectations; the disclosure closes and opens by keyboard.
  const example = page.getByText(/relying on my own knowledge and occasionally reaching out/);
  assert.equal(await example.isVisible(), true);
  const summary = page.locator('.dimension').first().getByText('Examples (1)');
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await example.isVisible(), false);
  await page.keyboard.press('Enter');
  assert.equal(await example.isVisible(), true);
  await noViolations(page, 'level page');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('search finds text across levels, says where, and its hit leads there', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url);
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search' });
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, '/ focuses search');
  await page.keyboard.type('SLO trending');
  await page.getByRole('status').filter({ hasText: '1 result for “SLO trending”.' }).waitFor();
  const hit = page.getByRole('link', { name: /I noticed an SLO trending badly/ });
  assert.match(await hit.innerText(), /Example · Engineering › Site Reliability Engineering › L2: Site Reliability Engineer › 🧭 Culture and Leadership/);
  assert.deepEqual(await page.locator('.hits mark').allInnerTexts(), ['SLO', 'trending']);
  await noViolations(page, 'search results');
  await hit.click();
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  const target = page.getByText(/I noticed an SLO trending badly/);
  await target.waitFor({ state: 'visible' });
  assert.equal(await target.evaluate((el) => el === document.activeElement), true, 'the hit is focused');

  await box.fill('no such words anywhere');
  await page.getByRole('status').filter({ hasText: 'No results for “no such words anywhere”.' }).waitFor();
  await context.close();
});

test('keyboard alone: skip link, pickers, links', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await page.getByLabel('Role', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();

  // Tab from the top reaches a rating, arrows rate, and Tab goes on to the examples,
  // which Space closes and opens.
  await page.getByRole('link', { name: 'Rungs' }).focus();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.type === 'radio')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.closest('[role=radiogroup]').getAttribute('aria-label')), 'I am competent in my domain.');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('radiogroup', { name: 'I am competent in my domain.' }).getByRole('radio', { name: 'Maturing' }).isChecked(), true);
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.tagName === 'SUMMARY')) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Examples (1)');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), false);
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), true);
  await context.close();
});

test('320 px wide, dark mode and print stay usable', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + SRE, { viewport: { width: 320, height: 640 } });
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 320 px (overflow ${overflow}px)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(22, 23, 27)');
  await noViolations(page, 'level page, dark, 320 px');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  assert.equal(await page.getByLabel('Role', { exact: true }).isVisible(), false, 'print hides the pickers');
  assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), true);
  await context.close();
});

test('unknown addresses say what is missing and the app keeps working', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/engineering/site-reliability-engineering/l9');
  await page.getByRole('heading', { level: 1, name: 'Level not found' }).waitFor();
  await page.getByText('Site Reliability Engineering has no level “l9”.').waitFor();
  await noViolations(page, 'level not found');
  await gotoReady(page, shared.server.url + '#/nowhere');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await page.getByRole('link', { name: 'See all roles and levels' }).click();
  await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a crash of the app shows a friendly alert, not a blank page', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + SRE);
  // The release build aborts on a panic: the browser sees a WebAssembly trap.
  await page.evaluate(() => {
    const error = new WebAssembly.RuntimeError('unreachable');
    window.dispatchEvent(new ErrorEvent('error', { error, message: error.message }));
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.innerText(), 'Rungs ran into a bug and stopped. Nothing you saved is lost: reload the page to carry on.');
  await context.close();
});

test('a browser without JavaScript or without WebAssembly is told so in plain words', async () => {
  const noScript = await shared.browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(shared.server.url + SRE_PAGE.slice(1));
  // The level's text is there to read, and under it what needs the app. (Playwright's
  // text queries skip <noscript>, so read what the page shows.)
  const shown = await plain.evaluate(() => document.body.innerText);
  assert.match(shown, /L2: Site Reliability Engineer[\s\S]*I am competent in my domain\.[\s\S]*You can read this page, but rating yourself, saving your progress and sharing it need JavaScript and WebAssembly\. Turn JavaScript on/);
  await noScript.close();

  const noWasm = await shared.browser.newContext();
  await noWasm.addInitScript(() => { delete window.WebAssembly; });
  const page = await noWasm.newPage();
  await page.goto(shared.server.url + SRE_PAGE.slice(1));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.equal(
    await alert.innerText(),
    'You can read this page, but rating yourself, saving your progress and sharing it need WebAssembly, which this browser does not offer. Open Rungs in a current version of Firefox, Safari, Chrome or Edge for those.',
  );
  // Under the level's text, which stays to be read.
  await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
  assert.equal(await page.evaluate(() => document.body.lastElementChild.id), 'rungs-crash');
  await noWasm.close();
});

test('the build works under a sub-path, deep links included', async () => {
  const sub = await serve({ base: '/rungs/' });
  try {
    const { context, page } = await openPage(shared.browser, sub.url + SRE);
    await page.getByRole('heading', { level: 1, name: 'L2: Site Reliability Engineer' }).waitFor();
    await page.getByRole('link', { name: 'Rungs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Career ladders' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/rungs/');
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
