// The demo serving of `npm start`: folders under prefixes, the API meta put into HTML pages,
// nothing outside the folders reachable.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { request } from 'node:http';
import { repoRoot, startServer } from './helpers.js';

/** A raw GET, so paths like /demo/../package.json reach the server unnormalised. */
function rawGet(base, path) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on('error', reject).end();
  });
}

describe('static demo files', () => {
  let s;
  before(async () => (s = await startServer({ staticRoots: [{ prefix: '/demo', dir: join(repoRoot, 'demo') }, { prefix: '/dist', dir: join(repoRoot, 'server/test/fixtures') }] })));
  after(() => s.close());

  it('redirects / to the first folder and serves its index with the API meta added once', async () => {
    const root = await rawGet(s.url, '/');
    assert.equal(root.status, 302);
    assert.equal(root.headers.location, '/demo/');
    const page = await rawGet(s.url, '/demo/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.equal(page.body.match(/<meta name="article-widgets:api" content="\/api"/g)?.length, 1);
    const ru = await rawGet(s.url, '/demo/ru.html');
    assert.match(ru.body, /<meta name="article-widgets:api" content="\/api"/);
    assert.equal((await rawGet(s.url, '/demo/data/widgets.json')).status, 200);
  });

  it('never serves a file outside its folders', async () => {
    for (const path of ['/demo/../package.json', '/demo/%2e%2e/package.json', '/demo/..%2fpackage.json', '/dist/../../package.json', '/demo/%00', '/package.json', '/server/src/app.js', '/demo/missing.html']) {
      const r = await rawGet(s.url, path);
      assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /"workspaces"|buildApp/, path);
    }
  });

  it('leaves the API alone', async () => {
    assert.equal((await s.api('GET', '/api/health')).status, 200);
  });
});
