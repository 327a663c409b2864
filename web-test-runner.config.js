import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
// The real reference server, for test/backend/http-backend.test.ts and other tests that need one.
import { articleWidgetsServerPlugin } from './server/test/wtr-server-plugin.js';
// Host pages served with a strict policy, and screenshots, for test/host-pages/.
import { hostPagePolicies, hostPagesPlugin } from './test/host-pages/wtr-host-pages.js';
// A scripted HTTP API (answers, hangs, 503s) for test/backend/patience.test.ts.
import { scriptedApi } from './test/backend/wtr-scripted-api.js';

// The system's Chromium (scripts/find-chrome.mjs finds or installs it and sets CHROME_PATH):
// no test tool may download a browser of its own on this kind of machine.
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', 'admin/test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 120000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [
    hostPagePolicies,
    scriptedApi,
    // dist/ as a site or CDN hosts it, under a path of its own (test/dist/script-tag.test.ts).
    (context, next) => {
      if (context.path.startsWith('/cdn/article-widgets@0/')) context.path = context.path.replace('/cdn/article-widgets@0/', '/dist/');
      return next();
    },
  ],
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: './tsconfig.json' }), articleWidgetsServerPlugin(), hostPagesPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
