// The demo serving of `npm start`: folders under prefixes, the API meta put into HTML pages,
// nothing outside the folders reachable.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { killSpawned, repoRoot, spawnCli, startServer, tempDir } from './helpers.js';

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

describe('static files that must never be served', () => {
  const temp = tempDir();
  const site = join(temp.dir, 'site');
  const outside = join(temp.dir, 'outside');
  let s;
  before(async () => {
    mkdirSync(join(site, 'sub'), { recursive: true });
    mkdirSync(join(site, '.git'));
    mkdirSync(outside);
    writeFileSync(join(site, 'page.html'), '<html><head></head><body>page</body></html>');
    writeFileSync(join(site, 'sub', 'index.html'), '<html><head></head><body>sub</body></html>');
    writeFileSync(join(outside, 'secret.txt'), 'OUTSIDE-SECRET');
    writeFileSync(join(site, '.env'), 'DOTFILE-SECRET');
    writeFileSync(join(site, '.git', 'config'), 'DOTFILE-SECRET');
    for (const name of ['widgets.sqlite', 'widgets.sqlite-wal', 'widgets.sqlite-shm', 'widgets.sqlite-journal', 'votes.db', 'old.sqlite3', 'sub/copy.SQLITE']) {
      writeFileSync(join(site, name), 'SQLite format 3 DATABASE-SECRET');
    }
    symlinkSync('/etc/passwd', join(site, 'passwd.txt'));
    symlinkSync(outside, join(site, 'out'));
    symlinkSync(join(outside, 'secret.txt'), join(site, 'secret.html'));
    symlinkSync(join(site, '.env'), join(site, 'env.txt'));
    symlinkSync(join(site, 'widgets.sqlite'), join(site, 'data.json'));
    symlinkSync(join(site, 'page.html'), join(site, 'alias.html'));
    s = await startServer({ staticRoots: [{ prefix: '/s', dir: site }] });
  });
  after(async () => {
    await s.close();
    temp.remove();
  });

  it('serves what is inside, a symlink to a file inside too', async () => {
    for (const path of ['/s/page.html', '/s/sub/', '/s/alias.html']) {
      const r = await rawGet(s.url, path);
      assert.equal(r.status, 200, path);
    }
  });

  it('refuses every escape: symlinks out, dotfiles, database files, encoded traversal', async () => {
    const escapes = [
      '/s/passwd.txt', '/s/out/secret.txt', '/s/out/', '/s/secret.html', '/s/env.txt', '/s/data.json',
      '/s/.env', '/s/.git/config', '/s/%2eenv', '/s/.%65nv', '/s/sub/../.env', '/s/sub/..%2f.env', '/s/sub/%2e%2e/.env',
      '/s/widgets.sqlite', '/s/widgets.sqlite-wal', '/s/widgets.sqlite-shm', '/s/widgets.sqlite-journal', '/s/votes.db',
      '/s/old.sqlite3', '/s/sub/copy.SQLITE', '/s/widgets%2esqlite',
      '/s/%2e%2e/outside/secret.txt', '/s/..%2foutside%2fsecret.txt', '/s/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/s/%252e%252e/outside/secret.txt', '/s/..\\outside\\secret.txt', '/s//etc/passwd', '/s/%00.html', '/s/page.html%00.txt',
    ];
    for (const path of escapes) {
      const r = await rawGet(s.url, path);
      assert.ok(r.status === 404 || r.status === 400, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /SECRET|root:x:0/, path);
    }
  });
});

describe('the database under a static folder', () => {
  const temp = tempDir();
  after(() => {
    killSpawned();
    temp.remove();
  });

  it('stops the server from starting, naming both', async () => {
    mkdirSync(join(temp.dir, 'public'));
    symlinkSync(join(temp.dir, 'public'), join(temp.dir, 'www'));
    const cases = [
      [join(temp.dir, 'public'), join(temp.dir, 'public', 'widgets.sqlite')],
      [join(temp.dir, 'public'), join(temp.dir, 'public', 'data', 'new', 'widgets.sqlite')],
      [join(temp.dir, 'www'), join(temp.dir, 'public', 'widgets.sqlite')],
      [join(temp.dir, 'public'), join(temp.dir, 'www', 'widgets.sqlite')],
    ];
    for (const [dir, db] of cases) {
      const r = spawnCli(['--port', '0', '--db', db, '--static', `/demo=${dir}`]);
      const error = await r.ready.catch((e) => e);
      assert.equal(error.code, 1, `${db} in ${dir}`);
      assert.match(error.err, /--db .* lies inside the static folder .*, which would serve it/);
    }
    const missing = spawnCli(['--port', '0', '--db', join(temp.dir, 'w.sqlite'), '--static', `/demo=${join(temp.dir, 'nowhere')}`]);
    assert.match((await missing.ready.catch((e) => e)).err, /--static \/demo=.*nowhere: no such folder/);
  });
});
