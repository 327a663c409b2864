// Serves a few folders (the demo pages and dist/) for `npm start`. HTML pages get the
// <meta name="article-widgets:api" content="/api"> that points their widgets at this server.
// Only files really inside a folder are served (a symlink out is not), never a dotfile or a
// database file, and the server will not start with its database inside a served folder.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A folder served under a URL prefix. */
export interface StaticRoot {
  prefix: string;
  dir: string;
}

const META = '<meta name="article-widgets:api" content="/api" />';

/** Dotfiles and dot folders (.env, .git) and SQLite databases with their journals: never served. */
const HIDDEN_NAME = /^\./;
const DATABASE_NAME = /\.(sqlite3?|db)$|-(wal|shm|journal)$/i;

/** Whether a path under a served folder names a file that is never served. */
function isPrivate(relativePath: string): boolean {
  return relativePath.split(sep).some((name) => HIDDEN_NAME.test(name) || DATABASE_NAME.test(name));
}

/** `/demo/` -> `/demo`, `/` -> `` */
const normalPrefix = (prefix: string) => `/${prefix.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');

/** The real path of `path`, for a file that may not exist yet: its nearest existing folder's, resolved. */
function realPathOfMaybeMissing(path: string): string {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  return resolve(realpathSync(existing), relative(existing, resolve(path)));
}

const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/**
 * What is wrong with these static roots, if anything: a folder that does not exist, or one that
 * holds the database (it would be served, votes and all). Checked before the server starts.
 * `databasePath` is a file path, ':memory:', or undefined for a database that is not a file.
 */
export function staticRootsProblem(roots: StaticRoot[], databasePath: string | undefined): string | undefined {
  const database = databasePath === undefined || databasePath === ':memory:' ? undefined : realPathOfMaybeMissing(databasePath);
  for (const { prefix, dir } of roots) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) return `--static ${prefix}=${dir}: no such folder`;
    if (database && isInside(database, realpathSync(dir))) {
      return `--db ${databasePath} lies inside the static folder ${dir}, which would serve it: keep the database elsewhere`;
    }
  }
  return undefined;
}

/** Serves `roots`, existing folders (see staticRootsProblem). */
export function registerStatic(app: FastifyInstance, roots: StaticRoot[]): void {
  const mounts = roots
    .map(({ prefix, dir }) => ({ prefix: normalPrefix(prefix), dir: realpathSync(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  /**
   * The real path of the file a URL path names, if it may be served: inside its folder by real
   * path (after symlinks), and neither asked for nor found under a private name.
   */
  async function locate(path: string): Promise<string | undefined> {
    const mount = mounts.find(({ prefix }) => path === prefix || path.startsWith(`${prefix}/`));
    if (!mount) return undefined;
    const asked = resolve(mount.dir, `.${path.slice(mount.prefix.length) || '/'}`);
    if (!isInside(asked, mount.dir) || isPrivate(relative(mount.dir, asked))) return undefined;
    let real = await realpath(asked);
    if ((await stat(real)).isDirectory()) real = await realpath(resolve(real, 'index.html'));
    if (!isInside(real, mount.dir) || isPrivate(relative(mount.dir, real))) return undefined;
    return real;
  }

  const first = normalPrefix(roots[0]?.prefix ?? '');
  app.get('/', (_request, reply) => reply.redirect(first ? `${first}/` : '/index.html'));

  app.get('/*', async (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      path = '';
    }
    try {
      const file = path.includes('\0') ? undefined : await locate(path);
      if (!file) throw new Error('not served');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (type.startsWith('text/html')) {
        const html = body.toString('utf8');
        body = Buffer.from(html.includes('name="article-widgets:api"') ? html : html.replace(/<\/head>/i, `  ${META}\n  </head>`));
      }
      return reply.type(type).header('cache-control', 'no-cache').send(body);
    } catch {
      return reply.code(404).send({ error: { code: 'not-found', message: `No file ${path}` } });
    }
  });
}
