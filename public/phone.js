// Phones and other narrow or touch screens (the layout itself is in style/main.css):
// - the header gets two buttons, which only narrow screens show: the current role and
//   level, which opens the pickers, and Search, which opens the search box (see
//   src/ui/header.rs); the search box stays open on the search page;
// - keyboard hints show once a key is pressed (before, only where a fine pointer
//   suggests a keyboard): the `keyed` class on <html>;
// - in Check yourself, a swipe left or right presses Next or Previous;
// - "Install Rungs" in the footer while the browser offers installation, or a one-line
//   hint where it never does (iOS Safari); the installed app opens on the last level
//   used (localStorage `rungs:last`, see docs/storage.md).
(() => {
  const root = document.documentElement;
  // Calls `then` once the app has drawn `selector`: the app's own, not the page the
  // build wrote, which the app replaces when it starts. However long the app takes (a
  // slow connection), it watches the page change for it.
  const drawn = (selector, then) => {
    const find = () => (document.body.hasAttribute('data-rungs-page') ? null : document.querySelector(selector));
    const found = find();
    if (found) return then(found);
    const watch = new MutationObserver(() => {
      const el = find();
      if (el) {
        watch.disconnect();
        then(el);
      }
    });
    watch.observe(document.body, { childList: true, subtree: true });
  };
  const open = (button, on) => {
    if (!button) return;
    button.setAttribute('aria-expanded', String(on));
    if (on && button.id !== 'where') document.getElementById('search-box')?.focus();
  };
  // On the search page the search box stays open.
  const onSearch = () => /^#\/search\b/.test(location.hash)
    && document.querySelector('.top .find')?.setAttribute('aria-expanded', 'true');

  const toggle = (cls, controls, words) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.setAttribute('aria-expanded', 'false');
    b.setAttribute('aria-controls', controls);
    b.textContent = words;
    return b;
  };
  // The role and level the pickers show, once the app has set them for this route.
  const where = () => requestAnimationFrame(() => {
    const pick = (id) => document.getElementById(id)?.selectedOptions[0];
    const [role, level] = [pick('role-picker'), pick('level-picker')];
    const b = document.getElementById('where');
    if (b) b.textContent = role?.value && level?.value ? `${role.text} · ${level.text}` : 'Choose a level';
  });
  drawn('.top .brand', (brand) => {
    const b = toggle('where', 'ladder-nav', 'Choose a level');
    b.id = 'where';
    brand.after(b, toggle('find', 'search-form', 'Search'));
    where();
    onSearch();
  });
  addEventListener('hashchange', where);
  addEventListener('popstate', where);

  addEventListener('click', (e) => {
    const button = e.target.closest?.('.top .where, .top .find');
    if (button) open(button, button.getAttribute('aria-expanded') !== 'true');
  });
  // A level chosen: the pickers have done their job.
  addEventListener('change', (e) => {
    if (e.target.id === 'level-picker') open(document.getElementById('where'), false);
  });
  addEventListener('hashchange', onSearch);
  addEventListener('popstate', onSearch);

  addEventListener('keydown', (e) => {
    if (!e.ctrlKey && !e.metaKey && !e.altKey && e.key.length === 1) root.classList.add('keyed');
  }, { capture: true });

  // A swipe: mostly sideways, far enough, quick enough; not in a text field.
  let start = null;
  addEventListener('touchstart', (e) => {
    const t = e.touches[0];
    start = e.touches.length === 1 && e.target.closest?.('.check-yourself') && !e.target.closest('textarea, select, input:not([type=radio])')
      ? { x: t.clientX, y: t.clientY, at: e.timeStamp } : null;
  }, { passive: true });
  addEventListener('touchend', (e) => {
    if (!start) return;
    const t = e.changedTouches[0];
    const dx = t.clientX - start.x;
    const dy = t.clientY - start.y;
    const quick = e.timeStamp - start.at < 800;
    start = null;
    if (!quick || Math.abs(dx) < 60 || Math.abs(dx) < 2 * Math.abs(dy)) return;
    const button = document.querySelector(`.check-nav [data-act="${dx < 0 ? 'next' : 'prev'}"]`);
    if (button && !button.disabled) button.click();
  }, { passive: true });

  // The last level used: any level route (not search, import, a shared link, compare),
  // at its address by path (`<root>/track/role/level/`) or in the root's fragment.
  const LAST = 'rungs:last';
  const base = new URL('./', document.currentScript?.src || document.baseURI).pathname;
  const route = () => (location.hash.length > 1 ? location.hash : `#/${location.pathname.slice(base.length)}`);
  const isLevel = (hash) => /^#\/(?!(search|import|shared|compare|guide|everyone)([/?]|$))[^/?]+\/[^/?]+\/[^/?]+/.test(hash);
  // Launched from the home screen: the manifest's start_url is ./?app.
  const launched = new URLSearchParams(location.search).has('app');
  const installed = launched || matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  try {
    const last = localStorage.getItem(LAST);
    // Before the app reads the route (this script runs before the app's module).
    if (launched) history.replaceState(null, '', location.pathname + location.hash);
    // (An address kept before levels had paths is a fragment.)
    const to = last && last.startsWith('#') ? base + last : last;
    if (launched && route() === '#/' && to && to.startsWith(base)) history.replaceState(null, '', to);
    const keep = () => isLevel(route()) && localStorage.setItem(LAST, location.pathname + location.search + location.hash);
    keep();
    // The app changes the address in place (history.pushState): look after each change.
    addEventListener('hashchange', keep);
    addEventListener('popstate', keep);
  } catch {
    // No storage here: the app opens on its home page.
  }

  // Install: a button while the browser offers it, gone once installed.
  const offer = (make) => drawn('.foot', (foot) => {
    document.getElementById('rungs-install')?.remove();
    const p = document.createElement('p');
    p.id = 'rungs-install';
    make(p);
    foot.prepend(p);
  });
  addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    offer((p) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Install Rungs';
      button.addEventListener('click', async () => {
        e.prompt();
        const { outcome } = await e.userChoice;
        if (outcome === 'accepted') p.remove();
      });
      p.append(button);
    });
  });
  addEventListener('appinstalled', () => document.getElementById('rungs-install')?.remove());
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  if (ios && !installed && !('onbeforeinstallprompt' in window)) {
    offer((p) => { p.textContent = 'To install Rungs, tap Share, then “Add to Home Screen”.'; });
  }
})();
