/**
 * What a site got wrong with a bar, said in the console once per bar and problem. The bar notices
 * a problem as it renders; the words load from here only on a page that has one, so a bar set up
 * right carries none of them.
 */
import { warnOnce } from '../internal/warn.js';

/** Refusals are errors (an address the bar will not share); the rest are warnings. */
const refusals: Record<string, (value: string) => string> = {
  url: (value) => `refused url="${value}": not an absolute http(s) URL; sharing the page's address.`,
  canonical: () => 'refused <link rel="canonical">: not http(s).',
  location: () => "refused the page's address: not http(s).",
};
const warnings: Record<string, (value: string) => string> = {
  'share-title': () => 'has an empty share-title; sharing the page title instead.',
  network: (name) => `does not know the network "${name}" (see registerNetwork).`,
  template: (name) => `cannot build a share link for "${name}" from its url template.`,
};

export type Problem = 'url' | 'canonical' | 'location' | 'share-title' | 'network' | 'template';

export function report(host: Element, problem: Problem, value: string): void {
  const refusal = refusals[problem];
  if (refusal) warnOnce(host, problem, refusal(value), 'error');
  else warnOnce(host, `${problem} ${value}`, warnings[problem](value));
}
