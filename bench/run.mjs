// npm run bench: the widgets' bytes and speed, each figure beside its target, with Shoelace's
// <sl-rating> measured in the same run. Sizes are exact; times come from headless Chromium on this
// machine, so each is the median of several interleaved rounds (ours and Shoelace's alternate in
// every round, each on a fresh page), printed with the spread. `npm test` enforces only the sizes
// (scripts/check-size.mjs); nothing here fails a build.
//
//   npm run bench                      # everything, 5 rounds
//   npm run bench -- --rounds 9        # more rounds on a noisy machine
//   npm run bench -- --only sizes      # sizes | mount | layout-shift | vote
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/e2e/chromium.mjs';
import { KB, brotli, bundles, gzip } from '../scripts/bundle-sizes.mjs';
import { findChrome } from '../scripts/find-chrome.mjs';
import { serve, slowProxy } from './serve.mjs';

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
const ROUNDS = Number(options.rounds);
const repo = resolve(dirname(new URL(import.meta.url).pathname), '..');
process.env.CHROME_PATH ??= findChrome();

const results = [];
/** Prints a figure beside its target and keeps it for the summary. */
function report(name, figure, target, pass) {
  const verdict = pass === undefined ? '    ' : pass ? 'PASS' : 'FAIL';
  results.push({ name, verdict });
  console.log(`${verdict}  ${name}: ${figure}${target ? `  (target: ${target})` : ''}`);
}
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values, unit = ' ms', digits = 0) => `${Math.min(...values).toFixed(digits)}-${Math.max(...values).toFixed(digits)}${unit}`;
const section = (title) => console.log(`\n== ${title}`);

// ---------------------------------------------------------------------------------------------
async function sizes() {
  section('Bytes (minified; gzip -9 / brotli -q 11)');
  for (const bundle of bundles) {
    const { upFront, lazy } = await bundle.build();
    const size = gzip(upFront);
    const target = bundle.goal ?? bundle.ceiling;
    report(`${bundle.name}, up front`, `${kb(size)} / ${kb(brotli(upFront))}`, `${bundle.goal ? 'the goal' : 'today\'s ceiling'}: at most ${kb(target)} gzip`, size <= target);
    for (const chunk of lazy) {
      const what = chunk.modules.filter((id) => !id.includes('node_modules')).map((id) => id.replace(/.*\/src\//, '')).join(', ');
      report(`  on first use: ${chunk.name.replace(/-[\w-]{8}\.js$/, '')}`, `${kb(gzip(chunk.code))} / ${kb(brotli(chunk.code))} (${what})`);
    }
  }
  // Shoelace's rating as its CDN build ships it: the component and every chunk it imports, and the theme it needs.
  const cdn = join(repo, 'node_modules/@shoelace-style/shoelace/cdn');
  const files = new Set([join(cdn, 'components/rating/rating.js')]);
  for (const file of files) {
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*"(\.[^"]+)"/g)) files.add(resolve(dirname(file), path));
  }
  const shoelace = [...files].map((file) => readFileSync(file, 'utf8')).join('\n');
  const theme = readFileSync(join(cdn, 'themes/light.css'), 'utf8');
  report('for scale: Shoelace <sl-rating> (CDN build)', `${kb(gzip(shoelace))} / ${kb(brotli(shoelace))}; with its light theme ${kb(gzip(shoelace + theme))} gzip`);
}

