/**
 * What an element says when it finds no backend at all: a site's mistake, so its words load only
 * on a page that makes it (item-controller.ts loads this module then). It imports nothing: a lazy
 * module that imports from the bundle makes the bundle export those names, bytes up front.
 */

let warnedNoBackend = false;

/**
 * How long after the page's load event a page may still set its backend before it is told it has
 * none. The load event does not wait for a module script's top-level `await`, so a page that
 * fetches its data and then sets a backend (the demo on a static server does) sets it just after.
 */
const GRACE_MS = 1000;

/**
 * One console error per page when an element has no backend at all, naming the fixes. It waits
 * for the page to load and a moment more, since a page may set its default backend after the
 * elements render: `found` tells whether the page has one by then.
 */
export function reportMissingBackend(tag: string, found: () => boolean): void {
  if (warnedNoBackend) return;
  warnedNoBackend = true;
  const report = () =>
    setTimeout(() => {
      if (found()) return;
      console.error(
        `article-widgets: <${tag}> has no backend. Set element.backend, an api="URL" attribute, ` +
          `setDefaultBackend(backend) or <meta name="article-widgets:api" content="URL">.`,
      );
    }, GRACE_MS);
  if (document.readyState === 'complete') report();
  else window.addEventListener('load', report, { once: true });
}
