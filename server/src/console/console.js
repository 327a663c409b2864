// The server side of the editors' console (/admin): sign-in, sessions and CSRF, the admin lists,
// and the console's files. app.js asks it whether a request carries a valid session.
import { ApiError } from '../rules.js';
import { sameSecret } from '../app.js';
import { DEFAULT_CONSOLE_DIR, registerConsoleFiles } from './files.js';
import { consoleRoutes } from './routes.js';
import { SESSION_COOKIE, consoleSessions, readCookie, sessionCookie } from './sessions.js';
import { failedSignInLimiter } from './sign-in-limiter.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{
 *   storage: import('../storage/storage.js').Storage,
 *   adminToken?: string,
 *   now?: () => Date,
 *   consoleDir?: string,
 *   signInLimit?: { max?: number, windowMs?: number },
 *   checkAdmin: (request: import('fastify').FastifyRequest) => Promise<void>,
 *   checkOrigin: (request: import('fastify').FastifyRequest) => void,
 * }} options
 */
export function registerConsole(app, options) {
  const { storage, adminToken } = options;
  const sessions = consoleSessions({ store: storage.sessions, adminToken, pepper: storage.pepper, now: options.now });
  const limiter = failedSignInLimiter(options.signInLimit);

  const adminDisabled = () =>
    new ApiError(403, 'admin-disabled', 'Admin operations are off: start the server with --admin-token (or AW_ADMIN_TOKEN) to use the console.');
  const signedOut = () => new ApiError(401, 'signed-out', 'The console session has ended: sign in again.', 'headers.cookie');
  const secure = (/** @type {import('fastify').FastifyRequest} */ request) => request.protocol === 'https';

  /** The request's live session, or undefined when it has no session cookie. */
  async function sessionOf(/** @type {import('fastify').FastifyRequest} */ request) {
    const id = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (!id) return undefined;
    const session = await sessions.resume(id);
    if (!session) throw signedOut();
    return { id, ...session };
  }

  /**
   * Whether the request is an editor's, by a session cookie: false without one, so the caller
   * asks for a bearer token instead. A state-changing request must also carry the session's
   * CSRF token, which a page of another site cannot read.
   * @param {import('fastify').FastifyRequest} request
   */
  async function authenticate(request) {
    const session = await sessionOf(request);
    if (!session) return false;
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !sameSecret(given, session.csrfToken)) {
        throw new ApiError(403, 'csrf-token-invalid', 'A console request that changes something needs the session\'s X-CSRF-Token header.', 'headers.x-csrf-token');
      }
    }
    return true;
  }

  const sessionReply = (/** @type {{ csrfToken: string, expiresAt: number }} */ session) => ({
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAt).toISOString(),
  });
  const noStore = (/** @type {import('fastify').FastifyReply} */ reply) => reply.header('cache-control', 'no-store');

  /** @type {Record<string, import('fastify').RouteHandlerMethod>} */
  const handlers = {
    signIn: async (request, reply) => {
      if (!adminToken) throw adminDisabled();
      const wait = limiter.retryAfter(request.ip);
      if (wait) {
        const error = new ApiError(429, 'rate-limited', `Too many wrong tokens from this address; try again in ${wait} s.`);
        error.retryAfter = wait;
        throw error;
      }
      const { token } = /** @type {{ token: string }} */ (request.body);
      if (!sameSecret(token, adminToken)) {
        limiter.recordFailure(request.ip);
        throw new ApiError(401, 'unauthorized', 'That is not the admin token.', 'body.token');
      }
      limiter.recordSuccess(request.ip);
      const session = await sessions.open();
      noStore(reply).header('set-cookie', sessionCookie(session.id, { secure: secure(request) }));
      return reply.code(201).send(sessionReply(session));
    },
    getSession: async (request, reply) => {
      if (!adminToken) throw adminDisabled();
      const session = await sessionOf(request);
      if (!session) throw signedOut();
      return noStore(reply).send(sessionReply(session));
    },
    signOut: async (request, reply) => {
      if (!(await authenticate(request))) throw signedOut();
      await sessions.close(/** @type {string} */ (readCookie(request.headers.cookie, SESSION_COOKIE)));
      return reply.header('set-cookie', sessionCookie('', { secure: secure(request) })).code(204).send();
    },
    listPolls: async (_request, reply) => noStore(reply).send({ polls: await storage.adminPolls() }),
    getAdminPoll: async (request, reply) => noStore(reply).send(await storage.adminPoll(/** @type {any} */ (request.params).pollId)),
    listRatings: async (_request, reply) => noStore(reply).send({ ratings: await storage.ratedArticles() }),
    listShares: async (_request, reply) => noStore(reply).send({ shares: await storage.allShares() }),
  };

  for (const route of consoleRoutes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: route.schema,
      onRequest: async (request) => {
        if (route.admin) await options.checkAdmin(request);
        if (!SAFE_METHODS.has(route.method)) options.checkOrigin(request);
      },
      handler: handlers[route.operationId],
    });
  }

  registerConsoleFiles(app, options.consoleDir ?? DEFAULT_CONSOLE_DIR);
  return { authenticate };
}
