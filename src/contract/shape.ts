/**
 * Checking data against its shape, each failure naming the path of the bad field
 * (`polls[0].options[2].votes`) so whoever wrote it can fix it: the pieces that the widget data
 * check (widget-data.ts) and the widgets' checks of backend replies (src/backend/shapes.ts) share.
 */

/** Data that does not fit its shape, at `path`. */
export class ShapeError extends Error {
  override name = 'ShapeError';
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}

export type Json = Record<string, unknown>;

/** The one way a check fails: a ShapeError at `path` unless `ok`. */
export function check(ok: unknown, path: string, problem: string): void {
  if (!ok) throw new ShapeError(path, problem);
}

export function object(value: unknown, path: string): Json {
  check(typeof value === 'object' && value && !Array.isArray(value), path, 'expected an object');
  return value as Json;
}

export function array(value: unknown, path: string): unknown[] {
  check(Array.isArray(value), path, 'expected an array');
  return value as unknown[];
}

export function text(value: unknown, path: string): string {
  check(typeof value === 'string' && value.trim(), path, 'expected a non-empty string');
  return value as string;
}

export function count(value: unknown, path: string): number {
  check(Number.isSafeInteger(value) && (value as number) >= 0, path, 'expected a whole number of 0 or more');
  return value as number;
}

/** An optional flag: false when absent. */
export function flag(value: unknown, path: string): boolean {
  check(value === undefined || typeof value === 'boolean', path, 'expected true or false');
  return value === true;
}

/** A mean rating: 0 with no votes, else 1..5. */
export function average(value: unknown, votes: number, path: string): number {
  const n = value as number;
  check(Number.isFinite(n) && (votes ? n >= 1 && n <= 5 : n === 0), path, votes ? 'expected a number from 1 to 5' : 'expected 0, with no votes');
  return n;
}

/** Throws at `path[i].field` on the first item whose `field` repeats an earlier one's. */
export function unique<T>(items: T[], path: string, field: keyof T & string): T[] {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    check(!seen.has(item[field]), `${path}[${i}].${field}`, `duplicate "${String(item[field])}"`);
    seen.add(item[field]);
  });
  return items;
}

/** Throws at `path` unless `maxChoices` fits: 1 for a single-choice poll, 1 to `optionCount` for multiple choice. */
export function checkChoiceLimit(multiple: boolean, maxChoices: number, optionCount: number, path: string): void {
  check(multiple ? maxChoices >= 1 && maxChoices <= optionCount : maxChoices === 1, path, multiple ? `expected 1 to ${optionCount}` : 'must be 1 for a single-choice poll');
}

const VISIBILITIES: readonly unknown[] = ['always', 'after-vote', 'after-close'];

/** A poll's rules, given its options: choice limit (1 unless multiple), results visibility, closing and changes. */
export function pollSettings(o: Json, optionCount: number, path: string) {
  const multiple = flag(o.multiple, `${path}.multiple`);
  const maxChoices = o.maxChoices === undefined ? (multiple ? optionCount : 1) : count(o.maxChoices, `${path}.maxChoices`);
  checkChoiceLimit(multiple, maxChoices, optionCount, `${path}.maxChoices`);
  const results = o.results === undefined ? 'always' : o.results;
  check(VISIBILITIES.includes(results), `${path}.results`, `expected one of ${VISIBILITIES.join(', ')}`);
  return {
    multiple,
    maxChoices,
    results: results as 'always' | 'after-vote' | 'after-close',
    closed: flag(o.closed, `${path}.closed`),
    allowChange: flag(o.allowChange, `${path}.allowChange`),
  };
}
