// What the host-page tests (test/host-pages/) need from the test server and the browser driver:
// - hostPagePolicies: serves test/host-pages/*.html?policy=NAME with that Content-Security-Policy
//   header, so one page is tested with and without the policy a strict site sends;
// - the 'aw-screenshot' command: PNG screenshots (base64) of rectangles of the test page, taken by
//   Chromium itself, so a test can compare what a reader sees pixel for pixel. With
//   AW_SCREENSHOTS=DIR in the environment each one is also written to DIR, to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The policies a host page can be served with, by the name its `policy` query parameter gives. */
export const POLICIES = {
  // What a strict site sends: no inline scripts, no inline styles (style="" attributes included).
  'strict-csp': "default-src 'self'; script-src 'self'; style-src 'self'",
  // The same with Trusted Types: only Lit's own policy may turn strings into HTML.
  'trusted-types': "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
};

/** Koa middleware for web-test-runner's `middleware` option. */
export async function hostPagePolicies(context, next) {
  await next();
  const policy = POLICIES[context.query.policy];
  if (policy && context.path.startsWith('/test/host-pages/') && context.path.endsWith('.html')) {
    context.set('Content-Security-Policy', policy);
  }
}

export function hostPagesPlugin() {
  return {
    name: 'article-widgets-host-pages',
    /** payload: { clips: { name: { x, y, width, height } }, saveAs?: string } -> { name: base64 PNG } */
    async executeCommand({ command, payload, session }) {
      // Whether AW_SCREENSHOTS asks for files: a test that takes screenshots only to be looked at skips them otherwise.
      if (command === 'aw-screenshots-wanted') return Boolean(process.env.AW_SCREENSHOTS);
      if (command !== 'aw-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      const shots = {};
      for (const [name, clip] of Object.entries(payload.clips)) {
        shots[name] = await page.screenshot({ clip, encoding: 'base64', captureBeyondViewport: false });
        const dir = process.env.AW_SCREENSHOTS;
        if (dir && payload.saveAs) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(join(dir, `${payload.saveAs}-${name}.png`), Buffer.from(shots[name], 'base64'));
        }
      }
      return shots;
    },
  };
}
