/**
 * What a site got wrong with a poll, said in the console once per poll and problem. The words
 * load from here only on a page that has one, so a poll set up right carries none of them (as the
 * share bar's, src/share-bar/problems.ts).
 */
import { warnOnce } from '../internal/warn.js';

const warnings: Record<Problem, (value: string) => string> = {
  'poll-id': () => 'needs a poll-id attribute to load the poll and take votes.',
  'light-dom': (why) => `cannot show the poll written in its HTML: ${why}`,
};

export type Problem = 'poll-id' | 'light-dom';

/** `value`: what the words need (why the poll in the HTML does not fit). */
export function report(host: Element, problem: Problem, value = ''): void {
  warnOnce(host, problem, warnings[problem](value));
}
