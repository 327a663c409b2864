// The editors' console sessions: a random id in an HttpOnly cookie, a CSRF token the console sends
// back in a header on every state-changing request, an idle expiry of a day that each use pushes
// back. The store keeps only a hash of the id, so a copy of the database opens no session.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { SessionStore } from '../storage/storage.js';

export const SESSION_COOKIE = 'aw_console';
export const IDLE_MS = 24 * 3600_000;
// Pushing the expiry back on every request would cost a disk sync each; a minute's precision is plenty.
const EXTEND_AFTER_MS = 60_000;

export function consoleSessions({ store, adminToken, pepper, now = () => new Date() }: {
  store: SessionStore;
  adminToken: string | undefined;
  pepper: string;
  now?: () => Date;
}) {
  const clock = () => now().getTime();
  const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');
  // A session belongs to the admin token it was opened with: starting the server with a new
  // token signs every editor out.
  const tokenTag = createHmac('sha256', pepper).update(adminToken ?? '').digest('base64url');

  return {
    /** Opens a session; the id goes in the cookie, the CSRF token to the console. */
    async open() {
      await store.prune(clock());
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = clock() + IDLE_MS;
      await store.create({ idHash: hashId(id), csrfToken, tokenTag, expiresAt });
      return { id, csrfToken, expiresAt };
    },

    /** The live session of a cookie's id, its idle expiry pushed back; undefined when there is none. */
    async resume(id: string) {
      const idHash = hashId(id);
      const session = await store.find(idHash);
      const time = clock();
      if (!session || session.expiresAt <= time || session.tokenTag !== tokenTag) return undefined;
      if (time + IDLE_MS - session.expiresAt >= EXTEND_AFTER_MS) {
        session.expiresAt = time + IDLE_MS;
        await store.extend(idHash, session.expiresAt);
      }
      return session;
    },

    /** Ends a session: its cookie opens nothing any more. */
    async close(id: string) {
      await store.end(hashId(id));
    },
  };
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/**
 * The Set-Cookie of a session: no Max-Age, so the browser drops it when it closes; the server
 * ends it after a day idle in any case. `Secure` whenever the request came over HTTPS. `value`
 * is the session id, or '' to clear the cookie.
 */
export function sessionCookie(value: string, { secure }: { secure: boolean }): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (value === '') attributes.push('Max-Age=0');
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}
