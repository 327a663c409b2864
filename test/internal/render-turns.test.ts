// First renders take turns with the page (src/internal/render-turns.ts): in document order, in
// slices of SLICE_MS, with the page given the main thread between slices; later renders do not wait.
import { expect, fixture, html } from '@open-wc/testing';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';
import { SLICE_MS, TOGETHER, renderInTurn } from '../../src/internal/render-turns.js';

OpinionPoll.define();

/** A first render that keeps the main thread for `ms`. */
const busy = (ms: number) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('first renders taking turns', () => {
  it('run in order, the first slice a handful together, then in slices with the page running its own tasks between', async () => {
    let pageTasks = 0;
    const ticker = setInterval(() => pageTasks++, 0);
    const ran: { index: number; pageTasks: number }[] = [];
    const count = TOGETHER + 40;
    await Promise.all(
      Array.from({ length: count }, (_, index) =>
        renderInTurn(() => {
          busy(2)();
          ran.push({ index, pageTasks });
        }),
      ),
    );
    clearInterval(ticker);
    expect(ran.map((r) => r.index), 'document order').to.deep.equal([...Array(count).keys()]);
    // Renders between the same two tasks of the page ran in one slice.
    const slices = new Map<number, number>();
    for (const r of ran) slices.set(r.pageTasks, (slices.get(r.pageTasks) ?? 0) + 1);
    const [first, ...rest] = slices.values();
    expect(first, 'an article page\'s widgets render together').to.equal(TOGETHER);
    expect(Math.max(...rest), `renders of 2 ms in a later slice of ${SLICE_MS} ms`).to.be.at.most(SLICE_MS / 2);
    expect(rest.length, 'slices, with a task of the page between each two').to.be.at.least(40 / (SLICE_MS / 2));
  });

  it("settle each element's own promise, and carry a render's exception to it", async () => {
    const failing = renderInTurn(() => {
      throw new Error('render failed');
    });
    const fine = renderInTurn(() => {});
    await fine;
    let thrown: unknown;
    await failing.catch((error: unknown) => {
      thrown = error;
    });
    expect((thrown as Error)?.message).to.equal('render failed');
  });

  it("hold an element's first render until the renders queued before it have run, and never its later ones", async () => {
    const poll = (id: string) => html`<opinion-poll poll-id=${id}>
      <h3 data-question>How often?</h3>
      <ul><li data-option="a" data-votes="3">Daily</li><li data-option="b" data-votes="1">Weekly</li></ul>
    </opinion-poll>`;
    const el = await fixture<OpinionPoll>(poll('first'));
    const ran: number[] = [];
    const queue = TOGETHER + 20;
    const queued = Promise.all(Array.from({ length: queue }, (_, i) => renderInTurn(() => (busy(3)(), ran.push(i)))));
    const late = document.createElement('opinion-poll');
    late.innerHTML = '<h3 data-question>Late?</h3><ul><li data-option="y" data-votes="2">Yes</li><li data-option="n" data-votes="1">No</li></ul>';
    late.pollId = 'late';
    el.after(late);
    el.requestUpdate();
    await el.updateComplete;
    expect(ran.length, 'a later render did not wait for the queue').to.be.below(queue);
    await late.updateComplete;
    expect(ran.length, 'a first render waits for those queued before it').to.equal(queue);
    expect(late.shadowRoot!.querySelector('legend')?.textContent).to.equal('Late?');
    await queued;
  });
});
