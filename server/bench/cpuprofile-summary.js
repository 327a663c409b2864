// Summarises a V8 .cpuprofile (from `node --cpu-prof`) by function and by file: self time (spent in
// the function itself) and total time (itself and what it called), as a share of the samples.
// `node bench/cpuprofile-summary.js FILE.cpuprofile [top=30]`. No viewer is needed (speedscope and
// Chrome's DevTools are not at hand on a build machine).
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

/** Each node's time in µs: the sample's following delta is the time it stood for. */
const selfTime = new Map();
samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (timeDeltas[i + 1] ?? 0)));
const all = [...selfTime.values()].reduce((sum, t) => sum + t, 0);

/** A name short enough for a line (a RegExp's whole source is a function name too). */
const truncated = (text) => (text.length > 150 ? `${text.slice(0, 150)}…` : text);
const shortUrl = (url) => url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
const where = ({ callFrame: { functionName, url, lineNumber } }) =>
  truncated(`${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim());
const fileOf = ({ callFrame: { url, functionName } }) => (url ? shortUrl(url) : truncated(`(${functionName || 'native'})`));

/** Adds a node's self time to `key` as self, and to every distinct key on its stack as total. */
function tally(keyOf) {
  const self = new Map();
  const total = new Map();
  for (const [id, time] of selfTime) {
    const key = keyOf(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + time);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const k = keyOf(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + time);
    }
  }
  return { self, total };
}

const percent = (t) => `${((100 * t) / all).toFixed(1).padStart(5)}%`;
function print(title, { self, total }, order) {
  console.log(`\n${title} (by ${order} time; self, total)`);
  const rows = [...(order === 'self' ? self : total)].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
  for (const [key] of rows) console.log(`${percent(self.get(key) ?? 0)} ${percent(total.get(key) ?? 0)}  ${key}`);
}

console.log(`${file}: ${(all / 1e6).toFixed(2)} s sampled`);
const functions = tally(where);
print('functions', functions, 'self');
print('functions', functions, 'total');
print('files', tally(fileOf), 'self');
