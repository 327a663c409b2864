// `npm test`: every check CI makes, in order, stopping at the first failure. Finds (or installs)
// the system's Chromium, PostgreSQL and the Debian packages some steps run first, so a fresh
// machine needs nothing but this command after npm install. One private PostgreSQL cluster (a
// temp folder, a free loopback port) serves the whole run (AW_TEST_POSTGRES); it is stopped and
// deleted when the run ends, failed or not.
import { spawnSync } from 'node:child_process';
import { findChrome } from './find-chrome.mjs';
import { findPostgres, startCluster } from './postgres.mjs';
import { ensureSystemPackages } from './system-packages.mjs';

ensureSystemPackages();
process.env.CHROME_PATH = findChrome();
console.log(`browser: ${process.env.CHROME_PATH}`);
try {
  findPostgres();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const cluster = await startCluster();
process.env.AW_TEST_POSTGRES = cluster.url;
console.log(`PostgreSQL: ${cluster.bin}, a private cluster at ${cluster.url}`);

const steps = [
  ['types', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['types of the editors\' console', 'npx', ['tsc', '--noEmit', '-p', 'admin']],
  ['types of the server (and the contract as the server compiles it)', 'npx', ['tsc', '--noEmit', '--incremental', 'false', '-p', 'server']],
  ['lint (ESLint with typescript-eslint, type-aware)', 'npx', ['eslint', '.']],
  ['build plugins (the template minifier)', 'node', ['--test', 'test/build/']],
  ['build', 'npm', ['run', 'build', '--silent']],
  ['manifest', 'node', ['scripts/check-manifest.mjs']],
  ['size', 'node', ['scripts/check-size.mjs']],
  ['package (the manifest, npm pack consumers in Chromium and Node, framework typings)', 'node', ['--test', '--test-concurrency=1', '--test-timeout=300000', 'test/package/']],
  ['render helpers (article-widgets/render in Node, the real server)', 'node', ['--test', '--test-timeout=120000', 'test/render/render.test.mjs']],
  ['browser tests (web-test-runner, real Chromium, real server)', 'npx', ['wtr']],
  ['server tests (node --test, real SQLite and PostgreSQL, real HTTP)', 'npm', ['test', '-w', 'server', '--silent']],
  ['durability (server processes under load on one database: exact totals, kill -9, PostgreSQL stopped, a full disk)', 'npm', ['run', 'test:durability', '-w', 'server', '--silent']],
  ['end to end (the demo in Chromium against the real server)', 'node', ['--test', '--test-concurrency=1', '--test-timeout=120000', 'test/e2e/']],
  ['static-site partials (real Eleventy, Hugo and Jekyll builds, the real server)', 'node', ['--test', '--test-timeout=300000', 'test/cms/']],
  ['WordPress plugin (real WordPress, PHP and MariaDB, the real server, Chromium)', 'node', ['--test', '--test-timeout=300000', 'test/wordpress/wordpress.test.mjs']],
];

for (const [name, command, args] of steps) {
  console.log(`\n== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status})`);
    process.exit(status || 1);
  }
  console.log(`== ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
