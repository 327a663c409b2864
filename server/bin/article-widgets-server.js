#!/usr/bin/env node
// The server runs from its build, dist/ (Node 20 runs no TypeScript): `npm run build -w server`,
// which the repository's `npm run build`, `npm start` and `npm test` do first.
let cli;
try {
  cli = await import('../dist/server/src/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/server/src/cli.js')) throw error;
  process.stderr.write('article-widgets-server: not built yet: run `npm run build -w server` (or `npm run build` at the top of the repository)\n');
  process.exit(1);
}
const code = await cli.main();
if (code !== undefined) process.exitCode = code;
