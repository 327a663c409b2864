// Load correctness: two server processes on one database (PostgreSQL, then one SQLite file), over
// 20,000 votes from 2,000 readers on 50 articles, 5 polls and 40 shared (URL, network) pairs, more
// than 20% of them duplicates (a retry under the same Idempotency-Key, to either process, or the
// same vote under a new key), all sent concurrently: every total equals the ground truth exactly,
// every retry gets its first reply, and nothing is refused but a second ballot in a poll that does
// not allow changing one. A correctness test, not a benchmark: no timing is asserted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, newDatabase, tempDir } from '../test/helpers.js';
import { eachConcurrently, groundTruth, planVotes, POLLS, randomSource, send, startProcess, stopProcess, storedTotals, writeSeed } from './load.js';

const READERS = 2000;
const CONCURRENCY = 48;

for (const engine of ENGINES) {
  describe(`two server processes on one ${engine} database under load`, () => {
    it('count every vote exactly once, whatever the duplicates and retries', async () => {
      const random = randomSource(engine === 'sqlite' ? 13 : 42);
      const votes = planVotes(random, { voters: READERS, articles: 50, ratingsEach: 5, pollsEach: 2, sharesEach: 1, urls: 10 });
      // Duplicates: 30% of the votes sent again, most under their own key (a client's retry), some
      // under a new one (a second click); each lands at a random place among the rest.
      const requests = votes.map((vote) => ({ vote, duplicate: undefined }));
      for (const vote of votes) {
        if (!random.chance(0.3)) continue;
        const duplicate = random.chance(0.75) ? 'retry' : 'again';
        requests.push({ vote: duplicate === 'retry' ? vote : { ...vote, key: `${vote.key}-again` }, original: vote, duplicate });
      }
      const order = random.some(requests, requests.length);
      const duplicates = requests.length - votes.length;
      assert.ok(requests.length >= 20_000, `${requests.length} requests`);
      assert.ok(duplicates / requests.length >= 0.2, `${duplicates} duplicates of ${requests.length}`);

      const temp = tempDir();
      const database = await newDatabase(engine);
      const seed = writeSeed(temp.dir);
      const first = await startProcess(database.db, seed);
      const second = await startProcess(database.db, seed);
      try {
        const replies = new Map();
        const unavailable = [];
        await eachConcurrently(order, CONCURRENCY, async (request) => {
          const target = random.chance(0.5) ? first.url : second.url;
          let reply = await send(target, request.vote);
          // A database busy past its timeout answers 503 with Retry-After: a client sends the
          // same request again, as HttpBackend's caller would. Counted and reported below.
          for (let attempt = 1; reply.status === 503 && attempt <= 5; attempt++) {
            unavailable.push(reply.body.error.code);
            await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
            reply = await send(target, request.vote);
          }
          const sent = replies.get(request.vote.key) ?? [];
          sent.push({ ...reply, request });
          replies.set(request.vote.key, sent);
        });

        for (const [key, sent] of replies) {
          for (const reply of sent) {
            const { vote } = reply.request;
            const secondBallot = vote.kind === 'poll' && !POLLS.find((p) => p.id === vote.item).allowChange && reply.status === 409 && reply.body.error.code === 'already-voted';
            assert.ok(reply.status === 200 || secondBallot, `${vote.path} ${key}: ${reply.status} ${JSON.stringify(reply.body ?? reply.error)}`);
          }
          // Every request under one key got the same reply: the first.
          const bodies = new Set(sent.map((reply) => JSON.stringify(reply.body)));
          assert.equal(bodies.size, 1, `the replies under key ${key} differ: ${[...bodies].join(' / ')}`);
        }
        // A second ballot was refused only where the same reader's other request was counted.
        for (const vote of votes) {
          const all = [...(replies.get(vote.key) ?? []), ...(replies.get(`${vote.key}-again`) ?? [])];
          assert.ok(all.some((reply) => reply.status === 200), `${vote.path} for ${vote.voterId} was never counted`);
        }

        assert.deepEqual(await storedTotals(first.url, database.db), groundTruth(votes));
        console.log(`${engine}: ${requests.length} requests (${duplicates} duplicates) of ${votes.length} votes, every total exact; ${unavailable.length} busy replies retried`);
      } finally {
        await Promise.all([stopProcess(first), stopProcess(second)]);
        await database.remove();
        temp.remove();
      }
    });
  });
}