// ---------------------------------------------------------------------------------------------
/** Runs `measure(page)` on a fresh page of bench/pages/mount.html with `widget`'s code loaded (`&define=no`: none). */
async function onMountPage(browser, origin, widget, measure, query = '') {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${origin}/bench/pages/mount.html?widget=${widget}${query}`);
    await page.waitForFunction(() => window.ready);
    return await measure(page);
  } finally {
    await context.close();
  }
}

/** One mount on a fresh page: time to every element rendered and painted, heap kept, long tasks. */
function mountOnce(browser, origin, widget, count) {
  return onMountPage(browser, origin, widget, async (page) => {
    await page.evaluate(() => window.gc());
    const before = (await page.metrics()).JSHeapUsedSize;
    const result = await page.evaluate((n) => window.mount(n), count);
    await page.evaluate(() => window.gc());
    const heap = (await page.metrics()).JSHeapUsedSize - before;
    if (result.rendered !== count) throw new Error(`${widget}: ${result.rendered} of ${count} rendered`);
    return { ...result, heap };
  });
}

/**
 * The main thread's own time (CPU, not wall) of the longest task while `count` widgets mount, and
 * of the task that inserts them (the one that parses their HTML and upgrades them; a listing's
 * first renders wait for the next task), from a Chromium trace. A long task's wall time on a
 * shared machine also counts the time other processes held the CPU; its thread time is what the
 * page itself costs. Traced apart from the timed rounds: tracing slows a page a little. With
 * `query` `&define=no` the same HTML is inserted with no element defined: the page's own part.
 */
function tracedTasks(browser, origin, widget, count, query = '') {
  return onMountPage(
    browser,
    origin,
    widget,
    async (page) => {
      await page.tracing.start({ categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      await page.evaluate((n) => window.mount(n), count);
      const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
      // The page's main thread: the renderer's that parsed the widgets' HTML.
      const parse = events.find((e) => e.name === 'ParseHTML');
      const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid);
      const insertion = tasks.find((task) => task.ts <= parse.ts && task.ts + task.dur >= parse.ts);
      return { longest: Math.max(...tasks.map((task) => task.tdur / 1000)), insertion: insertion.tdur / 1000 };
    },
    query,
  );
}

async function mount(browser, origin) {
  // The machine may be shared: its load, before and after, says how far the wall times can be trusted.
  const load = () => loadavg().map((figure) => figure.toFixed(1)).join(' ');
  section(`Mount (${ROUNDS} interleaved rounds, fresh page each, medians; unthrottled CPU; load average ${load()})`);
  const runs = { 'article-rating': [], 'sl-rating': [], 'opinion-poll': [], 'share-bar': [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Ours and Shoelace's alternate which goes first, so neither always meets the machine warmer.
    const ratings = round % 2 ? ['sl-rating', 'article-rating'] : ['article-rating', 'sl-rating'];
    for (const widget of ratings) runs[widget].push(await mountOnce(browser, origin, widget, 1000));
    for (const widget of ['opinion-poll', 'share-bar']) {
      runs[widget].push(await mountOnce(browser, origin, widget, 200));
      runs[widget].at(-1).traced = await tracedTasks(browser, origin, widget, 200);
      runs[widget].at(-1).pageOwn = await tracedTasks(browser, origin, widget, 200, '&define=no');
    }
    process.stdout.write(`  round ${round + 1}/${ROUNDS} done\r`);
  }
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  const ours = runs['article-rating'];
  const theirs = runs['sl-rating'];
  const ratios = ours.map((run, i) => run.time / theirs[i].time);
  report('1,000 readonly <article-rating> (4.5, figures in attributes)', `${median(ours.map((r) => r.time)).toFixed(0)} ms (${spread(ours.map((r) => r.time))}), heap ${mb(median(ours.map((r) => r.heap)))}`);
  report('1,000 Shoelace <sl-rating readonly value="4.5">, same run', `${median(theirs.map((r) => r.time)).toFixed(0)} ms (${spread(theirs.map((r) => r.time))}), heap ${mb(median(theirs.map((r) => r.heap)))}`);
  report('  ratio ours / Shoelace (median of the rounds\' ratios)', `${median(ratios).toFixed(2)} (${spread(ratios, '', 2)})`, 'at most 0.60', median(ratios) <= 0.6);
  for (const [widget, label] of [['opinion-poll', '200 <opinion-poll> (light DOM)'], ['share-bar', '200 <share-bar>']]) {
    const list = runs[widget];
    const longest = list.map((r) => Math.max(0, ...r.longTasks));
    report(`${label}`, `${median(list.map((r) => r.time)).toFixed(0)} ms (${spread(list.map((r) => r.time))}), heap ${mb(median(list.map((r) => r.heap)))}`);
    report(`  its longest task (median of the rounds' longest)`, `${median(longest).toFixed(0)} ms (${spread(longest)}); tasks over 50 ms per mount: ${median(list.map((r) => r.longTasks.length))}`, 'no task over 50 ms', median(longest) <= 50);
    const cpu = list.map((r) => r.traced.longest);
    report(`  its longest task's own main-thread time (traced; without the machine's other load)`, `${median(cpu).toFixed(0)} ms (${spread(cpu)})`, 'no task over 50 ms', median(cpu) <= 50);
    const insertion = list.map((r) => r.traced.insertion);
    const pageOwn = list.map((r) => r.pageOwn.insertion);
    report(
      `  the task that inserts them, traced: ours and the page's / the page's own (the same HTML, nothing defined)`,
      `${median(insertion).toFixed(0)} ms (${spread(insertion)}) / ${median(pageOwn).toFixed(0)} ms (${spread(pageOwn)}); the page's own longest task ${median(list.map((r) => r.pageOwn.longest)).toFixed(0)} ms`,
    );
  }
  console.log(`  (load average after the rounds: ${load()})`);
  const ratingLongest = ours.map((r) => Math.max(0, ...r.longTasks));
  report('  for scale: 1,000 ratings\' longest task', `${median(ratingLongest).toFixed(0)} ms; Shoelace's ${median(theirs.map((r) => Math.max(0, ...r.longTasks))).toFixed(0)} ms`);
}

