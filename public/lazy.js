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

  // The ladder the build embedded, by the page (src/ladder/format/stored.rs says how
  // it is split): the build's index of it, which every page preloads in
  // <link id="rungs-ladder">, with the file of each level and guide page loaded so far
  // put back in place of its `F` line. A page the build wrote holds the files of what
  // it shows (<template data-rungs-file="NAME">, scripts/prerender.mjs); others are
  // fetched, and a file's name is its hash, so caches keep it for good. The app and
  // every module read the ladder here (src/ui/ladder_files.rs).
  // Its address now: the app's own links change the page's address, and a relative
  // address with it.
  const indexUrl = document.getElementById('rungs-ladder')?.href;
  let ladder = '';
  const put = (name, part) => { ladder = ladder.replace(`\nF\t${name}\n`, () => `\n${part}`); };
  const fetchText = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.text();
  };
  const inPage = document.querySelectorAll('template[data-rungs-file]');
  const index = indexUrl ? fetchText(indexUrl).then((text) => {
    ladder = text;
    inPage.forEach((t) => put(t.dataset.rungsFile, t.content.textContent));
  }) : Promise.resolve();
  index.catch(() => {}); // Said where it is awaited: the page's text, or a part's host.
  const fetching = {};
  window.rungsLadder = () => ladder;
  // Whether the ladder holds TEXT: asked for every link the app draws (src/ui/address.rs),
  // so it answers here rather than copy the ladder into the wasm each time.
  window.rungsLadderHas = (text) => ladder.includes(text);
  // The file of level LEVEL of role ROLE in the index, while it is not back in place.
  const levelFile = (role, level) => {
    let inRole = false;
    let inLevel = false;
    for (const line of ladder.split('\n')) {
      const [kind, id] = line.split('\t');
      if (kind === 'R' || kind === 'W' || kind === 'G') [inRole, inLevel] = [kind === 'R' && id === role, false];
      else if (kind === 'L') inLevel = inRole && id === level;
      else if (kind === 'F' && inLevel) return [id];
    }
    return [];
  };
  // Loads the files of the ladder that WHAT names: "all" (every one not yet loaded),
  // or [ROLE, LEVEL] (that level's, if it is not loaded yet). Resolves once the ladder
  // holds them; rejects when one cannot load (it may be tried again), or reloads into
  // the new version in a tab whose build's files are gone.
  window.rungsLadderLoad = async (what) => {
    await index;
    const wanted = what === 'all' ? [...ladder.matchAll(/^F\t(.+)$/gm)].map((m) => m[1]) : levelFile(...what);
    await Promise.all(wanted.map((name) => {
      fetching[name] ||= fetchText(new URL(name, indexUrl)).then(
        (part) => put(name, part),
        async (e) => {
          delete fetching[name];
          if (await reloadIntoNew()) return new Promise(() => {}); // An old tab: the page goes.
          throw e;
        },
      );
      return fetching[name];
    }));
  };
  // Resolves once the browser has timed the largest paint of the written text, on a page
  // the build wrote whose text shows. Chromium times it when the frame is shown, a
  // little after it is drawn, and forgets text taken out of the page before then: the
  // app's copy, drawn later, would count as the page's largest paint instead (about
  // 100 ms later with the CPU as is, 200 at 4x slower; docs/performance.md). A second
  // at most; at once where the paint is not timed (other browsers, a page opened out
  // of sight) or the text is held back (public/crash.js).
  let textTimed;
  const writtenTextTimed = () => {
    textTimed ||= document.body.hasAttribute('data-rungs-page')
      && !document.documentElement.classList.contains('rungs-hold')
      && document.visibilityState === 'visible'
      && window.PerformanceObserver?.supportedEntryTypes?.includes('largest-contentful-paint')
      ? new Promise((resolve) => {
        new PerformanceObserver((_, observer) => {
          observer.disconnect();
          resolve();
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(resolve, 1000);
      })
      : Promise.resolve();
    return textTimed;
  };
  // For the app (src/ui/ladder_files.rs): the ladder's index and level LEVEL of role
  // ROLE loaded, then DONE(true), which takes the page over: on a written page, once
  // its text's paint is timed. When they could not load, the page shown stays (the
  // written text of a page the build wrote, or the page shown before a link was
  // followed) and says so at its top, then DONE(false).
  window.rungsLadderLevel = (role, level, done) => Promise.all([window.rungsLadderLoad([role, level]), writtenTextTimed()]).then(
    () => done(true),
    () => {
      document.documentElement.classList.remove('rungs-hold'); // public/crash.js
      const p = alertOf('This part of the ladder did not load, so you can read this page but not rate, save or share. Check your connection and reload the page.');
      p.className = 'crash';
      (document.querySelector('main') || document.body).prepend(p);
      done(false);
    },
  );
  // A paragraph that says TEXT as an alert.
  const alertOf = (text) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = text;
    return p;
  };

  // Hands ARGS, a call of src/modules/contract.rs ([entry, host, ...]), to module NAME
  // once it has loaded, with the whole ladder (but for the import module, which reads
  // none of it): the module's answer. When either cannot load, the call's host says
  // so, in place of its loading message, and the answer is undefined.
  window.rungsCall = (name, args) => Promise.all([
    window.rungsModule(name),
    name === 'import' || window.rungsLadderLoad('all'),
  ]).then(
    ([door]) => door(args),
    () => {
      const host = args[1];
      if (!host) return undefined;
      host.querySelectorAll('[role=status], [role=alert]').forEach((e) => e.remove());
      host.append(alertOf('This part of Rungs did not load. Check your connection and reload the page.'));
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
