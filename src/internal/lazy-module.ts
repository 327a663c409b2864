/**
 * A module loaded on first use, which a later call can still load after a try that failed.
 *
 * A browser keeps a failed dynamic import in its module map for the life of the page (Chromium 150
 * does, as the HTML standard still says: whatwg/html#6768), so `import()` of the same address fails
 * again at once, without asking the server, even once the server is back. So after a failure the
 * module is loaded from the address the failure names (Chromium and Firefox write it in the
 * error's message) with a query of its own: a new address, which the browser fetches. Where a
 * browser names none, the next call imports the module again as it was. Calls share one load while
 * it runs, and the module once it is here.
 *
 * `load` is the plain `() => import('./x.js')`, so every bundler still sees the module and makes
 * it a chunk of its own. That chunk must not import another lazily loaded chunk statically: a failed
 * one would stay failed under the chunk's new address. A chunk may load another with a loader of
 * this module's (it lives in the up-front code), best held by the up-front code and handed in.
 */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      // The module's own address, without the query of an earlier retry.
      const address = /https?:\/\/[^\s?#]+/.exec(String(error));
      // The time makes each try's address one the browser has not tried (a try in the same
      // millisecond as a failed one fails at once, and the next gets a new address).
      if (address) load = () => import(/* @vite-ignore */ /* webpackIgnore: true */ `${address[0]}?retry=${Date.now()}`) as Promise<M>;
      throw error;
    }));
}
