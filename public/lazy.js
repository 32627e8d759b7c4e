// Loads the app's on-demand modules on first use: more wasm files kept out of the first
// load (src/modules says what each does and what it can be asked). The build names
// each in <meta name="rungs-NAME"> (scripts/precache.mjs); a module's start-up puts its
// door, the function that answers its calls, in window.rungsModules[NAME].
// window.rungsModule(NAME) resolves to that door, loading the module once; a failed
// load may be tried again.
(() => {
  // The build names each module's file beside this script, whatever page loaded it.
  // (No script element when run some other way, as the component tests do: the page.)
  const here = document.currentScript?.src || document.baseURI;
  const loading = {};
  window.rungsModules = {};
  async function load(name) {
    const meta = document.querySelector(`meta[name="rungs-${name}"]`);
    if (!meta) throw new Error(`this build has no ${name} module`);
    const module = await import(new URL(meta.content, here).href);
    await module.default();
    return window.rungsModules[name];
  }
  // A tab of an earlier build whose files are gone (the server and the service worker
  // both moved on to a new version): reload into the new version, once, rather than
  // show a part of Rungs that cannot load. The route is in the URL, progress in storage.
  async function reloadIntoNew() {
    try {
      const version = document.querySelector('meta[name="rungs-version"]')?.content;
      if (!version || !navigator.serviceWorker?.controller) return false;
      if (sessionStorage.getItem('rungs-reloaded') === version) return false;
      const keys = await caches.keys();
      if (!keys.some((k) => k.startsWith('rungs-')) || keys.includes(`rungs-${version}`)) return false;
      sessionStorage.setItem('rungs-reloaded', version);
      location.reload();
      return true;
    } catch {
      return false; // No storage or no caches here: the app says the part did not load.
    }
  }
  window.rungsModule = (name) => {
    if (!loading[name]) {
      loading[name] = load(name).catch(async (e) => {
        delete loading[name];
        if (await reloadIntoNew()) return new Promise(() => {}); // The page goes.
        throw e;
      });
    }
    return loading[name];
  };

  // Hands ARGS, a call of src/modules/contract.rs ([entry, host, ...]), to module NAME
  // once it has loaded: the module's answer. When the module cannot load, the call's
  // host says so, in place of its loading message, and the answer is undefined.
  window.rungsCall = (name, args) => window.rungsModule(name).then(
    (door) => door(args),
    () => {
      const host = args[1];
      if (!host) return undefined;
      host.querySelectorAll('[role=status], [role=alert]').forEach((e) => e.remove());
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = 'This part of Rungs did not load. Check your connection and reload the page.';
      host.append(p);
      return undefined;
    },
  );

  // The files of a drag and drop as [path, File] pairs. Folders are walked; a single
  // dropped folder is the ladder folder itself, so paths start inside it. Call it
  // during the drop event: the browser empties the list afterwards.
  window.rungsDropped = async (transfer) => {
    const entries = [...transfer.items].map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (!entries.length) return [...transfer.files].map((f) => [f.name, f]);
    const out = [];
    const walk = async (entry, path) => {
      if (entry.isFile) {
        out.push([path, await new Promise((ok, fail) => entry.file(ok, fail))]);
      } else if (entry.isDirectory) {
        const reader = entry.createReader();
        for (;;) {
          const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
          if (!batch.length) break;
          for (const e of batch) await walk(e, path ? `${path}/${e.name}` : e.name);
        }
      }
    };
    const folder = entries.length === 1 && entries[0].isDirectory;
    for (const e of entries) await walk(e, folder ? '' : e.name);
    return out;
  };
})();
