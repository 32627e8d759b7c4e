// The main journeys in Firefox and in WebKit, through W3C WebDriver (selenium-webdriver;
// engines.mjs starts the drivers), beside the Chromium suite in tests/e2e/. Each test
// prints the engine and version it ran on. A missing engine fails here with what to
// install; nothing is skipped. What an engine lacks is pinned in EXPECT, so a change
// either way shows up.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { error } from 'selenium-webdriver';
import { serve } from '../e2e/helpers.js';
import { ENGINES, startDriver } from './engines.mjs';

const LEVEL = '#/engineering/site-reliability-engineering/l2';
const HEADING = 'L2: Site Reliability Engineer';
const E1 = 'I am competent in my domain.';
const E2 = 'I am able to work independently on small projects.';

const NO_STORAGE_API = 'This browser cannot promise to keep your progress: download a backup now and then.';

/** What each engine does where engines differ, as seen on this machine. */
const EXPECT = {
  firefox: {
    // navigator.storage.persist() shows a permission prompt that nobody answers
    // here, so its promise stays pending: the footer says the app asked.
    storage: 'Asked this browser to keep your progress; until it agrees, download a backup now and then.',
    // The driver's click is a user gesture: writeText is allowed.
    copy: 'Link copied.',
    serviceWorker: true,
  },
  webkit: {
    // WebKitGTK's MiniBrowser has no navigator.storage at all.
    storage: NO_STORAGE_API,
    copy: 'Link copied.',
    serviceWorker: true,
  },
};

/**
 * Polls `fn(...args)` in the page of session `s` until it returns something truthy;
 * resolves to it. Throws after `timeout` ms, saying `what` was awaited and what was
 * last seen. A script that throws (the page may be between documents) is tried again.
 */
