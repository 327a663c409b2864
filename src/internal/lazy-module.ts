/**
 * A module loaded on first use, which a later call can still load after a try that failed.
 *
 * A browser keeps a failed dynamic import in its module map for the life of the page (Chromium 150
 * does, as the HTML standard still says: whatwg/html#6768), so `import()` of the same address fails
 * again at once, without asking the server, even once the server is back. So after a failure the
 * next call imports the address the failure names (Chromium and Firefox write it in the error's
 * message) with a query of its own: a new address, which the browser fetches. Where a browser
 * names none, it imports the module again as it was.
 *
 * `load` is the plain `() => import('./x.js')`, so every bundler still sees the module and makes
 * it a chunk of its own. That chunk must import no other lazily loaded chunk: a failed one would
 * stay failed under the chunk's new address.
 */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  /** The module's address, without query or fragment, once a failure named it. */
  let address = '';
  let attempt = 0;
  return () =>
    (loading ??= (address ? (import(/* @vite-ignore */ /* webpackIgnore: true */ `${address}?retry=${++attempt}`) as Promise<M>) : load()).catch(
      (error: unknown) => {
        loading = undefined;
        address ||= /\bhttps?:\/\/[^\s?#]+/.exec(String(error))?.[0] ?? '';
        throw error;
      },
    ));
}
