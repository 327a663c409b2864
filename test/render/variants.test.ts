// Every variant the render helpers write, as a site serves it: figures read from the real reference
// server by fetchRatings and fetchPoll, rendered, painted with cms/article-widgets.css, then the
// script-tag bundle (dist/article-widgets.js, npm test builds it first) loaded by a module script
// after that first paint, as on a page whose script arrives late. Nothing on the page may move:
// no layout-shift entry at all (buffered, so none is missed), in English and Russian, in a
// column of 640 px and in one of 320 px where text and buttons wrap.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { fetchPoll, fetchRatings, renderPoll, renderRating, renderShareBar } from '../../src/render/render.js';
import { until } from '../helpers.js';

type ServerState = { url: string; running: boolean; adminToken: string };

const option = (id: string, label: string, votes: number) => ({ id, label, votes });
const OPTIONS = [
  option('security', 'European security', 33),
  option('energy', 'Energy and sanctions', 30),
  option('arctic', 'The Arctic, the Northern Sea Route and the shipping lanes it opens', 21),
];
const poll = (id: string, rules: Record<string, unknown>) => ({
  id, question: 'Which topic should we cover next, now that the year is almost over?', options: OPTIONS,
  multiple: false, maxChoices: 1, results: 'always', closesAt: null, closed: false, allowChange: false, ...rules,
});
/** The polls of every kind a site runs (ids end in -en or -ru: the language they are shown in). */
const POLLS = {
  open: {},
  'open-multiple': { multiple: true, maxChoices: 2, voters: 60 },
  'closing-date': { closesAt: '2027-06-30T21:00:00Z' },
  'after-vote': { results: 'after-vote' },
  'after-close': { results: 'after-close', closesAt: '2027-06-30T21:00:00Z' },
  'hidden-multiple-closing': { results: 'after-vote', multiple: true, maxChoices: 2, voters: 60, closesAt: '2027-06-30T21:00:00Z' },
  closed: { closed: true },
  'closed-multiple': { closed: true, multiple: true, maxChoices: 2, voters: 60 },
};
const RATINGS = { rated: { votes: 8, average: 4.375 }, one: { votes: 1, average: 5 }, few: { votes: 2, average: 5 }, unrated: { votes: 0, average: 0 } };

let server: ServerState;

