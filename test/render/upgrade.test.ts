// The server-rendered HTML of article-widgets/render, painted before any element is defined, then
// upgraded: nothing on the page moves (no layout-shift entry at all), each element keeps its box,
// and the fallback itself is accessible. The elements are defined only once the fallback has been
// painted, as on a page whose script arrives late.
import { expect } from '@open-wc/testing';
import { MemoryBackend, setDefaultBackend } from '../../src/index.js';
import type { PollView } from '../../src/backend/backend.js';
import { fallbackStyles, renderPoll, renderRating, renderShareBar } from '../../src/render/render.js';
import { until } from '../helpers.js';

const poll = (id: string, closed: boolean): PollView => ({
  id,
  question: 'Which topic should we cover next?',
  options: [
    { id: 'security', label: 'European security', votes: 33 },
    { id: 'energy', label: 'Energy and sanctions', votes: 30 },
    { id: 'arctic', label: 'The Arctic', votes: 21 },
  ],
  multiple: false,
  maxChoices: 1,
  results: 'always',
  closesAt: null,
  closed,
  allowChange: false,
});

const frames = (n = 2) => new Promise<void>((resolve) => {
  const step = () => (n-- > 0 ? requestAnimationFrame(step) : resolve());
  step();
});

describe('server-rendered widgets upgrade without layout shift', () => {
  it('keeps every box where it was when the elements upgrade', async () => {
    const open = poll('open-poll', false);
    const closed = poll('closed-poll', true);
    setDefaultBackend(new MemoryBackend({ ratings: [{ articleId: 'a1', votes: 8, average: 4.375 }], polls: [open, closed] }));
    const style = document.createElement('style');
    style.textContent = `${fallbackStyles} body { font: 16px/1.5 sans-serif; } main { inline-size: 640px; }`;
    document.head.append(style);
    const main = document.createElement('main');
    main.innerHTML = [
      '<p>Before the widgets.</p>',
      renderRating('a1', { votes: 8, average: 4.375 }),
      '<p>After the rating.</p>',
      renderShareBar({ url: 'https://example.org/a1', title: 'The title' }),
      '<p>After the share bar.</p>',
      renderPoll('open-poll', open),
      '<p>After the open poll.</p>',
      renderPoll('closed-poll', closed),
      '<p>After the closed poll.</p>',
    ].join('\n');
    document.body.append(main);
    const widgets = [...main.querySelectorAll('article-rating, share-bar, opinion-poll')];
    await frames();
    expect(customElements.get('article-rating'), 'not defined yet').to.equal(undefined);
    // Readers without JavaScript and crawlers get this: links with names, the poll's text.
    await expect(main).to.be.accessible();
    // Where each box starts and how tall it is (the rating, an inline-block alone on its line, may
    // widen: its text is shorter than its stars).
    const boxes = (elements: Element[]) => elements.map((el) => {
      const { x, y, height } = el.getBoundingClientRect();
      return `${el.localName} at ${x},${y}, ${height} high`;
    });
    const before = boxes([...main.children]);

    const shifts: { value: number; sources: string[] }[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[]) {
        shifts.push({ value: entry.value, sources: entry.sources.map((s) => (s.node as Element | undefined)?.localName ?? '?') });
      }
    });
    observer.observe({ type: 'layout-shift' });
    await import('../../src/define.js');
    await until(() => widgets.every((el) => el.shadowRoot?.childElementCount), 'every element to render');
    await until(() => widgets[2].shadowRoot!.querySelector('input'), 'the open poll to render its form');
    await Promise.all(widgets.map((el) => (el as Element & { updateComplete: Promise<unknown> }).updateComplete));
    await frames(3);
    observer.disconnect();

    expect(shifts, JSON.stringify(shifts)).to.deep.equal([]);
    expect(boxes([...main.children]), 'every box, widgets and paragraphs').to.deep.equal(before);
    // The upgraded elements show the figures the HTML carried.
    expect(widgets[0].shadowRoot!.querySelector('[part="summary"]')!.textContent.trim()).to.equal('(votes: 8, rating: 4.4)');
    main.remove();
    style.remove();
  });
});
