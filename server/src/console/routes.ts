// The routes of the editors' console, in the same form as the API's route table (../schemas.ts):
// Fastify validates with these and scripts/openapi.ts documents them. The lists are admin API
// routes like the others (a bearer token or a console session); the session routes are the
// console's own.
import { ADMIN, POLL_PARAMS, errors, listOf, ref, type RouteSpec } from '../schemas.js';

const SESSION = {
  type: 'object',
  required: ['csrfToken', 'expiresAt'],
  properties: {
    csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token on every state-changing request made with the session cookie.' },
    expiresAt: { type: 'string', format: 'date-time', description: 'When the session ends unless used again (a day idle).' },
  },
};

export const consoleRoutes: RouteSpec[] = [
  {
    method: 'POST', url: '/api/admin/session', operationId: 'signIn', summary: 'Sign in to the editors\' console with the admin token: sets the session cookie.', tags: ['console'],
    schema: {
      body: {
        type: 'object', required: ['token'], additionalProperties: false,
        properties: { token: { type: 'string', minLength: 1, maxLength: 1024 } },
      },
      response: { 201: SESSION, ...errors },
    },
  },
  {
    method: 'GET', url: '/api/admin/session', operationId: 'getSession', summary: 'The console session of this cookie, with its CSRF token (401 when signed out).', tags: ['console'],
    schema: { response: { 200: SESSION, ...errors } },
  },
  {
    method: 'DELETE', url: '/api/admin/session', operationId: 'signOut', summary: 'Sign out: ends the session on the server and clears its cookie.', tags: ['console'],
    schema: { response: { 204: { type: 'null', description: 'Signed out.' }, ...errors } },
  },
  {
    method: 'GET', url: '/api/admin/polls', operationId: 'listPolls', summary: 'Every poll with all its counts, newest first.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      response: { 200: listOf('polls', 'PollView'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/admin/polls/:pollId', operationId: 'getAdminPoll', summary: 'One poll with all its counts, whatever its results visibility.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      params: POLL_PARAMS,
      response: { 200: ref('PollView'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/admin/ratings', operationId: 'listRatings', summary: 'Every rated article with its votes and average, by id.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      response: { 200: listOf('ratings', 'RatingSummary'), ...errors },
    },
  },
  {
    method: 'GET', url: '/api/admin/shares', operationId: 'listShares', summary: 'The share counts of every shared URL, per network, most shared first.', tags: ['admin'], admin: true,
    schema: {
      headers: ADMIN,
      response: { 200: listOf('shares', 'ShareCounts'), ...errors },
    },
  },
];
