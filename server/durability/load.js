// The durability tests' load: readers' votes with their ground truth, sent concurrently over real
// HTTP to several server processes, and the totals the database ends up with. A plan is a list of
// logical votes (a rating, a ballot, a share), each one reader's first action on its item, so the
// right totals follow from the plan alone whatever order the requests arrive in; duplicates are
// the same vote sent again, under its own Idempotency-Key (a retry) or under a new one (a second
// click), which must change nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, inspect, spawnCli } from '../test/helpers.js';

export const NETWORKS = ['telegram', 'vk', 'whatsapp', 'copy'];

/** Five polls: single and multiple choice, with and without changing a vote. */
export const POLLS = [
  { id: 'load-single', multiple: false, maxChoices: 1, allowChange: false },
  { id: 'load-multiple', multiple: true, maxChoices: 2, allowChange: false },
  { id: 'load-change', multiple: false, maxChoices: 1, allowChange: true },
  { id: 'load-multiple-change', multiple: true, maxChoices: 3, allowChange: true },
  { id: 'load-after-vote', multiple: false, maxChoices: 1, allowChange: false, results: 'after-vote' },
].map(({ results = 'always', ...poll }) => ({
  ...poll,
  question: `Question ${poll.id}?`,
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: `Option ${id}`, votes: 0 })),
  results,
  closesAt: null,
  closed: false,
}));

/** A seed file with the polls, for --seed. */
export function writeSeed(dir) {
  const path = join(dir, 'load-seed.json');
  writeFileSync(path, JSON.stringify({ ratings: [], polls: POLLS }));
  return path;
}

/** A small deterministic random source, so a failing plan can be run again. */
export function randomSource(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    below: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct items. */
    some: (items, count) => {
      const pool = [...items];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      return pool.slice(0, count);
    },
    chance: (p) => next() < p,
  };
}

const key = () => randomBytes(12).toString('hex');

/**
 * The logical votes of `voters` readers: each rates `ratingsEach` distinct articles of `articles`,
 * votes in `pollsEach` distinct polls and shares `sharesEach` (URL, network) pairs. Each vote has
 * its request: method, path, body and Idempotency-Key, and the reader's address.
 */
export function planVotes(random, { voters, articles, ratingsEach, pollsEach, sharesEach, urls }) {
  const votes = [];
  const articleIds = Array.from({ length: articles }, (_, i) => `load-article-${i}`);
  const shareUrls = Array.from({ length: urls }, (_, i) => `https://news.example.org/load/${i}`);
  const shareTargets = shareUrls.flatMap((url) => NETWORKS.map((network) => ({ url, network })));
  for (let v = 0; v < voters; v++) {
    const voterId = randomBytes(16).toString('hex');
    // A distinct address per reader (through the trusted loopback proxy), so the per-item cap counts
    // each reader apart and holds them all well under it.
    const address = `10.${(v >> 16) & 255}.${(v >> 8) & 255}.${v & 255}`;
    for (const articleId of random.some(articleIds, ratingsEach)) {
      const rating = 1 + random.below(5);
      votes.push({ kind: 'rating', item: articleId, value: rating, voterId, address, path: `/api/ratings/${articleId}/votes`, body: { rating, voterId } });
    }
    for (const poll of random.some(POLLS, pollsEach)) {
      const optionIds = random.some(['a', 'b', 'c', 'd'], 1 + random.below(poll.maxChoices));
      votes.push({ kind: 'poll', item: poll.id, value: optionIds, voterId, address, path: `/api/polls/${poll.id}/votes`, body: { optionIds, voterId } });
    }
    for (const { url, network } of random.some(shareTargets, sharesEach)) {
      votes.push({ kind: 'share', item: url, value: network, voterId, address, path: '/api/shares', body: { url, network, voterId } });
    }
  }
  for (const vote of votes) vote.key = key();
  return votes;
}

/** The totals `votes` make: ratings' votes and sums, each poll's option counts and voters, shares. */
export function groundTruth(votes) {
  const ratings = {};
  const polls = Object.fromEntries(POLLS.map((p) => [p.id, { voters: 0, options: { a: 0, b: 0, c: 0, d: 0 } }]));
  const shares = {};
  for (const vote of votes) {
    if (vote.kind === 'rating') {
      ratings[vote.item] ??= { votes: 0, sum: 0 };
      ratings[vote.item].votes += 1;
      ratings[vote.item].sum += vote.value;
    } else if (vote.kind === 'poll') {
      polls[vote.item].voters += 1;
      for (const id of vote.value) polls[vote.item].options[id] += 1;
    } else {
      shares[vote.item] ??= {};
      shares[vote.item][vote.value] = (shares[vote.item][vote.value] ?? 0) + 1;
    }
  }
  return { ratings, polls, shares };
}

/**
 * What the database holds, the same shape as groundTruth: the polls and shares through a server's
 * admin API, the ratings' exact sums from the database itself (the API gives a rounded average).
 */
export async function storedTotals(url, db) {
  const get = async (path) => {
    const reply = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(reply.status, 200, `${path}: ${reply.status}`);
    return reply.json();
  };
  const ratings = {};
  const database = await inspect(db);
  for (const r of await database.all('SELECT article_id, reader_votes, reader_sum FROM ratings WHERE reader_votes > 0')) {
    ratings[r.article_id] = { votes: r.reader_votes, sum: r.reader_sum };
  }
  await database.close();
  const listed = Object.fromEntries((await get('/api/admin/ratings')).ratings.map((r) => [r.articleId, r.votes]));
  assert.deepEqual(listed, Object.fromEntries(Object.entries(ratings).map(([id, r]) => [id, r.votes])), 'the API lists what the database holds');
  const polls = {};
  for (const p of (await get('/api/admin/polls')).polls) {
    if (p.id.startsWith('load-')) polls[p.id] = { voters: p.voters, options: Object.fromEntries(p.options.map((o) => [o.id, o.votes])) };
  }
  const shares = {};
  for (const s of (await get('/api/admin/shares')).shares) shares[s.url] = s.counts;
  return { ratings, polls, shares };
}

/** One request of a vote to a server: the reply's status and body, or the network error. */
export async function send(url, vote, { timeoutMs = 20_000 } = {}) {
  try {
    const reply = await fetch(`${url}${vote.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': vote.key, 'x-forwarded-for': vote.address },
      body: JSON.stringify(vote.body),
      // A server that hangs fails the test instead of waiting for ever.
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: reply.status, retryAfter: reply.headers.get('retry-after'), body: await reply.json() };
  } catch (error) {
    if (error.name === 'TimeoutError') throw new Error(`${vote.path} got no reply in ${timeoutMs} ms: the server hung`, { cause: error });
    return { status: 0, error: error.cause?.code ?? error.message };
  }
}

/** Runs `task` over `items` with at most `concurrency` at once. */
export async function eachConcurrently(items, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Spawns a server process on `db` behind a trusted loopback proxy; resolves once it listens. */
export async function startProcess(db, seed, extra = []) {
  const server = spawnCli(['--port', '0', '--db', db, '--seed', seed, '--trust-proxy', 'loopback', '--log', 'silent', ...extra], {
    env: { AW_ADMIN_TOKEN: ADMIN_TOKEN },
  });
  const url = await server.ready;
  return { ...server, url };
}

/** Stops a spawned server the way an operator does (SIGTERM: it finishes what is under way). */
export async function stopProcess(server) {
  server.child.kill('SIGTERM');
  await server.exited;
}
