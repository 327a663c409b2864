// One vote scenario against one server process, for working on a vote's cost: the server's CPU per
// vote (all threads, from /proc), its rate and p99, and with --profile its V8 CPU profile summarised
// (bench/cpuprofile-summary.js). `npm run bench:server` is the benchmark of record; this is its
// vote scenarios alone, quicker to run after each change.
//
// node bench/votes.js [rate|poll] [--db postgres://…] [--seconds 10] [--profile]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, seconds: { type: 'string', default: '10' }, profile: { type: 'boolean', default: false } },
});
const kind = positionals[0] ?? 'rate';
const root = new URL('..', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'aw-bench-votes-'));
const seed = join(temp, 'seed.json');
writeFileSync(seed, JSON.stringify({
  polls: [{ id: 'bench-poll', question: 'Which?', options: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, votes: 0 })), results: 'always' }],
}));
const db = values.db ?? join(temp, 'votes.sqlite');
const profileDir = join(temp, 'profile');

const nodeArgs = [...(process.env.AW_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])];
const server = spawn(process.execPath, [...nodeArgs, join(root, 'bin/article-widgets-server.js'), '--port', '0', '--db', db, '--log', 'warn', '--seed', seed, '--trust-proxy', 'loopback'], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => {
  server.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});
const url = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (found) resolve(found);
  });
  server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
});

/** CPU time (user and system, in µs) of `/proc/…/stat`'s process or thread; clock ticks of 10 ms. */
const ticks = (stat) => {
  const fields = stat.split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 1e4;
};
const cpu = () => ticks(readFileSync(`/proc/${server.pid}/stat`, 'utf8'));
/** The CPU time of the server's threads so far, by thread id (the main thread's is the process's). */
function threads() {
  const byId = new Map();
  for (const tid of readdirSync(`/proc/${server.pid}/task`)) {
    try {
      byId.set(tid, ticks(readFileSync(`/proc/${server.pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // a thread that ended meanwhile
    }
  }
  return byId;
}
const request = kind === 'poll' ? { kind: 'poll', pollId: 'bench-poll', optionIds: ['a', 'b', 'c', 'd'] } : { kind: 'rate', articles: Array.from({ length: 50 }, (_, i) => `bench-${i}`) };
const seconds = Number(values.seconds);
const before = cpu();
const threadsBefore = threads();
const load = spawn(process.execPath, [join(root, 'bench/load.js'), JSON.stringify({ url, connections: 50, seconds, request })], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
load.stdout.on('data', (chunk) => (out += chunk));
await new Promise((resolve) => load.once('exit', resolve));
const used = cpu() - before;
const threadsAfter = threads();
const result = JSON.parse(out);
const perVote = (µs) => Math.round(µs / (result.total * (1 + 1 / seconds)));
const failed = result.non2xx + result.errors + result.timeouts;
console.log(`${kind} votes on ${values.db ? 'PostgreSQL' : 'SQLite'}: ${Math.round(result.perSecond)}/s, p99 ${result.p99} ms, ${perVote(used)} µs of server CPU a vote, ${failed} failed; load average ${loadavg()[0].toFixed(1)}`);

const busiest = [...threadsAfter].map(([tid, µs]) => [tid, µs - (threadsBefore.get(tid) ?? 0)]).filter(([, µs]) => µs > 0).sort((a, b) => b[1] - a[1]);
console.log(`  by thread: ${busiest.map(([tid, µs]) => `${tid === String(server.pid) ? 'main' : tid} ${perVote(µs)} µs`).join(', ')}`);

const stopped = new Promise((resolve) => server.once('exit', resolve));
server.kill('SIGTERM');
await stopped;
if (values.profile) {
  for (const file of readdirSync(profileDir)) {
    const summary = spawn(process.execPath, [join(root, 'bench/cpuprofile-summary.js'), join(profileDir, file), process.env.AW_PROFILE_TOP ?? '25'], { stdio: 'inherit' });
    await new Promise((resolve) => summary.once('exit', resolve));
  }
}
