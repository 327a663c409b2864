/**
 * Drives test/host-pages/host-page.html, a site's article page with the three widgets, in an
 * iframe of the test page: opens it with a palette and, optionally, a strict policy (served by
 * wtr-host-pages.js), puts the widgets through their states as a reader would, takes screenshots
 * of each widget with Chromium, and runs axe inside the page.
 */
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { until } from '../helpers.js';
import type { HostPageHooks, PageScheme } from './host-page.js';

export type Policy = 'strict-csp' | 'trusted-types';

/** The widgets of the page, by the names screenshots and failures use. */
export const WIDGETS = {
  rating: 'article-rating',
  share: 'share-bar:not([monochrome])',
  'share-monochrome': 'share-bar[monochrome]',
  'open-poll': 'opinion-poll[poll-id="host-open"]',
  'closed-poll': 'opinion-poll[poll-id="host-closed"]',
} as const;
export type Widget = keyof typeof WIDGETS;
export type Shots = Record<Widget | 'page', string>;

const FRAME = { width: 800, height: 1100 };

export interface HostPage {
  doc: Document;
  hooks: HostPageHooks;
  widget(name: Widget): HTMLElement;
  /** An element of a widget's shadow root. */
  part(name: Widget, selector: string): HTMLElement | null;
  close(): void;
}

/** Opens the host page as a new reader would (nothing remembered), its widgets loaded and still. */
export async function openHostPage(scheme: PageScheme, policy?: Policy): Promise<HostPage> {
  await setViewport(FRAME);
  localStorage.clear();
  const frame = document.createElement('iframe');
  frame.title = 'host page';
  frame.style.cssText = `position: fixed; inset: 0 auto auto 0; inline-size: ${FRAME.width}px; block-size: ${FRAME.height}px; border: 0`;
  frame.src = `/test/host-pages/host-page.html?page=${scheme}${policy ? `&policy=${policy}` : ''}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const widget = (name: Widget) => doc.querySelector<HTMLElement>(WIDGETS[name])!;
  const part = (name: Widget, selector: string) => widget(name)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
  await until(
    () =>
      frame.contentWindow!.hostPage &&
      part('rating', '[role="slider"]') &&
      part('share', '[part~="button"]') &&
      part('open-poll', 'input:enabled') &&
      part('closed-poll', '[part="figures"]'),
    `the widgets of the ${scheme} page to load`,
    10000,
  );
  const page = { doc, hooks: frame.contentWindow!.hostPage!, widget, part, close: () => frame.remove() };
  await settle(page);
  return page;
}

/** Waits until nothing moves: styles applied, every transition of every widget finished. */
export async function settle(page: HostPage): Promise<void> {
  const frame = () => new Promise((resolve) => page.doc.defaultView!.requestAnimationFrame(resolve));
  await frame();
  await frame();
  const animations = Object.keys(WIDGETS).flatMap((name) => page.widget(name as Widget).shadowRoot!.getAnimations());
  await Promise.all(animations.map((animation) => animation.finished));
}

/** A reader rates 4 stars and votes "Every week"; both fail (the network), leaving an error with a retry. */
export async function failToVote(page: HostPage): Promise<void> {
  page.hooks.backend.failNext('rateArticle', 'network').failNext('votePoll', 'network');
  page.part('rating', '[data-value="4"]')!.click();
  page.part('open-poll', 'input[value="weekly"]')!.click();
  page.part('open-poll', '[part="vote"]')!.click();
  await until(() => page.part('rating', '[part="retry"]') && page.part('open-poll', '[part="retry"]'), 'both errors');
  await settle(page);
}

/** The reader tries again and both votes are counted. */
export async function retryVotes(page: HostPage): Promise<void> {
  page.part('rating', '[part="retry"]')!.click();
  page.part('open-poll', '[part="retry"]')!.click();
  await until(() => page.part('rating', '[part="yours"]') && page.part('open-poll', '[part="change"]:enabled'), 'both votes counted');
  await settle(page);
}

/**
 * A screenshot of each widget (its box and a few pixels around it) and of the whole page, as
 * base64 PNGs: equal strings are equal pixels. `saveAs` names the files AW_SCREENSHOTS=DIR keeps.
 */
export async function screenshots(page: HostPage, saveAs?: string): Promise<Shots> {
  const clips: Record<string, Clip> = { page: { x: 0, y: 0, ...FRAME } };
  for (const name of Object.keys(WIDGETS) as Widget[]) clips[name] = clipOf(page, name);
  return executeServerCommand<Shots, { clips: typeof clips; saveAs: typeof saveAs }>('aw-screenshot', { clips, saveAs });
}

type Clip = { x: number; y: number; width: number; height: number };

/** A widget's box and 4 pixels around it, on whole pixels. */
function clipOf(page: HostPage, name: Widget): Clip {
  const box = page.widget(name).getBoundingClientRect();
  const x = Math.max(0, Math.floor(box.left) - 4);
  const y = Math.max(0, Math.floor(box.top) - 4);
  return { x, y, width: Math.ceil(box.right) + 4 - x, height: Math.ceil(box.bottom) + 4 - y };
}

/** The colour of the pixel at (x, y) of a PNG screenshot, as "rgb(r, g, b)". */
export async function pixel(png: string, x: number, y: number): Promise<string> {
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const [r, g, b] = context.getImageData(x, y, 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
}

/** Where the middle of `element` (inside widget `name`) falls in that widget's screenshot. */
export function positionInShot(page: HostPage, name: Widget, element: Element): [number, number] {
  const clip = clipOf(page, name);
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2) - clip.x, Math.round(box.top + box.height / 2) - clip.y];
}

const axeLoaded = new WeakSet<Document>();

/** axe-core's violations on the whole page, shadow roots included, run inside the page itself. */
export async function axeViolations(page: HostPage): Promise<string[]> {
  const win = page.doc.defaultView as Window & { axe?: { run(context: Node, options: object): Promise<{ violations: AxeViolation[] }> } };
  if (!axeLoaded.has(page.doc)) {
    const script = page.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.doc.head.append(script);
    await loaded;
    axeLoaded.add(page.doc);
  }
  const { violations } = await win.axe!.run(page.doc, { resultTypes: ['violations'] });
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}
