// A tiny W3C WebDriver client (Node's fetch against the driver's HTTP port) for the
// engines Playwright cannot drive as shipped: Debian's Firefox ESR through
// geckodriver, and WebKitGTK's MiniBrowser through WebKitWebDriver in an Xvfb display.
// An engine that is missing is an error that says what to install, never a skip.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SETUP = 'run `scripts/setup test`';

/** `name` on PATH or in ~/.cargo/bin (where `cargo install` puts it), or null. */
function which(name) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), path.join(homedir(), '.cargo', 'bin')];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

/** MiniBrowser, which Debian ships in libwebkit2gtk-4.1-0 under the multiarch lib dir. */
function miniBrowser() {
  for (const dir of readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu'))) {
    const file = path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser');
    if (existsSync(file)) return file;
  }
  return null;
}

/** The engines, each with its driver, browser and session capabilities. */
export const ENGINES = {
  firefox: {
    title: 'Firefox (geckodriver)',
    parts: () => ({
      driver: process.env.GECKODRIVER || which('geckodriver'),
      browser: process.env.FIREFOX_BINARY || which('firefox-esr') || which('firefox'),
    }),
    missing: `Firefox needs Debian's firefox-esr and geckodriver (from crates.io): ${SETUP}`,
    driverArgs: (port) => ['--host', '127.0.0.1', '--port', String(port)],
    display: false,
    // A fresh temporary profile per session is geckodriver's default.
    capabilities: ({ browser }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: browser,
        args: ['-headless'],
        prefs: {
          // Nothing but the page under test on the network.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
        },
      },
    }),
  },
  webkit: {
    title: 'WebKitGTK (WebKitWebDriver, MiniBrowser)',
    parts: () => ({
      driver: process.env.WEBKIT_DRIVER || which('WebKitWebDriver'),
      browser: process.env.WEBKIT_BROWSER || miniBrowser(),
      xvfb: which('Xvfb'),
    }),
    missing: `WebKit needs Debian's webkit2gtk-driver (WebKitWebDriver, MiniBrowser) and xvfb: ${SETUP}`,
    driverArgs: (port) => [`--port=${port}`, '--host=local'],
    display: true,
    // MiniBrowser in automation mode starts with an ephemeral (fresh) website data store.
    capabilities: ({ browser }) => ({
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    }),
  },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display; resolves to { display, close }. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        resolve({ display: `:${out.trim()}`, close: () => stop(child) });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display:\n${err}`)));
  });
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/**
 * Starts the driver of `engine` ('firefox' or 'webkit') on a free loopback port.
 * Resolves to a Driver; throws, saying what to install, when a part is missing.
 */
export async function startDriver(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}`);
  const parts = spec.parts();
  const absent = Object.entries(parts).filter(([, file]) => !file || !existsSync(file));
  if (absent.length) {
    throw new Error(`${spec.title} is not installed here (no ${absent.map(([k]) => k).join(', ')}). ${spec.missing}`);
  }
  const env = { ...process.env };
  let xvfb = null;
  if (spec.display) {
    xvfb = await startXvfb(parts.xvfb);
    env.DISPLAY = xvfb.display;
    delete env.WAYLAND_DISPLAY;
  }
  const port = await freePort();
  const child = spawn(parts.driver, spec.driverArgs(port), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    await stop(child);
    await xvfb?.close();
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await xvfb?.close();
      throw new Error(`${parts.driver} exited (${child.exitCode}):\n${log}`);
    }
    const ready = await fetch(`${url}/status`).then((r) => r.json()).then((j) => j.value?.ready !== false, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${parts.driver} did not answer on ${url} within 20 s:\n${log}`);
    }
    await sleep(100);
  }
  return new Driver(engine, url, spec.capabilities(parts), close, () => log);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One W3C WebDriver command; resolves to the response's `value`, throws on an error. */
async function command(base, method, route, body) {
  const res = await fetch(base + route, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${route}: HTTP ${res.status}: ${text.slice(0, 500)}`);
  }
  if (!res.ok || json.value?.error) {
    const v = json.value || {};
    throw new Error(`${method} ${route}: ${v.error || res.status}: ${v.message || text.slice(0, 500)}`);
  }
  return json.value;
}

export class Driver {
  constructor(engine, url, capabilities, close, log) {
    this.engine = engine;
    this.url = url;
    this.capabilities = capabilities;
    this.close = close;
    this.log = log;
  }

