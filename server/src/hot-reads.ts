// Repeated reads of hot items answered straight from node:http, before Fastify sees the request.
// A cached read through Fastify costs about twice the bare node:http work of a request (its
// request and reply objects, routing, hooks, CORS, the reply's headers built one by one), so the
// GET of a URL that Fastify has answered from the read cache before is answered here while the
// read cache still holds that very reply: the same status, headers and body, the ETag compared as
// sendCacheable compares it, CORS as the CORS plugin answers a read, from headers made once per reply.
//
// Why that is the same reply as Fastify's: a URL is remembered only once Fastify answered it (its
// route matched, its parameters valid), and what the route answers depends on nothing but the URL,
// the read cache, and the Origin and If-None-Match headers, which are handled here alike. Anything
// else (another method, HEAD, a URL not remembered, an entry dropped by a write or expired, the
// server closing) goes to Fastify, which answers as it always did. It serves only while request
// logging is off: at `info` every request is logged, by Fastify. The test pinning a hit to a miss
// is read-cache.test.js ("a cache hit is the miss's reply").
import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_TYPE, namesEtag, type CachedReply } from './read-cache.js';

export interface HotReadsOptions {
  /** Whether CORS lets `origin` read (it then gets Access-Control-Allow-Origin: origin). */
  corsAllows: (origin: string) => boolean;
  /** The Cache-Control of the replies remembered (those any reader may be given). */
  cacheControl: string;
  /** The headers every reply of the API carries after its own (security-headers.ts), in order. */
  trailingHeaders: [name: string, value: string][];
  /** The most URLs remembered (they are the client's choice); the oldest go first. */
  maxUrls?: number;
}

/** A reply's headers, made once: the 200's and the 304's, without and with CORS's header. */
interface Prepared {
  ok: string[];
  okWithOrigin: (origin: string) => string[];
  notModified: string[];
  notModifiedWithOrigin: (origin: string) => string[];
}

export function hotReads({ corsAllows, cacheControl, trailingHeaders, maxUrls = 10_000 }: HotReadsOptions) {
  /** What each remembered URL answers now: its reply while the read cache holds it, else undefined. */
  const urls = new Map<string, () => CachedReply | undefined>();
  const prepared = new WeakMap<CachedReply, Prepared>();
  let open = true;
  let served = 0;
  const trailing = trailingHeaders.flat();

  function prepare(reply: CachedReply): Prepared {
    // In the order Fastify sends them: CORS's (an onRequest hook), sendCacheable's, the reply's
    // type, the security headers (an onSend hook), the length (as the reply is written).
    const length = String(Buffer.byteLength(reply.json));
    const head = (origin?: string) => ['vary', 'Origin', ...(origin === undefined ? [] : ['access-control-allow-origin', origin]), 'etag', reply.etag, 'cache-control', cacheControl];
    const ok = (origin?: string) => [...head(origin), 'content-type', JSON_TYPE, ...trailing, 'content-length', length];
    const notModified = (origin?: string) => [...head(origin), ...trailing];
    return { ok: ok(), okWithOrigin: ok, notModified: notModified(), notModifiedWithOrigin: notModified };
  }

  return {
    /**
     * Remembers that `url`, just answered by Fastify from the read cache, answers what `current`
     * gives while it gives something.
     */
    remember(url: string, current: () => CachedReply | undefined): void {
      if (urls.has(url)) return;
      urls.set(url, current);
      if (urls.size > maxUrls) urls.delete(urls.keys().next().value!);
    },

    /** Answers `request` if it is a hot read; false: Fastify answers it. */
    serve(request: IncomingMessage, response: ServerResponse): boolean {
      if (!open || request.method !== 'GET') return false;
      const reply = urls.get(request.url!)?.();
      if (!reply) return false;
      let headers = prepared.get(reply);
      if (!headers) {
        headers = prepare(reply);
        prepared.set(reply, headers);
      }
      const { origin } = request.headers;
      const cors = origin !== undefined && corsAllows(origin);
      if (namesEtag(request.headers['if-none-match'], reply.etag)) {
        response.writeHead(304, cors ? headers.notModifiedWithOrigin(origin) : headers.notModified);
        response.end();
      } else {
        response.writeHead(200, cors ? headers.okWithOrigin(origin) : headers.ok);
        // A string, so Node writes the head and the body as one.
        response.end(reply.json);
      }
      served++;
      return true;
    },

    /** How many requests were answered here (Fastify answered the others). */
    get served(): number {
      return served;
    },

    /** From now on Fastify answers everything (it answers 503 while the server closes). */
    close(): void {
      open = false;
    },
  };
}

export type HotReads = ReturnType<typeof hotReads>;
