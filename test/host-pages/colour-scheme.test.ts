// Light and dark come from the page: a light-only page (no color-scheme, as most news sites) and a
// dark-only page (color-scheme: dark), each under a light and a dark system, and a page that
// declares "light dark". Each widget's screenshot must not change with the system on the first
// two, must be in its page's palette, and must match the light-only or dark-only page on the third.
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import {
  axeViolations,
  failToVote,
  openHostPage,
  pixel,
  positionInShot,
  retryVotes,
  screenshots,
  settle,
  WIDGETS,
  type HostPage,
  type Shots,
  type Widget,
} from './harness.js';

const WIDGET_NAMES = Object.keys(WIDGETS) as Widget[];
const SYSTEMS = ['light', 'dark'] as const;

/** The default palettes, as pixels of the screenshots show them. */
const PALETTES = {
  light: { 'full star': 'rgb(194, 106, 0)', 'empty star': 'rgb(140, 140, 140)', 'poll bar': 'rgb(37, 99, 235)', 'X tile': 'rgb(0, 0, 0)' },
  dark: { 'full star': 'rgb(251, 191, 36)', 'empty star': 'rgb(123, 132, 148)', 'poll bar': 'rgb(96, 165, 250)', 'X tile': 'rgb(51, 51, 51)' },
};

/** Samples the screenshots where a palette colour must show: solid middles of stars, a bar, a tile's edge. */
async function paletteIn(page: HostPage, shots: Shots): Promise<Record<keyof typeof PALETTES.light, string>> {
  const at = (name: Widget, selector: string) => positionInShot(page, name, page.part(name, selector)!);
  const [tileX, tileY] = at('share', '[data-network="x"] svg');
  const tileTop = tileY - page.part('share', '[data-network="x"] svg')!.getBoundingClientRect().height / 2 + 3;
  return {
    // Star 1 is full in every state; the middle of star 5 is empty (4.3 fills 30% of it, a vote of 4 none).
    'full star': await pixel(shots.rating, ...at('rating', '[data-value="1"]')),
    'empty star': await pixel(shots.rating, ...at('rating', '[data-value="5"]')),
    'poll bar': await pixel(shots['open-poll'], ...at('open-poll', '[part="bar-fill"]')),
    'X tile': await pixel(shots.share, tileX, Math.round(tileTop)),
  };
}

describe('host pages: the page decides light or dark, never the system alone', function () {
  this.timeout(180000);
  let page: HostPage | undefined;
  afterEach(async () => {
    page?.close();
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const [scheme, palette] of [['light-only', 'light'], ['dark-only', 'dark']] as const) {
    it(`${scheme}: each widget is the same under a light and a dark system, idle, after an error and voted, in the ${palette} palette; axe finds nothing`, async () => {
      page = await openHostPage(scheme);
      for (const state of ['idle', 'error', 'voted'] as const) {
        if (state === 'error') await failToVote(page);
        if (state === 'voted') await retryVotes(page);
        const shots = {} as Record<(typeof SYSTEMS)[number], Shots>;
        for (const system of SYSTEMS) {
          await emulateMedia({ colorScheme: system });
          await settle(page);
          shots[system] = await screenshots(page, `${scheme}-${state}-system-${system}`);
          expect(await axeViolations(page), `axe: ${state}, ${system} system`).to.deep.equal([]);
        }
        for (const name of WIDGET_NAMES) {
          expect(shots.dark[name] === shots.light[name], `${name}, ${state}: the same pixels under a light and a dark system`).to.equal(true);
        }
        expect(await paletteIn(page, shots.dark), `the ${palette} palette, ${state}, dark system`).to.deep.equal(PALETTES[palette]);
      }
    });
  }

  it('light dark: the widgets follow the system, pixel for pixel as on the light-only page, then the dark-only page', async () => {
    const reference = {} as Record<'light-only' | 'dark-only', Shots>;
    for (const scheme of ['light-only', 'dark-only'] as const) {
      page = await openHostPage(scheme);
      reference[scheme] = await screenshots(page);
      page.close();
    }
    for (const name of WIDGET_NAMES) {
      expect(reference['light-only'][name] === reference['dark-only'][name], `${name}: the two pages differ`).to.equal(false);
    }
    page = await openHostPage('light-dark');
    for (const [system, like] of [['light', 'light-only'], ['dark', 'dark-only']] as const) {
      await emulateMedia({ colorScheme: system });
      await settle(page);
      const shots = await screenshots(page, `light-dark-idle-system-${system}`);
      for (const name of WIDGET_NAMES) {
        expect(shots[name] === reference[like][name], `${name} under a ${system} system: as on the ${like} page`).to.equal(true);
      }
      expect(await paletteIn(page, shots)).to.deep.equal(PALETTES[system]);
      expect(await axeViolations(page), `axe: ${system} system`).to.deep.equal([]);
    }
  });
});
