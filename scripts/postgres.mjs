// A private PostgreSQL for the tests: finds the server's binaries (Debian's postgresql, under
// /usr/lib/postgresql/*/bin), installs them when it can (root with apt-get) or says exactly what
// to install, and runs a throwaway cluster in a temp folder on a free loopback port, never
// touching a system cluster. `npm test` starts one for the whole run (AW_TEST_POSTGRES); a test
// run on its own starts its own. As root the cluster runs as the `postgres` user: PostgreSQL
// refuses to run as root.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN_DIRS = '/usr/lib/postgresql';
const asRoot = process.getuid?.() === 0;

function binariesIn(dir) {
  return dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : undefined;
}

function found() {
  if (process.env.PG_BIN) return binariesIn(process.env.PG_BIN);
  if (!existsSync(BIN_DIRS)) return undefined;
  // The newest major version installed.
  const versions = readdirSync(BIN_DIRS).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => binariesIn(join(BIN_DIRS, v, 'bin'))).find(Boolean);
}

/** The folder holding initdb and pg_ctl; installs Debian's postgresql when root and missing. */
export function findPostgres() {
  const bin = found();
  if (bin) return bin;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (asRoot && apt) {
    console.log('No PostgreSQL found: installing Debian\'s postgresql (apt-get install postgresql)...');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null'], { stdio: 'inherit' });
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'The PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl), and none were found under /usr/lib/postgresql/*/bin.\n' +
      '  Debian/Ubuntu: sudo apt-get install postgresql\n' +
      '  elsewhere: install PostgreSQL 13 or later and set PG_BIN to the folder holding initdb and pg_ctl.',
  );
}

/** A free TCP port on loopback (the cluster binds it a moment later). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The command line of a PostgreSQL tool, as the postgres user when we are root. */
function commandOf(bin, tool, args) {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
}

const failure = (tool, args, status, output) => new Error(`${tool} ${args.join(' ')} failed (${status}):\n${output}`);

/** Runs a PostgreSQL tool and waits for it, blocking: for setup, and for a process's exit. */
function runSync(bin, tool, args) {
  const result = spawnSync(...commandOf(bin, tool, args), { encoding: 'utf8' });
  if (result.status !== 0) throw failure(tool, args, result.status, result.stdout + result.stderr);
}

/** Runs a PostgreSQL tool without blocking: a test's load goes on meanwhile. */
function run(bin, tool, args) {
  return new Promise((resolve, reject) => {
    execFile(...commandOf(bin, tool, args), { encoding: 'utf8' }, (error, stdout, stderr) => (error ? reject(failure(tool, args, error.code, stdout + stderr)) : resolve()));
  });
}

/**
 * Starts a private cluster: trust authentication on 127.0.0.1 only, its socket in its own folder.
 * Resolves to `{ url, port, dir, bin, stop({ immediate }), start(), destroy() }`; `url` is the
 * superuser's connection to the `postgres` database. `destroy` stops it and deletes the folder;
 * it also runs when the process exits, so a failed run leaves no server behind.
 */
export async function startCluster({ settings = {} } = {}) {
  const bin = findPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'aw-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  const data = join(dir, 'data');
  runSync(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const options = [`-h 127.0.0.1 -p ${port} -k ${dir}`, ...Object.entries({ max_connections: 200, ...settings }).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
  const pgCtl = (args) => ['-D', data, '-w', '-t', '60', ...args];
  let running = false;
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    bin,
    async start() {
      await run(bin, 'pg_ctl', pgCtl(['-l', join(dir, 'log'), '-o', options, 'start']));
      running = true;
    },
    /** `immediate`: as a crash (no shutdown checkpoint; recovery replays the WAL at the next start). */
    async stop({ immediate = false } = {}) {
      if (!running) return;
      running = false;
      await run(bin, 'pg_ctl', pgCtl(['-m', immediate ? 'immediate' : 'fast', 'stop']));
    },
    /** Stops the cluster and deletes its folder; blocking, so it also runs as the process exits. */
    destroy() {
      process.off('exit', cluster.destroy);
      try {
        if (running) runSync(bin, 'pg_ctl', pgCtl(['-m', 'fast', 'stop']));
        running = false;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  process.on('exit', cluster.destroy);
  // A run stopped by a signal does not reach 'exit' by itself.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  await cluster.start();
  return cluster;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findPostgres());
