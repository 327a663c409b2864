// Size budgets, deterministic so CI enforces them: each element bundled on its own with Lit and the
// backend code a site needs with it, minified, gzipped at level 9. Prints each figure beside its budget.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyTemplates } from './minify-templates.mjs';

const backends = [
  "export { MemoryBackend } from '../../src/backend/memory-backend.ts';",
  "export { LocalBackend } from '../../src/backend/local-backend.ts';",
  "export { setDefaultBackend } from '../../src/backend/default-backend.ts';",
  "export { HttpBackend } from '../../src/backend/http-backend.ts';",
];

const KB = 1024;
const bundles = [
  {
    name: 'article-rating + Lit + backends',
    budget: 9 * KB,
    entry: ["import { ArticleRating } from '../../src/article-rating/article-rating.ts';", 'ArticleRating.define();', ...backends],
  },
  {
    name: 'opinion-poll + Lit + backends',
    budget: 10 * KB,
    entry: ["import { OpinionPoll } from '../../src/opinion-poll/opinion-poll.ts';", 'OpinionPoll.define();', ...backends],
  },
  {
    // No backend bundled: a share bar works fully without one (counts are optional).
    name: 'share-bar + Lit + icons',
    budget: 10 * KB,
    entry: ["import { ShareBar } from '../../src/share-bar/share-bar.ts';", 'ShareBar.define();'],
  },
  { name: 'dist/article-widgets.js (everything)', budget: 30 * KB, entry: ["export * from '../../src/define.ts';"] },
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
      // Vite keeps whitespace in ES library builds (for the consumer's minifier); a page loads
      // these as they are, so measure them fully minified, as dist/article-widgets.js ships.
      rolldownOptions: { output: { minify: true } },
    },
  });
  // What a page loads: the entry and every chunk it imports statically. A chunk it imports
  // dynamically (code that runs only once a reader acts, such as <share-bar>'s counting) is not.
  const chunks = new Map((Array.isArray(result) ? result[0] : result).output.map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set(['bundle.js']);
  for (const name of loaded) for (const imported of chunks.get(name)?.imports ?? []) loaded.add(imported);
  const code = [...loaded].map((name) => readFileSync(`${dir}/out-${i}/${name}`, 'utf8')).join('\n');
  const gzipped = gzipSync(code, { level: 9 }).length;
  const ok = gzipped <= bundle.budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${bundle.name}: ${(gzipped / KB).toFixed(2)} KB gzip (budget ${(bundle.budget / KB).toFixed(0)} KB)`);
}
if (!process.env.KEEP_SIZE_BUNDLES) rmSync(dir, { recursive: true, force: true });
if (failed) {
  console.error('size: a bundle is over its budget');
  process.exit(1);
}
