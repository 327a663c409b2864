/**
 * First renders of polls and share bars take turns with the page. A listing page with hundreds of
 * them upgrades them all at once, and rendering them in one go holds the main thread for hundreds
 * of milliseconds: a reader's click or scroll waits that long. Instead first renders queue up and
 * run one after another, in document order, in slices of at most `SLICE_MS`; between slices the
 * page gets the main thread back, for input and frames. (A rating is a picture and a line of text:
 * a thousand of them render and lay out faster at once than in slices with a frame between each.)
 *
 * The first slice of a batch renders at least `TOGETHER` widgets whatever the time, so an
 * article page's widgets (a rating, a share bar, a poll or two) all appear in the same frame: a
 * widget left waiting for a later frame would be defined but empty, and everything under it would
 * move when it rendered. A listing page's first slice fills the screen; the rest render below it.
 *
 * Later renders (a vote, new figures) do not queue: they are one element at a time, and a vote
 * must show in the next frame.
 */

/** How long a slice of first renders may run before the page gets the main thread back. */
export const SLICE_MS = 8;
/** How many first renders a batch's first slice runs at least, to show an article page's widgets together. */
export const TOGETHER = 10;

/** First renders waiting for their turn, each settling the promise its element awaits. */
const waiting: (() => void)[] = [];
let running = false;

/**
 * The next slice's task: after the next frame, so that each frame lays out one slice of new
 * widgets rather than many (a frame may not come: a hidden page or iframe draws none, so after
 * 50 ms at most), and after any input waiting.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    const afterFrame = () => {
      clearTimeout(timer);
      resolve();
    };
    requestAnimationFrame(() => setTimeout(afterFrame));
  });
}

async function runSlices(): Promise<void> {
  for (let slice = 0; waiting.length; slice++) {
    const start = performance.now();
    const mayRender = (rendered: number) => performance.now() - start < SLICE_MS || (slice === 0 && rendered < TOGETHER);
    for (let rendered = 0; waiting.length && mayRender(rendered); rendered++) waiting.shift()!();
    if (waiting.length) await yieldToPage();
  }
  running = false;
}

/** Runs `render` (an element's first, synchronous render) in its turn; settles once it has run. */
export function renderInTurn(render: () => unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push(() => {
      try {
        render();
        resolve();
      } catch (error) {
        // The render's own error, passed on as it was thrown.
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      }
    });
    if (!running) {
      running = true;
      // After the current script, so every element upgraded with this one joins the queue.
      queueMicrotask(() => void runSlices());
    }
  });
}
