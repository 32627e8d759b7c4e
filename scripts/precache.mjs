// Trunk post_build hook (see Trunk.toml): makes the build work under a strict
// Content-Security-Policy and offline.
// 1. Moves Trunk's inline start-up module into a hashed file, so the CSP needs no
//    inline script, and makes it start the app only outside frames.
// 2. Names the on-demand modules (src/modules: every wasm file Trunk built as a
//    "worker") for public/lazy.js, which loads them on first use.
// 3. Ships the ladder beside the app, split by the page (build.rs writes the index and
//    a file per level and guide page), and has every page preload the index.
// 4. Writes every page a reader can reach by link as HTML, drawn by the app itself
//    (scripts/prerender.mjs).
// 5. Writes the service worker's precache list and version from the files actually
//    built, never by hand, and the version into every page.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';
import { prerender } from './prerender.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('scripts/precache.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const hash = (data) => createHash('sha256').update(data).digest('hex');

const indexPath = path.join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (!found) throw new Error('index.html: Trunk\'s inline start-up script was not found');
// In a frame the app does not start (clickjacking; public/crash.js says why on the page):
// everything after the imports runs only in a window of its own.
const lines = found[1].trim().split('\n');
const imports = lines.filter((l) => /^import .+ from '[^']+';$/.test(l));
if (!imports.length) throw new Error('index.html: Trunk\'s start-up script imports nothing');
const start = lines.filter((l) => !imports.includes(l) && l.trim()).map((l) => `  ${l}`);
// The wasm file is found beside this script, not beside the page, which may be a page
// in a folder of its own.
const fromHere = (l) => l.replace(/module_or_path: ('\.\/[^']+')/, 'module_or_path: new URL($1, import.meta.url)');
const bootText = `${imports.join('\n')}\nif (window.top === window.self) {\n${start.map(fromHere).join('\n')}\n}\n`;
if (!bootText.includes('import.meta.url')) throw new Error('index.html: Trunk\'s start-up script names no wasm file to load');
const boot = `boot-${hash(bootText).slice(0, 16)}.js`;
await writeFile(path.join(dir, boot), bootText);
html = html.replace(inline, `<script type="module" src="./${boot}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('index.html still holds an inline script');
// The on-demand modules are built as Trunk "workers", so Trunk neither starts them nor
// hashes their file names: hash them here, so that caches can keep them for good.
const modules = (await readdir(dir)).map((f) => f.match(/^([a-z]+)_bg\.wasm$/)?.[1]).filter(Boolean).sort();
if (!modules.length) throw new Error(`${dir} holds no on-demand module (NAME_bg.wasm)`);
for (const name of modules) {
  const wasm = await readFile(path.join(dir, `${name}_bg.wasm`));
  const wasmName = `${name}-${hash(wasm).slice(0, 16)}_bg.wasm`;
  const js = (await readFile(path.join(dir, `${name}.js`), 'utf8')).replaceAll(`${name}_bg.wasm`, wasmName);
  if (!js.includes(wasmName)) throw new Error(`${name}.js does not name ${name}_bg.wasm`);
  const jsName = `${name}-${hash(js).slice(0, 16)}.js`;
  await writeFile(path.join(dir, wasmName), wasm);
  await writeFile(path.join(dir, jsName), js);
  await rm(path.join(dir, `${name}_bg.wasm`));
  await rm(path.join(dir, `${name}.js`));
  html = html.replace('</head>', `<meta name="rungs-${name}" content="./${jsName}"></head>`);
}
// public/lazy.js ships minified here: Trunk's minifier (minify-js) cannot parse it
// (`module.default`) and ships it as written. Its name keeps Trunk's hash of the source,
// which still names one text; the integrity of its script tag is made again from the
// text shipped.
for (const f of await readdir(dir)) {
  if (!/^lazy-[0-9a-f]+\.js$/.test(f)) continue;
  const lazyPath = path.join(dir, f);
  const text = await minifyScript(await readFile(lazyPath, 'utf8'), f);
  await writeFile(lazyPath, text);
  const sri = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  const tag = new RegExp(`<script[^>]*${f.replace('.', '\\.')}[^>]*>`);
  const found = html.match(tag);
  if (!found) throw new Error(`index.html does not load ${f}`);
  html = html.replace(tag, found[0].replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity="${sri}"`));
}
html = html.replace('<title>', `${await shipLadder()}<title>`);
await writeFile(indexPath, html);
await writeFile(indexPath, await prerender(dir, html));

