// The read cache: hot items answered from memory, dropped by this process's writes, at most
// --read-cache-ms behind another process's; ETags and 304s, Cache-Control and Vary as a CDN reads
// them. The cache on its own, then a real server (two on one database for the other process), on
// both engines: the cache is the app's, whatever the storage.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, get } from 'node:http';
import { readCache } from '../dist/server/src/read-cache.js';
import { hotReads } from '../dist/server/src/hot-reads.js';
import { ENGINES, admin, killSpawned, pollVote, spawnCli, startServer, vote, voter } from './helpers.js';

/** A loader that counts its calls and answers what `value()` says at the time. */
function counted(value) {
  const loader = async () => {
    loader.calls++;
    return { json: JSON.stringify(value()) };
  };
  loader.calls = 0;
  return loader;
}

/**
 * A GET as it comes off the wire: the status, every header in order as sent (but the Date, which
 * moves with the clock), the body.
 */
function rawGet(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    get(new URL(path, base), { headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => {
        const pairs = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
        resolve({ status: response.statusCode, headers: pairs.filter(([name]) => name !== 'Date'), body });
      });
    }).on('error', reject);
  });
}

describe('readCache', () => {
  it('answers from memory for maxAgeMs, then loads again; one load for concurrent misses', async () => {
    const clock = { now: 0 };
    const cache = readCache({ maxAgeMs: 1000, clock: () => clock.now });
    const load = counted(() => ({ votes: clock.now }));
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    assert.equal(load.calls, 1);
    assert.deepEqual(a, b);
    assert.match(a.etag, /^"[\w-]{27}"$/);
    clock.now = 999;
    assert.equal((await cache.get('k', load)).json, '{"votes":0}');
    clock.now = 1000;
    assert.equal((await cache.get('k', load)).json, '{"votes":1000}');
    assert.equal(load.calls, 2);
  });

  it('drop() makes the next read load; a load under way when its item is dropped is not kept', async () => {
    const cache = readCache({ maxAgeMs: 60_000 });
    let figure = 1;
    let release;
    const slow = async () => {
      const seen = figure; // read before the write below, answered after it
      await new Promise((resolve) => (release = resolve));
      return { json: String(seen) };
    };
    const reading = cache.get('k', slow);
    figure = 2;
    cache.drop('k'); // the write was acknowledged while the read was under way
    release();
    assert.equal((await reading).json, '1', 'the read that began before the write answers what it read');
    assert.equal((await cache.get('k', async () => ({ json: String(figure) }))).json, '2', 'but its figure was not kept');
    cache.drop('k');
    assert.equal((await cache.get('k', async () => ({ json: '3' }))).json, '3');
  });

  it('getMany loads only the missing keys, in one call, and answers in order', async () => {
    const cache = readCache({ maxAgeMs: 60_000 });
    await cache.get('b', async () => ({ json: '"b from memory"' }));
    const calls = [];
    const replies = await cache.getMany(['a', 'b', 'c'], async (missing) => {
      calls.push(missing);
      return missing.map((i) => ({ json: `"${'abc'[i]} loaded"` }));
    });
    assert.deepEqual(replies.map((r) => r.json), ['"a loaded"', '"b from memory"', '"c loaded"']);
    assert.deepEqual(calls, [[0, 2]]);
    await cache.getMany(['a', 'c'], async () => assert.fail('both are in memory'));
  });

  it('getCombined keeps a reply made of items while each is unchanged and fresh: a drop or an expiry of one remakes it', async () => {
    const clock = { now: 0 };
    const cache = readCache({ maxAgeMs: 1000, clock: () => clock.now });
    const figures = { a: 1, b: 2 };
    let made = 0;
    const combined = () =>
      cache.getCombined('a,b', (jsons) => `[${jsons.join(',')}]`, () => {
        made++;
        return { keys: ['a', 'b'], loadMissing: async (missing) => missing.map((i) => ({ json: String(figures['ab'[i]]) })) };
      });
    const first = await combined();
    assert.equal(first.json, '[1,2]');
    assert.match(first.etag, /^"[\w-]{27}"$/);
    assert.equal(await combined(), first, 'from memory, as it was');
    assert.equal(made, 1);

    figures.b = 3;
    cache.drop('b'); // a write to one of its items
    const afterWrite = await combined();
    assert.equal(afterWrite.json, '[1,3]');
    assert.notEqual(afterWrite.etag, first.etag);
    assert.equal(made, 2);

    await cache.get('a', async () => assert.fail('a is in memory'));
    clock.now = 500;
    figures.a = 4;
    cache.drop('a');
    await cache.get('a', async () => ({ json: String(figures.a) })); // a reloaded by a single read
    assert.equal((await combined()).json, '[4,3]', 'an item reloaded elsewhere is not the entry the reply was made of');
    assert.equal(made, 3);

    clock.now = 1000; // b, loaded at 0, expires: so does every reply holding it
    figures.b = 5;
    assert.equal((await combined()).json, '[4,5]');
    assert.equal(made, 4);
  });

  it('getCombined keeps no reply with an item dropped while it loaded, nor any at maxAgeMs 0', async () => {
    const cache = readCache({ maxAgeMs: 60_000 });
    let release;
    let figure = 1;
    let loads = 0;
    const combined = () =>
      cache.getCombined('k', (jsons) => jsons.join(), () => ({
        keys: ['k'],
        loadMissing: async () => {
          loads++;
          const seen = figure;
          if (loads === 1) await new Promise((resolve) => (release = resolve));
          return [{ json: String(seen) }];
        },
      }));
    const reading = combined();
    await new Promise((resolve) => setImmediate(resolve));
    figure = 2;
    cache.drop('k'); // a write acknowledged while the batch read was under way
    release();
    assert.equal((await reading).json, '1', 'the read that began before the write answers what it read');
    assert.equal((await combined()).json, '2', 'but it was not kept');

    const uncached = readCache({ maxAgeMs: 0 });
    let made = 0;
    const read = () => uncached.getCombined('k', (jsons) => jsons.join(), () => (made++, { keys: ['k'], loadMissing: async () => [{ json: '1' }] }));
    await read();
    await read();
    assert.equal(made, 2);
  });

  it('never serves an entry past the time its loader named, nor holds more than maxEntries', async () => {
    const clock = { now: 0 };
    const cache = readCache({ maxAgeMs: 1000, maxEntries: 2, clock: () => clock.now });
    const closing = counted(() => ({ at: clock.now }));
    await cache.get('poll', async () => ({ ...(await closing()), notAfter: 300 }));
    clock.now = 299;
    await cache.get('poll', closing);
    assert.equal(closing.calls, 1);
    clock.now = 300;
    await cache.get('poll', closing);
    assert.equal(closing.calls, 2, 'reloaded at its closing time');

    const load = counted(() => 'x');
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load); // three entries in a cache of two: the oldest, poll, went first
    await cache.get('b', load);
    await cache.get('c', load);
    assert.equal(load.calls, 3);
    await cache.get('poll', closing);
    assert.equal(closing.calls, 3);
  });

  it('keeps nothing at maxAgeMs 0', async () => {
    const cache = readCache({ maxAgeMs: 0 });
    const load = counted(() => 1);
    await cache.get('k', load);
    await cache.get('k', load);
    await cache.getMany(['k'], async (missing) => missing.map(() => ({ json: '1' })));
    assert.equal(load.calls, 2);
  });
});

