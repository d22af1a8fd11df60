import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IntakeService } from '../../../app/intake/intake-service.ts';
import { IntakeError } from '../../../domain/intake/errors.ts';
import { addIntakeHeaders } from './intake-headers.ts';
import { createSubmissionSchema, followupSchema, mailboxProofSchema, objectParams, offsetQuery } from './intake.schema.ts';
import { intakePageRoutes } from './intake-page.ts';

/**
 * The public door (no account): /intake (page, no-JS form) and /intake/api (config, proof of
 * work, submissions, chunked upload, mailbox). Outside /api on purpose: the staff auth gate and
 * its cookies play no part, and these handlers never read the socket address or any header but
 * the upload token.
 */
export const intakeRoutes: FastifyPluginAsyncZod<{ service: IntakeService }> = async (app, { service }) => {
  addIntakeHeaders(app);
  // Upload chunks are raw bytes; the no-JS form is urlencoded. Only in this plugin's scope.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: service.opts.chunkBytes }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
  const hide = { hide: true };

  app.get('/intake/api/config', { schema: hide }, async () => service.publicConfig());
  app.post('/intake/api/challenge', { schema: hide }, async () => service.challenge());
  app.post('/intake/api/submissions', { schema: { ...hide, body: createSubmissionSchema } }, async (req, reply) => reply.code(201).send(await service.createSubmission(req.body)));

  const tokenOf = (h: string | string[] | undefined) => (typeof h === 'string' ? h.replace(/^Intake /, '') : '');
  app.get('/intake/api/objects/:id', { schema: { ...hide, params: objectParams } }, async (req) => service.uploadStatus(req.params.id, tokenOf(req.headers.authorization)));
  app.put('/intake/api/objects/:id', { bodyLimit: service.opts.chunkBytes, schema: { ...hide, params: objectParams, querystring: offsetQuery } }, async (req) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body)) throw new IntakeError('framing', 'Send the chunk as application/octet-stream.');
    return service.uploadChunk(req.params.id, tokenOf(req.headers.authorization), req.query.offset, new Uint8Array(body.buffer, body.byteOffset, body.byteLength));
  });
  app.post('/intake/api/submissions/:id/finish', { schema: { ...hide, params: objectParams } }, async (req) => service.finish(req.params.id, tokenOf(req.headers.authorization)));

  app.post('/intake/api/mailbox', { schema: { ...hide, body: mailboxProofSchema } }, async (req) => service.openMailbox(req.body));
  app.post('/intake/api/mailbox/messages', { schema: { ...hide, body: followupSchema } }, async (req, reply) =>
    reply.code(201).send(await service.addFollowup(req.body, Buffer.from(req.body.ciphertext, 'base64'))),
  );

  await app.register(intakePageRoutes, { service });
};
