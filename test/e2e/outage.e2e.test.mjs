// Code that loads on first use, through an outage: the demo page in headless Chromium against the
// real reference server (the real CLI, a temp SQLite file, the demo data), which also serves the
// bundle and its chunks. The server stops under the loaded page and comes back; Chromium keeps a
// failed import() in its module map (whatwg/html#6768), so a later use must load the code anew.
// Run: npm run test:e2e (builds dist/ first).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium.mjs';
import { demoServer } from './demo-server.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const demo = demoServer('aw-outage-');
const base = demo.base;
let browser;

/**
 * The English demo page in a browser context of its own, with what went wrong on it: uncaught
 * exceptions (`pageerror`), unhandled promise rejections, and the chunks the browser asked for.
 */
async function openDemo() {
  if (!demo.running) await demo.start(); // an earlier test failed with the server stopped
  const context = await browser.createBrowserContext();
  await context.overridePermissions(base(), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const page = await context.newPage();
  const uncaught = [];
  const chunks = [];
  page.on('pageerror', (error) => uncaught.push(`pageerror: ${error.message}`));
  page.on('request', (request) => request.url().includes('/dist/article-widgets/') && chunks.push(new URL(request.url()).pathname + new URL(request.url()).search));
  await page.exposeFunction('reportUnhandledRejection', (reason) => uncaught.push(`unhandled rejection: ${reason}`));
  await page.evaluateOnNewDocument(() => window.addEventListener('unhandledrejection', (event) => window.reportUnhandledRejection(String(event.reason))));
  await page.goto(`${base()}/demo/`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => document.querySelector('share-bar[label="With labels"]')?.shadowRoot?.querySelector('[data-network="copy"]'));
  return { context, page, uncaught, chunks };
}

/** Half a second for loads that fail at once to fail, and for what they leave to show. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** The bar under test: the demo's "With labels" bar, which has a copy-link button. */
const BAR = 'share-bar[label="With labels"]';

before(async () => {
  assert.ok(existsSync(join(repo, 'dist/article-widgets.js')), 'build first: npm run build');
  await demo.start();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo.close();
});

describe('lazily loaded code through an outage of the server that serves it', () => {
  it("copy link clicked while the server is down does nothing and says nothing; clicked again once it is back, it copies the link; nothing goes uncaught", async () => {
    const { context, page, uncaught, chunks } = await openDemo();
    assert.equal(chunks.filter((path) => /\/actions-[\w-]+\.js/.test(path)).length, 0, "the page loaded without the actions' code");
    const shares = [];
    await page.exposeFunction('recordShare', (detail) => shares.push(detail));
    await page.evaluate(() => document.addEventListener('aw-share', (event) => window.recordShare(event.detail)));
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    const copyButton = () => page.evaluateHandle((bar) => document.querySelector(bar).shadowRoot.querySelector('[data-network="copy"]'), BAR);
    const status = () => page.evaluate((bar) => document.querySelector(bar).shadowRoot.querySelector('[part="status"]').textContent, BAR);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await demo.stop();
    // The real mouse: the pointer coming over the bar warms the code up (that load fails too), then the click.
    await (await copyButton()).click();
    await settle();
    assert.ok(chunks.some((path) => /\/actions-[\w-]+\.js$/.test(path)), "the click asked for the actions' code");
    assert.equal(await status(), '', 'nothing is said: nothing was copied');
    assert.equal(await clipboard(), 'nothing copied yet');
    assert.deepEqual(shares, [], 'no aw-share: no share happened');
    assert.deepEqual(uncaught, [], 'nothing uncaught during the outage');

    await demo.start();
    await page.mouse.move(0, 0);
    await (await copyButton()).click();
    await page
      .waitForFunction((bar) => document.querySelector(bar).shadowRoot.querySelector('[part="status"]').textContent !== '', { timeout: 10000 }, BAR)
      .catch(() => {});
    assert.equal(await status(), 'Link copied');
    const url = await page.evaluate(() => document.querySelector('link[rel="canonical"]')?.href ?? location.href);
    assert.equal(await clipboard(), url);
    assert.deepEqual(shares, [{ network: 'copy', url, title: await page.evaluate(() => document.querySelector('meta[property="og:title"]')?.content ?? document.title) }]);
    assert.ok(chunks.some((path) => /\/actions-[\w-]+\.js\?retry=\d+$/.test(path)), "the actions' code loaded from a new address");
    assert.deepEqual(uncaught, []);
    await context.close();
  });

  it("a Russian bar whose strings failed to load shows English, and its next render, once the server is back, is in Russian; nothing goes uncaught", async () => {
    const { context, page, uncaught } = await openDemo();
    const copyName = () => page.evaluate((bar) => document.querySelector(bar).shadowRoot.querySelector('[data-network="copy"] [part="name"]').textContent, BAR);
    assert.equal(await copyName(), 'Copy link');
    const consoleErrors = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));

    await demo.stop();
    // The page's language is English: the Russian strings load only now, and cannot.
    await page.evaluate((bar) => document.querySelector(bar).setAttribute('lang', 'ru'), BAR);
    await settle();
    assert.equal(await copyName(), 'Copy link', 'English meanwhile');
    assert.ok(
      consoleErrors.some((text) => text.includes('the "ru" strings did not load')),
      `the console says why: ${consoleErrors.join(' | ')}`,
    );

    await demo.start();
    await page.evaluate((bar) => document.querySelector(bar).requestUpdate(), BAR);
    await page
      .waitForFunction((bar) => document.querySelector(bar).shadowRoot.querySelector('[data-network="copy"] [part="name"]').textContent === 'Копировать ссылку', { timeout: 10000 }, BAR)
      .catch(async () => assert.equal(await copyName(), 'Копировать ссылку'));
    assert.equal(await page.evaluate((bar) => document.querySelector(bar).shadowRoot.querySelector('[data-network="telegram"]').getAttribute('aria-label'), BAR), 'Поделиться в Telegram');
    assert.deepEqual(uncaught, []);
    await context.close();
  });
});