// ---------------------------------------------------------------------------------------------
/** The reference server on a free port with a fresh database seeded with the demo's data, serving the demo. */
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'aw-bench-'));
  const child = spawn(process.execPath, [
    join(repo, 'server/bin/article-widgets-server.js'), '--port', '0', '--host', '127.0.0.1', '--db', join(dir, 'widgets.sqlite'),
    '--seed', join(repo, 'demo/data/widgets.json'), '--static', `/demo=${join(repo, 'demo')},/dist=${join(repo, 'dist')}`,
    '--rate-limit', '0', '--log', 'silent',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Never outlive the bench, even one that fails half way.
  process.on('exit', () => child.kill('SIGTERM'));
  let out = '';
  const origin = await new Promise((resolveOrigin, reject) => {
    child.stdout.on('data', (data) => {
      out += data;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolveOrigin(match[1]);
    });
    child.stderr.on('data', (data) => (out += data));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return {
    origin,
    stop: async () => {
      if (child.exitCode === null) await new Promise((done) => child.once('exit', done).kill('SIGTERM'));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SLOW_MS = 1500;

async function layoutShift(browser, slow) {
  section(`Layout shift: the demo article page, every API answer held ${SLOW_MS} ms`);
  const whileLoading = [];
  const whole = [];
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    // Every shift of the page's life, and when the first answer of the backend arrived.
    await page.evaluateOnNewDocument(() => {
      window.shifts = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => !entry.hadRecentInput && window.shifts.push([entry.startTime, entry.value]))).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => entry.name.includes('/api/') && (window.firstAnswer ??= entry.responseEnd))).observe({ type: 'resource', buffered: true });
    });
    await page.goto(`${slow.origin}/demo/`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.firstAnswer && [...document.querySelectorAll('article-rating')].every((el) => el.shadowRoot?.querySelector('[role="slider"]')), { timeout: 30000 });
    // Every answer is in, and shown.
    await new Promise((done) => setTimeout(done, SLOW_MS + 1000));
    const { shifts, firstAnswer } = await page.evaluate(() => ({ shifts: window.shifts, firstAnswer: window.firstAnswer }));
    whole.push(shifts.reduce((sum, [, value]) => sum + value, 0));
    whileLoading.push(shifts.filter(([time]) => time >= firstAnswer).reduce((sum, [, value]) => sum + value, 0));
    await context.close();
  }
  report('CLS as the backend\'s figures arrive', `${median(whileLoading).toFixed(3)} (${spread(whileLoading, '', 3)})`, '0 (nothing moves)', median(whileLoading) <= 0.0005);
  report('  for scale: CLS of the page\'s whole load, the widgets\' upgrade included', `${median(whole).toFixed(3)} (${spread(whole, '', 3)})`);
}

// ---------------------------------------------------------------------------------------------
/** A reader's first vote on the demo page (a fresh browser each time), the server slow to answer. */
async function voteOnce(browser, slow, how) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(`${slow.origin}/demo/`, { waitUntil: 'load' });
    const rating = await page.waitForFunction(() => {
      const el = document.querySelector('article-rating');
      return el.shadowRoot?.querySelector('[role="slider"]:not([aria-readonly])') && el;
    }, { timeout: 30000 });
    // From the event's timestamp to the first frame after it: was the vote on screen in that frame?
    await page.evaluate((type) => {
      const rating = document.querySelector('article-rating');
      const summary = () => rating.shadowRoot.querySelector('[part="summary"]').textContent;
      const before = summary();
      addEventListener(type, (event) => {
        if (type === 'keydown' && event.key !== 'Enter') return;
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const shown = summary() !== before && !!rating.shadowRoot.querySelector('[part="yours"]');
          // A task after the frame's rendering: the frame is painted.
          setTimeout(() => (window.votePainted = { ms: performance.now() - start, shown }));
        });
      }, { capture: true });
    }, how === 'click' ? 'click' : 'keydown');
    if (how === 'click') {
      const star = await rating.evaluateHandle((el) => el.shadowRoot.querySelector('[data-value="4"]'));
      const box = await star.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    } else {
      await rating.evaluate((el) => el.shadowRoot.querySelector('[role="slider"]').focus());
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
    }
    return await (await page.waitForFunction(() => window.votePainted)).jsonValue();
  } finally {
    await context.close();
  }
}

