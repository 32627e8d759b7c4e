// Offline and updates: registers the service worker and, when a new version is
// waiting, says so with a Reload button. Reloading never touches saved progress
// (it lives in localStorage, which no version of the worker reads or writes).
(() => {
  if (!('serviceWorker' in navigator)) return;
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
      asked = true;
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    box.append(text, button);
    document.body.prepend(box);
  }
  // Only the person's Reload brings the new version in; the first install, which also
  // takes control of the page, does not reload it.
  let asked = false;
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!asked || reloading) return;
    reloading = true;
    location.reload();
  });
  addEventListener('load', async () => {
    let reg;
    try {
      reg = await navigator.serviceWorker.register('./sw.js');
    } catch {
      return; // No service worker (a private window, for one): Rungs still works online.
    }
    const watch = (worker) => {
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) prompt(worker);
      });
    };
    if (reg.waiting && navigator.serviceWorker.controller) prompt(reg.waiting);
    if (reg.installing) watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    // Look for a new version when the app comes back to the foreground, and hourly.
    const check = () => reg.update().catch(() => {});
    document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
    setInterval(check, 60 * 60 * 1000);
  });
})();
