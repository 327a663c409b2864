// The command line: options, each also settable by an environment variable; seeding; graceful
// shutdown (SIGTERM/SIGINT: stop accepting, let votes in flight finish, close the database).
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import type { CheckedWidgetData } from '../../src/contract/types.js';
import { RECEIPT_LIFETIME_MS } from '../../src/contract/voting.js';
import { buildApp } from './app.js';
import { parseTrustProxy } from './client-address.js';
import { checkWidgetData } from './data.js';
import { describeDatabase, isPostgresUrl, openStorage } from './storage/open.js';
import { staticRootsProblem, type StaticRoot } from './static.js';
import { parseShareNetworks } from './share-networks.js';
import { adminTokenProblem } from './admin-token.js';

interface Option {
  /** The environment variable that sets it when the command line does not. */
  env?: string;
  default?: string;
  help: string;
  type?: 'boolean';
}

export const OPTIONS: Record<string, Option> = {
  port: { env: 'AW_PORT', default: '8787', help: 'TCP port (0 picks a free one)' },
  host: { env: 'AW_HOST', default: '127.0.0.1', help: 'address to listen on' },
  db: { env: 'AW_DB', default: 'data/widgets.sqlite', help: 'SQLite file (made with its folder if missing), or postgres://user:password@host:port/database (prefer the env var when the URL holds a password)' },
  'db-pool-size': { env: 'AW_DB_POOL_SIZE', default: '10', help: 'PostgreSQL: connections this process keeps at most; votes in flight beyond it wait for one (keep processes x size within the server\'s max_connections)' },
  'allow-origin': { env: 'AW_ALLOW_ORIGIN', help: 'origins of sites that may use the API, comma-separated (* for any)' },
  'admin-token': { env: 'AW_ADMIN_TOKEN', help: 'bearer token of the admin operations (prefer the env var: argv is visible in ps)' },
  seed: { env: 'AW_SEED', help: 'widget data JSON file to import at start (idempotent)' },
  'verify-secret': { env: 'AW_VERIFY_SECRET', help: 'verified mode: count only votes whose voterSignature = HMAC-SHA256(secret, voterId + "\\n" + item), item rating:ID, poll:ID or share:URL' },
  'rate-limit': { env: 'AW_RATE_LIMIT', default: '60', help: 'writes per minute per address, in each server process (0: no limit)' },
  'item-votes-per-address': { env: 'AW_ITEM_VOTES_PER_ADDRESS', default: '20', help: 'new votes per item (article, poll, shared URL) per address per UTC day, across processes (0: no cap)' },
  'rating-change': { env: 'AW_RATING_CHANGE', default: 'replace', help: 'a second rating by one reader: replace or refuse' },
  static: { env: 'AW_STATIC', help: 'folders to serve as PREFIX=DIR, comma-separated (npm start: /demo=demo,/dist=dist)' },
  'trust-proxy': { env: 'AW_TRUST_PROXY', help: 'proxies whose X-Forwarded-For is believed: a hop count (1) or addresses and CIDRs (127.0.0.1,10.0.0.0/8, loopback, private)' },
  'share-networks': { env: 'AW_SHARE_NETWORKS', help: 'networks whose shares count: +hn,+myown adds to the share bar\'s built-in ones, telegram,vk,copy counts only those' },
  'request-timeout': { env: 'AW_REQUEST_TIMEOUT', default: '15', help: 'seconds a client has to send a whole request, and may stay silent on a connection' },
  'read-cache-ms': { env: 'AW_READ_CACHE_MS', default: '1000', help: 'ms an item\'s figures may be served from this process\'s memory: the most they lag behind other processes\' votes (0: always read the database)' },
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
export function readOptions(argv = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Record<string, string | boolean | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(Object.entries(OPTIONS).map(([name, o]) => [name, { type: o.type ?? 'string', multiple: name === 'allow-origin' || name === 'static' }])),
    strict: true,
  });
  const out: Record<string, string | boolean | undefined> = {};
  for (const [name, o] of Object.entries(OPTIONS)) {
    let value = values[name] as string | string[] | boolean | undefined;
    if (Array.isArray(value)) value = value.join(',');
    if (value === undefined && o.env && env[o.env] !== undefined && env[o.env] !== '') {
      value = o.type === 'boolean' ? /^(1|true|yes)$/i.test(env[o.env]!) : env[o.env];
    }
    out[name] = value ?? o.default;
  }
  return out;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The reason an error gives, whatever was thrown. */
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the server; the exit code when it stops at once (bad options, help), undefined while it runs. */
export async function main(): Promise<number | undefined> {
  let options;
  try {
    options = readOptions();
  } catch (error) {
    process.stderr.write(`article-widgets-server: ${reason(error)}\n\n${usage()}`);
    return 2;
  }
  // Every option but --help is a string (or undefined), as OPTIONS declares them.
  const o = options as Record<string, string | undefined> & { help?: boolean };
  if (o.help) {
    process.stdout.write(usage());
    return 0;
  }
  const port = Number(o.port);
  const rateLimit = Number(o['rate-limit']);
  const itemVotesPerAddress = Number(o['item-votes-per-address']);
  const requestTimeout = Number(o['request-timeout']);
  const readCacheMs = Number(o['read-cache-ms']);
  const poolSize = Number(o['db-pool-size']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port: expected 0..65535, got "${o.port}"`);
  if (!Number.isInteger(rateLimit) || rateLimit < 0) return fail(`--rate-limit: expected a whole number, got "${o['rate-limit']}"`);
  if (!Number.isInteger(itemVotesPerAddress) || itemVotesPerAddress < 0) {
    return fail(`--item-votes-per-address: expected a whole number, got "${o['item-votes-per-address']}"`);
  }
  if (o['rating-change'] !== 'replace' && o['rating-change'] !== 'refuse') return fail('--rating-change: expected replace or refuse');
  if (!(requestTimeout >= 1 && requestTimeout <= 3600)) return fail(`--request-timeout: expected 1 to 3600 seconds, got "${o['request-timeout']}"`);
  if (!Number.isInteger(readCacheMs) || readCacheMs < 0 || readCacheMs > 60_000) return fail(`--read-cache-ms: expected 0 to 60000 ms, got "${o['read-cache-ms']}"`);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) return fail(`--db-pool-size: expected 1 to 1000 connections, got "${o['db-pool-size']}"`);
  try {
    parseTrustProxy(o['trust-proxy']);
  } catch (error) {
    return fail(`--trust-proxy: ${reason(error)}`);
  }
  const tokenProblem = o['admin-token'] === undefined ? undefined : adminTokenProblem(o['admin-token']);
  if (tokenProblem) return fail(`--admin-token: ${tokenProblem}`);
  let shareNetworks;
  try {
    shareNetworks = parseShareNetworks(o['share-networks']);
  } catch (error) {
    return fail(`--share-networks: ${reason(error)}`);
  }
  const staticRoots: StaticRoot[] = [];
  for (const entry of list(o.static)) {
    const [prefix, dir] = entry.includes('=') ? entry.split('=') : ['/', entry];
    staticRoots.push({ prefix, dir });
  }
  const database = o.db!;
  const staticProblem = staticRootsProblem(staticRoots, isPostgresUrl(database) ? undefined : database);
  if (staticProblem) return fail(staticProblem);

  let seed: CheckedWidgetData | undefined;
  if (o.seed) {
    try {
      seed = checkWidgetData(JSON.parse(readFileSync(o.seed, 'utf8')));
    } catch (error) {
      return fail(`--seed ${o.seed}: ${reason(error)}`);
    }
  }

  let storage;
  try {
    storage = await openStorage(database, { ratingChange: o['rating-change'], poolSize });
  } catch (error) {
    return fail(`--db ${describeDatabase(database)}: cannot open the database: ${reason(error)}`);
  }
  if (seed) {
    try {
      const counts = await storage.importData(seed);
      console.log(`article-widgets-server: seeded ${counts.ratings} rating(s) and ${counts.polls} poll(s) from ${o.seed}`);
    } catch (error) {
      await storage.close();
      return fail(`--seed ${o.seed}: ${reason(error)}`);
    }
  }

  const app = await buildApp({
    storage,
    allowOrigins: list(o['allow-origin']),
    adminToken: o['admin-token'],
    verifySecret: o['verify-secret'],
    rateLimit: { max: rateLimit },
    itemVotesPerAddress,
    requestTimeoutMs: requestTimeout * 1000,
    readCacheMs,
    shareNetworks,
    trustProxy: o['trust-proxy'],
    staticRoots,
    logger: o.log === 'silent' ? false : { level: o.log },
  });

  const prune = setInterval(() => void storage.pruneReceipts(RECEIPT_LIFETIME_MS).catch(() => {}), 3600 * 1000);
  prune.unref();

  // Connections that have not sent a byte yet: browsers open them ahead of need. Node counts them
  // as busy, and stops timing them out once the server closes, so a stop would wait on them for ever.
  const connections = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });

  let closing: Promise<void> | undefined;
  const shutdown = (signal: string) => {
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
      console.error(`article-widgets-server: shutdown failed: ${reason(error)}`);
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

  function fail(message: string): number {
    process.stderr.write(`article-widgets-server: ${message}\n`);
    return 1;
  }
}
