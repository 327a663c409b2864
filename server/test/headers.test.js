// Security headers on every kind of reply: API success and errors, the CORS preflight, the demo's
// pages (a CSP with frame-ancestors) and its scripts. The demo under that CSP in Chromium is
// checked by test/e2e (no violation while readers vote).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PAGE_CSP, RESOURCE_CSP } from '../dist/server/src/security-headers.js';
import { ARTICLE, repoRoot, startServer, vote } from './helpers.js';

const SITE = 'https://news.example.org';

/** Every header each reply must have, whatever it is. */
function assertHardened(headers, what, { csp, corp }) {
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', what);
  assert.equal(headers.get('content-security-policy'), csp, what);
  assert.equal(headers.get('cross-origin-resource-policy'), corp, what);
}

describe('security headers', () => {
  let open;
  let closed;
  before(async () => {
    const staticRoots = [{ prefix: '/demo', dir: join(repoRoot, 'demo') }];
    open = await startServer({ allowOrigins: [SITE], staticRoots });
    closed = await startServer({ staticRoots });
  });
  after(async () => {
    await open.close();
    await closed.close();
  });

  it('on API replies: cross-origin resources where sites may use the API, same-origin where none may', async () => {
    for (const [s, corp] of [[open, 'cross-origin'], [closed, 'same-origin']]) {
      const replies = {
        read: await s.api('GET', `/api/ratings/${ARTICLE}`, { headers: { origin: SITE } }),
        vote: await vote(s.api, 'h1', 5),
        'bad request': await s.api('GET', '/api/ratings/%3Cscript%3E'),
        'unknown route': await s.api('GET', '/api/nothing'),
        'bad URL': await s.api('GET', '/api/ratings/%E0%A4%A'),
      };
      for (const [what, r] of Object.entries(replies)) assertHardened(r.headers, `${what} (${corp})`, { csp: RESOURCE_CSP, corp });
    }
    const preflight = await fetch(`${open.url}/api/ratings/h1/votes`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    assertHardened(preflight.headers, 'preflight', { csp: RESOURCE_CSP, corp: 'cross-origin' });
  });

  it('on the demo\'s pages: a CSP that forbids framing and anything not from this server', async () => {
    const page = await fetch(`${open.url}/demo/`);
    assert.match(page.headers.get('content-type'), /^text\/html/);
    assertHardened(page.headers, 'page', { csp: PAGE_CSP, corp: 'same-origin' });
    assert.match(PAGE_CSP, /frame-ancestors 'none'/);
    assert.doesNotMatch(PAGE_CSP, /unsafe-inline|unsafe-eval/);
    const script = await fetch(`${open.url}/demo/demo.js`);
    assertHardened(script.headers, 'script', { csp: RESOURCE_CSP, corp: 'same-origin' });
    const missing = await fetch(`${open.url}/demo/nothing.html`);
    assertHardened(missing.headers, 'missing file', { csp: RESOURCE_CSP, corp: 'same-origin' });
  });
});
