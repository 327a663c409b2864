// Screenshots of <article-rating> in each state it can be seen in, from the built script-tag bundle
// (run `npm run build` first): read-only 4.5, a fraction (4.3), interactive, hovered, chosen with
// the keyboard (focus ring), drawn small, not rated, on a dark panel, and all of it again in
// forced-colors mode. For looking at a change of the rating's drawing before and after:
//   node bench/rating-screenshots.mjs .tmp/shots/after
//   node bench/rating-screenshots.mjs .tmp/shots/before /path/under/the/repo/to/an/earlier/article-widgets.js
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../test/e2e/chromium.mjs';
import { serve } from './serve.mjs';

const out = resolve(process.argv[2] ?? '.tmp/shots/rating');
const bundle = process.argv[3] ? `?bundle=${encodeURIComponent(process.argv[3])}` : '';
mkdirSync(out, { recursive: true });
const server = await serve(resolve('.'));
const browser = await launchChromium();
try {
  for (const forced of [false, true]) {
    // A fresh profile each time: no vote remembered from the last pass.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 700, height: 500, deviceScaleFactor: 2 });
    // puppeteer's emulateMediaFeatures does not take forced-colors; Chromium's DevTools protocol does.
    if (forced) {
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    }
    await page.goto(`${server.origin}/bench/pages/rating-looks.html${bundle}`);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-live]')].every((el) => el.shadowRoot?.querySelector('[role="slider"]')),
    );
    const suffix = forced ? '-forced' : '';
    const shoot = async (id, name = id) => {
      const el = await page.$(`#${id}`);
      await new Promise((r) => setTimeout(r, 200)); // transitions end
      await el.screenshot({ path: join(out, `${name}${suffix}.png`) });
    };
    for (const id of ['readonly', 'fraction', 'interactive', 'small', 'none', 'rtl', 'dark']) await shoot(id);
    // The pointer over the second star of the live rating: the preview.
    const star = await page.evaluateHandle(() => document.querySelector('#interactive').shadowRoot.querySelector('[data-value="2"]'));
    const box = await star.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await shoot('interactive', 'hover');
    await page.mouse.move(0, 0);
    // A keyboard reader choosing 4 stars: focus ring and preview.
    await page.evaluate(() => document.querySelector('#interactive').shadowRoot.querySelector('[role="slider"]').focus());
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    await shoot('interactive', 'keyboard');
    // A vote: the reader's own rating shown.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#interactive').shadowRoot.querySelector('[part="yours"]'));
    await shoot('interactive', 'voted');
    await context.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
