import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IntakeService } from '../../../app/intake/intake-service.ts';
import { importAsSource, objectCiphertext, storeReply, submissionDetail } from '../../../app/intake/staff.ts';
import type { Tumen } from '../../../app/tumen.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { actorOf } from '../actor.ts';
import { fileNameOf } from '../imports/imports.schema.ts';

const idParams = z.object({ id: z.string().max(64) });

/**
 * Staff inbox (signed in, /api/intake): ciphertext out, ciphertext replies in, and import of
 * bytes the staff browser decrypted. The server never holds a staff identity.
 */
export const intakeStaffRoutes: FastifyPluginAsyncZod<{ tumen: Tumen; service: IntakeService }> = async (app, { tumen, service }) => {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 50 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/intake/submissions', { schema: { tags: ['intake'], summary: 'Received intake submissions: id, day, ciphertext size, files, replies' } }, async () => tumen.store.intake.list());
  app.get('/intake/submissions/:id', { schema: { tags: ['intake'], summary: 'One submission: its ciphertext objects and the recipients a reply goes to', params: idParams } }, async (req) => submissionDetail(tumen, req.params.id));
  app.get('/intake/objects/:id/content', { schema: { tags: ['intake'], summary: 'One object as stored (age ciphertext)', params: idParams } }, async (req, reply) =>
    reply.type('application/octet-stream').header('Cache-Control', 'no-store').send(Buffer.from(await objectCiphertext(tumen, service, req.params.id))),
  );
  app.post('/intake/submissions/:id/replies', { schema: { tags: ['intake'], summary: 'A reply, encrypted in the staff browser to the sender and the recipients', params: idParams, body: z.object({ ciphertext: z.string().max(2 * 1024 * 1024) }) } }, async (req, reply) =>
    reply.code(201).send(await storeReply(tumen, service, req.params.id, Buffer.from(req.body.ciphertext, 'base64'))),
  );
  app.post('/intake/submissions/:id/import', { schema: { tags: ['intake'], summary: 'Import decrypted bytes of one object as a source (X-Intake-Object, X-Expected-SHA256, X-File-Name)', params: idParams } }, async (req, reply) => {
    const body: unknown = req.body;
    const rawName = req.headers['x-file-name'];
    const name = typeof rawName === 'string' ? fileNameOf(rawName) : '';
    const objectId = req.headers['x-intake-object'];
    const expected = req.headers['x-expected-sha256'];
    if (!Buffer.isBuffer(body) || !name || typeof objectId !== 'string' || typeof expected !== 'string') throw new ValidationError('send the decrypted bytes (application/octet-stream) with X-File-Name, X-Intake-Object and X-Expected-SHA256');
    const result = await importAsSource(tumen, actorOf(req), { submissionId: req.params.id, objectId, name, expectedSha256: expected, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
    return reply.code(result.status === 'imported' ? 201 : 200).send(result);
  });
};
