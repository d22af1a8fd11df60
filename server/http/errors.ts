import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ForbiddenError, TooManyAttemptsError, TumenError, UnauthenticatedError } from '../../domain/errors.ts';

/**
 * The one place where anything thrown on the HTTP surface becomes a status and a body. Domain
 * errors are matched by their stable `id`; everything unexpected is a 500 with a generic message,
 * because a stack trace or a driver message can carry names, paths or connection strings.
 */
export const errorBodySchema = z.object({
  error: z.object({
    id: z.string().describe('stable, documented error id, e.g. not_found, invalid_input, import_binary'),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export interface HttpError {
  status: number;
  body: ErrorBody;
}

const DOMAIN_STATUS: Record<string, number> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  intake_too_large: 413,
  intake_rate_limited: 429,
};

/** Fastify's own failures that are the client's doing; their messages are fixed texts. */
const FASTIFY_STATUS: Record<string, { status: number; id: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    id: 'payload_too_large',
    message: 'The request body is over the size limit.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    id: 'unsupported_media_type',
    message: 'Send JSON (application/json).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, id: 'invalid_input', message: 'body: a JSON body is required' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, id: 'invalid_input', message: 'body: not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    id: 'invalid_input',
    message: 'The Content-Length does not match the body.',
  },
};

export const errorBody = (id: string, message: string): ErrorBody => ({ error: { id, message } });

export function toHttpError(err: unknown): HttpError {
  if (err instanceof UnauthenticatedError) return { status: 401, body: errorBody(err.id, err.message) };
  if (err instanceof ForbiddenError) return { status: 403, body: errorBody(err.id, err.message) };
  if (err instanceof TooManyAttemptsError) return { status: 429, body: errorBody(err.id, err.message) };
  if (err instanceof TumenError) {
    const status = DOMAIN_STATUS[err.id] ?? (err.id.startsWith('import_') ? 422 : 400);
    return { status, body: errorBody(err.id, err.message) };
  }
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const first = e.validation[0];
    const path = [e.validationContext ?? 'request', ...(first?.instancePath.split('/').filter(Boolean) ?? [])].join(
      '.',
    );
    return { status: 400, body: errorBody('invalid_input', `${path}: ${first?.message ?? 'invalid'}`) };
  }
  const known = typeof e?.code === 'string' ? FASTIFY_STATUS[e.code] : undefined;
  if (known) return { status: known.status, body: errorBody(known.id, known.message ?? e.message) };
  // Two writers racing past the store's own duplicate check meet the unique index instead.
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === '23505') {
    return { status: 409, body: errorBody('conflict', 'This conflicts with an item that exists already.') };
  }
  // JSON.parse failures reach here as a SyntaxError carrying statusCode 400.
  if (err instanceof SyntaxError && e.statusCode === 400)
    return { status: 400, body: errorBody('invalid_input', 'body: not valid JSON') };
  if (
    typeof e?.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500 &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_')
  ) {
    return { status: e.statusCode, body: errorBody('bad_request', e.message) };
  }
  return {
    status: 500,
    body: errorBody('internal_error', 'Something went wrong on the server. The details are in the server log.'),
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toHttpError(err);
    if (err instanceof TooManyAttemptsError) void reply.header('Retry-After', String(err.retryAfterSeconds));
    if (status >= 500) {
      // A response that fails its own schema is our bug, not the client's: log which route.
      const detail = isResponseSerializationError(err as FastifyError) ? { route: req.routeOptions.url } : {};
      req.log.error({ err, ...detail }, 'request failed');
    }
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    return reply.code(404).send(errorBody('route_not_found', `No route ${req.method} ${path}`));
  });
}

/** Response entries for OpenAPI: the error shape under each status a route can answer with. */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as { [K in S]: typeof errorBodySchema };
