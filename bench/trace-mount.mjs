// What a long task of a mount is made of: runs bench/pages/mount.html under a Chromium trace and
// prints, for each main-thread task over the threshold, its time split by kind of work (script
// by function, style recalc, layout, parse, paint...). For finding where a long task comes from;
// `npm run bench` measures.
//
//   node bench/trace-mount.mjs opinion-poll 200 [--save trace.json] [--threshold 30]
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/e2e/chromium.mjs';
import { findChrome } from '../scripts/find-chrome.mjs';
import { serve } from './serve.mjs';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { save: { type: 'string' }, threshold: { type: 'string', default: '30' }, light: { type: 'boolean' } } });
const [widget = 'opinion-poll', count = '200'] = positionals;
const repo = resolve(dirname(new URL(import.meta.url).pathname), '..');
process.env.CHROME_PATH ??= findChrome();

const files = await serve(repo);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(`${files.origin}/bench/pages/mount.html?widget=${widget}`);
  await page.waitForFunction(() => window.ready);
  await page.tracing.start({ categories: options.light ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'] });
  const result = await page.evaluate((n) => window.mount(n), Number(count));
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString());
  if (options.save) writeFileSync(options.save, JSON.stringify(trace));
  console.log(`${widget} x${count}: ${result.time.toFixed(0)} ms, long tasks ${result.longTasks.map((t) => t.toFixed(0)).join(', ') || 'none'}`);

  const events = trace.traceEvents;
  // The page's renderer: the one that parsed the widgets' HTML (a browser may run others).
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'ParseHTML'));
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur / 1000 > Number(options.threshold));
  // Self time of each kind of event inside a task: an event's duration less its children's.
  const kinds = ['EvaluateScript', 'v8.compile', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'UpdateLayoutTree', 'Layout', 'ParseHTML', 'ParseAuthorStyleSheet', 'Paint', 'PrePaint', 'UpdateLayerTree', 'Layerize', 'Commit', 'HitTest', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase', 'v8.callFunction', 'ScheduleStyleRecalculation', 'EventDispatch', 'IntersectionObserverController::computeIntersections', 'RecalculateStyles'];
  for (const task of tasks) {
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const self = new Map();
    // A stack walk: each event's self time goes to its name.
    const stack = [];
    for (const e of inside) {
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (stack.length) stack.at(-1).child += e.dur;
      e.child = 0;
      stack.push(e);
    }
    for (const e of inside) self.set(e.name, (self.get(e.name) ?? 0) + e.dur - e.child);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`);
    const first = inside.filter((e) => e.dur > task.dur * 0.05 && kinds.includes(e.name)).slice(0, 8).map((e) => `${e.name}${e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''}${e.args?.data?.url ? `[${e.args.data.url.replace(/.*\//, '')}]` : ''} ${(e.dur / 1000).toFixed(1)}`);
    console.log(`\ntask at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms (CPU ${(task.tdur / 1000).toFixed(1)} ms)\n  self: ${top.join(', ')}\n  big: ${first.join(' | ')}`);
  }
  // Self time by JS function inside the task that inserts the widgets (the one that parses their
  // HTML), from the sampling profile (Profile and ProfileChunk events).
  const parse = onMain.find((e) => e.name === 'ParseHTML');
  const longest = onMain.find((e) => e.name === 'RunTask' && e.ts <= parse.ts && e.ts + e.dur >= parse.ts);
  const nodes = new Map();
  const byFunction = new Map();
  const parents = new Map();
  let time = events.find((e) => e.name === 'Profile' && e.pid === main.pid)?.args.data.startTime ?? 0;
  for (const e of events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid).sort((a, b) => a.ts - b.ts)) {
    const profile = e.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) {
      nodes.set(node.id, node);
      if (node.parent) parents.set(node.id, node.parent);
    }
    const deltas = e.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      const previous = time;
      time += deltas[i] ?? 0;
      if (!longest || time < longest.ts || time > longest.ts + longest.dur) return;
      // Self time, and total time of each function on the sample's stack (once per stack).
      const seen = new Set();
      for (let node = id, self = true; node; node = parents.get(node), self = false) {
        const frame = nodes.get(node)?.callFrame;
        if (!frame) break;
        const key = `${frame.functionName || '(anon)'} ${(frame.url ?? '').replace(/.*\//, '')}:${frame.lineNumber}:${frame.columnNumber}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = byFunction.get(key) ?? { self: 0, total: 0 };
        entry.total += time - previous;
        if (self) entry.self += time - previous;
        byFunction.set(key, entry);
      }
    });
  }
  if (longest) {
    console.log(`\nJS in the task that inserts the widgets (${(longest.dur / 1000).toFixed(0)} ms), by self time, top 25:`);
    for (const [key, { self, total }] of [...byFunction].sort((a, b) => b[1].self - a[1].self).slice(0, 25)) console.log(`  self ${(self / 1000).toFixed(1)} ms, total ${(total / 1000).toFixed(1)} ms  ${key}`);
    console.log('by total time, top 25:');
    for (const [key, { self, total }] of [...byFunction].sort((a, b) => b[1].total - a[1].total).slice(0, 25)) console.log(`  total ${(total / 1000).toFixed(1)} ms, self ${(self / 1000).toFixed(1)} ms  ${key}`);
  }
} finally {
  await browser.close();
  await files.close();
}