  /** A new session: a new browser process with a fresh profile. */
  async session() {
    const value = await command(this.url, 'POST', '/session', {
      capabilities: { alwaysMatch: this.capabilities },
    });
    const s = new Session(this.url, value.sessionId, value.capabilities);
    await s.cmd('POST', '/timeouts', { pageLoad: 30_000, script: 30_000, implicit: 0 });
    return s;
  }
}

/** Rebuilds element references inside a value returned by a script. */
function revive(session, v) {
  if (Array.isArray(v)) return v.map((x) => revive(session, x));
  if (v && typeof v === 'object') {
    if (ELEMENT in v) return new Element(session, v[ELEMENT]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(session, x)]));
  }
  return v;
}

/** Turns Elements among script arguments into element references. */
function ref(v) {
  if (v instanceof Element) return { [ELEMENT]: v.id };
  if (Array.isArray(v)) return v.map(ref);
  return v;
}

export class Session {
  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
  }

  /** Engine and version as the driver reports them, e.g. "firefox 153.8.0esr". */
  get browser() {
    return `${this.capabilities.browserName} ${this.capabilities.browserVersion}`;
  }

  cmd(method, route, body) {
    return command(this.base, method, `/session/${this.id}${route}`, body);
  }

  go(url) {
    return this.cmd('POST', '/url', { url });
  }

  currentUrl() {
    return this.cmd('GET', '/url');
  }

  /** Runs `fn` (a function, serialised) in the page with `args`; resolves to its result. */
  async exec(fn, ...args) {
    const value = await this.cmd('POST', '/execute/sync', {
      script: `return (${fn}).apply(null, arguments);`,
      args: args.map(ref),
    });
    return revive(this, value);
  }

  /** As exec, for an async `fn`: waits for its promise; a rejection throws here. */
  async execAsync(fn, ...args) {
    const value = await this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`,
      args: args.map(ref),
    });
    if (value && 'err' in value) throw new Error(`in the page: ${value.err}`);
    return revive(this, value?.ok);
  }

  /**
   * Polls `fn(...args)` in the page until it returns something truthy; resolves to it.
   * Throws after `timeout` ms, saying `what` was awaited and what was last seen.
   */
  async waitFor(what, fn, args = [], { timeout = 15_000 } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.exec(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = e; // the page may be between documents
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last}`);
      await sleep(100);
    }
  }

  /** Waits for the app's `rungs:ready` mark, which it sets once it has mounted. */
  ready(timeout = 30_000) {
    return this.waitFor('the rungs:ready mark', () => performance.getEntriesByName('rungs:ready').length > 0, [], { timeout });
  }

  /** Navigates to `url` and waits for the app to mount. */
  async open(url) {
    await this.go(url);
    await this.ready();
  }

  /**
   * Reloads as a person does (location.reload(), not the driver's Refresh, which in
   * Firefox bypasses the service worker like a hard reload) and waits for the app to
   * mount in the new document.
   */
  async reload() {
    await this.exec(() => {
      window.__beforeReload = true;
      setTimeout(() => location.reload(), 0);
    });
    await this.waitFor('the reloaded document', () => !window.__beforeReload && performance.getEntriesByName('rungs:ready').length > 0, [], { timeout: 30_000 });
  }

  /**
   * Waits for the visible element matching `selector` whose accessible name (a simple
   * take: aria-label, its labels, or its text) is exactly `name`, optionally inside
   * the element matching `within` (also by selector and name).
   */
  async byName(selector, name, within) {
    const what = `${selector} named ${JSON.stringify(name)}${within ? ` in ${within[0]} named ${JSON.stringify(within[1])}` : ''}`;
    return this.waitFor(what, findByName, [selector, name, within?.[0] ?? null, within?.[1] ?? null]);
  }

  /** Waits for the visible element matching `selector`. */
  async css(selector) {
    return this.waitFor(selector, (s) => [...document.querySelectorAll(s)].find((e) => e.getClientRects().length > 0) || null, [selector]);
  }

  async close() {
    await this.cmd('DELETE', '').catch(() => {});
  }
}

// Runs in the page (serialised): the finder behind Session.byName.
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

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  cmd(method, route, body) {
    return this.session.cmd(method, `/element/${this.id}${route}`, body);
  }

  /** A real click through the driver (with the user activation that brings). */
  click() {
    return this.cmd('POST', '/click', {});
  }

  /** Types `text` through the driver, as keystrokes. */
  type(text) {
    return this.cmd('POST', '/value', { text });
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }

  text() {
    return this.cmd('GET', '/text');
  }

  enabled() {
    return this.cmd('GET', '/enabled');
  }

  selected() {
    return this.cmd('GET', '/selected');
  }
}
