// Quiz mode ("Check yourself") by keyboard alone, and "Know your ladder". axe on both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, gotoReady, noViolations, sharedBrowser, radio, ready } from './helpers.js';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';
const shared = sharedBrowser({ before, after });

const status = (page) => page.locator('[role=status][aria-live=polite]').first();

test('check yourself by keyboard alone: rate, move, write evidence, resume', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  // From the level page to Check yourself with the keyboard: the view tab is a link.
  await page.getByRole('link', { name: 'Check yourself' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Check yourself: L2: Site Reliability Engineer' }).waitFor();
  await page.getByText('1 of 12', { exact: true }).waitFor();
  await page.getByRole('radiogroup', { name: E1, exact: true }).waitFor();
  // How much of the level is rated, in view, kept in step with each rating.
  const rated = page.locator('.rated-count');
  assert.equal(await rated.innerText(), '0 of 12 rated');
  assert.equal(await rated.isVisible(), true);
  // The dimension's examples are beside the expectation.
  await page.getByText(/relying on my own knowledge and occasionally reaching out/).waitFor();
  await noViolations(page, 'check yourself');

  await page.keyboard.press('3');
  assert.equal(await radio(page, E1, 'Performing').isChecked(), true);
  assert.equal(await status(page).innerText(), 'Rated Performing');
  await rated.filter({ hasText: '1 of 12 rated' }).waitFor();

  await page.keyboard.press('ArrowRight');
  await page.getByText('2 of 12', { exact: true }).waitFor();
  assert.match(await status(page).innerText(), /^2 of 12\. .*Domain expertise\. I am able to work independently on small projects\. \(not rated\)$/);
  await page.keyboard.press('n');
  await page.getByText('3 of 12', { exact: true }).waitFor();
  await page.keyboard.press('p');
  await page.getByText('2 of 12', { exact: true }).waitFor();
  await page.keyboard.press('2');
  assert.equal(await radio(page, E2, 'Maturing').isChecked(), true);
  await rated.filter({ hasText: '2 of 12 rated' }).waitFor();
  // A click counts too, and Clear takes one off.
  await radio(page, E2, 'Exceeding').click();
  await page.getByRole('button', { name: `Clear rating for: ${E2}` }).click();
  await rated.filter({ hasText: '1 of 12 rated' }).waitFor();
  await page.keyboard.press('2');
  await rated.filter({ hasText: '2 of 12 rated' }).waitFor();

  // E writes evidence; keys typed there are text, Escape leaves the note.
  await page.keyboard.press('e');
  const note = page.getByRole('textbox', { name: `Evidence for: ${E2}`, exact: true });
  assert.equal(await note.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.type('Ran 3 incident reviews alone, no help needed');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.getByText('3 of 12', { exact: true }).waitFor();

  // Tab reaches the Next button too.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.textContent === 'Next')) break;
  }
  await page.keyboard.press('Enter');
  await page.getByText('4 of 12', { exact: true }).waitFor();

  // Reload: Check yourself resumes where I left off, and the answers are on the level page.
  await page.reload();
  await ready(page);
  await page.getByText('4 of 12', { exact: true }).waitFor();
  await gotoReady(page, shared.server.url + LEVEL);
  assert.equal(await radio(page, E1, 'Performing').isChecked(), true);
  assert.equal(await radio(page, E2, 'Maturing').isChecked(), true);
  assert.equal(
    await page.getByRole('textbox', { name: `Evidence for: ${E2}`, exact: true }).inputValue(),
    'Ran 3 incident reviews alone, no help needed',
  );
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('know your ladder: asks, scores, explains, and asks the missed example again first', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  // Which dimension each example belongs to, as the level page shows it.
  const owner = await page.evaluate(() => {
    const out = {};
    for (const s of document.querySelectorAll('section.dimension')) {
      const name = s.querySelector('h2').textContent;
      for (const li of s.querySelectorAll('.examples li')) out[li.textContent.trim()] = name;
    }
    return out;
  });
  await gotoReady(page, shared.server.url + LEVEL + '/know');
  await page.getByRole('heading', { level: 1, name: 'Know your ladder: L2: Site Reliability Engineer' }).waitFor();
  await page.getByText('Example 1 of 10').waitFor();
  await page.getByText('Score: 0 right of 0 answered.').waitFor();
  const choices = page.getByRole('group', { name: 'Which dimension does this example illustrate?' }).getByRole('button');
  assert.equal(await choices.count(), 4);

  // A wrong answer: explained, counted, remembered.
  const first = (await page.locator('.know-example').innerText()).trim();
  const right = owner[first];
  assert.ok(right, `the example "${first}" is on the level page`);
  const names = await choices.allInnerTexts();
  const wrong = names.find((n) => !right.endsWith(n));
  await choices.filter({ hasText: wrong }).click();
  await page.getByText(/^Not quite: this example illustrates .+\. It will be asked again\.$/).waitFor();
  assert.ok(right.endsWith((await page.locator('#know-feedback').innerText()).match(/illustrates (.+)\. It/)[1]));
  await page.getByText('Score: 0 right of 1 answered. 1 missed example will be asked again first.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Next example' }).evaluate((el) => el === document.activeElement), true);
  await noViolations(page, 'know your ladder, answered');

  // A right answer to the next one, by keyboard.
  await page.keyboard.press('Enter');
  await page.getByText('Example 2 of 10').waitFor();
  const second = (await page.locator('.know-example').innerText()).trim();
  const rightButton = choices.filter({ hasText: owner[second].replace(/^\S+\s/, '') });
  await rightButton.focus();
  await page.keyboard.press('Enter');
  await page.getByText(/^Right: this example illustrates /).waitFor();
  await page.getByText('Score: 1 right of 2 answered. 1 missed example will be asked again first.').waitFor();

  // Next visit: the missed example comes first.
  await page.reload();
  await ready(page);
  await page.getByText('Example 1 of 10').waitFor();
  assert.equal((await page.locator('.know-example').innerText()).trim(), first);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('know your ladder: a round asks its missed examples again before it says it is done', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + LEVEL);
  const owner = await page.evaluate(() => {
    const out = {};
    for (const s of document.querySelectorAll('section.dimension')) {
      const name = s.querySelector('h2').textContent;
      for (const li of s.querySelectorAll('.examples li')) out[li.textContent.trim()] = name;
    }
    return out;
  });
  await gotoReady(page, shared.server.url + LEVEL + '/know');
  const choices = page.getByRole('group', { name: 'Which dimension does this example illustrate?' }).getByRole('button');
  const answer = async (rightly) => {
    const example = (await page.locator('.know-example').innerText()).trim();
    const names = await choices.allInnerTexts();
    const pick = names.find((n) => owner[example].endsWith(n) === rightly);
    await choices.filter({ hasText: pick }).click();
    await page.getByRole('button', { name: 'Next example' }).click();
    return example;
  };
  await page.getByText('Example 1 of 10').waitFor();
  const missed = await answer(false);
  for (let i = 2; i <= 10; i++) {
    await page.getByText(`Example ${i} of 10`).waitFor();
    await answer(true);
  }
  // Not done yet: the missed one comes back.
  await page.getByText('Example 11 of 11').waitFor();
  assert.equal((await page.locator('.know-example').innerText()).trim(), missed);
  assert.equal(await page.getByText(/That was all/).count(), 0);
  await answer(true);
  await page.getByText('That was all 10 examples of this level.').waitFor();
  await page.getByText('Score: 10 right of 11 answered.').waitFor();
  await noViolations(page, 'know your ladder, the round done');
  assert.deepEqual(page.errors, []);
  await context.close();
});
