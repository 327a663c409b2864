// Test helpers: a real server on a real database (a SQLite file in a temp dir, or a database of its
// own on a private PostgreSQL cluster), over real HTTP on port 0, and a client that checks every
// reply against the committed OpenAPI document.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../dist/server/src/app.js';
import { openStorage } from '../dist/server/src/storage/open.js';
import { startCluster } from '../../scripts/postgres.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const repoRoot = new URL('../..', import.meta.url).pathname;
/** The demo's data as the server tests know it (a copy, so the demo can change on its own). */
export const demoData = JSON.parse(readFileSync(join(root, 'test/fixtures/widgets.json'), 'utf8'));
export const ARTICLE = 'us-long-term-goals-for-russia';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export const voter = () => randomBytes(16).toString('hex');
export const key = () => randomBytes(16).toString('hex');

export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'aw-server-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The engines every storage-facing suite runs on. */
export const ENGINES = ['sqlite', 'postgres'];

let cluster;
/**
 * The superuser URL of a PostgreSQL cluster for the tests: the one `npm test` started
 * (AW_TEST_POSTGRES), else a private one started now for this test file and stopped at its exit.
 */
export async function postgresCluster() {
  if (process.env.AW_TEST_POSTGRES) return process.env.AW_TEST_POSTGRES;
  cluster ??= startCluster();
  return (await cluster).url;
}

/**
 * A new, empty database of `engine`: a SQLite file in a temp dir, or a database of its own on the
 * test cluster. `db` is what --db takes; `remove` deletes it.
 */
export async function newDatabase(engine = 'sqlite') {
  if (engine === 'sqlite') {
    const { dir, remove } = tempDir();
    return { db: join(dir, 'widgets.sqlite'), remove };
  }
  const admin = await postgresCluster();
  const name = `aw_${randomBytes(8).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { db: url.href, remove: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

async function withClient(url, work) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Reads a database of either engine directly, as a test checks what was stored: `all(sql)` answers
 * the rows of a query written in the SQL both engines speak (no parameters), numbers as numbers.
 */
export async function inspect(db) {
  if (!/^postgres/.test(db)) {
    const sqlite = new Database(db, { readonly: true });
    return { all: async (sql) => sqlite.prepare(sql).all(), close: async () => sqlite.close() };
  }
  const client = new pg.Client(db);
  await client.connect();
  const numeric = (value) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
  return {
    // PostgreSQL answers bigint and numeric as strings: the counts compared here fit a number.
    all: async (sql) => (await client.query(sql)).rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numeric(v)]))),
    close: () => client.end(),
  };
}

/**
 * Starts the real app on 127.0.0.1:0 with a fresh database of `engine` (SQLite unless told),
 * seeded with the demo data, or on the database of another server (`db`: a second process on it).
 * @param {Partial<import('../dist/server/src/app.js').AppOptions> & { seed?: unknown, ratingChange?: 'replace'|'refuse', now?: () => Date, engine?: 'sqlite'|'postgres', db?: string }} [options]
 */
export async function startServer(options = {}) {
  const { db, remove } = options.db ? { db: options.db, remove: () => {} } : await newDatabase(options.engine);
  const storage = await openStorage(db, { ratingChange: options.ratingChange, now: options.now });
  const { checkWidgetData } = await import('../dist/server/src/data.js');
  await storage.importData(checkWidgetData(options.seed ?? demoData));
  const app = await buildApp({ adminToken: ADMIN_TOKEN, rateLimit: { max: 0 }, ...options, storage });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    db,
    storage,
    app,
    api: client(url),
    async close() {
      await app.close();
      await storage.close();
      await remove();
    },
  };
}

const openapi = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map();

function operationFor(method, pathname) {
  for (const [template, item] of Object.entries(openapi.paths)) {
    const re = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (re.test(pathname) && item[method.toLowerCase()]) return { template, operation: item[method.toLowerCase()] };
  }
  return undefined;
}

/** Asserts that a reply is one the OpenAPI document describes for this request. */
export function checkAgainstOpenApi(method, url, status, body) {
  const found = operationFor(method, new URL(url).pathname);
  if (!found) {
    assert.equal(status, 404, `${method} ${url} is not in openapi.json but answered ${status}`);
    return;
  }
  const responses = found.operation.responses;
  const spec = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  assert.ok(spec, `${method} ${found.template}: status ${status} is not documented`);
  const schema = spec.content?.['application/json']?.schema;
  if (!schema) {
    assert.equal(body, undefined, `${method} ${found.template} ${status} should have no body`);
    return;
  }
  const id = `${method} ${found.template} ${status}`;
  if (!compiled.has(id)) compiled.set(id, ajv.compile({ ...schema, components: openapi.components }));
  const validate = compiled.get(id);
  assert.ok(validate(body), `${id}: reply does not match openapi.json: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}

/** A fetch wrapper: JSON in and out, every reply checked against openapi.json. */
export function client(base) {
  return async function api(method, path, { body, headers = {}, raw } = {}) {
    const url = new URL(path, base).href;
    const init = { method, headers: { ...headers } };
    if (raw !== undefined) init.body = raw;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url, init);
    const text = await response.text();
    let json;
    if (text) {
      const type = response.headers.get('content-type') ?? '';
      assert.match(type, /^application\/json/, `${method} ${path}: ${response.status} is not JSON: ${text.slice(0, 200)}`);
      json = JSON.parse(text);
    }
    checkAgainstOpenApi(method, url, response.status, json);
    return { status: response.status, body: json, headers: response.headers };
  };
}

export const vote = (api, articleId, rating, { voterId = voter(), idempotencyKey = key(), headers = {} } = {}) =>
  api('POST', `/api/ratings/${encodeURIComponent(articleId)}/votes`, { body: { rating, voterId }, headers: { 'idempotency-key': idempotencyKey, ...headers } });

export const pollVote = (api, pollId, optionIds, { voterId = voter(), idempotencyKey = key(), headers = {} } = {}) =>
  api('POST', `/api/polls/${encodeURIComponent(pollId)}/votes`, { body: { optionIds, voterId }, headers: { 'idempotency-key': idempotencyKey, ...headers } });

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

const children = new Set();
/** Kills every CLI a test spawned and left running (a failed assertion must not hang the run). */
export function killSpawned() {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', killSpawned);

/** Spawns the real CLI; resolves once it listens, with its URL and its output so far. */
export function spawnCli(args, { env = {} } = {}) {
  const child = spawn(process.execPath, [join(root, 'bin/article-widgets-server.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  children.add(child);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
    children.delete(child);
    resolve({ code, signal });
  }));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 15000);
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${out}\n${err}`), { code, out, err }));
    });
  });
  ready.catch(() => {});
  return { child, ready, exited, output: () => ({ out, err }) };
}
