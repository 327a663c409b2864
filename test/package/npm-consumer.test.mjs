// The README's npm example, as an app would use it: the package packed by `npm pack`, installed
// from the tarball into an app folder of its own, the example bundled with esbuild and with Vite,
// each bundle loaded in Chromium against the real reference server. Plus both entries imported in
// plain Node (no DOM), as a server-rendering framework imports them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { axeViolations } from '../e2e/chromium.mjs';
import { installPackedApp, launchChromium, readmeExample, startServer } from './helpers.mjs';

const README_API = 'https://widgets.example.org/api';
const ARTICLE = 'us-long-term-goals-for-russia';
let app;
let server;
let browser;

/**
 * The app: the README's example (its API URL swapped for the test server's), an entry that exposes
 * the package root to the test, and a page with one element of each kind. The page's own meta tag
 * names an API that does not exist, so only the example's setDefaultBackend() can load figures.
 */
function writeApp(api) {
  const example = readmeExample('### An npm import');
  assert.ok(example.includes(README_API), 'the README example sets a default backend');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(app, 'src/readme-example.js'), example.replace(README_API, api));
  writeFileSync(join(app, 'src/main.js'), "import './readme-example.js';\nimport * as root from 'article-widgets';\nwindow.articleWidgets = root;\n");
  return (script) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <link rel="icon" href="data:," />
    <title>An app that installed article-widgets from npm</title>
    <meta name="article-widgets:api" content="/no-such-api" />
    <script type="module" src="${script}"></script>
  </head>
  <body>
    <main>
      <h1>An article</h1>
      <article-rating article-id="${ARTICLE}" votes="1" average="1"></article-rating>
      <opinion-poll poll-id="reader-topics"></opinion-poll>
      <share-bar networks="telegram email copy" url="https://example.org/a1" share-title="A title"></share-bar>
    </main>
  </body>
</html>
`;
}

before(async () => {
  app = installPackedApp();
  // Empty output folders first: the server takes each static folder's real path when it starts.
  for (const out of ['out-esbuild', 'out-vite']) {
    rmSync(join(app, out), { recursive: true, force: true });
    mkdirSync(join(app, out));
  }
  server = await startServer(['--static', `/esbuild=${join(app, 'out-esbuild')},/vite=${join(app, 'out-vite')}`]);
  const page = writeApp(`${server.url}/api`);

  // esbuild, as an app's build script would call it.
  await esbuild.build({ absWorkingDir: app, entryPoints: ['src/main.js'], bundle: true, format: 'esm', minify: true, target: 'es2022', outfile: 'out-esbuild/main.js', logLevel: 'silent' });
  writeFileSync(join(app, 'out-esbuild/index.html'), page('./main.js'));

  // Vite, from the app's index.html.
  writeFileSync(join(app, 'index.html'), page('/src/main.js'));
  await viteBuild({ root: app, base: '/vite/', configFile: false, logLevel: 'silent', build: { outDir: 'out-vite', emptyOutDir: true } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});


for (const bundler of ['esbuild', 'vite']) {
  describe(`the README's npm example bundled with ${bundler}`, () => {
    it('has one Lit, one class per tag, and the setup made through the package root reaches the elements', async () => {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location()?.url ?? ''}`));
      await tab.goto(`${server.url}/${bundler}/`, { waitUntil: 'load' });
      await tab.waitForFunction(() => window.articleWidgets);

      const facts = await tab.evaluate(() => ({
        lit: [globalThis.litElementVersions?.length, globalThis.litHtmlVersions?.length, globalThis.reactiveElementVersions?.length],
        sameClass: ['ArticleRating:article-rating', 'OpinionPoll:opinion-poll', 'ShareBar:share-bar'].map((pair) => {
          const [name, tag] = pair.split(':');
          return customElements.get(tag) === window.articleWidgets[name];
        }),
      }));
      assert.deepEqual(facts.lit, [1, 1, 1], 'one lit-element, one lit-html, one reactive-element');
      assert.deepEqual(facts.sameClass, [true, true, true], 'customElements.get(tag) is the root export');

      // The figures come from the server through setDefaultBackend (the attributes say 1 vote, 1.0),
      // the label from registerLocale, both called on the package root.
      const shown = () =>
        tab.evaluate(() => {
          const text = (el, selector) => el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
          const rating = document.querySelector('article-rating');
          const poll = document.querySelector('opinion-poll');
          return { summary: text(rating, '[part="summary"]'), label: text(rating, '[part="label"]'), question: text(poll, '[part="question"]') };
        });
      const expected = { summary: '(votes: 4, rating: 4.5)', label: 'Rate this story', question: 'Which topics should we cover more often?' };
      await tab.waitForFunction((want) => {
        const text = (el, selector) => el.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
        return text(document.querySelector('article-rating'), '[part="summary"]') === want.summary && text(document.querySelector('opinion-poll'), '[part="question"]') === want.question;
      }, { timeout: 10000 }, expected).catch(() => {});
      assert.deepEqual(await shown(), expected);

      assert.deepEqual(await axeViolations(tab), []);
      assert.deepEqual(errors, []);
      await tab.close();
    });
  });
}

describe('the packed entries in Node, without a DOM', () => {
  it("import without throwing, as a server-rendering framework imports them, and the README's example runs", () => {
    const script = `
      const root = await import('article-widgets');
      await import('article-widgets/define');
      await import('./src/readme-example.js');
      console.log(JSON.stringify({ exports: Object.keys(root).sort(), document: typeof document }));`;
    let out;
    try {
      out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      assert.fail(`importing the entries in Node threw: ${error.stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? error.stderr}`);
    }
    const [said, facts] = out.trim().split('\n');
    assert.equal(said, 'true', "the example's own check: customElements.get('article-rating') === ArticleRating");
    const { exports, document } = JSON.parse(facts);
    assert.equal(document, 'undefined', 'plain Node, no DOM');
    for (const name of ['ArticleRating', 'OpinionPoll', 'ShareBar', 'HttpBackend', 'setDefaultBackend', 'registerLocale']) assert.ok(exports.includes(name), name);
  });
});
