/**
 * What a site got wrong with a rating, said in the console once per rating and problem. The
 * rating notices a problem as it renders; the words load from here only on a page that has one,
 * so a rating set up right carries none of them (as the share bar's, src/share-bar/problems.ts).
 */
import { warnOnce } from '../internal/warn.js';

const warnings: Record<Problem, (value: string | null) => string> = {
  'article-id': () => 'needs an article-id attribute to load and cast votes; showing its attributes read-only.',
  votes: (value) => `votes="${value}" must be a whole number of 0 or more; showing 0.`,
  average: (value) => `average="${value}" must be a number from 1 to 5; clamping it.`,
};

export type Problem = 'article-id' | 'votes' | 'average';

/** `value`: the attribute as the site wrote it. */
export function report(host: Element, problem: Problem, value: string | null = null): void {
  warnOnce(host, problem, warnings[problem](value));
}
