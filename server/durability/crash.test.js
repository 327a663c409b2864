// Crashes under load: a server process killed with SIGKILL and started again (on SQLite and on
// PostgreSQL), and PostgreSQL itself stopped as by a crash (`pg_ctl stop -m immediate`) and started
// again while two server processes keep serving. Every vote acknowledged (a 2xx received) is there
// afterwards; during PostgreSQL's outage every request gets a quick 503 storage-unavailable with
// Retry-After (none hangs, none fails otherwise), and the same processes serve again once it is
// back. Then every vote is sent again under its own key, as clients retry: the acknowledged ones
// replay their first reply (their receipt survived with them), and every total is exact.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, newDatabase, tempDir } from '../test/helpers.js';
import { startCluster } from '../../scripts/postgres.mjs';
import { eachConcurrently, groundTruth, planVotes, randomSource, send, startProcess, stopProcess, storedTotals, writeSeed } from './load.js';

const CONCURRENCY = 32;
const plan = (seed) => planVotes(randomSource(seed), { voters: 600, articles: 50, ratingsEach: 2, pollsEach: 1, sharesEach: 1, urls: 10 });

/**
 * Sends `votes` to the servers `targets()` names at the moment of each request, calling
 * `interrupt` once a third of them are sent (the load goes on while it runs); each vote's reply.
 */
async function underLoad(votes, targets, interrupt) {
  const replies = new Map();
  let interrupted;
  await eachConcurrently(votes, CONCURRENCY, async (vote, index) => {
    if (index === Math.floor(votes.length / 3)) interrupted = interrupt();
    const servers = targets();
    const target = servers[index % servers.length];
    replies.set(vote, await send(target.url, vote));
  });
  await interrupted;
  return replies;
}

/** Every number of `stored` lies between that of `lower` and that of `upper` (same shapes). */
function between(stored, lower, upper, path = 'totals') {
  if (typeof upper === 'number') {
    const value = stored ?? 0;
    assert.ok(value >= (lower ?? 0) && value <= upper, `${path}: ${value} is not within ${lower ?? 0}..${upper}`);
    return;
  }
  for (const key of Object.keys(upper)) between(stored?.[key], lower?.[key], upper[key], `${path}.${key}`);
  for (const key of Object.keys(stored ?? {})) assert.ok(key in upper, `${path}.${key} was never voted`);
}

/**
 * The checks after the interruption: every acknowledged vote counted; each vote sent again under
 * its key, to each of `servers` in turn: 200, the acknowledged ones with their first reply; then
 * the totals exact.
 */
async function checkEveryAcknowledgedVote(votes, replies, servers, db) {
  const [server] = servers;
  const acknowledged = votes.filter((vote) => replies.get(vote).status === 200);
  assert.ok(acknowledged.length > 0 && acknowledged.length < votes.length, `${acknowledged.length} of ${votes.length} acknowledged: the interruption hit the load`);
  between(await storedTotals(server.url, db), groundTruth(acknowledged), groundTruth(votes));
  await eachConcurrently(votes, CONCURRENCY, async (vote, index) => {
    const again = await send(servers[index % servers.length].url, vote);
    assert.equal(again.status, 200, `${vote.path} sent again: ${JSON.stringify(again.body ?? again.error)}`);
    const first = replies.get(vote);
    if (first.status === 200) assert.deepEqual(again.body, first.body, `${vote.path}: an acknowledged vote replays its first reply`);
  });
  assert.deepEqual(await storedTotals(server.url, db), groundTruth(votes));
  return acknowledged.length;
}

for (const engine of ENGINES) {
  describe(`a server process killed under load on ${engine}`, () => {
    it('loses no acknowledged vote, and the votes sent again count once', async () => {
      const temp = tempDir();
      const database = await newDatabase(engine);
      const seed = writeSeed(temp.dir);
      let victim = await startProcess(database.db, seed);
      const survivor = await startProcess(database.db, seed);
      try {
        const votes = plan(engine === 'sqlite' ? 7 : 8);
        const replies = await underLoad(votes, () => [victim, survivor], async () => {
          victim.child.kill('SIGKILL');
          await victim.exited;
          victim = await startProcess(database.db, seed);
        });
        const lost = [...replies.values()].filter((reply) => reply.status !== 200);
        assert.ok(lost.every((reply) => reply.status === 0), `only the killed process's requests fail: ${JSON.stringify(lost.find((r) => r.status !== 0))}`);
        const acknowledged = await checkEveryAcknowledgedVote(votes, replies, [survivor, victim], database.db);
        console.log(`${engine}, kill -9: ${acknowledged} of ${votes.length} votes acknowledged, all of them kept; ${lost.length} cut off, counted once when sent again`);
      } finally {
        await Promise.all([stopProcess(victim), stopProcess(survivor)]);
        await database.remove();
        temp.remove();
      }
    });
  });
}

describe('PostgreSQL stopped (-m immediate) and started again under load', () => {
  it('answers 503 with Retry-After meanwhile, recovers without a restart and loses no acknowledged vote', async () => {
    const cluster = await startCluster();
    const temp = tempDir();
    const seed = writeSeed(temp.dir);
    const url = new URL(cluster.url);
    const { default: pg } = await import('pg');
    const admin = new pg.Client(cluster.url);
    await admin.connect();
    await admin.query('CREATE DATABASE crash');
    await admin.end();
    url.pathname = '/crash';
    const servers = [await startProcess(url.href, seed), await startProcess(url.href, seed)];
    try {
      const votes = plan(9);
      let restarted = false;
      const replies = await underLoad(votes, () => servers, async () => {
        await cluster.stop({ immediate: true });
        // Down long enough for many requests to meet the outage.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await cluster.start();
        restarted = true;
      });
      const statuses = [...replies.values()];
      for (const reply of statuses) {
        if (reply.status === 200) continue;
        assert.equal(reply.status, 503, `${reply.status} ${JSON.stringify(reply.body ?? reply.error)}`);
        assert.equal(reply.body.error.code, 'storage-unavailable');
        assert.equal(reply.retryAfter, '5');
      }
      const refused = statuses.filter((reply) => reply.status === 503).length;
      assert.ok(refused > 0, 'requests met the outage');
      assert.ok(restarted, 'PostgreSQL was stopped and started');
      // Sent again through both processes, never restarted: each serves again by itself.
      const acknowledged = await checkEveryAcknowledgedVote(votes, replies, servers, url.href);
      console.log(`PostgreSQL stopped: ${refused} requests answered 503 during the outage, ${acknowledged} of ${votes.length} acknowledged and all kept; every vote counted once when sent again`);
    } finally {
      await Promise.all(servers.map(stopProcess));
      cluster.destroy();
      temp.remove();
    }
  });
});