for (const engine of ENGINES) {
  describe(`reads on a real server on ${engine}`, () => {
    const clock = { now: Date.parse('2026-11-28T12:00:00Z') };
    let a;
    let b;
    before(async () => {
      // Two processes' worth of servers on one database; `a` keeps the clock still, so what it holds
      // stays in memory until the test moves the clock past --read-cache-ms.
      a = await startServer({ engine, now: () => new Date(clock.now), allowOrigins: ['https://site.example'] });
      b = await startServer({ db: a.db, seed: {} });
    });
    after(async () => {
      await b.close();
      await a.close();
    });

    it("this process's vote is in its very next read: the rating, a batch, the poll, the shares", async () => {
      await a.api('GET', '/api/ratings/hot');
      await a.api('GET', '/api/ratings?ids=hot,other');
      assert.equal((await vote(a.api, 'hot', 5)).status, 200);
      assert.equal((await a.api('GET', '/api/ratings/hot')).body.votes, 1);
      assert.deepEqual((await a.api('GET', '/api/ratings?ids=hot,other')).body.ratings.map((r) => r.votes), [1, 0]);

      // A poll whose results everyone sees (reopened for the test).
      await a.api('PATCH', '/api/admin/polls/us-long-term-goals-for-russia', { body: { closed: false }, headers: admin });
      const voters = async () => (await a.api('GET', '/api/polls/us-long-term-goals-for-russia')).body.voters;
      const before = await voters();
      assert.equal((await pollVote(a.api, 'us-long-term-goals-for-russia', ['o2'])).status, 200);
      assert.equal(await voters(), before + 1);

      const url = 'https://example.org/hot';
      const shares = () => a.api('GET', `/api/shares?url=${encodeURIComponent(url)}`);
      assert.equal((await shares()).body.total, 0);
      await a.api('POST', '/api/shares', { body: { url, network: 'vk', voterId: voter() }, headers: { 'idempotency-key': `share-${voter()}` } });
      assert.equal((await shares()).body.total, 1);
    });

    it("another process's vote shows once --read-cache-ms has passed, not before", async () => {
      assert.equal((await a.api('GET', '/api/ratings/elsewhere')).body.votes, 0);
      assert.equal((await vote(b.api, 'elsewhere', 2)).status, 200);
      assert.equal((await b.api('GET', '/api/ratings/elsewhere')).body.votes, 1, 'the other process sees its own vote');
      assert.equal((await a.api('GET', '/api/ratings/elsewhere')).body.votes, 0, 'served from memory: no database read');
      assert.deepEqual((await a.api('GET', '/api/ratings?ids=elsewhere')).body.ratings[0].votes, 0);
      clock.now += 1000;
      assert.equal((await a.api('GET', '/api/ratings/elsewhere')).body.votes, 1, 'at most 1 s behind');
      assert.deepEqual((await a.api('GET', '/api/ratings?ids=elsewhere')).body.ratings[0].votes, 1);
    });

    it('an admin change to a poll, and an import, show at once', async () => {
      const question = async () => (await a.api('GET', '/api/polls/reader-topics')).body.question;
      await question();
      await a.api('PATCH', '/api/admin/polls/reader-topics', { body: { question: 'Changed?' }, headers: admin });
      assert.equal(await question(), 'Changed?');
      await a.api('POST', '/api/admin/import', { body: { ratings: [{ articleId: 'imported', votes: 10, average: 4 }] }, headers: admin });
      await a.api('GET', '/api/ratings/imported');
      await a.api('POST', '/api/admin/import', { body: { ratings: [{ articleId: 'imported', votes: 20, average: 4 }] }, headers: admin });
      assert.equal((await a.api('GET', '/api/ratings/imported')).body.votes, 20);
    });

    it('a poll read from memory is never served past the poll\'s closing time', async () => {
      const closesAt = new Date(clock.now + 500).toISOString();
      const poll = { id: 'closing-soon', question: 'Soon?', results: 'after-close', options: [{ id: 'y', label: 'Yes', votes: 3 }, { id: 'n', label: 'No', votes: 1 }], closesAt };
      assert.equal((await a.api('POST', '/api/admin/polls', { body: poll, headers: admin })).status, 201);
      const read = async () => (await a.api('GET', '/api/polls/closing-soon')).body;
      assert.deepEqual([(await read()).closed, (await read()).options[0].votes], [false, undefined], 'open: results hidden');
      clock.now += 500;
      const closed = await read();
      assert.deepEqual([closed.closed, closed.options[0].votes], [true, 3], 'closed: results shown');
    });

    it("a cache hit is the miss's reply: status, headers in order, body; single, batch and shares, with CORS or not, 200 or 304", async () => {
      // `a` lets site.example read across origins; `closed` lets no site (its replies say same-origin).
      const closed = await startServer({ db: a.db, seed: {}, now: () => new Date(clock.now) });
      try {
        await pinHitsToMisses(a, 'https://site.example');
        await pinHitsToMisses(closed, undefined);
      } finally {
        await closed.close();
      }
    });

    /** For each kind of read, Origin and tag: the hit (answered before Fastify) is the miss (Fastify's). */
    async function pinHitsToMisses(server, site) {
      const paths = {
        single: (n) => `/api/ratings/pinned-${n}`,
        batch: (n) => `/api/ratings?ids=pinned-${n},us-long-term-goals-for-russia,nobody-${n}`,
        shares: (n) => `/api/shares?url=${encodeURIComponent(`https://example.org/pinned-${n}`)}`,
      };
      const origins = { 'no Origin': {}, 'the allowed Origin': { origin: 'https://site.example' }, 'another Origin': { origin: 'https://elsewhere.example' } };
      let n = 0;
      for (const [kind, path] of Object.entries(paths)) {
        for (const [originCase, origin] of Object.entries(origins)) {
          for (const conditional of [false, true]) {
            const url = path(`${site ? 'open' : 'closed'}-${n++}`); // an item no read asked for yet: the first read is a miss
            const what = `${kind}, ${originCase}, ${conditional ? 'If-None-Match' : 'no tag'}, ${site ? 'CORS for site.example' : 'no CORS'}`;
            // The tag the client holds, from the other process (the same figures, the same tag).
            const tag = conditional ? { 'if-none-match': (await rawGet(b.url, url)).headers.find(([name]) => name === 'etag')[1] } : {};
            const servedBefore = server.app.hotReads.served;
            const miss = await rawGet(server.url, url, { ...origin, ...tag });
            assert.equal(server.app.hotReads.served, servedBefore, `${what}: the miss is Fastify's`);
            const hit = await rawGet(server.url, url, { ...origin, ...tag });
            assert.equal(server.app.hotReads.served, servedBefore + 1, `${what}: the hit is answered before Fastify`);
            assert.deepEqual(hit, miss, what);
            assert.equal(miss.status, conditional ? 304 : 200, what);
            const allowOrigin = miss.headers.find(([name]) => name === 'access-control-allow-origin')?.[1];
            assert.equal(allowOrigin, site !== undefined && origin.origin === site ? site : undefined, what);
          }
        }
      }
    }

    it('Fastify answers what is no hot read: HEAD, the first read after a write; then the read is hot again', async () => {
      const path = '/api/ratings/handed-over';
      const served = () => a.app.hotReads.served;
      await a.api('GET', path); // Fastify's, from the storage: remembered
      const before = served();
      assert.equal((await a.api('GET', path)).body.votes, 0);
      assert.equal(served(), before + 1);
      const head = await fetch(`${a.url}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(served(), before + 1, "HEAD is Fastify's");
      assert.equal((await vote(a.api, 'handed-over', 4)).status, 200);
      assert.equal((await a.api('GET', path)).body.votes, 1, 'the write dropped the entry');
      assert.equal(served(), before + 1, "the first read after the write is Fastify's");
      assert.equal((await a.api('GET', path)).body.votes, 1);
      assert.equal(served(), before + 2, 'then the read is hot again');
    });

    it('ETags: 304 for the tag the client holds, the same tag from every process for the same figures', async () => {
      const first = await a.api('GET', '/api/ratings?ids=us-long-term-goals-for-russia,nobody');
      const tag = first.headers.get('etag');
      assert.equal((await a.api('GET', '/api/ratings?ids=us-long-term-goals-for-russia,nobody', { headers: { 'if-none-match': `"other", W/${tag}` } })).status, 304);
      assert.equal((await b.api('GET', '/api/ratings?ids=us-long-term-goals-for-russia,nobody')).headers.get('etag'), tag, 'the other process tags the same figures alike');
      const one = await a.api('GET', '/api/ratings/us-long-term-goals-for-russia');
      const again = await a.api('GET', '/api/ratings/us-long-term-goals-for-russia', { headers: { 'if-none-match': one.headers.get('etag') } });
      assert.equal(again.status, 304);
      assert.equal(again.headers.get('etag'), one.headers.get('etag'));
      assert.equal(again.headers.get('cache-control'), one.headers.get('cache-control'));
      const head = await fetch(`${a.url}/api/ratings/us-long-term-goals-for-russia`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get('etag'), one.headers.get('etag'));
    });

    it('Cache-Control and Vary as a CDN reads them: shared reads public for 10 s, the personal poll read private', async () => {
      const origin = { origin: 'https://site.example' };
      for (const path of ['/api/ratings/x', '/api/ratings?ids=x,y', '/api/polls/reader-topics', `/api/shares?url=${encodeURIComponent('https://example.org/')}`]) {
        const reply = await a.api('GET', path, { headers: origin });
        assert.equal(reply.headers.get('cache-control'), 'public, max-age=0, s-maxage=10, must-revalidate', path);
        assert.match(reply.headers.get('vary'), /\bOrigin\b/, `${path}: the CORS reply differs by site`);
      }
      const shared = await a.api('GET', '/api/polls/reader-topics', { headers: origin });
      assert.deepEqual(shared.headers.get('vary').split(/, */).sort(), ['Origin', 'X-Voter-Id']);
      const personal = await a.api('GET', '/api/polls/reader-topics', { headers: { ...origin, 'x-voter-id': voter() } });
      assert.equal(personal.headers.get('cache-control'), 'private, no-cache');
      assert.deepEqual(personal.headers.get('vary').split(/, */).sort(), ['Origin', 'X-Voter-Id']);
      const write = await vote(a.api, 'x', 3, { headers: origin });
      assert.equal(write.headers.get('cache-control'), null, 'a write carries no caching headers');
      assert.equal(write.headers.get('etag'), null);
    });
  });

  describe(`reads with requests logged on ${engine}`, () => {
    it('go to Fastify, every one, so that each is logged (--log info)', async () => {
      const lines = [];
      const stream = { write: (line) => lines.push(JSON.parse(line)) };
      const server = await startServer({ engine, logger: { level: 'info', stream } });
      try {
        for (let i = 0; i < 3; i++) assert.equal((await server.api('GET', '/api/ratings/logged')).status, 200);
        assert.equal(server.app.hotReads.served, 0);
        assert.equal(lines.filter((line) => line.msg === 'incoming request' && line.req.path === '/api/ratings/logged').length, 3);
      } finally {
        await server.close();
      }
    });
  });

  describe(`reads with --read-cache-ms 0 on ${engine}`, () => {
    it("show another process's vote at once", async () => {
      const a = await startServer({ engine, readCacheMs: 0 });
      const b = await startServer({ db: a.db, seed: {} });
      try {
        assert.equal((await a.api('GET', '/api/ratings/direct')).body.votes, 0);
        await vote(b.api, 'direct', 4);
        assert.equal((await a.api('GET', '/api/ratings/direct')).body.votes, 1);
        assert.equal((await a.api('GET', '/api/ratings?ids=direct')).body.ratings[0].votes, 1);
      } finally {
        await b.close();
        await a.close();
      }
    });
  });
}

describe('hotReads', () => {
  it('remembers at most maxUrls URLs, the oldest going first, and answers only while the cache holds a reply', async () => {
    const hot = hotReads({ corsAllows: () => false, cacheControl: 'public, max-age=1', trailingHeaders: [], maxUrls: 2 });
    const held = new Map(['/a', '/b', '/c'].map((url) => [url, { json: `{"url":"${url}"}`, etag: `"${url}"` }]));
    for (const url of held.keys()) hot.remember(url, () => held.get(url));
    // A real node:http server, with whatever hot reads does not answer falling through to a 404, as to Fastify.
    const server = createServer((request, response) => {
      if (!hot.serve(request, response)) response.writeHead(404).end();
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const status = (url) =>
      new Promise((resolve, reject) => get(`http://127.0.0.1:${server.address().port}${url}`, (response) => resolve(response.resume().statusCode)).on('error', reject));
    try {
      assert.deepEqual(await Promise.all(['/a', '/b', '/c'].map(status)), [404, 200, 200], 'the oldest URL went when a third came');
      held.delete('/b');
      assert.equal(await status('/b'), 404, 'a reply the cache no longer holds goes to Fastify');
      assert.equal(hot.served, 2);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('--read-cache-ms', () => {
  after(killSpawned);
  it('refuses anything but 0 to 60000 ms, naming the option', async () => {
    for (const value of ['-1', '1.5', 'soon', '60001']) {
      const server = spawnCli(['--port', '0', '--db', ':memory:', `--read-cache-ms=${value}`]);
      const error = await server.ready.catch((e) => e);
      assert.equal(error.code, 1, value);
      assert.match(error.err, new RegExp(`--read-cache-ms: expected 0 to 60000 ms, got "${value}"`));
    }
  });
});
