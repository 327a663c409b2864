// Behind a proxy: the client address is the first untrusted one from the right of X-Forwarded-For,
// so a forged entry changes nothing and readers behind one proxy keep budgets of their own.
// Real server, real HTTP; the proxy is simulated by the test itself on loopback.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { clientNetwork, parseTrustProxy } from '../dist/server/src/client-address.js';
import { key, killSpawned, spawnCli, startServer, tempDir, vote } from './helpers.js';

/** Casts `count` rating votes as one client, each with a new voter id; returns their statuses. */
async function votesFrom(api, forwardedFor, count, article = `proxy-${key()}`) {
  const statuses = [];
  for (let i = 0; i < count; i++) {
    const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
    statuses.push((await vote(api, article, 5, { headers })).status);
  }
  return statuses;
}

const forged = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe('--trust-proxy', () => {
  it('off: X-Forwarded-For is ignored, every request is the socket peer\'s', async () => {
    const s = await startServer({ rateLimit: { max: 3 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push(...(await votesFrom(s.api, forged(), 1)));
      assert.deepEqual(statuses, [200, 200, 200, 429]);
    } finally {
      await s.close();
    }
  });

  it('trusting the loopback proxy: a forged leftmost entry changes nothing', async () => {
    for (const trustProxy of ['127.0.0.1', 'loopback', '1', '127.0.0.0/8,10.0.0.0/8']) {
      const s = await startServer({ rateLimit: { max: 3 }, trustProxy });
      try {
        const statuses = [];
        // The client writes any address it likes; the proxy appends the one it saw: 198.51.100.7.
        for (let i = 0; i < 6; i++) statuses.push(...(await votesFrom(s.api, `${forged()}, 198.51.100.7`, 1)));
        assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429], `--trust-proxy ${trustProxy}`);
        assert.deepEqual(await votesFrom(s.api, '198.51.100.8', 1), [200], `another client has its own budget (${trustProxy})`);
      } finally {
        await s.close();
      }
    }
  });

  it('ten readers behind one proxy each get their own budget', async () => {
    const s = await startServer({ rateLimit: { max: 3 }, trustProxy: 'loopback' });
    try {
      const article = `ten-${key()}`;
      const clients = Array.from({ length: 10 }, (_, i) => `198.51.100.${i + 1}`);
      for (const client of clients) assert.deepEqual(await votesFrom(s.api, client, 4, article), [200, 200, 200, 429], client);
      assert.equal((await s.api('GET', `/api/ratings/${article}`)).body.votes, 30);
    } finally {
      await s.close();
    }
  });

  it('two proxies in a chain: the hop count or both addresses find the client', async () => {
    for (const trustProxy of ['2', 'loopback,192.0.2.10']) {
      const s = await startServer({ rateLimit: { max: 2 }, trustProxy });
      try {
        // A CDN edge (192.0.2.10) in front of a local nginx (the loopback peer).
        assert.deepEqual(await votesFrom(s.api, `${forged()}, 198.51.100.20, 192.0.2.10`, 3), [200, 200, 429], trustProxy);
      } finally {
        await s.close();
      }
    }
  });

  it('a peer that is not a listed proxy is the client itself, whatever it forwards', async () => {
    const s = await startServer({ rateLimit: { max: 2 }, trustProxy: '10.0.0.0/8' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(...(await votesFrom(s.api, forged(), 1)));
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await s.close();
    }
  });

  it('reads hop counts, addresses, ranges and names, and refuses anything else naming it', () => {
    assert.equal(parseTrustProxy(undefined), false);
    assert.equal(parseTrustProxy('0'), false);
    assert.deepEqual(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,2001:db8::/32,private,Loopback'), ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32', 'uniquelocal', 'loopback']);
    const hops = /** @type {(a: string, i: number) => boolean} */ (parseTrustProxy('2'));
    assert.deepEqual([0, 1, 2].map((i) => hops('x', i)), [true, true, false]);
    assert.throws(() => parseTrustProxy('true'), /would trust every hop/);
    assert.throws(() => parseTrustProxy('yes'), /would trust every hop/);
    const refused = { nginx: 'nginx', '10.0.0.0/33': '10.0.0.0/33', '::1/129': '::1/129', '10.0.0.1/8/9': '10.0.0.1/8/9', '10.0.0/8': '10.0.0/8', '1.2.3.4,': '' };
    for (const [bad, named] of Object.entries(refused)) {
      assert.throws(() => parseTrustProxy(bad), (error) => error.message.startsWith(`"${named}" is not a hop count`), bad);
    }
  });

  it('the CLI refuses --trust-proxy true with the reason, before opening anything', async () => {
    const temp = tempDir();
    try {
      const r = spawnCli(['--port', '0', '--db', join(temp.dir, 'never.sqlite'), '--trust-proxy', 'true']);
      const error = await r.ready.catch((e) => e);
      assert.equal(error.code, 1);
      assert.match(error.err, /--trust-proxy: "true" would trust every hop/);
    } finally {
      killSpawned();
      temp.remove();
    }
  });
});

describe('clientNetwork', () => {
  it('keeps IPv4 as it is, reads IPv4-mapped IPv6 as IPv4, and cuts IPv6 to its /64', () => {
    assert.equal(clientNetwork('198.51.100.7'), '198.51.100.7');
    assert.equal(clientNetwork('::ffff:198.51.100.7'), '198.51.100.7');
    assert.equal(clientNetwork('::FFFF:c633:6407'), '198.51.100.7');
    assert.equal(clientNetwork('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(clientNetwork('2001:0DB8:0001:0002:ffff:eeee:dddd:cccc'), '2001:db8:1:2::/64');
    assert.equal(clientNetwork('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientNetwork('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(clientNetwork('::1'), '0:0:0:0::/64');
    assert.equal(clientNetwork('64:ff9b::198.51.100.7'), '64:ff9b:0:0::/64');
    assert.equal(clientNetwork('not an address'), 'not an address');
    assert.equal(clientNetwork(undefined), '');
  });
});
