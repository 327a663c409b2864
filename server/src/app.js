// The reference server's HTTP side: Fastify with the routes of schemas.js, CORS allow-list,
// write guards (origin, rate limit, verified voters), cacheable aggregate reads, demo files.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import cors from '@fastify/cors';
import { ApiError } from './rules.js';
import { routes, sharedSchemas } from './schemas.js';
import { describeAjvError, normalizePollInput, normalizeWidgetData } from './data.js';
import { registerStatic } from './static.js';
import { registerConsole } from './console/console.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * @typedef {{
 *   storage: import('./storage/storage.js').Storage,
 *   allowOrigins?: string[],
 *   adminToken?: string,
 *   verifySecret?: string,
 *   rateLimit?: { max: number, windowMs?: number },
 *   trustProxy?: boolean,
 *   logger?: boolean | object,
 *   staticRoots?: { prefix: string, dir: string }[],
 *   bodyLimit?: number,
 *   now?: () => Date,
 *   consoleDir?: string,
 *   signInLimit?: { max?: number, windowMs?: number },
 * }} AppOptions
 */

const sha256 = (/** @type {string} */ text) => createHash('sha256').update(text).digest();

/** Compares secrets in constant time: hashing first makes the lengths equal. */
export function sameSecret(given, expected) {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/**
 * A fixed-window limit per address. Addresses are kept only as salted hashes, and the salt is
 * replaced (and every count forgotten) at each UTC midnight, so nothing links a day to the next.
 */
export function addressLimiter({ max, windowMs = 60_000 }, clock = () => Date.now()) {
  let day = '';
  let salt = Buffer.alloc(0);
  /** @type {Map<string, { count: number, resetAt: number }>} */
  let windows = new Map();
  return {
    /** @returns {number} 0 when allowed, else the seconds until the window resets */
    hit(/** @type {string} */ address) {
      const now = clock();
      const today = new Date(now).toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        salt = randomBytes(32);
        windows = new Map();
      }
      if (windows.size > 100_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      const key = createHmac('sha256', salt).update(address).digest('base64url');
      let w = windows.get(key);
      if (!w || w.resetAt <= now) windows.set(key, (w = { count: 0, resetAt: now + windowMs }));
      w.count += 1;
      return w.count > max ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
    },
  };
}

/** @param {string} origin @param {string[]} allowed */
function originAllowed(origin, allowed) {
  return allowed.includes('*') || allowed.includes(origin);
}

// Browsers revalidate every read (a cheap 304 by ETag); shared caches (a CDN) may serve a reply
// for 10 s. No stale-while-revalidate: browsers honour it and would show old figures after a vote.
const PUBLIC_CACHE = 'public, max-age=0, s-maxage=10, must-revalidate';

/** @param {AppOptions} options */
export async function buildApp(options) {
  const { storage } = options;
  const allowOrigins = (options.allowOrigins ?? []).map((o) => o.replace(/\/$/, ''));
  const limiter = options.rateLimit && options.rateLimit.max > 0 ? addressLimiter(options.rateLimit) : undefined;

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 16 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    // Long or odd ids reach validation (a 400 naming the field) instead of the router's 414.
    routerOptions: { maxParamLength: 4096 },
    // Errors the router raises before any route runs (bad percent-encoding...): same JSON shape.
    frameworkErrors: (error, _request, reply) => {
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
              req: (req) => ({ method: req.method, path: String(req.url).split('?')[0] }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
  });

  // JSON only: a text/plain POST is a "simple" cross-site request that skips the CORS preflight.
  app.removeContentTypeParser('text/plain');
  for (const schema of sharedSchemas) app.addSchema(schema);

  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin ? originAllowed(origin, allowOrigins) : false),
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Idempotency-Key', 'X-Voter-Id', 'Authorization'],
    maxAge: 600,
  });

  app.setErrorHandler((error, request, reply) => {
    const send = (status, code, message, field) => {
      reply.code(status).type('application/json; charset=utf-8');
      return reply.send({ error: field === undefined ? { code, message } : { code, message, field } });
    };
    if (error instanceof ApiError) {
      if (error.status === 429 && error.retryAfter) reply.header('retry-after', String(error.retryAfter));
      return send(error.status, error.code, error.message, error.field);
    }
    if (error.validation) {
      const context = error.validationContext === 'querystring' ? 'query' : error.validationContext;
      const [field, problem] = describeAjvError(error.validation[0], context);
      return send(400, 'invalid', `${field}: ${problem}`, field);
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const known = {
        FST_ERR_CTP_BODY_TOO_LARGE: [413, 'too-large', 'The request body is too large.'],
        FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type', 'Send JSON with Content-Type: application/json.'],
        FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid', 'The Content-Length does not match the body.'],
        FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed-json', 'The JSON body is empty.'],
        FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json', 'The body is not valid JSON.'],
      }[error.code ?? ''];
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
  function checkOrigin(request) {
    const origin = request.headers.origin;
    if (!origin || originAllowed(origin, allowOrigins)) return;
    try {
      if (new URL(origin).host === request.headers.host) return;
    } catch {
      // an unparsable Origin is refused below
    }
    throw new ApiError(403, 'origin-not-allowed', 'This site is not allowed to write to this server.', 'headers.origin');
  }

  async function checkAdmin(request) {
    if (!options.adminToken) throw new ApiError(403, 'admin-disabled', 'Admin operations are off: start the server with an admin token.');
    if (request.headers.authorization === undefined && (await editorsConsole.authenticate(request))) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match || !sameSecret(match[1], options.adminToken)) {
      throw new ApiError(401, 'unauthorized', 'A valid "Authorization: Bearer TOKEN" header is required.', 'headers.authorization');
    }
  }

  /** The voter id as stored: a keyed hash, so the database never holds the id itself. */
  const voterKey = (/** @type {string} */ id) => createHmac('sha256', storage.pepper).update(id).digest('base64url');

  /** Validates the voter of a write and derives its receipt. */
  function writeContext(request, voterId) {
    if (options.verifySecret) {
      const signature = request.body.voterSignature ?? '';
      const expected = createHmac('sha256', options.verifySecret).update(voterId).digest('hex');
      if (!sameSecret(signature, expected)) {
        throw new ApiError(403, 'unverified', 'This server counts only votes whose voter id the site signed.', 'body.voterSignature');
      }
    }
    const voter = voterKey(voterId);
    const key = createHmac('sha256', storage.pepper).update(`${voter}\n${request.headers['idempotency-key']}`).digest('base64url');
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body)}`)
      .digest('base64url');
    return { voter, receipt: { key, fingerprint } };
  }

  /** Replies with a cacheable JSON body: an ETag, and 304 when the client has it already. */
  function cacheable(request, reply, body, { personal = false } = {}) {
    const json = reply.serialize(body);
    const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag);
    reply.header('cache-control', personal ? 'private, no-cache' : PUBLIC_CACHE);
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).send();
    }
    reply.type('application/json; charset=utf-8');
    return reply.send(json);
  }

  const handlers = {
    health: async () => ({ ok: await storage.health(), version }),
    getRatings: async (request, reply) => {
      const ids = [...new Set(request.query.ids.split(','))];
      return cacheable(request, reply, { ratings: await storage.getRatings(ids) });
    },
    getRating: async (request, reply) => cacheable(request, reply, await storage.getRating(request.params.articleId)),
    rateArticle: async (request) => {
      const { voter, receipt } = writeContext(request, request.body.voterId);
      const { reply } = await storage.rate({ articleId: request.params.articleId, voter, rating: request.body.rating, receipt });
      return reply;
    },
    getPoll: async (request, reply) => {
      const id = request.headers['x-voter-id'];
      reply.header('vary', 'X-Voter-Id');
      const view = await storage.getPoll(request.params.pollId, id === undefined ? undefined : voterKey(id));
      return cacheable(request, reply, view, { personal: id !== undefined });
    },
    votePoll: async (request) => {
      const { voter, receipt } = writeContext(request, request.body.voterId);
      const { reply } = await storage.votePoll({ pollId: request.params.pollId, voter, optionIds: request.body.optionIds, receipt });
      return reply;
    },
    getShareCounts: async (request, reply) => cacheable(request, reply, await storage.getShares(request.query.url)),
    recordShare: async (request) => {
      const { voter, receipt } = writeContext(request, request.body.voterId);
      const { reply } = await storage.recordShare({ url: request.body.url, network: request.body.network, voter, receipt });
      return reply;
    },
    createPoll: async (request, reply) => {
      const view = await storage.createPoll(normalizePollInput(request.body));
      return reply.code(201).send(view);
    },
    updatePoll: async (request) => storage.updatePoll(request.params.pollId, request.body),
    closePoll: async (request) => storage.updatePoll(request.params.pollId, { closed: true }),
    importData: async (request) => storage.importData(normalizeWidgetData(request.body, 'body')),
  };

  const editorsConsole = registerConsole(app, { ...options, checkAdmin, checkOrigin });

  for (const route of routes) {
    const handler = handlers[/** @type {keyof typeof handlers} */ (route.operationId)];
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      bodyLimit: route.bodyLimit,
      // Guards run before the body is parsed or validated, so a refused client costs nothing.
      onRequest: async (request) => {
        if (route.admin) await checkAdmin(request);
        if (route.write || route.admin) checkOrigin(request);
        if (route.write && limiter) {
          const wait = limiter.hit(request.ip);
          if (wait) {
            const error = new ApiError(429, 'rate-limited', `Too many votes from this address; try again in ${wait} s.`);
            error.retryAfter = wait;
            throw error;
          }
        }
      },
      handler,
    });
  }

  const openapi = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
  app.get('/api/openapi.json', { schema: { hide: true } }, (_request, reply) => reply.type('application/json').send(openapi));

  if (options.staticRoots?.length) registerStatic(app, options.staticRoots);
  return app;
}
