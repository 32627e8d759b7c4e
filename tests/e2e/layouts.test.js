// Real ladders: the all-layouts fixture (tests/fixtures/layouts, in dist-fixtures) as a
// reader meets it. Every level is listed and opens with expectations to rate, levels
// written in one file compare, search finds text under an expectation heading and a
// level by its title, the expectations for everyone are rated once and show on every
// level, a guide page shows its text and links, and axe finds nothing on the new pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, gotoReady, noViolations, radio, FIXTURES } from './helpers.js';

const shared = sharedBrowser({ before, after, dir: FIXTURES });

// Role card name → its levels' links, as the fixture's files write them.
const ROLES = {
  'Data Engineering': ['L2: Data Engineer'],
  'Software Engineering': [
    'L1: Junior Software Engineer',
    'L1.0: Graduate Software Engineer',
    'L2.5: Software Engineer',
    'L3: Senior Software Engineer',
    'L3: Senior Software Engineer, Mobile',
  ],
  'Support Engineer': ['L1: Support Engineer', 'L2: Senior Support Engineer', 'L3: Lead Support Engineer'],
  'Support Manager': ['L3: Support Manager'],
  // Several levels in one file, in the file's order (not alphabetical).
  'Product Roles': ['Associate Product Manager', 'Product Manager', 'Senior Product Manager'],
};
const RESPECT = 'I treat colleagues with respect';
const region = (page, name) => page.getByRole('region', { name, exact: true });

