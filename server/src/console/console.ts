// The server side of the editors' console (/admin): sign-in, sessions and CSRF, the admin lists,
// and the console's files. app.ts asks it whether a request carries a valid session.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { ApiError } from '../../../src/contract/errors.js';
import type { AdminAuth } from '../admin-token.js';
import type { Storage } from '../storage/storage.js';
import { sameSecret } from '../secrets.js';
import { DEFAULT_CONSOLE_DIR, registerConsoleFiles } from './files.js';
import { consoleRoutes } from './routes.js';
import { SESSION_COOKIE, consoleSessions, readCookie, sessionCookie } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ConsoleOptions {
  storage: Storage;
  adminToken?: string;
  now?: () => Date;
  consoleDir?: string;
  checkAdmin: (request: FastifyRequest) => Promise<void>;
  adminAuth: AdminAuth;
  checkOrigin: (request: FastifyRequest) => void;
}

export function registerConsole(app: FastifyInstance, options: ConsoleOptions) {
  const { storage, adminToken } = options;
  const sessions = consoleSessions({ store: storage.sessions, adminToken, pepper: storage.pepper, now: options.now });

  const adminDisabled = () =>
    new ApiError(403, 'admin-disabled', 'Admin operations are off: start the server with --admin-token (or AW_ADMIN_TOKEN) to use the console.');
  const signedOut = () => new ApiError(401, 'signed-out', 'The console session has ended: sign in again.', 'headers.cookie');
  const secure = (request: FastifyRequest) => request.protocol === 'https';

  /** The request's live session, or undefined when it has no session cookie. */
  async function sessionOf(request: FastifyRequest) {
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
   */
  async function authenticate(request: FastifyRequest): Promise<boolean> {
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

  const sessionReply = (session: { csrfToken: string; expiresAt: number }) => ({
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAt).toISOString(),
  });
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  const handlers: Record<string, RouteHandlerMethod> = {
    signIn: async (request, reply) => {
      if (!adminToken) throw adminDisabled();
      // The admin API's own check: wrong tokens from the form and from scripts count together.
      const { token } = request.body as { token: string };
      if (!(await options.adminAuth.verify(request, token))) {
        throw new ApiError(401, 'unauthorized', 'That is not the admin token.', 'body.token');
      }
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
      await sessions.close(readCookie(request.headers.cookie, SESSION_COOKIE)!);
      return reply.header('set-cookie', sessionCookie('', { secure: secure(request) })).code(204).send();
    },
    listPolls: async (_request, reply) => noStore(reply).send({ polls: await storage.adminPolls() }),
    getAdminPoll: async (request, reply) => noStore(reply).send(await storage.adminPoll((request.params as { pollId: string }).pollId)),
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
