// Serves a few folders (the demo pages and dist/) for `npm start`. HTML pages get the
// <meta name="article-widgets:api" content="/api"> that points their widgets at this server.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const TYPES = {
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

const META = '<meta name="article-widgets:api" content="/api" />';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ prefix: string, dir: string }[]} roots
 */
export function registerStatic(app, roots) {
  const mounts = roots
    .map(({ prefix, dir }) => ({ prefix: `/${prefix.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, ''), dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  /** @returns {string|undefined} the file under a mount, never outside it */
  function locate(/** @type {string} */ path) {
    for (const { prefix, dir } of mounts) {
      if (path !== prefix && !path.startsWith(`${prefix}/`)) continue;
      const file = resolve(dir, `.${path.slice(prefix.length) || '/'}`);
      if (file === dir || file.startsWith(dir + sep)) return file;
      return undefined;
    }
    return undefined;
  }

  const first = `/${roots[0]?.prefix.replace(/^\/+|\/+$/g, '') ?? ''}`.replace(/^\/$/, '');
  app.get('/', { schema: { hide: true } }, (_request, reply) => reply.redirect(first ? `${first}/` : '/index.html'));

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    let path;
    try {
      path = decodeURIComponent(request.url.split('?')[0]);
    } catch {
      path = '';
    }
    let file = path.includes('\0') ? undefined : locate(path);
    try {
      if (file && (await stat(file)).isDirectory()) file = resolve(file, 'index.html');
      if (!file) throw new Error('outside');
      let body = await readFile(file);
      const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream';
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
