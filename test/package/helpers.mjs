// What the package tests share: the package as npm publishes it (npm pack), installed into an app
// folder of its own as a site would install it; the real reference server; the system Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const repo = new URL('../..', import.meta.url).pathname;
/** The app folder the packed package is installed into, kept between runs while the tarball is the same. */
export const appDir = join(repo, '.tmp/package-app');

const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * `npm pack` of the built package (npm test builds it first; --ignore-scripts so the pack does not
 * build again), and what the tarball holds. The tarball is left in a temp folder.
 */
export function pack() {
  if (!existsSync(join(repo, 'dist/index.js'))) throw new Error('build first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'aw-pack-'));
  const [report] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], repo));
  return { tarball: join(dir, report.filename), files: report.files.map((f) => f.path).sort(), dir };
}

/**
 * An app folder with the packed package installed from its tarball, as `npm install
 * article-widgets` would (its dependency `lit` comes from the registry, or npm's cache).
 */
export function installPackedApp() {
  const { tarball, dir } = pack();
  const sha = createHash('sha256').update(readFileSync(tarball)).digest('hex');
  const stamp = join(appDir, '.tarball-sha256');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== sha) {
    rmSync(appDir, { recursive: true, force: true });
    mkdirSync(appDir, { recursive: true });
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
    run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], appDir);
    writeFileSync(stamp, sha);
  }
  rmSync(dir, { recursive: true, force: true });
  return appDir;
}

/** The reference server's CLI on a free port with a temp database; `stop()` ends it and removes the database. */
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'aw-package-server-'));
  const child = spawn(process.execPath, [
    join(repo, 'server/bin/article-widgets-server.js'), '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'widgets.sqlite'),
    '--seed', join(repo, 'demo/data/widgets.json'), '--rate-limit', '0', '--log', 'silent', ...extraArgs,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'));
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** The system Chromium, headless, with the flags this kind of machine needs (TOOLCHAIN.md). */
export function launchChromium() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The first ```js block after `heading` in the README: the example the README shows. */
export function readmeExample(heading) {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`README has no "${heading}"`);
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`README has no js example after "${heading}"`);
  return block[1];
}
