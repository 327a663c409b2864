// `npm run bench:server`: the reference server's throughput on loopback, each figure beside its
// target, PASS or FAIL (exit 1 if one fails). Every server runs as a process of its own, started by
// its real command line; the load comes from autocannon in another process (bench/load.js), which
// shares the machine's cores with the server, as it would share them with nothing in production.
// A bare node:http server (bench/ceiling.js) measured in the same run is the ceiling reads are
// held to. Measurements are interleaved over several rounds and their medians reported, since
// other work on the machine comes and goes.
//
// AW_BENCH_SECONDS (5) per measurement after a 1 s warm-up, AW_BENCH_ROUNDS (3), 50 connections;
// AW_BENCH_ONLY=regexp runs only the scenarios whose names it matches (and their ceilings).
// AW_BENCH_BEFORE=DIR: another build of the server package (its bin/ and dist/, say of the commit
// before a change) measured in the same run on the reads and the votes, marked "(before)".
// PostgreSQL: the database AW_BENCH_POSTGRES_URL names (postgres://…, one the server may use), else
// a private cluster started here (scripts/postgres.mjs, as the tests do) and deleted after.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openSqliteStorage } from '../dist/server/src/storage/sqlite.js';
import { POOL_SIZE } from '../dist/server/src/storage/postgres/postgres.js';
import { startCluster } from '../../scripts/postgres.mjs';
import { CONCURRENCY as PG_CLIENTS, commits, pollStatements, prepareCeilings, ratingStatements } from './postgres-ceiling.js';

const SECONDS = Number(process.env.AW_BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.AW_BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const ARTICLES = 1000;
const root = new URL('..', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'aw-bench-server-'));

/**
 * A database of `votes` readers' ratings spread evenly over ARTICLES articles, with the counter rows
 * the server keeps beside them. Written straight into the server's own schema (a million votes
 * through the API would take minutes), article by article (the order of the primary key).
 */
