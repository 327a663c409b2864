// Headers on every reply: a browser never sniffs a reply into another type, no other site frames
// the pages, the pages run only this server's own scripts and styles, and the API may be read
// across origins only where CORS lets sites use it.
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The demo pages' policy: scripts, styles and requests from this server only, nothing inline (the
 * widgets' styles are constructed stylesheets, which `style-src` does not govern), never framed.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Everything else (JSON, scripts, styles): nothing to run, nothing to frame. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers, in the order they are sent, of a reply: `html` (a page) or not, `api` (under /api/)
 * or not. `crossOriginApi`: whether other sites' pages use the API (an allow-list).
 */
export function securityHeadersOf({ html, api, crossOriginApi }: { html: boolean; api: boolean; crossOriginApi: boolean }): [name: string, value: string][] {
  return [
    ['x-content-type-options', 'nosniff'],
    // Not no-referrer: under it a page's own POSTs carry "Origin: null", which the write guard refuses.
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['content-security-policy', html ? PAGE_CSP : RESOURCE_CSP],
    ['cross-origin-resource-policy', api && crossOriginApi ? 'cross-origin' : 'same-origin'],
  ];
}

/**
 * Sets the headers on a reply about to be sent. The server calls it for every reply (an onSend
 * hook), and where Fastify skips the hooks: errors it raises before routing.
 */
export function securityHeaders({ crossOriginApi }: { crossOriginApi: boolean }): (request: FastifyRequest, reply: FastifyReply) => void {
  // Four combinations, made once.
  const sets = [false, true].map((html) => [false, true].map((api) => securityHeadersOf({ html, api, crossOriginApi })));
  return (request, reply) => {
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    const api = request.url.startsWith('/api/');
    for (const [name, value] of sets[Number(html)][Number(api)]) reply.header(name, value);
  };
}
