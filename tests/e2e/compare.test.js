// Compare levels side by side: the next level by default, changes marked in words,
// your ratings beside the expectations, any two levels by the pickers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, gotoReady, noViolations, radio, FIXTURES } from './helpers.js';

const L3 = '#/engineering/platform-engineering/l3';
const SAME = 'I write infrastructure code that my peers can review and change with confidence.';
const shared = sharedBrowser({ before, after, dir: FIXTURES });

const region = (page, name) => page.getByRole('region', { name });

test('compare opens the next level with what changed marked in words and your ratings beside it', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + L3);
  await radio(page, SAME, 'Performing').check();
  await page.getByRole('link', { name: 'Compare levels' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare levels' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/compare/engineering/platform-engineering/l3/');
  // The header's Role and Level stay on the first level (issue 21).
  assert.equal(await page.getByLabel('Role', { exact: true }).inputValue(), 'engineering/platform-engineering');
  assert.equal(await page.getByLabel('Level', { exact: true }).inputValue(), 'l3');
  await page.getByText(
    'L3: Platform Engineer (Platform Engineering) beside L4: Senior Platform Engineer (Platform Engineering): 2 the same, 1 reworded, 3 only in L3, 3 only in L4.',
  ).waitFor();

  const attributes = region(page, 'Attributes');
  assert.match(await attributes.getByRole('row', { name: /Planning horizon/ }).innerText(), /Changed[\s\S]*Current and next quarter[\s\S]*The next two quarters/);
  assert.doesNotMatch(await attributes.getByRole('row', { name: /Impact radius/ }).innerText(), /Changed/);

  const craft = region(page, /Craft/);
  const same = await craft.getByRole('row', { name: /^Same/ }).innerText();
  assert.equal(same.match(/Your rating: Performing/g)?.length, 2, same);
  const reworded = craft.getByRole('row', { name: /^Reworded/ });
  assert.match(await reworded.locator('del').innerText(), /^removed:\s*work\.$/);
  assert.match(await reworded.locator('ins').innerText(), /^added:\s*work and teach others to do the same\.$/);
  assert.equal(await craft.getByRole('row', { name: /^Only in L3/ }).locator('td p').first().innerText(), 'I keep the build pipeline under ten minutes for most services.');
  assert.match(await craft.getByRole('row', { name: /^Only in L4/ }).innerText(), /Not in this level[\s\S]*I design platform features/);
  await region(page, /On call/).getByText('This dimension is only in L3.').waitFor();
  await region(page, /Direction/).getByText('This dimension is only in L4.').waitFor();
  await noViolations(page, 'the compare view');

  // Printing drops the pickers and keeps the marks.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.compare-pickers').isVisible(), false);
  assert.equal(await reworded.getByText('Reworded').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('any two levels by the pickers, by keyboard, and Swap; each comparison has its own address', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/compare/engineering/platform-engineering/l3');
  await page.getByRole('button', { name: 'Swap the two levels' }).click();
  await page.waitForURL(/#\/compare\/engineering\/platform-engineering\/l4\/engineering\/platform-engineering\/l3$/);
  await page.getByText(/^L4: Senior Platform Engineer \(Platform Engineering\) beside L3: Platform Engineer/).waitFor();

  const first = page.getByRole('combobox', { name: 'First level' });
  await first.focus();
  await first.selectOption({ label: 'L2: Site Reliability Engineer' });
  await page.waitForURL(/#\/compare\/engineering\/site-reliability-engineering\/l2\/engineering\/platform-engineering\/l3$/);
  await page.getByText(/^L2: Site Reliability Engineer \(Site Reliability Engineering\) beside L3: Platform Engineer/).waitFor();
  const url = page.url();
  await page.reload();
  await page.getByText(/^L2: Site Reliability Engineer \(Site Reliability Engineering\) beside L3/).waitFor();
  assert.equal(page.url(), url);
  assert.deepEqual(page.errors, []);
  await context.close();
});
