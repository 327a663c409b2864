// A scripted HTTP API for the browser tests of the widgets' patience (test/backend/patience.test.ts),
// as middleware of web-test-runner's own server. Under /scripted-api/RUN/ each request gets the next
// answer the test scripted for that run, over real HTTP:
//   POST /scripted-api/RUN/script   body: [{ "status": 503, "body": {...} }, { "hang": true }, ...]
//   GET  /scripted-api/RUN/log      -> [{ method, path, key, cut }] of every other request, in order
// `hang` keeps the request open until the client gives up (then its log entry says `cut: true`);
// `key` is the request's Idempotency-Key. Nothing else in the repository answers under this path.
const PREFIX = /^\/scripted-api\/([\w-]+)(\/.*)$/;
/** The longest a hung request is held if the client never gives up. */
const HOLD_MS = 30_000;
const runs = new Map();

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

/** Koa middleware for web-test-runner's `middleware` option. */
export async function scriptedApi(context, next) {
  const match = PREFIX.exec(context.path);
  if (!match) return next();
  const [, id, path] = match;
  if (!runs.has(id)) runs.set(id, { answers: [], log: [] });
  const run = runs.get(id);
  if (path === '/script' && context.method === 'POST') {
    run.answers.push(...JSON.parse(await readBody(context.req)));
    context.status = 204;
    return;
  }
  if (path === '/log') {
    context.body = run.log;
    return;
  }
  const entry = { method: context.method, path: path + context.search, key: context.get('idempotency-key') || undefined, cut: false };
  run.log.push(entry);
  const answer = run.answers.shift() ?? { status: 500, body: { error: { code: 'internal', message: 'Nothing was scripted for this request.' } } };
  if (answer.hang) {
    await new Promise((resolve) => {
      const hold = setTimeout(resolve, HOLD_MS);
      context.req.socket.once('close', () => {
        entry.cut = true;
        clearTimeout(hold);
        resolve();
      });
    });
    // The client is gone: nothing is left to answer (and nothing to log as a 404).
    context.status = 204;
    context.respond = false;
    return;
  }
  context.status = answer.status;
  context.body = answer.body;
}