// The version: a digest of every built file and of the worker itself. Every page names
// it too (<meta name="rungs-version">), so the worker can tell its own build's page from
// a stale or newer one, and a page can tell which build it runs.
const files = [];
for (const f of (await readdir(dir, { recursive: true })).sort()) {
  if (f !== 'sw.js' && !f.split(path.sep).some((p) => p.startsWith('.')) && (await stat(path.join(dir, f))).isFile()) {
    files.push(f.split(path.sep).join('/'));
  }
}
const swPath = path.join(dir, 'sw.js');
let digest = hash(await readFile(swPath));
for (const f of files) digest += f + hash(await readFile(path.join(dir, f)));
const version = hash(digest).slice(0, 16);
for (const f of files.filter((f) => /(^|\/)index\.html$/.test(f))) {
  const page = await readFile(path.join(dir, f), 'utf8');
  const versioned = page.replace('</head>', `<meta name="rungs-version" content="${version}"></head>`);
  if (versioned === page) throw new Error(`${f}: no </head> to put the version before`);
  await writeFile(path.join(dir, f), versioned);
}
const sw = (await readFile(swPath, 'utf8'))
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(files));
if (sw.includes('__PRECACHE__') || sw.includes('__VERSION__')) throw new Error('sw.js: placeholders not replaced');
await writeFile(swPath, await minifyScript(sw, 'sw.js'));
console.log(`precache: ${files.length} files, version ${version}, start-up script ${boot}`);

/**
 * Copies the ladder as build.rs split it (OUT_DIR/ladder: `index.txt` and a file per
 * level and guide page, each named by its hash) into `ladder/`, the index under a name
 * of its hash too, so that caches keep every file for good; returns the index's
 * preload, which every page carries: public/lazy.js finds the ladder by its id.
 * build.rs ran in this build's cargo target folder: the newest of its outputs there.
 */
async function shipLadder() {
  const target = path.resolve(process.env.TRUNK_SOURCE_DIR || '.', process.env.CARGO_TARGET_DIR || 'target', 'wasm32-unknown-unknown');
  let newest = null;
  for (const profile of await readdir(target).catch(() => [])) {
    const build = path.join(target, profile, 'build');
    for (const out of await readdir(build).catch(() => [])) {
      const from = path.join(build, out, 'out', 'ladder');
      const when = await stat(path.join(from, 'index.txt')).then((s) => s.mtimeMs, () => -1);
      if (out.startsWith('rungs-') && when > (newest?.when ?? -1)) newest = { from, when };
    }
  }
  if (!newest) throw new Error(`${target}: no ladder written by build.rs (*/build/rungs-*/out/ladder/index.txt)`);
  await mkdir(path.join(dir, 'ladder'));
  let indexName = null;
  for (const f of await readdir(newest.from)) {
    let name = f;
    if (f === 'index.txt') name = indexName = `index-${hash(await readFile(path.join(newest.from, f))).slice(0, 16)}.txt`;
    await copyFile(path.join(newest.from, f), path.join(dir, 'ladder', name));
  }
  return `<link rel="preload" href="./ladder/${indexName}" as="fetch" crossorigin id="rungs-ladder">`;
}

// Trunk copies sw.js as it is (it minifies only the scripts it bundles), and the worker
// counts towards the first load, as public/lazy.js does: terser minifies both (a
// classic script each, so names at their top level stay as they are). A syntax error
// stops the build with the file's name.
async function minifyScript(source, name) {
  try {
    return (await minify(source, { ecma: 2020, compress: true, mangle: true })).code + '\n';
  } catch (e) {
    throw new Error(`${name}: ${e.message} (line ${e.line}, column ${e.col})`);
  }
}
