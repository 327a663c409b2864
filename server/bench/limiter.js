// The write limiter at scale: the cost of one event at a thousand and at a million remembered
// addresses, the memory it holds under a flood of new addresses, and the most a client gets
// through in any two seconds. Prints each figure beside its target; exits 1 if one is missed.
// Run: npm run bench:limiter (node --expose-gc, so the heap figures are of live objects).
import { randomBytes } from 'node:crypto';
import { createRateLimiter } from '../dist/server/src/limits/rate-limiter.js';

const gc = globalThis.gc ?? (() => {});
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
/** Keys shaped like the real ones: 16 bytes of HMAC in base64url. */
const keys = (/** @type {number} */ n) => Array.from({ length: n }, () => randomBytes(16).toString('base64url'));

/** CPU nanoseconds per call of `step` over `order` (CPU time: other work on the machine does not count). */
function cpuNsPer(/** @type {string[]} */ order, /** @type {(key: string) => unknown} */ step) {
  for (let i = 0; i < 100_000; i++) step(order[i]); // warm up
  const started = process.cpuUsage();
  for (const key of order) step(key);
  const { user, system } = process.cpuUsage(started);
  return ((user + system) * 1000) / order.length;
}

/** The cost of one `hit`, and of one bare Map lookup, with `size` addresses held. */
function costs(/** @type {number} */ size) {
  const held = keys(size);
  const limiter = createRateLimiter({ limit: 60, periodMs: 60_000, maxKeys: 2 * size });
  for (const key of held) limiter.hit(key);
  const order = Array.from({ length: 1_000_000 }, () => held[Math.floor(Math.random() * size)]);
  const bare = new Map(held.map((key) => [key, 0.5]));
  return { hit: cpuNsPer(order, (key) => limiter.hit(key)), lookup: cpuNsPer(order, (key) => bare.get(key)) };
}

const results = [];
const report = (/** @type {string} */ name, /** @type {string} */ figure, /** @type {string} */ target, /** @type {boolean} */ met) => {
  results.push(met);
  console.log(`${name.padEnd(62)} ${figure.padStart(10)}   target ${target}${met ? '' : '   MISSED'}`);
};

const small = costs(1000);
const large = costs(1_000_000);
report('hit, 1,000 addresses held', `${small.hit.toFixed(0)} ns`, '(reference)', true);
report('hit, 1,000,000 addresses held', `${large.hit.toFixed(0)} ns`, '<= 5,000 ns (the old sweep walked every key)', large.hit <= 5000);
report('  one bare Map lookup among 1,000,000 keys, for scale', `${large.lookup.toFixed(0)} ns`, '(memory, not the limiter)', true);
report('hit over bare lookup at 1,000,000: constant work, no walk', `${(large.hit / large.lookup).toFixed(1)}x`, '<= 4x', large.hit / large.lookup <= 4);

// Each measure in a function of its own, so nothing of one is still referenced during the next.
function memoryHeld() {
  const held = keys(1_000_000);
  const before = heapMb();
  const limiter = createRateLimiter({ limit: 60, periodMs: 60_000, maxKeys: 2_000_000 });
  for (const key of held) limiter.hit(key);
  const used = heapMb() - before;
  report(`memory of the limiter holding ${limiter.size().toLocaleString('en')} addresses (keys apart)`, `${used.toFixed(0)} MB`, '<= 100 MB', used <= 100);
}

function flood() {
  // A flood of new addresses within one minute, with the default cap: memory stays bounded.
  const before = heapMb();
  const limiter = createRateLimiter({ limit: 60, periodMs: 60_000 });
  let most = 0;
  for (let round = 0; round < 6; round++) {
    for (const key of keys(500_000)) limiter.hit(key);
    most = Math.max(most, limiter.size());
  }
  const used = heapMb() - before;
  report('most addresses held during a flood of 3,000,000 new ones', most.toLocaleString('en'), '<= 1,000,000 (2 x maxKeys)', most <= 1_000_000);
  report(`memory after that flood (${limiter.size().toLocaleString('en')} held)`, `${used.toFixed(0)} MB`, '<= 100 MB', used <= 100);
}

memoryHeld();
flood();

{
  let now = 0;
  const limiter = createRateLimiter({ limit: 60, periodMs: 60_000, clock: () => now });
  const allowed = [];
  for (now = 59_000; now < 600_000; now += 1) if (limiter.hit('client') === 0) allowed.push(now);
  let most = 0;
  for (let i = 0, j = 0; i < allowed.length; i++) {
    while (allowed[i] - allowed[j] >= 2000) j++;
    most = Math.max(most, i - j + 1);
  }
  report('most writes in any two seconds at 60 a minute (one client, 1 ms apart)', String(most), '<= 62 (a fixed window: 120)', most <= 62);
}

process.exitCode = results.every(Boolean) ? 0 : 1;
