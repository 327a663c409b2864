// The benchmark's servers, on free loopback ports: the repository's files (its pages, dist/ and
// Shoelace from node_modules), and a slow network in front of the reference server (for the
// layout shift while data loads and the paint of a vote that the server has not answered yet).
import { createReadStream, statSync } from 'node:fs';
import { createServer, request as forward } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Listens on 127.0.0.1 at a port the system picks; close() also ends the browser's kept-alive connections. */
async function listen(handler) {
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Serves the files under `root`, uncached. */
export function serve(root) {
  return listen((request, response) => {
    const file = normalize(join(root, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    let found = false;
    try {
      found = file.startsWith(root + sep) && statSync(file).isFile();
    } catch {
      // not there
    }
    if (!found) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
}

/** Forwards everything to `target`, holding each answer of its `/api/` for `delayMs`: a slow backend. */
export function slowProxy(target, delayMs) {
  return listen((request, response) => {
    const upstream = forward(`${target}${request.url}`, { method: request.method, headers: { ...request.headers, host: new URL(target).host } }, (reply) => {
      const send = () => {
        response.writeHead(reply.statusCode, reply.headers);
        reply.pipe(response);
      };
      if (request.url.startsWith('/api/')) setTimeout(send, delayMs);
      else send();
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
}
