// Offline and updates: registers the service worker and, when a new version is
// waiting, says so with a Reload button. Reloading never touches saved progress
// (it lives in localStorage, which no version of the worker reads or writes).
(() => {
  // In a frame the app does not run (public/crash.js): nothing to offer there.
  if (!('serviceWorker' in navigator) || window.top !== window.self) return;
  const sw = navigator.serviceWorker;
  // Beside this script, at the app's root, whichever page loaded it.
  const script = new URL('sw.js', document.currentScript?.src || document.baseURI).href;
  let asked = false;
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  // `worker` is the waiting new version, or null when it already runs (another tab
  // brought it in): then Reload just reloads.
  function prompt(worker) {
    if (document.getElementById('rungs-update')) return;
    const box = document.createElement('div');
    box.id = 'rungs-update';
    box.className = 'update';
    box.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'A new version is available. ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      button.disabled = true;
      if (worker && worker.state === 'installed') {
        asked = true;
        worker.postMessage('skip-waiting');
      } else {
        reload();
      }
    });
    box.append(text, button);
    document.body.prepend(box);
  }
  // Only the person's Reload brings the new version in; the first install, which also
  // takes control of the page, does not reload it. When another tab brings it in, this
  // tab (still the old version, its files kept for it by the worker) offers Reload.
  let controlled = !!sw.controller;
  sw.addEventListener('controllerchange', () => {
    const was = controlled;
    controlled = true;
    if (asked) reload();
    else if (was) prompt(null);
  });
  addEventListener('load', async () => {
    let reg;
    try {
      reg = await sw.register(script);
    } catch {
      return; // No service worker (a private window, for one): Rungs still works online.
    }
    if (!reg) return; // Blocked by the browser's automation (the build drawing its pages).
    // This page has loaded: the worker may drop files only older tabs needed.
    if (sw.controller) sw.controller.postMessage('tidy');
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && sw.controller) prompt(worker);
      });
    };
    if (reg.waiting && sw.controller) prompt(reg.waiting);
    if (reg.installing) watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // Look for a new version when the app comes back to the foreground, and hourly.
    const check = () => reg.update().catch(() => {});
    document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
    setInterval(check, 60 * 60 * 1000);
  });
})();
