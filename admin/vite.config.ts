import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The editors' console: its own bundle, never part of the widget bundles or their size budgets.
// Built into the server package (server/console/), which serves it at /admin/ whether or not the
// server serves any other folder.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../server/console', import.meta.url)),
    emptyOutDir: true,
  },
});
