// Serves the built console (server/console/, made by `npm run build`) at /admin/. The files are
// read once at start and served by exact name, so no request can reach anything else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { packagePath } from '../package-root.js';
import { TYPES } from '../static.js';

/** The console's own page may load only its own files and talk only to this server. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
};
// Vite names every asset by its content hash: a new build is a new name.
const ASSET_CACHE = 'public, max-age=31536000, immutable';

export const DEFAULT_CONSOLE_DIR = packagePath('console/');

/** The console's files by path under /admin/. */
function readBuild(dir: string): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (!existsSync(join(dir, 'index.html'))) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    files.set(relative(dir, path).split('\\').join('/'), { body: readFileSync(path), type });
  }
  return files;
}

/** Serves the console's build in `dir` at /admin/. */
export function registerConsoleFiles(app: FastifyInstance, dir: string): void {
  const files = readBuild(dir);
  app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  app.get('/admin/*', (request, reply) => {
    const name = request.url.split('?')[0].slice('/admin/'.length) || 'index.html';
    const file = files.get(name);
    if (!file) {
      const message = files.size
        ? `No file /admin/${name} here.`
        : 'The editors\' console is not built: run `npm run build` at the top of the repository, then restart the server.';
      return reply.code(404).type('text/plain; charset=utf-8').send(message);
    }
    if (name === 'index.html') reply.headers(PAGE_HEADERS);
    else reply.headers({ 'cache-control': ASSET_CACHE, 'x-content-type-options': 'nosniff' });
    return reply.type(file.type).send(file.body);
  });
}
