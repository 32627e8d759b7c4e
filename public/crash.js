// Says in plain words when Rungs cannot run, instead of leaving a blank or frozen page:
// the release build aborts on a panic (a WebAssembly trap), and old browsers lack
// WebAssembly altogether. Plain JS, loaded before the app, so it works when the app cannot.
//
// It runs before the page is drawn for one more job: the root page holds the home
// page's text, written at build time, but a fragment address there
// (`#/engineering/sre/l2/check`, a shared link) names another page, which the app
// draws. Until it does, that text stays hidden (`html.rungs-hold` in style/main.css)
// rather than show the wrong page for a moment. On the root page it is a plain script,
// which stops the parser until it has run, in every browser. A page the build wrote at
// its own address (scripts/prerender.mjs) is not opened at a fragment address (the app's
// links to other views lead to the root), so there it is `async`: the parser goes on to
// the body and its files while it loads, and the page is drawn without waiting for it.
// (At such an address typed with a fragment, the level's text may show for a moment
// before the view the fragment names.)
//
// It also keeps Rungs out of frames. A site that frames Rungs could lay its own page
// over Reset, Keep or Remove and have the person click them (clickjacking), and a meta
// CSP cannot forbid framing (`frame-ancestors`: the header in docs/deploy.md does). In a
// frame the app's start-up script does not start the app (scripts/precache.mjs writes
// that check), and this script puts a link to open Rungs on its own in the page.
(() => {
  if (window.top !== window.self) return refuseFrame();
  const root = document.documentElement;
  if (location.hash.length > 2 && typeof WebAssembly === 'object') root.classList.add('rungs-hold');
  const CRASH = 'Rungs ran into a bug and stopped. Nothing you saved is lost: reload the page to carry on.';
  const NO_WASM = 'You can read this page, but rating yourself, saving your progress and sharing it need WebAssembly, which this browser does not offer. Open Rungs in a current version of Firefox, Safari, Chrome or Edge for those.';
  // A crash shows above the page; the missing WebAssembly under the text it can still read.
  function show(text, under) {
    if (document.getElementById('rungs-crash')) return;
    root.classList.remove('rungs-hold');
    const box = document.createElement('div');
    box.id = 'rungs-crash';
    box.className = 'crash';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    const page = document.body || root;
    if (under) page.append(box);
    else page.prepend(box);
  }
  const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
  addEventListener('error', (ev) => { if (isTrap(ev.error)) show(CRASH); });
  addEventListener('unhandledrejection', (ev) => { if (isTrap(ev.reason)) show(CRASH); });
  if (typeof WebAssembly !== 'object') parsed(() => show(NO_WASM, true));

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
    parsed(show);
  }

  // Calls `then` once the whole page has been parsed: at once when this script ran
  // after that (`async`).
  function parsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
    else then();
  }
})();
