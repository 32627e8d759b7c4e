// The main journeys in Firefox and in WebKit, through W3C WebDriver (webdriver.mjs),
// beside the Chromium suite in tests/e2e/. Each test prints the engine and version it
// ran on. A missing engine fails here with what to install; nothing is skipped.
// What an engine lacks is pinned in EXPECT, so a change either way shows up.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../e2e/helpers.js';
import { ENGINES, startDriver } from './webdriver.mjs';

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

/** The radio for `rating` in the rating group of expectation `text`. */
const radio = (s, text, rating) => s.byName('input[type=radio]', rating, ['[role=radiogroup]', text]);
const evidence = (s, text) => s.byName('textarea', `Evidence for: ${text}`);
const heading = (s) => s.exec(() => document.querySelector('h1')?.textContent.trim() ?? null);

/** Waits for the level heading `text` (h1) to show. */
const headingIs = (s, text) =>
  s.waitFor(`the heading "${text}"`, (t) => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === t), [text]);

/** Picks the option labelled `label` in the select labelled `select`, with a click. */
async function pick(s, select, label) {
  const option = await s.waitFor(`option "${label}" of ${select}`, (sel, text) => {
    const box = [...document.querySelectorAll('select')].find((e) => [...e.labels].some((l) => l.textContent.trim() === sel));
    return box && [...box.options].find((o) => o.textContent.trim() === text);
  }, [select, label]);
  await option.click();
}

/** Nothing crashed: public/crash.js shows #rungs-crash on a WebAssembly trap. */
async function noCrash(s) {
  assert.equal(await s.exec(() => document.getElementById('rungs-crash')?.textContent ?? null), null);
}

