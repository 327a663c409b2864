// Size budgets, deterministic so CI enforces them: each element bundled on its own with Lit and the
// backend code a site needs with it, minified, gzipped at level 9. Prints each figure beside its budget.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

// What a production page needs beside an element: the HTTP backend for the reference server
// (MemoryBackend and LocalBackend are for tests, demos and server-less sites, measured apart).
const http = [
  "export { HttpBackend } from '../../src/backend/http-backend.ts';",
  "export { setDefaultBackend } from '../../src/backend/default-backend.ts';",
];

const KB = 1024;
// `budget` is the figure the issues set; `ceiling` is what CI enforces today, just above the
// measured size, so no change can make a bundle bigger unnoticed while the budgets are not yet met.
// The three element ceilings sit 0.25 KB above issue 14's figures (13, 14.25, 10.5 KB) while its
// work is merged: the host-page, packaging and abuse changes each added bytes (light-dark pairs,
// the shared page registry, the per-item cap's message), and issue 14 moves what runs only after a
// reader acts out of the first load, which brings every element back under its figure.
const bundles = [
  {
    name: 'article-rating + Lit + HttpBackend',
    budget: 9 * KB,
    ceiling: 13.25 * KB,
    entry: ["import { ArticleRating } from '../../src/article-rating/article-rating.ts';", 'ArticleRating.define();', ...http],
  },
  {
    name: 'opinion-poll + Lit + HttpBackend',
    budget: 10 * KB,
    ceiling: 14.5 * KB,
    entry: ["import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.ts';", 'OpinionPoll.define();', ...http],
  },
  {
    // No backend bundled: a share bar works fully without one (counts are optional, loaded lazily).
    name: 'share-bar + Lit + icons',
    budget: 10 * KB,
    ceiling: 10.75 * KB,
    entry: ["import { ShareBar } from '../../src/share-bar/share-bar.ts';", 'ShareBar.define();'],
  },
  {
    name: 'MemoryBackend + LocalBackend (tests, demos, static sites)',
    ceiling: 3 * KB,
    entry: [
      "export { MemoryBackend } from '../../src/backend/memory-backend.ts';",
      "export { LocalBackend } from '../../src/backend/local-backend.ts';",
    ],
  },
  { name: 'dist/article-widgets.js (everything)', budget: 30 * KB, ceiling: 23 * KB, entry: ["export * from '../../src/define.ts';"] },
];

const dir = '.tmp/size';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let failed = false;
for (const [i, bundle] of bundles.entries()) {
  const entry = `${dir}/entry-${i}.js`;
  writeFileSync(entry, bundle.entry.join('\n') + '\n');
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      outDir: `${dir}/out-${i}`,
      emptyOutDir: true,
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: {
        // A site's own build may add exports to its entry chunk, so a module shared with a lazily
        // loaded chunk (the share bar's actions) stays in the entry, not in a chunk of its own.
        preserveEntrySignatures: 'allow-extension',
        // Vite keeps whitespace in ES library builds (for the consumer's minifier); a page loads
        // these as they are, so measure them fully minified, as dist/article-widgets.js ships.
        output: { minify: true, comments: false },
      },
    },
  });
  // What a page loads: the entry and every chunk it imports statically. A chunk it imports
  // dynamically (code that runs only once a reader acts, such as <share-bar>'s counting) is not.
  const chunks = new Map((Array.isArray(result) ? result[0] : result).output.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set(['bundle.js']);
  for (const name of loaded) for (const imported of chunks.get(name)?.imports ?? []) loaded.add(imported);
  const code = [...loaded].map((name) => readFileSync(`${dir}/out-${i}/${name}`, 'utf8')).join('\n');
  const gzipped = gzipSync(code, { level: 9 }).length;
  const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
  const underCeiling = gzipped <= bundle.ceiling;
  failed ||= !underCeiling;
  const budget = bundle.budget === undefined ? '' : gzipped <= bundle.budget ? ` · budget ${kb(bundle.budget)}: met` : ` · budget ${kb(bundle.budget)}: NOT MET, ${kb(gzipped - bundle.budget)} over`;
  console.log(`${underCeiling ? "ok  " : "OVER"} ${bundle.name}: ${kb(gzipped)} gzip${budget} · ceiling ${kb(bundle.ceiling)}`);
}
if (!process.env.KEEP_SIZE_BUNDLES) rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.error('size: a bundle grew past its ceiling');
  process.exit(1);
}
