import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { Authenticator, type SessionPolicy, type Throttles } from '../app/auth/authenticator.ts';
import type { Tumen } from '../app/tumen.ts';
import { MAX_IMPORT_BYTES, type ParseLimits } from '../ingest/parse/index.ts';
import { cookieSettings, type IdentityContext } from './http/actor.ts';
import { auditRoutes } from './http/audit/audit.routes.ts';
import { registerAuthGate } from './http/auth/auth.hook.ts';
import { authRoutes } from './http/auth/auth.routes.ts';
import { tokensRoutes } from './http/auth/tokens.routes.ts';
import { usersRoutes } from './http/auth/users.routes.ts';
import { logRedaction, logSerializers } from './log-options.ts';
import { collectRoutes, routesWithoutPolicy } from './route-table.ts';
import { candidatesRoutes } from './http/candidates/candidates.routes.ts';
import { publicExportRoutes } from './http/publish/public-export.routes.ts';
import { casesRoutes } from './http/cases/cases.routes.ts';
import { figuresRoutes } from './http/figures/figures.routes.ts';
import { searchRoutes } from './http/search/search.routes.ts';
import { registerErrorHandling } from './http/errors.ts';
import { evidenceRoutes } from './http/evidence/evidence.routes.ts';
import { exportRoutes } from './http/export/export.routes.ts';
import { healthRoutes } from './http/health/health.routes.ts';
import { importsRoutes } from './http/imports/imports.routes.ts';
import { recordsRoutes } from './http/records/records.routes.ts';
import { sourcesRoutes } from './http/sources/sources.routes.ts';
import { webAppRoutes } from './http/web-app.ts';
import { IntakeService, type IntakeOptions } from '../app/intake/intake-service.ts';
import { intakeRoutes } from './http/intake/intake.routes.ts';
import { intakeStaffRoutes } from './http/intake/intake-staff.routes.ts';
import { registerNoStore } from './http/no-store.hook.ts';
import { registerUnicodeCheck } from './http/unicode.hook.ts';

export interface ServerOptions {
  logger?: boolean;
  /** Largest JSON body in bytes (a typed-in source may be a long report). */
  jsonLimit?: number;
  /** Largest uploaded file in bytes; the importer's own limit by default (50 MiB). */
  uploadLimit?: number;
  /**
   * Mark the session cookie Secure (and name it __Host-…). On by default; off only for plain-HTTP
   * loopback (tests, a laptop without TLS), which startServer enforces.
   */
  cookieSecure?: boolean;
  /** Idle and absolute session lifetimes (defaults: 30 minutes, 12 hours). */
  sessions?: SessionPolicy;
  /** Where log lines go (default: stdout); tests capture them here. */
  logStream?: { write(line: string): void };
  /** Secure intake limits (size, chunk, proof-of-work bits, mailbox answer floor). */
  intake?: IntakeOptions;
  /** Time and memory for parsing one uploaded document (defaults: DEFAULT_PARSE_LIMITS). */
  parseLimits?: Partial<ParseLimits>;
  /** Sign-in throttles (defaults: defaultThrottles()); tests pass ones with a frozen clock. */
  throttles?: Throttles;
  /** Sign-in service to use; tests pass one with a fake clock or tighter throttles. */
  authenticator?: Authenticator;
}

export const DEFAULT_JSON_LIMIT = 25 * 1024 * 1024;

export async function buildServer(tumen: Tumen, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger || opts.logStream ? { level: 'info', serializers: logSerializers, redact: logRedaction, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    bodyLimit: opts.jsonLimit ?? DEFAULT_JSON_LIMIT,
    // Client addresses are never needed, so no proxy header is trusted to supply one.
    trustProxy: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  collectRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerUnicodeCheck(app);
  registerNoStore(app);
  await app.register(cookie);
  const cookieCfg = cookieSettings(opts.cookieSecure ?? true);
  const authenticator = opts.authenticator ?? new Authenticator(tumen.store, opts.throttles, opts.sessions);
  const identity: IdentityContext = { tumen, authenticator, cookie: cookieCfg, usersExist: false };
  registerAuthGate(app, identity);

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
  const intake = new IntakeService(tumen, opts.intake);
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { tumen });
      await api.register(authRoutes, { tumen, authenticator, cookie: cookieCfg });
      await api.register(tokensRoutes, { tumen });
      await api.register(usersRoutes, { tumen });
      await api.register(sourcesRoutes, { tumen });
      await api.register(recordsRoutes, { tumen });
      await api.register(evidenceRoutes, { tumen });
      await api.register(importsRoutes, { tumen, uploadLimit, ...(opts.parseLimits ? { parseLimits: opts.parseLimits } : {}) });
      await api.register(exportRoutes, { tumen });
      await api.register(auditRoutes, { tumen });
      await api.register(candidatesRoutes, { tumen });
      await api.register(figuresRoutes, { tumen });
      await api.register(casesRoutes, { tumen });
      await api.register(publicExportRoutes, { tumen });
      await api.register(searchRoutes, { tumen });
      await api.register(intakeStaffRoutes, { tumen, service: intake });
    },
    { prefix: '/api' },
  );
  // Silent below errors: a request line with a timestamp would record the exact time of a submission.
  await app.register(intakeRoutes, { service: intake, logLevel: 'error' });
  await app.register(webAppRoutes);
  await app.ready();
  for (const r of routesWithoutPolicy(app.routeTable)) app.log.error(`route ${r.method} ${r.url} has no access policy: it answers 403 until server/http/route-policies.ts gives it one`);
  return app;
}
