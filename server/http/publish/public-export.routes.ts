import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportPublic } from '../../../app/publish/public-export.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { actorOf } from '../actor.ts';
import { errorResponses } from '../errors.ts';
import { ExportStream, sendAttachment } from '../export/export-stream.ts';
import { PUBLIC_TYPES, publicExportQuerySchema } from './public-export.schema.ts';

/**
 * Open data through the redaction rules of app/publish/redaction-rules.ts. The rules decide what
 * leaves, but only from compartments the caller may read: naming any other (or one that does not
 * exist) is the same 400, checked before the first byte is sent.
 */
export const publicExportRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/public-export', {
    schema: {
      tags: ['export'],
      summary: 'Open data safe to publish (public profile), streamed',
      querystring: publicExportQuerySchema,
      response: { 200: z.any().describe('the public export file'), ...errorResponses(400) },
    },
    handler: async (req, reply) => {
      const { format, publishable, grid, k } = req.query;
      const grants = actorOf(req).grants ?? {};
      const unseen = publishable.find((c) => !grants[c]);
      if (unseen !== undefined) throw new ValidationError(`publishable: no compartment "${unseen}" you can read`);
      const out = new ExportStream();
      let done = false;
      const abortIfUnfinished = () => {
        if (!done) out.abort();
      };
      reply.raw.on('close', abortIfUnfinished);
      exportPublic(tumen.store, { format, out, publishable, grid, k })
        .then(() => {
          done = true;
          out.end();
        })
        .catch((err: unknown) => {
          done = true;
          if (!out.isAborted) req.log.error({ err }, 'public export failed');
          out.destroy(err instanceof Error ? err : new Error(String(err)));
        });
      const { type, ext } = PUBLIC_TYPES[format];
      return sendAttachment(reply, type, `tumen-public-${new Date().toISOString().slice(0, 10)}.${ext}`, out);
    },
  });
};