async function waitFor(s, what, fn, args = [], timeout = 15_000) {
  let last;
  const poll = async () => {
    last = await s.executeScript(fn, ...args).catch((e) => e);
    return last instanceof Error ? null : last;
  };
  try {
    return await s.wait(poll, timeout, undefined, 100);
  } catch (e) {
    if (!(e instanceof error.TimeoutError)) throw e;
    throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last}`);
  }
}

/** Waits for the app's `rungs:ready` mark, which it sets once it has mounted. */
const ready = (s) => waitFor(s, 'the rungs:ready mark', () => performance.getEntriesByName('rungs:ready').length > 0, [], 30_000);

/** Navigates to `url` and waits for the app to mount. */
async function open(s, url) {
  await s.get(url);
  await ready(s);
}

/**
 * Reloads as a person does (location.reload(), not the driver's Refresh, which in
 * Firefox bypasses the service worker like a hard reload) and waits for the app to
 * mount in the new document.
 */
async function reload(s) {
  await s.executeScript(() => {
    window.__beforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await waitFor(s, 'the reloaded document', () => !window.__beforeReload && performance.getEntriesByName('rungs:ready').length > 0, [], 30_000);
}

/**
 * Waits for the visible element matching `selector` whose accessible name (a simple
 * take: aria-label, its labels, or its text) is exactly `name`, optionally inside
 * the element matching `within` (also by selector and name).
 */
function byName(s, selector, name, within) {
  const what = `${selector} named ${JSON.stringify(name)}${within ? ` in ${within[0]} named ${JSON.stringify(within[1])}` : ''}`;
  return waitFor(s, what, findByName, [selector, name, within?.[0] ?? null, within?.[1] ?? null]);
}

// Runs in the page (serialised): the finder behind byName.
function findByName(selector, name, withinSelector, withinName) {
  const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const nameOf = (e) => {
    if (e.hasAttribute('aria-label')) return squash(e.getAttribute('aria-label'));
    const by = e.getAttribute('aria-labelledby');
    if (by) return squash(by.split(/\s+/).map((id) => document.getElementById(id)?.textContent).join(' '));
    if (e.labels && e.labels.length) return squash([...e.labels].map((l) => l.textContent).join(' '));
    return squash(e.textContent);
  };
  const visible = (e) => e.getClientRects().length > 0;
  const pick = (root, sel, n) => [...root.querySelectorAll(sel)].find((e) => visible(e) && nameOf(e) === n) || null;
  const root = withinSelector ? pick(document, withinSelector, withinName) : document;
  return root ? pick(root, selector, name) : null;
}

/** Waits for the visible element matching `selector`. */
const css = (s, selector) =>
  waitFor(s, selector, (sel) => [...document.querySelectorAll(sel)].find((e) => e.getClientRects().length > 0) || null, [selector]);

/** The radio for `rating` in the rating group of expectation `text`. */
const radio = (s, text, rating) => byName(s, 'input[type=radio]', rating, ['[role=radiogroup]', text]);
const evidence = (s, text) => byName(s, 'textarea', `Evidence for: ${text}`);
const heading = (s) => s.executeScript(() => document.querySelector('h1')?.textContent.trim() ?? null);

/** Waits for the level heading `text` (h1) to show. */
const headingIs = (s, text) =>
  waitFor(s, `the heading "${text}"`, (t) => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === t), [text]);

/** Picks the option labelled `label` in the select labelled `select`, with a click. */
async function pick(s, select, label) {
  const option = await waitFor(s, `option "${label}" of ${select}`, (sel, text) => {
    const box = [...document.querySelectorAll('select')].find((e) => [...e.labels].some((l) => l.textContent.trim() === sel));
    return box && [...box.options].find((o) => o.textContent.trim() === text);
  }, [select, label]);
  await option.click();
}

/** Nothing crashed: public/crash.js shows #rungs-crash on a WebAssembly trap. */
async function noCrash(s) {
  assert.equal(await s.executeScript(() => document.getElementById('rungs-crash')?.textContent ?? null), null);
}

/** What the opener has stored as their own progress. */
const stored = (s) => s.executeScript(() => JSON.parse(localStorage.getItem('rungs:progress')));

for (const engine of Object.keys(ENGINES)) {
  describe(ENGINES[engine].title, () => {
    const expect = EXPECT[engine];
    let driver = null;
    let server = null;
    let broken = null; // why the driver did not start: each test fails with it
    before(async () => {
      server = await serve();
      driver = await startDriver(engine).catch((e) => {
        broken = e;
        return null;
      });
    });
    after(async () => {
      await driver?.close();
      await server?.close();
    });

    /** A fresh session (a new browser with a new profile) for `fn`, closed after. */
    async function session(t, fn) {
      if (broken) throw broken;
      const s = await driver.session();
      try {
        const c = await s.getCapabilities();
        const gecko = c.get('moz:geckodriverVersion');
        const extra = gecko ? `, geckodriver ${gecko}` : '';
        t.diagnostic(`engine: ${ENGINES[engine].title}: ${c.getBrowserName()} ${c.getBrowserVersion()}${extra}`);
        return await fn(s);
      } finally {
        await s.quit().catch(() => {});
      }
    }

    test('home: pick role and level by their labels', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await open(s, server.url + '#/');
      await headingIs(s, 'Career ladders');
      const level = await byName(s, 'select', 'Level');
      assert.equal(await level.isEnabled(), false, 'Level waits for a role');
      await pick(s, 'Role', 'Site Reliability Engineering');
      await headingIs(s, HEADING);
      assert.equal(await level.isEnabled(), true);
      await pick(s, 'Level', HEADING);
      await headingIs(s, HEADING);
      assert.equal(new URL(await s.getCurrentUrl()).pathname, `/${LEVEL.slice(2)}/`);
      assert.equal(await (await byName(s, 'select', 'Role')).getProperty('value'), 'engineering/site-reliability-engineering');
      assert.equal(await level.getProperty('value'), 'l2');
      assert.equal(await s.executeScript(() => document.title), 'L2: Site Reliability Engineer · Site Reliability Engineering · Rungs');
      await noCrash(s);
    }));

    test('a deep link opens directly', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await open(s, server.url + LEVEL + '/summary');
      await waitFor(s, 'the summary', () => document.querySelector('h1')?.textContent.startsWith('Summary:') && document.querySelector('.rated-line'));
      assert.equal(await heading(s), `Summary: ${HEADING}`);
      assert.match(await (await css(s, '.rated-line')).getText(), /^0 of 12 rated/);
      await noCrash(s);
    }));

    test('rate and write evidence, reload, still there', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await open(s, server.url + LEVEL);
      await (await radio(s, E1, 'Performing')).click();
      await (await evidence(s, E1)).sendKeys('Led the failover drill.');
      await waitFor(s, 'the evidence saved', () => localStorage.getItem('rungs:progress')?.includes('Led the failover drill.'));
      // After the first answer the footer says what the browser said about keeping
      // storage; a second later it still says so (no late answer replaced it).
      await waitFor(s, '#storage-state', () => document.getElementById('storage-state')?.textContent);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const said = await s.executeScript(() => document.getElementById('storage-state').textContent);
      t.diagnostic(`storage: ${said}`);
      assert.equal(said, expect.storage);

      await reload(s);
      assert.equal(await (await radio(s, E1, 'Performing')).isSelected(), true);
      assert.equal(await (await radio(s, E1, 'Maturing')).isSelected(), false);
      assert.equal(await (await evidence(s, E1)).getProperty('value'), 'Led the failover drill.');
      const answers = Object.values((await stored(s)).answers);
      assert.deepEqual(answers.map((a) => [a.text, a.rating, a.evidence]), [[E1, 'performing', 'Led the failover drill.']]);
      await noCrash(s);
    }));

    test('share: the link opens in a fresh browser with the marks', { timeout: 120_000 }, async (t) => {
      const { anonymous, named } = await session(t, async (s) => {
        await open(s, server.url + LEVEL);
        await (await radio(s, E1, 'Performing')).click();
        await (await radio(s, E2, 'Maturing')).click();
        await (await byName(s, 'button', 'Share progress')).click();
        const box = await byName(s, 'input', 'Share link');
        const anonymous = await box.getProperty('value');
        assert.ok(new URL(anonymous).hash.startsWith('#/shared/'), anonymous);
        await (await byName(s, 'input', 'Your name (optional)')).sendKeys('Ada');
        const named = await waitFor(s, 'the link with the name', (was) => {
          const v = document.getElementById('share-link').value;
          return v !== was && v;
        }, [anonymous]);
        await (await byName(s, 'button', 'Copy link')).click();
        const said = await waitFor(s, 'the copy result', () => {
          const text = document.getElementById('share-said')?.textContent;
          return /cop/i.test(text) && text;
        });
        t.diagnostic(`copy: ${said}`);
        assert.equal(said, expect.copy);
        await noCrash(s);
        return { anonymous, named };
      });

      // The drivers run one session at a time: the first browser is gone, and this one
      // starts with a new, empty profile.
      await session(t, async (s) => {
        await open(s, new URL('#/', server.url).href);
        assert.equal(await stored(s), null, 'a fresh profile has no progress');
        await open(s, named);
        await headingIs(s, 'Shared progress');
        const marks = () => waitFor(s, 'the shared marks', (a, b) => {
          const mark = (text) => [...document.querySelectorAll('li.expectation')]
            .find((li) => li.textContent.includes(text))?.querySelector('.shared-mark')?.textContent.trim();
          return mark(a) && [mark(a), mark(b)];
        }, [E1, E2]);
        assert.deepEqual(await marks(), ['Ada: Performing', 'Ada: Maturing']);
        await s.get(anonymous);
        await waitFor(s, 'the marks without a name', () => document.querySelector('.shared-mark')?.textContent.startsWith('Their rating'));
        assert.deepEqual(await marks(), ['Their rating: Performing', 'Their rating: Maturing']);
        assert.equal(await stored(s), null, 'opening a link stores nothing as your own progress');
        await noCrash(s);
      });
    });

    test('offline after a first visit', { timeout: 120_000 }, (t) => session(t, async (s) => {
      const own = await serve(); // this journey stops its server
      try {
        await open(s, own.url + LEVEL);
        const has = await s.executeScript(() => 'serviceWorker' in navigator);
        t.diagnostic(`service worker: ${has ? 'yes' : 'no'}`);
        assert.equal(has, expect.serviceWorker, 'service worker support as pinned in EXPECT');
        await (await radio(s, E1, 'Exceeding')).click();
        if (!has) {
          // No offline here: the app must still work online, without a worker.
          await reload(s);
          assert.equal(await (await radio(s, E1, 'Exceeding')).isSelected(), true);
          await noCrash(s);
          return;
        }
        // An async script ends when it calls its last argument.
        const worker = await s.executeAsyncScript((done) => {
          navigator.serviceWorker.ready.then(async (reg) => {
            const w = reg.active;
            if (w.state !== 'activated') {
              await new Promise((ok) => w.addEventListener('statechange', () => w.state === 'activated' && ok()));
            }
            return { state: w.state, scope: reg.scope };
          }).then(done, (e) => done({ error: String(e) }));
        });
        assert.deepEqual(worker, { state: 'activated', scope: own.url });
        await waitFor(s, 'the worker to control the page', () => !!navigator.serviceWorker.controller);

        await own.close();
        await assert.rejects(fetch(own.url), 'the server is gone');
        await reload(s);
        assert.equal(await heading(s), HEADING);
        assert.equal(await (await radio(s, E1, 'Exceeding')).isSelected(), true);
        // A deep link to the summary, whose module was never loaded online, from the precache.
        await s.get(own.url + LEVEL + '/summary');
        await waitFor(s, 'the summary offline', () => /^1 of 12 rated/.test(document.querySelector('.rated-line')?.textContent));
        assert.equal(await heading(s), `Summary: ${HEADING}`);
        await noCrash(s);
      } finally {
        await own.close();
      }
    }));
  });
}