async function databaseWith(votes) {
  const path = join(temp, `votes-${votes}.sqlite`);
  await openSqliteStorage(path).close(); // the server's own schema
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a fixture: written once, before any server opens it
  const insertVote = db.prepare('INSERT INTO rating_votes (article_id, voter, rating) VALUES (?, ?, ?)');
  const counter = db.prepare('INSERT INTO ratings (article_id, reader_votes, reader_sum) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let article = 0; article < ARTICLES; article++) {
      let sum = 0;
      for (let voter = 0; voter < votes / ARTICLES; voter++) {
        const rating = 1 + (voter % 5);
        insertVote.run(`bench-${article}`, `bench-voter-${String(voter).padStart(31, '0')}`, rating);
        sum += rating;
      }
      counter.run(`bench-${article}`, votes / ARTICLES, sum);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

/** A new database `name` on the cluster of `url` (the bench's own); its URL. */
async function databaseIn(url, name) {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const other = new URL(url);
  other.pathname = `/${name}`;
  return other.href;
}

const processes = new Set();
process.on('exit', () => {
  for (const child of processes) child.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

/** Starts a server process (`node script args`, script in `from`); resolves with its URL and PID once it listens. */
function startProcess(script, args = [], from = root) {
  const child = spawn(process.execPath, [join(from, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  processes.add(child);
  child.once('exit', () => processes.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, pid: child.pid });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

/** The reference server's command line: request logging off, as a busy site runs it. */
const startServer = (db, ...args) => startProcess('bin/article-widgets-server.js', ['--port', '0', '--db', db, '--log', 'warn', ...args]);
const before = process.env.AW_BENCH_BEFORE;
/** The other build's server (AW_BENCH_BEFORE), on a database of its own: its schema may be older. */
const startBefore = (db, ...args) => startProcess('bin/article-widgets-server.js', ['--port', '0', '--db', db, '--log', 'warn', ...args], before);

/** CPU time a process has used so far (all its threads, user and system), in µs; undefined without /proc. */
function cpuMicroseconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100; // USER_HZ, 100 on Linux

/**
 * One measurement: autocannon in its own process against each of `targets` (connections split
 * between them); also the CPU time the servers spent per request, which other work on the
 * machine changes far less than it changes their rate.
 */
async function measure(targets, request) {
  const cpuBefore = targets.map((t) => cpuMicroseconds(t.pid));
  const runs = targets.map(
    ({ url }) =>
      new Promise((resolve, reject) => {
        const config = { url, connections: CONNECTIONS / targets.length, seconds: SECONDS, request };
        const child = spawn(process.execPath, [join(root, 'bench/load.js'), JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
        processes.add(child);
        const timer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 60) * 1000); // bounded, whatever happens
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.once('exit', (code) => {
          clearTimeout(timer);
          processes.delete(child);
          if (code === 0) resolve(JSON.parse(out));
          else reject(new Error(`load generator exited with ${code}`));
        });
      }),
  );
  const results = await Promise.all(runs);
  const cpu = targets.reduce((sum, t, i) => sum + (cpuMicroseconds(t.pid) ?? NaN) - (cpuBefore[i] ?? NaN), 0);
  const total = results.reduce((sum, r) => sum + r.total, 0);
  return {
    perSecond: results.reduce((sum, r) => sum + r.perSecond, 0),
    p99: Math.max(...results.map((r) => r.p99)),
    // The warm-up's requests are in the CPU time too: 1 s of SECONDS + 1.
    cpuPerRequest: cpu / (total * (1 + 1 / SECONDS)),
    failed: results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
    statusCodes: results.map((r) => r.statusCodes),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ids = (n) => Array.from({ length: n }, (_, i) => `bench-${i}`);
const read = (path) => ({ kind: 'get', paths: [path] });
const ONE = read('/api/ratings/bench-0');
const BATCH = read(`/api/ratings?ids=${ids(30).join(',')}`);

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`article-widgets-server throughput on ${cpus().length} × ${cpus()[0].model}, Node ${process.version}, load average ${load()}`);
console.log(`${CONNECTIONS} connections, ${SECONDS} s per measurement after 1 s of warm-up, ${ROUNDS} interleaved rounds, medians; autocannon in a process of its own on the same cores\n`);
const started = Date.now();
const [small, large] = [await databaseWith(1_000), await databaseWith(1_000_000)];
const votesDb = join(temp, 'votes.sqlite');
const seed = join(temp, 'seed.json');
writeFileSync(seed, JSON.stringify({
  polls: [{ id: 'bench-poll', question: 'Which?', options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, votes: 0 })), results: 'always' }],
}));
console.log(`databases of 1,000 and 1,000,000 stored votes made in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

const servers = {
  ceiling: await startProcess('bench/ceiling.js'),
  small: await startServer(small),
  large: await startServer(large),
  smallUncached: await startServer(small, '--read-cache-ms', '0'),
  largeUncached: await startServer(large, '--read-cache-ms', '0'),
  // Every vote comes from its own address (X-Forwarded-For from the loopback proxy): the write
  // limiter and the per-item cap run, at their defaults, and refuse none of them.
  votes: await startServer(votesDb, '--seed', seed, '--trust-proxy', 'loopback'),
  ...(before ? { before: await startBefore(small) } : {}),
};

const RATE = { kind: 'rate', articles: ids(50) };
const VOTE_CEILING = 'ceiling: bare node:http, a vote\'s POST (its JSON parsed, JSON answered)';
const POLL = { kind: 'poll', pollId: 'bench-poll', optionIds: ['a', 'b', 'c', 'd'] };
/**
 * What is measured, and held to what: `ofCeiling` (a share of the node:http ceiling's rate),
 * `asFastAs` (a share of another measurement's rate), `votes` (a rate and a p99 latency), printed
 * beside the `ceilings` (other measurements' rates) that bound it on this machine. A scenario
 * measures `targets` with autocannon sending `request`, or runs its own `measure`.
 */
const scenarios = [
  { name: 'ceiling: bare node:http, a rating\'s JSON', targets: [servers.ceiling], request: ONE },
  { name: 'one rating read, 1,000 votes stored', targets: [servers.small], request: ONE, ofCeiling: 0.6 },
  { name: 'one rating read, 1,000,000 votes stored', targets: [servers.large], request: ONE, ofCeiling: 0.6, asFastAs: ['one rating read, 1,000 votes stored', 0.85] },
  { name: 'batch read of 30, 1,000 votes stored', targets: [servers.small], request: BATCH, ofCeiling: 0.6 },
  { name: 'batch read of 30, 1,000,000 votes stored', targets: [servers.large], request: BATCH, ofCeiling: 0.6, asFastAs: ['batch read of 30, 1,000 votes stored', 0.85] },
  { name: 'one rating read, no read cache, 1,000 votes', targets: [servers.smallUncached], request: ONE },
  { name: 'one rating read, no read cache, 1,000,000 votes', targets: [servers.largeUncached], request: ONE, asFastAs: ['one rating read, no read cache, 1,000 votes', 0.85] },
  ...(before
    ? [
        { name: 'one rating read, 1,000 votes stored (before)', targets: [servers.before], request: ONE, ofCeiling: 0.6 },
        { name: 'batch read of 30, 1,000 votes stored (before)', targets: [servers.before], request: BATCH, ofCeiling: 0.6 },
      ]
    : []),
  { name: VOTE_CEILING, targets: [servers.ceiling], request: RATE },
  { name: 'rating vote from a new voter, SQLite', targets: [servers.votes], request: RATE, votes: { perSecond: 10_000, p99: 25 }, ceilings: [VOTE_CEILING] },
  { name: 'poll vote from a new voter, SQLite', targets: [servers.votes], request: POLL, votes: { perSecond: 10_000, p99: 25 }, ceilings: [VOTE_CEILING] },
];

// PostgreSQL: votes with one server process and with two on one database, the load split between
// them, as several processes run behind a load balancer.
let postgres = process.env.AW_BENCH_POSTGRES_URL;
let postgresMissing;
if (!postgres) {
  try {
    postgres = (await startCluster()).url; // stopped and deleted as this process exits
  } catch (error) {
    postgresMissing = error.message.split('\n')[0];
  }
}
console.log(`PostgreSQL: ${process.env.AW_BENCH_POSTGRES_URL ? 'AW_BENCH_POSTGRES_URL' : postgres ? 'a private cluster started for this run' : `none (${postgresMissing})`}\n`);
if (postgres) {
  // Each process's pool: the default (POOL_SIZE), as wide as the load's connections, or half as wide
  // for each of two processes; and PostgreSQL's own group commit (commit_delay), set by the URL.
  const wide = String(CONNECTIONS);
  const half = String(CONNECTIONS / 2);
  const withSettings = (url, settings) => `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(settings)}`;
  const GROUP_COMMIT = { commit_delay: 1000, commit_siblings: 5 };
  const groupCommit = Object.entries(GROUP_COMMIT).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  servers.postgresOne = await startServer(postgres, '--seed', seed, '--trust-proxy', 'loopback');
  servers.postgresWide = await startServer(postgres, '--trust-proxy', 'loopback', '--db-pool-size', wide);
  // commit_delay is a superuser's setting: tried on the bench's own cluster only.
  const ownCluster = !process.env.AW_BENCH_POSTGRES_URL;
  if (ownCluster) servers.postgresWideDelay = await startServer(withSettings(postgres, groupCommit), '--trust-proxy', 'loopback', '--db-pool-size', wide);
  servers.postgresHalfA = await startServer(postgres, '--trust-proxy', 'loopback', '--db-pool-size', half);
  servers.postgresHalfB = await startServer(postgres, '--trust-proxy', 'loopback', '--db-pool-size', half);
  await prepareCeilings(postgres);
  const one = [servers.postgresOne];
  const two = [servers.postgresHalfA, servers.postgresHalfB];
  const statement = (run, options) => () => run(postgres, { seconds: SECONDS, ...options });
  const ceiling = {
    commitsOne: 'PostgreSQL ceiling: one-row commits, 1 client',
    commitsMany: `PostgreSQL ceiling: one-row commits, ${PG_CLIENTS} clients`,
    rate: `PostgreSQL ceiling: aw_rate_article, bare pg pool of ${POOL_SIZE}, ${PG_CLIENTS} callers`,
    rateWide: `PostgreSQL ceiling: aw_rate_article, bare pg pool of ${PG_CLIENTS}`,
    rateWideDelay: `PostgreSQL ceiling: aw_rate_article, bare pg pool of ${PG_CLIENTS}, commit_delay 1 ms`,
    poll: `PostgreSQL ceiling: a poll vote's 2 statements, bare pg pool of ${POOL_SIZE}, ${PG_CLIENTS} callers`,
    pollWide: `PostgreSQL ceiling: a poll vote's 2 statements, bare pg pool of ${PG_CLIENTS}`,
  };
  const rateCeilings = [VOTE_CEILING, ceiling.commitsMany, ceiling.rate, ceiling.rateWide, ...(ownCluster ? [ceiling.rateWideDelay] : [])];
  const pollCeilings = [VOTE_CEILING, ceiling.commitsMany, ceiling.poll, ceiling.pollWide];
  const target = { perSecond: 3_000 };
  scenarios.push(
    { name: ceiling.commitsOne, measure: statement(commits, { callers: 1 }) },
    { name: ceiling.commitsMany, measure: statement(commits, { callers: PG_CLIENTS }) },
    { name: ceiling.rate, measure: statement(ratingStatements, { poolSize: POOL_SIZE }) },
    { name: ceiling.rateWide, measure: statement(ratingStatements, { poolSize: PG_CLIENTS }) },
    ...(ownCluster ? [{ name: ceiling.rateWideDelay, measure: statement(ratingStatements, { poolSize: PG_CLIENTS, settings: GROUP_COMMIT }) }] : []),
    { name: ceiling.poll, measure: statement(pollStatements, { poolSize: POOL_SIZE }) },
    { name: ceiling.pollWide, measure: statement(pollStatements, { poolSize: PG_CLIENTS }) },
    { name: `rating vote from a new voter, PostgreSQL, 1 process, pool of ${POOL_SIZE} (default)`, targets: one, request: RATE, votes: target, ceilings: rateCeilings },
    { name: `rating vote from a new voter, PostgreSQL, 1 process, pool of ${wide}`, targets: [servers.postgresWide], request: RATE, votes: target, ceilings: rateCeilings },
    ...(ownCluster ? [{ name: `rating vote from a new voter, PostgreSQL, 1 process, pool of ${wide}, commit_delay 1 ms`, targets: [servers.postgresWideDelay], request: RATE, votes: target, ceilings: rateCeilings }] : []),
    { name: `rating vote from a new voter, PostgreSQL, 2 processes, pools of ${half}`, targets: two, request: RATE, votes: target, ceilings: rateCeilings },
    { name: `poll vote from a new voter, PostgreSQL, 1 process, pool of ${POOL_SIZE} (default)`, targets: one, request: POLL, votes: target, ceilings: pollCeilings },
    { name: `poll vote from a new voter, PostgreSQL, 1 process, pool of ${wide}`, targets: [servers.postgresWide], request: POLL, votes: target, ceilings: pollCeilings },
    { name: `poll vote from a new voter, PostgreSQL, 2 processes, pools of ${half}`, targets: two, request: POLL, votes: target, ceilings: pollCeilings },
  );
  if (before && ownCluster) {
    const database = await databaseIn(postgres, 'aw_bench_before');
    const old = [await startBefore(database, '--seed', seed, '--trust-proxy', 'loopback')];
    scenarios.push(
      { name: `rating vote from a new voter, PostgreSQL, 1 process, pool of ${POOL_SIZE} (before)`, targets: old, request: RATE, votes: target },
      { name: `poll vote from a new voter, PostgreSQL, 1 process, pool of ${POOL_SIZE} (before)`, targets: old, request: POLL, votes: target },
    );
  }
}

// AW_BENCH_ONLY: a regular expression; only the scenarios it matches run, with the ceilings they
// are held to: the reads' (the first scenario) always, the others beside the votes that name them.
const only = process.env.AW_BENCH_ONLY ? new RegExp(process.env.AW_BENCH_ONLY) : undefined;
if (only) {
  const chosen = scenarios.filter((s, i) => i === 0 || only.test(s.name));
  const bounds = new Set(chosen.flatMap((s) => s.ceilings ?? []));
  scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => chosen.includes(s) || bounds.has(s.name)));
}
const results = new Map(scenarios.map((s) => [s.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const scenario of scenarios) {
    const result = scenario.measure ? await scenario.measure() : await measure(scenario.targets, scenario.request);
    results.get(scenario.name).push(result);
    if (result.failed > 0) console.log(`  ${scenario.name}: ${result.failed} requests failed ${JSON.stringify(result.statusCodes)}`);
  }
  console.log(`round ${round} of ${ROUNDS} done, load average ${load()}`);
}
// Every server this run started, those of AW_BENCH_BEFORE's build too.
for (const child of processes) child.kill('SIGTERM');

const rate = (name) => median(results.get(name).map((r) => r.perSecond));
const p99 = (name) => median(results.get(name).map((r) => r.p99));
const cpu = (name) => median(results.get(name).map((r) => r.cpuPerRequest));
const failed = (name) => results.get(name).reduce((sum, r) => sum + r.failed, 0);
const ceiling = rate(scenarios[0].name);
const figure = (n) => Math.round(n).toLocaleString('en');
let missed = 0;

const WIDTH = 96;
console.log(`\n${'measurement'.padEnd(WIDTH)} ${'median'.padStart(10)} ${'CPU/request'.padStart(12)}   rounds`);
for (const { name } of scenarios) {
  const rounds = results.get(name).map((r) => `${figure(r.perSecond)}/s p99 ${r.p99} ms`).join(', ');
  // No CPU figure for the PostgreSQL ceilings: their work is the database's processes'.
  const cpuFigure = Number.isFinite(cpu(name)) ? `${figure(cpu(name))} µs` : '–';
  console.log(`${name.padEnd(WIDTH)} ${`${figure(rate(name))}/s`.padStart(10)} ${cpuFigure.padStart(12)}   ${rounds}`);
}
console.log('');
/** Prints a figure beside its target, PASS or FAIL. */
function check(name, value, target, met) {
  if (!met) missed++;
  console.log(`${name.padEnd(WIDTH)} ${value.padStart(10)}   target ${target.padEnd(12)} ${met ? 'PASS' : 'FAIL'}`);
}
for (const { name, ofCeiling, asFastAs, votes, ceilings = [] } of scenarios) {
  if (ofCeiling) check(`${name}: of the ceiling`, (rate(name) / ceiling).toFixed(2), `≥ ${ofCeiling.toFixed(2)}`, rate(name) / ceiling >= ofCeiling);
  if (asFastAs && results.has(asFastAs[0])) {
    const [other, share] = asFastAs;
    const ratio = rate(name) / rate(other);
    check(`${name}: of the rate at 1,000`, ratio.toFixed(2), `≥ ${share.toFixed(2)}`, ratio >= share);
  }
  if (votes) {
    check(name, `${figure(rate(name))}/s`, `≥ ${figure(votes.perSecond)}/s`, rate(name) >= votes.perSecond);
    if (votes.p99) check(`${name}: p99 latency`, `${p99(name)} ms`, `≤ ${votes.p99} ms`, p99(name) <= votes.p99);
    check(`${name}: failed requests`, String(failed(name)), '0', failed(name) === 0);
    // Whether the target is reachable here at all: the same work with everything but one part taken away.
    for (const bound of ceilings.filter((c) => results.has(c))) {
      const reachable = rate(bound) >= votes.perSecond;
      console.log(`  beside ${bound}: ${figure(rate(bound))}/s, the target ${reachable ? 'below it' : 'ABOVE it: not reachable on this machine'}`);
    }
  }
}
if (!postgres) check('PostgreSQL votes, 1 and 2 processes: not measured', 'none', '≥ 3,000/s', false);

const file = new Database(votesDb, { readonly: true });
const stored = (table) => figure(file.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
console.log(`\nstored by the vote runs (synchronous=FULL, the server's setting): ${stored('rating_votes')} ratings, ${stored('poll_ballots')} poll ballots`);
file.close();
console.log(`load average now ${load()}; ${missed} target(s) missed; ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = missed > 0 ? 1 : 0;
