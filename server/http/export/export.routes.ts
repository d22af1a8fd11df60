import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAll } from '../../../app/commands/exporter.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { actorOf, mayIncludeProtected } from '../actor.ts';
import { errorResponses } from '../errors.ts';
import { ExportStream, sendAttachment } from './export-stream.ts';
import { EXPORT_TYPES, exportQuerySchema } from './export.schema.ts';

export const exportRoutes: FastifyPluginAsyncZod<{ tumen: Tumen }> = async (app, { tumen }) => {
  app.get('/export', {
    schema: {
      tags: ['export'],
      summary: 'Everything, streamed with no row cap',
      description:
        'json: Tumen export (restorable with `tumen import`); csv: one row per record; geojson: places, events and installations with geometry.',
      querystring: exportQuerySchema,
      response: { 200: z.any().describe('the export file'), ...errorResponses(400) },
    },
    handler: async (req, reply) => {
      const { format, include, blobs } = req.query;
      const actor = actorOf(req);
      const out = new ExportStream();
      let done = false;
      const abortIfUnfinished = () => {
        if (!done) out.abort();
      };
      out.on('close', abortIfUnfinished);
      reply.raw.on('close', abortIfUnfinished);
      const day = new Date().toISOString().slice(0, 10);
      const { type, ext } = EXPORT_TYPES[format];
      exportAll(tumen, {
        format,
        out,
        actor,
        includeProtected: mayIncludeProtected(actor, include === 'protected'),
        includeBlobs: blobs === 'true',
      })
        .then(() => {
          done = true;
          out.end();
        })
        .catch((err: unknown) => {
          done = true;
          // The status line is long gone: cutting the stream is the only way to say "incomplete".
          if (out.isAborted) req.log.info('export stopped: the client went away');
          else req.log.error({ err }, 'export failed');
          out.destroy(err instanceof Error ? err : new Error(String(err)));
        });
      return sendAttachment(reply, type, `tumen-export-${day}.${ext}`, out);
    },
  });
};