before(async () => {
  server = (await executeServerCommand<ServerState, { action: string }>('aw-server', { action: 'start' }))!;
  const langs = ['en', 'ru'];
  const data = {
    ratings: Object.entries(RATINGS).flatMap(([id, figures]) => langs.map((lang) => ({ articleId: `layout-${id}-${lang}`, ...figures }))),
    polls: Object.entries(POLLS).flatMap(([id, rules]) => langs.map((lang) => poll(`layout-${id}-${lang}`, rules))),
  };
  const reply = await fetch(`${server.url}/api/admin/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify(data),
  });
  expect(reply.status, await reply.clone().text()).to.equal(200);
});

/** The page of every variant in `lang`: each widget followed by a paragraph naming it. */
async function pageHtml(lang: string): Promise<string> {
  const api = `${server.url}/api`;
  const ratings = await fetchRatings(api, Object.keys(RATINGS).map((id) => `layout-${id}-${lang}`));
  const rating = (id: keyof typeof RATINGS) => ratings.get(`layout-${id}-${lang}`);
  const share = { url: 'https://example.org/articles/a-long-read', title: 'A long read', lang };
  const widgets: [string, string][] = [
    ['rating', renderRating(`layout-rated-${lang}`, rating('rated'), { lang })],
    ['rating summary=count', renderRating(`layout-rated-${lang}`, rating('rated'), { lang, summary: 'count' })],
    ['rating readonly', renderRating(`layout-one-${lang}`, rating('one'), { lang, readonly: true })],
    ['rating below min-votes', renderRating(`layout-few-${lang}`, rating('few'), { lang, minVotes: 3 })],
    ['rating unrated', renderRating(`layout-unrated-${lang}`, rating('unrated'), { lang })],
    ['share bar', renderShareBar(share)],
    ['share bar, three networks', renderShareBar({ ...share, networks: 'telegram vk email' })],
    // Attributes a site adds to the rendered bar. With labels, the links are named as the element
    // names its buttons in the page's language (ВКонтакте, ОК and E-mail in Russian).
    ...(['vertical', 'size="small"', 'size="large"', 'hide-label', 'label="Tell a friend"'] as const).map(
      (attributes): [string, string] => [`share bar ${attributes}`, renderShareBar({ ...share, networks: 'telegram vk whatsapp email copy' }).replace('<share-bar', `<share-bar ${attributes}`)],
    ),
    ...(['labels', 'labels vertical'] as const).map(
      (attributes): [string, string] => [`share bar ${attributes}`, renderShareBar({ ...share, networks: 'telegram vk ok whatsapp x email mastodon copy' }).replace('<share-bar', `<share-bar ${attributes}`)],
    ),
  ];
  for (const id of Object.keys(POLLS)) {
    const view = await fetchPoll(api, `layout-${id}-${lang}`);
    expect(view, id).to.not.equal(undefined);
    widgets.push([`poll ${id}`, renderPoll(`layout-${id}-${lang}`, view, { lang })]);
  }
  return widgets.map(([name, markup]) => `${markup}\n<p data-after="${name}">After the ${name}.</p>`).join('\n');
}

const frames = (win: Window, n = 2) => new Promise<void>((resolve) => {
  const step = () => (n-- > 0 ? win.requestAnimationFrame(step) : resolve());
  step();
});

/** Where each box of the column starts and how tall it is, by what it is. */
function boxes(main: Element): string[] {
  return [...main.children].map((el) => {
    const { x, y, height } = el.getBoundingClientRect();
    return `${el.getAttribute('data-after') ? `"after the ${el.getAttribute('data-after')}"` : el.localName} at ${x},${y}, ${height} high`;
  });
}

type Clip = { x: number; y: number; width: number; height: number };

/**
 * With AW_SCREENSHOTS=DIR (test/host-pages/wtr-host-pages.js), a screenshot of each widget of the
 * frame, to look at: scrolled into view one by one, then scrolled back (a scroll is no shift).
 */
async function screenshots(frame: HTMLIFrameElement, saveAs: string): Promise<void> {
  if (!(await executeServerCommand<boolean, undefined>('aw-screenshots-wanted'))) return;
  const win = frame.contentWindow!;
  const widgets = [...frame.contentDocument!.querySelectorAll('main > :is(article-rating, share-bar, opinion-poll)')];
  const inPage = frame.getBoundingClientRect();
  for (const [i, widget] of widgets.entries()) {
    win.scrollTo(0, widget.getBoundingClientRect().top + win.scrollY - 8);
    await frames(win);
    const box = widget.getBoundingClientRect();
    const clip: Clip = { x: inPage.x, y: Math.max(0, inPage.y + box.top - 8), width: inPage.width, height: Math.min(inPage.height, box.height + 16) };
    await executeServerCommand<unknown, { clips: Record<string, Clip>; saveAs: string }>('aw-screenshot', {
      clips: { [`${String(i).padStart(2, '0')}-${widget.localName}`]: clip },
      saveAs,
    });
  }
  win.scrollTo(0, 0);
  await frames(win);
}

async function upgrade(lang: string, width: number) {
  const frame = document.createElement('iframe');
  frame.style.cssText = `inline-size: ${width + 40}px; block-size: 600px; border: 0`;
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
    <meta name="article-widgets:api" content="${server.url}/api">
    <link rel="stylesheet" href="/cms/article-widgets.css">
    <style>body { margin: 20px; font: 16px/1.5 sans-serif; } main { inline-size: ${width}px; }</style>
    </head><body><main><p>Before the widgets.</p>\n${await pageHtml(lang)}</main></body></html>`;
  await new Promise((resolve) => {
    frame.onload = resolve;
    document.body.append(frame);
  });
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const main = doc.querySelector('main')!;
  await frames(win);
  await screenshots(frame, `${lang}-${width}-before`);
  const before = boxes(main);
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = '/dist/article-widgets.js';
  doc.head.append(script);
  const widgets = [...main.querySelectorAll('article-rating, share-bar, opinion-poll')];
  await until(() => win.customElements.get('opinion-poll'), 'the bundle to define the elements');
  await until(
    () => widgets.every((el) => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') !== 'true' && el.shadowRoot!.childElementCount),
    'every widget to render and load from the server',
  );
  await until(() => [...main.querySelectorAll('opinion-poll')].every((el) => el.shadowRoot!.querySelector('form')), 'every poll to show its form');
  await frames(win, 3);
  await screenshots(frame, `${lang}-${width}-after`);
  const shifts = await new Promise<{ value: number; moved: string[] }[]>((resolve) => {
    new win.PerformanceObserver((list, observer) => {
      observer.disconnect();
      resolve(list.getEntries().map((entry) => {
        const shift = entry as PerformanceEntry & { value: number; sources: { node?: Node }[] };
        return { value: shift.value, moved: shift.sources.map((s) => (s.node as Element)?.getAttribute?.('data-after') ?? (s.node as Element)?.localName ?? '?') };
      }));
    }).observe({ type: 'layout-shift', buffered: true });
    // With no entry at all the observer is never called: a frame later, none it is.
    frames(win, 2).then(() => resolve([]));
  });
  return { frame, shifts, before, after: boxes(main) };
}

describe('every server-rendered variant upgrades without layout shift', () => {
  for (const lang of ['en', 'ru']) {
    for (const width of [640, 320]) {
      it(`${lang}, in a column of ${width} px`, async () => {
        const { frame, shifts, before, after } = await upgrade(lang, width);
        const moved = after.flatMap((box, i) => (box === before[i] ? [] : [`${box} (was ${before[i]})`]));
        frame.remove();
        expect(moved, 'boxes that moved').to.deep.equal([]);
        expect(shifts, 'layout-shift entries').to.deep.equal([]);
      });
    }
  }
});
