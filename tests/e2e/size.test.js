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
// 44.1 KB).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST } from './helpers.js';

const BUDGETS = { first: Math.floor(139.9 * 1024), extra: 80 * 1024, share: 94.5 * 1024, import: 150 * 1024, checkins: 75 * 1024, explore: 74 * 1024, search: 44.5 * 1024 };

async function sizes() {
  const files = (await readdir(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const out = { first: 0, extra: 0, share: 0, import: 0, checkins: 0, explore: 0, search: 0 };
  for (const f of files) {
    const gz = gzipSync(await readFile(path.join(DIST, f)), { level: 9 }).length;
    console.log(`# ${f}: ${gz} bytes gzipped`);
    const group = f.match(/^(extra|share|import|checkins|explore|search)-/)?.[1] ?? 'first';
    out[group] += gz;
  }
  for (const [group, bytes] of Object.entries(out)) {
    console.log(`# ${group}: ${bytes} bytes gzipped (${(bytes / 1024).toFixed(1)} KB)`);
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
