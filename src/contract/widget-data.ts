/**
 * The widget data shape ({ ratings, polls }) checked as strictly as the server's JSON Schema
 * (server/src/schemas.ts, built from the same patterns and limits; a server test feeds both the
 * same files), plus what a schema cannot say: unique ids, a choice limit that fits, averages that
 * fit their votes. MemoryBackend, LocalBackend, the server's seed file and its import all take
 * data through here, so a file one accepts the others accept.
 */
import { DATE_TIME_PATTERN, ID_PATTERN, ID_RULE, LIMITS, fits } from './ids.js';
import { array, average, check, count, object, pollSettings, text, unique, type Json } from './shape.js';
import type { CheckedWidgetData, PollData, RatingSummary } from './types.js';

/**
 * The object at `path`, its `required` fields present and no other than `fields` (a misspelt
 * `allowchange` would otherwise be lost without a word), checked in the order JSON Schema checks.
 */
function known(value: unknown, fields: readonly string[], required: readonly string[], path: string): Json {
  const o = object(value, path);
  const at = (key: string) => (path === '$' ? key : `${path}.${key}`);
  for (const key of required) check(o[key] !== undefined, at(key), 'is required');
  for (const key of Object.keys(o)) check(fields.includes(key), at(key), 'is not a known field');
  return o;
}

function list(value: unknown, path: string, min: number, max: number): unknown[] {
  const items = array(value, path);
  check(items.length >= min && items.length <= max, path, `expected ${min} to ${max} items`);
  return items;
}

function id(value: unknown, path: string): string {
  check(fits(value, ID_PATTERN), path, `expected an id: ${ID_RULE}`);
  return value as string;
}

/** Non-blank text of at most `max` characters, counted as JSON Schema counts them (by code point). */
function words(value: unknown, path: string, max: number): string {
  check([...text(value, path)].length <= max, path, `expected at most ${max} characters`);
  return value as string;
}

function figure(value: unknown, path: string): number {
  check(count(value, path) <= LIMITS.count, path, `expected at most ${LIMITS.count}`);
  return value as number;
}

/**
 * `2027-06-30T21:00:00Z` or `…+03:00`: a date-time every JavaScript engine reads (JSON Schema's
 * `date-time` also lets through a leap second, a lowercase `t` or an offset without its colon,
 * which Date.parse reads as no time at all: such a poll would never close), or null.
 */
function dateTime(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  const parts = typeof value === 'string' ? new RegExp(DATE_TIME_PATTERN).exec(value) : null;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = (parts?.slice(1) ?? []).map(Number);
  check(
    parts && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
      hour <= 23 && minute <= 59 && second <= 59 && !(offsetHours > 23) && !(offsetMinutes > 59),
    path,
    'expected a date-time with its offset (2027-06-30T21:00:00Z) or null',
  );
  return value as string;
}

/** The votes and exact average of a star distribution (index 0 holds the one-star votes). */
export function summarizeDistribution(distribution: readonly number[]): { votes: number; average: number } {
  const votes = distribution.reduce((sum, n) => sum + n, 0);
  const stars = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { votes, average: votes === 0 ? 0 : stars / votes };
}

function ratingData(value: unknown, path: string): RatingSummary {
  const o = known(value, ['articleId', 'votes', 'average', 'distribution'], ['articleId'], path);
  const articleId = id(o.articleId, `${path}.articleId`);
  const votes = o.votes === undefined ? undefined : figure(o.votes, `${path}.votes`);
  check(o.average === undefined || (typeof o.average === 'number' && o.average >= 0 && o.average <= 5), `${path}.average`, 'expected a number from 0 to 5');
  if (o.distribution !== undefined) {
    const stars = list(o.distribution, `${path}.distribution`, 5, 5);
    return { articleId, ...summarizeDistribution(stars.map((n, i) => figure(n, `${path}.distribution[${i}]`))) };
  }
  check(votes !== undefined, `${path}.votes`, 'is required (or give a distribution)');
  check(o.average !== undefined, `${path}.average`, 'is required (or give a distribution)');
  return { articleId, votes: votes!, average: average(o.average, votes!, `${path}.average`) };
}

const POLL_FIELDS = ['id', 'question', 'options', 'multiple', 'maxChoices', 'results', 'closesAt', 'closed', 'allowChange', 'voters'];

/** One poll as bulk data (a poll of a data file, or a new poll), its paths under `path`. */
export function parsePollData(value: unknown, path: string): PollData & { allowChange: boolean } {
  const o = known(value, POLL_FIELDS, ['id', 'question', 'options'], path);
  const pollId = id(o.id, `${path}.id`);
  const question = words(o.question, `${path}.question`, LIMITS.question);
  const options = list(o.options, `${path}.options`, 2, LIMITS.options).map((option, i) => {
    const at = `${path}.options[${i}]`;
    const p = known(option, ['id', 'label', 'votes'], ['id', 'label', 'votes'], at);
    return { id: id(p.id, `${at}.id`), label: words(p.label, `${at}.label`, LIMITS.label), votes: figure(p.votes, `${at}.votes`) };
  });
  unique(options, `${path}.options`, 'id');
  const poll = { id: pollId, question, options, ...pollSettings(o, options.length, path), closesAt: dateTime(o.closesAt, `${path}.closesAt`) };
  return o.voters === undefined ? poll : { ...poll, voters: figure(o.voters, `${path}.voters`) };
}

/**
 * Checks widget data (a parsed JSON file); throws a `ShapeError` naming the first bad field, under
 * `root` (`body.` for the data of a request). Ratings come out as votes and average, polls with
 * every default filled in.
 */
export function parseWidgetData(value: unknown, root = ''): CheckedWidgetData {
  const whole = root.slice(0, -1) || '$';
  const o = known(value, ['ratings', 'polls'], [], whole);
  const data: CheckedWidgetData = {};
  if (o.ratings !== undefined) {
    const ratings = list(o.ratings, `${root}ratings`, 0, LIMITS.ratings).map((r, i) => ratingData(r, `${root}ratings[${i}]`));
    data.ratings = unique(ratings, `${root}ratings`, 'articleId');
  }
  if (o.polls !== undefined) data.polls = unique(list(o.polls, `${root}polls`, 0, LIMITS.polls).map((p, i) => parsePollData(p, `${root}polls[${i}]`)), `${root}polls`, 'id');
  return data;
}
