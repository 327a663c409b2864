// A web-test-runner plugin that builds and runs the REAL reference server for browser tests: a temp SQLite
// file seeded with server/test/fixtures/widgets.json (a copy of the demo data), on a free loopback port. Tests drive it with
//   executeServerCommand('aw-server', { action: 'start' | 'stop' | 'restart' })  ->  { url, running, adminToken }
// (the admin token lets a test make the polls it needs).
// A restart keeps the port and the database, so a page's backend URL stays valid across it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;

export function articleWidgetsServerPlugin() {
  let dir;
  let child;
  let port = 0;
  const adminToken = randomBytes(24).toString('base64url');

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
    dir ??= mkdtempSync(join(tmpdir(), 'aw-wtr-'));
    const proc = spawn(process.execPath, [
      join(repo, 'server/bin/article-widgets-server.js'),
      '--port', String(port), '--host', '127.0.0.1', '--db', join(dir, 'widgets.sqlite'),
      '--seed', join(repo, 'server/test/fixtures/widgets.json'), '--allow-origin', '*', '--rate-limit', '0',
      '--static', `/fake-api=${join(repo, 'server/test/fixtures/fake-api')}`, '--log', 'silent',
    ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AW_ADMIN_TOKEN: adminToken } });
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
        reject(new Error(`article-widgets-server exited (${code}): ${out}`));
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
      if (action === 'stop' || action === 'restart') await stop();
      if (action === 'start' || action === 'restart') await start();
      return { url: `http://127.0.0.1:${port}`, running: Boolean(child), adminToken };
    },
    async serverStop() {
      await stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
