// What the end-to-end tests share: the system's Chromium, and axe over a whole page.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

/**
 * The system's Chromium (scripts/find-chrome.mjs sets CHROME_PATH), quiet: it dials no host.
 * `extraArgs` adds flags (the benchmark's --js-flags=--expose-gc).
 */
export function launchChromium(extraArgs = []) {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/**
 * axe on the whole page (it reads open shadow roots, so every element's inside is checked too):
 * the violations as text. Evaluated by DevTools, so it runs on a page whose CSP allows no inline
 * script.
 */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}
