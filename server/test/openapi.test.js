// The committed openapi.json is generated from the route table Fastify validates with; it must be
// fresh, and the reply checker the other tests rely on must really refuse a reply that differs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiDocument } from '../dist/server/src/openapi.js';
import { routes } from '../dist/server/src/schemas.js';
import { consoleRoutes } from '../dist/server/src/console/routes.js';
import { checkAgainstOpenApi, root } from './helpers.js';

describe('openapi.json', () => {
  it('is fresh: `npm run openapi -w server` regenerates it from the routes', () => {
    const committed = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
    assert.deepEqual(committed, openapiDocument(), 'server/openapi.json is stale: run `npm run openapi -w server`');
  });

  it('describes every route, as OpenAPI 3.1', () => {
    const doc = openapiDocument();
    assert.equal(doc.openapi, '3.1.0');
    for (const route of [...routes, ...consoleRoutes]) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} missing`);
    }
  });

  it('the reply checker refuses replies that do not match', () => {
    const url = 'http://127.0.0.1/api/ratings/x';
    checkAgainstOpenApi('GET', url, 200, { articleId: 'x', votes: 1, average: 4 });
    assert.throws(() => checkAgainstOpenApi('GET', url, 200, { articleId: 'x', votes: '1', average: 4 }));
    assert.throws(() => checkAgainstOpenApi('GET', url, 200, { articleId: 'x', average: 4 }));
    assert.throws(() => checkAgainstOpenApi('GET', url, 400, { message: 'no error object' }));
    assert.throws(() => checkAgainstOpenApi('GET', url, 201, {}), /not documented/);
    assert.throws(() => checkAgainstOpenApi('POST', url, 201, {}), /not in openapi.json/);
  });
});
