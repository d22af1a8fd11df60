import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Tumen } from '../../../app/tumen.ts';
import { errorResponses } from '../errors.ts';
import { auditPageSchema, auditQuerySchema } from './audit.schema.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/audit', {
    schema: {
      tags: ['audit'],
      summary: 'The audit log, oldest first',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema, ...errorResponses(400) },
    },
    handler: async (req) => {
      const { afterSeq, limit } = req.query;
      const items = await tumen.store.audit.list({ afterSeq, limit });
      const last = items[items.length - 1];
      return { items, nextAfterSeq: items.length === limit && last ? last.seq : null };
    },
  });
};
