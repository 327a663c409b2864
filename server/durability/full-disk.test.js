// A database that cannot be written: a full disk (SQLite's file, or a PostgreSQL tablespace, on a
// small tmpfs filled up) and a read-only PostgreSQL (default_transaction_read_only, as a standby or
// an operator would make it). Writes answer 503 storage-unavailable with Retry-After, reads go on,
// nothing is half-written (each count is exactly what was acknowledged), and once there is room
// again (or writes are allowed) the same server counts the refused vote sent again, once.
// The full disks need root (to mount a tmpfs); elsewhere those tests say so and skip.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ratingSummary } from '../dist/src/contract/rules.js';
import { tempDir } from '../test/helpers.js';
import { startCluster } from '../../scripts/postgres.mjs';
import { send, startProcess, stopProcess, writeSeed } from './load.js';

/** A tmpfs of `megabytes` mounted in a temp folder, or the reason there cannot be one here. */
function smallDisk(megabytes) {
  const temp = tempDir();
  const dir = join(temp.dir, 'disk');
  mkdirSync(dir);
  // Reachable by PostgreSQL's own user, for a tablespace.
  chmodSync(temp.dir, 0o755);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    temp.remove();
    return { unavailable: `mounting a small tmpfs needs root: ${mount.stderr.trim() || mount.error?.message}` };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    /** Fills the disk but for `bytes`. */
    fill(bytes) {
      const { bavail, bsize } = statfsSync(dir);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - bytes)));
    },
    free: () => rmSync(filler, { force: true }),
    remove() {
      execFileSync('umount', [dir]);
      temp.remove();
    },
  };
}

// One address votes on and on: neither the write limit nor the per-item cap may stop it first.
const UNLIMITED = ['--rate-limit', '0', '--item-votes-per-address', '0'];

const ratingVote = (articleId, rating) => {
  const voterId = randomBytes(16).toString('hex');
  return { path: `/api/ratings/${articleId}/votes`, body: { rating, voterId }, key: randomBytes(12).toString('hex'), address: '10.9.9.9' };
};

/**
 * Votes on one article with new readers until the server refuses one (at most `bound` votes): the
 * refusal must be a 503 storage-unavailable with Retry-After, and the article's count exactly the
 * votes acknowledged before it (`earlier`: those of the article before this call). Resolves to the
 * refused vote and the count.
 */
async function voteUntilRefused(server, articleId, bound, earlier = { votes: 0, sum: 0 }) {
  let acknowledged = earlier.votes;
  let sum = earlier.sum;
  for (let i = 0; i < bound; i++) {
    const vote = ratingVote(articleId, 1 + (i % 5));
    const reply = await send(server.url, vote);
    if (reply.status === 200) {
      acknowledged += 1;
      sum += vote.body.rating;
      continue;
    }
    assert.equal(reply.status, 503, JSON.stringify(reply.body ?? reply.error));
    assert.equal(reply.body.error.code, 'storage-unavailable');
    assert.equal(reply.retryAfter, '5');
    const read = await fetch(`${server.url}/api/ratings/${articleId}`);
    assert.equal(read.status, 200, 'reads go on');
    assert.deepEqual(await read.json(), ratingSummary(articleId, acknowledged, sum), 'nothing half-written: the count is what was acknowledged');
    return { refused: vote, acknowledged };
  }
  assert.fail(`${bound} votes and no refusal: the database never filled up`);
}

/** The refused vote sent again under its key, once writing works again: counted, once. */
async function sendAgainCounted(server, articleId, { refused, acknowledged }) {
  const again = await send(server.url, refused);
  assert.equal(again.status, 200, JSON.stringify(again.body ?? again.error));
  assert.equal(again.body.summary.votes, acknowledged + 1);
  assert.equal((await send(server.url, refused)).body.summary.votes, acknowledged + 1, 'a retry of it counts nothing');
}

/** Fills `disk` up under votes on one article, then frees it: see voteUntilRefused and sendAgainCounted. */
async function fillUpAndFree(server, disk, articleId, bound) {
  disk.fill(256 * 1024);
  const outcome = await voteUntilRefused(server, articleId, bound);
  disk.free();
  await sendAgainCounted(server, articleId, outcome);
  return outcome;
}

describe('a database that cannot be written', () => {
  it('SQLite on a full disk: 503 storage-unavailable, nothing half-written, votes again once there is room', async (t) => {
    const disk = smallDisk(4);
    if (disk.unavailable) return t.skip(disk.unavailable);
    const temp = tempDir();
    const server = await startProcess(join(disk.dir, 'widgets.sqlite'), writeSeed(temp.dir), UNLIMITED);
    try {
      const outcome = await fillUpAndFree(server, disk, 'full-disk', 5000);
      console.log(`SQLite, full disk: ${outcome.acknowledged} votes acknowledged, then 503; all counted once there was room`);
    } finally {
      await stopProcess(server);
      disk.remove();
      temp.remove();
    }
  });

  describe('PostgreSQL', () => {
    let cluster;
    let temp;
    const query = async (database, sql) => {
      const url = new URL(cluster.url);
      url.pathname = `/${database}`;
      const client = new pg.Client(url.href);
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const serverOn = (database) => {
      const url = new URL(cluster.url);
      url.pathname = `/${database}`;
      return startProcess(url.href, writeSeed(temp.dir), UNLIMITED);
    };

    before(async () => {
      cluster = await startCluster();
      temp = tempDir();
    });
    after(() => {
      cluster.destroy();
      temp.remove();
    });

    const writable = async () => {
      await query('postgres', 'ALTER SYSTEM RESET default_transaction_read_only');
      await query('postgres', 'SELECT pg_reload_conf()');
    };

    it('read-only (default_transaction_read_only): 503 storage-unavailable, reads go on, votes again once writable', async () => {
      await query('postgres', 'CREATE DATABASE readonly');
      const server = await serverOn('readonly');
      try {
        for (let i = 0; i < 5; i++) assert.equal((await send(server.url, ratingVote('read-only', 4))).status, 200);
        await query('postgres', 'ALTER SYSTEM SET default_transaction_read_only = on');
        await query('postgres', 'SELECT pg_reload_conf()');
        const outcome = await voteUntilRefused(server, 'read-only', 50, { votes: 5, sum: 20 });
        await writable();
        await sendAgainCounted(server, 'read-only', outcome);
      } finally {
        await writable();
        await stopProcess(server);
      }
    });

    it('a full tablespace: 503 storage-unavailable, nothing half-written, votes again once there is room', async (t) => {
      const disk = smallDisk(24);
      if (disk.unavailable) return t.skip(disk.unavailable);
      let server;
      try {
        const owner = (id) => Number(execFileSync('id', [id, 'postgres'], { encoding: 'utf8' }));
        chownSync(disk.dir, owner('-u'), owner('-g'));
        await query('postgres', `CREATE TABLESPACE small LOCATION '${disk.dir}'`);
        await query('postgres', 'CREATE DATABASE full_disk TABLESPACE small');
        server = await serverOn('full_disk');
        const outcome = await fillUpAndFree(server, disk, 'full-tablespace', 20_000);
        console.log(`PostgreSQL, full tablespace: ${outcome.acknowledged} votes acknowledged, then 503; all counted once there was room`);
      } finally {
        if (server) await stopProcess(server);
        // The tablespace's files off the mount before it goes.
        await query('postgres', 'DROP DATABASE IF EXISTS full_disk');
        await query('postgres', 'DROP TABLESPACE IF EXISTS small');
        disk.remove();
      }
    });
  });
});
