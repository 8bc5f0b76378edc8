/** The OpenAPI 3.1 document of the API, generated from the registered routes and their zod schemas. */
import type { FastifyInstance } from 'fastify';
import { z, type ZodType } from 'zod';
import { ERROR_CODES } from '../contract/vocabulary.js';
import { routesOf } from './http.js';

function jsonSchema(schema: ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The properties of an object schema as OpenAPI parameters. */
function parameters(schema: ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || ((js.required ?? []).includes(name) && s.default === undefined),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

export function openApiDocument(app: FastifyInstance, version: string, sessionCookie = 'fg_session'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routesOf(app)) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const errors: Record<string, unknown> = {
      400: { description: 'Invalid input', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
      ...(r.roles === 'public'
        ? {}
        : {
            401: { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
            403: {
              description: 'Not allowed for your role',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
            },
          }),
      ...(r.url.includes(':')
        ? {
            404: {
              description: 'Not found, or outside your data scope',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
            },
          }
        : {}),
    };
    const ok = { status: r.status ?? 200, description: r.answers, contentType: r.contentType };
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      'x-roles': r.roles,
      ...(r.roles === 'public' ? { security: [] } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } } } : {}),
      ...(r.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: { type: 'object', properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } } },
                },
              },
            },
          }
        : {}),
      responses: {
        [ok.status]: {
          description: ok.description,
          ...(ok.status === 204 ? {} : { content: { [ok.contentType ?? 'application/json']: {} } }),
        },
        ...errors,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fundguard workbench API (医保基金智能监管平台)',
      version,
      description:
        "Every list is paged (page, pageSize ≤ 200 → items, total). Every route answers only inside the caller's data scope. " +
        'POST/PUT/DELETE need the X-CSRF-Token header (the token from /api/auth/login or /api/auth/me). Response shapes: src/contract/api.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
      schemas: {
        ErrorBody: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: [...ERROR_CODES] },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
                },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
