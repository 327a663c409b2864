/**
 * First renders take turns with the page. A listing page with hundreds of widgets upgrades them
 * all at once, and rendering them in one go holds the main thread for hundreds of milliseconds: a
 * reader's click or scroll waits that long. Instead first renders queue up and run one after
 * another, in document order, in slices of at most `SLICE_MS`; between slices the page gets the
 * main thread back, for input and frames. A page with a few widgets renders them all in the
 * first slice, in the task that upgraded them, as before.
 *
 * Later renders (a vote, new figures) do not queue: they are one element at a time, and a vote
 * must show in the next frame.
 */

/** How long a slice of first renders may run before the page gets the main thread back. */
export const SLICE_MS = 8;

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
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }));
  });
}

async function runSlices(): Promise<void> {
  while (waiting.length) {
    const start = performance.now();
    while (waiting.length && performance.now() - start < SLICE_MS) waiting.shift()!();
    if (waiting.length) await yieldToPage();
  }
  running = false;
}

/** Runs `render` (an element's first, synchronous render) in its turn; settles once it has run. */
export function renderInTurn(render: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    waiting.push(() => {
      try {
        render();
        resolve();
      } catch (error) {
        reject(error);
      }
    });
    if (!running) {
      running = true;
      // After the current script, so every element upgraded with this one joins the queue.
      queueMicrotask(runSlices);
    }
  });
}
