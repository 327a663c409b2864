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
 * Sets the headers on a reply about to be sent. The server calls it for every reply (an onSend
 * hook), and where Fastify skips the hooks: errors it raises before routing.
 * `crossOriginApi`: whether other sites' pages use the API (an allow-list).
 */
export function securityHeaders({ crossOriginApi }: { crossOriginApi: boolean }): (request: FastifyRequest, reply: FastifyReply) => void {
  return (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    // Not no-referrer: under it a page's own POSTs carry "Origin: null", which the write guard refuses.
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    reply.header('content-security-policy', html ? PAGE_CSP : RESOURCE_CSP);
    const api = request.url.startsWith('/api/');
    reply.header('cross-origin-resource-policy', api && crossOriginApi ? 'cross-origin' : 'same-origin');
  };
}
