// A bare DevTools-protocol client over Chromium's --remote-debugging-pipe, for the
// offline reload benchmark. Playwright enables the Network, Page and Runtime domains on
// every page it drives and polls the page each frame while waiting; on the 2-core
// development machine that adds 20-30 ms to an offline reload (measured both ways, see
// README.md). This client attaches one session to the page, enables no domain, and
// reads the page only once it has had time to start.
import { spawn } from 'node:child_process';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts headless Chromium with `args` and `profile`; resolves to its first page. */
export async function bareChromium(executable, args, profile) {
  const proc = spawn(executable, [...args, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const waiting = new Map();
  let next = 0;
  let buffer = '';
  proc.stdio[4].on('data', (chunk) => {
    buffer += chunk.toString();
    for (let end; (end = buffer.indexOf('\0')) >= 0; buffer = buffer.slice(end + 1)) {
      const message = JSON.parse(buffer.slice(0, end));
      const call = waiting.get(message.id);
      if (!call) continue; // an event: none is enabled, but the browser may still say things
      waiting.delete(message.id);
      if (message.error) call.fail(new Error(`${call.method}: ${message.error.message}`));
      else call.ok(message.result);
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, { ok, fail, method });
      proc.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
    });

  // The page target appears shortly after start-up.
  let target;
  for (let tries = 0; !target; tries++) {
    if (tries > 100) throw new Error('Chromium started no page');
    target = (await send('Target.getTargets')).targetInfos.find((t) => t.type === 'page');
    if (!target) await sleep(50);
  }
  const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });

  const page = {
    /** The value of `expression` in the page, awaited (no Runtime.enable needed). */
    async evaluate(expression) {
      const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (exceptionDetails) throw new Error(`evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
    /** Until `expression` is truthy in a document other than `since` (a timeOrigin). */
    async until(expression, since = null, { first = 300, every = 50, timeout = 20_000 } = {}) {
      await sleep(first);
      for (const end = Date.now() + timeout; Date.now() < end; await sleep(every)) {
        const seen = await page.evaluate(`({ origin: performance.timeOrigin, value: (${expression}) })`).catch(() => null);
        if (seen && seen.origin !== since && seen.value) return seen;
      }
      throw new Error(`timed out waiting for ${expression}`);
    },
    navigate: (url) => send('Page.navigate', { url }, sessionId),
    reload: () => send('Page.reload', {}, sessionId),
  };
  const close = async () => {
    proc.kill();
    await exited;
  };
  return { page, close };
}
