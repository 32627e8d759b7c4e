// Loads the share module on first use: a second wasm file (src/ui/shared) that makes
// and reads share links, kept out of the first load. The build names it in
// <meta name="rungs-share"> (scripts/precache.mjs). window.rungsShare() resolves to
// the module's entry points, loading it once; a failed load may be tried again.
(() => {
  let loading = null;
  async function load() {
    const meta = document.querySelector('meta[name="rungs-share"]');
    if (!meta) throw new Error('this build has no share module');
    const module = await import(new URL(meta.content, document.baseURI).href);
    await module.default();
    return window.rungsShareApi;
  }
  window.rungsShare = () => {
    if (!loading) {
      loading = load().catch((e) => {
        loading = null;
        throw e;
      });
    }
    return loading;
  };
})();
