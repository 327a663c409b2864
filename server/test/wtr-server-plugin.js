// A web-test-runner plugin that builds and runs the REAL reference server for browser tests, on a
// free loopback port, seeded with server/test/fixtures/widgets.json (a copy of the demo data): on
// a temp SQLite file, or (engine 'postgres') on a database of its own on the test PostgreSQL
// cluster (the one `npm test` started, AW_TEST_POSTGRES, else a private one started on first use).
// Tests drive it with
//   executeServerCommand('aw-server', { action: 'start' | 'stop' | 'restart', engine?: 'sqlite' | 'postgres' })
//     ->  { url, running, adminToken }
// (the admin token lets a test make the polls it needs). One server per engine.
// A restart keeps the port and the database, so a page's backend URL stays valid across it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCluster } from '../../scripts/postgres.mjs';

const repo = new URL('../..', import.meta.url).pathname;

/** A new database for the server: a SQLite file, or a database of its own on the test cluster. */
async function newDatabase(engine, cluster) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'aw-wtr-'));
    return { db: join(dir, 'widgets.sqlite'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = await cluster();
  const name = `aw_wtr_${randomBytes(6).toString('hex')}`;
  const query = async (sql) => {
    const client = new pg.Client(admin);
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { db: url.href, remove: () => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** One server on one engine's database, started, stopped and restarted on the same port. */
function managedServer(engine, adminToken, cluster) {
  let database;
  let child;
  let port = 0;

  /** Starts the server; a restart on the old port retries while the port is still being freed. */
  async function start() {
    for (let attempt = 1; ; attempt++) {
      try {
        return await startOnce();
      } catch (error) {
        if (attempt >= 5 || !port) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  async function startOnce() {
    if (child) return;
    database ??= await newDatabase(engine, cluster);
    const proc = spawn(process.execPath, [
      join(repo, 'server/bin/article-widgets-server.js'),
      '--port', String(port), '--host', '127.0.0.1',
      '--seed', join(repo, 'server/test/fixtures/widgets.json'), '--allow-origin', '*', '--rate-limit', '0',
      '--static', `/fake-api=${join(repo, 'server/test/fixtures/fake-api')}`, '--log', 'silent',
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AW_ADMIN_TOKEN: adminToken, AW_DB: database.db } });
    child = proc;
    let out = '';
    await new Promise((resolve, reject) => {
      proc.stdout.on('data', (d) => {
        out += d;
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) {
          port = Number(m[1]);
          resolve();
        }
      });
      proc.stderr.on('data', (d) => (out += d));
      proc.on('exit', (code) => {
        if (child === proc) child = undefined;
        reject(new Error(`article-widgets-server on ${engine} exited (${code}): ${out}`));
      });
    });
  }

  async function stop() {
    const proc = child;
    if (!proc) return;
    child = undefined;
    await new Promise((resolve) => {
      // Graceful shutdown waits for open connections; a browser's may linger on a loaded
      // machine. Tests of the shutdown itself live in server/test; here a bound is enough.
      const hard = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(hard);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  }

  return {
    start,
    stop,
    state: () => ({ url: `http://127.0.0.1:${port}`, running: Boolean(child), adminToken }),
    async remove() {
      await stop();
      await database?.remove();
    },
  };
}

export function articleWidgetsServerPlugin() {
  const adminToken = randomBytes(24).toString('base64url');
  let cluster;
  /** The test cluster's superuser URL, started on first use when `npm test` did not start one. */
  const postgres = async () => process.env.AW_TEST_POSTGRES ?? (await (cluster ??= startCluster())).url;
  const servers = new Map();
  const serverOn = (engine) => {
    if (!servers.has(engine)) servers.set(engine, managedServer(engine, adminToken, postgres));
    return servers.get(engine);
  };

  return {
    name: 'article-widgets-server',
    // The server runs from its build: make it fresh before any test runs (quick when nothing changed).
    async serverStart() {
      await new Promise((resolve, reject) => {
        const build = spawn('npm', ['run', 'build', '--silent', '-w', 'server'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        build.stdout.on('data', (d) => (out += d));
        build.stderr.on('data', (d) => (out += d));
        build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`article-widgets-server did not build:\n${out}`))));
      });
    },
    async executeCommand({ command, payload }) {
      if (command !== 'aw-server') return undefined;
      const action = payload?.action ?? 'start';
      const server = serverOn(payload?.engine ?? 'sqlite');
      if (action === 'stop' || action === 'restart') await server.stop();
      if (action === 'start' || action === 'restart') await server.start();
      return server.state();
    },
    async serverStop() {
      await Promise.all([...servers.values()].map((server) => server.remove()));
      if (cluster) (await cluster).destroy();
    },
  };
}
