/**
 * First renders of polls and share bars take turns with the page. A listing page with hundreds of
 * them upgrades them all at once, and rendering them in one go holds the main thread for hundreds
 * of milliseconds: a reader's click or scroll waits that long. Instead first renders queue up and
 * run one after another, in document order, in slices of at most `SLICE_MS`; between slices the
 * page gets the main thread back, for input and frames. (A rating is a picture and a line of text:
 * a thousand of them render and lay out faster at once than in slices with a frame between each.)
 *
 * The first slice of an article page's widgets (a rating, a share bar, a poll or two: a few) renders
 * at least `TOGETHER` of them whatever the time (a first render may be slow: code not yet compiled,
 * the page's first number format), so they appear in the same frame: a widget left waiting for a
 * later frame would be defined but empty, and everything under it would move when it rendered.
 * A listing page's first renders (more than `LISTING` widgets queued at once) wait for the next
 * slice instead: the task that inserted them has spent its time already, the page parsing their
 * HTML and upgrading them (constructors, shadow roots), and cold first renders on top of that made
 * it a long task. Its widgets render from the next frame on, one slice a frame.
 *
 * Later renders (a vote, new figures) do not queue: they are one element at a time, and a vote
 * must show in the next frame.
 */

/** How long a slice of first renders may run before the page gets the main thread back. */
export const SLICE_MS = 8;
/** How many first renders an article page's first slice runs at least, to show its widgets together. */
export const TOGETHER = 10;
/** More first renders than this queued at once are a listing page's, not an article page's. */
export const LISTING = 50;

/** First renders waiting for their turn, each settling the promise its element awaits. */
const waiting: (() => void)[] = [];
let running = false;

async function runSlices(): Promise<void> {
  // A slice renders at least `least` widgets (one: every widget gets its turn), then more until its deadline.
  let least = TOGETHER;
  let deadline = performance.now() + SLICE_MS;
  // A listing page's first slice is none: its first renders wait for the next.
  if (waiting.length > LISTING) least = deadline = 0;
  for (let rendered = 0; waiting.length; rendered++) {
    if (rendered >= least && performance.now() >= deadline) {
      // The next slice's task: after the next frame, so that each frame lays out one slice of new
      // widgets rather than many (a frame may not come: a hidden page or iframe draws none, so
      // after 50 ms at most), and after any input waiting. Whichever comes first goes on; the
      // other finds the promise settled.
      await new Promise((resolve) => {
        setTimeout(resolve, 50);
        requestAnimationFrame(() => setTimeout(resolve));
      });
      rendered = 0;
      least = 1;
      deadline = performance.now() + SLICE_MS;
    }
    waiting.shift()!();
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
