/**
 * Checks of the data that crosses the backend seam: backend replies, and the widget data shape
 * that MemoryBackend, LocalBackend and the server's seed file are loaded from. Each failure names
 * the path of the bad field (`polls[0].options[2].votes`), so a site can fix its data.
 */
import { BackendError, type PollOption, type PollView, type RatingSummary, type RatingVoteResult, type ResultsVisibility, type ShareCounts } from './backend.js';

/** One article's rating as bulk data: votes and average, or the count of each of 1..5 stars. */
export type RatingData =
  | { articleId: string; votes: number; average: number }
  | { articleId: string; distribution: [number, number, number, number, number] };

/** One poll as bulk data. */
export interface PollData {
  id: string;
  question: string;
  options: { id: string; label: string; votes: number }[];
  multiple: boolean;
  maxChoices: number;
  results: ResultsVisibility;
  closesAt: string | null;
  closed: boolean;
  /** Whether a reader may change a vote; false when absent. */
  allowChange?: boolean;
  /** Readers who voted, for a multiple-choice poll; the sum of the votes when absent. */
  voters?: number;
}

/** The one shape of widget data loaded in bulk. */
export interface WidgetData {
  ratings?: RatingData[];
  polls?: PollData[];
}

/** A reply or data file that does not fit its shape: an `invalid-reply` naming the bad field. */
export class ShapeError extends BackendError {
  override name = 'ShapeError';
  constructor(readonly path: string, problem: string) {
    super('invalid-reply', `${path}: ${problem}`);
  }
}

type Json = Record<string, unknown>;

/** The one way a check fails: a ShapeError at `path` unless `ok`. */
function check(ok: unknown, path: string, problem: string): void {
  if (!ok) throw new ShapeError(path, problem);
}

function object(value: unknown, path: string): Json {
  check(typeof value === 'object' && value && !Array.isArray(value), path, 'expected an object');
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  check(Array.isArray(value), path, 'expected an array');
  return value as unknown[];
}

function text(value: unknown, path: string): string {
  check(typeof value === 'string' && value.trim(), path, 'expected a non-empty string');
  return value as string;
}

function count(value: unknown, path: string): number {
  check(Number.isSafeInteger(value) && (value as number) >= 0, path, 'expected a whole number of 0 or more');
  return value as number;
}

/** An optional flag: false when absent. */
function flag(value: unknown, path: string): boolean {
  check(value === undefined || typeof value === 'boolean', path, 'expected true or false');
  return value === true;
}

function average(value: unknown, votes: number, path: string): number {
  const n = value as number;
  check(Number.isFinite(n) && (votes ? n >= 1 && n <= 5 : n === 0), path, votes ? 'expected a number from 1 to 5' : 'expected 0, with no votes');
  return n;
}

/** Throws at `path[i].field` on the first item whose `field` repeats an earlier one's. */
function unique<T>(items: T[], path: string, field: keyof T & string): T[] {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    check(!seen.has(item[field]), `${path}[${i}].${field}`, `duplicate "${item[field]}"`);
    seen.add(item[field]);
  });
  return items;
}

