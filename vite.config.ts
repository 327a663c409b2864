import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const { version, license, homepage } = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, string>;
/** What each of Lit's modules says of its licence (lit-html, lit-element, reactive-element 2017; css-tag 2019). */
const LIT_NOTICE = '\n * Includes Lit: @license Copyright 2017-2019 Google LLC, SPDX-License-Identifier: BSD-3-Clause';

// Two builds from one config:
// - default: dist/article-widgets.js, one self-registering ES module with Lit bundled in, for a
//   plain <script type="module" src> on any site or CMS template.
// - `--mode npm`: dist/index.js and dist/define.js with Lit left external, so an app that already
//   uses Lit ships one copy of it.
export default defineConfig(({ mode }) => {
  // - `--mode render`: dist/render.js, the server-side rendering helpers (article-widgets/render),
  //   a file of their own so a server or an edge function loads no element and no Lit.
  if (mode === 'render') {
    return {
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/render/render.ts', formats: ['es'], fileName: () => 'render.js' },
      },
    };
  }
  const npm = mode === 'npm';
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      // `npm run build` runs the script-tag build first: it empties dist/ (so no chunk of an
      // earlier build is left to be published), and the npm build adds its files beside it.
      emptyOutDir: !npm,
      sourcemap: true,
      lib: npm
        ? { entry: { index: 'src/index.ts', define: 'src/define.ts' }, formats: ['es'] }
        : { entry: 'src/script-tag.ts', formats: ['es'], fileName: () => 'article-widgets.js' },
      // The script-tag bundle goes to browsers as it is: minify it fully (Vite keeps whitespace
      // in ES library builds by default, leaving that to the consumer's bundler). Code that runs
      // only once a reader acts (a vote, the share sheet, counting) is split into chunks in
      // dist/article-widgets/, which the bundle imports relative to its own URL, so a site can
      // host dist/ anywhere (a CDN path too). Lit is inside it, and its BSD-3-Clause licence asks
      // that its notice go with it: one notice for its four modules, in the bundle's banner (each
      // module's own comment, kept, was four copies of it).
      rolldownOptions: npm
        ? { external: [/^lit($|\/)/, /^@lit\//] }
        : {
            // Modules the lazy chunks share with the bundle stay in the bundle (one request up
            // front), not in chunks of their own that it would have to fetch before it runs.
            preserveEntrySignatures: 'allow-extension',
            output: {
              minify: true,
              comments: false,
              // After minifying, which would drop it with the comments.
              postBanner: (chunk) => `/*! article-widgets ${version} | ${license} License | ${homepage}${chunk.isEntry ? LIT_NOTICE : ''} */`,
              chunkFileNames: 'article-widgets/[name]-[hash].js',
            },
          },
    },
  };
});
