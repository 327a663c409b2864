// First renders take turns with the page (src/internal/render-turns.ts): in document order, the
// first slice an article page's widgets together (a listing page's none: they wait for the next
// task), then in slices of SLICE_MS, with the page given the main thread between slices; later
// renders do not wait.
import { expect, fixture, html } from '@open-wc/testing';
import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.js';
import { ShareBar } from '../../src/share-bar/share-bar.js';
import { LISTING, SLICE_MS, TOGETHER, renderInTurn } from '../../src/internal/render-turns.js';

OpinionPoll.define();
ShareBar.define();

/** A first render that keeps the main thread for `ms`. */
const busy = (ms: number) => () => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('first renders taking turns', () => {
  type Render = { index: number; pageTasks: number; start: number };

  /**
   * Queues `count` first renders of 2 ms each: how many ran in the task that queued them, and the
   * renders of each slice (those between the same two tasks of the page), in order.
   */
  async function slicesOf(count: number): Promise<{ inQueuingTask: number; slices: Render[][] }> {
    let pageTasks = 0;
    const ticker = setInterval(() => pageTasks++, 0);
    const ran: Render[] = [];
    const queued = Promise.all(
      Array.from({ length: count }, (_, index) =>
        renderInTurn(() => {
          const start = performance.now();
          busy(2)();
          ran.push({ index, pageTasks, start });
        }),
      ),
    );
    // A task queued now runs before the next slice's, which waits for a frame and then a task.
    const inQueuingTask = await new Promise<number>((resolve) => setTimeout(() => resolve(ran.length)));
    await queued;
    clearInterval(ticker);
    expect(ran.map((r) => r.index), 'document order').to.deep.equal([...Array(count).keys()]);
    const slices = new Map<number, Render[]>();
    for (const r of ran) slices.set(r.pageTasks, [...(slices.get(r.pageTasks) ?? []), r]);
    return { inQueuingTask, slices: [...slices.values()] };
  }

  /** Later slices: one render, then more while the slice has run under SLICE_MS (renders of 2 ms: at most SLICE_MS / 2). */
  function expectLaterSlices(slices: Render[][]): void {
    for (const slice of slices) for (const render of slice.slice(1)) expect(render.start).to.be.below(slice[0].start + SLICE_MS);
    expect(Math.max(...slices.map((slice) => slice.length)), `renders of 2 ms in a later slice of ${SLICE_MS} ms`).to.be.at.most(SLICE_MS / 2);
  }

  it("run in order, an article page's widgets together in the task that queued them, then in slices with the page running its own tasks between", async () => {
    const count = TOGETHER + 40;
    const { inQueuingTask, slices } = await slicesOf(count);
    const [first, ...rest] = slices;
    expect(first.length, "an article page's widgets render together").to.be.at.least(TOGETHER);
    expect(inQueuingTask, 'the first slice ran in the task that queued them').to.equal(first.length);
    for (const render of first.slice(TOGETHER)) expect(render.start, 'a render past TOGETHER while the slice was under SLICE_MS').to.be.below(first[0].start + SLICE_MS);
    expectLaterSlices(rest);
    expect(rest.length, 'slices, with a task of the page between each two').to.be.at.least((count - first.length) / (SLICE_MS / 2));
  });

  it("leave a listing page's task to the page: its first renders wait for the next slice", async () => {
    const { inQueuingTask, slices } = await slicesOf(LISTING + 1);
    expect(inQueuingTask, 'renders in the task that queued them').to.equal(0);
    expectLaterSlices(slices);
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

  /** Inserts `count` polls (with their light DOM) and share bars, as a page's HTML: which had rendered when the inserting task ended, then once all had. */
  async function insert(count: number): Promise<{ inInsertingTask: number; elements: (OpinionPoll | ShareBar)[] }> {
    const container = document.createElement('div');
    container.innerHTML = Array.from({ length: count }, (_, i) =>
      i % 2
        ? `<share-bar url="https://example.org/articles/${i}" share-title="Article ${i}" networks="telegram vk copy"></share-bar>`
        : `<opinion-poll poll-id="listed-${i}"><h3 data-question>Question ${i}?</h3><ul><li data-option="y" data-votes="2">Yes</li><li data-option="n" data-votes="1">No</li></ul></opinion-poll>`,
    ).join('');
    document.body.append(container);
    const elements = [...container.children] as (OpinionPoll | ShareBar)[];
    const rendered = () => elements.filter((el) => el.shadowRoot?.childElementCount).length;
    const inInsertingTask = await new Promise<number>((resolve) => setTimeout(() => resolve(rendered())));
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(rendered(), 'every element rendered in the end').to.equal(count);
    container.remove();
    return { inInsertingTask, elements };
  }

  it("render an article page's widgets in the task that inserts them, and leave a listing page's to the next tasks", async () => {
    expect((await insert(4)).inInsertingTask, "an article page's widgets, together").to.equal(4);
    expect((await insert(LISTING + 2)).inInsertingTask, "a listing page's, none").to.equal(0);
  });
});