/** The aggregate of a star distribution (index 0 holds the one-star votes). */
export function summarizeDistribution(distribution: readonly number[]): { votes: number; average: number } {
  const votes = distribution.reduce((sum, n) => sum + n, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { votes, average: votes === 0 ? 0 : total / votes };
}

export function parseRatingSummary(value: unknown, path = 'rating'): RatingSummary {
  const o = object(value, path);
  const votes = count(o.votes, `${path}.votes`);
  return { articleId: text(o.articleId, `${path}.articleId`), votes, average: average(o.average, votes, `${path}.average`) };
}

export function parseRatingVoteResult(value: unknown, path = 'reply'): RatingVoteResult {
  const o = object(value, path);
  const rating = count(o.rating, `${path}.rating`);
  check(rating >= 1 && rating <= 5, `${path}.rating`, 'expected a whole number from 1 to 5');
  return { summary: parseRatingSummary(o.summary, `${path}.summary`), rating };
}

function pollOption(value: unknown, path: string): PollOption {
  const o = object(value, path);
  const option: PollOption = { id: text(o.id, `${path}.id`), label: text(o.label, `${path}.label`) };
  if (o.votes !== undefined) option.votes = count(o.votes, `${path}.votes`);
  return option;
}

const VISIBILITIES: readonly unknown[] = ['always', 'after-vote', 'after-close'];

export function parsePollView(value: unknown, path = 'poll'): PollView {
  const o = object(value, path);
  const options = unique(array(o.options, `${path}.options`).map((option, i) => pollOption(option, `${path}.options[${i}]`)), `${path}.options`, 'id');
  const optionCount = options.length;
  check(optionCount >= 2, `${path}.options`, 'a poll needs at least two options');
  const withVotes = options.filter((option) => option.votes !== undefined).length;
  check(withVotes === 0 || withVotes === optionCount, `${path}.options`, 'either every option has votes or none has');
  const multiple = flag(o.multiple, `${path}.multiple`);
  const maxChoices = o.maxChoices === undefined ? (multiple ? optionCount : 1) : count(o.maxChoices, `${path}.maxChoices`);
  check(multiple ? maxChoices >= 1 && maxChoices <= optionCount : maxChoices === 1, `${path}.maxChoices`, multiple ? `expected 1 to ${optionCount}` : 'must be 1 for a single-choice poll');
  const results = o.results ?? 'always';
  check(VISIBILITIES.includes(results), `${path}.results`, `expected one of ${VISIBILITIES.join(', ')}`);
  const closesAt = o.closesAt ?? null;
  check(closesAt === null || (typeof closesAt === 'string' && !Number.isNaN(Date.parse(closesAt))), `${path}.closesAt`, 'expected an ISO 8601 date-time or null');
  const poll: PollView = {
    id: text(o.id, `${path}.id`),
    question: text(o.question, `${path}.question`),
    options,
    multiple,
    maxChoices,
    results: results as ResultsVisibility,
    closesAt: closesAt as string | null,
    closed: flag(o.closed, `${path}.closed`),
    allowChange: flag(o.allowChange, `${path}.allowChange`),
  };
  if (o.voters !== undefined) poll.voters = count(o.voters, `${path}.voters`);
  if (o.myChoices !== undefined) {
    poll.myChoices = array(o.myChoices, `${path}.myChoices`).map((id, i) => {
      check(options.some((option) => option.id === id), `${path}.myChoices[${i}]`, `unknown option "${id}"`);
      return id as string;
    });
  }
  return poll;
}

export function parseShareCounts(value: unknown, path = 'shares'): ShareCounts {
  const o = object(value, path);
  const counts: Record<string, number> = {};
  for (const [network, n] of Object.entries(object(o.counts, `${path}.counts`))) counts[network] = count(n, `${path}.counts.${network}`);
  return { url: text(o.url, `${path}.url`), counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

function ratingData(value: unknown, path: string): RatingData {
  const o = object(value, path);
  if (o.distribution === undefined) return parseRatingSummary(o, path);
  const stars = array(o.distribution, `${path}.distribution`);
  check(stars.length === 5, `${path}.distribution`, 'expected the counts of 1 to 5 stars');
  const distribution = stars.map((n, i) => count(n, `${path}.distribution[${i}]`)) as [number, number, number, number, number];
  return { articleId: text(o.articleId, `${path}.articleId`), distribution };
}

/** A poll as bulk data: a poll view whose options all carry their votes. */
function pollData(value: unknown, path: string): PollData {
  const poll = parsePollView(value, path);
  poll.options.forEach((option, i) => count(option.votes, `${path}.options[${i}].votes`));
  return poll as PollData;
}

/** Checks a whole widget data file; throws a `ShapeError` naming the first bad field. */
export function parseWidgetData(value: unknown): WidgetData {
  const o = object(value, '$');
  const data: WidgetData = {};
  if (o.ratings !== undefined) data.ratings = unique(array(o.ratings, 'ratings').map((r, i) => ratingData(r, `ratings[${i}]`)), 'ratings', 'articleId');
  if (o.polls !== undefined) data.polls = unique(array(o.polls, 'polls').map((p, i) => pollData(p, `polls[${i}]`)), 'polls', 'id');
  return data;
}
