// Says in plain words when Rungs cannot run, instead of leaving a blank or frozen page:
// the release build aborts on a panic (a WebAssembly trap), and old browsers lack
// WebAssembly altogether. Plain JS, loaded before the app, so it works when the app cannot.
(() => {
  const CRASH = 'Rungs ran into a bug and stopped. Nothing you saved is lost: reload the page to carry on.';
  const NO_WASM = 'Rungs needs WebAssembly, which this browser does not offer. Open this page in a current version of Firefox, Safari, Chrome or Edge.';
  function show(text) {
    if (document.getElementById('rungs-crash')) return;
    const box = document.createElement('div');
    box.id = 'rungs-crash';
    box.className = 'crash';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    (document.body || document.documentElement).prepend(box);
  }
  const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
  addEventListener('error', (ev) => { if (isTrap(ev.error)) show(CRASH); });
  addEventListener('unhandledrejection', (ev) => { if (isTrap(ev.reason)) show(CRASH); });
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', () => show(NO_WASM));
  }
})();
