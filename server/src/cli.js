// The command line: options, each also settable by an environment variable; seeding; graceful
// shutdown (SIGTERM/SIGINT: stop accepting, let votes in flight finish, close the database).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { parseWidgetData } from './data.js';
import { openSqliteStorage } from './storage/sqlite.js';

export const OPTIONS = {
  port: { env: 'AW_PORT', default: '8787', help: 'TCP port (0 picks a free one)' },
  host: { env: 'AW_HOST', default: '127.0.0.1', help: 'address to listen on' },
  db: { env: 'AW_DB', default: 'data/widgets.sqlite', help: 'SQLite file (made with its folder if missing)' },
  'allow-origin': { env: 'AW_ALLOW_ORIGIN', help: 'origins of sites that may use the API, comma-separated (* for any)' },
  'admin-token': { env: 'AW_ADMIN_TOKEN', help: 'bearer token of the admin operations (prefer the env var: argv is visible in ps)' },
  seed: { env: 'AW_SEED', help: 'widget data JSON file to import at start (idempotent)' },
  'verify-secret': { env: 'AW_VERIFY_SECRET', help: 'verified mode: count only votes whose voterSignature = HMAC-SHA256(secret, voterId)' },
  'rate-limit': { env: 'AW_RATE_LIMIT', default: '60', help: 'writes per minute per address (0: no limit)' },
  'rating-change': { env: 'AW_RATING_CHANGE', default: 'replace', help: 'a second rating by one reader: replace or refuse' },
  static: { env: 'AW_STATIC', help: 'folders to serve as PREFIX=DIR, comma-separated (npm start: /demo=demo,/dist=dist)' },
  'trust-proxy': { env: 'AW_TRUST_PROXY', type: 'boolean', help: 'take the client address from X-Forwarded-For' },
  log: { env: 'AW_LOG', default: 'info', help: 'log level: info, warn, error or silent' },
  help: { type: 'boolean', help: 'show this help' },
};

function usage() {
  const lines = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `--${name}${o.type === 'boolean' ? '' : ' VALUE'}`;
    return `  ${flag.padEnd(26)} ${o.help}${o.env ? ` [${o.env}]` : ''}${o.default ? ` (default ${o.default})` : ''}`;
  });
  return `Usage: article-widgets-server [options]\n\n${lines.join('\n')}\n`;
}

/** Options from argv, then the environment, then defaults. */
export function readOptions(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type ?? 'string', multiple: name === 'allow-origin' || name === 'static' }])),
    strict: true,
  });
  /** @type {Record<string, any>} */
  const out = {};
  for (const [name, o] of Object.entries(OPTIONS)) {
    let value = values[name];
    if (Array.isArray(value)) value = value.join(',');
    if (value === undefined && o.env && env[o.env] !== undefined && env[o.env] !== '') {
      value = o.type === 'boolean' ? /^(1|true|yes)$/i.test(env[o.env]) : env[o.env];
    }
    out[name] = value ?? o.default;
  }
  return out;
}

const list = (/** @type {string|undefined} */ v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export async function main() {
  let o;
  try {
    o = readOptions();
  } catch (error) {
    process.stderr.write(`article-widgets-server: ${error.message}\n\n${usage()}`);
    return 2;
  }
  if (o.help) {
    process.stdout.write(usage());
    return 0;
  }
  const port = Number(o.port);
  const rateLimit = Number(o['rate-limit']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port: expected 0..65535, got "${o.port}"`);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) return fail(`--rate-limit: expected a whole number, got "${o['rate-limit']}"`);
  if (!['replace', 'refuse'].includes(o['rating-change'])) return fail('--rating-change: expected replace or refuse');
  const staticRoots = [];
  for (const entry of list(o.static)) {
    const [prefix, dir] = entry.includes('=') ? entry.split('=') : ['/', entry];
    staticRoots.push({ prefix, dir });
  }

  let seed;
  if (o.seed) {
    try {
      seed = parseWidgetData(JSON.parse(readFileSync(o.seed, 'utf8')));
    } catch (error) {
      return fail(`--seed ${o.seed}: ${error.message}`);
    }
  }

  const storage = openSqliteStorage(o.db, { ratingChange: o['rating-change'] });
  if (seed) {
    try {
      const counts = await storage.importData(seed);
      console.log(`article-widgets-server: seeded ${counts.ratings} rating(s) and ${counts.polls} poll(s) from ${o.seed}`);
    } catch (error) {
      await storage.close();
      return fail(`--seed ${o.seed}: ${error.message}`);
    }
  }

  const app = await buildApp({
    storage,
    allowOrigins: list(o['allow-origin']),
    adminToken: o['admin-token'],
    verifySecret: o['verify-secret'],
    rateLimit: { max: rateLimit },
    trustProxy: o['trust-proxy'] ?? false,
    staticRoots,
    logger: o.log === 'silent' ? false : { level: o.log },
  });

  const prune = setInterval(() => storage.pruneReceipts(7 * 24 * 3600 * 1000).catch(() => {}), 3600 * 1000);
  prune.unref();

  // Connections that have not sent a byte yet: browsers open them ahead of need. Node counts them
  // as busy, and stops timing them out once the server closes, so a stop would wait on them for ever.
  const connections = new Set();
  app.server.on('connection', (/** @type {import('node:net').Socket} */ socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  let closing;
  const shutdown = (/** @type {string} */ signal) => {
    closing ??= (async () => {
      console.log(`article-widgets-server: ${signal}: finishing requests in flight`);
      clearInterval(prune);
      // While requests in flight finish, close each connection as soon as nothing is under way on
      // it; anything still open after 10 s is cut (a client's retry keeps its idempotency key).
      const sweep = setInterval(() => {
        for (const socket of connections) if (socket.bytesRead === 0) socket.destroy();
        app.server.closeIdleConnections();
      }, 100);
      const cut = setTimeout(() => app.server.closeAllConnections(), 10_000);
      await app.close(); // waits for requests in flight; their votes are committed before they reply
      clearInterval(sweep);
      clearTimeout(cut);
      await storage.close();
      console.log('article-widgets-server: stopped, database closed');
      process.exit(0);
    })().catch((error) => {
      console.error(`article-widgets-server: shutdown failed: ${error.message}`);
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const address = await app.listen({ port, host: o.host });
  console.log(`article-widgets-server listening on ${address}`);
  if (staticRoots.length) console.log(`article-widgets-server: demo at ${address}${staticRoots[0].prefix.replace(/\/?$/, '/')}`);
  console.log(`article-widgets-server: editors' console at /admin/${o['admin-token'] ? '' : ' (off: start with --admin-token or AW_ADMIN_TOKEN)'}`);
  return undefined;

  function fail(/** @type {string} */ message) {
    process.stderr.write(`article-widgets-server: ${message}\n`);
    return 1;
  }
}
