// Shares count only on known networks: the share bar's built-in ones, plus those a site adds with
// --share-networks. 500 invented names on one URL count nothing. Real server, real HTTP.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_NETWORKS, parseShareNetworks } from '../dist/server/src/share-networks.js';
import { client, key, killSpawned, repoRoot, spawnCli, startServer, tempDir, voter } from './helpers.js';

const URL_SHARED = 'https://news.example.org/a1';
const share = (api, network, url = URL_SHARED) =>
  api('POST', '/api/shares', { body: { url, network, voterId: voter() }, headers: { 'idempotency-key': key() } });

describe('share networks', () => {
  it('are by default exactly the share bar\'s built-in networks', () => {
    const source = readFileSync(join(repoRoot, 'src/share-bar/networks.ts'), 'utf8');
    const builtIn = source.slice(source.indexOf('const builtIn'), source.indexOf(']).map(', source.indexOf('const builtIn')));
    assert.deepEqual([...builtIn.matchAll(/name: '([a-z0-9-]+)'/g)].map((m) => m[1]), BUILT_IN_NETWORKS);
  });

  it('counts every built-in network, and refuses 500 invented ones with 400 naming each', async () => {
    const s = await startServer();
    try {
      for (const network of BUILT_IN_NETWORKS) assert.equal((await share(s.api, network)).status, 200, network);
      for (let i = 0; i < 500; i++) {
        const network = `invented-${i}`;
        const r = await share(s.api, network);
        assert.equal(r.status, 400);
        assert.equal(r.body.error.code, 'unknown-network');
        assert.equal(r.body.error.field, 'body.network');
        assert.match(r.body.error.message, new RegExp(`"${network}"`));
      }
      const counts = (await s.api('GET', `/api/shares?url=${encodeURIComponent(URL_SHARED)}`)).body;
      assert.deepEqual(Object.keys(counts.counts).sort(), [...BUILT_IN_NETWORKS].sort());
      assert.equal(counts.total, BUILT_IN_NETWORKS.length);
    } finally {
      await s.close();
    }
  });

  it('reads --share-networks: + adds to the built-in ones, a plain list replaces them', () => {
    assert.deepEqual(parseShareNetworks(undefined), BUILT_IN_NETWORKS);
    assert.deepEqual(parseShareNetworks('+hn, +my-own'), [...BUILT_IN_NETWORKS, 'hn', 'my-own']);
    assert.deepEqual(parseShareNetworks('telegram,vk,copy'), ['telegram', 'vk', 'copy']);
    assert.throws(() => parseShareNetworks('+hn,vk'), /either add .* or list every network/);
    assert.throws(() => parseShareNetworks('+Hacker News'), /"Hacker News" is not a network name/);
  });

  describe('the CLI', () => {
    const temp = tempDir();
    after(() => {
      killSpawned();
      temp.remove();
    });

    it('counts a site\'s own network added with --share-networks +hn', async () => {
      const server = spawnCli(['--port', '0', '--db', join(temp.dir, 'n.sqlite'), '--log', 'silent', '--share-networks', '+hn']);
      const api = client(await server.ready);
      assert.equal((await share(api, 'hn')).status, 200);
      assert.equal((await share(api, 'telegram')).status, 200);
      assert.equal((await share(api, 'digg')).status, 400);
      server.child.kill('SIGTERM');
      await server.exited;
      const bad = spawnCli(['--port', '0', '--db', join(temp.dir, 'n.sqlite'), '--share-networks', '+hn,vk']);
      const error = await bad.ready.catch((e) => e);
      assert.equal(error.code, 1);
      assert.match(error.err, /--share-networks: either add/);
    });
  });
});
