// Size budgets, gzipped: the first load (wasm + JS + CSS of the release build, the
// extra module aside) under 150 KB; the extra module (sharing, comparing, the summary
// report), which public/lazy.js loads on first use, under 120 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST } from './helpers.js';

const FIRST_LOAD = 150 * 1024;
const EXTRA_MODULE = 120 * 1024;

async function sizes() {
  const files = (await readdir(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const out = { first: 0, extra: 0, files };
  for (const f of files) {
    const gz = gzipSync(await readFile(path.join(DIST, f)), { level: 9 }).length;
    console.log(`# ${f}: ${gz} bytes gzipped`);
    out[f.startsWith('extra-') ? 'extra' : 'first'] += gz;
  }
  console.log(`# first load: ${out.first} bytes gzipped (${(out.first / 1024).toFixed(1)} KB)`);
  console.log(`# extra module: ${out.extra} bytes gzipped (${(out.extra / 1024).toFixed(1)} KB)`);
  return out;
}

test('the first load fits the 150 KB gzipped budget', async () => {
  const { first, files } = await sizes();
  assert.ok(files.some((f) => /^rungs-.*\.wasm$/.test(f)), 'dist holds the app wasm');
  assert.ok(first < FIRST_LOAD, `${first} bytes gzipped is over the ${FIRST_LOAD} byte budget`);
});

test('the extra module, loaded on first use, fits its 120 KB gzipped budget', async () => {
  const { extra, files } = await sizes();
  assert.ok(files.some((f) => /^extra-.*\.wasm$/.test(f)), 'dist holds the extra module');
  assert.ok(extra < EXTRA_MODULE, `${extra} bytes gzipped is over the ${EXTRA_MODULE} byte budget`);
});
