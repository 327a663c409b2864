// The real CLI as a process: options and env vars, seeding twice, a bad seed file, logs without
// addresses or voter ids, and SIGTERM with votes in flight (every acknowledged vote on disk) or
// a browser's keep-alive connection open.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ARTICLE, client, demoData, inspect, key, killSpawned, newDatabase, root, spawnCli, tempDir, vote, voter } from './helpers.js';

const seedFile = join(root, 'test/fixtures/widgets.json');
const temp = tempDir();
after(() => {
  killSpawned();
  temp.remove();
});

async function stop(server) {
  server.child.kill('SIGTERM');
  return server.exited;
}

describe('the CLI', () => {
  it('seeds from a file; seeding the same file again changes nothing and keeps readers\' votes', async () => {
    const db = join(temp.dir, 'seed-twice.sqlite');
    const args = ['--port', '0', '--db', db, '--seed', seedFile, '--log', 'silent'];
    const first = spawnCli(args);
    const api = client(await first.ready);
    assert.deepEqual((await api('GET', `/api/ratings/${ARTICLE}`)).body, { articleId: ARTICLE, votes: 4, average: 4.5 });
    await vote(api, ARTICLE, 1);
    const polls1 = (await api('GET', '/api/polls/reader-topics')).body;
    assert.deepEqual(await stop(first), { code: 0, signal: null });

    const second = spawnCli(args);
    const api2 = client(await second.ready);
    assert.ok(second.output().out.includes(`seeded ${demoData.ratings.length} rating(s) and ${demoData.polls.length} poll(s)`));
    assert.deepEqual((await api2('GET', `/api/ratings/${ARTICLE}`)).body, { articleId: ARTICLE, votes: 5, average: 3.8 });
    assert.deepEqual((await api2('GET', '/api/polls/reader-topics')).body, polls1);
    await stop(second);
  });

  it('refuses a bad seed file naming the path of the bad field, and a file that is not JSON', async () => {
    const bad = join(temp.dir, 'bad.json');
    const data = JSON.parse(JSON.stringify(await import(seedFile, { with: { type: 'json' } }).then((m) => m.default)));
    data.polls[1].options[2].votes = -3;
    writeFileSync(bad, JSON.stringify(data));
    const r = spawnCli(['--port', '0', '--db', join(temp.dir, 'bad.sqlite'), '--seed', bad]);
    const error = await r.ready.catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.err, /polls\[1\]\.options\[2\]\.votes/);

    writeFileSync(bad, '{"polls": [');
    const r2 = spawnCli(['--port', '0', '--db', join(temp.dir, 'bad.sqlite'), '--seed', bad]);
    const error2 = await r2.ready.catch((e) => e);
    assert.equal(error2.code, 1);
    assert.match(error2.err, /--seed .*bad\.json/);
  });

  it('refuses to start when PostgreSQL cannot be reached, naming the database without its password', async () => {
    // A loopback port nothing listens on: the connection is refused at once.
    const listener = createServer();
    await new Promise((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address();
    await new Promise((resolve) => listener.close(resolve));
    const r = spawnCli(['--port', '0', '--db', `postgres://widgets:s3cret-password@127.0.0.1:${port}/widgets`]);
    const error = await r.ready.catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.err, new RegExp(`--db postgres://widgets:\\*\\*\\*@127\\.0\\.0\\.1:${port}/widgets: cannot open the database: .*ECONNREFUSED`));
    assert.equal(error.err.includes('s3cret-password'), false);
  });

  it('keeps at most --db-pool-size connections to PostgreSQL, however many votes are in flight, and refuses a size that is not one', async () => {
    for (const value of ['0', '2.5', 'many', '1001']) {
      const error = await spawnCli(['--port', '0', '--db', ':memory:', '--db-pool-size', value]).ready.catch((e) => e);
      assert.equal(error.code, 1, value);
      assert.match(error.err, new RegExp(`--db-pool-size: expected 1 to 1000 connections, got "${value}"`));
    }
    const { db, remove } = await newDatabase('postgres');
    const server = spawnCli(['--port', '0', '--db', db, '--log', 'warn', '--rate-limit', '0', '--db-pool-size', '2']);
    try {
      const api = client(await server.ready);
      const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => vote(api, `pooled-${i % 4}`, 1 + (i % 5))));
      assert.deepEqual(replies.map((r) => r.status), replies.map(() => 200));
      const database = await inspect(db);
      const [{ connections }] = await database.all(`SELECT count(*) AS connections FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'article-widgets-server'`);
      await database.close();
      assert.ok(connections >= 1 && connections <= 2, `${connections} connections`);
    } finally {
      await stop(server);
      await remove();
    }
  });

  it('takes every option from environment variables', async () => {
    const db = join(temp.dir, 'env.sqlite');
    const server = spawnCli([], {
      env: { AW_PORT: '0', AW_HOST: '127.0.0.1', AW_DB: db, AW_SEED: seedFile, AW_ADMIN_TOKEN: 'env-token-0123456789abcdef', AW_ALLOW_ORIGIN: 'https://a.example,https://b.example', AW_RATE_LIMIT: '2', AW_LOG: 'silent' },
    });
    const url = await server.ready;
    const api = client(url);
    assert.equal((await api('GET', `/api/ratings/${ARTICLE}`)).body.votes, 4);
    assert.equal((await api('POST', '/api/admin/import', { body: {}, headers: { authorization: 'Bearer env-token-0123456789abcdef' } })).status, 200);
    assert.equal((await vote(api, 'env', 5, { headers: { origin: 'https://b.example' } })).status, 200);
    assert.equal((await vote(api, 'env', 5, { headers: { origin: 'https://c.example' } })).status, 403);
    assert.equal((await vote(api, 'env', 5)).status, 200);
    assert.equal((await vote(api, 'env', 5)).status, 429, 'AW_RATE_LIMIT=2');
    await stop(server);
  });

  it('prints help, and refuses an unknown option', async () => {
    const help = spawnCli(['--help']);
    await help.exited;
    assert.match(help.output().out, /--allow-origin VALUE.*AW_ALLOW_ORIGIN/);
    const bad = spawnCli(['--prot', '1']);
    assert.equal((await bad.exited).code, 2);
    assert.match(bad.output().err, /--prot/);
  });

  it('logs requests without client addresses or voter ids', async () => {
    const server = spawnCli(['--port', '0', '--db', join(temp.dir, 'logs.sqlite'), '--seed', seedFile, '--log', 'info']);
    const api = client(await server.ready);
    const id = voter();
    await vote(api, ARTICLE, 4, { voterId: id });
    await api('GET', '/api/polls/reader-topics', { headers: { 'x-voter-id': id } });
    await api('GET', `/api/ratings/${ARTICLE}`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    await stop(server);
    const { out, err } = server.output();
    assert.match(out, /"path":"\/api\/ratings\/us-long-term-goals-for-russia\/votes"/, 'requests are logged');
    assert.doesNotMatch(out + err, new RegExp(id));
    assert.doesNotMatch(out + err, /remoteAddress|remotePort|203\.0\.113\.9/);
    assert.doesNotMatch(out.replace(/listening on http:\/\/127\.0\.0\.1:\d+|Server listening at http:\/\/127\.0\.0\.1:\d+/g, ''), /127\.0\.0\.1/);
  });

  it('on SIGTERM finishes the votes in flight: every acknowledged vote is on disk', async () => {
    const db = join(temp.dir, 'shutdown.sqlite');
    const server = spawnCli(['--port', '0', '--db', db, '--seed', seedFile, '--log', 'silent', '--rate-limit', '0', '--item-votes-per-address', '0']);
    const url = await server.ready;
    const api = client(url);
    const sendVote = (i) =>
      fetch(`${url}/api/ratings/shutdown/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key() },
        body: JSON.stringify({ rating: (i % 5) + 1, voterId: voter() }),
      }).then(
        async (r) => ({ status: r.status, body: await r.json().catch(() => undefined) }),
        () => ({ status: 0 }),
      );
    // A first wave lands for sure; a second wave is in flight when SIGTERM arrives.
    const early = await Promise.all(Array.from({ length: 20 }, (_, i) => sendVote(i)));
    assert.ok(early.every((r) => r.status === 200));
    const wave = Array.from({ length: 200 }, (_, i) => sendVote(i));
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGTERM');
    const late = await Promise.all(wave);
    const exit = await server.exited;
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.match(server.output().out, /database closed/);

    const acknowledged = [...early, ...late].filter((r) => r.status === 200);
    if (process.env.AW_TEST_DEBUG) console.log(late.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {}));
    for (const r of late) assert.ok([0, 200, 503].includes(r.status), `unexpected status ${r.status}`);
    const file = new Database(db, { readonly: true });
    const rows = file.prepare('SELECT count(*) AS n, sum(rating) AS s FROM rating_votes WHERE article_id = ?').get('shutdown');
    const counter = file.prepare('SELECT reader_votes, reader_sum FROM ratings WHERE article_id = ?').get('shutdown');
    file.close();
    assert.ok(rows.n >= acknowledged.length, `${acknowledged.length} acknowledged, ${rows.n} on disk`);
    assert.equal(counter.reader_votes, rows.n, 'the counter row matches the votes');
    assert.equal(counter.reader_sum, rows.s);
    const maxAcked = Math.max(...acknowledged.map((r) => r.body.summary.votes));
    assert.ok(rows.n >= maxAcked);
    void api;
  });

  it('on SIGTERM stops promptly although a browser keeps connections open', async () => {
    const server = spawnCli(['--port', '0', '--db', join(temp.dir, 'keep-alive.sqlite'), '--log', 'silent']);
    const { hostname, port } = new URL(await server.ready);
    const open = async () => {
      const socket = connect(Number(port), hostname);
      socket.on('error', () => {}); // the server may reset a connection it closes: that is the point
      await new Promise((resolve) => socket.once('connect', resolve));
      return socket;
    };
    // Browsers open a connection before they need it (a preconnect), and keep one open after a
    // request: the first has sent nothing yet, the second is under way when SIGTERM arrives.
    const preconnected = await open();
    const keptAlive = await open();
    let reply = '';
    keptAlive.on('data', (d) => (reply += d));
    keptAlive.write(`GET /api/ratings/${ARTICLE} HTTP/1.1\r\nHost: ${hostname}\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    // Long enough for the server to sweep connections a few times while these headers are half sent.
    await new Promise((resolve) => setTimeout(resolve, 400));
    keptAlive.write('Connection: keep-alive\r\n\r\n');
    const started = Date.now();
    let timer;
    const exit = await Promise.race([server.exited, new Promise((resolve) => (timer = setTimeout(resolve, 15000, 'still running')))]);
    clearTimeout(timer);
    preconnected.destroy();
    keptAlive.destroy();
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.ok(Date.now() - started < 3000, `stopped after ${Date.now() - started} ms`);
    assert.match(reply, /^HTTP\/1\.1 (200|503)/, 'the request under way got its answer');
  });
});
