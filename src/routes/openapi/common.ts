// The OpenAPI document is generated from the routes' own zod schemas (@hono/zod-openapi): each
// route is declared with createRoute beside its handler, and `serve` both registers the
// declaration and mounts the handler. Handlers still parse their own input (parseWith in
// ../input.ts: our error codes, body limits and the checks for text PostgreSQL cannot store), so
// zod-openapi's validators are not used; the schemas in the document are the ones they parse with.
import type { RouteConfig } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, Env, Next } from 'hono';
import { z } from 'zod';
import { type ErrorStatus, codeToStatus } from '../../errors.js';

export const problemSchema = z.object({
  type: z.string().describe('A URI naming the problem: https://intake.example/problems/<code>'),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(Object.keys(codeToStatus) as [keyof typeof codeToStatus, ...(keyof typeof codeToStatus)[]]).describe('Stable: program against this'),
  detail: z.string().describe('What went wrong and how to fix it, in words'),
  field: z.string().optional().describe('The field (or header) to fix'),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe('Every field that failed, when a body failed validation'),
  allowed: z.array(z.string()).optional().describe('event_not_allowed: the events possible now'),
  currentVersion: z.number().int().optional().describe('version_conflict with If-Match: the journey\'s version now'),
  errorId: z.string().optional().describe('internal_error: quote it when reporting the problem'),
}).meta({ id: 'Problem', description: 'RFC 9457 problem details, as application/problem+json' });

const statusWords: Record<ErrorStatus, string> = {
  400: 'The request is malformed or a field is invalid (`field` names it)', 401: 'No valid bearer token', 403: 'Your role may not do this (recorded in the audit log)',
  404: 'Not found, or not yours to see', 409: 'A conflict: the state changed meanwhile, or the request is already in progress', 413: 'The body is too large',
  415: 'The body is not of a type this route takes', 422: 'Understood, but not possible now', 429: 'Too many attempts: wait (`retryAfterSeconds`, Retry-After) and try again', 500: 'An error on our side (`errorId`)', 503: 'The database is unavailable; try again (Retry-After)',
};

const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** The error answers of a route: the statuses named, plus 401 (every /api route takes a token) and any other as `default`. */
export function problems(...statuses: ErrorStatus[]) {
  const out: Record<string, ReturnType<typeof problemResponse>> = {};
  for (const s of [...new Set<ErrorStatus>([401, ...statuses])].sort()) out[s] = problemResponse(statusWords[s]);
  out.default = problemResponse('Any other problem, e.g. 500 or 503');
  return out;
}

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON body the route requires. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });

export const uuidParam = (name: string, description: string) => z.object({ [name]: z.uuid().meta({ param: { name, in: 'path' }, description }) });
export const candidateIdParam = uuidParam('id', 'The candidate\'s id');

/** A page of a list: `nextCursor` fetches the next one (null: the last page). */
export const paged = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') });

const idempotencyKey = z.object({
  'Idempotency-Key': z.string().min(1).max(255).optional().describe('Repeating a POST with the same key and body gives the first answer again (for 24 hours, per token); the same key with another body is 422 `idempotency_key_reused`; while the first is still running, 409 `idempotency_key_in_use`.'),
});

/**
 * Declares `route` in the router's document and serves it with `handlers`. Every POST takes an
 * Idempotency-Key (src/routes/idempotency.ts), so its declaration gains the header.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a middleware handler resolves to void when it calls next()
export type RouteHandler<E extends Env> = (c: Context<E>, next: Next) => Response | Promise<Response | void>;

export function serve<E extends Env>(r: OpenAPIHono<E>, route: RouteConfig, ...handlers: RouteHandler<E>[]) {
  const headers = route.request?.headers;
  const withKey = route.method === 'post'
    ? { ...route, request: { ...route.request, headers: headers && 'extend' in headers ? (headers as z.ZodObject).extend(idempotencyKey.shape) : idempotencyKey } }
    : route;
  r.openAPIRegistry.registerPath(withKey);
  const on = r.on as unknown as (method: string, path: string, ...h: RouteHandler<E>[]) => void;
  on.call(r, route.method.toUpperCase(), route.path.replaceAll(/\{(\w+)\}/g, ':$1'), ...handlers);
}
