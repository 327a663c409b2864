// The reference server's HTTP side: Fastify with the routes of schemas.js, CORS allow-list,
// write guards (origin, the client address behind trusted proxies, the write limit, verified
// voters, the per-item cap passed to storage), the admin token, security headers, timeouts,
// cacheable aggregate reads, demo files.
import { createHash, createHmac, createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type ServerOptions } from 'node:http';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, type RouteGenericInterface, type RouteHandlerMethod } from 'fastify';
import cors from '@fastify/cors';
import { ApiError, tooManyError, type ErrorCode } from '../../src/contract/errors.js';
import { itemKey } from '../../src/contract/ids.js';
import { checkNetwork } from '../../src/contract/voting.js';
import { ref, routes, sharedSchemas } from './schemas.js';
import { describeAjvError } from './ajv-errors.js';
import { checkPollInput, checkWidgetData } from './data.js';
import { registerStatic, type StaticRoot } from './static.js';
import { registerConsole } from './console/console.js';
import { securityHeaders, securityHeadersOf } from './security-headers.js';
import { BUILT_IN_NETWORKS } from './share-networks.js';
import { adminAuth, failedAuthLimiter } from './admin-token.js';
import { sameSecret } from './secrets.js';
import { parseTrustProxy } from './client-address.js';
import { addressKeys, type AddressKey } from './limits/address-keys.js';
import { createRateLimiter } from './limits/rate-limiter.js';
import { packagePath } from './package-root.js';
import { etagOf, JSON_TYPE, namesEtag, readCache, type CachedReply } from './read-cache.js';
import { hotReads } from './hot-reads.js';
import type { AddressQuota, PollPatch, PollView, Storage, WriteReceipt } from './storage/storage.js';

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

export interface AppOptions {
  storage: Storage;
  allowOrigins?: string[];
  adminToken?: string;
  verifySecret?: string;
  rateLimit?: { max: number; windowMs?: number };
  itemVotesPerAddress?: number;
  clock?: () => number;
  trustProxy?: string;
  logger?: boolean | Record<string, unknown>;
  staticRoots?: StaticRoot[];
  bodyLimit?: number;
  now?: () => Date;
  consoleDir?: string;
  requestTimeoutMs?: number;
  shareNetworks?: string[];
  /** How long this process may serve an item's aggregate from memory, in ms (read-cache.ts); 0: never. */
  readCacheMs?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's hashed address and day, set on writes before anything else runs. */
    addressKey: AddressKey | null;
  }
  interface FastifyInstance {
    /** The admin token check, for a sign-in form to share the API's count of wrong tokens. */
    adminAuth: import('./admin-token.js').AdminAuth;
    /** The reads answered before Fastify (hot-reads.ts). */
    hotReads: import('./hot-reads.js').HotReads;
  }
}

/** What the voter's own values of a write look like once the route's schema passed them. */
interface VoterBody {
  voterId: string;
  voterSignature?: string;
}
interface WriteHeaders {
  'idempotency-key': string;
}

/** Each route's request, as its JSON Schema lets it through (schemas.ts). */
interface Operations {
  health: RouteGenericInterface;
  getRatings: { Querystring: { ids: string } };
  getRating: { Params: { articleId: string } };
  rateArticle: { Params: { articleId: string }; Headers: WriteHeaders; Body: VoterBody & { rating: number } };
  getPoll: { Params: { pollId: string }; Headers: { 'x-voter-id'?: string } };
  votePoll: { Params: { pollId: string }; Headers: WriteHeaders; Body: VoterBody & { optionIds: string[] } };
  getShareCounts: { Querystring: { url: string } };
  recordShare: { Headers: WriteHeaders; Body: VoterBody & { url: string; network: string } };
  createPoll: { Body: unknown };
  updatePoll: { Params: { pollId: string }; Body: PollPatch };
  closePoll: { Params: { pollId: string } };
  importData: { Body: unknown };
}

type Handlers = { [Operation in keyof Operations]: (request: FastifyRequest<Operations[Operation]>, reply: FastifyReply) => Promise<unknown> };

