// Builds the OpenAPI 3.1 document from the same route table and schemas Fastify validates with,
// so the document cannot drift from the server (a test checks the committed file is fresh).
import { readFileSync } from 'node:fs';
import { routes, sharedSchemas, type Schema } from './schemas.js';
import { consoleRoutes } from './console/routes.js';
import { packagePath } from './package-root.js';

const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };

/** Rewrites Fastify's `Name#` references to OpenAPI components. */
function toOpenApi(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$id') continue;
    out[key] = key === '$ref' ? `#/components/schemas/${String(value).replace(/#$/, '')}` : toOpenApi(value);
  }
  return out;
}

function parameters(where: 'path' | 'query' | 'header', schema: Schema | undefined) {
  if (!schema) return [];
  const required = (schema.required ?? []) as string[];
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, property]) => {
    const { description, ...rest } = property;
    const parameter: Schema = { name, in: where, required: where === 'path' || required.includes(name), schema: toOpenApi(rest) };
    if (description) parameter.description = description;
    return parameter;
  });
}

export function openapiDocument() {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const route of [...routes, ...consoleRoutes]) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const { params, querystring, headers, body, response } = route.schema;
    const operation: Schema = { operationId: route.operationId, summary: route.summary, tags: route.tags };
    const list = [
      ...parameters('path', params),
      ...parameters('query', querystring),
      ...parameters('header', headers).filter((p) => p.name !== 'authorization'),
    ];
    if (list.length) operation.parameters = list;
    if (route.admin) operation.security = [{ adminToken: [] }, { consoleSession: [], csrfToken: [] }];
    if (body) operation.requestBody = { required: true, content: { 'application/json': { schema: toOpenApi(body) } } };
    const responses: Record<string, Schema> = {};
    operation.responses = responses;
    for (const [status, schema] of Object.entries(response)) {
      const code = status.toUpperCase();
      const description = code === '4XX' ? 'A client error, naming the field at fault where there is one.' : 'OK';
      if (schema.type === 'null') {
        responses[code] = { description: schema.description ?? 'No content.' };
        continue;
      }
      responses[code] = { description, content: { 'application/json': { schema: toOpenApi(schema) } } };
      if (route.cacheable && code === '200') {
        responses[code].headers = {
          ETag: { schema: { type: 'string' } },
          'Cache-Control': { schema: { type: 'string' } },
        };
      }
    }
    if (route.cacheable) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag).' };
    if (route.write) responses['429'] = { description: 'Rate limited.', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    responses['503'] = {
      description:
        'The database is unavailable just now (down, unreachable, full or read-only): `storage-unavailable`, nothing stored, retry after Retry-After seconds with the same Idempotency-Key. Or the server is shutting down (Fastify\'s own reply, another shape); retry shortly.',
      headers: { 'Retry-After': { schema: { type: 'integer' } } },
      content: { 'application/json': { schema: { type: 'object' } } },
    };
    responses['5XX'] = { description: 'A server failure; the request may be retried.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'article-widgets reference server',
      version,
      description: 'The JSON API the article-widgets HttpBackend talks to: ratings, polls and share counts, with anonymous voter ids, idempotent writes and admin operations.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(sharedSchemas.map((s) => [s.$id as string, toOpenApi(s)])),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'The --admin-token / AW_ADMIN_TOKEN value.' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'aw_console', description: 'The editors\' console session, set by POST /api/admin/session.' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'The session\'s CSRF token, required with the session cookie on every request that changes something.' },
      },
    },
  };
}