test('home lists every level and guide of the fixture, and each level opens with expectations to rate', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/');
  const hrefs = [];
  for (const [role, levels] of Object.entries(ROLES)) {
    const links = region(page, role).getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), levels, role);
    for (let i = 0; i < levels.length; i++) hrefs.push([levels[i], await links.nth(i).getAttribute('href')]);
  }
  assert.deepEqual(await region(page, 'Guides of Engineering').getByRole('link').allInnerTexts(), [
    'How reviews work',
    'Rating scale',
    'Support skills matrix',
  ]);
  await region(page, 'Guides of Product').getByRole('link', { name: 'Product Roles' }).waitFor();
  await page.getByRole('link', { name: 'Everyone: expected of every role' }).waitFor();
  await noViolations(page, 'the home page with guides');

  for (const [heading, href] of hrefs) {
    await gotoReady(page, new URL(href, shared.server.url).href);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    const own = page.locator('.dimension:not(.everyone) [role=radiogroup]');
    assert.ok((await own.count()) > 0, `${heading} has expectations to rate`);
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('an expectation written as a heading shows its details and examples, and search finds them and levels by title', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/product/product-roles/associate-product-manager');
  const item = page.locator('.expectation', { hasText: 'I talk to customers every week' });
  await item.getByText('I join research calls', { exact: false }).waitFor();
  const examples = item.locator('details.examples');
  assert.equal(await examples.locator('summary').innerText(), 'Examples (2)');
  await examples.locator('summary').click();
  await examples.getByText('I ran five interviews for the onboarding survey', { exact: false }).waitFor();
  await noViolations(page, 'a level written in one file');

  await gotoReady(page, shared.server.url + '#/search?q=research%20calls');
  const hit = page.locator('.hit').first();
  assert.match(await hit.innerText(), /I join research calls[\s\S]*Expectation detail · Product › Product Roles › Associate Product Manager/);
  await noViolations(page, 'search results with a detail');
  await hit.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Associate Product Manager' }).waitFor();
  assert.match(new URL(page.url()).pathname + new URL(page.url()).search, /^\/product\/product-roles\/associate-product-manager\/\?focus=e-/);

  await gotoReady(page, shared.server.url + '#/search?q=senior%20software');
  const first = page.locator('.hit').first();
  assert.match(await first.innerText(), /^L3: Senior Software Engineer\s*Level · Engineering › Software Engineering$/);
  await first.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'L3: Senior Software Engineer', exact: true }).waitFor();

  // A guide's prose is labelled as a guide, never as an expectation.
  await gotoReady(page, shared.server.url + '#/search?q=twice%20a%20year');
  assert.match(await page.locator('.hit').first().innerText(), /Guide · Engineering › How reviews work/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('two levels written in one file compare', async () => {
  const { context, page } = await openPage(
    shared.browser,
    shared.server.url + '#/compare/product/product-roles/associate-product-manager/product/product-roles/product-manager',
  );
  await page.getByRole('heading', { level: 1, name: 'Compare levels' }).waitFor();
  await page.getByText(/^Associate Product Manager \(Product Roles\) beside Product Manager \(Product Roles\): 1 the same/).waitFor();
  await noViolations(page, 'compare within one file');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the expectations for everyone are rated once, shown on every level and counted in its summary', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/engineering/data-engineering/l2');
  const everyone = region(page, 'Expected of everyone');
  await everyone.getByText('I listen, assume good intent', { exact: false }).waitFor();
  await radio(page, RESPECT, 'Performing').check();
  await noViolations(page, 'a level with expectations for everyone');

  await gotoReady(page, shared.server.url + '#/product/product-roles/product-manager');
  assert.equal(await radio(page, RESPECT, 'Performing').isChecked(), true);
  await gotoReady(page, shared.server.url + '#/product/product-roles/product-manager/summary');
  await page.getByText('1 of 5 rated').waitFor();
  await page.getByRole('row', { name: /^Expected of everyone/ }).waitFor();

  await gotoReady(page, shared.server.url + '#/product/product-roles/product-manager/check');
  await page.getByRole('heading', { level: 1, name: 'Check yourself: Product Manager' }).waitFor();
  assert.equal(await page.locator('#check-step').innerText(), '1 of 5');

  await gotoReady(page, shared.server.url + '#/everyone');
  await page.getByRole('heading', { level: 1, name: 'Everyone' }).waitFor();
  assert.equal(await radio(page, RESPECT, 'Performing').isChecked(), true);
  await noViolations(page, 'the everyone page');

  // A share link of a level carries the answers for everyone, and the manager sees them.
  await gotoReady(page, shared.server.url + '#/product/product-roles/product-manager');
  await page.getByRole('button', { name: 'Share progress' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const manager = await shared.browser.newContext();
  const theirs = await manager.newPage();
  await gotoReady(theirs, link);
  const item = theirs.locator('li.expectation', { hasText: RESPECT });
  assert.equal(await item.locator('.shared-mark').innerText(), 'Their rating: Performing');
  assert.equal(await theirs.getByText('this version no longer has', { exact: false }).count(), 0);
  await manager.close();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a guide page shows its text and links, and the rating scale is linked from Check yourself', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/guide/engineering/how-reviews-work');
  await page.getByRole('heading', { level: 1, name: 'How reviews work' }).waitFor();
  await page.getByText('Reviews happen twice a year', { exact: false }).waitFor();
  assert.deepEqual(await page.locator('.guide li').allInnerTexts(), [
    'Rate yourself against your level in Rungs.',
    'Share the link with your manager.',
    'Meet to agree on your ratings and next steps.',
  ]);
  assert.equal(await page.getByRole('link', { name: 'the people team' }).getAttribute('href'), 'mailto:people@example.com');
  await noViolations(page, 'a guide page');
  await page.getByRole('link', { name: 'rating scale', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Rating scale' }).waitFor();

  await gotoReady(page, shared.server.url + '#/guide/engineering/skills-matrix');
  assert.equal(
    await page.getByRole('link', { name: 'Support skills matrix' }).getAttribute('href'),
    'https://sheets.example.com/support-skills',
  );

  await gotoReady(page, shared.server.url + '#/engineering/support/l1/check');
  await page.getByRole('link', { name: 'How this ladder rates: Rating scale' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rating scale' }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
