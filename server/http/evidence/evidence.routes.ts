import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Tumen } from '../../../app/tumen.ts';
import { actorOf } from '../actor.ts';
import { idParamsSchema } from '../common.schema.ts';
import { errorResponses } from '../errors.ts';
import { attachmentDisposition, evidenceFileSchema, safeMediaType } from './evidence.schema.ts';

const tags = ['evidence'];

export const evidenceRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/evidence/:id', {
    schema: {
      tags,
      summary: 'Metadata of one evidence file',
      params: idParamsSchema,
      response: { 200: evidenceFileSchema, ...errorResponses(400, 404) },
    },
    handler: async (req) => tumen.store.evidence.get(actorOf(req), req.params.id),
  });

  app.get('/evidence/:id/content', {
    schema: {
      tags,
      summary: 'The original bytes, as a download',
      params: idParamsSchema,
      response: { 200: z.any().describe('the file, with its media type'), ...errorResponses(400, 404) },
    },
    handler: async (req, reply) => {
      const file = await tumen.store.evidence.get(actorOf(req), req.params.id);
      const bytes = await tumen.blobs.get(file.sha256);
      await tumen.store.audit.recordRead(actorOf(req), { kind: 'evidence', id: file.id }, 'evidence-content');
      // Evidence is untrusted content (an uploaded HTML page may carry scripts): never render it
      // in the app's origin, never let the browser guess its type, never keep it in a shared cache.
      return reply
        .type(safeMediaType(file.mediaType))
        .header('Content-Disposition', attachmentDisposition(file.originalName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  });
};
