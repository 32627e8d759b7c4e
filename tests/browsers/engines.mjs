// The engines Playwright cannot drive as shipped, for selenium-webdriver: Debian's
// Firefox ESR through geckodriver, and WebKitGTK's MiniBrowser through WebKitWebDriver
// in an Xvfb display. This file only finds and starts the parts (selenium's
// DriverService runs the driver); the sessions speak W3C WebDriver through selenium.
// An engine that is missing is an error that says what to install, never a skip.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { Builder } from 'selenium-webdriver';
import { DriverService } from 'selenium-webdriver/remote/index.js';

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
    driverArgs: ['--host', '127.0.0.1'],
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
    driverArgs: ['--host=local'],
    display: true,
    // MiniBrowser in automation mode starts with an ephemeral (fresh) website data store.
    capabilities: ({ browser }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    }),
  },
};

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
 * Resolves to { session, close }: `session()` builds a selenium WebDriver, a new
 * browser with a fresh profile. Throws, saying what to install, when a part is missing.
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
  // The driver's own log, quoted when it fails to start.
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'rungs-driver-')), 'driver.log');
  const log = openSync(logFile, 'w');
  const service = new DriverService.Builder(parts.driver)
    .addArguments(...spec.driverArgs)
    .setHostname('127.0.0.1')
    .setEnvironment(env)
    .setStdio(['ignore', log, log])
    .build();
  const close = async () => {
    await service.kill();
    closeSync(log);
    await xvfb?.close();
  };
  let url;
  try {
    url = await service.start(20_000);
  } catch (e) {
    await close();
    throw new Error(`${parts.driver} did not start: ${e.message}\n${readFileSync(logFile, 'utf8')}`);
  }
  const capabilities = spec.capabilities(parts);
  return {
    async session() {
      const driver = await new Builder().disableEnvironmentOverrides().usingServer(url).withCapabilities(capabilities).build();
      await driver.manage().setTimeouts({ pageLoad: 30_000, script: 30_000, implicit: 0 });
      return driver;
    },
    close,
  };
}
