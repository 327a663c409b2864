// The real reference server for Node-side tests: its CLI as a child process on a free port (or the
// port it had, to restart it under a page), stopped by its own PID with SIGTERM.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;

/**
 * Starts `article-widgets-server` with `args` (plus --host 127.0.0.1 --port `port` --log silent).
 * @returns {Promise<{ port: number, url: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void> }>}
 */
export async function startReferenceServer(args, { port = 0 } = {}) {
  const child = spawn(process.execPath, [join(repo, 'server/bin/article-widgets-server.js'), '--port', String(port), '--host', '127.0.0.1', '--log', 'silent', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listening = await new Promise((resolve, reject) => {
    child.stdout.on('data', (data) => {
      out += data;
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.stderr.on('data', (data) => (out += data));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    port: listening,
    url: `http://127.0.0.1:${listening}`,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
