// Fastify's validation errors (ajv's) as the API names a bad field: `body.polls[0].options[2].votes`.
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/** `/polls/0/options/2/votes` -> `polls[0].options[2].votes` */
export function jsonPointerToPath(pointer: string, prefix = ''): string {
  let path = prefix;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path ? `.${key}` : key;
  }
  return path;
}

/** Describes one ajv error as [path, problem]. */
export function describeAjvError(error: FastifySchemaValidationError, prefix = ''): [string, string] {
  let path = jsonPointerToPath(error.instancePath, prefix);
  const p = (error.params ?? {}) as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required') path = path ? `${path}.${p.missingProperty}` : String(p.missingProperty);
  if (error.keyword === 'additionalProperties') {
    const field = path ? `${path}.${p.additionalProperty}` : String(p.additionalProperty);
    return [field, 'is not a known field'];
  }
  if (error.keyword === 'required') return [path, 'is required'];
  return [path || prefix || '$', error.message ?? 'is not valid'];
}