/** What the opener has stored as their own progress. */
const stored = (s) => s.exec(() => JSON.parse(localStorage.getItem('rungs:progress')));

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
      const c = s.capabilities;
      const extra = c['moz:geckodriverVersion'] ? `, geckodriver ${c['moz:geckodriverVersion']}` : '';
      t.diagnostic(`engine: ${ENGINES[engine].title}: ${c.browserName} ${c.browserVersion}${extra}`);
      try {
        return await fn(s);
      } finally {
        await s.close();
      }
    }

    test('home: pick role and level by their labels', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await s.open(server.url + '#/');
      await headingIs(s, 'Career ladders');
      const level = await s.byName('select', 'Level');
      assert.equal(await level.enabled(), false, 'Level waits for a role');
      await pick(s, 'Role', 'Site Reliability Engineering');
      await headingIs(s, HEADING);
      assert.equal(await level.enabled(), true);
      await pick(s, 'Level', HEADING);
      await headingIs(s, HEADING);
      assert.equal(new URL(await s.currentUrl()).hash, LEVEL);
      assert.equal(await (await s.byName('select', 'Role')).property('value'), 'engineering/site-reliability-engineering');
      assert.equal(await level.property('value'), 'l2');
      assert.equal(await s.exec(() => document.title), 'L2: Site Reliability Engineer · Site Reliability Engineering · Rungs');
      await noCrash(s);
    }));

    test('a deep link opens directly', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await s.open(server.url + LEVEL + '/summary');
      await s.waitFor('the summary', () => document.querySelector('h1')?.textContent.startsWith('Summary:') && document.querySelector('.rated-line'));
      assert.equal(await heading(s), `Summary: ${HEADING}`);
      assert.match(await (await s.css('.rated-line')).text(), /^0 of 12 rated/);
      await noCrash(s);
    }));

    test('rate and write evidence, reload, still there', { timeout: 90_000 }, (t) => session(t, async (s) => {
      await s.open(server.url + LEVEL);
      await (await radio(s, E1, 'Performing')).click();
      await (await evidence(s, E1)).type('Led the failover drill.');
      await s.waitFor('the evidence saved', () => localStorage.getItem('rungs:progress')?.includes('Led the failover drill.'));
      // After the first answer the footer says what the browser said about keeping
      // storage; a second later it still says so (no late answer replaced it).
      await s.waitFor('#storage-state', () => document.getElementById('storage-state')?.textContent);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const said = await s.exec(() => document.getElementById('storage-state').textContent);
      t.diagnostic(`storage: ${said}`);
      assert.equal(said, expect.storage);

      await s.reload();
      assert.equal(await (await radio(s, E1, 'Performing')).selected(), true);
      assert.equal(await (await radio(s, E1, 'Maturing')).selected(), false);
      assert.equal(await (await evidence(s, E1)).property('value'), 'Led the failover drill.');
      const answers = Object.values((await stored(s)).answers);
      assert.deepEqual(answers.map((a) => [a.text, a.rating, a.evidence]), [[E1, 'performing', 'Led the failover drill.']]);
      await noCrash(s);
    }));

    test('share: the link opens in a fresh browser with the marks', { timeout: 120_000 }, async (t) => {
      const { anonymous, named } = await session(t, async (s) => {
        await s.open(server.url + LEVEL);
        await (await radio(s, E1, 'Performing')).click();
        await (await radio(s, E2, 'Maturing')).click();
        await (await s.byName('button', 'Share progress')).click();
        const box = await s.byName('input', 'Share link');
        const anonymous = await box.property('value');
        assert.ok(new URL(anonymous).hash.startsWith('#/shared/'), anonymous);
        await (await s.byName('input', 'Your name (optional)')).type('Ada');
        const named = await s.waitFor('the link with the name', (was) => {
          const v = document.getElementById('share-link').value;
          return v !== was && v;
        }, [anonymous]);
        await (await s.byName('button', 'Copy link')).click();
        const said = await s.waitFor('the copy result', () => {
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
        await s.open(new URL('#/', server.url).href);
        assert.equal(await stored(s), null, 'a fresh profile has no progress');
        await s.open(named);
        await headingIs(s, 'Shared progress');
        const marks = () => s.waitFor('the shared marks', (a, b) => {
          const mark = (text) => [...document.querySelectorAll('li.expectation')]
            .find((li) => li.textContent.includes(text))?.querySelector('.shared-mark')?.textContent.trim();
          return mark(a) && [mark(a), mark(b)];
        }, [E1, E2]);
        assert.deepEqual(await marks(), ['Ada: Performing', 'Ada: Maturing']);
        await s.go(anonymous);
        await s.waitFor('the marks without a name', () => document.querySelector('.shared-mark')?.textContent.startsWith('Their rating'));
        assert.deepEqual(await marks(), ['Their rating: Performing', 'Their rating: Maturing']);
        assert.equal(await stored(s), null, 'opening a link stores nothing as your own progress');
        await noCrash(s);
      });
    });

    test('offline after a first visit', { timeout: 120_000 }, (t) => session(t, async (s) => {
      const own = await serve(); // this journey stops its server
      try {
        await s.open(own.url + LEVEL);
        const has = await s.exec(() => 'serviceWorker' in navigator);
        t.diagnostic(`service worker: ${has ? 'yes' : 'no'}`);
        assert.equal(has, expect.serviceWorker, 'service worker support as pinned in EXPECT');
        await (await radio(s, E1, 'Exceeding')).click();
        if (!has) {
          // No offline here: the app must still work online, without a worker.
          await s.reload();
          assert.equal(await (await radio(s, E1, 'Exceeding')).selected(), true);
          await noCrash(s);
          return;
        }
        const worker = await s.execAsync(async () => {
          const reg = await navigator.serviceWorker.ready;
          const w = reg.active;
          if (w.state !== 'activated') {
            await new Promise((done) => w.addEventListener('statechange', () => w.state === 'activated' && done()));
          }
          return { state: w.state, scope: reg.scope };
        });
        assert.deepEqual(worker, { state: 'activated', scope: own.url });
        await s.waitFor('the worker to control the page', () => !!navigator.serviceWorker.controller);

        await own.close();
        await assert.rejects(fetch(own.url), 'the server is gone');
        await s.reload();
        assert.equal(await heading(s), HEADING);
        assert.equal(await (await radio(s, E1, 'Exceeding')).selected(), true);
        // A deep link to the summary, whose module was never loaded online, from the precache.
        await s.go(own.url + LEVEL + '/summary');
        await s.waitFor('the summary offline', () => /^1 of 12 rated/.test(document.querySelector('.rated-line')?.textContent));
        assert.equal(await heading(s), `Summary: ${HEADING}`);
        await noCrash(s);
      } finally {
        await own.close();
      }
    }));
  });
}
