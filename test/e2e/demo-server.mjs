// The demo as the end-to-end tests serve it: the real reference server's CLI on a temp SQLite file
// seeded with the demo data, serving the demo page and dist/ too, so a test can stop the server
// under a loaded page and start it again on the same port and database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../reference-server.mjs';

const repo = new URL('../..', import.meta.url).pathname;

/** A demo server of its own (its temp folder named `prefix…`), not started yet. */
export function demoServer(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let port = 0;
  let server;
  return {
    /** Whether it runs now (a test that failed may have left it stopped). */
    get running() {
      return server !== undefined;
    },
    /** Its origin, the same across restarts. */
    base: () => `http://127.0.0.1:${port}`,
    /** Starts the real CLI (again on the same port and database after a stop). */
    async start() {
      server = await startReferenceServer(
        ['--db', join(dir, 'widgets.sqlite'), '--seed', join(repo, 'demo/data/widgets.json'), '--static', `/demo=${join(repo, 'demo')},/dist=${join(repo, 'dist')}`, '--rate-limit', '0'],
        { port },
      );
      port = server.port;
    },
    async stop() {
      const running = server;
      server = undefined;
      await running?.stop();
    },
    /** Stops it and deletes its database. */
    async close() {
      await this.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