function originAllowed(origin: string, allowed: string[]): boolean {
  return allowed.includes('*') || allowed.includes(origin);
}

// Browsers revalidate every read (a cheap 304 by ETag); shared caches (a CDN) may serve a reply
// for 10 s. No stale-while-revalidate: browsers honour it and would show old figures after a vote.
const PUBLIC_CACHE = 'public, max-age=0, s-maxage=10, must-revalidate';
/** A reader's own view of a poll: never in a shared cache, revalidated by the browser each time. */
const PERSONAL_CACHE = 'private, no-cache';
// The reply schemas aggregates are serialised with (once per fill of the read cache).
const RATING_SUMMARY = ref('RatingSummary');
const POLL_VIEW = ref('PollView');
const SHARE_COUNTS = ref('ShareCounts');

/** Adds `header` to the reply's Vary, keeping what is there (CORS's Origin: replies differ by site too). */
function varyOn(reply: FastifyReply, header: string): void {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${String(vary)}, ${header}` : header);
}

/** An aggregate's JSON as its reply schema writes it (the schemas' types are the contract's). */
const jsonOf = (reply: FastifyReply, body: object, schema: Record<string, unknown>): string => reply.serializeInput(body as Record<string, unknown>, schema);

/** When a poll's public view stops being true by itself: its closing time, while it is open. */
const closingTime = (view: PollView): number | undefined => (!view.closed && view.closesAt ? Date.parse(view.closesAt) : undefined);

export async function buildApp(options: AppOptions) {
  const { storage } = options;
  const allowOrigins = (options.allowOrigins ?? []).map((o) => o.replace(/\/$/, ''));
  const clock = options.clock ?? Date.now;
  const keys = addressKeys(storage, clock);
  // Per process: a burst of `max` writes, then `max` a minute (a token bucket, see rate-limiter.js).
  const writeLimiter = options.rateLimit && options.rateLimit.max > 0
    ? createRateLimiter({ limit: options.rateLimit.max, periodMs: options.rateLimit.windowMs ?? 60_000, clock })
    : undefined;
  const itemVotesPerAddress = options.itemVotesPerAddress ?? 20;
  const shareNetworks = options.shareNetworks ?? BUILT_IN_NETWORKS;
  const admin = adminAuth({ token: options.adminToken, keys, failedAuth: failedAuthLimiter({ clock }) });
  // The clock of polls' closing, which also dates the read cache's entries.
  const now = options.now;
  const reads = readCache({ maxAgeMs: options.readCacheMs ?? 1000, clock: now ? () => now().getTime() : Date.now });

  // A client gets this long to send a whole request, headers and body, and may sit silent on a
  // connection no longer: slow clients cannot hold connections (and file descriptors) for ever.
  const requestTimeout = options.requestTimeoutMs ?? 15_000;
  const crossOriginApi = allowOrigins.length > 0;
  const setSecurityHeaders = securityHeaders({ crossOriginApi });
  // Reads Fastify answered from the read cache, answered again before Fastify (hot-reads.ts).
  const hot = hotReads({
    corsAllows: (origin) => originAllowed(origin, allowOrigins),
    cacheControl: PUBLIC_CACHE,
    trailingHeaders: securityHeadersOf({ html: false, api: true, crossOriginApi }),
  });
  const app = Fastify({
    // Fastify's own HTTP/1 server (lib/server.js), with the hot reads in front of its handler.
    serverFactory: (handler, fastifyOptions) => {
      // Fastify's options once it filled in its defaults.
      const settings = fastifyOptions as { http?: ServerOptions; keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number };
      const server = createServer(settings.http ?? {}, (request, response) => {
        if (!hot.serve(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = settings.keepAliveTimeout;
      server.requestTimeout = settings.requestTimeout;
      server.setTimeout(settings.connectionTimeout);
      return server;
    },
    requestTimeout,
    connectionTimeout: requestTimeout,
    // Node checks those deadlines every connectionsCheckingInterval (30 s by default).
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) },
    bodyLimit: options.bodyLimit ?? 16 * 1024,
    trustProxy: parseTrustProxy(options.trustProxy),
    return503OnClosing: true,
    // Long or odd ids reach validation (a 400 naming the field) instead of the router's 414.
    routerOptions: { maxParamLength: 4096 },
    // Errors the router raises before any route runs (bad percent-encoding...): same JSON shape.
    frameworkErrors: (error, request, reply: FastifyReply) => {
      setSecurityHeaders(request, reply);
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      reply.code(status).send({ error: { code: 'bad-url', message: 'The request URL is malformed.' } });
    },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false, useDefaults: false } },
    logger:
      options.logger === false || options.logger === undefined
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : {}),
            // No addresses, no headers, no query strings (they may hold voter ids): method and path.
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, path: String(req.url).split('?')[0] }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
  });

  // Hot reads only while requests are not logged (each is, at `info`: by Fastify), and until closing.
  const readsKept = (options.readCacheMs ?? 1000) > 0;
  const requestsLogged = ['trace', 'debug', 'info'].includes(app.log.level);
  /** Lets hot-reads.ts answer `request`'s URL again while `current` gives its reply. */
  const rememberHot = readsKept && !requestsLogged ? (request: FastifyRequest, current: () => CachedReply | undefined) => hot.remember(request.url, current) : () => {};
  app.addHook('preClose', (done) => {
    hot.close();
    done();
  });

  // A callback hook, not an async one: it runs on every reply, and a promise per reply is not free.
  app.addHook('onSend', (request, reply, payload, done) => {
    setSecurityHeaders(request, reply);
    done(null, payload);
  });
  // JSON only: a text/plain POST is a "simple" cross-site request that skips the CORS preflight.
  app.removeContentTypeParser('text/plain');
  for (const schema of sharedSchemas) app.addSchema(schema);
  app.decorateRequest('addressKey', null);
  app.decorate('adminAuth', admin);
  app.decorate('hotReads', hot);
  const quotaOf = (request: FastifyRequest): AddressQuota => ({ ...request.addressKey!, limit: itemVotesPerAddress });

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin ? originAllowed(origin, allowOrigins) : false),
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'X-Voter-Id', 'Authorization'],
    maxAge: 600,
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (status: number, code: ErrorCode, message: string, field?: string) => {
      reply.code(status).type('application/json; charset=utf-8');
      return reply.send({ error: field === undefined ? { code, message } : { code, message, field } });
    };
    if (error instanceof ApiError) {
      if (error.retryAfter) reply.header('retry-after', String(error.retryAfter));
      // The database unavailable: the operator needs to know why.
      if (error.status >= 500) request.log.warn({ cause: String(error.cause) }, error.message);
      return send(error.status, error.code, error.message, error.field);
    }
    if (error.validation) {
      const context = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? '');
      const [field, problem] = describeAjvError(error.validation[0], context);
      return send(400, 'invalid', `${field}: ${problem}`, field);
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const known = (
        {
          FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large', 'The request body is too large.'],
          FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send JSON with Content-Type: application/json.'],
          FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid', 'The Content-Length does not match the body.'],
          FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'The JSON body is empty.'],
          FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'The body is not valid JSON.'],
        } as Record<string, [number, ErrorCode, string]>
      )[error.code ?? ''];
      if (known) return send(known[0], known[1], known[2], known[1] === 'too-large' || known[1] === 'malformed-json' ? 'body' : undefined);
      if (error instanceof SyntaxError) return send(400, 'malformed-json', 'The body is not valid JSON.', 'body');
      return send(status, 'bad-request', error.message);
    }
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'request failed');
    return send(500, 'internal', 'The server failed; the request may be retried.');
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not-found', message: `No ${request.method} ${request.url.split('?')[0]} here.` } });
  });

  /** Origins allowed to write: the allow-list, and the server's own pages. */
  function checkOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (!origin || originAllowed(origin, allowOrigins)) return;
    try {
      if (new URL(origin).host === request.headers.host) return;
    } catch {
      // an unparsable Origin is refused below
    }
    throw new ApiError(403, 'origin-not-allowed', 'This site is not allowed to write to this server.', 'headers.origin');
  }

  async function checkAdmin(request: FastifyRequest): Promise<void> {
    // An editor in the console: the session cookie (and, to change anything, its CSRF token).
    if (options.adminToken && request.headers.authorization === undefined && (await editorsConsole.authenticate(request))) return;
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!(await admin.verify(request, bearer))) {
      throw new ApiError(401, 'unauthorized', 'A valid "Authorization: Bearer TOKEN" header is required.', 'headers.authorization');
    }
  }

  // The secrets hashes are keyed with, made keys once rather than on every request.
  const pepper = createSecretKey(Buffer.from(storage.pepper));
  const verifySecret = options.verifySecret ? createSecretKey(Buffer.from(options.verifySecret)) : undefined;
  /** The voter id as stored: a keyed hash, so the database never holds the id itself. */
  const voterKey = (id: string) => createHmac('sha256', pepper).update(id).digest('base64url');

  /**
   * Validates the voter of a write on `item` (an itemKey) and derives its receipt. In verified
   * mode the site signs the voter id with the item, so a signature for one item votes on no other.
   */
  function writeContext(request: FastifyRequest<{ Body: VoterBody; Headers: WriteHeaders }>, item: string): { voter: string; receipt: WriteReceipt } {
    const { voterId } = request.body;
    if (verifySecret) {
      const signature = request.body.voterSignature ?? '';
      const expected = createHmac('sha256', verifySecret).update(`${voterId}\n${item}`).digest('hex');
      if (!sameSecret(signature, expected)) {
        throw new ApiError(403, 'unverified', `This server counts only votes the site signed for this voter and ${item}.`, 'body.voterSignature');
      }
    }
    const voter = voterKey(voterId);
    const key = createHmac('sha256', pepper).update(`${voter}\n${request.headers['idempotency-key']}`).digest('base64url');
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body)}`)
      .digest('base64url');
    return { voter, receipt: { key, fingerprint } };
  }

  /** Sends an aggregate's JSON with its ETag, or 304 when the client has it already. */
  function sendCacheable(request: FastifyRequest, reply: FastifyReply, { json, etag }: CachedReply, cacheControl = PUBLIC_CACHE) {
    reply.header('etag', etag);
    reply.header('cache-control', cacheControl);
    if (namesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    reply.type(JSON_TYPE);
    return reply.send(json);
  }

  const handlers: Handlers = {
    health: async () => ({ ok: await storage.health(), version }),
    getRatings: async (request, reply) => {
      const { ids: list } = request.query;
      const key = `ratings?ids=${list}`;
      const ratings = await reads.getCombined(
        key,
        // The route's schema, { ratings: RatingSummary[] }, written around the summaries' own JSON.
        (summaries) => `{"ratings":[${summaries.join(',')}]}`,
        () => {
          const ids = [...new Set(list.split(','))];
          return {
            keys: ids.map((id) => itemKey('rating', id)),
            loadMissing: async (missing) => (await storage.getRatings(missing.map((i) => ids[i]))).map((summary) => ({ json: jsonOf(reply, summary, RATING_SUMMARY) })),
          };
        },
      );
      rememberHot(request, () => reads.peekCombined(key));
      return sendCacheable(request, reply, ratings);
    },
    getRating: async (request, reply) => {
      const { articleId } = request.params;
      const key = itemKey('rating', articleId);
      const cached = await reads.get(key, async () => ({ json: jsonOf(reply, await storage.getRating(articleId), RATING_SUMMARY) }));
      rememberHot(request, () => reads.peek(key));
      return sendCacheable(request, reply, cached);
    },
    rateArticle: async (request) => {
      const item = itemKey('rating', request.params.articleId);
      const { voter, receipt } = writeContext(request, item);
      const { reply } = await storage.rate({ articleId: request.params.articleId, voter, rating: request.body.rating, receipt, quota: quotaOf(request) });
      reads.drop(item);
      return reply;
    },
    getPoll: async (request, reply) => {
      const { pollId } = request.params;
      const id = request.headers['x-voter-id'];
      // One URL, two replies: a shared cache keys on the header, and keeps only the public one.
      varyOn(reply, 'X-Voter-Id');
      if (id !== undefined) {
        const json = jsonOf(reply, await storage.getPoll(pollId, voterKey(id)), POLL_VIEW);
        return sendCacheable(request, reply, { json, etag: etagOf(json) }, PERSONAL_CACHE);
      }
      const cached = await reads.get(itemKey('poll', pollId), async () => {
        const view = await storage.getPoll(pollId);
        return { json: jsonOf(reply, view, POLL_VIEW), notAfter: closingTime(view) };
      });
      return sendCacheable(request, reply, cached);
    },
    votePoll: async (request) => {
      const item = itemKey('poll', request.params.pollId);
      const { voter, receipt } = writeContext(request, item);
      const { reply } = await storage.votePoll({ pollId: request.params.pollId, voter, optionIds: request.body.optionIds, receipt, quota: quotaOf(request) });
      reads.drop(item);
      return reply;
    },
    getShareCounts: async (request, reply) => {
      const { url } = request.query;
      const key = itemKey('share', url);
      const cached = await reads.get(key, async () => ({ json: jsonOf(reply, await storage.getShares(url), SHARE_COUNTS) }));
      rememberHot(request, () => reads.peek(key));
      return sendCacheable(request, reply, cached);
    },
    recordShare: async (request) => {
      checkNetwork(request.body.network, shareNetworks);
      const item = itemKey('share', request.body.url);
      const { voter, receipt } = writeContext(request, item);
      const { reply } = await storage.recordShare({ url: request.body.url, network: request.body.network, voter, receipt, quota: quotaOf(request) });
      reads.drop(item);
      return reply;
    },
    createPoll: async (request, reply) => {
      const view = await storage.createPoll(checkPollInput(request.body));
      reads.drop(itemKey('poll', view.id));
      return reply.code(201).send(view);
    },
    updatePoll: async (request) => {
      const view = await storage.updatePoll(request.params.pollId, request.body);
      reads.drop(itemKey('poll', request.params.pollId));
      return view;
    },
    closePoll: async (request) => {
      const view = await storage.updatePoll(request.params.pollId, { closed: true });
      reads.drop(itemKey('poll', request.params.pollId));
      return view;
    },
    importData: async (request) => {
      const imported = await storage.importData(checkWidgetData(request.body, 'body.'));
      reads.clear();
      return imported;
    },
  };

  const editorsConsole = registerConsole(app, { ...options, checkAdmin, checkOrigin, adminAuth: admin });

  /** The checks a write or an admin request passes before its body is even read. */
  const guard = (route: (typeof routes)[number]) => async (request: FastifyRequest) => {
    if (route.admin) await checkAdmin(request);
    checkOrigin(request);
    if (route.write) {
      const addressKey = await keys.of(request.ip);
      request.addressKey = addressKey;
      const wait = writeLimiter?.hit(addressKey.key) ?? 0;
      if (wait) throw tooManyError('rate-limited', `Too many votes from this address; try again in ${wait} s.`, wait);
    }
  };

  for (const route of routes) {
    // Each handler takes the request its route's schema lets through (Operations, above).
    const handler = handlers[route.operationId as keyof Operations] as RouteHandlerMethod;
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      bodyLimit: route.bodyLimit,
      // Guards run before the body is parsed or validated, so a refused client costs nothing. Reads
      // have none (no hook to run on the hot path).
      onRequest: route.write || route.admin ? guard(route) : undefined,
      handler,
    });
  }

  const openapi = readFileSync(packagePath('openapi.json'), 'utf8');
  app.get('/api/openapi.json', (_request, reply) => reply.type('application/json').send(openapi));

  if (options.staticRoots?.length) registerStatic(app, options.staticRoots);
  return app;
}
