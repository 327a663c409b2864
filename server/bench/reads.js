// The cached reads of `npm run bench:server` alone, for working on a read's cost: one rating read
// and a batch of 30 against one server process, beside the bare node:http ceiling (bench/ceiling.js)
// measured in the same run, interleaved over rounds; the medians, each read's share of the ceiling
// and the server's CPU per request (all threads, from /proc). `--before DIR` (another build of the
// server package) adds its reads to the same run; `--profile` runs this build's server under
// `node --cpu-prof` and summarises its profile (bench/cpuprofile-summary.js). The reads hit an
// empty database's items: once in the read cache, an item's figures cost nothing more to serve.
// `--log` is the servers' log level: warn, as bench:server runs them; info logs every request.
//
// node bench/reads.js [--seconds 5] [--rounds 3] [--before DIR] [--profile] [--log warn]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    before: { type: 'string' },
    profile: { type: 'boolean', default: false },
    log: { type: 'string', default: 'warn' },
  },
});
const root = new URL('..', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'aw-bench-reads-'));
const profileDir = join(temp, 'profile');
const seconds = Number(values.seconds);

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

/** Starts `node [nodeArgs] script args` (script in `from`); resolves with the child and its URL once it listens. */
function start(script, args = [], { from = root, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, join(from, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const listening = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      // What it prints from now on is dropped (at --log info, a line a request).
      child.stdout.off('data', listening).resume();
      resolve({ child, url });
    };
    child.stdout.on('data', listening);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}: ${output}`)));
  });
}

const serverArgs = (name) => ['--port', '0', '--db', join(temp, `${name}.sqlite`), '--log', values.log];
const ceiling = await start('bench/ceiling.js');
const current = await start('bin/article-widgets-server.js', serverArgs('current'), { nodeArgs: values.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [] });
const before = values.before ? await start('bin/article-widgets-server.js', serverArgs('before'), { from: values.before }) : undefined;

/** CPU time (user and system, in µs) a process has used so far; clock ticks of 10 ms. */
const cpu = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 1e4;
};

/** One measurement: autocannon (bench/load.js, a process of its own) sending GETs of `path`. */
async function measure({ child, url }, path) {
  const used = cpu(child.pid);
  const load = spawn(process.execPath, [join(root, 'bench/load.js'), JSON.stringify({ url, connections: 50, seconds, request: { kind: 'get', paths: [path] } })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  load.stdout.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => load.once('exit', resolve));
  const result = JSON.parse(out);
  return { ...result, cpuPerRequest: (cpu(child.pid) - used) / (result.total * (1 + 1 / seconds)), failed: result.non2xx + result.errors + result.timeouts };
}

const ONE = '/api/ratings/bench-0';
const BATCH = `/api/ratings?ids=${Array.from({ length: 30 }, (_, i) => `bench-${i}`).join(',')}`;
const scenarios = [
  ['ceiling: bare node:http, a rating\'s JSON', ceiling, ONE],
  ['one rating read', current, ONE],
  ['batch read of 30', current, BATCH],
  ...(before ? [['one rating read (before)', before, ONE], ['batch read of 30 (before)', before, BATCH]] : []),
];
const results = new Map(scenarios.map(([name]) => [name, []]));
console.log(`load average ${loadavg()[0].toFixed(1)}; ${values.rounds} rounds of ${seconds} s each after 1 s of warm-up, 50 connections`);
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, target, path] of scenarios) {
    const result = await measure(target, path);
    if (result.failed > 0) console.log(`  ${name}: ${result.failed} requests failed ${JSON.stringify(result.statusCodes)}`);
    results.get(name).push(result);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const rate = (name) => median(results.get(name).map((r) => r.perSecond));
for (const [name] of scenarios) {
  const share = name.startsWith('ceiling') ? '' : `  ${(rate(name) / rate(scenarios[0][0])).toFixed(2)} of the ceiling`;
  const cpuFigure = Math.round(median(results.get(name).map((r) => r.cpuPerRequest)));
  const rounds = results.get(name).map((r) => Math.round(r.perSecond)).join(', ');
  console.log(`${name.padEnd(40)} ${String(Math.round(rate(name))).padStart(6)}/s ${String(cpuFigure).padStart(5)} µs/request${share}   (${rounds})`);
}
console.log(`load average now ${loadavg()[0].toFixed(1)}`);

const stopped = new Promise((resolve) => current.child.once('exit', resolve));
for (const child of children) child.kill('SIGTERM');
await stopped;
if (values.profile) {
  for (const file of readdirSync(profileDir)) {
    const summary = spawn(process.execPath, [join(root, 'bench/cpuprofile-summary.js'), join(profileDir, file), process.env.AW_PROFILE_TOP ?? '25'], { stdio: 'inherit' });
    await new Promise((resolve) => summary.once('exit', resolve));
  }
}
