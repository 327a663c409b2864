// A fuzz of malformed requests: 12,000 through the app in process (app.inject, fast), 600 of them
// again over real HTTP, and raw malformed HTTP on a socket. Each request is a valid one broken in
// one way that must make it a client mistake, so the server must answer every one with a 4xx:
// never a 5xx, never a success, and the database must be exactly as before (every table, row for
// row). Seeded, so a failure names the request that caused it and reproduces.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import Database from 'better-sqlite3';
import { ID_PATTERN } from '../dist/server/src/schemas.js';
import { ADMIN_TOKEN, ARTICLE, startServer } from './helpers.js';

const SEED = Number(process.env.AW_FUZZ_SEED ?? 20261129);
/** Bodies past the limits (16 KB, and 4 MB for an import), made once. */
const HUGE = JSON.stringify({ pad: 'x'.repeat(20_000) });
const HUGE_IMPORT = JSON.stringify({ pad: 'x'.repeat(4 * 1024 * 1024 + 1) });
const IN_PROCESS = 12_000;
const OVER_HTTP = 600;

/** A seeded generator of the random choices. */
function randomness(seed) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const text = (length, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789') => Array.from({ length }, () => alphabet[int(alphabet.length)]).join('');
  return { next, int, pick, text };
}

describe('fuzz: malformed requests', () => {
  let s;
  const r = randomness(SEED);
  const jsonType = (value) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  /** Values of every JSON type, for a field of another. */
  const wrongTypes = [null, true, false, 0, -1, 1.5, 1e20, -1e20, '', 'x', '4', [], [1], {}, { $gt: '' }, 'x'.repeat(5000)];
  const hostile = ["' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '%00', '💥', '{{7*7}}', 'constructor', '__proto__', 'toString'];
  /** Ids no route takes (hostile ones that happen to be valid ids, like toString, are left out). */
  const invalidIdValues = [...hostile.filter((id) => !new RegExp(ID_PATTERN).test(id)), 'a'.repeat(200), '.hidden', '-dash'];
  const invalidIds = invalidIdValues.map(encodeURIComponent);
  const voterId = () => r.text(32);
  const key = () => r.text(24);
  const address = () => (r.next() < 0.5 ? `198.51.${r.int(256)}.${r.int(256)}` : `2001:db8:${r.int(65536).toString(16)}::${r.int(65536).toString(16)}`);
  const validPoll = () => ({ id: `fz-${r.text(8)}`, question: 'Q?', options: [{ id: 'a', label: 'A', votes: 1 }, { id: 'b', label: 'B', votes: 2 }] });

  /** Valid requests of each write kind, before they are broken. */
  const templates = {
    rate: () => ({ method: 'POST', path: `/api/ratings/${r.pick([ARTICLE, `fz-${r.text(6)}`])}/votes`, body: { rating: 1 + r.int(5), voterId: voterId() }, headers: { 'idempotency-key': key() } }),
    poll: () => ({ method: 'POST', path: '/api/polls/reader-topics/votes', body: { optionIds: [r.pick(['security', 'energy', 'asia', 'arctic'])], voterId: voterId() }, headers: { 'idempotency-key': key() } }),
    share: () => ({ method: 'POST', path: '/api/shares', body: { url: `https://news.example.org/${r.text(5)}`, network: r.pick(['vk', 'telegram', 'x']), voterId: voterId() }, headers: { 'idempotency-key': key() } }),
    create: () => ({ method: 'POST', path: '/api/admin/polls', body: validPoll(), headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, admin: true }),
    patch: () => ({ method: 'PATCH', path: '/api/admin/polls/reader-topics', body: { question: 'New?' }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, admin: true }),
    import: () => ({ method: 'POST', path: '/api/admin/import', body: { ratings: [{ articleId: `fz-${r.text(6)}`, votes: 3, average: 4 }], polls: [validPoll()] }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, admin: true }),
  };

  /** Ways to break a request, each certain to make it a client mistake. */
  const breakers = {
    dropField: (q) => {
      if (q.method === 'PATCH') q.body = {}; // a patch of nothing
      else if (q.body.polls) delete q.body.polls[0][r.pick(['id', 'question', 'options'])]; // an import's poll
      else delete q.body[r.pick(Object.keys(q.body))]; // every field of the other templates is required
    },
    wrongType: (q) => {
      const field = r.pick(Object.keys(q.body));
      const type = jsonType(q.body[field]);
      q.body[field] = r.pick(wrongTypes.filter((v) => jsonType(v) !== type));
    },
    unknownField: (q) => {
      q.body[r.pick(['admin', 'constructor', 'toString', 'votes_', 'x', r.text(6)])] = r.pick(wrongTypes);
    },
    protoKey: (q) => {
      q.raw = JSON.stringify(q.body).replace(/^\{/, '{"__proto__":{"admin":true},');
    },
    badJson: (q) => {
      const json = JSON.stringify(q.body);
      q.raw = r.pick([json.slice(0, 1 + r.int(json.length - 1)), `${json}}`, json.replace(/"/g, "'"), '', ' ', 'null', '[]', '"text"', '1e999']);
    },
    wrongContentType: (q) => {
      q.raw = JSON.stringify(q.body);
      q.headers['content-type'] = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'text/html']);
    },
    hugeBody: (q) => {
      // Refused on its Content-Length before it is read, so what it holds does not matter.
      q.raw = q.path.endsWith('/import') ? HUGE_IMPORT : HUGE;
    },
    badPath: (q) => {
      const id = r.pick([...invalidIds, '%E0%A4%A', '%', '..', 'a%2Fb', encodeURIComponent('статья')]);
      q.path = q.path.replace(/(ratings|polls)\/[^/]+/, `$1/${id}`).replace(/^\/api\/shares$/, `/api/shares/${id}`).replace(/\/admin\/import$/, `/admin/import/${id}`);
      if (q.path.endsWith('/api/admin/polls')) q.path += `/${id}/close`;
    },
    wrongMethod: (q) => {
      q.method = r.pick(['PUT', 'DELETE', ...(q.method === 'PATCH' ? ['POST'] : ['PATCH'])]);
    },
  };
  const writeBreakers = {
    ...breakers,
    badIdempotencyKey: (q) => {
      if (r.next() < 0.3) delete q.headers['idempotency-key'];
      else q.headers['idempotency-key'] = r.pick(['short', '', 'x'.repeat(129), 'has space here', "'; DROP TABLE receipts; --", 'ключ-ключ-ключ']);
    },
    badValue: (q) => {
      if ('rating' in q.body) q.body.rating = r.pick([0, 6, 4.5, -1, 1e20, 2 ** 53]);
      else if ('optionIds' in q.body) q.body.optionIds = r.pick([[], ['mars'], ['security', 'energy', 'asia'], Array.from({ length: 51 }, (_, i) => `o${i}`), ['<b>'], [r.pick(hostile)]]);
      else q.body[r.pick(['url', 'network'])] = r.pick(['ftp://example.org/', 'not a url', `https://e.org/${'x'.repeat(3000)}`, 'javascript:alert(1)', 'invented-network', 'constructor', 'Telegram', '']);
      if (r.next() < 0.3) q.body.voterId = r.pick(['short', 'x'.repeat(200), "' OR 1=1 -- xxxxxxxx", 'ключключключключключ']);
    },
    closedPoll: (q) => {
      q.path = `/api/polls/${ARTICLE}/votes`; // closed: 409 whatever the ballot
      q.body = { optionIds: ['o1'], voterId: voterId() };
    },
    unknownPoll: (q) => {
      q.path = `/api/polls/fz-none-${r.text(6)}/votes`;
      q.body = { optionIds: ['a'], voterId: voterId() };
    },
  };
  const adminBreakers = {
    ...breakers,
    badToken: (q) => {
      q.headers.authorization = r.pick([undefined, '', 'Bearer', 'Bearer ', `Bearer ${ADMIN_TOKEN}x`, `bearer ${ADMIN_TOKEN}`, `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN.slice(1)}`, 'Bearer undefined', `Bearer ${'x'.repeat(2000)}`]);
      if (q.headers.authorization === undefined) delete q.headers.authorization;
    },
    badPoll: (q) => {
      const poll = q.body.polls?.[0] ?? q.body;
      if (q.method === 'PATCH') {
        Object.assign(q.body, r.pick([{ maxChoices: 1e20 }, { maxChoices: 5 }, { multiple: false }, { labels: { mars: 'x' } }, { labels: { toString: 'x' } }, { labels: { security: '' } }, { closesAt: 'tomorrow' }, { results: 'sometimes' }, { question: '' }]));
        return;
      }
      const option = poll.options[r.int(poll.options.length)];
      r.pick([
        () => (option.votes = r.pick([1e20, -1, 1.5, 1e13])),
        () => (option.id = r.pick(['', 'a b', '<x>', 'x'.repeat(200)])),
        () => (option.label = r.pick(['', 'x'.repeat(501)])),
        () => (poll.options = [option]),
        () => (poll.options = Array.from({ length: 51 }, (_, i) => ({ id: `o${i}`, label: 'L', votes: 0 }))),
        () => (poll.options[1].id = poll.options[0].id),
        () => Object.assign(poll, { multiple: false, maxChoices: 2 }),
        () => Object.assign(poll, { multiple: true, maxChoices: 3 }),
        () => (poll.closesAt = r.pick(['tomorrow', '2026-13-01T00:00:00Z', 1])),
        () => (poll.voters = r.pick([1e20, -5])),
        () => (poll.id = r.pick(invalidIdValues)),
      ])();
      if (q.body.ratings && r.next() < 0.5) q.body.ratings = [{ articleId: 'fz-x', votes: 3, average: r.pick([0.5, 6, -1]) }];
    },
  };

  /** One broken request: a template and one breaker that must make it a 4xx. */
  function brokenRequest() {
    const kind = r.pick(Object.keys(templates));
    const q = templates[kind]();
    const ways = q.admin ? adminBreakers : writeBreakers;
    const way = r.pick(Object.keys(ways));
    ways[way](q);
    return { ...q, kind, way, remoteAddress: address() };
  }

  /** Malformed reads: they change nothing either way, but must be 4xx, never 5xx. */
  function brokenRead() {
    const id = r.pick([...invalidIds, '%E0%A4%A', 'fz-none']);
    const path = r.pick([
      `/api/ratings/${id}/votes`,
      `/api/polls/${id}`,
      `/api/ratings?ids=${r.pick([`${'a,'.repeat(120)}a`, encodeURIComponent('<x>'), ''])}`,
      `/api/ratings?ids=a&extra=1`,
      `/api/shares?url=${encodeURIComponent(r.pick(['ftp://x', 'no', `https://e.org/${'x'.repeat(3000)}`]))}`,
      '/api/shares',
      `/api/${id}`,
    ]);
    return { method: 'GET', path, headers: r.next() < 0.3 ? { 'x-voter-id': r.pick(['short', "' OR 1=1", 'x'.repeat(200)]) } : {}, kind: 'read', way: 'read', remoteAddress: address() };
  }

  const describeRequest = (q) => `${q.kind}/${q.way}: ${q.method} ${q.path} ${JSON.stringify(q.headers)} ${(q.raw ?? JSON.stringify(q.body ?? ''))?.slice(0, 300)}`;

  /** Every table but the day's address salt (made by the first write of a day), row for row. */
  function snapshot() {
    const db = new Database(s.db, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'address_salts' ORDER BY name").pluck().all();
      return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort()]));
    } finally {
      db.close();
    }
  }

  before(async () => {
    s = await startServer({ trustProxy: 'loopback', rateLimit: { max: 60 }, itemVotesPerAddress: 20 });
  });
  after(() => s.close());

  it(`answers ${IN_PROCESS} in-process and ${OVER_HTTP} HTTP requests, each broken one way, with a 4xx and changes nothing`, async () => {
    const before = snapshot();
    assert.ok(before.ratings.length > 0 && before.polls.length > 0, 'the seed is there to be kept');
    const statuses = {};
    const http = [];
    for (let i = 0; i < IN_PROCESS; i++) {
      const q = r.next() < 0.9 ? brokenRequest() : brokenRead();
      const headers = { ...q.headers };
      let payload;
      if (q.raw !== undefined) {
        payload = q.raw;
        headers['content-type'] ??= 'application/json';
      } else if (q.body !== undefined && q.method !== 'GET') {
        payload = JSON.stringify(q.body);
        headers['content-type'] = 'application/json';
      }
      // From many clients, as a trusted loopback proxy reports them, so the limits hold few up.
      const reply = await s.app.inject({ method: q.method, url: q.path, headers: { ...headers, 'x-forwarded-for': q.remoteAddress }, payload, remoteAddress: '127.0.0.1' });
      statuses[reply.statusCode] = (statuses[reply.statusCode] ?? 0) + 1;
      if (reply.statusCode < 400 || reply.statusCode >= 500) {
        assert.fail(`seed ${SEED}, request ${i}: ${reply.statusCode} ${reply.body.slice(0, 200)}\n${describeRequest(q)}`);
      }
      if (!/^application\/json/.test(reply.headers['content-type'] ?? '')) assert.fail(`not JSON: ${describeRequest(q)}`);
      // fetch sends header values of Latin-1 only; the in-process run had the others.
      const sendable = Object.values(headers).every((value) => /^[\x20-\xff]*$/.test(String(value)));
      if (sendable && i % Math.floor(IN_PROCESS / (OVER_HTTP + 100)) === 0 && http.length < OVER_HTTP) http.push({ q, headers, payload });
    }
    for (const { q, headers, payload } of http) {
      const reply = await fetch(new URL(q.path.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'), s.url), { method: q.method, headers: { ...headers, 'x-forwarded-for': q.remoteAddress }, body: payload });
      await reply.arrayBuffer();
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      if (reply.status < 400 || reply.status >= 500) assert.fail(`seed ${SEED} over HTTP: ${reply.status}\n${describeRequest(q)}`);
    }
    assert.deepEqual(snapshot(), before, 'every table as it was');
    if (process.env.AW_TEST_DEBUG) console.log(statuses);
    assert.equal(http.length, OVER_HTTP);
    assert.equal(Object.values(statuses).reduce((a, b) => a + b, 0), IN_PROCESS + OVER_HTTP);
  });

  it('answers malformed HTTP on a raw socket with a 4xx or a closed connection, never a 5xx', async () => {
    const { hostname, port } = new URL(s.url);
    const raw = [
      'GARBAGE\r\n\r\n',
      'GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nX: \u0001\r\n\r\n',
      'POST /api/shares HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello',
      'POST /api/shares HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /api/shares HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST /api/shares HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
    ];
    const before = snapshot();
    for (const request of raw) {
      const reply = await new Promise((resolve) => {
        const socket = connect(Number(port), hostname, () => socket.end(request));
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('error', () => {});
        socket.on('close', () => resolve(data));
      });
      const status = /^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1];
      assert.ok(status === undefined || (status >= '400' && status < '500'), `${JSON.stringify(request.slice(0, 80))}: ${reply.slice(0, 100)}`);
    }
    assert.deepEqual(snapshot(), before);
  });
});
