import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const { version, license, homepage } = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, string>;

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
        : { entry: 'src/define.ts', formats: ['es'], fileName: () => 'article-widgets.js' },
      // The script-tag bundle goes to browsers as it is: minify it fully (Vite keeps whitespace
      // in ES library builds by default, leaving that to the consumer's bundler), and keep it one
      // file: code an element loads lazily (<share-bar>'s counting) is inlined here. Lit is inside
      // it, and its BSD-3-Clause licence asks that its notice go with it: legal comments stay.
      rolldownOptions: npm
        ? { external: [/^lit($|\/)/, /^@lit\//] }
        : {
            output: {
              minify: true,
              comments: { legal: true, annotation: false, jsdoc: false },
              banner: `/*! article-widgets ${version} | ${license} License | ${homepage} */`,
              codeSplitting: false,
            },
          },
    },
  };
});
