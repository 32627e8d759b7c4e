// Browser benchmarks (not tests): cold loads, throttled loads, offline repeat loads
// (driven over a bare DevTools pipe, benches/cdp.mjs, and by Playwright to compare),
// rating latency and JS heap, against the release build in dist/ served with gzip on
// 127.0.0.1, in Debian's Chromium through playwright-core. Prints a table.
// Run by scripts/bench, which builds first. BENCH_RUNS sets the number of loads.
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, serve, launch } from '../tests/e2e/helpers.js';
import { bareChromium } from './cdp.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 10);
// Offline reloads are cheap and their spread on a shared machine is wide (tens of ms):
// at least 30, so that the median holds still between runs.
const OFFLINE_RUNS = Number(process.env.BENCH_OFFLINE_RUNS || Math.max(RUNS, 30));
const LEVEL = '#/engineering/site-reliability-engineering/l2';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const stats = (all) => { const xs = all.filter((x) => Number.isFinite(x)); return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }; };
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const range = (s, f) => `${f(s.median)} (min ${f(s.min)}, max ${f(s.max)})`;

function kind(url, type) {
  if (/\.wasm$/.test(url)) return 'wasm';
  if (/\.m?js$/.test(url)) return 'JS';
  if (/\.css$/.test(url)) return 'CSS';
  if (/html/.test(type) || url.endsWith('/')) return 'HTML';
  return 'data';
}

/** One cold load in a fresh context; `throttle` is the CPU slow-down factor. */
async function coldLoad(browser, url, throttle) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const bytes = { wasm: 0, JS: 0, CSS: 0, HTML: 0, data: 0 };
  let requests = 0;
  const done = [];
  page.on('requestfinished', (req) => {
    requests += 1;
    done.push(req.sizes().then((s) => {
      const res = req.response();
      return res.then((r) => { bytes[kind(req.url(), r?.headers()['content-type'] || '')] += s.responseBodySize + s.responseHeadersSize; });
    }));
  });
  const cdp = await context.newCDPSession(page);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  // The paint entry can land a frame after the ready mark.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 }).catch(() => {});
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    ready: performance.getEntriesByName('rungs:ready')[0].startTime,
  }));
  await Promise.all(done);
  await context.close();
  return { ...timing, bytes, requests };
}

async function coldLoads(browser, url, throttle) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldLoad(browser, url, throttle));
  return runs;
}

