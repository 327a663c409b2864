// Slow clients are cut: one that trickles its headers or its body, or says nothing at all, loses
// its connection once the request timeout passes, however many of them there are. Raw sockets
// against the real server; the timeout is 1 s here (15 s by default).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ARTICLE, killSpawned, spawnCli, startServer, tempDir } from './helpers.js';

/**
 * Opens a connection, writes `first`, then one byte of `trickle` every 100 ms for as long as the
 * connection lives. Resolves when the server closes it: how long that took and what it said.
 */
function slowClient(url, first, trickle = '') {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const started = Date.now();
    let reply = '';
    let timer;
    socket.on('connect', () => {
      socket.write(first);
      if (trickle) timer = setInterval(() => socket.writable && socket.write(trickle), 100);
    });
    socket.on('data', (d) => (reply += d));
    socket.on('error', () => {}); // a reset is one way of being cut
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, reply });
    });
  });
}

const SLOW_BODY = `POST /api/ratings/${ARTICLE}/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: slow-body-key\r\nContent-Length: 10000\r\n\r\n{`;

describe('request timeouts', () => {
  let s;
  before(async () => (s = await startServer({ requestTimeoutMs: 1000 })));
  after(() => s.close());

  it('cuts a client that trickles its body, with 408', async () => {
    const { ms, reply } = await slowClient(s.url, SLOW_BODY, ' ');
    assert.ok(ms >= 900 && ms < 10_000, `cut after ${ms} ms`);
    assert.match(reply, /^HTTP\/1\.1 408/);
  });

  it('cuts a client that trickles its headers', async () => {
    const { ms } = await slowClient(s.url, 'GET /api/health HTTP/1.1\r\nHost: x\r\n', 'X');
    assert.ok(ms >= 900 && ms < 10_000, `cut after ${ms} ms`);
  });

  it('cuts a connection that says nothing', async () => {
    const { ms } = await slowClient(s.url, '');
    assert.ok(ms >= 900 && ms < 10_000, `cut after ${ms} ms`);
  });

  it('cuts fifty slow clients at once, and answers others meanwhile, counting nothing of theirs', async () => {
    const before = (await s.api('GET', `/api/ratings/${ARTICLE}`)).body;
    const slow = Array.from({ length: 50 }, () => slowClient(s.url, SLOW_BODY, ' '));
    assert.equal((await s.api('GET', '/api/health')).status, 200);
    const cut = await Promise.all(slow);
    assert.ok(cut.every(({ ms }) => ms < 10_000), `slowest cut after ${Math.max(...cut.map((c) => c.ms))} ms`);
    assert.deepEqual((await s.api('GET', `/api/ratings/${ARTICLE}`)).body, before);
  });
});

describe('--request-timeout', () => {
  const temp = tempDir();
  after(() => {
    killSpawned();
    temp.remove();
  });

  it('sets the timeout of the CLI\'s server', async () => {
    const server = spawnCli(['--port', '0', '--db', join(temp.dir, 't.sqlite'), '--log', 'silent', '--request-timeout', '1']);
    const { ms, reply } = await slowClient(await server.ready, SLOW_BODY, ' ');
    assert.ok(ms >= 900 && ms < 10_000, `cut after ${ms} ms`);
    assert.match(reply, /^HTTP\/1\.1 408/);
    server.child.kill('SIGTERM');
    assert.equal((await server.exited).code, 0);
  });

  it('refuses a timeout that is not 1 to 3600 seconds', async () => {
    const r = spawnCli(['--port', '0', '--db', join(temp.dir, 'never.sqlite'), '--request-timeout', '0']);
    const error = await r.ready.catch((e) => e);
    assert.equal(error.code, 1);
    assert.match(error.err, /--request-timeout: expected 1 to 3600 seconds, got "0"/);
  });
});
