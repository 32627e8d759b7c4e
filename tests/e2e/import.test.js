// Import a ladder in the browser: a fixture folder with a broken file, its problems
// with line numbers as `ladder check` prints them, the imported roles in use, kept
// across reloads, then removed; and the size limits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openPage, gotoReady, ready, noViolations, sharedBrowser, radio, ROOT } from './helpers.js';

const FOLDER = path.join(ROOT, 'tests/fixtures/import');
const E1 = 'I build batch pipelines that pass review.';
const shared = sharedBrowser({ before, after });

test('a folder imports with its problems listed, its roles are used and kept, and it can be removed', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/');
  await page.getByRole('link', { name: 'Import a ladder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import a ladder' }).waitFor();
  await noViolations(page, 'the import view');
  await page.getByLabel('Choose a folder').setInputFiles(FOLDER);
  await page.getByRole('heading', { name: 'Result' }).waitFor();
  await page.getByText('3 levels in 1 role from 5 files: 1 error, 1 warning, 1 file refused, 1 file skipped.').waitFor();
  // One item per counted problem; names quoted by the linter are code, not backticks.
  const problems = await page.locator('.problems li').allInnerTexts();
  assert.deepEqual(problems, [
    'Engineering/Data-Engineering/L3-Data-Engineer.md:3: warning: dimension Pipelines has no expectations',
    'Engineering/Data-Engineering/L3-Data-Engineer.md:8: error: duplicate expectation I design the data model for a new product area. (first at line 7); kept the first',
    'Engineering/Data-Engineering/diagram.md: refused: not a text file (a NUL byte in the first 8 KiB)',
    'README.md: project file (README, LICENSE and the like); skipped',
  ]);
  assert.deepEqual(await page.locator('.problems li code').first().allInnerTexts(), ['Pipelines']);
  assert.equal((await page.locator('#import-result, .lede').allInnerTexts()).join('').includes('`'), false);
  await noViolations(page, 'the import result');

  await page.getByRole('button', { name: 'Open the imported ladder' }).click();
  await page.waitForURL(/#\/imported-engineering\/data-engineering\/l1$/);
  await ready(page);
  await page.getByRole('heading', { level: 1, name: 'L1: Data Engineer' }).waitFor();
  await radio(page, E1, 'Maturing').check();

  // Listed with the other roles, marked; still there after a reload.
  await gotoReady(page, shared.server.url + '#/');
  await page.getByRole('heading', { level: 2, name: 'Engineering (imported)' }).waitFor();
  await page.reload();
  await ready(page);
  await page.getByRole('link', { name: 'L2: Data Engineer' }).click();
  await page.getByRole('heading', { level: 1, name: 'L2: Data Engineer' }).waitFor();
  await gotoReady(page, shared.server.url + '#/imported-engineering/data-engineering/l1');
  assert.equal(await radio(page, E1, 'Maturing').isChecked(), true);
  // The views that load the extra module know the imported roles too.
  await gotoReady(page, shared.server.url + '#/compare/imported-engineering/data-engineering/l1');
  await page.getByText(/^L1: Data Engineer \(Data Engineering\) beside L2: Data Engineer \(Data Engineering\)/).waitFor();

  // A share link to an imported level, opened where that ladder is missing, says so.
  await gotoReady(page, shared.server.url + '#/imported-engineering/data-engineering/l1');
  await page.getByRole('button', { name: 'Share progress' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await box.waitFor();
  const link = await box.inputValue();
  const elsewhere = await openPage(shared.browser, link);
  const alert = await elsewhere.page.getByRole('alert').innerText();
  assert.match(alert, /needs a ladder this copy of Rungs does not have: the role “imported-engineering\/data-engineering” \(level “l1”\)/);
  assert.match(alert, /imported that ladder in their browser: import the same ladder files here/);
  await elsewhere.context.close();

  // Remove it: gone from the roles.
  await gotoReady(page, shared.server.url + '#/import');
  await page.getByRole('heading', { name: 'Imported in this browser' }).waitFor();
  await page.getByRole('button', { name: 'Remove the imported ladder' }).click();
  await ready(page);
  await page.getByRole('heading', { level: 1, name: 'Import a ladder' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Imported in this browser' }).count(), 0);
  await gotoReady(page, shared.server.url + '#/');
  await page.getByRole('heading', { level: 2, name: 'Engineering' }).first().waitFor();
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Engineering (imported)' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('files over the limits are refused, each with its reason, and nothing is kept', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rungs-import-'));
  await mkdir(path.join(dir, 'Ops/Support'), { recursive: true });
  await writeFile(path.join(dir, 'Ops/Support/L1-Support-Engineer.md'), '# L1: Support Engineer\n\n' + '- I answer tickets.\n'.repeat(60000));
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/import');
  await page.getByRole('heading', { level: 1, name: 'Import a ladder' }).waitFor();
  await page.getByLabel('Choose a folder').setInputFiles(dir);
  await page.getByRole('heading', { name: 'Result' }).waitFor();
  await page.getByText('Nothing was imported: no file held a ladder level.', { exact: false }).waitFor();
  const problems = await page.locator('.problems li').allInnerTexts();
  assert.deepEqual(problems, ['Ops/Support/L1-Support-Engineer.md: refused: file is 1200024 bytes; a file may hold at most 1 MiB (1048576 bytes)']);
  assert.equal(await page.evaluate(() => localStorage.getItem('rungs:imported')), null);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('files dropped on the page import like picked ones', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/import');
  await page.getByText('…or drop the files or the folder here.').waitFor();
  const dir = path.join(FOLDER, 'Engineering/Data-Engineering');
  const files = await Promise.all(['L1-Data-Engineer.md', 'L2-Data-Engineer.md'].map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')]));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of files) transfer.items.add(new File([text], name, { type: 'text/markdown' }));
    const drop = document.getElementById('import-drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
  await page.getByRole('heading', { name: 'Result' }).waitFor();
  await page.getByText('2 levels in 1 role from 2 files: 0 errors, 0 warnings, 0 files refused, 0 files skipped.').waitFor();
  await page.getByText('None: every file imported cleanly.').waitFor();
  await page.getByRole('button', { name: 'Open the imported ladder' }).waitFor();
  await page.evaluate(() => localStorage.removeItem('rungs:imported'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the import page offers a template level that imports cleanly', async () => {
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/import');
  await page.getByRole('heading', { level: 1, name: 'Import a ladder' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download a template level' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'L1-Platform-Engineer.md');
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  assert.match(text, /^# L1: Platform Engineer$/m);
  assert.match(text, /Engineering\/\n\s+Platform-Engineering\/\n\s+L1-Platform-Engineer\.md/);
  // Picked as it was saved, it is one level with nothing to fix.
  const dir = await mkdtemp(path.join(tmpdir(), 'rungs-template-'));
  await mkdir(path.join(dir, 'Engineering/Platform-Engineering'), { recursive: true });
  await writeFile(path.join(dir, 'Engineering/Platform-Engineering/L1-Platform-Engineer.md'), text);
  await page.getByLabel('Choose a folder').setInputFiles(dir);
  await page.getByText('1 level in 1 role from 1 file: 0 errors, 0 warnings, 0 files refused, 0 files skipped.').waitFor();
  await page.getByText('None: every file imported cleanly.').waitFor();
  await page.evaluate(() => localStorage.removeItem('rungs:imported'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('level files picked without their folder are put in one role by their titles, and the page says so', async () => {
  const dir = path.join(ROOT, 'tests/fixtures/layouts/Engineering/Support');
  const { context, page } = await openPage(shared.browser, shared.server.url + '#/import');
  await page.getByRole('heading', { level: 1, name: 'Import a ladder' }).waitFor();
  await page.getByLabel('Choose files').setInputFiles(
    ['L1-Support-Engineer.md', 'L2-Senior-Support-Engineer.md', 'L3-Lead-Support-Engineer.md'].map((f) => path.join(dir, f)),
  );
  await page.getByText('3 levels in 1 role from 3 files: 0 errors', { exact: false }).waitFor();
  await page.getByText('3 files were put in one role, Support Engineer, because their titles name it.').waitFor();
  await noViolations(page, 'the import result with grouped files');
  await page.evaluate(() => localStorage.removeItem('rungs:imported'));
  assert.deepEqual(page.errors, []);
  await context.close();
});