// Where an offline reload's time goes: the page answered by the worker, the browser
// committing it and asking for the first file, the last file answered, the app started.
const PHASES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const files = performance.getEntriesByType('resource').filter((e) => /\\.(js|css|wasm)$/.test(e.name));
  return {
    page: nav.responseEnd,
    firstAsked: Math.min(...files.map((e) => e.startTime)),
    lastAnswered: Math.max(...files.map((e) => e.responseEnd)),
    ready: performance.getEntriesByName('rungs:ready')[0].startTime,
  };
})()`;
const READY = "performance.getEntriesByName('rungs:ready').length > 0";
const ACTIVATED = `(async () => {
  const w = (await navigator.serviceWorker.ready).active;
  if (w.state !== 'activated') await new Promise((r) => w.addEventListener('statechange', () => w.state === 'activated' && r()));
  return true;
})()`;

/**
 * Repeat loads with the server gone: the service worker serves everything. Chromium is
 * driven over a bare DevTools pipe (benches/cdp.mjs), as a person's reload has no
 * debugger attached; the server is closed before the first reload.
 */
async function offlineLoads(server) {
  const profile = await mkdtemp(path.join(tmpdir(), 'rungs-bench-'));
  const { page, close } = await bareChromium(process.env.CHROME_PATH || '/usr/bin/chromium', CHROME_ARGS, profile);
  try {
    await page.navigate(server.url + LEVEL);
    let { origin } = await page.until(READY);
    await page.evaluate(ACTIVATED);
    await server.close();
    const runs = [];
    for (let i = 0; i < OFFLINE_RUNS; i++) {
      await page.reload();
      ({ origin } = await page.until(READY, origin));
      runs.push(await page.evaluate(PHASES));
    }
    return runs;
  } finally {
    await close();
  }
}

/** The same reloads driven by Playwright, its instrumentation included (for comparison). */
async function offlineLoadsUnderPlaywright(server) {
  const profile = await mkdtemp(path.join(tmpdir(), 'rungs-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url + LEVEL);
  await page.waitForFunction(READY);
  await page.evaluate(ACTIVATED);
  await server.close();
  const runs = [];
  for (let i = 0; i < OFFLINE_RUNS; i++) {
    await page.reload();
    await page.waitForFunction(READY);
    runs.push(await page.evaluate(PHASES));
  }
  await context.close();
  return runs;
}

/** Click to page and storage both updated, for `clicks` ratings; and the JS heap. */
async function ratingLatency(browser, url, clicks) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url + LEVEL);
  await page.waitForFunction(() => performance.getEntriesByName('rungs:ready').length > 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
  const heapAfterReady = await metric('JSHeapUsedSize');
  const times = await page.evaluate(async (clicks) => {
    const radios = [...document.querySelectorAll('input[data-rate]')];
    const out = [];
    for (let i = 0; i < clicks; i++) {
      const radio = radios[(i * 5) % radios.length];
      if (radio.checked) continue;
      const id = radio.closest('[data-id]').dataset.id;
      const code = radio.value;
      const t0 = performance.now();
      radio.click();
      // Until the radio shows it and the stored progress has it (checked each task).
      for (;;) {
        const stored = localStorage.getItem('rungs:progress') || '';
        const at = stored.indexOf(`"${id}"`);
        if (radio.checked && at >= 0 && stored.slice(at, at + 200).includes(code)) break;
        await new Promise((r) => setTimeout(r, 0));
      }
      out.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, clicks);
  const heapAfter = await metric('JSHeapUsedSize');
  await context.close();
  return { times, heapAfterReady, heapAfter };
}

const server = await serve();
const browser = await launch();
const rows = [];
const sum = (b) => Object.values(b).reduce((a, x) => a + x, 0);
for (const [label, throttle] of [['cold load', 1], ['cold load, 4x CPU throttling', 4]]) {
  const runs = await coldLoads(browser, server.url + LEVEL, throttle);
  const first = runs[0];
  if (throttle === 1) {
    rows.push(['first-load transfer (budget 150 KB)', `${kb(sum(first.bytes))}: ` + Object.entries(first.bytes).map(([k, v]) => `${k} ${kb(v)}`).join(', ')]);
    rows.push(['requests on first load', String(first.requests)]);
  }
  rows.push([`${label}: first contentful paint`, range(stats(runs.map((r) => r.fcp)), ms)]);
  rows.push([`${label}: ready (${throttle === 1 ? 'budget 300 ms' : 'no budget'})`, range(stats(runs.map((r) => r.ready)), ms)]);
}
const latency = await ratingLatency(browser, server.url, 60);
rows.push([`rating latency, click to page and storage (budget 16 ms; ${latency.times.length} clicks)`, range(stats(latency.times), ms)]);
rows.push(['JS heap used after ready / after the ratings', `${kb(latency.heapAfterReady)} / ${kb(latency.heapAfter)}`]);
await browser.close();
await server.close();
// Each offline run closes the server it is given once the worker is in place.
const offline = await offlineLoads(await serve());
const underPlaywright = await offlineLoadsUnderPlaywright(await serve());
const phases = (runs) => ['page', 'firstAsked', 'lastAnswered', 'ready'].map((key) => ms(stats(runs.map((r) => r[key])).median)).join(' / ');
rows.push([`offline repeat load from the service worker: ready (budget 100 ms; ${offline.length} reloads)`, range(stats(offline.map((r) => r.ready)), ms)]);
rows.push(['offline repeat load, medians: page answered / first file asked / last file answered / ready', phases(offline)]);
rows.push(['the same reloads driven by Playwright, its instrumentation included: ready', range(stats(underPlaywright.map((r) => r.ready)), ms)]);
rows.push(['driven by Playwright, medians: page answered / first file asked / last file answered / ready', phases(underPlaywright)]);

const version = JSON.parse(await readFile(new URL('../node_modules/playwright-core/package.json', import.meta.url))).version;
console.log(`\nRungs browser benchmarks: ${RUNS} loads each, Chromium via playwright-core ${version}, ${new Date().toISOString().slice(0, 10)}\n`);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`| ${'what'.padEnd(width)} | figure |`);
console.log(`| ${'-'.repeat(width)} | --- |`);
for (const [what, figure] of rows) console.log(`| ${what.padEnd(width)} | ${figure} |`);
