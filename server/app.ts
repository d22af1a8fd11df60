import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Tumen } from '../app/tumen.ts';
import { MAX_IMPORT_BYTES } from '../ingest/parse/index.ts';
import { auditRoutes } from './http/audit/audit.routes.ts';
import { candidatesRoutes } from './http/candidates/candidates.routes.ts';
import { figuresRoutes } from './http/figures/figures.routes.ts';
import { registerErrorHandling } from './http/errors.ts';
import { evidenceRoutes } from './http/evidence/evidence.routes.ts';
import { exportRoutes } from './http/export/export.routes.ts';
import { healthRoutes } from './http/health/health.routes.ts';
import { importsRoutes } from './http/imports/imports.routes.ts';
import { recordsRoutes } from './http/records/records.routes.ts';
import { sourcesRoutes } from './http/sources/sources.routes.ts';
import { webAppRoutes } from './http/web-app.ts';

export interface ServerOptions {
  logger?: boolean;
  /** Largest JSON body in bytes (a typed-in source may be a long report). */
  jsonLimit?: number;
  /** Largest uploaded file in bytes; the importer's own limit by default (50 MiB). */
  uploadLimit?: number;
}

export const DEFAULT_JSON_LIMIT = 25 * 1024 * 1024;

/**
 * What a request log line may say: method and path, nothing else. Intake of testimony must not
 * log IP addresses (a log that places a witness's device at a time is itself a danger to them),
 * nor query strings (searches carry names) nor bodies (they are the testimony).
 */
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: (req.url ?? '').split('?')[0] }),
};

export async function buildServer(tumen: Tumen, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info', serializers: logSerializers } : false,
    bodyLimit: opts.jsonLimit ?? DEFAULT_JSON_LIMIT,
    // Client addresses are never needed, so no proxy header is trusted to supply one.
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tumen API',
        version: '1',
        description:
          'Documentation of events, sources and evidence on the North Korea–China border. Every error body is { "error": { "id", "message" } }.',
      },
    },
    transform: jsonSchemaTransform,
  });

  const uploadLimit = opts.uploadLimit ?? MAX_IMPORT_BYTES;
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { tumen });
      await api.register(sourcesRoutes, { tumen });
      await api.register(recordsRoutes, { tumen });
      await api.register(evidenceRoutes, { tumen });
      await api.register(importsRoutes, { tumen, uploadLimit });
      await api.register(exportRoutes, { tumen });
      await api.register(auditRoutes, { tumen });
      await api.register(candidatesRoutes, { tumen });
      await api.register(figuresRoutes, { tumen });
    },
    { prefix: '/api' },
  );
  await app.register(webAppRoutes);
  await app.ready();
  return app;
}
