// First renders take turns with the page (src/internal/render-turns.ts): in document order, in
// slices of SLICE_MS, with the page given the main thread between slices; later renders do not wait.
import { expect, fixture, html } from '@open-wc/testing';
import { ArticleRating } from '../../src/article-rating/article-rating.js';
import { SLICE_MS, renderInTurn } from '../../src/internal/render-turns.js';

ArticleRating.define();

/** A first render that keeps the main thread for `ms`. */
const busy = (ms: number) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('first renders taking turns', () => {
  it('run in order, in slices, and the page runs its own tasks between slices', async () => {
    let pageTasks = 0;
    const ticker = setInterval(() => pageTasks++, 0);
    const ran: { index: number; pageTasks: number }[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        renderInTurn(() => {
          busy(2)();
          ran.push({ index, pageTasks });
        }),
      ),
    );
    clearInterval(ticker);
    expect(ran.map((r) => r.index), 'document order').to.deep.equal([...Array(40).keys()]);
    // Renders between the same two tasks of the page ran in one slice.
    const slices = new Map<number, number>();
    for (const r of ran) slices.set(r.pageTasks, (slices.get(r.pageTasks) ?? 0) + 1);
    const largest = Math.max(...slices.values());
    expect(largest, `renders of 2 ms in one slice of ${SLICE_MS} ms`).to.be.at.most(SLICE_MS / 2);
    expect(slices.size, 'slices, with a task of the page between each two').to.be.at.least(40 / (SLICE_MS / 2));
  });

  it("settle each element's own promise, and carry a render's exception to it", async () => {
    const failing = renderInTurn(() => {
      throw new Error('render failed');
    });
    const fine = renderInTurn(() => {});
    await fine;
    let thrown: unknown;
    await failing.catch((error) => (thrown = error));
    expect((thrown as Error)?.message).to.equal('render failed');
  });

  it("hold an element's first render until the renders queued before it have run, and never its later ones", async () => {
    const el = await fixture<ArticleRating>(html`<article-rating article-id="a" votes="4" average="4.5" readonly></article-rating>`);
    const ran: number[] = [];
    const queued = Promise.all(Array.from({ length: 20 }, (_, i) => renderInTurn(() => (busy(3)(), ran.push(i)))));
    const late = document.createElement('article-rating');
    late.setAttribute('votes', '2');
    late.setAttribute('average', '3');
    late.readonly = true;
    document.body.append(late);
    el.votes = 9;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="summary"]')!.textContent, 'a later render does not queue').to.equal('(votes: 9, rating: 4.5)');
    expect(ran.length, 'it did not wait for the queue').to.be.below(20);
    await late.updateComplete;
    expect(ran.length, 'a first render waits for those queued before it').to.equal(20);
    expect(late.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.equal('(votes: 2, rating: 3.0)');
    await queued;
    late.remove();
  });
});
