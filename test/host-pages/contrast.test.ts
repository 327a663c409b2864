// The default palettes against the page they sit on, measured from computed styles on the
// light-only and dark-only host pages (under the opposite system, the case a reader meets): the
// parts that identify a control or carry a figure (stars, bars, icons, the focus ring, the Vote
// button's edge) at 3:1 or more, text at 4.5:1 or more (WCAG 1.4.11 and 1.4.3).
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { failToVote, openHostPage, retryVotes, type HostPage } from './harness.js';
import { contrast, parseColour } from './contrast.js';
import { until } from '../helpers.js';

interface Pair {
  what: string;
  ratio: number;
  minimum: 3 | 4.5;
}

const NON_TEXT = 3;
const TEXT = 4.5;

/** What to measure, with the page's background as what lies behind unless said otherwise. */
async function measure(page: HostPage): Promise<Pair[]> {
  const style = (element: Element) => page.doc.defaultView!.getComputedStyle(element);
  const pageColour = parseColour(style(page.doc.documentElement).backgroundColor);
  const pairs: Pair[] = [];
  const against = (what: string, colour: string, minimum: 3 | 4.5, behind = pageColour) =>
    pairs.push({ what, ratio: contrast(parseColour(colour, behind), behind), minimum });

  // Idle: the figures as the page renders them.
  // 4.3 stars: the first full, the fifth filled 30% by its gradient, whose empty stop is the empty colour.
  against('full star', style(page.part('rating', 'path[data-value="1"]')!).fill, NON_TEXT);
  against('empty star', style(page.part('rating', '#partial .empty-stop')!).stopColor, NON_TEXT);
  for (const svg of page.widget('share').shadowRoot!.querySelectorAll('svg')) {
    const network = svg.closest<HTMLElement>('[data-network]')!.dataset.network;
    const tile = parseColour(style(svg).backgroundColor);
    against(`${network} icon on its tile`, style(svg.querySelector('path')!)[svg.querySelector('.line') ? 'stroke' : 'fill'], NON_TEXT, tile);
  }
  const bars = [...page.widget('open-poll').shadowRoot!.querySelectorAll('[part="bar-fill"]')];
  against('poll bar', style(bars[0]).backgroundColor, NON_TEXT);
  against('leading poll bar', style(page.part('open-poll', '[part~="leading"] [part="bar-fill"]')!).backgroundColor, NON_TEXT);
  against('poll heading', style(page.part('open-poll', '[part="heading"]')!).color, TEXT);
  against('poll total', style(page.part('open-poll', '[part="total"]')!).color, TEXT);
  const vote = page.part('open-poll', '[part="vote"]')!;
  against('Vote button', style(vote).backgroundColor, NON_TEXT);
  against('Vote button text', style(vote).color, TEXT, parseColour(style(vote).backgroundColor));

  // A keyboard user choosing 5 stars: the preview colour and the focus ring.
  page.doc.defaultView!.focus();
  const slider = page.part('rating', '[role="slider"]')!;
  slider.focus();
  await sendKeys({ press: 'End' });
  await until(() => page.part('rating', '.preview'), 'the keyboard preview');
  against('preview star', style(page.part('rating', '.preview .full')!).fill, NON_TEXT);
  expect(style(slider).outlineStyle, 'a visible focus ring').to.equal('solid');
  against('focus ring', style(slider).outlineColor, NON_TEXT);
  await sendKeys({ press: 'Escape' });
  slider.blur();

  // A failed vote: the error lines (their retry buttons are drawn in the same colour).
  await failToVote(page);
  against('rating error', style(page.part('rating', '[part="error"]')!).color, TEXT);
  against('poll error', style(page.part('open-poll', '[part="error"]')!).color, TEXT);

  // Voted: the reader's mark.
  await retryVotes(page);
  against("the reader's ✓", style(page.part('open-poll', '.mark')!).color, NON_TEXT);
  return pairs;
}

describe('contrast of the default palettes against the page', function () {
  this.timeout(120000);
  let page: HostPage | undefined;
  afterEach(async () => {
    page?.close();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const [scheme, system] of [['light-only', 'dark'], ['dark-only', 'light']] as const) {
    it(`${scheme} page (${system} system): 3:1 for stars, bars, icons and focus, 4.5:1 for text`, async () => {
      await emulateMedia({ colorScheme: system });
      page = await openHostPage(scheme);
      const pairs = await measure(page);
      console.log(`${scheme}: ${pairs.map((p) => `${p.what} ${p.ratio.toFixed(2)}`).join(', ')}`);
      const low = pairs.filter((p) => p.ratio < p.minimum).map((p) => `${p.what}: ${p.ratio.toFixed(2)} < ${p.minimum}`);
      expect(low).to.deep.equal([]);
      expect(pairs.length, 'every part measured').to.be.greaterThan(15);
    });
  }
});