async function votePaint(browser, slow) {
  section(`A vote painted: click or Enter to the next frame, the server answering ${SLOW_MS} ms later`);
  for (const how of ['click', 'key']) {
    const samples = [];
    for (let round = 0; round < ROUNDS; round++) samples.push(await voteOnce(browser, slow, how));
    const ms = samples.map((sample) => sample.ms);
    const all = samples.every((sample) => sample.shown);
    report(`${how === 'click' ? 'a click on a star' : 'Enter on a chosen star'} to paint`, `${median(ms).toFixed(0)} ms (${spread(ms)}); the vote in the first frame after it: ${all ? 'every time' : 'NOT every time'}`, 'the vote in the next frame', all);
  }
}

// ---------------------------------------------------------------------------------------------
const only = options.only;
if (!only || only === 'sizes') await sizes();
if (only !== 'sizes') {
  console.log('\nbuilding dist/ (npm run build) ...');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  const files = await serve(repo);
  const server = await startServer();
  const slow = await slowProxy(server.origin, SLOW_MS);
  const browser = await launchChromium(['--js-flags=--expose-gc']);
  try {
    console.log(`Chromium ${(await browser.version()).replace(/^HeadlessChrome\//, '')}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`);
    if (!only || only === 'mount') await mount(browser, files.origin);
    if (!only || only === 'layout-shift') await layoutShift(browser, slow);
    if (!only || only === 'vote') await votePaint(browser, slow);
  } finally {
    await browser.close();
    await slow.close();
    await server.stop();
    await files.close();
  }
}
const failed = results.filter((result) => result.verdict === 'FAIL');
console.log(`\n${results.filter((result) => result.verdict === 'PASS').length} targets met, ${failed.length} not${failed.length ? `: ${failed.map((result) => result.name.trim()).join('; ')}` : ''}`);
