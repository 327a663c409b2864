// The load generator of `npm run bench:server`: autocannon in a process of its own (the server's
// event loop never runs it), one measurement per run. It reads what to send as JSON in argv[2]
// and prints what it measured as one line of JSON.
//
// { url, connections, seconds, warmupSeconds, request }, where request is one of
//   { kind: 'get', paths: ['/api/ratings/a1', ...] }       GETs, cycling through the paths
//   { kind: 'rate', articles: ['a1', ...] }               a rating from a new voter each time
//   { kind: 'poll', pollId, optionIds: ['o1', ...] }      a poll vote from a new voter each time
// Every vote comes from a new voter, with its own Idempotency-Key and its own client address in
// X-Forwarded-For (the server trusts the loopback proxy), so no per-address limit refuses it: the
// whole write path runs, the limits included. The addresses are IPv6 /64s of the documentation
// range 2001:db8::/32 (a header only: no packet goes anywhere but to the loopback server).
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

const { url, connections, seconds, warmupSeconds = 1, request } = JSON.parse(process.argv[2]);

let sent = 0;
/** Something different every time: 64 bits of a counter, so two runs never repeat within one. */
const unique = () => `${randomBytes(6).toString('hex')}${(sent++).toString(16).padStart(10, '0')}`;
const address = () => `2001:db8:${(sent & 0xffff).toString(16)}:${((sent >>> 16) & 0xffff).toString(16)}::1`;

function votes(path, body) {
  return {
    method: 'POST',
    setupRequest(req) {
      const voterId = unique();
      req.path = path();
      req.body = JSON.stringify({ ...body(), voterId });
      req.headers = { 'content-type': 'application/json', 'idempotency-key': `bench-${voterId}`, 'x-forwarded-for': address() };
      return req;
    },
  };
}

function requests() {
  if (request.kind === 'get') {
    let next = 0;
    return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: request.paths[next++ % request.paths.length] }) }];
  }
  if (request.kind === 'rate') {
    return [votes(() => `/api/ratings/${request.articles[sent % request.articles.length]}/votes`, () => ({ rating: 1 + (sent % 5) }))];
  }
  if (request.kind === 'poll') {
    return [votes(() => `/api/polls/${request.pollId}/votes`, () => ({ optionIds: [request.optionIds[sent % request.optionIds.length]] }))];
  }
  throw new Error(`unknown request kind ${request.kind}`);
}

const run = (duration) => autocannon({ url, connections, duration, requests: requests(), timeout: 10 });

// A warm-up first: the server's code is compiled and its caches are full before anything counts.
if (warmupSeconds > 0) await run(warmupSeconds);
const result = await run(seconds);
process.stdout.write(
  `${JSON.stringify({
    perSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  })}\n`,
);
