// Says in plain words when Rungs cannot run, instead of leaving a blank or frozen page:
// the release build aborts on a panic (a WebAssembly trap), and old browsers lack
// WebAssembly altogether. Plain JS, loaded before the app, so it works when the app cannot.
//
// It also keeps Rungs out of frames. A site that frames Rungs could lay its own page
// over Reset, Keep or Remove and have the person click them (clickjacking), and a meta
// CSP cannot forbid framing (`frame-ancestors`: the header in docs/deploy.md does). In a
// frame the app's start-up script does not start the app (scripts/precache.mjs writes
// that check), and this script puts a link to open Rungs on its own in the page.
(() => {
  if (window.top !== window.self) return refuseFrame();
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

  function refuseFrame() {
    const show = () => {
      const main = document.createElement('main');
      const heading = document.createElement('h1');
      heading.textContent = 'Rungs';
      const text = document.createElement('p');
      text.textContent = 'Rungs does not run inside another page, so that no other site can click in it for you. ';
      const open = document.createElement('a');
      open.href = location.href;
      open.target = '_blank';
      open.rel = 'noopener noreferrer';
      open.textContent = 'Open Rungs on its own';
      text.append(open);
      main.append(heading, text);
      document.body.replaceChildren(main);
    };
    if (document.body) show();
    else document.addEventListener('DOMContentLoaded', show);
  }
})();
