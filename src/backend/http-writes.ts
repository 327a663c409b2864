/**
 * HttpBackend's votes and shares, loaded on the first one (see http-backend.ts): most readers only
 * read. A POST of one reader's action to its route, with the voter id (signed for the item in
 * verified mode) and the idempotency key. It imports nothing from the bundle that loaded it (each
 * name it did would be one more export of the bundle): the backend is passed in.
 */
import { itemKey, type ItemKind } from '../contract/items.js';
import type { WriteContext } from './backend.js';
import type { HttpBackend } from './http-backend.js';

/** Where the reference server takes each kind of action. */
const routes: Record<ItemKind, (id: string) => string> = {
  rating: (articleId) => `/ratings/${encodeURIComponent(articleId)}/votes`,
  poll: (pollId) => `/polls/${encodeURIComponent(pollId)}/votes`,
  share: () => '/shares',
};

/** POSTs one reader's action on item `kind:id` (what verified mode signs with the voter id). */
export async function post(backend: HttpBackend, kind: ItemKind, id: string, body: object, { voterId, idempotencyKey, signal }: WriteContext): Promise<unknown> {
  // Without signVoter the signature is undefined, which JSON leaves out.
  const voterSignature = await backend.options.signVoter?.(voterId, itemKey(kind, id));
  return backend.request(
    routes[kind](id),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({ ...body, voterId, voterSignature }),
    },
    signal,
  );
}
