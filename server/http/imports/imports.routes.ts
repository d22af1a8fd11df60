import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importDocument, type DocumentImportProps, type ImportResult } from '../../../app/commands/source-importer.ts';
import type { ParseLimits } from '../../../ingest/parse/index.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { ImportError, ValidationError } from '../../../domain/errors.ts';
import { sha256Hex } from '../../../store/support.ts';
import { actorOf } from '../actor.ts';
import { errorResponses } from '../errors.ts';
import { fileNameOf, importHeadersSchema, importResultSchema } from './imports.schema.ts';

export const importsRoutes: FastifyPluginAsyncZod<{ tumen: Tumen; uploadLimit: number; parseLimits?: Partial<ParseLimits> }> = async (
  app,
  { tumen, uploadLimit, parseLimits },
) => {
  // The body is the file itself, whatever Content-Type the client guessed for it (in this
  // plugin's scope only: the rest of the API stays JSON).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.post('/imports', {
    bodyLimit: uploadLimit,
    schema: {
      tags: ['imports'],
      summary: 'Upload one document (.txt, .md, .html, .pdf) as a new source',
      description: `The request body is the file's bytes (e.g. application/octet-stream), its name in X-File-Name. 201 when imported, 200 when the same bytes were imported before; a file that cannot be read is a 422 and changes nothing (import_too_complex: nested too deep or too many elements; import_timeout: parsing ran over its time). Limit: ${uploadLimit} bytes (413 payload_too_large over it).`,
      headers: importHeadersSchema,
      response: { 200: importResultSchema, 201: importResultSchema, ...errorResponses(400, 413, 422) },
    },
    handler: async (req, reply) => {
      const name = fileNameOf(req.headers['x-file-name']);
      if (!name) throw new ValidationError('headers.x-file-name: required');
      const body: unknown = req.body;
      const bytes = Buffer.isBuffer(body)
        ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
        : new Uint8Array(0);
      const wanted = req.headers['x-compartments'];
      // Where the new source goes, as "a,b"; the default compartment when absent.
      const compartments = typeof wanted === 'string' && wanted.trim() ? wanted.split(',').map((c) => c.trim()).filter(Boolean).slice(0, 20) : undefined;
      const result = await importOnce(tumen, name, bytes, { actor: actorOf(req), maxBytes: uploadLimit, ...(compartments ? { compartments } : {}), ...(parseLimits ? { parseLimits } : {}) });
      return reply.code(result.status === 'imported' ? 201 : 200).send(result);
    },
  });
};

async function importOnce(tumen: Tumen, name: string, bytes: Uint8Array, props: DocumentImportProps): Promise<ImportResult> {
  const { actor } = props;
  try {
    return await importDocument(tumen, name, bytes, props);
  } catch (err) {
    // Two uploads of the same file at once: the loser meets the winner's source and is a duplicate.
    const winner = err instanceof ImportError ? null : await tumen.store.sources.findBySha256(actor, sha256Hex(bytes));
    if (winner)
      return { file: name, status: 'duplicate', sourceId: winner.id, title: winner.title, sha256: winner.sha256 };
    // Metadata the parser drew from the file that the source schema refuses is the file's fault.
    if (err instanceof ValidationError)
      throw new ImportError('unreadable', `The file could not be read: ${err.message}.`);
    throw err;
  }
}
