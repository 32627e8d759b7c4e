// Loads the extra module on first use: a second wasm file (src/ui/extra) that makes
// and reads share links, kept out of the first load. The build names it in
// <meta name="rungs-extra"> (scripts/precache.mjs). window.rungsExtra() resolves to
// the module's entry points, loading it once; a failed load may be tried again.
(() => {
  let loading = null;
  async function load() {
    const meta = document.querySelector('meta[name="rungs-extra"]');
    if (!meta) throw new Error('this build has no extra module');
    const module = await import(new URL(meta.content, document.baseURI).href);
    await module.default();
    return window.rungsExtraApi;
  }
  window.rungsExtra = () => {
    if (!loading) {
      loading = load().catch((e) => {
        loading = null;
        throw e;
      });
    }
    return loading;
  };
})();
