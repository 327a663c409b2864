// The server as a site installs it: `npm pack` of this package, the tarball installed into a fresh
// folder of its own, `npx article-widgets-server --db …` started there on a SQLite file and on a
// PostgreSQL database, a vote cast over HTTP and read back, the console served, a clean stop. It proves the tarball holds what the server needs
// and nothing of the repository's (its sources, tests, benchmarks), and that nothing it runs
// reaches outside the installed package.
//
// Cheap on purpose: the pure-JavaScript dependencies come from npm's cache, and better-sqlite3's
// install script (a compile of SQLite, about 2 minutes here) is skipped in favour of the native
// addon this repository's own install built from the same version for the same Node (checked).
// AW_PACKAGE_TEST_COMPILE=1 runs the install scripts instead, as a site's npm install does.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { key, newDatabase, root, voter } from './helpers.js';

const site = mkdtempSync(join(tmpdir(), 'aw-server-package-'));
const running = new Set();
after(() => {
  for (const child of running) process.kill(-child.pid, 'SIGKILL');
  rmSync(site, { recursive: true, force: true });
});

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `npm pack` of the built package (npm test builds it first; --ignore-scripts: no second build). */
function pack() {
  assert.ok(existsSync(join(root, 'dist/server/src/cli.js')), 'build the server first: npm run build -w server');
  assert.ok(existsSync(join(root, 'console/index.html')), 'build the console first: npm run build:console (at the top of the repository)');
  const [report] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', site], root));
  return { tarball: join(site, report.filename), files: report.files.map((f) => f.path) };
}

/**
 * Starts `npx article-widgets-server ARGS` in the site's folder, in a process group of its own (npx
 * runs the server as its child): resolves with its URL once it listens.
 */
function npx(args) {
  const child = spawn('npx', ['--no-install', 'article-widgets-server', ...args], { cwd: site, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  // 'close': npx and the server it runs have both ended (each held the output pipes).
  const exited = new Promise((resolve) => child.once('close', (code, signal) => {
    running.delete(child);
    resolve({ code, signal });
  }));
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    exited.then(({ code }) => reject(new Error(`npx article-widgets-server exited with ${code}:\n${output}`)));
  });
  ready.catch(() => {});
  return { ready, exited, output: () => output, stop: () => process.kill(-child.pid, 'SIGTERM') };
}

/** Runs the installed server on `db` (a SQLite file or a PostgreSQL URL): a vote, its read, the console, a clean stop. */
async function servesVotes(db) {
  const server = npx(['--port', '0', '--db', db, '--log', 'warn']);
  const url = await server.ready;
  const voterId = voter();
  const cast = await fetch(`${url}/api/ratings/installed/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key() },
    body: JSON.stringify({ rating: 4, voterId }),
  });
  assert.equal(cast.status, 200);
  assert.deepEqual((await cast.json()).summary, { articleId: 'installed', votes: 1, average: 4 });
  assert.deepEqual(await (await fetch(`${url}/api/ratings/installed`)).json(), { articleId: 'installed', votes: 1, average: 4 });
  assert.equal((await (await fetch(`${url}/api/openapi.json`)).json()).openapi, '3.1.0');
  const consolePage = await fetch(`${url}/admin/`);
  assert.equal(consolePage.status, 200);
  assert.match(await consolePage.text(), /<script type="module"[^>]* src="\/admin\/assets\//);

  server.stop(); // SIGTERM to npx and the server, as a terminal's Ctrl-C or a service manager sends it
  await server.exited;
  assert.match(server.output(), /stopped, database closed/);
}

describe('the server package', () => {
  let packed;

  it('packs the build, the console, openapi.json, the README and the licence: no sources, tests or benchmarks', () => {
    packed = pack();
    const { files } = packed;
    const needs = [
      'bin/article-widgets-server.js', 'dist/server/src/cli.js', 'dist/server/src/app.js', 'dist/src/contract/voting.js',
      'dist/server/src/storage/migrations.js', 'dist/server/src/storage/sqlite-migrations.js', 'dist/server/src/storage/sqlite-writer-thread.js',
      'dist/server/src/storage/postgres/postgres.js', 'dist/server/src/storage/postgres/migrations.js',
      'console/index.html', 'openapi.json', 'README.md', 'LICENSE', 'package.json',
    ];
    for (const needed of needs) {
      assert.ok(files.includes(needed), `${needed} is in the tarball`);
    }
    assert.ok(files.some((f) => /^console\/assets\/.+\.js$/.test(f)), "the console's script");
    const stray = files.filter((f) => /(^|\/)(test|bench|scripts)\/|\.ts$|\.map$|tsbuildinfo|^src\//.test(f));
    assert.deepEqual(stray, []);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined, 'publishable');
    assert.equal(manifest.bin['article-widgets-server'], './bin/article-widgets-server.js');
    assert.ok(manifest.dependencies.pg && manifest.dependencies['better-sqlite3'], 'both engines\' drivers are dependencies');
  });

  it('installs from the tarball in a fresh folder, and `npx article-widgets-server --db …` serves votes', async () => {
    writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'a-site', private: true }));
    const compile = process.env.AW_PACKAGE_TEST_COMPILE === '1';
    run('npm', ['install', packed.tarball, '--prefer-offline', '--no-audit', '--no-fund', ...(compile ? [] : ['--ignore-scripts'])], site);
    const installed = join(site, 'node_modules/article-widgets-server');
    if (!compile) {
      // better-sqlite3's addon as its install script would build it: the one built by this repository's install.
      const ours = createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json');
      const theirs = createRequire(join(installed, 'package.json')).resolve('better-sqlite3/package.json');
      assert.equal(JSON.parse(readFileSync(theirs, 'utf8')).version, JSON.parse(readFileSync(ours, 'utf8')).version);
      cpSync(join(ours, '../build/Release/better_sqlite3.node'), join(theirs, '../build/Release/better_sqlite3.node'));
    }
    assert.ok(existsSync(join(site, 'node_modules/.bin/article-widgets-server')), 'npm linked the bin');

    const help = run('npx', ['--no-install', 'article-widgets-server', '--help'], site);
    assert.match(help, /Usage: article-widgets-server/);

    await servesVotes(join(site, 'data/widgets.sqlite'));
    assert.ok(existsSync(join(site, 'data/widgets.sqlite')), 'the database is where --db said');
  });

  it('serves votes on PostgreSQL too: the migrations and pg come with the package', async () => {
    assert.ok(packed && existsSync(join(site, 'node_modules/article-widgets-server')), 'installed by the test before');
    const { db, remove } = await newDatabase('postgres');
    try {
      await servesVotes(db);
    } finally {
      await remove();
    }
  });
});
