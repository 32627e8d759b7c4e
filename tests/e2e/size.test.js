// The size budget: wasm + JS + CSS of the release build, gzipped, under 150 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST } from './helpers.js';

const BUDGET = 150 * 1024;

test('release build fits the 150 KB gzipped budget', async () => {
  const files = (await readdir(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'dist holds the wasm');
  let total = 0;
  for (const f of files) {
    const gz = gzipSync(await readFile(path.join(DIST, f)), { level: 9 }).length;
    console.log(`# ${f}: ${gz} bytes gzipped`);
    total += gz;
  }
  console.log(`# total: ${total} bytes gzipped (${(total / 1024).toFixed(1)} KB)`);
  assert.ok(total < BUDGET, `${total} bytes gzipped is over the ${BUDGET} byte budget`);
});
