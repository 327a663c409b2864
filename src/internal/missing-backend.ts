/**
 * What an element says when it finds no backend at all: a site's mistake, so its words load only
 * on a page that makes it (item-controller.ts loads this module then). It imports nothing: a lazy
 * module that imports from the bundle makes the bundle export those names, bytes up front.
 */

let warnedNoBackend = false;

/**
 * One console error per page when an element has no backend at all, naming the fixes. It waits
 * for the page to load, since a page may set its default backend after the elements render:
 * `found` tells whether the page has one by then.
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
    });
  if (document.readyState === 'complete') report();
  else window.addEventListener('load', report, { once: true });
}
