/**
 * Checks of the data that crosses the backend seam: backend replies, and the widget data shape
 * that MemoryBackend, LocalBackend and the server's seed file are loaded from. Each failure names
 * the path of the bad field (`polls[0].options[2].votes`), so a site can fix its data.
 */
import type { PollOption, PollView, RatingSummary, RatingVoteResult, ResultsVisibility, ShareCounts } from './backend.js';

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

export class ShapeError extends Error {
  override name = 'ShapeError';
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(path, 'expected an object');
  }
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'expected an array');
  return value;
}

function text(value: unknown, path: string, { empty = false } = {}): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'expected a string');
  if (!empty && value.trim() === '') throw new ShapeError(path, 'must not be empty');
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ShapeError(path, 'expected a whole number of 0 or more');
  }
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'expected true or false');
  return value;
}

const VISIBILITIES: readonly ResultsVisibility[] = ['always', 'after-vote', 'after-close'];

function visibility(value: unknown, path: string): ResultsVisibility {
  if (!VISIBILITIES.includes(value as ResultsVisibility)) {
    throw new ShapeError(path, `expected one of ${VISIBILITIES.join(', ')}`);
  }
  return value as ResultsVisibility;
}

function dateOrNull(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new ShapeError(path, 'expected an ISO 8601 date-time or null');
  }
  return value;
}

function average(value: unknown, votes: number, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'expected a number');
  if (votes === 0 ? value !== 0 : value < 1 || value > 5) {
    throw new ShapeError(path, votes === 0 ? 'must be 0 when there are no votes' : 'expected a number from 1 to 5');
  }
  return value;
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
  return {
    articleId: text(o.articleId, `${path}.articleId`),
    votes,
    average: average(o.average, votes, `${path}.average`),
  };
}

export function parseRatingVoteResult(value: unknown, path = 'reply'): RatingVoteResult {
  const o = object(value, path);
  const rating = count(o.rating, `${path}.rating`);
  if (rating < 1 || rating > 5) throw new ShapeError(`${path}.rating`, 'expected a whole number from 1 to 5');
  return { summary: parseRatingSummary(o.summary, `${path}.summary`), rating };
}

function pollOption(value: unknown, path: string, withVotes: boolean): PollOption {
  const o = object(value, path);
  const option: PollOption = { id: text(o.id, `${path}.id`), label: text(o.label, `${path}.label`) };
  if (withVotes || o.votes !== undefined) option.votes = count(o.votes, `${path}.votes`);
  return option;
}

function options(value: unknown, path: string, withVotes: boolean): PollOption[] {
  const list = array(value, path).map((option, i) => pollOption(option, `${path}[${i}]`, withVotes));
  if (list.length < 2) throw new ShapeError(path, 'a poll needs at least two options');
  const seen = new Set<string>();
  list.forEach((option, i) => {
    if (seen.has(option.id)) throw new ShapeError(`${path}[${i}].id`, `duplicate option id "${option.id}"`);
    seen.add(option.id);
  });
  return list;
}

function maxChoices(value: unknown, multiple: boolean, optionCount: number, path: string): number {
  if (value === undefined) return multiple ? optionCount : 1;
  const max = count(value, path);
  if (max < 1 || max > optionCount || (!multiple && max !== 1)) {
    throw new ShapeError(path, multiple ? `expected 1 to ${optionCount}` : 'must be 1 for a single-choice poll');
  }
  return max;
}

export function parsePollView(value: unknown, path = 'poll'): PollView {
  const o = object(value, path);
  const multiple = o.multiple === undefined ? false : bool(o.multiple, `${path}.multiple`);
  const list = options(o.options, `${path}.options`, false);
  const withVotes = list.filter((option) => option.votes !== undefined).length;
  if (withVotes !== 0 && withVotes !== list.length) {
    throw new ShapeError(`${path}.options`, 'either every option has votes or none has');
  }
  const poll: PollView = {
    id: text(o.id, `${path}.id`),
    question: text(o.question, `${path}.question`),
    options: list,
    multiple,
    maxChoices: maxChoices(o.maxChoices, multiple, list.length, `${path}.maxChoices`),
    results: o.results === undefined ? 'always' : visibility(o.results, `${path}.results`),
    closesAt: dateOrNull(o.closesAt, `${path}.closesAt`),
    closed: o.closed === undefined ? false : bool(o.closed, `${path}.closed`),
    allowChange: o.allowChange === undefined ? false : bool(o.allowChange, `${path}.allowChange`),
  };
  if (o.voters !== undefined) poll.voters = count(o.voters, `${path}.voters`);
  if (o.myChoices !== undefined) {
    const ids = new Set(list.map((option) => option.id));
    poll.myChoices = array(o.myChoices, `${path}.myChoices`).map((id, i) => {
      const choice = text(id, `${path}.myChoices[${i}]`);
      if (!ids.has(choice)) throw new ShapeError(`${path}.myChoices[${i}]`, `unknown option "${choice}"`);
      return choice;
    });
  }
  return poll;
}

export function parseShareCounts(value: unknown, path = 'shares'): ShareCounts {
  const o = object(value, path);
  const raw = object(o.counts, `${path}.counts`);
  const counts: Record<string, number> = {};
  for (const [network, n] of Object.entries(raw)) counts[network] = count(n, `${path}.counts.${network}`);
  return {
    url: text(o.url, `${path}.url`),
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  };
}

function ratingData(value: unknown, path: string): RatingData {
  const o = object(value, path);
  const articleId = text(o.articleId, `${path}.articleId`);
  if (o.distribution !== undefined) {
    const stars = array(o.distribution, `${path}.distribution`);
    if (stars.length !== 5) throw new ShapeError(`${path}.distribution`, 'expected the counts of 1 to 5 stars');
    const distribution = stars.map((n, i) => count(n, `${path}.distribution[${i}]`));
    return { articleId, distribution: distribution as [number, number, number, number, number] };
  }
  const votes = count(o.votes, `${path}.votes`);
  return { articleId, votes, average: average(o.average, votes, `${path}.average`) };
}

function pollData(value: unknown, path: string): PollData {
  const view = parsePollView(value, path);
  const o = value as Json;
  array(o.options, `${path}.options`).forEach((option, i) => count((option as Json).votes, `${path}.options[${i}].votes`));
  const poll: PollData = {
    id: view.id,
    question: view.question,
    options: view.options.map(({ id, label, votes }) => ({ id, label, votes: votes ?? 0 })),
    multiple: view.multiple,
    maxChoices: view.maxChoices,
    results: view.results,
    closesAt: view.closesAt,
    closed: view.closed,
    allowChange: view.allowChange,
  };
  if (view.voters !== undefined) poll.voters = view.voters;
  return poll;
}

function unique<T>(items: T[], key: (item: T) => string, path: string, field: string): T[] {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) throw new ShapeError(`${path}[${i}].${field}`, `duplicate "${k}"`);
    seen.add(k);
  });
  return items;
}

/** Checks a whole widget data file; throws a `ShapeError` naming the first bad field. */
export function parseWidgetData(value: unknown): WidgetData {
  const o = object(value, '$');
  const data: WidgetData = {};
  if (o.ratings !== undefined) {
    const ratings = array(o.ratings, 'ratings').map((r, i) => ratingData(r, `ratings[${i}]`));
    data.ratings = unique(ratings, (r) => r.articleId, 'ratings', 'articleId');
  }
  if (o.polls !== undefined) {
    const polls = array(o.polls, 'polls').map((p, i) => pollData(p, `polls[${i}]`));
    data.polls = unique(polls, (p) => p.id, 'polls', 'id');
  }
  return data;
}
