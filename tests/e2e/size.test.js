// Size budgets, gzipped, of the release build's wasm, JS and CSS: the first load (all
// but the on-demand modules) under 139.9 KB; each on-demand module, which public/lazy.js
// loads on first use, under its own budget: `extra` (the summary report and 1:1 sheet,
// Your progress data) 80 KB (95 KB until Compare moved out on 2026-12-01, at 76.4 KB),
// `share` (making and opening share links) 94.5 KB (95 KB until the typed module
// contract on 2026-12-02, at 94.2 KB; until 2026-12-01 both were one 120 KB module), `import` (the markdown importer) 150 KB, `checkins` (Save check-in
// and the Check-ins view) 75 KB (76 KB until the Save check-in panel stopped parsing
// the address on 2026-12-02, at 74.0 KB with Share this check-in),
// `explore` (Know your ladder and Compare levels) 74 KB (73.2 KB on 2026-12-01),
// `search` (search results and guide pages, 44.7 KB when search left the first load
// on 2026-12-01) 44.5 KB (45 KB until its sort was written out on 2026-12-02, at
// 44.1 KB). The first load of the app built with a generated ladder of 50 levels
// (dist-ladder50) under a ceiling: see the last test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST, LADDER50 } from './helpers.js';

const BUDGETS = { first: Math.floor(139.9 * 1024), extra: 80 * 1024, share: 94.5 * 1024, import: 150 * 1024, checkins: 75 * 1024, explore: 74 * 1024, search: 44.5 * 1024 };

/** Gzipped bytes of the build in `dir`, by group: the first load and each on-demand module. */
async function sizes(dir = DIST, { quiet = false } = {}) {
  const files = (await readdir(dir)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const out = { first: 0, extra: 0, share: 0, import: 0, checkins: 0, explore: 0, search: 0 };
  for (const f of files) {
    const gz = gzipSync(await readFile(path.join(dir, f)), { level: 9 }).length;
    if (!quiet) console.log(`# ${f}: ${gz} bytes gzipped`);
    const group = f.match(/^(extra|share|import|checkins|explore|search)-/)?.[1] ?? 'first';
    out[group] += gz;
  }
  for (const [group, bytes] of Object.entries(out)) {
    if (!quiet) console.log(`# ${group}: ${bytes} bytes gzipped (${(bytes / 1024).toFixed(1)} KB)`);
  }
  return out;
}

for (const [group, what] of [['first', 'the first load'], ['extra', 'the extra module'], ['share', 'the share module'], ['import', 'the import module'], ['checkins', 'the checkins module'], ['explore', 'the explore module'], ['search', 'the search module']]) {
  test(`${what} fits its ${Number((BUDGETS[group] / 1024).toFixed(1))} KB gzipped budget`, async () => {
    const bytes = (await sizes())[group];
    assert.ok(bytes > 0, `dist holds ${what}`);
    assert.ok(bytes < BUDGETS[group], `${bytes} bytes gzipped is over the ${BUDGETS[group]} byte budget`);
  });
}

// The first load of the app built with a generated ladder of 50 levels (scripts/ladder50.mjs;
// dist-ladder50, built by scripts/test) against the seed alone. Issue 16's budget is
// at most 1.05x; while every wasm file that reads the ladder holds all of it (as data
// since the ladder left the code) it is missed, and this says so. The ceiling is a
// ratchet at the figure measured on 2026-12-02 (202,085 bytes, 1.44x the seed's, with
// the ladder as code; 162,827 bytes, 1.14x, with it as data), rounded up to the next
// KB: lower it as the ratio falls, never raise it.
const LADDER50_KB = 160;
const LADDER50_CEILING = LADDER50_KB * 1024;
test(`the first load with 50 levels stays under its ${LADDER50_KB} KB gzipped ceiling (budget: 1.05x the seed's)`, async () => {
  const large = await sizes(LADDER50, { quiet: true }).catch((e) => {
    throw new Error(`${LADDER50} is missing or unreadable (${e.code ?? e.message}): scripts/test builds it (scripts/lib.sh build_ladder50)`);
  });
  const small = await sizes(DIST, { quiet: true });
  for (const group of Object.keys(small).filter((g) => g !== 'first')) {
    console.log(`# ${group}, 50 levels / seed: ${large[group]} / ${small[group]} bytes gzipped (${(large[group] / small[group]).toFixed(2)}x)`);
  }
  const [big, seed] = [large.first, small.first];
  const ratio = big / seed;
  console.log(`# first load, 50 levels: ${big} bytes gzipped (${(big / 1024).toFixed(1)} KB)`);
  console.log(`# first load, the seed alone: ${seed} bytes gzipped (${(seed / 1024).toFixed(1)} KB)`);
  console.log(`# 50 levels / seed: ${ratio.toFixed(2)}x (budget 1.05x)`);
  if (ratio > 1.05) console.log(`# BUDGET MISSED: 50-level first load is ${ratio.toFixed(2)}x the seed's (budget 1.05x)`);
  assert.ok(big < LADDER50_CEILING, `${big} bytes gzipped is over the ${LADDER50_CEILING} byte ceiling`);
});
