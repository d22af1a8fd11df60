import { readFileSync } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { errorBody, errorResponses } from '../errors.ts';

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const healthRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/health', {
    schema: {
      tags: ['meta'],
      summary: 'Liveness, version and database kind',
      response: {
        200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['sqlite', 'postgres']) }),
        ...errorResponses(503),
      },
    },
    handler: async (req, reply) => {
      try {
        await sql`select 1`.execute(tumen.store.db);
      } catch (err) {
        req.log.error({ err }, 'health: database unreachable');
        return reply.code(503).send(errorBody('database_unavailable', 'The database does not answer.'));
      }
      return { status: 'ok' as const, version: VERSION, database: tumen.store.dialect };
    },
  });

  app.get('/openapi.json', {
    schema: {
      tags: ['meta'],
      summary: 'This API as an OpenAPI 3.1 document',
      response: { 200: z.record(z.string(), z.unknown()) },
    },
    handler: async () => app.swagger() as unknown as Record<string, unknown>,
  });
};
