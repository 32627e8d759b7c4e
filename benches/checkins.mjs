// Benchmark (not a test): how long the Check-ins view of a level takes to draw with 20
// check-ins of 40 expectations each (every one rated, with an evidence note), against
// the release build in dist/ in Debian's Chromium. The budget is one frame (16 ms):
// the view is drawn in one synchronous call of the checkins module, measured from the
// call to the end of the style and layout of what it drew (forced, as the next frame
// would), which is the work that frame must hold. Prints the median, min and max.
// Run by scripts/bench, which builds first. BENCH_RUNS sets the number of draws.
import { serve, launch } from '../tests/e2e/helpers.js';

const RUNS = Number(process.env.BENCH_RUNS || 20);
const ROLE = 'engineering/site-reliability-engineering';
const LEVEL = `#/${ROLE}/l2/checkins`;
const RATINGS = ['improvement-needed', 'maturing', 'performing', 'exceeding'];

/** 20 stored check-ins of 40 expectations in 4 dimensions, a month apart. */
function checkins() {
  const out = {};
  for (let c = 0; c < 20; c += 1) {
    const updated = Date.UTC(2025, c, 1);
    const dimensions = [0, 1, 2, 3].map((d) => ({
      name: `Dimension ${d}`,
      items: Array.from({ length: 10 }, (_, i) => ({
        id: `x${d}${i}`.padEnd(12, '0'),
        text: `Expectation ${d}.${i}: I do the work of this level with care and say so.`,
        rating: RATINGS[(c + d + i) % 4],
        evidence: `Check-in ${c}: led the upgrade of cluster ${i}, wrote the runbook, ran the drill.`,
      })),
    }));
    const id = `${updated.toString(16)}-0000000${c % 10}`;
    out[`rungs:checkin:${ROLE}/l2/${id}`] = JSON.stringify({
      format: 1, id, role: ROLE, level: 'l2', title: `Review ${c}`, updated,
      ladder_version: 'bench', reply: null, dimensions,
    });
  }
  return out;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const server = await serve();
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + '#/');
  await page.evaluate((values) => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }, checkins());
  await page.goto(server.url + LEVEL);
  await page.getByRole('region', { name: 'Trend' }).waitFor();
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    times.push(await page.evaluate(({ role }) => {
      const host = document.querySelector('.checkins');
      const json = localStorage.getItem('rungs:progress') || '{"schema":3}';
      const start = performance.now();
      // The Check-ins view's call (src/modules/contract.rs, `Checkins::List`).
      window.rungsModules.checkins(['checkins', host, role, 'l2', json]);
      void host.offsetHeight; // style and layout of what was drawn
      return performance.now() - start;
    }, { role: ROLE }));
  }
  const items = await page.locator('.checkins li').count();
  console.log(`Check-ins view, 20 check-ins of 40 expectations (${items} list items drawn): ` +
    `median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms ` +
    `over ${RUNS} draws (budget: one frame, 16 ms)`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
